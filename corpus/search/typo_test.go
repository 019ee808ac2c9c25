package search

import (
	"strings"
	"testing"
)

// TestTypoCost pins the cost of each kind of typo, in half edits: the
// ones people make most count 1, any other edit 2.
func TestTypoCost(t *testing.T) {
	for _, c := range []struct {
		typed, term string
		want        int
	}{
		{"image", "image", 0},
		{"imgae", "image", 1},               // neighbours swapped
		{"cheminn", "chemin", 1},            // a letter doubled
		{"verouiller", "verrouiller", 1},    // a double letter dropped
		{"masqe", "masque", 1},              // the u of "qu" dropped
		{"ortographe", "orthographe", 1},    // a silent h dropped
		{"periferique", "peripherique", 1},  // f for ph
		{"copiet", "copier", 1},             // a neighbouring key (AZERTY r, t)
		{"copiet", "copie", 2},              // a letter added
		{"transparance", "transparence", 1}, // a and e sound alike
		{"transparance", "transparente", 3}, // another letter, and a, e
		{"dinamique", "dynamique", 1},       // i and y
		{"calqe", "calque", 1},              // the u of "qu" again
		{"exisant", "existant", 2},          // a letter dropped
		{"tartiflette", "tartelette", 4},    // two other edits
		{"myrtille", "mireille", 3},         // i for y, then another
		{"myrtille", "mortelle", 4},         // two other edits
		{"tarteletet", "tartelette", 1},     // swapped
		{"tartellete", "tartelette", 2},     // a letter doubled, a double dropped
		{"moteur", "voiture", 8},
	} {
		if got := typoCost(c.typed, c.term); got != c.want {
			t.Errorf("typoCost(%q, %q) = %d, want %d", c.typed, c.term, got, c.want)
		}
	}
}

// TestSubCost: neighbouring keys on AZERTY or QWERTY and letters of the
// same sound are cheap; other letters are not.
func TestSubCost(t *testing.T) {
	for _, c := range []struct {
		a, b byte
		want int
	}{
		{'a', 'a', 0}, {'r', 't', 1}, {'e', 'd', 1}, {'q', 's', 1}, {'a', 'z', 1}, // AZERTY
		{'w', 'e', 1}, {'n', 'm', 1}, {'a', 's', 1}, // QWERTY
		{'a', 'e', 1}, {'i', 'y', 1}, {'c', 'k', 1}, {'g', 'j', 1}, // sounds
		{'t', 'e', 2}, {'i', 'e', 2}, {'y', 'o', 2}, {'a', 'p', 2}, {'b', 'x', 2}, {'1', 'a', 2},
	} {
		if got := subCost(c.a, c.b); got != c.want {
			t.Errorf("subCost(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := subCost(c.b, c.a); got != c.want {
			t.Errorf("subCost(%q, %q) = %d, want %d", c.b, c.a, got, c.want)
		}
	}
}

// TestCloseLetters derives the neighbouring keys from the rows of the
// AZERTY and QWERTY keyboards (each row shifted right of the one above by
// a quarter of a key, then three quarters), and checks closeLetters lists
// them, with the letters of the same sound, and nothing else.
func TestCloseLetters(t *testing.T) {
	rows := [...]struct {
		keys  string
		shift int // in quarters of a key
	}{
		{"azertyuiop", 0}, {"qsdfghjklm", 1}, {"wxcvbn", 3},
		{"qwertyuiop", 0}, {"asdfghjkl", 1}, {"zxcvbnm", 3},
	}
	want := map[string]bool{"ae": true, "iy": true, "ck": true, "cs": true, "sz": true, "gj": true}
	for k := 0; k < len(rows); k += 3 {
		for r1 := k; r1 < k+3; r1++ {
			for r2 := k; r2 < k+3; r2++ {
				for i := range rows[r1].keys {
					for j := range rows[r2].keys {
						a, b := rows[r1].keys[i], rows[r2].keys[j]
						dc := 4*i + rows[r1].shift - 4*j - rows[r2].shift
						if r1 == r2 && (dc == 4 || dc == -4) || (r1-r2 == 1 || r2-r1 == 1) && dc <= 3 && dc >= -3 {
							want[string([]byte{min(a, b), max(a, b)})] = true
						}
					}
				}
			}
		}
	}
	got := map[string]bool{}
	for _, p := range strings.Fields(closeLetters) {
		if got[p] || len(p) != 2 || p[0] >= p[1] {
			t.Errorf("closeLetters: %q repeated or out of order", p)
		}
		got[p] = true
	}
	for p := range want {
		if !got[p] {
			t.Errorf("closeLetters lacks %q", p)
		}
	}
	for p := range got {
		if !want[p] {
			t.Errorf("closeLetters has %q, neither neighbouring keys nor of the same sound", p)
		}
	}
}
