// Package index holds a corpus ready to be searched: its documents'
// metadata, their overview and an inverted index, with the documents'
// texts and annotations in compressed packs decoded only when needed, in
// a compact, versioned binary encoding written at build time and decoded
// (fast, without reflection) at run time.
//
// # The inverted index
//
// Every word of every document is cut by package token; stopwords take no
// space in the index. The vocabulary is the sorted list of the folded terms
// (lower case, accents removed). Each term has a postings list: for every
// document holding it, in increasing document order (delta-coded), its
// frequency in each field (title, headings, body, boilerplate) and the word
// position of each of its occurrences (delta-coded varints), first those
// in the title, then those in the text; the documents, the frequencies and
// the positions of a list each stand together (see Postings). Positions count every token,
// stopwords included; a compound stands at the position of its first part;
// each block of the text starts BlockGap positions after the last word of
// the block before.
// No byte ranges are stored: the words to highlight are found again, by
// the same tokenizer, in the texts actually shown (package search). The
// stems of the documents' languages map to the terms that have them, so
// that a query word finds its other forms. The length of each field of
// each document, in indexed words, serves BM25F ranking.
//
// # Postings on demand
//
// The postings lists are cut by term range into chunks of about
// DefaultChunkBytes bytes. In an index written with Split, each chunk is
// a file named by its content hash, given to AddChunk (which checks its
// size and hash) when a search needs it: the vocabulary, with the
// document frequencies BM25 needs, and the stems stay in the index, so
// that the terms a query reads are known before their postings
// (package search's Terms; MissingChunks names their chunks). Until its
// chunk is added, a term has no postings.
//
// # Texts on demand
//
// A document's metadata (id, path, title, date, author, language,
// encoding, repairs, warnings, word count) is always in memory, in Docs.
// Its text, blocks, sentences, keywords, entities and related documents
// (as numbers) are in a pack: consecutive documents, about
// DefaultPackBytes bytes when the packs are files (Split),
// EmbeddedPackBytes when they are in the blob. Content decodes a pack when a document is needed and keeps the
// few most recently used. The packs are either embedded in the blob
// (whose transfer compresses them with the rest), or
// (MarshalOptions.Split) written as files named by their content hash, to
// be compressed, fetched when needed and given to AddPack, which checks
// their size and hash. The engine itself never decompresses anything.
// When split, a document longer than twice DefaultPartBytes is also cut
// into parts (Part, AddPart): files of a few KB of its text, cut at block
// starts, each with the text that follows it for a snippet's length, so
// that a snippet fetches only the part holding its passage; the pack
// still holds the whole document, for the reader and the analyses.
//
// # The binary format
//
// MarshalBinary writes a 24-byte header, then the sections:
//
//	magic     "CXINDEX\x00" (8 bytes)
//	version   uint32, little endian (FormatVersion)
//	length    uint64, little endian: the bytes after the header
//	checksum  uint32, little endian: CRC-32 (IEEE) of the bytes after the header
//	sections  one after another: tag byte, uvarint length, content
//
// The sections are, in order: documents (metadata), overview, vocabulary
// (front-coded terms, then their document frequencies, then the lexicon:
// their occurrences beyond one a document, their display forms, and the
// real words the corpus lacks (SetAbsentWords) as their number and a
// Golomb-Rice coded set of their hashes; when split, the lexicon is a
// file apart), stems (each, most often, as the
// length of the prefix of its first term that it is, and its terms as
// deltas), field lengths, chunk table (for each chunk of the postings its
// number of terms, size and, when split, FNV-64a hash, then the hash and
// size of the lexicon's file; embedded, the postings are one chunk), postings (the chunks; empty
// when split: each chunk is the sizes of its terms' lists, then the
// lists), pack table (for each pack its documents, size and, when split,
// FNV-64a hash;
// then the documents written as parts: for each its number, its parts'
// first word positions and 32-bit checksums (the low bits of their
// FNV-64a hash), the word ranges of
// its boilerplate blocks) and packs (empty when split).
// Integers are varints (signed ones zigzag-encoded), strings a uvarint
// length then their bytes, lists a uvarint count plus one (0 standing for
// a nil list); scores (of keywords and related documents) are kept to 4
// decimals, written in ten-thousandths; a related document of the corpus
// is written as its number, and a keyword it shares that is one of the
// document's own keywords as its number among them; an entity's kind is
// a number (a kind of package corpus) or a string; a sentence, most often,
// as "the next block" or "starts where the next block starts" and its
// length (enc.sentences). Every field of every Document and of the
// Overview is kept, nil and empty lists apart. Decode checks the magic,
// the version, the length and the checksum before reading anything, then
// the bounds of every count, string and span, so that any corrupted or
// truncated blob is an error, never a panic; a postings list is checked as
// it is read, a pack when it is decoded, a chunk when it is added.
//
// Decode copies the blob once and every string of the index (titles,
// terms) shares that copy; DecodeString shares the string it is given,
// such as one embedded with go:embed, and copies nothing.
package index

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// The fields of a document that the index tells apart.
const (
	FieldTitle       = iota // the title (Document.Title)
	FieldHeading            // Heading blocks
	FieldBody               // Paragraph and Meta blocks
	FieldBoilerplate        // Boilerplate blocks
	NumFields
)

// Index is a searchable corpus. An Index is read-only once built or
// decoded and safe for concurrent use.
type Index struct {
	Docs     []*corpus.Document
	Overview corpus.Overview

	byIDOnce sync.Once
	byID     map[string]int // built on first use (ids): a search never needs it

	terms    []string   // sorted folded terms
	df       []uint32   // per term: documents holding it
	postOff  []uint32   // built in memory: per term, offset of its postings in post; one more entry at the end
	post     string     // built in memory: every postings list, one after another
	chunks   []chunk    // decoded: the postings, cut by term range (guarded by mu once decoded)
	stems    []string   // sorted stems
	stemOff  []uint32   // per stem: offset in stemTerm; one more entry at the end
	stemTerm []uint32   // term ids, grouped by stem
	flen     []uint32   // per document, NumFields field lengths in indexed words
	words    []uint32   // per document, its words (corpus.CountWords of its text)
	bpos     [][]uint32 // built in memory: per document, the word position where each block starts
	avgLen   [NumFields]float64
	langs    []string // the documents' languages, sorted

	// The lexicon (Freq, Display): nil while a split index's is not added.
	lex     atomic.Pointer[lexicon]
	lexFile *lexFile // where a split index's lexicon is; nil when in the blob

	mu sync.Mutex // guards ps's data and cache, and the chunks' data
	ps packState  // for a decoded index, where the texts are

	// spill holds the texts of an index built with Builder.Spill (a
	// *spill), else nil. An interface, so that a program that only decodes
	// indexes (the .wasm) links no file code.
	spill texts
}

// termDisplay is the most frequent written form of a term when it is not
// the term itself ("numérique" for "numerique").
type termDisplay struct {
	term uint32
	form string
}

// Words returns the number of words of document d's text
// (corpus.CountWords), known without its text.
func (ix *Index) Words(d int) int {
	if d >= 0 && d < len(ix.words) {
		return int(ix.words[d])
	}
	return 0
}

// init computes what is derived from the stored data that opening an
// index needs; the map from ids to documents waits for its first use (ids).
func (ix *Index) init() {
	var sum [NumFields]float64
	for i := 0; i+NumFields <= len(ix.flen); i += NumFields {
		for f := 0; f < NumFields; f++ {
			sum[f] += float64(ix.flen[i+f])
		}
	}
	n := float64(len(ix.Docs))
	for f := range sum {
		ix.avgLen[f] = 1
		if n > 0 && sum[f] > 0 {
			ix.avgLen[f] = sum[f] / n
		}
	}
	// A handful of languages: a scan of those found, no map.
	ix.langs = ix.langs[:0]
	for _, d := range ix.Docs {
		if !slices.Contains(ix.langs, d.Lang) {
			ix.langs = append(ix.langs, d.Lang)
		}
	}
	sort.Slice(ix.langs, func(i, j int) bool { return ix.langs[i] < ix.langs[j] })
}

// ids returns the map from each document id to the number of its first
// document, made on first use.
func (ix *Index) ids() map[string]int {
	ix.byIDOnce.Do(func() {
		ix.byID = make(map[string]int, len(ix.Docs))
		for i, d := range ix.Docs {
			if _, dup := ix.byID[d.ID]; !dup {
				ix.byID[d.ID] = i
			}
		}
	})
	return ix.byID
}

// Doc returns the document with the given id, or nil.
func (ix *Index) Doc(id string) *corpus.Document {
	if i, ok := ix.ids()[id]; ok {
		return ix.Docs[i]
	}
	return nil
}

// DocNum returns the number (position in Docs) of the document with the
// given id, or -1.
func (ix *Index) DocNum(id string) int {
	if i, ok := ix.ids()[id]; ok {
		return i
	}
	return -1
}

// Langs returns the languages of the documents, sorted. The caller must not
// modify the slice.
func (ix *Index) Langs() []string { return ix.langs }

// NumTerms returns the size of the vocabulary.
func (ix *Index) NumTerms() int { return len(ix.terms) }

// Term returns term t of the sorted vocabulary.
func (ix *Index) Term(t int) string { return ix.terms[t] }

// Terms returns the sorted vocabulary. The caller must not modify it.
func (ix *Index) Terms() []string { return ix.terms }

// DocFreq returns the number of documents holding term t.
func (ix *Index) DocFreq(t int) int { return int(ix.df[t]) }

// Freq returns the number of occurrences of term t in the corpus, or 0
// while the lexicon is not at hand (HasLexicon).
func (ix *Index) Freq(t int) int {
	if lx := ix.lex.Load(); lx != nil {
		return int(lx.cf[t])
	}
	return 0
}

// Display returns term t as it is most often written, accents and all
// ("numérique" for "numerique"), in lower case; the term itself while the
// lexicon is not at hand (HasLexicon).
func (ix *Index) Display(t int) string {
	lx := ix.lex.Load()
	if lx == nil {
		return ix.terms[t]
	}
	i := sort.Search(len(lx.display), func(i int) bool { return lx.display[i].term >= uint32(t) })
	if i < len(lx.display) && lx.display[i].term == uint32(t) {
		return lx.display[i].form
	}
	return ix.terms[t]
}

// Lookup returns the id of the folded term, or -1.
func (ix *Index) Lookup(term string) int {
	i := sort.SearchStrings(ix.terms, term)
	if i < len(ix.terms) && ix.terms[i] == term {
		return i
	}
	return -1
}

// PrefixRange returns the range [lo, hi) of the term ids that start with
// prefix.
func (ix *Index) PrefixRange(prefix string) (lo, hi int) {
	lo = sort.SearchStrings(ix.terms, prefix)
	hi = lo + sort.Search(len(ix.terms)-lo, func(i int) bool {
		return !strings.HasPrefix(ix.terms[lo+i], prefix)
	})
	return lo, hi
}

// StemTerms returns the ids of the terms whose stem is stem. The caller
// must not modify the slice.
func (ix *Index) StemTerms(stem string) []uint32 {
	i := sort.SearchStrings(ix.stems, stem)
	if i < len(ix.stems) && ix.stems[i] == stem {
		return ix.stemTerm[ix.stemOff[i]:ix.stemOff[i+1]]
	}
	return nil
}

// FieldLen returns the length, in indexed words, of field f of document d.
func (ix *Index) FieldLen(d, f int) int {
	if i := d*NumFields + f; i >= 0 && i < len(ix.flen) {
		return int(ix.flen[i])
	}
	return 0
}

// AvgFieldLen returns the average length of field f over the documents, at
// least 1.
func (ix *Index) AvgFieldLen(f int) float64 { return ix.avgLen[f] }

// Postings returns an iterator over the postings of term t. In an index
// written with Split, it has no documents until the chunk holding them
// (ChunkOf) is added: see MissingChunks.
func (ix *Index) Postings(t int) Postings {
	data := ix.postingsOf(t)
	p := Postings{ix: ix, data: data, Doc: -1, pp: -1, start: -1}
	if data == "" {
		return p
	}
	// The frequencies start after the heads: one uvarint per document.
	p.left = int(ix.df[t])
	if end, ok := skipVarints(data, 0, p.left); ok {
		p.tp = end
	} else {
		p.left = 0
	}
	return p
}

// BlockGap is how many positions the words of a block of text stand
// after those of the block before, so that no phrase and no close pair of
// words spans two paragraphs, or a heading and its text.
const BlockGap = 10

// Occurrence is where a term occurs in a document: its word position in
// the title when InTitle, else in the text. Positions count every token
// of package token, stopwords included, from 0; byte ranges are not
// stored: the words of a text that match are found again by tokenizing
// it (see package search).
type Occurrence struct {
	Pos     int
	InTitle bool
}

// Postings iterates over the postings list of one term, in increasing
// document order. A corrupted list ends early; it never panics.
//
// A list is three runs of numbers (uvarints), one after another, so that
// like numbers stand together (they compress better so, by a tenth after
// brotli on the man pages) and a pass that reads only documents and
// frequencies never reads the positions:
//
//   - heads: for each document, the gap from the previous one (the
//     document number minus the previous one's, minus 1) shifted left by
//     NumFields, with a bit set for each field in which the term occurs;
//   - frequencies: for each bit set in each head, in order, the term's
//     frequency in that field minus 1;
//   - positions: for each document, the word positions of its
//     occurrences, as many as its frequencies add up to, first those in
//     the title, then those in the text, each run delta-coded (the gap
//     from the previous position, minus 1; the first from -1).
type Postings struct {
	_      [0]func() // not comparable: no equality function in the module
	ix     *Index
	data   string
	left   int    // heads not read yet
	hp, tp int    // where the next head and the next frequencies are
	pp     int    // where the positions of the documents not read yet start; -1 until found
	skip   int    // positions to pass over before the current document's
	n      int    // the current document's number of positions
	occ    string // the current document's occurrences, encoded, once found
	found  bool   // whether occ is found
	seen   int    // the positions of the documents before the current one
	start  int    // where the positions of the first document start; -1 until found
	// Where OccurrencesAt stopped: the byte after the last positions it
	// read, and how many positions stand before that byte.
	cur, curSeen int

	Doc int            // the current document
	TF  [NumFields]int // the current document's term frequency in each field
}

// Next advances to the next document and reports whether there is one.
func (p *Postings) Next() bool {
	if p.left <= 0 {
		return false
	}
	if !p.found {
		p.skip += p.n
	}
	p.seen += p.n
	d := dec{s: p.data, p: p.hp}
	head, ok := d.byte1() // most numbers here are one byte
	if !ok {
		head = d.uvarint()
	}
	delta := head >> NumFields
	if d.err != nil || delta >= uint64(len(p.ix.Docs)) {
		p.left = 0
		return false
	}
	doc := uint64(p.Doc+1) + delta
	if doc >= uint64(len(p.ix.Docs)) {
		p.left = 0
		return false
	}
	p.hp = d.p
	d.p = p.tp
	n := 0
	for f := 0; f < NumFields; f++ {
		p.TF[f] = 0
		if head&(1<<f) != 0 {
			tf, ok := d.byte1()
			if !ok {
				tf = min(d.uvarint(), math.MaxInt32-1)
			}
			p.TF[f] = int(tf) + 1
			n += p.TF[f]
		}
	}
	if d.err != nil || n > len(d.s) {
		p.left = 0
		return false
	}
	p.tp = d.p
	p.left--
	if p.left == 0 && p.start < 0 {
		p.start = p.tp // the positions follow the last frequencies
	}
	p.n, p.occ, p.found = n, "", false
	p.Doc = int(doc)
	return true
}

// Occurrences appends the current document's occurrences to dst and
// returns it: those in the title first, then those in the text, each in
// increasing order of position.
func (p *Postings) Occurrences(dst []Occurrence) []Occurrence {
	if !p.found && p.Doc >= 0 {
		p.found = true
		if p.pp < 0 {
			// The positions start after the frequencies of every head.
			d := dec{s: p.data, p: p.hp}
			tfs := 0
			for i := 0; i < p.left; i++ {
				head, ok := d.byte1()
				if !ok {
					head = d.uvarint()
				}
				tfs += bits.OnesCount64(head & (1<<NumFields - 1))
			}
			d.p = p.tp
			for i := 0; i < tfs && d.err == nil; i++ {
				if _, ok := d.byte1(); !ok {
					d.uvarint()
				}
			}
			if d.err != nil {
				return dst
			}
			p.pp, p.start = d.p, d.p
		}
		start, ok := skipVarints(p.data, p.pp, p.skip)
		end, ok2 := skipVarints(p.data, start, p.n)
		if !ok || !ok2 {
			return dst
		}
		p.occ, p.pp, p.skip = p.data[start:end], end, 0
	}
	return appendOccurrences(dst, p.occ, p.TF[FieldTitle])
}

// A Mark is where the occurrences of one document of a postings list
// stand in it (Postings.Mark), so that a second pass over some of its
// documents reads their occurrences (Postings.OccurrencesAt) without
// reading the list's documents and frequencies again.
type Mark struct {
	Doc    int32  // the document
	before uint32 // the positions of the list's documents before it
	n      uint32 // its positions
	title  uint32 // of them, those in its title
}

// Mark returns the mark of the current document.
func (p *Postings) Mark() Mark {
	return Mark{Doc: int32(p.Doc), before: uint32(p.seen), n: uint32(p.n), title: uint32(p.TF[FieldTitle])}
}

// OccurrencesAt appends the occurrences of the document that m marks (a
// Mark of this list) to dst and returns it, as Occurrences does for the
// current document, once Next has gone through the whole list (or
// Occurrences found its positions). Marks read in increasing order pass
// over each position of the list at most once.
func (p *Postings) OccurrencesAt(m Mark, dst []Occurrence) []Occurrence {
	if p.start < 0 {
		return dst
	}
	if p.cur < p.start || int(m.before) < p.curSeen {
		p.cur, p.curSeen = p.start, 0
	}
	from, ok := skipVarints(p.data, p.cur, int(m.before)-p.curSeen)
	end, ok2 := skipVarints(p.data, from, int(m.n))
	if !ok || !ok2 {
		return dst
	}
	p.cur, p.curSeen = end, int(m.before)+int(m.n)
	return appendOccurrences(dst, p.data[from:end], int(m.title))
}

// appendOccurrences appends the occurrences of the encoded positions occ
// of a document, the first title of them in its title, to dst.
func appendOccurrences(dst []Occurrence, occ string, title int) []Occurrence {
	d := dec{s: occ}
	prev, inTitle := -1, true
	for i := 0; d.p < len(d.s); i++ {
		if i == title {
			prev, inTitle = -1, false
		}
		delta, ok := d.byte1()
		if !ok {
			if delta = d.uvarint(); d.err != nil || delta > math.MaxInt32 {
				break
			}
		}
		prev += int(delta) + 1
		dst = append(dst, Occurrence{prev, inTitle})
	}
	return dst
}

// skipVarints returns where the n uvarints that start at byte i of s end,
// and false if s ends first.
func skipVarints(s string, i, n int) (int, bool) {
	// Eight bytes at a time while they end fewer numbers than are left
	// to pass: a number ends at each byte under 0x80.
	for ; n > 8 && i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		n -= bits.OnesCount64(^w & 0x8080808080808080)
	}
	for ; n > 0; n-- {
		for i < len(s) && s[i] >= 0x80 {
			i++
		}
		if i >= len(s) {
			return i, false
		}
		i++
	}
	return i, true
}

// builder accumulates the inverted index of documents added in order.
type builder struct {
	terms map[string]*termBuild
	stems map[string]map[string]bool
	forms map[string]map[string]int // term -> written forms other than itself -> their count's index in formN
	formN []int
	flen  []uint32
	bpos  [][]uint32 // per document, the word position where each block starts
}

// chunkBytes is about how much text builder.add tokenises at once.
const chunkBytes = 64 << 10

// chunkEnd returns where the chunk of d's text that starts at lo ends: at
// the start of the first block at least chunkBytes further on that
// follows a line break (no word crosses it), or at the end of the text.
func chunkEnd(d *corpus.Document, lo int) int {
	if len(d.Text)-lo <= chunkBytes {
		return len(d.Text)
	}
	k := sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].Start >= lo+chunkBytes })
	for ; k < len(d.Blocks); k++ {
		if st := d.Blocks[k].Start; st > lo && st <= len(d.Text) && d.Text[st-1] == '\n' {
			return st
		}
	}
	return len(d.Text)
}

type termBuild struct {
	df, cf uint32
	last   int
	heads  []byte // the runs of the term's postings list (see Postings)
	tfs    []byte
	pos    []byte
}

type docTerm struct {
	tf  [NumFields]int
	occ []int // word positions, title ones first
}

func newBuilder(n int) *builder {
	return &builder{
		terms: map[string]*termBuild{},
		stems: map[string]map[string]bool{},
		forms: map[string]map[string]int{},
		flen:  make([]uint32, 0, n*NumFields),
	}
}

// docIndex is what one document adds to the index. It is computed for
// each document apart (on all processors) and merged in document order,
// so that the index does not depend on the number of processors.
type docIndex struct {
	flen    [NumFields]uint32
	bp      []uint32   // the word position where each block starts
	entries []docEntry // its terms, in order of first occurrence
	stems   [][2]string
	forms   []docForm
}

type docEntry struct {
	term string
	docTerm
}

// docForm counts a written form of a term other than the term itself.
type docForm struct {
	term, form string
	n          int
}

// analyser computes docIndex values, reusing its scratch space.
type analyser struct {
	at    map[string]int // term -> its entry
	stems map[[2]string]bool
	forms map[[2]string]int
	toks  []token.Token // the current chunk's tokens
}

func newAnalyser() *analyser {
	return &analyser{at: map[string]int{}, stems: map[[2]string]bool{}, forms: map[[2]string]int{}}
}

// analyse cuts document d into its indexed terms, their frequencies per
// field and positions, the stems and the written forms.
func (an *analyser) analyse(d *corpus.Document) *docIndex {
	a := token.For(d.Lang)
	x := &docIndex{}
	clear(an.at)
	clear(an.stems)
	clear(an.forms)
	note := func(t token.Token, f int, src string, pos int) {
		if t.Stop || t.Term == "" {
			return
		}
		x.flen[f]++
		k, ok := an.at[t.Term]
		if !ok {
			k = len(x.entries)
			an.at[t.Term] = k
			x.entries = append(x.entries, docEntry{term: t.Term})
		}
		e := &x.entries[k]
		e.tf[f]++
		e.occ = append(e.occ, pos)
		if t.Stem != "" {
			if p := [2]string{t.Stem, t.Term}; !an.stems[p] {
				an.stems[p] = true
				x.stems = append(x.stems, p)
			}
		}
		if t.Start >= 0 && t.End <= len(src) && t.Start <= t.End {
			if w := strings.ToLower(src[t.Start:t.End]); w != t.Term {
				an.forms[[2]string{t.Term, w}]++
			}
		}
	}
	pos := 0
	for _, t := range a.Tokens(d.Title) {
		note(t, FieldTitle, d.Title, pos)
		if !t.Compound {
			pos++
		}
	}
	bi, lastBlock := 0, 0
	bp, nb := make([]uint32, len(d.Blocks)), 0
	pos = 0
	for lo := 0; lo < len(d.Text); {
		// The text is cut a chunk at a time, so that a huge document does
		// not hold all its tokens at once.
		hi := chunkEnd(d, lo)
		an.toks = a.AppendTokens(an.toks[:0], d.Text[lo:hi])
		for _, t := range an.toks {
			t.Start += lo
			t.End += lo
			for bi < len(d.Blocks) && d.Blocks[bi].End <= t.Start {
				bi++
			}
			if bi != lastBlock && pos > 0 {
				pos += BlockGap
			}
			lastBlock = bi
			at := pos
			for nb < len(d.Blocks) && d.Blocks[nb].Start <= t.Start {
				bp[nb] = uint32(at)
				nb++
			}
			if !t.Compound {
				pos++ // a compound stands at the position of its first part
			}
			f := FieldBody
			if bi < len(d.Blocks) && d.Blocks[bi].Start <= t.Start {
				switch d.Blocks[bi].Kind {
				case corpus.Title:
					continue // indexed as the title
				case corpus.Heading:
					f = FieldHeading
				case corpus.Boilerplate:
					f = FieldBoilerplate
				}
			}
			note(t, f, d.Text, at)
		}
		lo = hi
	}
	for ; nb < len(bp); nb++ {
		bp[nb] = uint32(pos)
	}
	x.bp = bp
	for p, n := range an.forms {
		x.forms = append(x.forms, docForm{p[0], p[1], n})
	}
	return x
}

// add merges document num's analysis into the index being built.
// The strings the builder keeps (terms, stems, forms) are copies: those
// of the analysis may be slices of a document's text, which a build
// drops once the document is added (Builder.Spill).
func (b *builder) add(num int, x *docIndex) {
	for _, p := range x.stems {
		s := b.stems[p[0]]
		if s == nil {
			s = map[string]bool{}
			b.stems[strings.Clone(p[0])] = s
		}
		if !s[p[1]] {
			s[strings.Clone(p[1])] = true
		}
	}
	for _, f := range x.forms {
		m := b.forms[f.term]
		if m == nil {
			m = map[string]int{}
			b.forms[strings.Clone(f.term)] = m
		}
		// Never m[f.form] += f.n: assigning to a string key stores the
		// key given, which would keep the text.
		if k, ok := m[f.form]; ok {
			b.formN[k] += f.n
		} else {
			m[strings.Clone(f.form)] = len(b.formN)
			b.formN = append(b.formN, f.n)
		}
	}
	b.bpos = append(b.bpos, x.bp)
	b.flen = append(b.flen, x.flen[:]...)
	for i := range x.entries {
		term, dt := x.entries[i].term, &x.entries[i].docTerm
		tb := b.terms[term]
		if tb == nil {
			tb = &termBuild{last: -1}
			b.terms[strings.Clone(term)] = tb
		}
		tb.df++
		var mask uint64
		e := enc{b: tb.tfs}
		for f, n := range dt.tf {
			if n > 0 {
				mask |= 1 << f
				e.uvarint(uint64(n - 1))
			}
			tb.cf += uint32(n)
		}
		tb.tfs = e.b
		e.b = tb.heads
		e.uvarint(uint64(num-tb.last-1)<<NumFields | mask)
		tb.heads = e.b
		tb.last = num
		e.b = tb.pos
		prev := -1
		for i, o := range dt.occ {
			if i == dt.tf[FieldTitle] {
				prev = -1
			}
			e.uvarint(uint64(o - prev - 1))
			prev = o
		}
		tb.pos = e.b
	}
}

func (b *builder) finish(ix *Index) {
	ix.terms = make([]string, 0, len(b.terms))
	for t := range b.terms {
		ix.terms = append(ix.terms, t)
	}
	sort.Strings(ix.terms)
	ix.df = make([]uint32, len(ix.terms))
	lx := &lexicon{cf: make([]uint32, len(ix.terms))}
	ix.postOff = make([]uint32, len(ix.terms)+1)
	id := make(map[string]uint32, len(ix.terms))
	size := 0
	for _, tb := range b.terms {
		size += len(tb.heads) + len(tb.tfs) + len(tb.pos)
	}
	// The lists are copied once, each dropped once copied.
	var post strings.Builder
	post.Grow(size)
	for i, t := range ix.terms {
		tb := b.terms[t]
		id[t] = uint32(i)
		ix.df[i], lx.cf[i] = tb.df, tb.cf
		post.Write(tb.heads)
		post.Write(tb.tfs)
		post.Write(tb.pos)
		tb.heads, tb.tfs, tb.pos = nil, nil, nil
		ix.postOff[i+1] = uint32(post.Len())
		if m := b.forms[t]; m != nil {
			best, bn, other := "", 0, 0
			for w, k := range m {
				n := b.formN[k]
				other += n
				if n > bn || n == bn && w < best {
					best, bn = w, n
				}
			}
			if bn > int(tb.cf)-other {
				lx.display = append(lx.display, termDisplay{uint32(i), best})
			}
		}
	}
	ix.post = post.String()
	ix.lex.Store(lx)
	ix.stems = make([]string, 0, len(b.stems))
	for s := range b.stems {
		ix.stems = append(ix.stems, s)
	}
	sort.Strings(ix.stems)
	ix.stemOff = make([]uint32, len(ix.stems)+1)
	for i, s := range ix.stems {
		start := len(ix.stemTerm)
		for t := range b.stems[s] {
			ix.stemTerm = append(ix.stemTerm, id[t])
		}
		g := ix.stemTerm[start:]
		slices.Sort(g)
		ix.stemOff[i+1] = uint32(len(ix.stemTerm))
	}
	ix.flen = b.flen
}
