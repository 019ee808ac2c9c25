package main

import (
	"fmt"
	"io"

	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// runInspect prints each document of a corpus folder as one JSON object a
// line: what ingestion made of it (title, date, author, language, encoding,
// repairs, text, blocks, sentences) and, unless -raw, the keywords,
// entities and related documents the build adds. Files that were skipped
// are listed on stderr with the reason, so that a missing document is never
// a mystery.
func runInspect(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("inspect", stderr)
	dir := fs.String("corpus", "corpus", "corpus `folder`")
	id := fs.String("id", "", "only the document with this `id`")
	raw := fs.Bool("raw", false, "ingestion only: no keywords, entities or related documents")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q (the folder goes after -corpus)", errUsage, fs.Args())
	}
	docs, rep, err := ingest.Dir(*dir, ingest.Options{})
	if err != nil {
		return err
	}
	for _, f := range rep.Files {
		if f.Err != nil && (*id == "" || f.Path == *id || f.ID == *id) {
			fmt.Fprintf(stderr, "explorer inspect: skipped %s: %v\n", f.Path, f.Err)
		}
	}
	if len(docs) == 0 {
		return fmt.Errorf("no readable documents (.txt, .md, .markdown, .html, .htm) in %s", *dir)
	}
	if !*raw {
		summary.Annotate(docs)
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
