package explore_test

import (
	"sync"
	"testing"
	"unicode"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/explore"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/summary"
	"github.com/corpus-explorer/explorer/corpus/token"
)

var seedsOnce struct {
	sync.Once
	docs []*corpus.Document
	err  error
}

// seeds returns the seed documents of corpus/, annotated as the index
// builder annotates them (sentences, entities).
func seeds(t testing.TB) (explore.Docs, *explore.Table) {
	t.Helper()
	seedsOnce.Do(func() {
		docs, _, err := ingest.Dir("..", ingest.Options{})
		if err == nil {
			summary.Annotate(docs)
		}
		seedsOnce.docs, seedsOnce.err = docs, err
	})
	if seedsOnce.err != nil {
		t.Fatal(seedsOnce.err)
	}
	if len(seedsOnce.docs) == 0 {
		t.Fatal("no seed documents")
	}
	src := explore.Docs(seedsOnce.docs)
	tab, err := explore.New(src)
	if err != nil {
		t.Fatal(err)
	}
	return src, tab
}

// grepCount counts the whole-word occurrences of the folded word w in
// the folded text, as `grep -ow` does: w with no letter or digit on either
// side.
func grepCount(text, w string) int {
	f := []rune(token.Fold(text))
	ww := []rune(w)
	n := 0
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
	for i := 0; i+len(ww) <= len(f); i++ {
		if i > 0 && word(f[i-1]) {
			continue
		}
		if i+len(ww) < len(f) && word(f[i+len(ww)]) {
			continue
		}
		ok := true
		for j, r := range ww {
			if f[i+j] != r {
				ok = false
				break
			}
		}
		if ok {
			n++
		}
	}
	return n
}
