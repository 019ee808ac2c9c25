package summary

import (
	"strings"
	"testing"
)

func TestWellFormed(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"The installer asks for a licence key, which you find on the back of the box.", true},
		{"Wait... the installer asks for a licence key, which you find on the box.", true},
		{"2.1 ASN.1 syntax. . . . . . . . . . . . . . . . . . . . 2 2.2 Naming . . . . . . . . . . . . . 3 2.3 Simple parsing. . . . . . . 4", false},
		{"Introduction to the library and its functions............................ 12 Installing the library on your system........ 14", false},
		{"Introduction à la bibliothèque et à ses fonctions…… 12 Installer la bibliothèque sur le système…… 14", false},
		{"if (x == 1) { return y; } else { return z; }", false},
		{"• a list item that goes on for a while.", false},
	} {
		if got := wellFormed(c.s, len(strings.Fields(c.s))); got != c.want {
			t.Errorf("wellFormed(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
