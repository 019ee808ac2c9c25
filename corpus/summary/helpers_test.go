package summary

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
)

// block is a block of a hand-built document: its kind and sentences.
type block struct {
	kind  corpus.BlockKind
	sents []string
}

// build makes a document from blocks, as ingestion would: blocks separated
// by blank lines, sentences of Paragraph blocks recorded. With
// sentencesEverywhere, sentences of other blocks are recorded too, which
// breaks the Document contract on purpose.
func build(id, title string, blocks []block, sentencesEverywhere bool) *corpus.Document {
	d := &corpus.Document{ID: id, Title: title, Lang: "fr"}
	var b strings.Builder
	for k, bl := range blocks {
		if k > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		for i, s := range bl.sents {
			if i > 0 {
				b.WriteByte(' ')
			}
			ss := b.Len()
			b.WriteString(s)
			if bl.kind == corpus.Paragraph || sentencesEverywhere {
				d.Sentences = append(d.Sentences, corpus.Span{Start: ss, End: b.Len()})
			}
		}
		d.Blocks = append(d.Blocks, corpus.Block{Span: corpus.Span{Start: start, End: b.Len()}, Kind: bl.kind})
	}
	d.Text = b.String()
	if title == "" {
		d.TitleDerived = true
	}
	return d
}

// seeds returns the default corpus (the .txt files beside the corpus
// package) through the real ingestion, keyed by id.
func seeds(t testing.TB) map[string]*corpus.Document {
	t.Helper()
	docs, _, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]*corpus.Document{}
	for _, d := range docs {
		m[d.ID] = d
	}
	if len(m) < 5 {
		t.Fatalf("ingest.Dir(..) found %d documents, want the 5 seeds", len(m))
	}
	return m
}

// checkSentence checks a summary sentence against its document: index,
// text and UTF-16 offsets agree.
func checkSentence(t *testing.T, d *corpus.Document, s Sentence) {
	t.Helper()
	if s.ID != d.ID {
		t.Errorf("sentence of %q has id %q", d.ID, s.ID)
	}
	if s.Index < 0 || s.Index >= len(d.Sentences) {
		t.Fatalf("%s: sentence index %d out of range [0, %d)", d.ID, s.Index, len(d.Sentences))
	}
	if want := d.SentenceText(s.Index); s.Text != want {
		t.Errorf("%s: sentence %d text %q, want %q", d.ID, s.Index, s.Text, want)
	}
	u := utf16.Encode([]rune(d.Text))
	if s.Start < 0 || s.Start > s.End || s.End > len(u) {
		t.Fatalf("%s: offsets [%d, %d) outside the text's %d UTF-16 units", d.ID, s.Start, s.End, len(u))
	}
	if got := string(utf16.Decode(u[s.Start:s.End])); got != s.Text {
		t.Errorf("%s: UTF-16 [%d, %d) is %q, want %q", d.ID, s.Start, s.End, got, s.Text)
	}
}

// blockKindAt returns the kind of the block holding byte span sp.
func blockKindAt(d *corpus.Document, sp corpus.Span) (corpus.BlockKind, bool) {
	for _, b := range d.Blocks {
		if b.Start <= sp.Start && sp.End <= b.End {
			return b.Kind, true
		}
	}
	return 0, false
}
