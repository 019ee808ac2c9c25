package summary

import (
	"bytes"
	"errors"
	"math"
	"sort"
)

// Notes are what AnnotateDocument finds in one document for Combine: its
// keyword candidates, entities with their kind votes, content terms, best
// sentences and the words of its headings. They depend on the document
// alone, and encode (MarshalBinary) so that a build can keep them for the
// next one.
//
// A build holds every document's notes until Combine, so they are kept
// encoded, a few times smaller than as Go values and without pointers for
// the garbage collector to follow: Combine decodes each part of one
// document's notes when it needs it.
type Notes struct {
	cands   []byte     // the keyword candidates, best first (at most maxKeywordCands): encodeCands
	heads   []byte     // headingWords, sorted: encodeHeads
	ents    []byte     // the entities: encodeEnts
	terms   []byte     // the content terms: encodeTerms
	stems   [][]string // each keyword's stems, set by Combine
	top     []int      // best sentences, for the overview
	topSc   []float64
	topText []string // their texts
	words   int      // the document's words (Document.Words)
	bytes   int      // and bytes of text
}

// notesVersion starts every encoding: a change to Notes or to what
// AnnotateDocument computes changes it, and old encodings fail to decode.
const notesVersion = 3

// errNotes is the error of every malformed encoding.
var errNotes = errors.New("summary notes: malformed encoding")

// MarshalBinary encodes the notes; UnmarshalBinary decodes them exactly.
func (n *Notes) MarshalBinary() ([]byte, error) {
	var w notesWriter
	w.uint(notesVersion)
	w.str(string(n.cands))
	// The heads, entities and terms are kept encoded as they are written.
	w.b = append(w.b, n.headsOrEmpty()...)
	w.b = append(w.b, n.entsOrEmpty()...)
	w.b = append(w.b, n.termsOrEmpty()...)
	w.uint(uint64(len(n.stems)))
	for _, ss := range n.stems {
		w.strs(ss)
	}
	w.uint(uint64(len(n.top)))
	for k, i := range n.top {
		w.int(i)
		w.uint(math.Float64bits(n.topSc[k]))
		w.str(n.topText[k])
	}
	w.int(n.words)
	w.int(n.bytes)
	return w.b, nil
}

// empty is the encoding of an empty list.
var empty = []byte{0}

func (n *Notes) headsOrEmpty() []byte { return orEmpty(n.heads) }
func (n *Notes) entsOrEmpty() []byte  { return orEmpty(n.ents) }
func (n *Notes) termsOrEmpty() []byte { return orEmpty(n.terms) }

func orEmpty(b []byte) []byte {
	if len(b) == 0 {
		return empty
	}
	return b
}

// UnmarshalBinary decodes notes written by MarshalBinary.
func (n *Notes) UnmarshalBinary(data []byte) error {
	data = bytes.Clone(data) // the notes keep parts of it
	r := notesReader{b: data}
	if r.uint() != notesVersion {
		return errors.New("summary notes: written by another version")
	}
	*n = Notes{}
	n.cands = []byte(r.str())
	if _, err := decodeCands(n.cands); err != nil {
		r.bad = true
	}
	// part reads one list with read and returns its encoding.
	part := func(read func(r *notesReader)) []byte {
		start := r.b
		read(&r)
		return start[: len(start)-len(r.b) : len(start)-len(r.b)]
	}
	n.heads = part(func(r *notesReader) { r.strs() })
	n.ents = part(func(r *notesReader) { readEnts(r, nil) })
	n.terms = part(func(r *notesReader) { readTerms(r) })
	for k := r.len(); k > 0; k-- {
		n.stems = append(n.stems, r.strs())
	}
	for k := r.len(); k > 0; k-- {
		n.top = append(n.top, r.int())
		n.topSc = append(n.topSc, math.Float64frombits(r.uint()))
		n.topText = append(n.topText, r.str())
	}
	n.words, n.bytes = r.int(), r.int()
	if r.bad || len(r.b) != 0 {
		*n = Notes{}
		return errNotes
	}
	return nil
}

// encodeHeads encodes headingWords for Notes, sorted.
func encodeHeads(set map[string]bool) []byte {
	heads := make([]string, 0, len(set))
	for k, v := range set {
		if v {
			heads = append(heads, k)
		}
	}
	sort.Strings(heads)
	var w notesWriter
	w.strs(heads)
	return bytes.Clone(w.b) // no spare capacity: a build holds them all
}

// decodeHeads decodes what encodeHeads wrote.
func decodeHeads(b []byte) []string {
	r := notesReader{b: b}
	return r.strs()
}

// encodeEnts encodes a document's entities for Notes (all but their
// contexts, which Combine does not read).
func encodeEnts(ents []*ent) []byte {
	var w notesWriter
	w.uint(uint64(len(ents)))
	for _, e := range ents {
		w.str(e.key)
		w.counts(e.surfaces)
		w.counts(e.variants)
		w.int(e.count)
		w.int(e.first)
		for _, v := range e.votes {
			w.uint(math.Float64bits(v))
		}
		w.int(e.prep)
		w.int(e.words)
	}
	return bytes.Clone(w.b) // no spare capacity: a build holds them all
}

// decodeEnts decodes what encodeEnts wrote, leaving out the entities
// whose key is in skip.
func decodeEnts(b []byte, skip map[string]bool) []*ent {
	r := notesReader{b: b}
	return readEnts(&r, skip)
}

func readEnts(r *notesReader, skip map[string]bool) []*ent {
	var out []*ent
	for k := r.len(); k > 0; k-- {
		e := &ent{key: r.str(), surfaces: r.counts(), variants: r.counts(), count: r.int(), first: r.int()}
		for v := range e.votes {
			e.votes[v] = math.Float64frombits(r.uint())
		}
		e.prep, e.words = r.int(), r.int()
		if skip[e.key] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// encodeTerms encodes a document's content terms for Notes.
func encodeTerms(terms []termCount) []byte {
	var w notesWriter
	w.uint(uint64(len(terms)))
	for _, t := range terms {
		w.str(t.stem)
		w.str(t.surface)
		w.int(t.tf)
	}
	return bytes.Clone(w.b) // no spare capacity: a build holds them all
}

// decodeTerms decodes what encodeTerms wrote.
func decodeTerms(b []byte) []termCount {
	r := notesReader{b: b}
	return readTerms(&r)
}

func readTerms(r *notesReader) []termCount {
	var out []termCount
	for k := r.len(); k > 0; k-- {
		out = append(out, termCount{stem: r.str(), surface: r.str(), tf: r.int()})
	}
	return out
}

// encodeCands encodes keyword candidates for Notes.
func encodeCands(cands []*kwCand) []byte {
	var w notesWriter
	w.uint(uint64(len(cands)))
	for _, c := range cands {
		w.str(c.key)
		w.strs(c.stems)
		w.int(c.tf)
		w.strs(c.terms)
		w.uint(uint64(len(c.surfaces)))
		for _, x := range c.surfaces {
			w.str(x.s)
			w.int(x.n)
		}
		w.str(c.firstOcc)
		w.bool(c.name)
		w.bool(c.proper)
		w.uint(math.Float64bits(c.s))
	}
	return bytes.Clone(w.b) // no spare capacity: a build holds them all
}

// decodeCands decodes what encodeCands wrote.
func decodeCands(b []byte) ([]*kwCand, error) {
	r := notesReader{b: b}
	var cands []*kwCand
	for k := r.len(); k > 0; k-- {
		c := &kwCand{key: r.str(), stems: r.strs(), tf: r.int(), terms: r.strs()}
		for j := r.len(); j > 0; j-- {
			c.surfaces = append(c.surfaces, surfCount{s: r.str(), n: r.int()})
		}
		c.firstOcc, c.name, c.proper = r.str(), r.bool(), r.bool()
		c.s = math.Float64frombits(r.uint())
		cands = append(cands, c)
	}
	if r.bad || len(r.b) != 0 {
		return nil, errNotes
	}
	return cands, nil
}

type notesWriter struct{ b []byte }

func (w *notesWriter) uint(v uint64) {
	for v >= 0x80 {
		w.b = append(w.b, byte(v)|0x80)
		v >>= 7
	}
	w.b = append(w.b, byte(v))
}

func (w *notesWriter) int(v int) { w.uint(uint64(v<<1) ^ uint64(v>>63)) }

func (w *notesWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *notesWriter) bool(b bool) {
	if b {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// strs writes a list of strings; nil and empty read back as nil.
func (w *notesWriter) strs(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

// counts writes a map in key order, so that equal maps encode the same.
func (w *notesWriter) counts(m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.uint(uint64(len(keys)))
	for _, k := range keys {
		w.str(k)
		w.int(m[k])
	}
}

type notesReader struct {
	b   []byte
	bad bool
}

func (r *notesReader) uint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if len(r.b) == 0 {
			r.bad = true
			return 0
		}
		c := r.b[0]
		r.b = r.b[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

func (r *notesReader) int() int {
	u := r.uint()
	return int(u>>1) ^ -int(u&1)
}

// len reads a count, bounded by the bytes left (each item takes one at
// least), so that a corrupt count cannot make a huge allocation.
func (r *notesReader) len() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.bad = true
		r.b = nil
		return 0
	}
	return int(n)
}

func (r *notesReader) str() string {
	n := r.len()
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *notesReader) bool() bool {
	switch r.uint() {
	case 0:
		return false
	case 1:
		return true
	}
	r.bad = true
	return false
}

func (r *notesReader) strs() []string {
	var ss []string
	for k := r.len(); k > 0; k-- {
		ss = append(ss, r.str())
	}
	return ss
}

func (r *notesReader) counts() map[string]int {
	m := map[string]int{}
	for k := r.len(); k > 0; k-- {
		s := r.str()
		m[s] = r.int()
	}
	return m
}
