package main

import (
	"fmt"
	"io"

	"github.com/corpus-explorer/explorer/corpus/search"
)

// runSearch runs one query and prints the result as JSON.
func runSearch(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", stderr)
	var src source
	src.flags(fs)
	q := fs.String("q", "", "the `query`: words, \"phrases\", -excluded, author:NAME, date:2020 or date:2020-01..2020-06")
	n := fs.Int("n", 10, "`hits` to return (at most 1000)")
	offset := fs.Int("offset", 0, "`hits` to skip")
	sort := fs.String("sort", "relevance", "order: relevance or date (newest first)")
	explain := fs.Bool("explain", false, "list the variants each query word matched")
	asTyped := fs.Bool("as-typed", false, "search the query as typed, never its correction")
	author := fs.String("author", "", "only documents whose author contains `name`")
	from := fs.String("from", "", "only documents dated from this ISO `date` (2020, 2020-03, 2020-03-15)")
	to := fs.String("to", "", "only documents dated up to this ISO `date`")
	section := fs.String("section", "", "only documents of this `section` (an HTML site's meta tags or data- attributes)")
	tag := fs.String("tag", "", "only documents with this `tag`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q (quote the query: -q 'two words')", errUsage, fs.Arg(0))
	}
	if *n < 1 || *n > 1000 {
		return fmt.Errorf("%w: -n %d: want 1 to 1000 hits", errUsage, *n)
	}
	if *offset < 0 {
		return fmt.Errorf("%w: -offset %d: must not be negative", errUsage, *offset)
	}
	if *sort != "relevance" && *sort != "date" {
		return fmt.Errorf("%w: -sort %q: want relevance or date", errUsage, *sort)
	}
	e, err := src.open()
	if err != nil {
		return err
	}
	r, err := e.Search(*q, search.Options{
		Limit: *n, Offset: *offset, Sort: *sort, Explain: *explain, AsTyped: *asTyped,
		Author: *author, DateFrom: *from, DateTo: *to, Section: *section, Tag: *tag,
	})
	if err != nil {
		return err
	}
	return writeJSON(stdout, r)
}
