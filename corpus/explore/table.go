package explore

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// Source is what the analyses read of a corpus: its documents, numbered
// from 0 in corpus order, each with its metadata, text, sentences and
// entities. A Source backed by a lean index decodes (or fetches) a
// document's text when Doc is called.
type Source interface {
	Len() int
	Doc(i int) (*corpus.Document, error)
}

// Meta is the metadata of a document the analyses show.
type Meta struct {
	ID, Title, Date, Author, Path, Lang string
}

// Folder returns the folder of the document's path ("" at the root).
func (m *Meta) Folder() string {
	if i := strings.LastIndexByte(m.Path, '/'); i >= 0 {
		return m.Path[:i]
	}
	return ""
}

// Token flags.
const (
	flagStop   = 1 << iota // a stopword of the document's language
	flagBreak              // a sentence boundary comes before the word
	flagLetter             // the word has a letter
)

// docWords are the words of one document, in text order.
type docWords struct {
	term, stem []uint32 // ids in Table.strs
	start, end []uint32 // byte range in the text
	flags      []uint8
}

// Table is a corpus cut into words, ready for the analyses. It is
// read-only once built and safe for concurrent use.
type Table struct {
	src     Source
	meta    []Meta
	docs    []docWords
	strs    []string          // folded terms and stems
	ids     map[string]uint32 // inverse of strs
	display []string          // per id: the word as first written, in lower case
	cf      []int             // per id: occurrences as a term
	tokens  int
	langs   []string
}

// New cuts every document of src into words. It fails only when the
// source cannot give a document.
func New(src Source) (*Table, error) {
	n := src.Len()
	t := &Table{src: src, meta: make([]Meta, n), docs: make([]docWords, n), ids: map[string]uint32{}}
	var toks []token.Token
	for i := 0; i < n; i++ {
		d, err := src.Doc(i)
		if err != nil {
			return nil, errors.New("explore: document " + strconv.Itoa(i) + ": " + err.Error())
		}
		t.meta[i] = Meta{ID: d.ID, Title: d.Title, Date: d.Date, Author: d.Author, Path: d.Path, Lang: d.Lang}
		a := token.For(d.Lang)
		toks = a.AppendTokens(toks[:0], d.Text)
		w := &t.docs[i]
		m := 0
		for _, k := range toks {
			if !k.Compound {
				m++
			}
		}
		w.term, w.stem = make([]uint32, 0, m), make([]uint32, 0, m)
		w.start, w.end = make([]uint32, 0, m), make([]uint32, 0, m)
		w.flags = make([]uint8, 0, m)
		prev := 0
		for _, k := range toks {
			if k.Compound {
				continue
			}
			id := t.intern(k.Term, d.Text[k.Start:k.End])
			t.cf[id]++
			var f uint8
			if k.Stop {
				f |= flagStop
			}
			if prev == 0 || sentenceGap(d.Text[min(prev, k.Start):k.Start]) {
				f |= flagBreak
			}
			if hasLetter(k.Term) {
				f |= flagLetter
			}
			w.term = append(w.term, id)
			w.stem = append(w.stem, t.intern(k.Stem, ""))
			w.start = append(w.start, uint32(k.Start))
			w.end = append(w.end, uint32(k.End))
			w.flags = append(w.flags, f)
			prev = k.End
		}
		t.tokens += len(w.term)
	}
	seen := map[string]bool{}
	for _, m := range t.meta {
		if !seen[m.Lang] {
			seen[m.Lang] = true
			t.langs = append(t.langs, m.Lang)
		}
	}
	return t, nil
}

// intern returns the id of s, adding it with its written form when new.
func (t *Table) intern(s, written string) uint32 {
	if id, ok := t.ids[s]; ok {
		if t.display[id] == "" && written != "" {
			t.display[id] = strings.ToLower(written)
		}
		return id
	}
	id := uint32(len(t.strs))
	t.ids[s] = id
	t.strs = append(t.strs, s)
	if written != "" {
		written = strings.ToLower(written)
	}
	t.display = append(t.display, written)
	t.cf = append(t.cf, 0)
	return id
}

// sentenceGap reports whether the text between two words ends a sentence
// or a line.
func sentenceGap(gap string) bool {
	return strings.ContainsAny(gap, ".!?;:\n…")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Len returns the number of documents.
func (t *Table) Len() int { return len(t.meta) }

// Meta returns the metadata of document i.
func (t *Table) Meta(i int) *Meta { return &t.meta[i] }

// Tokens returns the number of words in the corpus.
func (t *Table) Tokens() int { return t.tokens }

// Words returns the number of words of document i.
func (t *Table) Words(i int) int { return len(t.docs[i].term) }

// Find returns the number of the document with the given id, or -1.
func (t *Table) Find(id string) int {
	for i := range t.meta {
		if t.meta[i].ID == id {
			return i
		}
	}
	return -1
}

// Display returns the word of id as first written, in lower case.
func (t *Table) Display(id uint32) string {
	if s := t.display[id]; s != "" {
		return s
	}
	return t.strs[id]
}

// lookup returns the id of a folded term or stem, and whether it is
// known.
func (t *Table) lookup(s string) (uint32, bool) {
	id, ok := t.ids[s]
	return id, ok
}

// content reports whether word j of w may stand alone in a list of words:
// it has a letter and is no stopword.
func content(w *docWords, j int) bool {
	return w.flags[j]&(flagStop|flagLetter) == flagLetter
}

// clean returns s with runs of white space made single spaces.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		if r == utf8.RuneError {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
