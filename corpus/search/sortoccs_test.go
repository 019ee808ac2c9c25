package search

import (
	"github.com/corpus-explorer/explorer/corpus"
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
		slices.SortStableFunc(want, func(a, b occ) int { return int(a.key()) - int(b.key()) })
		spare = sortOccs(s, spare)
		if !slices.Equal(s, want) {
			t.Fatalf("list %d of %d runs: got %v, want %v", n, runs, s, want)
		}
		if len(s) > 0 && cap(spare) > 0 && &spare[:1][0] == &s[0] {
			t.Fatalf("list %d: spare shares the list's memory", n)
		}
	}
}

// TestMergeSpans checks mergeSpans, short lists and long, against a
// sort of the spans then a merge of those that overlap or touch.
func TestMergeSpans(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 3000; n++ {
		head := []corpus.Span{{Start: -5, End: -1}} // before from: left alone
		var s []corpus.Span
		for k := rng.Intn(40); k > 0; k-- {
			a := rng.Intn(100)
			s = append(s, corpus.Span{Start: a, End: a + rng.Intn(6)})
		}
		sorted := slices.Clone(s)
		slices.SortFunc(sorted, func(a, b corpus.Span) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return a.End - b.End
		})
		want := slices.Clone(head)
		for _, x := range sorted {
			if k := len(want); k > 1 && x.Start <= want[k-1].End {
				want[k-1].End = max(want[k-1].End, x.End)
				continue
			}
			want = append(want, x)
		}
		if got := mergeSpans(append(slices.Clone(head), s...), 1); !slices.Equal(got, want) {
			t.Fatalf("mergeSpans(%v): %v, want %v", s, got, want)
		}
	}
}

// TestSortTop checks that sortTop puts in s[:k] the k first of s in the
// order of a sort, and keeps the others in s[k:], for lists shorter and
// longer than 2k.
func TestSortTop(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	score := make([]int, 500)
	for i := range score {
		score[i] = rng.Intn(50) // ties, broken by number
	}
	cmp := func(a, b int) int {
		if score[a] != score[b] {
			return score[b] - score[a]
		}
		return a - b
	}
	for n := 0; n < 500; n++ {
		s := rng.Perm(len(score))[:rng.Intn(len(score))]
		k := rng.Intn(60)
		want := slices.Clone(s)
		slices.SortFunc(want, cmp)
		sortTop(s, k, cmp)
		top := min(k, len(s))
		if !slices.Equal(s[:top], want[:top]) {
			t.Fatalf("sortTop of %d, k %d: %v, want %v", len(s), k, s[:top], want[:top])
		}
		rest := slices.Clone(s[top:])
		slices.SortFunc(rest, cmp)
		if !slices.Equal(rest, want[top:]) {
			t.Fatalf("sortTop of %d, k %d: the others changed", len(s), k)
		}
	}
}
