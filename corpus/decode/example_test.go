package decode_test

import (
	"fmt"

	"github.com/corpus-explorer/explorer/corpus/decode"
)

func ExampleBytes() {
	// UTF-8 that went through Windows-1250 once, with Windows line endings.
	r, err := decode.Bytes([]byte("Le gĂ©ant a dĂ©jĂ un plan.\r\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q %s, %d repairs\n", r.Text, r.Encoding, r.Repairs)

	// Latin-1 bytes are not UTF-8: decoded with a warning.
	r, _ = decode.Bytes([]byte("caf\xe9 cr\xe8me"))
	fmt.Printf("%q %s %q\n", r.Text, r.Encoding, r.Warnings)

	_, err = decode.Bytes([]byte("\x89PNG\r\n\x1a\n\x00\x00"))
	fmt.Println(err)
	// Output:
	// "Le géant a déjà un plan.\n" utf-8, 3 repairs
	// "café crème" windows-1252 ["not valid UTF-8: decoded as windows-1252 (guessed)"]
	// binary data, not text: looks like a PNG image
}

func ExampleRepair() {
	for _, s := range []string{
		"Hôtel de ville, HÃ´tel de Police", // Windows-1252, next to correct text
		"doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t",         // three layers
		"NICIODATĂ™", // Romanian and a trademark: right as it is
	} {
		fmt.Println(decode.Repair(s))
	}
	// Output:
	// Hôtel de ville, Hôtel de Police 1
	// doesn’t 1
	// NICIODATĂ™ 0
}
