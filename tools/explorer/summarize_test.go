package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

// seedCorpus is the default corpus, from this package's folder.
const seedCorpus = "../../corpus"

type jsonSentence struct {
	ID    string  `json:"id"`
	Index int     `json:"index"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

type jsonSummary struct {
	ID        string         `json:"id"`
	Query     string         `json:"query"`
	Sentences []jsonSentence `json:"sentences"`
}

func runJSON(t *testing.T, run func([]string, io.Writer, io.Writer) error, args ...string) []string {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(append([]string{"-corpus", seedCorpus}, args...), &out, &errOut); err != nil {
		t.Fatalf("%v: %v (stderr %q)", args, err, errOut.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Fatalf("%v: invalid JSON line %q", args, l)
		}
	}
	return lines
}

func TestSummarizeCommand(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		lines int
		max   int // sentences per summary
	}{
		{"document", []string{"-id", "000_51c7cdee7153bd3e"}, 1, 3},
		{"document, 1 sentence", []string{"-id", "000_51c7cdee7153bd3e", "-n", "1"}, 1, 1},
		{"document, word budget", []string{"-id", "003_b2b9600c9bae120f", "-words", "60"}, 1, 3},
		{"query", []string{"-q", "cloud", "-n", "4"}, 1, 4},
		{"all", []string{"-all", "-n", "2"}, 5, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := runJSON(t, runSummarize, tt.args...)
			if len(lines) != tt.lines {
				t.Fatalf("%d lines, want %d", len(lines), tt.lines)
			}
			for _, l := range lines {
				var s jsonSummary
				if err := json.Unmarshal([]byte(l), &s); err != nil {
					t.Fatal(err)
				}
				if len(s.Sentences) == 0 || len(s.Sentences) > tt.max {
					t.Errorf("%d sentences, want 1 to %d: %s", len(s.Sentences), tt.max, l)
				}
				for _, x := range s.Sentences {
					if x.ID == "" || x.Text == "" || x.Start >= x.End {
						t.Errorf("bad sentence %+v", x)
					}
				}
			}
		})
	}
}

func TestSummarizeUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-id", "a", "-q", "b"},
		{"-id", "a", "-n", "2", "-words", "30"},
		{"-all", "extra"},
		{"-id", "a", "-n", "-1"},
	} {
		var out, errOut bytes.Buffer
		if err := runSummarize(append([]string{"-corpus", seedCorpus}, args...), &out, &errOut); !errors.Is(err, errUsage) {
			t.Errorf("summarize %v: error %v, want a usage error", args, err)
		}
	}
	var out, errOut bytes.Buffer
	err := runSummarize([]string{"-corpus", seedCorpus, "-id", "no-such-doc"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "no-such-doc") {
		t.Errorf("unknown id: error %v, want one naming the id", err)
	}
}

func TestOverviewCommand(t *testing.T) {
	lines := runJSON(t, runOverview)
	var o struct {
		Documents int                           `json:"documents"`
		Languages map[string]int                `json:"languages"`
		Summary   []jsonSentence                `json:"summary"`
		Keywords  []struct{ Text string }       `json:"keywords"`
		Entities  []struct{ Name, Kind string } `json:"entities"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &o); err != nil {
		t.Fatal(err)
	}
	if o.Documents != 5 || o.Languages["fr"] != 5 || len(o.Summary) == 0 || len(o.Keywords) == 0 || len(o.Entities) == 0 {
		t.Errorf("overview %s", lines[0])
	}
}

func TestRelatedCommand(t *testing.T) {
	lines := runJSON(t, runRelated, "-id", "002_a9405f81dff46907", "-n", "2")
	var rs []struct {
		ID     string   `json:"id"`
		Score  float64  `json:"score"`
		Shared []string `json:"shared"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &rs); err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 || len(rs) > 2 {
		t.Fatalf("%d related documents, want 1 or 2", len(rs))
	}
	for _, r := range rs {
		if r.ID == "" || r.ID == "002_a9405f81dff46907" || r.Score <= 0 || len(r.Shared) == 0 {
			t.Errorf("bad related document %+v", r)
		}
	}
	var out, errOut bytes.Buffer
	if err := runRelated([]string{"-corpus", seedCorpus}, &out, &errOut); !errors.Is(err, errUsage) {
		t.Errorf("related without -id: %v, want a usage error", err)
	}
}
