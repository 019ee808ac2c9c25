package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var fuzzSeeds = []string{
	"",
	"Le gĂ©ant a dĂ©jĂ un plan Ă Hangzhou, oĂą tout est en tĂŞte.",
	"HÃ´tel, nÃƒÂ© Jim, doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t, Ã  la, Ã s crianÃ§as",
	"Hi guys í\u00a0½í¸\u008d ï¿½ â€œlossyâ€\uFFFD",
	"\u0084Hallo\u0093 \u0081",
	"Г‚ВЈ5.8bn, ×‘×”×•×“×¢×”, MĂĄm dost tĹ\u0099etĂ\u00adho",
	"NICIODATĂ™ C O N C L U S Ã O 5×£35",
	"caf\xe9 \xff\xfe",
	"\xef\xbb\xbfBOM\r\nCRLF\rCR",
	"\xff\xfeh\x00i\x00",
	"\xed\xa0\xbd\xed\xb8\x80",
	"e\u0301\u0301\u0327",
}

// FuzzRepair checks that Repair never panics, keeps valid UTF-8 valid,
// counts a repair whenever it changes something, and is idempotent.
func FuzzRepair(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, n := Repair(s)
		if n < 0 || (n == 0) != (out == s) {
			t.Fatalf("Repair(%q) = %q, %d: count does not match the change", s, out, n)
		}
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Repair(%q) = %q: invalid UTF-8", s, out)
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Repair(%q) = %q: lines changed", s, out)
		}
		if again, m := Repair(out); again != out || m != 0 {
			t.Fatalf("Repair not idempotent: %q -> %q -> %q (%d)", s, out, again, m)
		}
	})
}

// FuzzBytes checks that Bytes never panics and returns valid NFC UTF-8
// with "\n" line endings, or an error wrapping ErrBinary.
func FuzzBytes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Bytes(b)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("Bytes(%q): error %v does not wrap ErrBinary", b, err)
			}
			return
		}
		if !utf8.ValidString(r.Text) {
			t.Fatalf("Bytes(%q).Text = %q: invalid UTF-8", b, r.Text)
		}
		if !norm.NFC.IsNormalString(r.Text) {
			t.Fatalf("Bytes(%q).Text = %q: not NFC", b, r.Text)
		}
		if strings.ContainsRune(r.Text, '\r') {
			t.Fatalf("Bytes(%q).Text = %q: carriage return left", b, r.Text)
		}
		if r.Encoding == "" || r.Invalid < 0 || r.Repairs < 0 {
			t.Fatalf("Bytes(%q) = %+v", b, r)
		}
		if r.Invalid > 0 && len(r.Warnings) == 0 {
			t.Fatalf("Bytes(%q): %d invalid bytes without a warning", b, r.Invalid)
		}
	})
}
