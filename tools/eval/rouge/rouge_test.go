package rouge

import (
	"math"
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in          string
		def, accent []string
	}{
		{"Le géant chinois", []string{"le", "g", "ant", "chinois"}, []string{"le", "géant", "chinois"}},
		{"L'IA, 85.000 emplois!", []string{"l", "ia", "85", "000", "emplois"}, []string{"l", "ia", "85", "000", "emplois"}},
		{"  ", nil, nil},
		{"e-commerce", []string{"e", "commerce"}, []string{"e", "commerce"}},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in); !equal(got, tt.def) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.def)
		}
		if got := TokenizeUnicode(tt.in); !equal(got, tt.accent) {
			t.Errorf("TokenizeUnicode(%q) = %q, want %q", tt.in, got, tt.accent)
		}
	}
}

func equal(a, b []string) bool { return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b) }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The expected values are computed by hand.
func TestScores(t *testing.T) {
	tests := []struct {
		name      string
		ref, cand string
		n         int // 0 for ROUGE-L
		p, r      float64
	}{
		// 4 unigrams each; "le" and "chat" match (the candidate's second
		// "le" is clipped to the reference's one).
		{"unigrams clipped", "le chat dort ici", "le le chat mange", 1, 2.0 / 4, 2.0 / 4},
		{"bigrams", "le chat dort ici", "le chat dort là", 2, 2.0 / 3, 2.0 / 3},
		{"no bigram", "a b", "b a", 2, 0, 0},
		{"identical", "un deux trois", "un deux trois", 2, 1, 1},
		// LCS of "a b c d e" and "a x c y e z" is "a c e" = 3.
		{"lcs", "a b c d e", "a x c y e z", 0, 3.0 / 6, 3.0 / 5},
		// LCS of "b a" and "a b" is 1.
		{"lcs order", "a b", "b a", 0, 0.5, 0.5},
		{"empty candidate", "a b", "", 1, 0, 0},
		{"empty reference", "", "a", 0, 0, 0},
	}
	for _, tt := range tests {
		ref, cand := Tokenize(tt.ref), Tokenize(tt.cand)
		var s Score
		if tt.n == 0 {
			s = L(ref, cand)
		} else {
			s = N(ref, cand, tt.n)
		}
		f := 0.0
		if tt.p+tt.r > 0 {
			f = 2 * tt.p * tt.r / (tt.p + tt.r)
		}
		if !near(s.P, tt.p) || !near(s.R, tt.r) || !near(s.F, f) {
			t.Errorf("%s: got %+v, want P=%v R=%v F=%v", tt.name, s, tt.p, tt.r, f)
		}
	}
}

func TestLCS(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a b c b d a b", "b d c a b a", 4}, // the textbook example (CLRS): "b c b a"
		{"", "a", 0},
		{"a", "a", 1},
		{"x y z", "a b c", 0},
	}
	for _, tt := range tests {
		if got := LCS(Tokenize(tt.a), Tokenize(tt.b)); got != tt.want {
			t.Errorf("LCS(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
