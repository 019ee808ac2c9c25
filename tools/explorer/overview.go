package main

import (
	"fmt"
	"io"
)

// runOverview prints the corpus overview as JSON: counts, date range,
// languages, summary sentences, keywords and entities.
func runOverview(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("overview", stderr)
	var src source
	src.flags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: overview [-corpus DIR | -index FILE]", errUsage)
	}
	e, err := src.open()
	if err != nil {
		return err
	}
	return writeJSON(stdout, e.Overview())
}
