package index

import (
	"bytes"
	"errors"
	"hash/fnv"
	"io"
	"math"
	"strconv"

	"github.com/corpus-explorer/explorer/corpus"
)

// DefaultPackBytes is the default size of a pack of an index written with
// Split: about how many bytes of text and annotations of consecutive
// documents go into one pack file. Chosen
// by measuring the bytes the man pages' judged queries fetch (their
// snippets, then 10 opened documents: tools/bench/textdemand.mjs, format
// 5): the hits of a results page rarely share a pack, so every byte of a
// pack beyond the hit's own document is waste. With packs of 1, 2, 4 and
// 8 KB the set fetched 1,056, 1,061, 1,164 and 1,287 KB of text packs
// (208, 208, 202 and 186 files): 2 KB keeps the bytes of one document a
// pack while small documents still share one, at the cost of more files
// for what loads every pack (Explore, offline: 1,207 packs of 4.45 MB zlib
// against 692 of 4.01 MB at 8 KB).
const DefaultPackBytes = 2 << 10

// EmbeddedPackBytes is the default size of a pack of an index that embeds
// its packs. Nothing is fetched, so the size only trades the bytes decoded
// for a document against the packs' table; 8 KB keeps the table small
// (the seeds' module is 896 B smaller after brotli than with 2 KB packs).
const EmbeddedPackBytes = 8 << 10

// maxDecodedPacks bounds the packs kept decoded at once, and
// maxDecodedBytes the size of their data (as stored, about what their
// decoded documents add to it); the least recently used is dropped first,
// but never the last one used. A page of results reads up to ten packs,
// and queries come back to the same documents: with 32 packs and no
// bound on bytes, the man pages' judged queries (make bench) decoded
// packs again at nearly every search (31 KB allocated a search, against
// 22 KB when they stay, for 0.35 MB more heap).
const (
	maxDecodedPacks = 256
	maxDecodedBytes = 2 << 20
)

// HeldBytes is the bound on the fetched texts a split index holds in
// the browser (see SetHeldMax): 16 MB, a few hundred pages of results'
// texts, against the whole text of a large corpus.
const HeldBytes = 16 << 20

// ErrNotLoaded is wrapped by the error of Content for a document whose
// pack has not been added yet (an index written with Split).
var ErrNotLoaded = errors.New("pack not loaded")

// pack is a run of consecutive documents whose texts and annotations are
// stored together. The index holds packs as they are: a module embedding
// the index is compressed as a whole on the wire, and the files of a
// split index are compressed by whoever writes them (explorer build: zlib,
// which browsers inflate natively), so that the engine carries no
// decompressor.
type pack struct {
	first, n int    // the documents [first, first+n)
	size     int    // bytes
	hash     uint64 // FNV-64a of the bytes: the pack's name
	data     string // the bytes; "" while not loaded
}

// packState is what an index decoded from a blob knows of its packs: their
// table, the compressed data it has and the few it keeps decoded.
type packState struct {
	packs   []pack
	decoded map[int]decodedPack
	lru     []int // decoded packs and parts (by pack number), least recently used first
	lruSize int   // the size of their data, in bytes
	// parts are the parts of long documents, pack files apart (Split).
	parts    []part
	docParts []docParts // by document
	// held is the added packs and parts (by pack number, see partNum),
	// first added first, heldBytes the size of their data, and heldMax
	// the bound on it (0: none).
	held      []int
	heldBytes int
	heldMax   int
}

// SetHeldMax bounds the bytes of the texts (packs and parts) added with
// AddPack and AddPart that ix holds: beyond n, the data added first is
// dropped, to be added again if needed (a browser fetches it again from
// its cache), so that memory stays bounded however many documents a
// visitor reads. A pack still decoded keeps its documents until the
// decoded packs' limit drops it; a bound below that limit lowers it too,
// since decoded documents share their pack's data. Chunks of the
// postings and the packs of an embedded index are never dropped. 0, the
// default, bounds nothing: the command line reads every pack once.
func (ix *Index) SetHeldMax(n int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.ps.heldMax = n
}

// hold records that pack or part n was just added with size bytes of
// data, dropping the data added first beyond ps.heldMax (never the one
// just added). ix.mu is held.
func (ix *Index) hold(n, size int) {
	ps := &ix.ps
	if ps.heldMax <= 0 {
		return
	}
	ps.held = append(ps.held, n)
	ps.heldBytes += size
	for ps.heldBytes > ps.heldMax && len(ps.held) > 1 {
		old := ps.held[0]
		ps.held = ps.held[1:]
		if old < len(ps.packs) {
			ps.heldBytes -= len(ps.packs[old].data)
			ps.packs[old].data = ""
		} else if k := old - len(ps.packs) - len(ix.chunks); k >= 0 && k < len(ps.parts) {
			ps.heldBytes -= len(ps.parts[k].data)
			ps.parts[k].data = ""
		}
	}
}

// decodedPack is the documents of a pack, whole, with the word position
// at which each of their blocks starts; or the one document of a part of
// a long document (see Part).
type decodedPack struct {
	docs []*corpus.Document
	bpos [][]uint32
	size int // the bytes of the data decoded
	off  int // a part's byte offset in its document's text
}

// PackFile is one pack of an index written with Split: its name (a
// content hash) and its bytes, uncompressed.
type PackFile struct {
	Name string
	Data []byte
}

// PackError is the error of a pack that cannot be used: not loaded yet,
// truncated, corrupt or of the wrong hash. A chunk of the postings is a
// pack of the search index, numbered after the texts' packs: chunk c is
// pack NumPacks()+c.
type PackError struct {
	Pack  int    // the pack's number
	Name  string // the pack's file name
	Err   error
	Index bool // a chunk of the postings, not a pack of texts
}

func (e *PackError) Error() string {
	what := "text pack "
	if e.Index {
		what = "index pack "
	}
	return what + strconv.Itoa(e.Pack) + " (" + e.Name + "): " + e.Err.Error()
}

func (e *PackError) Unwrap() error { return e.Err }

// packName returns the file name of a pack, its content hash: 16
// hexadecimal digits.
func packName(h uint64) string {
	b := []byte("0000000000000000.pack")
	for i := 15; h != 0; i-- {
		b[i] = "0123456789abcdef"[h&15]
		h >>= 4
	}
	return string(b)
}

func hashOf(data string) uint64 {
	h := fnv.New64a()
	io.WriteString(h, data)
	return h.Sum64()
}

// emit gives the bytes of a pack or chunk file to stream, as the file
// named after their hash, or, when stream is nil, keeps them: it returns
// their hash, and their data when kept.
func emit(b []byte, stream func(PackFile) error) (uint64, string, error) {
	if stream == nil {
		data := string(b)
		return hashOf(data), data, nil
	}
	h := fnv.New64a()
	h.Write(b)
	sum := h.Sum64()
	return sum, "", stream(PackFile{packName(sum), bytes.Clone(b)})
}

// NumPacks returns the number of packs of a decoded index; 0 for an index
// built in memory, whose documents are whole.
func (ix *Index) NumPacks() int { return len(ix.ps.packs) }

// PackOf returns the pack holding document d's text, or -1 if d's text is
// in memory (an index built in memory) or d is out of range.
func (ix *Index) PackOf(d int) int {
	ps := ix.ps.packs
	if d < 0 || d >= len(ix.Docs) || len(ps) == 0 {
		return -1
	}
	lo, hi := 0, len(ps)
	for lo < hi {
		m := (lo + hi) / 2
		if ps[m].first+ps[m].n <= d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ps) {
		return lo
	}
	return -1
}

// PackDocs returns the documents [first, first+n) whose texts pack p
// holds; n is 0 for no such pack.
func (ix *Index) PackDocs(p int) (first, n int) {
	if p < 0 || p >= len(ix.ps.packs) {
		return 0, 0
	}
	return ix.ps.packs[p].first, ix.ps.packs[p].n
}

// PackName returns the file name of pack p (its content hash), or "".
// A pack embedded in the index is no file, and its hash is not kept: its
// name is all zeros.
func (ix *Index) PackName(p int) string {
	if p < 0 || p >= len(ix.ps.packs) {
		return ""
	}
	return packName(ix.ps.packs[p].hash)
}

// PackSize returns the size of pack p in bytes, or 0.
func (ix *Index) PackSize(p int) int {
	if p < 0 || p >= len(ix.ps.packs) {
		return 0
	}
	return ix.ps.packs[p].size
}

// HasPack reports whether the data of pack p is at hand: embedded in the
// index or added with AddPack.
func (ix *Index) HasPack(p int) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return p >= 0 && p < len(ix.ps.packs) && ix.ps.packs[p].data != ""
}

// checkFile says what is wrong with a fetched pack file of the index,
// which should be size bytes with the FNV-64a hash given, or "" if
// nothing is.
func checkFile(data string, size int, hash uint64) string {
	switch {
	case len(data) < size:
		return "truncated: " + strconv.Itoa(len(data)) + " bytes of " + strconv.Itoa(size)
	case len(data) > size:
		return strconv.Itoa(len(data)) + " bytes, the index says " + strconv.Itoa(size)
	case hashOf(data) != hash:
		return "wrong content hash " + packName(hashOf(data))
	}
	return ""
}

// AddPack gives the index the bytes of pack p, from the file PackName(p)
// of an index written with Split (decompressed). It checks their size,
// their hash and that they decode, so that a truncated or wrong file is an
// error naming the pack, and the index is left as it was.
func (ix *Index) AddPack(p int, data string) error {
	if p < 0 || p >= len(ix.ps.packs) {
		return errors.New("index: no pack " + strconv.Itoa(p) + " (the index has " + strconv.Itoa(len(ix.ps.packs)) + ")")
	}
	pk := ix.ps.packs[p]
	fail := func(msg string) error {
		return &PackError{Pack: p, Name: packName(pk.hash), Err: errors.New(msg)}
	}
	if msg := checkFile(data, pk.size, pk.hash); msg != "" {
		return fail(msg)
	}
	pk.data = data
	dp, err := ix.decodePack(p, pk)
	if err != nil {
		return err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.ps.packs[p].data != "" {
		return nil // added twice at once
	}
	ix.ps.packs[p].data = data
	ix.hold(p, len(data))
	ix.keep(p, dp)
	return nil
}

// Content returns document d whole: its metadata, text and annotations,
// decoding its pack if needed. For an index written with Split whose pack
// is not added yet, the error wraps ErrNotLoaded.
func (ix *Index) Content(d int) (*corpus.Document, error) {
	doc, _, err := ix.ContentPositions(d)
	return doc, err
}

// ContentPositions is Content, with the word position (as in the
// postings) at which each block of the document's text starts: the words
// at a position are found by tokenizing one block, not the whole text.
func (ix *Index) ContentPositions(d int) (*corpus.Document, []uint32, error) {
	if d < 0 || d >= len(ix.Docs) {
		return nil, nil, errors.New("index: no document " + strconv.Itoa(d))
	}
	p := ix.PackOf(d)
	if p < 0 {
		var bp []uint32
		if d < len(ix.bpos) {
			bp = ix.bpos[d]
		}
		doc, err := ix.text(d, ix.Docs[d])
		return doc, bp, err
	}
	ix.mu.Lock()
	dp, ok := ix.ps.decoded[p]
	if ok {
		ix.keep(p, dp)
	}
	pk := ix.ps.packs[p]
	ix.mu.Unlock()
	if !ok {
		if pk.data == "" {
			return nil, nil, &PackError{Pack: p, Name: packName(pk.hash), Err: ErrNotLoaded}
		}
		var err error
		if dp, err = ix.decodePack(p, pk); err != nil {
			return nil, nil, err
		}
		ix.mu.Lock()
		ix.keep(p, dp)
		ix.mu.Unlock()
	}
	return dp.docs[d-pk.first], dp.bpos[d-pk.first], nil
}

// keep records that pack p (or a part, by its pack number) was just used,
// decoded as dp, dropping the least recently used beyond maxDecodedPacks
// and maxDecodedBytes, or the held texts' bound if lower (see
// SetHeldMax). ix.mu is held.
func (ix *Index) keep(p int, dp decodedPack) {
	ps := &ix.ps
	maxBytes := maxDecodedBytes
	if ps.heldMax > 0 {
		maxBytes = min(maxBytes, ps.heldMax)
	}
	if ps.decoded == nil {
		ps.decoded = map[int]decodedPack{}
	}
	if old, ok := ps.decoded[p]; ok {
		for i, q := range ps.lru {
			if q == p {
				ps.lru = append(ps.lru[:i], ps.lru[i+1:]...)
				break
			}
		}
		ps.lruSize -= old.size
	}
	ps.lru = append(ps.lru, p)
	ps.decoded[p] = dp
	ps.lruSize += dp.size
	for len(ps.lru) > 1 && (len(ps.lru) > maxDecodedPacks || ps.lruSize > maxBytes) {
		ps.lruSize -= ps.decoded[ps.lru[0]].size
		delete(ps.decoded, ps.lru[0])
		ps.lru = ps.lru[1:]
	}
}

// decodePack reads the documents of pack p: each a copy of its metadata
// with its text and annotations, whose strings share the pack's data.
func (ix *Index) decodePack(p int, pk pack) (decodedPack, error) {
	d := dec{s: pk.data}
	all := make([]corpus.Document, pk.n)
	dp := decodedPack{docs: make([]*corpus.Document, pk.n), bpos: make([][]uint32, pk.n), size: len(pk.data)}
	for i := range all {
		all[i] = *ix.Docs[pk.first+i]
		dp.bpos[i] = d.content(&all[i], ix.Docs)
		dp.docs[i] = &all[i]
	}
	if d.err == nil && d.p != len(d.s) {
		d.fail(strconv.Itoa(len(d.s)-d.p) + " bytes left over")
	}
	if d.err != nil {
		return decodedPack{}, &PackError{Pack: p, Name: packName(pk.hash), Err: errors.New("corrupt: " + d.err.Error())}
	}
	return dp, nil
}

// makePacks cuts the documents of an index built in memory into packs of
// about packBytes bytes (0: DefaultPackBytes for split packs,
// EmbeddedPackBytes otherwise). If stream is not nil, each pack's file is
// given to it as soon as it is made, and the packs returned hold no data.
func (ix *Index) makePacks(packBytes int, split bool, stream func(PackFile) error) ([]pack, error) {
	if packBytes <= 0 {
		packBytes = EmbeddedPackBytes
		if split {
			packBytes = DefaultPackBytes
		}
	}
	var out []pack
	var raw enc
	first := 0
	flush := func(end int) error {
		p := pack{first: first, n: end - first, size: len(raw.b)}
		var err error
		if p.hash, p.data, err = emit(raw.b, stream); err != nil {
			return err
		}
		out = append(out, p)
		raw.b = raw.b[:0]
		first = end
		return nil
	}
	for i, d := range ix.Docs {
		d, err := ix.text(i, d)
		if err != nil {
			return nil, err
		}
		raw.content(d, ix.bpos[i], ix.ids())
		if len(raw.b) >= packBytes {
			if err := flush(i + 1); err != nil {
				return nil, err
			}
		}
	}
	if first < len(ix.Docs) {
		if err := flush(len(ix.Docs)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// content writes what a pack holds of a document: its text and
// annotations, the word position at which each block starts, and its
// related documents.
func (e *enc) content(d *corpus.Document, bpos []uint32, byID map[string]int) {
	e.str(d.Text)
	e.count(len(d.Blocks), d.Blocks == nil)
	e.blocks(d.Blocks, d.Text)
	want := 0
	for i, b := range d.Blocks {
		e.int(int(bpos[i]) - want)
		want = nextBlockPos(int(bpos[i]), d.Text[b.Start:b.End])
	}
	e.count(len(d.Sentences), d.Sentences == nil)
	e.sentences(d.Sentences, d.Blocks, d.Text)
	e.keywords(d.Keywords)
	e.entities(d.Entities)
	e.related(d.Related, byID, d.Keywords)
}

func (d *dec) content(x *corpus.Document, docs []*corpus.Document) []uint32 {
	x.Text = d.str()
	var bpos []uint32
	if n, isNil := d.count(1); !isNil {
		x.Blocks = make([]corpus.Block, n)
		prev := 0
		for i := range x.Blocks {
			c := d.uvarint()
			if d.err != nil {
				break // prev may be past the text
			}
			if k := corpus.BlockKind(c & 7); k < 7 {
				x.Blocks[i].Kind = k
			} else if d.p < len(d.s) {
				x.Blocks[i].Kind = corpus.BlockKind(d.s[d.p])
				d.p++
			} else {
				d.fail("truncated block")
			}
			switch m := c >> 3; m {
			case 0:
				s := afterSpaces(x.Text, prev)
				x.Blocks[i].Span = corpus.Span{Start: s, End: lineEnd(x.Text, s)}
			case 1:
				x.Blocks[i].Span = d.spanAt(afterSpaces(x.Text, prev), 0, len(x.Text))
			default:
				x.Blocks[i].Span = d.spanAt(prev, m-2, len(x.Text))
			}
			prev = x.Blocks[i].End
		}
		bpos = make([]uint32, n)
		want := 0
		for i := 0; i < n && d.err == nil; i++ {
			p := int64(want) + int64(d.int())
			if p < 0 || p > math.MaxUint32 {
				d.fail("block position out of range")
				break
			}
			bpos[i] = uint32(p)
			b := x.Blocks[i]
			want = nextBlockPos(int(p), x.Text[b.Start:b.End])
		}
	}
	if n, isNil := d.count(1); !isNil {
		x.Sentences = d.sentences(n, x.Blocks, x.Text)
	}
	x.Keywords = d.keywords()
	x.Entities = d.entities()
	x.Related = d.related(docs, x.Keywords)
	return bpos
}

// nextBlockPos returns where the words of the block after one whose
// text is block, and whose words start at position p, most likely start
// (as the index counts positions: token's words and BlockGap): after as
// many words as block has runs of letters and digits, and the gap if it
// has any. The pack writes each block's position as its distance from
// this guess, most often 0.
//
// Not inlined: V8 counts, towards recompiling a function with its
// optimising compiler, the bytes from the function's start to each
// backward jump, and the Go compiler makes a loop jump back to its
// function's start; inlined in content, this loop over every byte of a
// pack's texts had V8 recompile all of content in the first search
// (about 20 ms of a background thread in Chromium).
//
//go:noinline
func nextBlockPos(p int, block string) int {
	n, in := 0, byte(0)
	for i := 0; i < len(block); i++ {
		w := wordByte[block[i]]
		n += int(w &^ in) // no branch: about 10 times as fast (900 against 100 MB/s)
		in = w
	}
	if n > 0 {
		n += BlockGap
	}
	return p + n
}

// wordByte is 1 at the bytes of runs of letters and digits (nextBlockPos):
// ASCII letters and digits, and every byte of a non-ASCII character.
const wordByte = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00\x00" +
	"\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" +
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01"

// sentences writes the spans of a document's sentences against its
// blocks, where most sentences start, many are a whole block, and most
// of the others end after their first full stop or with their line: a
// sentence is 0 if it is the next block (the first block that starts
// at or after the end of the previous sentence), or else 1 + 3*start +
// end, where start is 0 if it starts where that block starts, else 1 +
// the zigzag distance from the end of the previous sentence, and end is
// how it ends (sentenceEnd: 0 after its first full stop, exclamation or
// question mark, 1 with its line; 2: its length follows).
func (e *enc) sentences(ss []corpus.Span, blocks []corpus.Block, text string) {
	prev, b := 0, 0
	for _, s := range ss {
		for b < len(blocks) && blocks[b].Start < prev {
			b++
		}
		if b < len(blocks) && s == blocks[b].Span {
			e.uvarint(0)
			prev = s.End
			continue
		}
		start := uint64(0)
		if b >= len(blocks) || s.Start != blocks[b].Start {
			x := s.Start - prev
			start = 1 + (uint64(x<<1) ^ uint64(x>>63))
		}
		end := uint64(2)
		for m := uint64(0); m < 2 && s.Start >= 0 && s.Start <= len(text); m++ {
			if sentenceEnd(text, s.Start, m) == s.End {
				end = m
				break
			}
		}
		e.uvarint(1 + 3*start + end)
		if end == 2 {
			e.uvarint(uint64(s.End - s.Start))
		}
		prev = s.End
	}
}

// sentenceEnd returns where a sentence that starts at byte i of text
// ends when it ends after its first full stop, exclamation or question
// mark (how 0), or with its line (how 1); -1 if it cannot.
func sentenceEnd(text string, i int, how uint64) int {
	if how == 1 {
		return lineEnd(text, i)
	}
	for ; i < len(text); i++ {
		if c := text[i]; c == '.' || c == '!' || c == '?' {
			return i + 1
		}
	}
	return -1
}

// sentences reads n sentences written by enc.sentences, checking that
// they lie inside the text.
func (d *dec) sentences(n int, blocks []corpus.Block, text string) []corpus.Span {
	ss := make([]corpus.Span, n)
	prev, b := 0, 0
	for i := range ss {
		for b < len(blocks) && blocks[b].Start < prev {
			b++
		}
		c := d.uvarint()
		start, end := (c-1)/3, (c-1)%3
		var s corpus.Span
		switch {
		case (c == 0 || start == 0) && b >= len(blocks):
			d.fail("sentence after the last block")
		case c == 0:
			s = blocks[b].Span
		default:
			var at int
			if start == 0 {
				at = blocks[b].Start
			} else {
				zz := start - 1
				at = prev + int(int64(zz>>1)^-int64(zz&1))
			}
			if end == 2 {
				s = d.spanAt(at, 0, len(text))
			} else if s = (corpus.Span{Start: at, End: -1}); at >= 0 && at <= len(text) {
				s.End = sentenceEnd(text, at, end)
			}
			if d.err == nil && s.End < 0 {
				d.fail("sentence without its end")
			}
		}
		if d.err != nil {
			return nil
		}
		ss[i] = s
		prev = s.End
	}
	return ss
}

// spanAt reads the length of a span that starts at the zigzag distance
// zz from prev, and checks that it lies inside a text of size bytes.
func (d *dec) spanAt(prev int, zz uint64, size int) corpus.Span {
	start := prev + int(int64(zz>>1)^-int64(zz&1))
	end := start + int(min(d.uvarint(), uint64(size)+1))
	if d.err == nil && (start < 0 || end > size || end < start) {
		d.fail("span [" + strconv.Itoa(start) + ", " + strconv.Itoa(end) + ") outside a text of " + strconv.Itoa(size) + " bytes")
	}
	return corpus.Span{Start: start, End: end}
}
