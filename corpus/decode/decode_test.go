package decode

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

func nfc(s string) string { return norm.NFC.String(s) }

func utf16Bytes(s string, be, bom bool) []byte {
	var b []byte
	u := utf16.Encode([]rune(s))
	if bom {
		u = append([]uint16{0xFEFF}, u...)
	}
	for _, c := range u {
		if be {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

func encode(t *testing.T, cm *charmap.Charmap, s string) []byte {
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func TestBytes(t *testing.T) {
	const fr = "L’été à Paris : déjà « très » chaud, où êtes-vous ? Ça, c’est la vie. Œuvre, cœur."
	const cz = "Příliš žluťoučký kůň úpěl ďábelské ódy. Řeka teče."
	tests := []struct {
		name     string
		in       []byte
		text     string
		enc      string
		invalid  int
		repairs  int
		warnings []string // substrings, in order
	}{
		{"empty", nil, "", "utf-8", 0, 0, []string{"empty"}},
		{"utf-8", []byte(fr), fr, "utf-8", 0, 0, nil},
		{"utf-8 BOM", append([]byte("\xEF\xBB\xBF"), fr...), fr, "utf-8-bom", 0, 0, nil},
		{"utf-16le BOM", utf16Bytes(fr+" 😀", false, true), fr + " 😀", "utf-16le", 0, 0, nil},
		{"utf-16be BOM", utf16Bytes(fr, true, true), fr, "utf-16be", 0, 0, nil},
		{"utf-16le no BOM", utf16Bytes(fr, false, false), fr, "utf-16le", 0, 0, []string{"no byte order mark"}},
		{"utf-16be no BOM", utf16Bytes(fr, true, false), fr, "utf-16be", 0, 0, []string{"no byte order mark"}},
		{"utf-16 odd length", append(utf16Bytes("abc", false, true), 'x'), "abc\uFFFD", "utf-16le", 1, 0, []string{"1 invalid UTF-16 code unit"}},
		{"utf-16 lone surrogate", append(utf16Bytes("ab", false, true), 0x00, 0xD8, 'c', 0), "ab\uFFFDc", "utf-16le", 1, 0, []string{"invalid UTF-16"}},
		{"invalid utf-8", []byte("déjà vu, café, été, \xff là, où, ça"), "déjà vu, café, été, \uFFFD là, où, ça", "utf-8", 1, 0, []string{"1 invalid UTF-8 byte replaced by U+FFFD (first at byte 25)"}},
		{"truncated utf-8", []byte("café crème brûlée à l’été\xc3"), "café crème brûlée à l’été\uFFFD", "utf-8", 1, 0, []string{"invalid UTF-8"}},
		{"CESU-8", []byte("emoji \xED\xA0\xBD\xED\xB8\x80 ok"), "emoji 😀 ok", "utf-8", 0, 0, []string{"CESU-8"}},
		{"windows-1252", encode(t, charmap.Windows1252, fr), fr, "windows-1252", 0, 0, []string{"not valid UTF-8: decoded as windows-1252"}},
		{"windows-1252 undefined byte", []byte("caf\xe9 \x81 ici"), "café \uFFFD ici", "windows-1252", 1, 0, []string{"windows-1252", "1 byte undefined in windows-1252"}},
		{"iso-8859-15", encode(t, charmap.ISO8859_15, "Un cœur à 10 € l’œuvre."[:0]+"Un cœur à 10 € et une œuvre."), "Un cœur à 10 € et une œuvre.", "iso-8859-15", 0, 0, []string{"iso-8859-15"}},
		{"windows-1250", encode(t, charmap.Windows1250, cz), cz, "windows-1250", 0, 0, []string{"windows-1250"}},
		{"CRLF", []byte("a\r\nb\rc\n"), "a\nb\nc\n", "utf-8", 0, 0, nil},
		{"NFC", []byte("e\u0301te\u0301"), "été", "utf-8", 0, 0, nil},
		{"mojibake", []byte("Le gĂ©ant dĂ©jĂ lĂ \r\n"), "Le géant déjà là \n", "utf-8", 0, 4, nil},
		{"mojibake in windows-1252 bytes", encode(t, charmap.Windows1252, "Ã©tÃ© Ã  Paris"), "été à Paris", "windows-1252", 0, 3, []string{"windows-1252"}},
		{"final Ctrl-Z", []byte("old DOS text\x1a"), "old DOS text\x1a", "utf-8", 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Bytes(tt.in)
			if err != nil {
				t.Fatalf("Bytes: %v", err)
			}
			if r.Text != tt.text || r.Encoding != tt.enc || r.Invalid != tt.invalid || r.Repairs != tt.repairs {
				t.Errorf("Bytes(%q) =\n %q %s invalid=%d repairs=%d\nwant\n %q %s invalid=%d repairs=%d",
					tt.in, r.Text, r.Encoding, r.Invalid, r.Repairs, tt.text, tt.enc, tt.invalid, tt.repairs)
			}
			all := strings.Join(r.Warnings, "\n")
			for _, w := range tt.warnings {
				i := strings.Index(all, w)
				if i < 0 {
					t.Errorf("warnings %q: missing %q", r.Warnings, w)
					continue
				}
				all = all[i+len(w):]
			}
			if len(tt.warnings) == 0 && len(r.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", r.Warnings)
			}
		})
	}
}

func TestBytesBinary(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	tests := []struct {
		name string
		in   []byte
		why  string
	}{
		{"NUL", []byte("text\x00more text and more"), "NUL byte at offset 4"},
		{"PNG", png, "PNG image"},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "PDF document"},
		{"ZIP", []byte("PK\x03\x04\x14\x00\x06\x00"), "ZIP archive"},
		{"controls", bytes.Repeat([]byte("ab\x01\x02\x03cd"), 100), "control bytes"},
		{"UTF-16 of binary", utf16Bytes("ab\x00\x01\x02\x03\x04\x05", false, true), "NUL character"},
		{"random", func() []byte {
			b := make([]byte, 4096)
			x := uint32(1)
			for i := range b {
				x = x*1664525 + 1013904223
				b[i] = byte(x >> 24)
			}
			return b
		}(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Bytes(tt.in)
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("Bytes: err = %v, want ErrBinary", err)
			}
			if !strings.Contains(err.Error(), tt.why) {
				t.Errorf("error %q does not say %q", err, tt.why)
			}
		})
	}
}

func TestGuessLegacy(t *testing.T) {
	tests := []struct {
		text string
		cm   *charmap.Charmap
		want string
	}{
		{"Le cœur a ses raisons, à 10 €.", charmap.ISO8859_15, "iso-8859-15"},
		{"Voilà « l’été » — déjà fini…", charmap.Windows1252, "windows-1252"},
		{"Très bien, à demain, où êtes-vous, père ?", charmap.Windows1252, "windows-1252"},
		{"Zażółć gęślą jaźń, mówił Łukasz.", charmap.Windows1250, "windows-1250"},
		{"Příliš žluťoučký kůň úpěl ďábelské ódy.", charmap.Windows1250, "windows-1250"},
		{"Smørrebrød og blåbær på Ærø.", charmap.Windows1252, "windows-1252"},
	}
	for _, tt := range tests {
		if got := guessLegacy(encode(t, tt.cm, tt.text)).name; got != tt.want {
			t.Errorf("guessLegacy(%q in %s) = %s, want %s", tt.text, tt.cm, got, tt.want)
		}
	}
}
