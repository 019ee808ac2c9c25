package explore

import (
	"errors"
	"math"
	"slices"
	"sort"
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
	flagStop     = 1 << iota // a stopword of the document's language
	flagBreak                // a sentence boundary comes before the word
	flagLetter               // the word has a letter
	flagSentence             // the word starts a sentence of the document's Sentences
	flagOutside              // the word is in none of the document's Sentences
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
	by      string // the trends' grouping when none is asked (see Trend)

	// The named entities: ents are the corpus's, one per kind and folded
	// name, and docEnts[d] the numbers of those document d names.
	ents    []entity
	docEnts [][]int32

	// Postings: the words of every id as a term (byTerm) and as a stem
	// (byStem), as positions in the corpus's running words (document d
	// starts at first[d]); off[id]:off[id+1] is the range of id.
	first                []uint32
	termOff, stemOff     []uint32
	termPosts, stemPosts []uint32
	rank                 []uint32 // per id: its place in the sorted strs
}

// New cuts every document of src into words. It fails only when the
// source cannot give a document.
func New(src Source) (*Table, error) {
	b := NewBuilder(src)
	for i := 0; i < src.Len(); i++ {
		d, err := src.Doc(i)
		if err != nil {
			return nil, docError{"explore: document " + strconv.Itoa(i) + ": " + err.Error(), err}
		}
		b.Add(i, d)
	}
	return b.Table()
}

// A Builder cuts the documents of a source into words one at a time, in
// any order, so that a corpus whose texts arrive piecemeal (the packs of
// a split build) is cut as they come; Table finishes the table once every
// document is in. The table is the same whatever the order.
type Builder struct {
	t       *Table
	added   []bool
	left    int
	dispDoc []int32 // per id: the document its display form comes from
	toks    []token.Token
	entKey  map[string]int32 // kind and folded name -> number in Table.ents
	entDoc  []int32          // per entity: the document its name comes from
}

// NewBuilder returns a builder of the table of src, with no document in.
func NewBuilder(src Source) *Builder {
	n := src.Len()
	return &Builder{
		t: &Table{src: src, meta: make([]Meta, n), docs: make([]docWords, n), ids: map[string]uint32{},
			docEnts: make([][]int32, n)},
		added:  make([]bool, n),
		left:   n,
		entKey: map[string]int32{},
	}
}

// Has reports whether document i is in.
func (b *Builder) Has(i int) bool { return i >= 0 && i < len(b.added) && b.added[i] }

// Left returns the number of documents not in yet.
func (b *Builder) Left() int { return b.left }

// Add cuts document d, number i of the source, into words. Adding a
// document again, or a number out of range, does nothing.
func (b *Builder) Add(i int, d *corpus.Document) {
	if i < 0 || i >= len(b.added) || b.added[i] {
		return
	}
	b.added[i] = true
	b.left--
	t := b.t
	t.meta[i] = Meta{ID: d.ID, Title: d.Title, Date: d.Date, Author: d.Author, Path: d.Path, Lang: d.Lang}
	a := token.For(d.Lang)
	b.toks = a.AppendTokens(b.toks[:0], d.Text)
	w := &t.docs[i]
	m := 0
	for _, k := range b.toks {
		if !k.Compound {
			m++
		}
	}
	w.term, w.stem = make([]uint32, 0, m), make([]uint32, 0, m)
	w.start, w.end = make([]uint32, 0, m), make([]uint32, 0, m)
	w.flags = make([]uint8, 0, m)
	prev, si, lastSi := 0, 0, -1
	for _, k := range b.toks {
		if k.Compound {
			continue
		}
		id := b.intern(k.Term, d.Text[k.Start:k.End], i)
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
		for si < len(d.Sentences) && d.Sentences[si].End <= k.Start {
			si++
		}
		if si < len(d.Sentences) && d.Sentences[si].Start <= k.Start && k.End <= d.Sentences[si].End {
			if si != lastSi {
				f |= flagSentence
				lastSi = si
			}
		} else {
			f |= flagOutside
		}
		w.term = append(w.term, id)
		w.stem = append(w.stem, b.intern(k.Stem, "", i))
		w.start = append(w.start, uint32(k.Start))
		w.end = append(w.end, uint32(k.End))
		w.flags = append(w.flags, f)
		prev = k.End
	}
	t.tokens += len(w.term)
	b.addEntities(i, d.Entities)
}

// addEntities records the people, organisations and places document i
// names. An entity is one per kind and folded name; its name is as the
// lowest-numbered document naming it writes it, and its forms are every
// form a document gives it, folded.
func (b *Builder) addEntities(i int, es []corpus.Entity) {
	t := b.t
	var ids []int32
	for _, e := range es {
		if e.Kind == corpus.OtherEntity {
			continue
		}
		k := e.Kind + "\x00" + token.Fold(e.Name)
		n, ok := b.entKey[k]
		if !ok {
			n = int32(len(t.ents))
			b.entKey[k] = n
			t.ents = append(t.ents, entity{node: Node{Kind: e.Kind}})
			b.entDoc = append(b.entDoc, math.MaxInt32)
		}
		x := &t.ents[n]
		if int32(i) < b.entDoc[n] {
			x.node.Name = e.Name
			b.entDoc[n] = int32(i)
		}
		x.node.Mentions += e.Count
		if !containsID(ids, n) {
			x.node.Docs++
			ids = append(ids, n)
		}
		for _, f := range append([]string{e.Name}, e.Variants...) {
			if f = token.Fold(f); f != "" && !slices.Contains(x.forms, f) {
				x.forms = append(x.forms, f)
			}
		}
	}
	t.docEnts[i] = ids
}

// Table finishes the table once every document is in; the builder is
// spent.
func (b *Builder) Table() (*Table, error) {
	if b.left > 0 {
		return nil, errors.New("explore: " + strconv.Itoa(b.left) + " documents not read yet")
	}
	t := b.t
	b.t = nil
	if t == nil {
		return nil, errors.New("explore: table already built")
	}
	t.postings()
	t.by = t.defaultGrouping()
	for i := range t.ents {
		f := t.ents[i].forms // the same whatever the order documents came in
		sort.Slice(f, func(a, b int) bool { return f[a] < f[b] })
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

// intern returns the id of s, adding it when new. Its display form is its
// first written form (lower case) in the lowest-numbered document that
// writes it, so that it does not depend on the order documents come in.
func (b *Builder) intern(s, written string, doc int) uint32 {
	t := b.t
	id, ok := t.ids[s]
	if !ok {
		id = uint32(len(t.strs))
		t.ids[s] = id
		t.strs = append(t.strs, s)
		t.display = append(t.display, "")
		t.cf = append(t.cf, 0)
		b.dispDoc = append(b.dispDoc, math.MaxInt32)
	}
	if written != "" && int32(doc) < b.dispDoc[id] {
		t.display[id] = strings.ToLower(written)
		b.dispDoc[id] = int32(doc)
	}
	return id
}

// postings fills the postings and the ranks of the ids.
func (t *Table) postings() {
	t.first = make([]uint32, len(t.docs)+1)
	for d := range t.docs {
		t.first[d+1] = t.first[d] + uint32(len(t.docs[d].term))
	}
	build := func(seq func(w *docWords) []uint32) (off, posts []uint32) {
		off = make([]uint32, len(t.strs)+1)
		for d := range t.docs {
			for _, id := range seq(&t.docs[d]) {
				off[id+1]++
			}
		}
		for i := 1; i < len(off); i++ {
			off[i] += off[i-1]
		}
		posts = make([]uint32, t.tokens)
		next := append([]uint32(nil), off[:len(off)-1]...)
		for d := range t.docs {
			for j, id := range seq(&t.docs[d]) {
				posts[next[id]] = t.first[d] + uint32(j)
				next[id]++
			}
		}
		return off, posts
	}
	t.termOff, t.termPosts = build(func(w *docWords) []uint32 { return w.term })
	t.stemOff, t.stemPosts = build(func(w *docWords) []uint32 { return w.stem })
	order := make([]uint32, len(t.strs))
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(i, j int) bool { return t.strs[order[i]] < t.strs[order[j]] })
	t.rank = make([]uint32, len(t.strs))
	for r, id := range order {
		t.rank[id] = uint32(r)
	}
}

// docOf returns the document holding corpus position p.
func (t *Table) docOf(p uint32) int {
	return sort.Search(len(t.first), func(i int) bool { return t.first[i] > p }) - 1
}

// docError is the error of a document the source could not give: it
// wraps the source's error.
type docError struct {
	msg string
	err error
}

func (e docError) Error() string { return e.msg }
func (e docError) Unwrap() error { return e.err }

// containsID reports whether ids holds id.
func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// texts returns the documents docs of the source, in the same order.
// When some cannot be had, the error says so of each (the documents of a
// split build whose packs are not at hand: the caller can fetch them all
// at once) and wraps the first one's.
func (t *Table) texts(docs []int) ([]*corpus.Document, error) {
	out := make([]*corpus.Document, len(docs))
	var msg strings.Builder
	var first error
	for i, d := range docs {
		if i > 0 && d == docs[i-1] {
			out[i] = out[i-1]
			continue
		}
		doc, err := t.src.Doc(d)
		if err != nil {
			if first == nil {
				first = err
			} else {
				msg.WriteString("; ")
			}
			msg.WriteString("explore: document " + strconv.Quote(t.meta[d].ID) + ": " + err.Error())
		}
		out[i] = doc
	}
	if first != nil {
		return nil, docError{msg.String(), first}
	}
	return out, nil
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
