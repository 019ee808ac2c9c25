package token

import (
	"os"
	"sync"
	"testing"
)

// TestCacheTransparent checks that the word cache changes no result, on
// the seeds analysed twice (cold, then warm) by both analyzers, and under
// concurrent use (run with -race).
func TestCacheTransparent(t *testing.T) {
	var texts []string
	for _, p := range seedFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, a := range []*Analyzer{For("fr"), For("en")} {
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for round := 0; round < 2; round++ {
					for _, text := range texts {
						want := a.appendTokens(nil, text, nil)
						got := a.AppendTokens(nil, text)
						if len(got) != len(want) {
							t.Errorf("%s: %d tokens with the cache, %d without", a.Lang(), len(got), len(want))
							return
						}
						for i := range got {
							if got[i] != want[i] {
								t.Errorf("%s: token %d is %+v with the cache, %+v without", a.Lang(), i, got[i], want[i])
								return
							}
						}
					}
				}
			}()
		}
		wg.Wait()
	}
}
