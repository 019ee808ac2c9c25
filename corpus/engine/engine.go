// Package engine is the one entry point to a built corpus: it opens an
// index blob and answers every question the command-line tool and the
// JavaScript API ask (search, summaries, documents, related documents,
// overview, suggestions, statistics), each answer able to write itself as
// the JSON both of them return.
package engine

import (
	"errors"
	"strconv"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// MaxQueryLen is the longest query, in bytes, that the engine accepts.
const MaxQueryLen = 1000

// ErrNotFound is wrapped by errors for unknown document ids.
var ErrNotFound = errors.New("no such document")

// JSONer is what every answer of the engine is: something that writes
// itself as JSON.
type JSONer interface {
	AppendJSON(w *jsonw.Writer)
}

// JSON returns v written as JSON.
func JSON(v JSONer) []byte {
	var w jsonw.Writer
	v.AppendJSON(&w)
	return w.Bytes()
}

// Engine answers questions about one corpus. It is safe for concurrent use.
type Engine struct {
	ix     *index.Index
	search *search.Engine
}

// Open decodes an index blob written by `explorer build`.
func Open(blob []byte) (*Engine, error) {
	ix, err := index.Decode(blob)
	if err != nil {
		return nil, err
	}
	return New(ix), nil
}

// New returns an engine over an index already in memory.
func New(ix *index.Index) *Engine {
	return &Engine{ix: ix, search: search.New(ix)}
}

// Index returns the engine's index.
func (e *Engine) Index() *index.Index { return e.ix }

func checkQuery(q string) error {
	if len(q) > MaxQueryLen {
		return errors.New("query too long: " + strconv.Itoa(len(q)) + " bytes, the limit is " + strconv.Itoa(MaxQueryLen))
	}
	return nil
}

func (e *Engine) doc(id string) (*corpus.Document, error) {
	d := e.ix.Doc(id)
	if d == nil {
		return nil, errors.New("document " + strconv.Quote(id) + ": " + ErrNotFound.Error())
	}
	return d, nil
}

// Search runs a query.
func (e *Engine) Search(q string, opt search.Options) (*search.Result, error) {
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	return e.search.Search(q, opt)
}

// Summarize summarises the document with the given id.
func (e *Engine) Summarize(id string, opt summary.Options) (*summary.Summary, error) {
	d, err := e.doc(id)
	if err != nil {
		return nil, err
	}
	return summary.Document(d, opt), nil
}

// SummarizeQuery summarises what the corpus says about q.
func (e *Engine) SummarizeQuery(q string, opt summary.Options) (*summary.Summary, error) {
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	return summary.Query(e.search, e.ix.Doc, q, opt)
}

// Document returns the document with the given id.
func (e *Engine) Document(id string) (*corpus.Document, error) { return e.doc(id) }

// Documents lists every document's metadata.
func (e *Engine) Documents() DocumentList { return DocumentList(e.ix.Docs) }

// Related returns up to n documents related to the one with the given id.
func (e *Engine) Related(id string, n int) (RelatedList, error) {
	d, err := e.doc(id)
	if err != nil {
		return nil, err
	}
	r := d.Related
	if n >= 0 && n < len(r) {
		r = r[:n]
	}
	return RelatedList(r), nil
}

// Overview returns the corpus overview.
func (e *Engine) Overview() *corpus.Overview { return &e.ix.Overview }

// Suggest returns up to n completions of the word being typed.
func (e *Engine) Suggest(prefix string, n int) Strings {
	if len(prefix) > MaxQueryLen {
		return nil
	}
	return Strings(e.search.Suggest(prefix, n))
}

// DocumentList is the metadata of documents, written as an array of
// {"id","path","title","title_derived","date","author","lang","words"}.
type DocumentList []*corpus.Document

// AppendJSON writes the list.
func (l DocumentList) AppendJSON(w *jsonw.Writer) {
	w.OpenArray()
	for _, d := range l {
		w.Open()
		w.Key("id")
		w.String(d.ID)
		w.Key("path")
		w.String(d.Path)
		w.Key("title")
		w.String(d.Title)
		w.Key("title_derived")
		w.Bool(d.TitleDerived)
		w.Key("date")
		w.String(d.Date)
		w.Key("author")
		w.String(d.Author)
		w.Key("lang")
		w.String(d.Lang)
		w.Key("words")
		w.Int(d.Words())
		w.Close()
	}
	w.CloseArray()
}

// RelatedList is a list of related documents, written as an array of
// {"id","title","score","shared"}.
type RelatedList []corpus.Related

// AppendJSON writes the list.
func (l RelatedList) AppendJSON(w *jsonw.Writer) {
	w.OpenArray()
	for _, r := range l {
		w.Open()
		w.Key("id")
		w.String(r.ID)
		w.Key("score")
		w.Float(r.Score)
		w.Key("shared")
		w.Strings(r.Shared)
		w.Close()
	}
	w.CloseArray()
}

// Strings is a list of strings, written as a JSON array.
type Strings []string

// AppendJSON writes the list.
func (s Strings) AppendJSON(w *jsonw.Writer) { w.Strings(s) }
