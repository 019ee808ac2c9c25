package search_test

import (
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/search"
)

// TestHitPage checks that a hit in a paged document (a PDF) names the page
// its snippet's first query word is on, and that other hits name none.
func TestHitPage(t *testing.T) {
	pages := []string{
		"Rapport annuel. Introduction générale du rapport sur les comptes.",
		"Les comptes de l’exercice montrent une hausse des recettes.",
		"La trésorerie reste stable et la dette diminue nettement.",
	}
	var text strings.Builder
	var starts []int
	var blocks []corpus.Block
	for _, p := range pages {
		if text.Len() > 0 {
			text.WriteString("\n\n")
		}
		starts = append(starts, text.Len())
		blocks = append(blocks, corpus.Block{Span: corpus.Span{Start: text.Len(), End: text.Len() + len(p)}, Kind: corpus.Paragraph})
		text.WriteString(p)
	}
	plain := "Une note sans pages sur la trésorerie de l’association."
	docs := []*corpus.Document{
		{ID: "rapport", Path: "rapport.pdf", Title: "Rapport", Lang: "fr", Text: text.String(), Blocks: blocks, Pages: starts},
		{ID: "note", Path: "note.txt", Title: "Note", Lang: "fr", Text: plain,
			Blocks: []corpus.Block{{Span: corpus.Span{Start: 0, End: len(plain)}, Kind: corpus.Paragraph}}},
	}
	e := engineOf(t, docs)
	for _, tt := range []struct {
		q    string
		want map[string]int
	}{
		{"trésorerie", map[string]int{"rapport": 3, "note": 0}},
		{"recettes", map[string]int{"rapport": 2}},
		{"introduction", map[string]int{"rapport": 1}},
	} {
		r, err := e.Search(tt.q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, h := range r.Hits {
			got[h.ID] = h.Page
		}
		for id, p := range tt.want {
			if g, ok := got[id]; !ok || g != p {
				t.Errorf("%q: hit %s on page %d (found %v), want page %d", tt.q, id, g, ok, p)
			}
		}
	}
}

// TestSectionAndTagFilters checks the filters a site owner sets with meta
// tags or data- attributes: whole values, case and accents ignored.
func TestSectionAndTagFilters(t *testing.T) {
	mk := func(id, section string, tags ...string) *corpus.Document {
		text := "Un article sur le budget de la ville."
		return &corpus.Document{ID: id, Path: id + ".html", Title: id, Lang: "fr", Text: text, Section: section, Tags: tags,
			Blocks: []corpus.Block{{Span: corpus.Span{Start: 0, End: len(text)}, Kind: corpus.Paragraph}}}
	}
	docs := []*corpus.Document{mk("a", "Économie", "budget", "Ville"), mk("b", "Économie financière", "ville"), mk("c", "", "Budget")}
	e := engineOf(t, docs)
	for _, tt := range []struct {
		opt  search.Options
		want string
	}{
		{search.Options{}, "a b c"},
		{search.Options{Section: "economie"}, "a"},
		{search.Options{Section: "ÉCONOMIE FINANCIÈRE"}, "b"},
		{search.Options{Tag: "budget"}, "a c"},
		{search.Options{Tag: "ville", Section: "Économie"}, "a"},
		{search.Options{Tag: "vil"}, ""},
	} {
		r, err := e.Search("budget", tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(sortedIDs(r), " "); got != tt.want {
			t.Errorf("section %q tag %q: hits %q, want %q", tt.opt.Section, tt.opt.Tag, got, tt.want)
		}
	}
}
