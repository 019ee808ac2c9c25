// Package search answers queries over an index: typo-tolerant,
// accent-blind, ranked full-text search with snippets and exact highlights.
//
// STUB: to be replaced by the real implementation (issue 3).
package search

import (
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
)

// Options tune one search. The zero value asks for the first 10 hits by
// relevance.
type Options struct {
	Limit   int    // hits to return; 0 means 10; capped at 1000
	Offset  int    // hits to skip
	Sort    string // "relevance" (default) or "date" (newest first)
	Explain bool   // fill Result.Explain
	// Filters given outside the query text; they combine with the query's own.
	Author   string // substring of the author, case and accents ignored
	DateFrom string // ISO date prefix, inclusive
	DateTo   string // ISO date prefix, inclusive
}

// Range is a highlighted range, in UTF-16 code units of the text it belongs to.
type Range = corpus.Span

// Hit is one matching document.
type Hit struct {
	ID, Title, Date, Author string
	Score                   float64
	Snippet                 string
	SnippetHighlights       []Range
	TitleHighlights         []Range
}

// TermMatch explains how one query term matched: the variant of the
// vocabulary it matched and how ("exact", "stem", "prefix", "typo", "fuzzy").
type TermMatch struct {
	Term    string
	Variant string
	Kind    string
	Docs    int
}

// Result is the answer to a query.
type Result struct {
	Query      string
	Total      int
	Hits       []Hit
	Partial    bool   // not every term matched: these are the best partial matches
	Suggestion string // a did-you-mean query, "" if none
	Explain    []TermMatch
}

// Engine searches one index. It is safe for concurrent use.
type Engine struct {
	ix *index.Index
}

// New returns an engine over ix.
func New(ix *index.Index) *Engine { return &Engine{ix: ix} }

// Search runs query q.
func (e *Engine) Search(q string, opt Options) (*Result, error) {
	r := &Result{Query: q}
	lq := strings.ToLower(q)
	for _, d := range e.ix.Docs {
		if lq != "" && strings.Contains(strings.ToLower(d.Text), lq) {
			r.Hits = append(r.Hits, Hit{ID: d.ID, Title: d.Title, Date: d.Date, Author: d.Author})
		}
	}
	r.Total = len(r.Hits)
	return r, nil
}

// Suggest returns up to n completions of the word being typed, most
// frequent first.
func (e *Engine) Suggest(prefix string, n int) []string { return nil }

// AppendJSON writes the result as the JSON object that `explorer search`
// prints and the JavaScript API's search() returns.
func (r *Result) AppendJSON(w *jsonw.Writer) {
	w.Open()
	w.Key("query")
	w.String(r.Query)
	w.Key("total")
	w.Int(r.Total)
	w.Key("partial")
	w.Bool(r.Partial)
	w.Key("suggestion")
	w.String(r.Suggestion)
	w.Key("hits")
	w.OpenArray()
	for _, h := range r.Hits {
		w.Open()
		w.Key("id")
		w.String(h.ID)
		w.Key("title")
		w.String(h.Title)
		w.Key("date")
		w.String(h.Date)
		w.Key("author")
		w.String(h.Author)
		w.Key("score")
		w.Float(h.Score)
		w.Key("snippet")
		w.String(h.Snippet)
		w.Key("snippet_highlights")
		appendRanges(w, h.SnippetHighlights)
		w.Key("title_highlights")
		appendRanges(w, h.TitleHighlights)
		w.Close()
	}
	w.CloseArray()
	if r.Explain != nil {
		w.Key("explain")
		w.OpenArray()
		for _, m := range r.Explain {
			w.Open()
			w.Key("term")
			w.String(m.Term)
			w.Key("variant")
			w.String(m.Variant)
			w.Key("kind")
			w.String(m.Kind)
			w.Key("docs")
			w.Int(m.Docs)
			w.Close()
		}
		w.CloseArray()
	}
	w.Close()
}

func appendRanges(w *jsonw.Writer, rs []Range) {
	w.OpenArray()
	for _, r := range rs {
		w.OpenArray()
		w.Int(r.Start)
		w.Int(r.End)
		w.CloseArray()
	}
	w.CloseArray()
}
