package token

import (
	"sort"
	"testing"
)

func TestStopTables(t *testing.T) {
	for name, tab := range map[string][]string{"fr": frStop[:], "en": enStop[:], "frMarkers": frMarkers[:], "enMarkers": enMarkers[:]} {
		if !sort.StringsAreSorted(tab) {
			t.Errorf("%s: not sorted", name)
		}
		for i, w := range tab {
			if i > 0 && tab[i-1] == w {
				t.Errorf("%s: %q twice", name, w)
			}
			if Fold(w) != w || w == "" {
				t.Errorf("%s: %q not folded", name, w)
			}
			if len(w) > maxStopLen {
				t.Errorf("%s: %q longer than maxStopLen", name, w)
			}
		}
	}
	for _, e := range elisions {
		if !For("fr").IsStop(e) {
			t.Errorf("elision %q is not a French stopword", e)
		}
	}
}

func TestIsStop(t *testing.T) {
	tests := []struct {
		lang, term string
		want       bool
	}{
		{"fr", "le", true},
		{"fr", "les", true},
		{"fr", "ete", true}, // été, folded
		{"fr", "meme", true},
		{"fr", "a", true}, // à
		{"fr", "l", true},
		{"fr", "jusqu", true},
		{"fr", "été", false}, // IsStop takes folded terms
		{"fr", "chat", false},
		{"fr", "the", false},
		{"fr", "", false},
		{"en", "the", true},
		{"en", "yourselves", true},
		{"en", "s", true},
		{"en", "le", false},
		{"en", "cat", false},
		{"xx", "le", true}, // unknown language: French
	}
	for _, tt := range tests {
		if got := For(tt.lang).IsStop(tt.term); got != tt.want {
			t.Errorf("For(%q).IsStop(%q) = %v, want %v", tt.lang, tt.term, got, tt.want)
		}
	}
}

func TestFor(t *testing.T) {
	for _, l := range Languages() {
		if got := For(l).Lang(); got != l {
			t.Errorf("For(%q).Lang() = %q", l, got)
		}
	}
	if got := For("de").Lang(); got != "fr" {
		t.Errorf("For(de).Lang() = %q, want fr", got)
	}
}
