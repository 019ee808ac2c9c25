package engine_test

import (
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// TestJSONSize checks that engine.JSON writes each answer into one
// buffer, made once (the answers' JSONSize methods ask for enough room),
// and not too large: at most about twice the answer.
func TestJSONSize(t *testing.T) {
	e := seeds(t)
	var answers []engine.JSONer
	for _, q := range []string{"numérique", "le", "chine alibaba", "géant du commerce", "zzzzqq", "coronavirus", "-zzzzqqq", "nurmérique"} {
		for _, opt := range []search.Options{{Limit: 10}, {Limit: 3, Explain: true}} {
			r, err := e.Search(q, opt)
			if err != nil {
				t.Fatal(err)
			}
			a, err := e.SearchSummary(q, opt, summary.Options{Sentences: 5})
			if err != nil {
				t.Fatal(err)
			}
			answers = append(answers, r, a)
		}
	}
	docs := e.Documents()
	answers = append(answers, docs)
	for _, d := range docs.Docs {
		doc, err := e.Document(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		s, err := e.Summarize(d.ID, summary.Options{Sentences: 5})
		if err != nil {
			t.Fatal(err)
		}
		answers = append(answers, doc, s)
	}
	for i, v := range answers {
		b := engine.JSON(v)
		if n, c := len(b), cap(b); c > 2*n+512 {
			t.Errorf("answer %d (%T): %d bytes written in a buffer of %d: %.60s", i, v, n, c, b)
		}
		// One allocation for the buffer, and one for the Writer it is returned from.
		if a := testing.AllocsPerRun(5, func() { engine.JSON(v) }); a > 2 {
			t.Errorf("answer %d (%T): %v allocations for %d bytes: %.60s", i, v, a, len(b), b)
		}
	}
}
