package engine_test

import (
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// BenchmarkSearchSeeds times what the module does for search(q, {limit:
// 10}) on the seed corpus: the search and its JSON, one op a query, over
// the bench's judged seed queries and absent words
// (tools/bench/queries-seeds.json, queries-absent.json), each searched
// once before the timer starts, as the browser bench's warm-up pass does.
func BenchmarkSearchSeeds(b *testing.B) {
	e := seeds(b)
	qs := benchQuerySet(b, "../../tools/bench/queries-seeds.json", "../../tools/bench/queries-absent.json")
	for _, q := range qs {
		if _, err := e.Search(q, search.Options{Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := e.Search(qs[i%len(qs)], search.Options{Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		engine.JSON(r)
	}
}

// BenchmarkJSON times engine.JSON alone (what `explorer` prints, and what
// the module's first answer of each size writes) on the seeds: each
// judged query's 10 hits with snippets, the same with the summary of
// what they say, a document whole and the list of documents.
func BenchmarkJSON(b *testing.B) {
	e := seeds(b)
	qs := benchQuerySet(b, "../../tools/bench/queries-seeds.json")
	var hits, answers []engine.JSONer
	for _, q := range qs {
		r, err := e.Search(q, search.Options{Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		a, err := e.SearchSummary(q, search.Options{Limit: 10}, summary.Options{Sentences: 3})
		if err != nil {
			b.Fatal(err)
		}
		hits, answers = append(hits, r), append(answers, a)
	}
	docs := e.Documents()
	d, err := e.Document(docs.Docs[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		vs   []engine.JSONer
	}{
		{"search", hits},
		{"search+summary", answers},
		{"document", []engine.JSONer{d}},
		{"documents", []engine.JSONer{docs}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for i := 0; i < b.N; i++ {
				n += len(engine.JSON(c.vs[i%len(c.vs)]))
			}
			b.ReportMetric(float64(n)/float64(b.N), "B/answer")
		})
	}
}
