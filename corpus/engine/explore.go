package engine

import (
	"errors"
	"runtime"
	"strconv"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/explore"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/search"
)

// Limits of the analyses, as wasm/api.js declares them.
const (
	MaxWindow  = explore.MaxWindow     // words each side of a collocate window
	MaxContext = explore.MaxContext    // words each side of a concordance line
	MaxTerms   = explore.MaxTrendTerms // terms of a trend
	MaxGram    = explore.MaxGram       // words of a repeated phrase (at least explore.MinGram)
	// DefaultHits is how many hits of a query make the part of the corpus
	// whose keyness is asked.
	DefaultHits = 100
)

// ExploreOptions are the options of the analyses; each analysis reads
// those it takes (the JavaScript API and the command line name them
// alike) and ignores the others.
type ExploreOptions struct {
	Match   string // "word" (default) or "forms"
	Sort    string // concordance: "document" (default), "date", "left", "right"
	Offset  int    // concordance lines skipped
	Limit   int    // lines, collocates, words, phrases or entities returned
	Context int    // concordance: words each side
	Window  int    // collocates, and kwic with Near: words each side
	Near    string // kwic: only the occurrences with this word within Window words
	Min     int    // least count (collocates, keyness, phrases, network edges)
	By      string // trend, timeline: "month", "year", "folder", "author"
	N       int    // phrases: words per phrase
	Scope   string // network: "sentence" or "document"

	// The part of the corpus: one document, the hits of a query, or the
	// documents of a folder, an author or a date range.
	ID       string
	Query    string
	Hits     int
	Folder   string
	Author   string
	DateFrom string
	DateTo   string
}

// check reports the first option outside the limits.
func (o *ExploreOptions) check() error {
	for _, c := range []struct {
		what      string
		n, lo, hi int
	}{
		{"offset", o.Offset, 0, MaxOffset},
		{"limit", o.Limit, 0, MaxLimit},
		{"context", o.Context, 0, MaxContext},
		{"window", o.Window, 0, MaxWindow},
		{"min", o.Min, 0, MaxOffset},
		{"hits", o.Hits, 0, MaxLimit},
	} {
		if err := checkRange(c.what, c.n, c.lo, c.hi); err != nil {
			return err
		}
	}
	if o.N != 0 {
		if err := checkRange("n", o.N, explore.MinGram, MaxGram); err != nil {
			return err
		}
	}
	for _, s := range []struct{ what, v string }{{"query", o.Query}, {"id", o.ID}, {"folder", o.Folder}, {"author", o.Author}} {
		if err := checkLen(s.what, s.v); err != nil {
			return err
		}
	}
	if err := checkDate("dateFrom", o.DateFrom); err != nil {
		return err
	}
	return checkDate("dateTo", o.DateTo)
}

// indexSource is the index as the analyses read it: each document whole,
// its text decoded from its pack.
type indexSource struct{ ix *index.Index }

func (s indexSource) Len() int                            { return len(s.ix.Docs) }
func (s indexSource) Doc(i int) (*corpus.Document, error) { return s.ix.Content(i) }

// CutBudget is how many bytes of text one call cuts into the explore
// table at most (about a second in a browser) before it answers
// ErrCutting, so that no call holds the engine (and a page's worker) for
// long: the caller calls again to go on. (Bytes, not time: the module
// carries no clock, and the steps are the same on any machine.)
const CutBudget = 4 << 20

// ErrCutting is wrapped by the error of an analysis called while the
// corpus's explore table is being cut and CutBudget is spent: call again.
// The message says how far the cut is: "explore: reading the corpus (N of
// M documents)".
var ErrCutting = errors.New("explore: reading the corpus")

type cuttingError struct{ done, total int }

func (e cuttingError) Error() string {
	return ErrCutting.Error() + " (" + strconv.Itoa(e.done) + " of " + strconv.Itoa(e.total) + " documents)"
}

func (e cuttingError) Unwrap() error { return ErrCutting }

// explorer returns the explore table, cut on first use, CutBudget bytes
// at a time (see ErrCutting). When a text is not at hand (a split build whose
// packs are not all added), the documents at hand are cut, the error says
// which pack is missing first, wrapping index.ErrNotLoaded, and the
// documents of each pack added from then on are cut as it comes
// (AddPack), so that the next call only finishes the table.
func (e *Engine) explorer() (*explore.Table, error) {
	e.tableMu.Lock()
	defer e.tableMu.Unlock()
	if e.table != nil {
		return e.table, nil
	}
	if e.cutting == nil {
		e.cutting = explore.NewBuilder(indexSource{e.ix})
	}
	b := e.cutting
	var missing error
	budget, cut, added := e.cutBudget, 0, 0
	if budget <= 0 {
		budget = CutBudget
	}
	for d := 0; d < len(e.ix.Docs) && b.Left() > 0; d++ {
		if b.Has(d) {
			continue
		}
		if added > 0 && cut >= budget {
			return nil, cuttingError{len(e.ix.Docs) - b.Left(), len(e.ix.Docs)}
		}
		doc, err := e.ix.Content(d)
		if p := e.ix.PackOf(d); err != nil && p >= 0 && !e.ix.HasPack(p) { // not loaded yet
			if missing == nil {
				missing = err
			}
			if first, n := e.ix.PackDocs(e.ix.PackOf(d)); n > 0 {
				d = first + n - 1 // the rest of the pack is missing too
			}
			continue
		}
		if err != nil {
			return nil, errors.New("explore: document " + strconv.Quote(e.ix.Docs[d].ID) + ": " + err.Error())
		}
		b.Add(d, doc)
		added++
		cut += len(doc.Text)
	}
	if missing != nil {
		return nil, missing
	}
	t, err := b.Table()
	if err != nil {
		return nil, err
	}
	e.table, e.cutting = t, nil
	// Cutting leaves much garbage: collected now, in the call that made
	// it, rather than in the analyses that follow (in a browser, a
	// collection of a large table's heap takes seconds).
	runtime.GC()
	return t, nil
}

// cutPack cuts the documents of pack p, just added, into the table being
// cut, if one is.
func (e *Engine) cutPack(p int) {
	e.tableMu.Lock()
	defer e.tableMu.Unlock()
	if e.cutting == nil {
		return
	}
	first, n := e.ix.PackDocs(p)
	for d := first; d < first+n; d++ {
		if doc, err := e.ix.Content(d); err == nil {
			e.cutting.Add(d, doc)
		}
	}
}

// start checks the options and returns the table and the match.
func (e *Engine) start(o *ExploreOptions) (*explore.Table, explore.Match, error) {
	if err := o.check(); err != nil {
		return nil, 0, err
	}
	m, err := explore.ParseMatch(o.Match)
	if err != nil {
		return nil, 0, err
	}
	t, err := e.explorer()
	return t, m, err
}

// oneDoc returns the documents the option id names: nil for all.
func (e *Engine) oneDoc(id string) ([]int, error) {
	if id == "" {
		return nil, nil
	}
	if _, err := e.doc(id); err != nil {
		return nil, err
	}
	return []int{e.ix.DocNum(id)}, nil
}

// KWIC returns a page of the concordance of q (a word or a phrase) in
// the corpus, or in the document o.ID.
func (e *Engine) KWIC(q string, o ExploreOptions) (*explore.Concordance, error) {
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	t, m, err := e.start(&o)
	if err != nil {
		return nil, err
	}
	docs, err := e.oneDoc(o.ID)
	if err != nil {
		return nil, err
	}
	if err := checkLen("near", o.Near); err != nil {
		return nil, err
	}
	return t.KWIC(q, explore.KWICOptions{Match: m, Sort: o.Sort, Offset: o.Offset, Limit: o.Limit, Context: o.Context, Docs: docs, Near: o.Near, Window: o.Window})
}

// SplitTerms cuts a list of terms written "a, b, c" into its terms.
func SplitTerms(s string) []string {
	var out []string
	for more := true; more; {
		var t string
		t, s, more = strings.Cut(s, ",")
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Trend counts one to MaxTerms terms, written "a, b, c", per month, year,
// folder or author, and gives the o.Limit documents where they are most
// frequent.
func (e *Engine) Trend(terms string, o ExploreOptions) (*explore.Trend, error) {
	if err := checkLen("terms", terms); err != nil {
		return nil, err
	}
	t, m, err := e.start(&o)
	if err != nil {
		return nil, err
	}
	return t.Trend(SplitTerms(terms), explore.TrendOptions{Match: m, By: o.By, Limit: o.Limit})
}

// Collocates returns the words most associated with q within o.Window
// words (default 5).
func (e *Engine) Collocates(q string, o ExploreOptions) (*explore.Collocates, error) {
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	t, m, err := e.start(&o)
	if err != nil {
		return nil, err
	}
	if o.Window == 0 {
		o.Window = 5
	}
	if err := checkRange("window", o.Window, 1, MaxWindow); err != nil {
		return nil, err
	}
	docs, err := e.oneDoc(o.ID)
	if err != nil {
		return nil, err
	}
	return t.Collocates(q, explore.CollocateOptions{Match: m, Window: o.Window, Limit: o.Limit, MinCount: o.Min, Docs: docs})
}

// part returns the documents the options name: the document o.ID, the
// first o.Hits hits of o.Query (default DefaultHits), or the documents of
// o.Folder, o.Author and the dates; nil when none is named.
func (e *Engine) part(t *explore.Table, o *ExploreOptions) ([]int, error) {
	switch {
	case o.ID != "":
		return e.oneDoc(o.ID)
	case o.Query != "":
		n := o.Hits
		if n == 0 {
			n = DefaultHits
		}
		r, err := e.search.Search(o.Query, search.Options{Limit: n, Author: o.Author, DateFrom: o.DateFrom, DateTo: o.DateTo})
		if err != nil {
			return nil, err
		}
		out := make([]int, 0, len(r.Hits))
		for _, h := range r.Hits {
			out = append(out, e.ix.DocNum(h.ID))
		}
		return out, nil
	case o.Folder != "" || o.Author != "" || o.DateFrom != "" || o.DateTo != "":
		return t.Select(o.Folder, o.Author, o.DateFrom, o.DateTo), nil
	}
	return nil, nil
}

// Keyness returns the words distinctive of a part of the corpus (see
// ExploreOptions) against the rest.
func (e *Engine) Keyness(o ExploreOptions) (*explore.Keyness, error) {
	t, _, err := e.start(&o)
	if err != nil {
		return nil, err
	}
	docs, err := e.part(t, &o)
	if err != nil {
		return nil, err
	}
	if docs == nil {
		return nil, errors.New("keyness of what: give an id, a query, a folder, an author or dates")
	}
	if len(docs) == 0 {
		return nil, errors.New("no document in that part of the corpus")
	}
	return t.Keyness(docs, explore.KeynessOptions{Limit: o.Limit, MinCount: o.Min})
}

// Phrases returns the repeated phrases of o.N words (default 3) of the
// corpus or of the document o.ID.
func (e *Engine) Phrases(o ExploreOptions) (*explore.Phrases, error) {
	t, _, err := e.start(&o)
	if err != nil {
		return nil, err
	}
	docs, err := e.oneDoc(o.ID)
	if err != nil {
		return nil, err
	}
	return t.Phrases(explore.PhraseOptions{N: o.N, MinCount: o.Min, Limit: o.Limit, Docs: docs})
}

// Network returns the co-occurrence network of the named entities.
func (e *Engine) Network(o ExploreOptions) (*explore.Network, error) {
	t, _, err := e.start(&o)
	if err != nil {
		return nil, err
	}
	return t.Network(explore.NetworkOptions{Scope: o.Scope, Limit: o.Limit, MinCount: o.Min})
}

// Timeline counts the documents per period: all of them, or those of a
// part of the corpus (see ExploreOptions).
func (e *Engine) Timeline(o ExploreOptions) (*explore.Timeline, error) {
	t, _, err := e.start(&o)
	if err != nil {
		return nil, err
	}
	if o.Query != "" && o.Hits == 0 {
		o.Hits = MaxLimit
	}
	docs, err := e.part(t, &o)
	if err != nil {
		return nil, err
	}
	return t.Timeline(docs, o.By)
}

// Figures returns the corpus's figures: vocabulary, type/token ratios,
// lengths and languages.
func (e *Engine) Figures() (*explore.Figures, error) {
	t, err := e.explorer()
	if err != nil {
		return nil, err
	}
	return t.Figures(), nil
}
