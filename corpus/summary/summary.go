package summary

import (
	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/search"
)

// Options set a summary's length: at most Sentences sentences if positive,
// within a budget of Words words if positive (both may apply); with
// neither, DefaultSentences within DefaultWords for a document summary (5
// sentences for a query summary).
type Options struct {
	Sentences int
	Words     int
	// Params tunes the scoring; nil means DefaultParams().
	Params *Params
}

// The default length of a document summary: two units of text in the
// space of a news standfirst. Chosen on the tuning half of tools/eval's
// set, as the length at which the summaries beat the lead cut to the same
// words by most.
const (
	DefaultSentences = 2
	DefaultWords     = 70
)

// Params are the weights of the sentence scoring. They are exposed for the
// evaluation tool (tools/eval), which tunes them; the defaults are the
// tuned values.
type Params struct {
	Centrality    float64 // weight of the LexRank score, normalised to [0, 1]
	Position      float64 // weight of the position prior 1/(1+i)^PositionDecay
	PositionDecay float64
	Title         float64 // weight of the cosine similarity to the title
	TitleCover    float64 // weight of the share of the title's terms the sentence holds
	Length        float64 // weight of min(1, words/LengthNorm)
	LengthNorm    float64
	Long          float64 // penalty weight of max(0, words/LongWords - 1): long sentences dilute a summary
	LongWords     float64
	Centroid      float64 // weight of the cosine similarity to the document's centroid
	Names         float64 // weight of the share of capitalised words (who, where)
	Numbers       float64 // weight of holding a number (how many, when)
	Quoted        float64 // penalty weight of the share of the sentence in quotation marks
	Lead          float64 // without an author's title: weight of the similarity to the lead, the first sentence that may be chosen
	Lambda        float64 // MMR: score weight against similarity to chosen sentences
	Redundancy    float64 // a candidate this similar to a chosen sentence is skipped
	MinWords      int     // shorter sentences are fragments
}

// DefaultParams returns the tuned parameters for a document with a title
// (see UntitledParams for one without).
func DefaultParams() Params {
	return Params{
		Centrality:    0.2,
		Position:      0.5,
		PositionDecay: 0.3,
		Title:         1.5,
		TitleCover:    0,
		Length:        0.2,
		LengthNorm:    15,
		Long:          0.4,
		LongWords:     40,
		Centroid:      0.85,
		Names:         0.2,
		Numbers:       0.2,
		Quoted:        0.1,
		Lambda:        0.5,
		Redundancy:    0.5,
		MinWords:      5,
	}
}

// UntitledParams returns the tuned parameters for a document without an
// author's title: nothing to compare sentences with, so position and
// length weigh more.
func UntitledParams() Params {
	p := DefaultParams()
	p.Centrality, p.Position, p.Length, p.Long, p.Quoted, p.Centroid, p.Lead = 0, 0.8, 0.8, 0.1, 0.2, 1.2, 0.8
	return p
}

func (o Options) params() *Params {
	if o.Params != nil {
		return o.Params
	}
	p := DefaultParams()
	return &p
}

// paramsFor returns o's parameters for d: o.Params, or the defaults for a
// document with or without a title.
func (o Options) paramsFor(d *corpus.Document) *Params {
	if o.Params == nil && titleKey(d) == "" {
		p := UntitledParams()
		return &p
	}
	return o.params()
}

// Sentence is one sentence of a summary, with its place in its document.
// Start and End are UTF-16 offsets into the document's text.
type Sentence struct {
	ID         string // document id
	Index      int    // sentence index in the document
	Start, End int
	Text       string
	Score      float64
	// Highlights are the query words in Text, in UTF-16 offsets of Text
	// (query summaries only; nil for a document's).
	Highlights []corpus.Span
}

// Summary is an extractive summary: sentences in document order (for one
// document) or in order of relevance (for a query).
type Summary struct {
	ID        string // document id; "" for a query summary
	Query     string // the query; "" for a document summary
	Sentences []Sentence
}

// JSONSize returns about as many bytes as AppendJSON writes, a little
// more rather than less, for a writer to make room once (jsonw.Writer.Grow;
// engine.JSON).
func (s *Summary) JSONSize() int {
	n := 64 + len(s.ID) + len(s.Query)
	for i := range s.Sentences {
		x := &s.Sentences[i]
		n += 96 + len(x.ID) + len(x.Text) + 16*len(x.Highlights)
	}
	return n + n/8 // escapes
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
		if x.Highlights != nil {
			w.Key("highlights")
			search.AppendRanges(w, x.Highlights)
		}
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// sentence builds a Sentence of d from its byte span.
func sentence(d *corpus.Document, u *corpus.UTF16Offsets, i int, score float64) Sentence {
	sp := d.Sentences[i]
	us := u.Span(sp)
	return Sentence{ID: d.ID, Index: i, Start: us.Start, End: us.End, Text: d.Text[sp.Start:sp.End], Score: round4(score)}
}

func round4(f float64) float64 {
	if f < 0 {
		return -round4(-f)
	}
	return float64(int64(f*1e4+0.5)) / 1e4
}
