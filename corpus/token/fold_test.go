package token

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"ABC def", "abc def"},
		{"Électronique", "electronique"},
		{"ÉLECTRONIQUE", "electronique"},
		{"déjà où ça", "deja ou ca"},
		{"Œuvre cœur", "oeuvre coeur"},
		{"Æsir æ", "aesir ae"},
		{"Straße ẞ", "strasse ss"},
		{"ﬁnance ﬂ", "finance fl"},
		{"Ｅｘｐｌｏｒｅｒ １２", "explorer 12"},
		{"naïve Noël", "naive noel"},
		{"Łódź Øre Đorđe", "lodz ore dorde"},
		{"Ἀθῆναι ΟΔΟΣ οδός", "αθηναι οδοσ οδοσ"},
		{"Ёлка йод Її", "елка иод іі"},
		{"e\u0301te\u0301", "ete"},                   // decomposed accents
		{"e\u0301lectro\u00ADnique", "electronique"}, // soft hyphen
		{"Ǆ ǅ ǆ", "dz dz dz"},
		{"ª º µ", "a o μ"},
		{"İstanbul", "istanbul"},
		{"𐐀𐐁", "𐐨𐐩"}, // Deseret: non-BMP, lower-cased only
		{"北京", "北京"},
		{"l’homme, l'État!", "l’homme, l'etat!"},
		{"\xff\xfeA", "\ufffd\ufffda"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendFold([]byte("x"), tt.in)); got != "x"+tt.want {
			t.Errorf("AppendFold(x, %q) = %q, want %q", tt.in, got, "x"+tt.want)
		}
	}
}

// TestFoldIdempotent folds every rune twice.
func TestFoldIdempotent(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		f := Fold(string(r))
		if g := Fold(f); g != f {
			t.Errorf("Fold(Fold(%U)) = %q, Fold = %q", r, g, f)
		}
		if !utf8.ValidString(f) {
			t.Errorf("Fold(%U) = %q, invalid UTF-8", r, f)
		}
	}
}

// TestFoldMatchesDecomposition checks the table against the Unicode
// decompositions: a Latin, Greek or Cyrillic letter folds like its
// canonical decomposition with the diacritics removed, and
// decomposed input folds like precomposed input.
func TestFoldMatchesDecomposition(t *testing.T) {
	blocks := [][2]rune{{0x00C0, 0x024F}, {0x0370, 0x03FF}, {0x0400, 0x04FF}, {0x1E00, 0x1EFF}, {0x1F00, 0x1FFF}}
	n := 0
	for _, b := range blocks {
		for r := b[0]; r <= b[1]; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			var want strings.Builder
			for _, c := range norm.NFD.String(string(unicode.ToLower(r))) {
				if !unicode.Is(unicode.Mn, c) {
					want.WriteRune(unicode.ToLower(c))
				}
			}
			got := Fold(string(r))
			if w := Fold(want.String()); got != w {
				t.Errorf("Fold(%U %c) = %q, want %q", r, r, got, w)
			}
			if d := Fold(norm.NFD.String(string(r))); d != got {
				t.Errorf("Fold(NFD(%U %c)) = %q, Fold = %q", r, r, d, got)
			}
			n++
		}
	}
	if n < 1000 {
		t.Errorf("checked %d letters, want at least 1000", n)
	}
}

// TestFoldTableVersion fails when golang.org/x/text moves to another
// Unicode version than the one the table was generated from: run go
// generate.
func TestFoldTableVersion(t *testing.T) {
	if unicodeVersion != norm.Version {
		t.Errorf("fold table from Unicode %s, x/text has %s: run go generate", unicodeVersion, norm.Version)
	}
	for i := 1; i < len(foldKeys); i++ {
		if foldKeys[i-1] >= foldKeys[i] {
			t.Fatalf("foldKeys not sorted at %d", i)
		}
		if foldEnds[i-1] > foldEnds[i] {
			t.Fatalf("foldEnds not increasing at %d", i)
		}
	}
}
