package summary

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/token"
)

func TestQuery(t *testing.T) {
	m := seeds(t)
	docs := make([]*corpus.Document, 0, len(m))
	for _, d := range m {
		docs = append(docs, d)
	}
	ix := index.Build(docs, Annotate(docs))
	e := search.New(ix)
	tests := []struct {
		q       string
		opt     Options
		max     int
		matches []string // folded words one of which each sentence holds
	}{
		{"cloud", Options{}, 5, []string{"cloud"}},
		{"Jack Ma", Options{Sentences: 3}, 3, []string{"jack", "ma"}},
		{"intelligence artificielle", Options{Words: 80}, 100, []string{"intelligence", "artificielle", "intelligent"}},
		{"xyzzyq", Options{}, 0, nil},
		{"-cloud", Options{}, 0, nil},
		{"", Options{}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			s, err := Query(e, ix.Doc, tt.q, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if s.Query != tt.q || s.ID != "" {
				t.Errorf("summary query %q id %q", s.Query, s.ID)
			}
			if len(s.Sentences) > tt.max {
				t.Errorf("%d sentences, want at most %d", len(s.Sentences), tt.max)
			}
			if tt.max > 0 && len(s.Sentences) == 0 {
				t.Fatalf("no sentence about %q", tt.q)
			}
			seen := map[string]bool{}
			for k, x := range s.Sentences {
				d := ix.Doc(x.ID)
				if d == nil {
					t.Fatalf("sentence of unknown document %q", x.ID)
				}
				checkSentence(t, d, x)
				if k > 0 && x.Score > s.Sentences[k-1].Score {
					t.Errorf("sentences not by decreasing score")
				}
				if seen[x.Text] {
					t.Errorf("sentence twice: %q", x.Text)
				}
				seen[x.Text] = true
				folded := token.Fold(x.Text)
				ok := false
				for _, w := range tt.matches {
					ok = ok || strings.Contains(folded, w)
				}
				if !ok {
					t.Errorf("sentence does not match %q: %q", tt.q, x.Text)
				}
			}
		})
	}
	if s, err := Query(nil, nil, "cloud", Options{}); err != nil || len(s.Sentences) != 0 {
		t.Errorf("Query without an engine: %v, %v", s, err)
	}
}

func TestQueryWords(t *testing.T) {
	tests := []struct {
		q    string
		want string
	}{
		{"cloud computing", "cloud computing"},
		{`"Jack Ma" -Alibaba author:dupont`, "Jack Ma"},
		{"(cloud OR ia)*", "cloud ia"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(queryWords(tt.q), " "); got != tt.want {
			t.Errorf("queryWords(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestQueryHighlights: the sentences of a query summary are marked as the
// search's hits are (by the search's Highlighter), misspelt query or not,
// and ForResult over a search summarises it without searching again.
func TestQueryHighlights(t *testing.T) {
	m := seeds(t)
	docs := make([]*corpus.Document, 0, len(m))
	for _, d := range m {
		docs = append(docs, d)
	}
	ix := index.Build(docs, Annotate(docs))
	e := search.New(ix)
	for _, c := range []struct{ q, want string }{
		{"Gnasingbe", "Gnassingbé"},
		{"strategie numerique", "numérique"},
	} {
		res, err := e.Search(c.q, search.Options{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		s := ForResult(res, ix.Doc, Options{Sentences: 3})
		q, err := Query(e, ix.Doc, c.q, Options{Sentences: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Sentences) == 0 || len(s.Sentences) != len(q.Sentences) {
			t.Fatalf("%q: ForResult gives %d sentences, Query %d", c.q, len(s.Sentences), len(q.Sentences))
		}
		found := false
		for k, x := range s.Sentences {
			if x.Text != q.Sentences[k].Text {
				t.Errorf("%q: sentence %d differs: %q, %q", c.q, k, x.Text, q.Sentences[k].Text)
			}
			if x.Highlights == nil {
				t.Errorf("%q: sentence without highlights: %q", c.q, x.Text)
			}
			u := utf16.Encode([]rune(x.Text))
			for _, r := range x.Highlights {
				if r.Start < 0 || r.End > len(u) || r.Start >= r.End {
					t.Fatalf("%q: range %v out of %q", c.q, r, x.Text)
				}
				w := string(utf16.Decode(u[r.Start:r.End]))
				if !res.Highlighter.Marks(token.Fold(w)) {
					t.Errorf("%q: marks %q, which the search did not match", c.q, w)
				}
				found = found || w == c.want
			}
		}
		if !found {
			t.Errorf("%q: no sentence marks %q", c.q, c.want)
		}
	}
}
