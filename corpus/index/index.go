// Package index holds a corpus ready to be searched: its documents, their
// overview and an inverted index, with a compact, versioned binary encoding
// written at build time and decoded (fast, without reflection) at run time.
//
// STUB: to be replaced by the real implementation (issue 2/3).
package index

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"github.com/corpus-explorer/explorer/corpus"
)

// Index is a searchable corpus.
type Index struct {
	Docs     []*corpus.Document
	Overview corpus.Overview
}

// Build makes an index of docs with their overview.
func Build(docs []*corpus.Document, ov corpus.Overview) *Index {
	return &Index{Docs: docs, Overview: ov}
}

// Doc returns the document with the given id, or nil.
func (ix *Index) Doc(id string) *corpus.Document {
	for _, d := range ix.Docs {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// MarshalBinary encodes the index.
func (ix *Index) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	type plain Index // without methods: gob would call MarshalBinary again
	err := gob.NewEncoder(&b).Encode((*plain)(ix))
	return b.Bytes(), err
}

// Decode decodes an index written by MarshalBinary.
func Decode(b []byte) (*Index, error) {
	type plain Index
	ix := &Index{}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode((*plain)(ix)); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return ix, nil
}
