package summary

import (
	"slices"
	"strings"
	"testing"
)

func TestFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a ", "a b", "  a\t\nb  c ", "déjà vu", "a\u00a0b\u2003c", "a\u200bb",
		"\xff \xfe", "«\u202fguillemets\u202f»", "fin\n", "\u3000x",
	} {
		want := strings.Fields(s)
		if got := fields(s); !slices.Equal(got, want) {
			t.Errorf("fields(%q) = %q, want %q (strings.Fields)", s, got, want)
		}
	}
}
