package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// runSummarize prints extractive summaries as JSON: of one document (-id),
// of what the corpus says about a query (-q), or of every document (-all,
// one JSON line each).
func runSummarize(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("summarize", stderr)
	var src source
	src.flags(fs)
	id := fs.String("id", "", "summarise the document with this `id`")
	q := fs.String("q", "", "summarise what the top results of this `query` say about it")
	all := fs.Bool("all", false, "summarise every document, one JSON line each")
	n := fs.Int("n", 0, "summary length in `sentences` (default 3, or 5 with -q)")
	words := fs.Int("words", 0, "summary length as a budget of `words`, instead of -n")
	if err := fs.Parse(args); err != nil {
		return err
	}
	modes := 0
	for _, set := range []bool{*id != "", *q != "", *all} {
		if set {
			modes++
		}
	}
	if modes != 1 || fs.NArg() > 0 {
		return fmt.Errorf("%w: summarize -id ID [-n 3 | -words 60] | -q QUERY [-n 5] | -all [-n 3]", errUsage)
	}
	if *n < 0 || *words < 0 {
		return fmt.Errorf("%w: -n and -words must not be negative", errUsage)
	}
	if *n > 0 && *words > 0 {
		return fmt.Errorf("%w: give -n or -words, not both", errUsage)
	}
	opt := summary.Options{Sentences: *n, Words: *words}
	e, err := src.open()
	if err != nil {
		return err
	}
	switch {
	case *id != "":
		s, err := e.Summarize(*id, opt)
		if err != nil {
			return err
		}
		return writeJSON(stdout, s)
	case *q != "":
		s, err := e.SummarizeQuery(*q, opt)
		if err != nil {
			return err
		}
		return writeJSON(stdout, s)
	}
	for _, d := range e.Documents().Docs {
		s, err := e.Summarize(d.ID, opt)
		if err != nil {
			if errors.Is(err, engine.ErrNotFound) {
				continue
			}
			return err
		}
		if err := writeJSON(stdout, s); err != nil {
			return err
		}
	}
	return nil
}
