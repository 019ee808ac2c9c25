// Package summary summarises documents, query results and whole corpora
// by extraction, and finds keywords, named entities and related documents.
//
// STUB: to be replaced by the real implementation (issue 4).
package summary

import (
	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/search"
)

// Options set a summary's length: Sentences if positive, else a budget of
// Words, else 3 sentences.
type Options struct {
	Sentences int
	Words     int
}

// Sentence is one sentence of a summary, with its place in its document.
// Start and End are UTF-16 offsets into the document's text.
type Sentence struct {
	ID         string // document id
	Index      int    // sentence index in the document
	Start, End int
	Text       string
	Score      float64
}

// Summary is an extractive summary: sentences in document order (for one
// document) or in order of relevance (for a query).
type Summary struct {
	ID        string // document id; "" for a query summary
	Query     string // the query; "" for a document summary
	Sentences []Sentence
}

// Annotate computes, at build time, each document's keywords, entities and
// related documents, and returns the corpus overview.
func Annotate(docs []*corpus.Document) corpus.Overview {
	return corpus.Overview{Documents: len(docs)}
}

// Document summarises d.
func Document(d *corpus.Document, opt Options) *Summary {
	n := opt.Sentences
	if n <= 0 {
		n = 3
	}
	s := &Summary{ID: d.ID}
	u := corpus.NewUTF16Offsets(d.Text)
	for i, sp := range d.Sentences {
		if i >= n {
			break
		}
		us := u.Span(sp)
		s.Sentences = append(s.Sentences, Sentence{ID: d.ID, Index: i, Start: us.Start, End: us.End, Text: d.Text[sp.Start:sp.End]})
	}
	return s
}

// Query summarises what the documents matching q say about it.
func Query(e *search.Engine, docs func(id string) *corpus.Document, q string, opt Options) (*Summary, error) {
	return &Summary{Query: q}, nil
}

// AppendJSON writes the summary as the JSON object that `explorer
// summarize` prints and the JavaScript API's summarize() returns.
func (s *Summary) AppendJSON(w *jsonw.Writer) {
	w.Open()
	if s.Query != "" {
		w.Key("query")
		w.String(s.Query)
	} else {
		w.Key("id")
		w.String(s.ID)
	}
	w.Key("sentences")
	w.OpenArray()
	for _, x := range s.Sentences {
		w.Open()
		w.Key("id")
		w.String(x.ID)
		w.Key("index")
		w.Int(x.Index)
		w.Key("start")
		w.Int(x.Start)
		w.Key("end")
		w.Int(x.End)
		w.Key("text")
		w.String(x.Text)
		w.Key("score")
		w.Float(x.Score)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}
