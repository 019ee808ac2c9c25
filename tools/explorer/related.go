package main

import (
	"fmt"
	"io"
)

// runRelated prints the documents most similar to one document as JSON,
// each with the shared keywords that explain why.
func runRelated(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("related", stderr)
	var src source
	src.flags(fs)
	id := fs.String("id", "", "the document's `id`")
	n := fs.Int("n", 5, "at most `n` related documents")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: related -id ID [-n 5]", errUsage)
	}
	if *n < 0 {
		return fmt.Errorf("%w: -n must not be negative", errUsage)
	}
	e, err := src.open()
	if err != nil {
		return err
	}
	r, err := e.Related(*id, *n)
	if err != nil {
		return err
	}
	return writeJSON(stdout, r)
}
