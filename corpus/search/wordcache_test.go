package search_test

import (
	"encoding/json"
	"fmt"
	"sync"
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

// TestScratchSameAnswers searches queries of every kind, with and
// without filters, in turns on one engine, whose working memory each
// search reuses from the one before, and each on a fresh engine: the
// answers are the same, and so from several goroutines at once.
func TestScratchSameAnswers(t *testing.T) {
	e, ix := seedEngine(t)
	type search1 struct {
		q   string
		opt search.Options
	}
	var qs []search1
	for _, q := range []string{"Alibaba", "Gnassingbé", "chine cloud investissement", "togol", "Alibaba -Jack", `"cheval de Troie"`,
		"investissement intelligence artificielle 50 milliards", "xyzzyq", "logistqiue", "a", "chn", "date:2020", "le la les"} {
		for _, opt := range []search.Options{{Limit: 10}, {Limit: 2, Offset: 1, Explain: true}, {Sort: "date"}, {DateFrom: "2021", Author: "a"}} {
			qs = append(qs, search1{q, opt})
		}
	}
	answer := func(e *search.Engine, s search1) string {
		r, err := e.Search(s.q, s.opt)
		if err != nil {
			t.Errorf("Search(%q): %v", s.q, err)
			return ""
		}
		r.Highlighter = nil
		b, err := json.Marshal(r)
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	want := make([]string, len(qs))
	for i, s := range qs {
		want[i] = answer(search.New(ix), s)
	}
	for round := 0; round < 2; round++ {
		for i, s := range qs {
			if got := answer(e, s); got != want[i] {
				t.Errorf("round %d: %q %+v answered differently after other searches:\n%s\nwant\n%s", round, s.q, s.opt, got, want[i])
			}
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range qs {
				i := (k*7 + g) % len(qs)
				if got := answer(e, qs[i]); got != want[i] {
					t.Errorf("concurrently: %q %+v answered differently:\n%s\nwant\n%s", qs[i].q, qs[i].opt, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}
