package token

import (
	"os"
	"sync"
	"testing"

	"github.com/corpus-explorer/explorer/third_party/snowballstem/french"
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

// TestCacheGrows checks that the word cache starts small, grows fourfold
// as words are stored, keeping the entries it holds, and stops at
// cacheSize.
func TestCacheGrows(t *testing.T) {
	a := &Analyzer{lang: "fr", stop: frStop[:], stem: french.Stem} // For's is shared
	want := a.appendTokens(nil, "maison", nil)
	words := func(from, to int) string {
		var b []byte
		for i := from; i < to; i++ {
			b = append(b, "mot"...)
			for n := i; n > 0; n /= 26 {
				b = append(b, byte('a'+n%26))
			}
			b = append(b, ' ')
		}
		return string(b)
	}
	if got := a.AppendTokens(nil, "maison"); len(got) != 1 || got[0] != want[0] {
		t.Fatalf("maison: %+v, want %+v", got, want)
	}
	if n := len(a.cache.Load().slots); n != minCacheSize {
		t.Fatalf("a new cache has %d slots, want %d", n, minCacheSize)
	}
	a.AppendTokens(nil, words(1, minCacheSize-1))
	small := a.cache.Load()
	if n := len(small.slots); n != minCacheSize {
		t.Fatalf("after %d words the cache has %d slots, want %d", minCacheSize-1, n, minCacheSize)
	}
	a.AppendTokens(nil, words(minCacheSize-1, minCacheSize))
	c := a.cache.Load()
	if n := len(c.slots); n != 4*minCacheSize {
		t.Fatalf("after %d words the cache has %d slots, want %d", minCacheSize, n, 4*minCacheSize)
	}
	kept := 0
	for i := range small.slots {
		if e := small.slots[i].Load(); e != nil {
			kept++
			if c.slot(e.word).Load() != e {
				t.Errorf("the grown cache lost %q", e.word)
			}
		}
	}
	if kept < minCacheSize/2 {
		t.Errorf("the small cache held only %d words", kept)
	}
	if got := a.AppendTokens(nil, "maison"); len(got) != 1 || got[0] != want[0] {
		t.Errorf("maison from the grown cache: %+v, want %+v", got, want)
	}
	a.AppendTokens(nil, words(minCacheSize, 4*cacheSize))
	if n := len(a.cache.Load().slots); n != cacheSize {
		t.Errorf("after %d words the cache has %d slots, want %d", 4*cacheSize, n, cacheSize)
	}
}
