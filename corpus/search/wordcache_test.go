package search_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/search"
)

// TestWordCacheSameAnswers searches queries of every kind (typos, fuzzy
// titles, prefixes as typed, exclusions, phrases) twice on one engine, the
// second time from its cache of analysed words, and once on a fresh
// engine: the answers are the same, and stay so once the cache has been
// filled past its size and emptied.
func TestWordCacheSameAnswers(t *testing.T) {
	e, ix := seedEngine(t)
	qs := []string{"Gnassingbé", "Gnasingbé", "epidemie", "logistqiue", "Hangz", "recrut", "togol", "Alibaba -Jack",
		`"cheval de Troie"`, "président togolais", "tartiflette", "chn", "xyzzyq", "investissement intelligence artificielle 50 milliards"}
	answer := func(e *search.Engine, q string) string {
		r, err := e.Search(q, search.Options{Limit: 10, Explain: true})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		r.Highlighter = nil
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := map[string]string{}
	for _, q := range qs {
		first[q] = answer(e, q)
	}
	for round := 0; round < 2; round++ {
		for _, q := range qs {
			if got := answer(e, q); got != first[q] {
				t.Errorf("round %d: %q answered differently from the cache:\n%s\nwas\n%s", round, q, got, first[q])
			}
			if got := answer(search.New(ix), q); got != first[q] {
				t.Errorf("%q: a fresh engine answers differently:\n%s\nwas\n%s", q, got, first[q])
			}
		}
		// Past the cache's size: it is emptied and filled again.
		for i := 0; i < 300; i++ {
			e.Search(fmt.Sprintf("mot%d", i), search.Options{})
		}
	}
}
