package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/corpus-explorer/explorer/corpus/engine"
)

// exploreKinds are the analyses of `explorer explore KIND`.
var exploreKinds = []string{"kwic", "trend", "collocates", "keyness", "phrases", "network", "timeline", "figures"}

// runExplore prints one analysis of the corpus as JSON, with the options
// of the JavaScript API of the same name as flags.
func runExplore(args []string, stdout, stderr io.Writer) error {
	usageLine := "explore KIND [flags], KIND one of " + strings.Join(exploreKinds, ", ")
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fmt.Errorf("%w: %s", errUsage, usageLine)
	}
	kind := args[0]
	fs := newFlags("explore "+kind, stderr)
	var src source
	src.flags(fs)
	var o engine.ExploreOptions
	q := fs.String("q", "", "the word or phrase (kwic, collocates); the terms \"a, b, c\" (trend)")
	fs.StringVar(&o.Match, "match", "", "word or forms")
	fs.StringVar(&o.Sort, "sort", "", "kwic: document, date, left or right")
	fs.IntVar(&o.Offset, "offset", 0, "kwic: lines skipped")
	fs.IntVar(&o.Limit, "n", 0, "lines, words, phrases, entities or trend documents returned (0: the default)")
	fs.IntVar(&o.Context, "context", 0, "kwic: words each side")
	fs.IntVar(&o.Window, "window", 0, "collocates, kwic -near: words each side, 1 to 10")
	fs.IntVar(&o.Min, "min", 0, "least count")
	fs.StringVar(&o.By, "by", "", "trend, timeline: month, year, folder or author")
	fs.IntVar(&o.N, "words", 0, "phrases: words per phrase, 2 to 6")
	fs.StringVar(&o.Scope, "scope", "", "network: sentence or document")
	fs.StringVar(&o.ID, "id", "", "one document")
	fs.StringVar(&o.Near, "near", "", "kwic: only the occurrences with this word within -window words")
	fs.StringVar(&o.Query, "query", "", "keyness, timeline: the hits of this query")
	fs.IntVar(&o.Hits, "hits", 0, "keyness: how many hits of -query (default 100)")
	fs.StringVar(&o.Folder, "folder", "", "keyness, timeline: the documents of a folder")
	fs.StringVar(&o.Author, "author", "", "keyness, timeline: the documents of an author")
	fs.StringVar(&o.DateFrom, "from", "", "keyness, timeline: dated from (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&o.DateTo, "to", "", "keyness, timeline: dated up to")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s", errUsage, usageLine)
	}
	needQ := kind == "kwic" || kind == "collocates" || kind == "trend"
	if needQ && *q == "" {
		return fmt.Errorf("%w: explore %s -q QUERY", errUsage, kind)
	}
	e, err := src.open()
	if err != nil {
		return err
	}
	var v engine.JSONer
	switch kind {
	case "kwic":
		v, err = e.KWIC(*q, o)
	case "trend":
		v, err = e.Trend(*q, o)
	case "collocates":
		v, err = e.Collocates(*q, o)
	case "keyness":
		v, err = e.Keyness(o)
	case "phrases":
		v, err = e.Phrases(o)
	case "network":
		v, err = e.Network(o)
	case "timeline":
		v, err = e.Timeline(o)
	case "figures":
		v, err = e.Figures()
	default:
		return fmt.Errorf("%w: unknown analysis %q; %s", errUsage, kind, usageLine)
	}
	if err != nil {
		return err
	}
	return writeJSON(stdout, v)
}
