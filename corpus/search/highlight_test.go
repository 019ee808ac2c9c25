package search_test

import (
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/search"
)

// marked returns the parts of text that UTF-16 ranges cover.
func marked(text string, rs []search.Range) []string {
	u := utf16.Encode([]rune(text))
	var out []string
	for _, r := range rs {
		if r.Start < 0 || r.End > len(u) || r.Start >= r.End {
			out = append(out, "<bad range>")
			continue
		}
		out = append(out, string(utf16.Decode(u[r.Start:r.End])))
	}
	return out
}

// TestHighlighterMarksWhatSearchMatched: misspelt, accent-free and ligature
// queries mark the word as written, in the whole text as in the snippet.
func TestHighlighterMarksWhatSearchMatched(t *testing.T) {
	e, ix := seedEngine(t)
	perm := smallEngine(t, append(filler(12, 3, "permissions"),
		[3]string{"chmod", "chmod - modifier les bits d’un fichier", "chmod change les permissions du fichier. Les Permissions sont en octal."}))
	for _, c := range []struct {
		e    *search.Engine
		q    string
		doc  string
		want string // a word the reader's text must mark
	}{
		{e, "Gnasingbe", "000_51c7cdee7153bd3e", "Gnassingbé"},
		{e, "gnassingbe", "000_51c7cdee7153bd3e", "Gnassingbé"},
		{e, "oeuvre", "x/emoji", "Œuvre"},
		{e, "coeur", "x/emoji", "cœur"},
		{e, "ecriture numerique", "x/emoji", "écriture"},
		{perm, "permisions", "chmod", "permissions"},
		{perm, "permisions", "chmod", "Permissions"},
	} {
		r := search1(t, c.e, c.q, search.Options{})
		var hit *search.Hit
		for i := range r.Hits {
			if r.Hits[i].ID == c.doc {
				hit = &r.Hits[i]
			}
		}
		if hit == nil {
			t.Errorf("%q: %s not found", c.q, c.doc)
			continue
		}
		var d *corpus.Document
		if c.e == e {
			var err error
			if d, err = ix.Content(ix.DocNum(c.doc)); err != nil { // the metadata has no text
				t.Fatal(err)
			}
		} else {
			d = &corpus.Document{Text: hit.Title + "\n\n" + "chmod change les permissions du fichier. Les Permissions sont en octal.", Lang: "fr"}
		}
		h := c.e.Highlighter(c.q)
		inText := marked(d.Text, h.Ranges(d.Text, d.Lang))
		if !slices.Contains(inText, c.want) {
			t.Errorf("%q: the reader marks %q, want %q among them", c.q, inText, c.want)
		}
		// The snippet and the reader agree: the snippet's marks are the
		// reader's, and r.Highlighter is the one Highlighter(q) returns.
		inSnippet := marked(hit.Snippet, hit.SnippetHighlights)
		if len(inSnippet) == 0 {
			t.Errorf("%q: the snippet %q marks nothing", c.q, hit.Snippet)
		}
		for _, w := range inSnippet {
			if !slices.Contains(inText, w) {
				t.Errorf("%q: the snippet marks %q, the reader does not (%q)", c.q, w, inText)
			}
		}
		again := marked(d.Text, r.Highlighter.Ranges(d.Text, d.Lang))
		if !slices.Equal(again, inText) {
			t.Errorf("%q: Result.Highlighter marks %q, Highlighter(q) %q", c.q, again, inText)
		}
	}
}

func TestHighlighterRanges(t *testing.T) {
	e, _ := seedEngine(t)
	for _, c := range []struct {
		q, lang, text string
		want          []string
	}{
		// Non-BMP text before the word: offsets in UTF-16 code units.
		{"numerique", "fr", "😀 𝔘 l’écriture numérique, NUMÉRIQUE.", []string{"numérique", "NUMÉRIQUE"}},
		// Excluded words and stopwords are not marked.
		{"chine -alibaba", "fr", "La Chine et Alibaba.", []string{"Chine"}},
		// A compound and its parts make one range.
		{"ecommerce", "fr", "Le e-commerce chinois.", []string{"e-commerce"}},
		{"", "fr", "Rien à marquer.", nil},
		{"chine", "fr", "", nil},
	} {
		got := marked(c.text, e.Highlighter(c.q).Ranges(c.text, c.lang))
		if !slices.Equal(got, c.want) {
			t.Errorf("Highlighter(%q).Ranges(%q) marks %q, want %q", c.q, c.text, got, c.want)
		}
	}
}

// TestHighlighterLongText: a text of many chunks is marked throughout,
// with no word cut at a chunk's edge.
func TestHighlighterLongText(t *testing.T) {
	e, _ := seedEngine(t)
	line := "La stratégie numérique de la Chine.\n"
	var text []byte
	for len(text) < 300<<10 {
		text = append(text, line...)
	}
	got := e.Highlighter("chine").Spans(string(text), "fr")
	if want := len(text) / len(line); len(got) != want {
		t.Fatalf("%d spans, want %d", len(got), want)
	}
	for _, s := range got {
		if w := string(text[s.Start:s.End]); w != "Chine" {
			t.Fatalf("marked %q", w)
		}
	}
}
