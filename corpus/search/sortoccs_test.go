package search

import (
	"math/rand"
	"slices"
	"testing"
)

// TestSortOccs checks sortOccs against a stable sort by key, on lists
// made as occurrences makes them (runs already in order, one after
// another) and on lists in any order, reusing its spare memory.
func TestSortOccs(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var spare []occ
	for n := 0; n < 2000; n++ {
		var s []occ
		runs := rng.Intn(12)
		for r := 0; r < runs; r++ {
			title := rng.Intn(3)
			text := rng.Intn(40)
			p := int32(0)
			for i := 0; i < title+text; i++ {
				if i == title {
					p = 0
				}
				p += int32(rng.Intn(4)) // ties too
				s = append(s, occ{pos: p, vi: uint16(r), term: uint8(i), kt: occKT(kindExact, i < title)})
			}
		}
		if n%5 == 0 {
			rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		}
		want := slices.Clone(s)
		slices.SortStableFunc(want, func(a, b occ) int { return int(int64(a.key()) - int64(b.key())) })
		var got []occ
		got, spare = sortOccs(s, spare)
		if !slices.Equal(got, want) {
			t.Fatalf("list %d of %d runs: got %v, want %v", n, runs, got, want)
		}
		if len(spare) != 0 || len(got) > 0 && cap(spare) > 0 && &spare[:1][0] == &got[0] {
			t.Fatalf("list %d: spare shares the result's memory", n)
		}
	}
}
