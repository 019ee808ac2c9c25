package explore

import (
	"errors"
	"strconv"

	"github.com/corpus-explorer/explorer/corpus"
)

// Docs is a Source over documents in memory.
type Docs []*corpus.Document

// Len returns the number of documents.
func (s Docs) Len() int { return len(s) }

// Doc returns document i.
func (s Docs) Doc(i int) (*corpus.Document, error) {
	if i < 0 || i >= len(s) {
		return nil, errors.New("no document number " + strconv.Itoa(i))
	}
	return s[i], nil
}
