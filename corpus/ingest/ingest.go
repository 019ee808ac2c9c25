// Package ingest reads a folder of documents into clean, structured
// corpus.Documents.
//
// STUB: to be replaced by the real implementation (issue 2).
package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/decode"
	"github.com/corpus-explorer/explorer/corpus/segment"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// Options tune ingestion. The zero value is ready to use.
type Options struct {
	MaxFileSize int64 // larger files are skipped with a message; 0 means 64 MiB
}

// FileReport tells what happened to one file.
type FileReport struct {
	Path         string // relative to the corpus root
	ID           string // "" when the file was skipped
	Bytes        int64
	Encoding     string
	Repairs      int
	InvalidBytes int
	Boilerplate  int // boilerplate blocks marked
	Warnings     []string
	Err          error // why the file was skipped; nil if it became a document
}

// Report tells what happened to a whole folder.
type Report struct {
	Files     []FileReport
	Documents int
	Skipped   int
	Bytes     int64
}

// Dir reads every document below root: .txt, .md and .html files, in
// lexical path order. Files it cannot use are skipped and reported; the
// error is non-nil only when the folder itself cannot be used.
func Dir(root string, opt Options) ([]*corpus.Document, *Report, error) {
	rep := &Report{}
	var docs []*corpus.Document
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		ext := filepath.Ext(p)
		if ext != ".txt" && ext != ".md" && ext != ".html" {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		fr := FileReport{Path: rel, Bytes: int64(len(b))}
		if err == nil {
			var doc *corpus.Document
			doc, err = Bytes(strings.TrimSuffix(rel, ext), rel, b)
			if err == nil {
				docs = append(docs, doc)
				fr.ID = doc.ID
			}
		}
		fr.Err = err
		rep.Files = append(rep.Files, fr)
		return nil
	})
	rep.Documents = len(docs)
	return docs, rep, err
}

// Bytes turns the content of one file into a document. The path's
// extension chooses how it is read (.html, .md, anything else as text).
func Bytes(id, path string, data []byte) (*corpus.Document, error) {
	r, err := decode.Bytes(data)
	if err != nil {
		return nil, err
	}
	d := &corpus.Document{ID: id, Path: path, Text: r.Text, Encoding: r.Encoding, Lang: token.Detect(r.Text)}
	d.Blocks = []corpus.Block{{Span: corpus.Span{Start: 0, End: len(r.Text)}, Kind: corpus.Paragraph}}
	d.Sentences = segment.Sentences(r.Text, d.Lang)
	d.Title, d.TitleDerived = id, true
	return d, nil
}
