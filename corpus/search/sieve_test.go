package search

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sahilm/fuzzy"
)

// TestPropertyFuzzySieve: a list's sieve says that a query matches
// exactly when a word of the list is a fuzzy match of it that fuzzyGood
// keeps (as fuzzyTerms and fuzzyTitles find them, over the whole list),
// so that AbsentWords misses none and adds none.
func TestPropertyFuzzySieve(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcdeirst-é"[rng.IntN(11)]
		}
		b[0] = "abc"[rng.IntN(3)]
		return string(b)
	}
	var ws []string
	for range 2000 {
		ws = append(ws, word(3+rng.IntN(16)))
	}
	slices.Sort(ws)
	ws = slices.Compact(ws)
	s := newFuzzySieve(ws)
	matched, turned := 0, 0
	for range 3000 {
		q := word(minFuzzy + rng.IntN(12))
		if rng.IntN(2) == 0 {
			// A word of the list with some of its letters left out.
			w := []byte(ws[rng.IntN(len(ws))])
			for range rng.IntN(len(w) / 2) {
				i := 1 + rng.IntN(len(w)-1)
				w = append(w[:i], w[i+1:]...)
			}
			q = string(w)
		}
		q = q[:min(len(q), maxFuzzyLen)]
		if len(q) < minFuzzy {
			continue
		}
		good := false
		for _, m := range fuzzy.FindNoSort(q, ws) {
			good = good || m.Str[0] == q[0] && fuzzyGood(q, m.Str, m.MatchedIndexes)
		}
		may := s.matches(q)
		if good != may {
			t.Fatalf("%q: a good fuzzy match %v, the sieve's %v", q, good, may)
		}
		if good {
			matched++
		}
		if !may {
			turned++
		}
	}
	t.Logf("%d matched, %d turned away", matched, turned)
	if matched < 100 || turned < 1000 {
		t.Errorf("%d queries with a good match, %d turned away: the test tests little", matched, turned)
	}
}
