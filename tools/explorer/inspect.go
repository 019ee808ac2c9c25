package main

import (
	"fmt"
	"io"

	"github.com/corpus-explorer/explorer/corpus/ingest"
)

// runInspect prints each document of a corpus folder as one JSON object a line.
func runInspect(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("inspect", stderr)
	dir := fs.String("corpus", "corpus", "corpus `folder`")
	id := fs.String("id", "", "only the document with this `id`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	docs, _, err := ingest.Dir(*dir, ingest.Options{})
	if err != nil {
		return err
	}
	found := false
	for _, d := range docs {
		if *id != "" && d.ID != *id {
			continue
		}
		found = true
		if err := writeJSON(stdout, d); err != nil {
			return err
		}
	}
	if *id != "" && !found {
		return fmt.Errorf("no document with id %q in %s", *id, *dir)
	}
	return nil
}
