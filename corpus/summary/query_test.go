package summary

import (
	"strings"
	"testing"

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
