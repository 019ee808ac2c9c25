package search

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/shared"
)

// BenchmarkFalseNeighbours measures what largeVocabulary rests on: of the
// words of 8 letters or more of one corpus that another's vocabulary
// lacks, and that have no term of it within one edit nor starting with
// them, the share that have one within two edits (a false neighbour, for
// a word the corpus does not have), and within two common typos
// (typoCost 2 or less). Each vocabulary (the seeds, fr-manpages, fr-docs)
// is tried with the words of the two others of ../shared/corpora. It
// builds the indexes (a minute or two):
//
//	go test ./corpus/search -run XXX -bench FalseNeighbours -benchtime 1x -v
func BenchmarkFalseNeighbours(b *testing.B) {
	dir := shared.Path(b, "corpora")
	build := func(d string) *index.Index {
		docs, _, err := ingest.Dir(d, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		return index.Build(docs, corpus.Overview{})
	}
	ixs := map[string]*index.Index{
		"seeds":       build(filepath.Join("..", "..", "corpus")),
		"fr-manpages": build(filepath.Join(dir, "fr-manpages")),
		"fr-docs":     build(filepath.Join(dir, "fr-docs")),
	}
	for range b.N {
		for _, a := range []string{"seeds", "fr-manpages", "fr-docs"} {
			e := New(ixs[a])
			for _, from := range []string{"fr-manpages", "fr-docs"} {
				if from == a {
					continue
				}
				words, any2, common2 := 0, 0, 0
				for i, w := range ixs[from].Terms() {
					if i%7 != 0 || len(w) < 8 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" || ixs[a].Lookup(w) >= 0 {
						continue
					}
					if lo, hi := ixs[a].PrefixRange(w); hi > lo {
						continue
					}
					near := false
					e.typos(w, 1, func(int, int) { near = true })
					if near {
						continue
					}
					words++
					f2, fc := false, false
					e.typos(w, 2, func(id, _ int) {
						f2 = true
						fc = fc || typoCost(w, e.ix.Term(id)) <= 2
					})
					if f2 {
						any2++
					}
					if fc {
						common2++
					}
					if words == 3000 {
						break
					}
				}
				b.Logf("vocabulary of %s (%d terms), %d words of %s it lacks: %.1f%% with a term within two edits, %.1f%% within two common typos",
					a, ixs[a].NumTerms(), words, from, 100*float64(any2)/float64(words), 100*float64(common2)/float64(words))
			}
		}
	}
}
