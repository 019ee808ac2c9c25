package engine_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// seeds returns an engine over the seed documents in corpus/, opened from
// an encoded index as the WebAssembly module opens it.
func seeds(t testing.TB) *engine.Engine {
	t.Helper()
	docs, _, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("no seed documents in corpus/")
	}
	blob, err := index.Build(docs, summary.Annotate(docs)).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.Open(blob)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestCheckSearch(t *testing.T) {
	tests := []struct {
		q    string
		opt  search.Options
		want string // error prefix; "" for none
	}{
		{"géant", search.Options{}, ""},
		{"q", search.Options{Limit: engine.MaxLimit, Offset: engine.MaxOffset, Sort: "date", DateFrom: "2020", DateTo: "2020-10-21"}, ""},
		{strings.Repeat("x", engine.MaxQueryLen+1), search.Options{}, "query too long: 1001 characters, the limit is 1000 characters"},
		{"q", search.Options{Limit: -1}, "limit out of range: -1, want 0 to 1000"},
		{"q", search.Options{Limit: engine.MaxLimit + 1}, "limit out of range: 1001"},
		{"q", search.Options{Offset: -1}, "offset out of range: -1"},
		{"q", search.Options{Sort: "size"}, `unknown sort "size"`},
		{"q", search.Options{DateFrom: "2020-1"}, `dateFrom is not an ISO date`},
		{"q", search.Options{DateTo: "20201021"}, `dateTo is not an ISO date`},
		{"q", search.Options{DateTo: "2020/10/21"}, `dateTo is not an ISO date`},
		{"q", search.Options{Author: strings.Repeat("a", 2000)}, "author filter too long"},
	}
	for _, tt := range tests {
		err := engine.CheckSearch(tt.q, tt.opt)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckSearch(%.20q, %+v) = %v", tt.q, tt.opt, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("CheckSearch(%.20q, %+v) = %v, want %q", tt.q, tt.opt, err, tt.want)
		}
	}
}

func TestCheckSummary(t *testing.T) {
	for _, opt := range []summary.Options{{}, {Sentences: engine.MaxSentences}, {Words: engine.MaxWords}} {
		if err := engine.CheckSummary(opt); err != nil {
			t.Errorf("CheckSummary(%+v) = %v", opt, err)
		}
	}
	for _, opt := range []summary.Options{{Sentences: -1}, {Sentences: engine.MaxSentences + 1}, {Words: -1}, {Words: engine.MaxWords + 1}} {
		if err := engine.CheckSummary(opt); err == nil {
			t.Errorf("CheckSummary(%+v) accepted", opt)
		}
	}
}

func TestEngineLimitsAndErrors(t *testing.T) {
	e := seeds(t)
	id := e.Documents().Docs[0].ID
	if _, err := e.Search("q", search.Options{Limit: -5}); err == nil {
		t.Error("Search with limit -5 accepted")
	}
	if _, err := e.Summarize(id, summary.Options{Sentences: 1000}); err == nil {
		t.Error("Summarize with 1000 sentences accepted")
	}
	if _, err := e.Summarize("nope", summary.Options{}); err == nil || !strings.Contains(err.Error(), `"nope": no such document`) || !errors.Is(err, engine.ErrNotFound) {
		t.Errorf("Summarize(nope) = %v, want an error wrapping ErrNotFound", err)
	}
	if _, err := e.Document(strings.Repeat("x", 5000)); err == nil || !strings.Contains(err.Error(), "too long") || !errors.Is(err, engine.ErrNotFound) {
		t.Errorf("Document(long id) = %v, want an error wrapping ErrNotFound", err)
	}
	if _, err := e.Related(id, engine.MaxLimit+1); err == nil {
		t.Error("Related with limit 1001 accepted")
	}
	if s, err := e.Suggest(strings.Repeat("x", 5000), 10); s == nil || len(s) != 0 || err != nil {
		t.Errorf("Suggest(long) = %#v, %v, want an empty list", s, err)
	}
	if s, err := e.Suggest("zzzzzzzz", 10); err != nil || string(engine.JSON(s)) != "[]" {
		t.Errorf("Suggest with no completion writes %s (%v), want []", engine.JSON(s), err)
	}
}

func TestRelatedTitles(t *testing.T) {
	e := seeds(t)
	for _, m := range e.Documents().Docs {
		l, err := e.Related(m.ID, -1)
		if err != nil {
			t.Fatal(err)
		}
		d, err := e.Document(m.ID) // related documents are kept with the text
		if err != nil {
			t.Fatal(err)
		}
		if len(l) != len(d.Related) || len(l) == 0 {
			t.Errorf("%s: %d related, want all %d", d.ID, len(l), len(d.Related))
		}
		for _, r := range l {
			o, err := e.Document(r.ID)
			if err != nil {
				t.Fatalf("related %s of %s: %v", r.ID, d.ID, err)
			}
			if r.Title != o.Title {
				t.Errorf("related %s has title %q, want %q", r.ID, r.Title, o.Title)
			}
			if !strings.Contains(string(engine.JSON(l)), `"title":`) {
				t.Errorf("related JSON has no titles: %s", engine.JSON(l))
			}
		}
		if l, _ := e.Related(d.ID, 0); len(l) != 0 {
			t.Errorf("Related(%s, 0) = %d documents", d.ID, len(l))
		}
	}
}

func TestStats(t *testing.T) {
	e := seeds(t)
	s := e.Stats()
	if s.Documents != len(e.Documents().Docs) || s.Words <= 0 || s.IndexBytes <= 0 {
		t.Errorf("Stats() = %+v", s)
	}
	words := 0
	for _, d := range e.Documents().Docs {
		words += d.Words()
	}
	if o := e.Overview().Words; o == 0 && s.Words != words {
		t.Errorf("Stats().Words = %d, want %d", s.Words, words)
	}
	if got := string(engine.JSON(statsObject{s})); !strings.HasPrefix(got, `{"documents":`) || !strings.Contains(got, `"index_bytes":`) {
		t.Errorf("Stats JSON = %s", got)
	}
}

// statsObject wraps Stats, which writes members only, in an object.
type statsObject struct{ engine.Stats }

func (s statsObject) AppendJSON(w *jsonw.Writer) {
	w.Open()
	s.Stats.AppendJSON(w)
	w.Close()
}

// TestSearchSummary: one call answers the hits and the summary of the
// hits, its sentences marked as the hits are.
func TestSearchSummary(t *testing.T) {
	e := seeds(t)
	a, err := e.SearchSummary("Gnasingbe", search.Options{Limit: 20}, summary.Options{Sentences: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Hits) == 0 || a.Summary == nil || len(a.Summary.Sentences) == 0 {
		t.Fatalf("no hits or no summary: %+v", a)
	}
	js := string(engine.JSON(a))
	for _, want := range []string{`"hits":[`, `"summary":{"query":"Gnasingbe","sentences":[`, `"highlights":[[`} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s: %.300s", want, js)
		}
	}
	if _, err := e.SearchSummary("x", search.Options{}, summary.Options{Sentences: engine.MaxSentences + 1}); err == nil {
		t.Error("too many sentences: no error")
	}
}

// TestHighlights: the reader's text is marked where the snippet is.
func TestHighlights(t *testing.T) {
	e := seeds(t)
	r, err := e.Search("Gnasingbe", search.Options{})
	if err != nil || len(r.Hits) == 0 {
		t.Fatalf("search: %v, %d hits", err, len(r.Hits))
	}
	h, err := e.Highlights(r.Hits[0].ID, "Gnasingbe")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := e.Document(r.Hits[0].ID)
	if len(h.Text) == 0 || len(h.Title) != len(r.Hits[0].TitleHighlights) {
		t.Errorf("%d text ranges, %d title ranges (the hit has %d)", len(h.Text), len(h.Title), len(r.Hits[0].TitleHighlights))
	}
	js := string(engine.JSON(h))
	if !strings.HasPrefix(js, `{"id":"`+d.ID+`","query":"Gnasingbe","title_highlights":[`) || !strings.Contains(js, `"text_highlights":[[`) {
		t.Errorf("JSON %.200s", js)
	}
	if _, err := e.Highlights("nope", "x"); err == nil {
		t.Error("unknown id: no error")
	}
}

func TestDocumentsPage(t *testing.T) {
	e := seeds(t)
	all := e.Documents().Docs
	var got []*corpus.Document
	for off := 0; off < len(all)+2; off += 2 {
		p, err := e.DocumentsPage(off, 2)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p.Docs...)
	}
	if len(got) != len(all) {
		t.Fatalf("pages hold %d documents, want %d", len(got), len(all))
	}
	for i := range all {
		if got[i] != all[i] {
			t.Errorf("document %d: %s, want %s", i, got[i].ID, all[i].ID)
		}
	}
	if _, err := e.DocumentsPage(0, engine.MaxLimit+1); err == nil {
		t.Error("limit over MaxLimit: no error")
	}
	if _, err := e.DocumentsPage(-1, 1); err == nil {
		t.Error("negative offset: no error")
	}
}
