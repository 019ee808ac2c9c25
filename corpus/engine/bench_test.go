package engine_test

import (
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/search"
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
