package index

import (
	"errors"
	"hash/crc32"
	"math"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/corpus-explorer/explorer/corpus"
)

// FormatVersion is the version of the binary format that MarshalBinary
// writes and Decode reads.
const FormatVersion = 11

const (
	magic      = "CXINDEX\x00"
	headerSize = 24
)

// The sections, in the order they are written.
const (
	secDocs = 1 + iota
	secOverview
	secVocab
	secStems
	secFieldLens
	secChunks
	secChunkData
	secPacks
	secPackData
)

var sectionNames = [...]string{"", "documents", "overview", "vocabulary", "stems", "field lengths", "chunk table", "postings", "pack table", "packs"}

// MarshalOptions choose how Marshal writes an index.
type MarshalOptions struct {
	// PackBytes is about how many bytes of text and annotations go into
	// one pack; 0 means DefaultPackBytes with Split, EmbeddedPackBytes
	// without. An index decoded from a blob keeps its packs as they are.
	PackBytes int
	// ChunkBytes is about how many bytes of postings go into one chunk,
	// with Split; 0 means DefaultChunkBytes. Without Split the postings
	// are one chunk. An index decoded from a blob keeps its chunks when
	// written as it was (split or embedded).
	ChunkBytes int
	// PartBytes is about how many bytes of text go into one part of a
	// long document, written with Split only; 0 means DefaultPartBytes,
	// and a negative number writes no parts. An index decoded from a blob
	// keeps its parts as they are.
	PartBytes int
	// Split leaves the packs, the chunks of the postings and the lexicon
	// out of the blob: Marshal returns them, to be written as files
	// (compressed if the writer likes) and given back with AddPack,
	// AddChunk and AddLexicon.
	Split bool
	// Files, if not nil, with Split, is given each file of the packs and
	// of the chunks as soon as it is made, in place of Marshal returning
	// them, so that the files of a large index are never all in memory
	// at once. It owns the file it is given. Marshal stops at its first
	// error, and returns it.
	Files func(PackFile) error
}

// Section is the name and size in bytes of one section of an encoded index.
type Section struct {
	Name  string
	Bytes int
}

// Sections lists the sections of an encoded index with their sizes, after
// checking its header.
func Sections(blob []byte) ([]Section, error) {
	if err := checkHeader(blob); err != nil {
		return nil, err
	}
	var out []Section
	d := dec{s: string(blob), p: headerSize}
	for d.p < len(d.s) && d.err == nil {
		tag := d.s[d.p]
		d.p++
		n := d.uvarint()
		if d.err != nil || n > uint64(len(d.s)-d.p) {
			return nil, errors.New("index: truncated section")
		}
		name := "unknown"
		if int(tag) < len(sectionNames) {
			name = sectionNames[tag]
		}
		out = append(out, Section{name, int(n)})
		d.p += int(n)
	}
	return out, nil
}

// MarshalBinary encodes the index, packs included, in the binary format
// described in the package documentation.
func (ix *Index) MarshalBinary() ([]byte, error) {
	b, _, err := ix.Marshal(MarshalOptions{})
	return b, err
}

// Marshal encodes the index in the binary format described in the package
// documentation; with opt.Split, the packs and the chunks of the postings
// are returned apart: the files of the text packs, in order (pack p is
// file p), then those of the chunks (chunk c is file NumPacks()+c of the
// decoded index), then the parts of long documents (part k is file
// NumPacks()+NumChunks()+k), then the lexicon (LexiconPack).
func (ix *Index) Marshal(opt MarshalOptions) ([]byte, []PackFile, error) {
	if uint64(len(ix.post)) > math.MaxUint32 {
		return nil, nil, errors.New("index: postings too large: " + strconv.Itoa(len(ix.post)) + " bytes")
	}
	// stream is where the files go as they are made (MarshalOptions.Files).
	var stream func(PackFile) error
	if opt.Split {
		stream = opt.Files
	}
	for i, c := range ix.chunks {
		if c.data == "" {
			return nil, nil, errors.New("index: chunk " + strconv.Itoa(i) + " was never loaded: cannot write the index again")
		}
	}
	// Embedded, the postings are one chunk: nothing is fetched by the
	// chunk, and the table is one entry. The chunks of a decoded index
	// are kept when it is written the same way, and cut again when not
	// (an embedded index's have no hashes).
	chunks, madeChunks := ix.chunks, false
	if chunks == nil || !opt.Split && len(chunks) > 1 || opt.Split && len(chunks) > 0 && chunks[0].hash == 0 {
		chunkBytes := opt.ChunkBytes
		if !opt.Split {
			chunkBytes = math.MaxUint32
		}
		var err error
		if chunks, err = ix.makeChunks(chunkBytes, stream); err != nil {
			return nil, nil, err
		}
		madeChunks = true
	}
	postBytes := 0
	for _, c := range chunks {
		postBytes += c.size
	}
	packs, madePacks := ix.ps.packs, false
	if packs == nil {
		var err error
		if packs, err = ix.makePacks(opt.PackBytes, opt.Split, stream); err != nil {
			return nil, nil, err
		}
		madePacks = true
	}
	packData := 0
	for i, p := range packs {
		if p.data == "" && !(madePacks && stream != nil) {
			return nil, nil, errors.New("index: pack " + strconv.Itoa(i) + " was never loaded: cannot write the index again")
		}
		packData += p.size
	}
	if opt.Split {
		// The packs of an index decoded from an embedded blob have no
		// names yet.
		packs = slices.Clone(packs)
		for i, p := range packs {
			if p.hash == 0 && p.data != "" {
				packs[i].hash = hashOf(p.data)
			}
		}
	}
	parts, dps := ix.ps.parts, ix.ps.docParts
	if parts == nil && opt.Split && opt.PartBytes >= 0 {
		var err error
		if parts, dps, err = ix.makeParts(opt.PartBytes); err != nil {
			return nil, nil, errors.New("index: cannot cut the parts of long documents: " + err.Error())
		}
	}
	if !opt.Split {
		parts, dps = nil, nil
	}
	for k, p := range parts {
		if p.data == "" {
			return nil, nil, errors.New("index: part " + strconv.Itoa(k) + " was never loaded: cannot write the index again")
		}
	}
	if stream != nil {
		postBytes, packData = 0, 0 // not in the blob
	}
	var streamErr error
	// file gives a file to stream, or else keeps it in *list.
	file := func(list *[]PackFile, name, data string) {
		if stream == nil {
			*list = append(*list, PackFile{name, []byte(data)})
		} else if streamErr == nil {
			streamErr = stream(PackFile{name, []byte(data)})
		}
	}
	// The lexicon: a file apart when split (see lexicon).
	lx := ix.lex.Load()
	if lx == nil {
		return nil, nil, errors.New("index: the lexicon was never loaded: cannot write the index again")
	}
	var lexData string
	var lexHash uint64
	if opt.Split {
		var le enc
		le.lexicon(ix, lx)
		lexData = string(le.b)
		lexHash = hashOf(lexData)
	}
	var e enc
	e.b = make([]byte, headerSize, headerSize+postBytes+packData+1024)
	s := enc{b: make([]byte, 0, cap(e.b))} // one section at a time
	section := func(tag byte, write func(*enc)) {
		s.b = s.b[:0]
		write(&s)
		e.b = append(e.b, tag)
		e.uvarint(uint64(len(s.b)))
		e.b = append(e.b, s.b...)
	}
	section(secDocs, func(s *enc) {
		s.count(len(ix.Docs), false)
		for i, d := range ix.Docs {
			s.doc(d, ix.words[i])
		}
	})
	section(secOverview, func(s *enc) { s.overview(&ix.Overview) })
	section(secVocab, func(s *enc) {
		s.uvarint(uint64(len(ix.terms)))
		prev := ""
		for _, t := range ix.terms {
			p := 0
			for p < len(prev) && p < len(t) && prev[p] == t[p] {
				p++
			}
			s.uvarint(uint64(p))
			s.str(t[p:])
			prev = t
		}
		// Then the document frequencies, apart from the text, which
		// compresses better alone.
		for _, df := range ix.df {
			s.uvarint(uint64(df))
		}
		// Then the lexicon, unless it is a file apart (split: the chunk
		// table names it).
		if !opt.Split {
			s.lexicon(ix, lx)
		}
	})
	section(secStems, func(s *enc) {
		// A stem is most often a prefix of its first term: it is then
		// written as its length. Its first term is written from the one
		// of the stem before, the others from the one before them.
		s.count(len(ix.stems), false)
		prev := 0
		for i, st := range ix.stems {
			g := ix.stemTerm[ix.stemOff[i]:ix.stemOff[i+1]]
			first := 0
			if len(g) > 0 {
				first = int(g[0])
			}
			s.int(first - prev)
			prev = first
			if len(g) > 0 && st != "" && strings.HasPrefix(ix.terms[first], st) {
				s.uvarint(uint64(len(st)))
			} else {
				s.uvarint(0)
				s.str(st)
			}
			s.uvarint(uint64(len(g)))
			for j := 1; j < len(g); j++ {
				s.uvarint(uint64(g[j] - g[j-1]))
			}
		}
	})
	section(secFieldLens, func(s *enc) {
		s.count(len(ix.flen), false)
		for _, n := range ix.flen {
			s.uvarint(uint64(n))
		}
	})
	var chunkFiles []PackFile
	section(secChunks, func(s *enc) {
		s.bool(opt.Split)
		s.uvarint(uint64(len(chunks)))
		for _, c := range chunks {
			s.uvarint(uint64(c.n))
			s.uvarint(uint64(c.size))
			if opt.Split {
				s.u64(c.hash) // a file's name; nothing to name when embedded
			}
		}
		if opt.Split {
			s.u64(lexHash)
			s.uvarint(uint64(len(lexData)))
		}
	})
	section(secChunkData, func(s *enc) {
		for _, c := range chunks {
			if opt.Split {
				if !madeChunks || stream == nil {
					file(&chunkFiles, packName(c.hash), c.data)
				}
			} else {
				s.b = append(s.b, c.data...)
			}
		}
	})
	section(secPacks, func(s *enc) {
		s.bool(opt.Split)
		s.uvarint(uint64(len(packs)))
		for _, p := range packs {
			s.uvarint(uint64(p.n))
			s.uvarint(uint64(p.size))
			if opt.Split {
				s.u64(p.hash)
			}
		}
		s.partTable(parts, dps)
	})
	var files []PackFile
	section(secPackData, func(s *enc) {
		for _, p := range packs {
			if opt.Split {
				if !madePacks || stream == nil {
					file(&files, packName(p.hash), p.data)
				}
			} else {
				s.b = append(s.b, p.data...)
			}
		}
	})
	files = append(files, chunkFiles...)
	pk := 0 // the pack holding a part's document
	for _, dp := range dps {
		for packs[pk].first+packs[pk].n <= dp.doc {
			pk++
		}
		for i, p := range parts[dp.first : dp.first+dp.n] {
			file(&files, partName(packs[pk].hash, dp.doc-packs[pk].first, i), p.data)
		}
	}
	if opt.Split {
		file(&files, packName(lexHash), lexData)
	}
	if streamErr != nil {
		return nil, nil, streamErr
	}
	b := e.b
	copy(b, magic)
	putU32(b[8:], FormatVersion)
	n := uint64(len(b) - headerSize)
	putU32(b[12:], uint32(n))
	putU32(b[16:], uint32(n>>32))
	putU32(b[20:], crc32.ChecksumIEEE(b[headerSize:]))
	return b, files, nil
}

// Decode decodes an index written by MarshalBinary. It copies blob once;
// the index's strings share that copy.
func Decode(blob []byte) (*Index, error) {
	return DecodeString(string(blob))
}

// DecodeString decodes an index written by MarshalBinary from a string
// (such as one embedded with go:embed) without copying it: the index's
// texts and terms are substrings of blob.
func DecodeString(blob string) (*Index, error) {
	if err := checkHeader(blob); err != nil {
		return nil, err
	}
	return decodeSections(blob)
}

// DecodeEmbedded is DecodeString without the checksum, for a blob that is
// part of the program decoding it (go:embed): it came with the program's
// code and is checked with it, and its checksum, all of the blob read
// once more, is the largest part of opening a small index in
// WebAssembly. The header's magic, version and length are still checked,
// and damage that the checksum would have caught is an error or a usable
// index, never a panic (TestCorruption, FuzzDecode).
func DecodeEmbedded(blob string) (*Index, error) {
	if err := checkFrame(blob); err != nil {
		return nil, err
	}
	return decodeSections(blob)
}

// decodeSections decodes the sections of a blob whose header is checked.
func decodeSections(blob string) (*Index, error) {
	ix := &Index{}
	split, splitChunks := false, false
	d := dec{s: blob, p: headerSize}
	for tag := byte(secDocs); tag <= secPackData; tag++ {
		if d.p >= len(d.s) {
			return nil, errors.New("index: missing " + sectionNames[tag] + " section")
		}
		if d.s[d.p] != tag {
			return nil, errors.New("index: expected the " + sectionNames[tag] + " section at byte " + strconv.Itoa(d.p) + ", found tag " + strconv.Itoa(int(d.s[d.p])))
		}
		d.p++
		n := d.uvarint()
		if d.err != nil || n > uint64(len(d.s)-d.p) {
			return nil, errors.New("index: " + sectionNames[tag] + " section: truncated")
		}
		s := dec{s: d.s[:d.p+int(n)], p: d.p}
		switch tag {
		case secDocs:
			s.docs(ix)
		case secOverview:
			s.overview(&ix.Overview)
		case secVocab:
			s.vocab(ix)
		case secStems:
			s.stems(ix)
		case secFieldLens:
			s.fieldLens(ix)
		case secChunks:
			splitChunks = s.chunkTable(ix)
		case secChunkData:
			s.chunkData(ix, splitChunks)
		case secPacks:
			split = s.packTable(ix)
			s.partTable(ix)
		case secPackData:
			s.packData(ix, split)
		}
		if s.err == nil && s.p != len(s.s) {
			s.fail(strconv.Itoa(len(s.s)-s.p) + " bytes left over")
		}
		if s.err != nil {
			return nil, errors.New("index: corrupt " + sectionNames[tag] + " section: " + s.err.Error())
		}
		d.p = len(s.s)
	}
	if d.p != len(d.s) {
		return nil, errors.New("index: " + strconv.Itoa(len(d.s)-d.p) + " unexpected bytes after the last section")
	}
	if (ix.lexFile != nil) != (ix.lex.Load() == nil) {
		return nil, errors.New("index: corrupt vocabulary section: the lexicon is missing, or split and in the blob")
	}
	ix.init()
	return ix, nil
}

// checkHeader checks the magic, version, length and checksum of a blob.
func checkHeader[B []byte | string](b B) error {
	if err := checkFrame(b); err != nil {
		return err
	}
	var sum uint32
	switch b := any(b).(type) {
	case []byte:
		sum = crc32.ChecksumIEEE(b[headerSize:])
	case string:
		// crc32 takes bytes: feed it the string in small copied chunks.
		var chunk [32 << 10]byte
		for rest := b[headerSize:]; len(rest) > 0; {
			n := copy(chunk[:], rest)
			sum = crc32.Update(sum, crc32.IEEETable, chunk[:n])
			rest = rest[n:]
		}
	}
	if want := getU32(b[20:]); sum != want {
		return errors.New("index: checksum mismatch (computed " + strconv.FormatUint(uint64(sum), 16) + ", stored " + strconv.FormatUint(uint64(want), 16) + "): the index is corrupt, rebuild it")
	}
	return nil
}

// checkFrame checks the magic, version and length of a blob.
func checkFrame[B []byte | string](b B) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("index: not an index file (bad magic number)")
	}
	if len(b) < headerSize {
		return errors.New("index: truncated header: " + strconv.Itoa(len(b)) + " bytes, need " + strconv.Itoa(headerSize))
	}
	if v := getU32(b[8:]); v != FormatVersion {
		return errors.New("index: format version " + strconv.FormatUint(uint64(v), 10) + ", this engine reads " + strconv.Itoa(FormatVersion) + ": rebuild the index")
	}
	n := uint64(getU32(b[12:])) | uint64(getU32(b[16:]))<<32
	if have := uint64(len(b) - headerSize); have != n {
		what := "truncated"
		if have > n {
			what = "trailing bytes"
		}
		return errors.New("index: " + what + ": the header says " + strconv.FormatUint(n, 10) + " bytes of data, the blob has " + strconv.FormatUint(have, 10))
	}
	return nil
}

func putU32(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

func getU32[B []byte | string](b B) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// enc appends the primitives of the format.
type enc struct{ b []byte }

func (e *enc) uvarint(x uint64) {
	for x >= 0x80 {
		e.b = append(e.b, byte(x)|0x80)
		x >>= 7
	}
	e.b = append(e.b, byte(x))
}

func (e *enc) int(x int) { e.uvarint(uint64(x<<1) ^ uint64(x>>63)) }

func (e *enc) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// count writes the length of a list, keeping nil apart from empty.
func (e *enc) count(n int, isNil bool) {
	if isNil {
		e.uvarint(0)
	} else {
		e.uvarint(uint64(n) + 1)
	}
}

func (e *enc) strs(ss []string) {
	e.count(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

// blocks writes a document's blocks against its text, where most blocks
// are one line each: for each, one number holding its kind in the low 3
// bits (kinds from 7 on are written as 7, then a byte) and, above them, 0
// if the block starts after the spaces that follow the previous one
// (afterSpaces) and ends where that line does (lineEnd), 1 if it starts
// there and its length follows, or else 2 + the zigzag distance from the
// end of the previous block to its start, and its length follows.
func (e *enc) blocks(bs []corpus.Block, text string) {
	prev := 0
	for _, b := range bs {
		s, m := afterSpaces(text, prev), uint64(0)
		switch {
		case b.Start == s && b.End == lineEnd(text, s):
		case b.Start == s:
			m = 1
		default:
			x := b.Start - prev
			m = 2 + (uint64(x<<1) ^ uint64(x>>63))
		}
		e.uvarint(m<<3 | uint64(min(b.Kind, 7)))
		if b.Kind >= 7 {
			e.b = append(e.b, byte(b.Kind))
		}
		if m > 0 {
			e.uvarint(uint64(b.End - b.Start))
		}
		prev = b.End
	}
}

// afterSpaces returns where the ASCII spaces (space, tab, line breaks)
// that start at byte i of text end.
func afterSpaces(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i]-'\t' <= '\r'-'\t') {
		i++
	}
	return i
}

// lineEnd returns where the line of text holding byte i ends: at its
// line break, or at the end of the text.
func lineEnd(text string, i int) int {
	if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(text)
}

// doc writes a document's metadata; its text, annotations and related
// documents go to its pack (enc.content). A path that starts with the id
// is written as the rest of it.
func (e *enc) doc(d *corpus.Document, words uint32) {
	e.str(d.ID)
	if rest, ok := strings.CutPrefix(d.Path, d.ID); ok {
		e.uvarint(1)
		e.str(rest)
	} else {
		e.uvarint(0)
		e.str(d.Path)
	}
	e.str(d.Title)
	e.bool(d.TitleDerived)
	e.str(d.Date)
	e.str(d.Author)
	e.str(d.Lang)
	e.str(d.Encoding)
	e.int(d.Repairs)
	e.int(d.InvalidBytes)
	e.strs(d.Warnings)
	e.str(d.Section)
	e.strs(d.Tags)
	// Where each page starts (PDF), as increasing offsets: deltas.
	e.count(len(d.Pages), d.Pages == nil)
	prev := 0
	for _, p := range d.Pages {
		e.uvarint(uint64(p - prev))
		prev = p
	}
	e.uvarint(uint64(words))
}

// related writes a document's related documents (in its pack): one of
// the corpus as its number, and a shared keyword that is one of the
// document's own keywords ks as its number in ks (most are).
func (e *enc) related(rs []corpus.Related, byID map[string]int, ks []corpus.Keyword) {
	e.count(len(rs), rs == nil)
	for _, r := range rs {
		if n, ok := byID[r.ID]; ok {
			e.uvarint(uint64(n) + 1)
		} else {
			e.uvarint(0)
			e.str(r.ID)
		}
		e.int(int(math.Round(r.Score * 1e4))) // scores keep 4 decimals
		e.count(len(r.Shared), r.Shared == nil)
	shared:
		for _, s := range r.Shared {
			for j, k := range ks {
				if k.Text == s {
					e.uvarint(uint64(j) + 1)
					continue shared
				}
			}
			e.uvarint(0)
			e.str(s)
		}
	}
}

func (e *enc) u64(v uint64) {
	for i := 0; i < 8; i++ {
		e.b = append(e.b, byte(v>>(8*i)))
	}
}

func (e *enc) keywords(ks []corpus.Keyword) {
	e.count(len(ks), ks == nil)
	last := 0
	for _, k := range ks {
		e.str(k.Text)
		// Scores keep 4 decimals, each written as its difference from the
		// previous one: keywords come by decreasing score.
		score := int(math.Round(k.Score * 1e4))
		e.int(score - last)
		last = score
	}
}

func (e *enc) entities(es []corpus.Entity) {
	e.count(len(es), es == nil)
	for _, x := range es {
		e.str(x.Name)
		e.kind(x.Kind)
		e.int(x.Count)
		e.strs(x.Variants)
	}
}

// entityKinds are the kinds of entity written as their number (1 + the
// index); another kind is written as 0 and its name.
var entityKinds = [...]string{corpus.Person, corpus.Organization, corpus.Place, corpus.OtherEntity}

func (e *enc) kind(k string) {
	for i, x := range entityKinds {
		if x == k {
			e.uvarint(uint64(i) + 1)
			return
		}
	}
	e.uvarint(0)
	e.str(k)
}

func (e *enc) overview(o *corpus.Overview) {
	e.int(o.Documents)
	e.int(o.Words)
	e.int(o.Bytes)
	e.str(o.DateFrom)
	e.str(o.DateTo)
	e.count(len(o.Languages), o.Languages == nil)
	langs := make([]string, 0, len(o.Languages))
	for l := range o.Languages {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, l := range langs {
		e.str(l)
		e.int(o.Languages[l])
	}
	e.count(len(o.Summary), o.Summary == nil)
	for _, s := range o.Summary {
		e.str(s.ID)
		e.int(s.Index)
		e.str(s.Text)
	}
	e.keywords(o.Keywords)
	e.entities(o.Entities)
}

// dec reads the primitives of the format from s, starting at p. The first
// error sticks: later reads return zero values, so that a decoder can read
// on and check err once.
type dec struct {
	s   string
	p   int
	err error
}

func (d *dec) fail(msg string) {
	if d.err == nil {
		d.err = errors.New(msg + " at byte " + strconv.Itoa(d.p))
	}
}

// byte1 reads a uvarint of one byte, as most numbers of a postings list
// are, and reports whether it did; else it reads nothing (use uvarint).
// It is small enough to be inlined in the loops that read postings.
func (d *dec) byte1() (uint64, bool) {
	if d.p < len(d.s) && d.s[d.p] < 0x80 && d.err == nil {
		d.p++
		return uint64(d.s[d.p-1]), true
	}
	return 0, false
}

func (d *dec) uvarint() uint64 {
	var x uint64
	for shift := uint(0); ; shift += 7 {
		if d.err != nil {
			return 0
		}
		if d.p >= len(d.s) {
			d.fail("truncated number")
			return 0
		}
		c := d.s[d.p]
		d.p++
		if shift == 63 && c > 1 {
			d.fail("number overflows 64 bits")
			return 0
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
}

// int reads a zigzag-encoded signed integer.
func (d *dec) int() int {
	u := d.uvarint()
	x := int64(u>>1) ^ -int64(u&1)
	if int64(int(x)) != x {
		d.fail("number out of range")
		return 0
	}
	return int(x)
}

// count reads the length of a list whose items take at least minSize bytes
// each, and whether the list is nil.
func (d *dec) count(minSize int) (int, bool) {
	n := d.uvarint()
	if d.err != nil || n == 0 {
		return 0, true
	}
	n--
	if n > uint64((len(d.s)-d.p)/minSize) {
		d.fail("list of " + strconv.FormatUint(n, 10) + " items longer than the data")
		return 0, true
	}
	return int(n), false
}

func (d *dec) str() string {
	n, ok := d.byte1() // most strings here are short
	if !ok {
		n = d.uvarint()
	}
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)-d.p) {
		d.fail("string of " + strconv.FormatUint(n, 10) + " bytes longer than the data")
		return ""
	}
	s := d.s[d.p : d.p+int(n)]
	d.p += int(n)
	return s
}

func (d *dec) bool() bool {
	if d.err != nil {
		return false
	}
	if d.p >= len(d.s) || d.s[d.p] > 1 {
		d.fail("bad boolean")
		return false
	}
	d.p++
	return d.s[d.p-1] == 1
}

func (d *dec) strs() []string {
	n, isNil := d.count(1)
	if isNil {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *dec) docs(ix *Index) {
	n, _ := d.count(12)
	ix.Docs = make([]*corpus.Document, n)
	ix.words = make([]uint32, n)
	all := make([]corpus.Document, n)
	for i := range ix.Docs {
		ix.Docs[i] = &all[i]
		d.doc(&all[i])
		ix.words[i] = d.u32()
		if d.err != nil {
			return
		}
	}
}

func (d *dec) doc(x *corpus.Document) {
	x.ID = d.str()
	if d.bool() {
		x.Path = x.ID + d.str()
	} else {
		x.Path = d.str()
	}
	x.Title = d.str()
	x.TitleDerived = d.bool()
	x.Date = d.str()
	x.Author = d.str()
	x.Lang = d.str()
	x.Encoding = d.str()
	x.Repairs = d.int()
	x.InvalidBytes = d.int()
	x.Warnings = d.strs()
	x.Section = d.str()
	x.Tags = d.strs()
	if n, isNil := d.count(1); !isNil {
		x.Pages = make([]int, n)
		prev := uint64(0)
		for i := range x.Pages {
			prev += d.uvarint()
			if prev > 1<<40 {
				d.fail("page offset out of range")
				break
			}
			x.Pages[i] = int(prev)
		}
	}
}

// related reads a document's related documents; one of the corpus is
// found among docs by its number, a shared keyword among ks.
func (d *dec) related(docs []*corpus.Document, ks []corpus.Keyword) []corpus.Related {
	n, isNil := d.count(3)
	if isNil {
		return nil
	}
	rs := make([]corpus.Related, n)
	for i := range rs {
		r := &rs[i]
		if num := d.uvarint(); num > uint64(len(docs)) {
			d.fail("related document " + strconv.FormatUint(num-1, 10) + " beyond the " + strconv.Itoa(len(docs)) + " documents")
			return nil
		} else if num > 0 {
			r.ID = docs[num-1].ID
		} else {
			r.ID = d.str()
		}
		r.Score = float64(d.int()) / 1e4
		if m, isNil := d.count(1); !isNil {
			r.Shared = make([]string, m)
			for j := range r.Shared {
				switch k := d.uvarint(); {
				case k == 0:
					r.Shared[j] = d.str()
				case k <= uint64(len(ks)):
					r.Shared[j] = ks[k-1].Text
				default:
					d.fail("shared keyword " + strconv.FormatUint(k-1, 10) + " beyond the " + strconv.Itoa(len(ks)) + " keywords")
					return nil
				}
			}
		}
	}
	return rs
}

func (d *dec) keywords() []corpus.Keyword {
	n, isNil := d.count(2)
	if isNil {
		return nil
	}
	ks := make([]corpus.Keyword, n)
	last := 0
	for i := range ks {
		ks[i].Text = d.str()
		last += d.int()
		ks[i].Score = float64(last) / 1e4
	}
	return ks
}

func (d *dec) entities() []corpus.Entity {
	n, isNil := d.count(4)
	if isNil {
		return nil
	}
	es := make([]corpus.Entity, n)
	for i := range es {
		es[i].Name = d.str()
		es[i].Kind = d.kind()
		es[i].Count = d.int()
		es[i].Variants = d.strs()
	}
	return es
}

func (d *dec) kind() string {
	k := d.uvarint()
	switch {
	case k == 0:
		return d.str()
	case k <= uint64(len(entityKinds)):
		return entityKinds[k-1]
	}
	d.fail("entity kind " + strconv.FormatUint(k, 10) + " unknown")
	return ""
}

func (d *dec) overview(o *corpus.Overview) {
	o.Documents = d.int()
	o.Words = d.int()
	o.Bytes = d.int()
	o.DateFrom = d.str()
	o.DateTo = d.str()
	if n, isNil := d.count(2); !isNil {
		o.Languages = make(map[string]int, n)
		for i := 0; i < n; i++ {
			k := d.str()
			o.Languages[k] = d.int()
		}
	}
	if n, isNil := d.count(3); !isNil {
		o.Summary = make([]corpus.SentenceRef, n)
		for i := range o.Summary {
			s := &o.Summary[i]
			s.ID = d.str()
			s.Index = d.int()
			s.Text = d.str()
		}
	}
	o.Keywords = d.keywords()
	o.Entities = d.entities()
}

func (d *dec) vocab(ix *Index) {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)-d.p)/4 {
		d.fail("vocabulary of " + strconv.FormatUint(n, 10) + " terms longer than the data")
		return
	}
	// The front-coded terms are rebuilt in one string that every term
	// shares, then their document frequencies, each loop in a function
	// of its own (see frontCoded).
	ends := make([]uint32, n)
	buf := d.frontCoded(make([]byte, 0, len(d.s)-d.p), ends)
	if d.err != nil {
		return
	}
	ix.df = make([]uint32, n)
	d.u32s(ix.df)
	// The terms' string is buf itself, never written again: no copy.
	ix.terms = cutAt(unsafe.String(unsafe.SliceData(buf), len(buf)), ends)
	// The lexicon follows, unless it is a file apart (the chunk table
	// says so, and names it).
	if d.p == len(d.s) {
		return
	}
	if lx := d.lexicon(ix); lx != nil {
		ix.lex.Store(lx)
	}
}

// frontCoded reads len(ends) front-coded terms into buf, each term's
// prefix copied from the term before it, at the end of buf, and its
// suffix from the blob, and the end of each in ends; it returns buf.
//
// The one-time loops of opening an index are short functions of their
// own, with their failures out of line: V8 counts, towards recompiling
// a WebAssembly function with its optimising compiler, the bytes from
// the function's start to each backward jump, and the Go compiler makes
// every loop of a function jump back to the function's start. A loop
// deep in a long function ran hot enough to be recompiled, in the
// background, for nothing: it never runs again.
func (d *dec) frontCoded(buf []byte, ends []uint32) []byte {
	prev := 0 // where the previous term starts in buf
	for i := range ends {
		// Most prefixes and suffixes are under 128 bytes: byte1, inlined.
		p, ok := d.byte1()
		if !ok {
			p = d.uvarint()
		}
		k, ok := d.byte1()
		if !ok {
			k = d.uvarint()
		}
		if d.err != nil || k > uint64(len(d.s)-d.p) || p > uint64(len(buf)-prev) || len(buf)+int(p+k) > math.MaxUint32 {
			d.badTerm(k, p > uint64(len(buf)-prev))
			return buf
		}
		at := len(buf)
		buf = append(buf, buf[prev:prev+int(p)]...)
		buf = append(buf, d.s[d.p:d.p+int(k)]...)
		d.p += int(k)
		prev = at
		ends[i] = uint32(len(buf))
	}
	return buf
}

// badTerm records why frontCoded cannot read a term whose suffix is k
// bytes long: an error already met, a suffix beyond the data, a prefix
// longer than the previous term (badPrefix) or too many bytes.
//
//go:noinline
func (d *dec) badTerm(k uint64, badPrefix bool) {
	switch {
	case d.err != nil:
	case k > uint64(len(d.s)-d.p):
		d.fail("string of " + strconv.FormatUint(k, 10) + " bytes longer than the data")
	case badPrefix:
		d.fail("shared prefix longer than the previous term")
	default:
		d.fail("vocabulary too large")
	}
}

// u32s reads len(dst) numbers into dst.
func (d *dec) u32s(dst []uint32) {
	for i := range dst {
		if x, ok := d.byte1(); ok {
			dst[i] = uint32(x)
		} else {
			dst[i] = d.u32()
		}
	}
}

// cutAt returns the strings of all that end at ends, one after another.
//
//go:noinline
func cutAt(all string, ends []uint32) []string {
	ss := make([]string, len(ends))
	start := uint32(0)
	for i, e := range ends {
		ss[i] = all[start:e]
		start = e
	}
	return ss
}

func (d *dec) u64() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.s)-d.p < 8 {
		d.fail("truncated hash")
		return 0
	}
	var v uint64
	for i := 0; i < 8; i++ {
		v |= uint64(d.s[d.p+i]) << (8 * i)
	}
	d.p += 8
	return v
}

// packTable reads the table of packs and reports whether the packs are
// files apart (Split).
func (d *dec) packTable(ix *Index) bool {
	split := d.bool()
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)-d.p)/2 {
		d.fail("pack table of " + strconv.FormatUint(n, 10) + " packs longer than the data")
		return split
	}
	ps := make([]pack, n)
	first := 0
	for i := range ps {
		p := &ps[i]
		p.first = first
		p.n = int(d.u32())
		p.size = int(d.u32())
		if split {
			p.hash = d.u64()
		}
		if d.err != nil {
			return split
		}
		if p.n == 0 || p.n > len(ix.Docs)-first {
			d.fail("pack " + strconv.Itoa(i) + " of " + strconv.Itoa(p.n) + " documents beyond the " + strconv.Itoa(len(ix.Docs)))
			return split
		}
		first += p.n
	}
	if first != len(ix.Docs) {
		d.fail("packs hold " + strconv.Itoa(first) + " documents of " + strconv.Itoa(len(ix.Docs)))
		return split
	}
	ix.ps.packs = ps
	return split
}

// packData reads the packs embedded in the blob; a split index has none.
func (d *dec) packData(ix *Index, split bool) {
	if split {
		return
	}
	for i := range ix.ps.packs {
		p := &ix.ps.packs[i]
		if p.size > len(d.s)-d.p {
			d.fail("pack " + strconv.Itoa(i) + " truncated")
			return
		}
		p.data = d.s[d.p : d.p+p.size]
		d.p += p.size
	}
}

func (d *dec) u32() uint32 {
	x := d.uvarint()
	if x > math.MaxUint32 {
		d.fail("number out of range")
		return 0
	}
	return uint32(x)
}

func (d *dec) stems(ix *Index) {
	n, _ := d.count(3)
	ix.stems = make([]string, n)
	ix.stemOff = make([]uint32, n+1)
	nt := len(ix.terms)
	ix.stemTerm = make([]uint32, 0, nt) // each term has a stem, most one
	prev := 0
	bad := func(i int) { d.fail("stem " + strconv.Itoa(i) + " beyond the vocabulary") }
	// Most numbers here are one byte: byte1, inlined, reads them.
	for i := range ix.stems {
		if u, ok := d.byte1(); ok {
			prev += int(u>>1) ^ -int(u&1) // zigzag, as int reads it
		} else {
			prev += d.int()
		}
		first := prev
		k, ok := d.byte1()
		if !ok {
			k = d.uvarint()
		}
		if k > 0 {
			if first < 0 || first >= nt || k > uint64(len(ix.terms[first])) {
				bad(i)
				return
			}
			ix.stems[i] = ix.terms[first][:k]
		} else {
			ix.stems[i] = d.str()
		}
		m, ok := d.byte1()
		if !ok {
			m = d.uvarint()
		}
		last := first
		for j := uint64(0); j < m && d.err == nil; j++ {
			if j > 0 {
				if u, ok := d.byte1(); ok {
					last += int(u)
				} else {
					last += int(d.u32())
				}
			}
			if last < 0 || last >= nt || m > uint64(nt) {
				bad(i)
				return
			}
			ix.stemTerm = append(ix.stemTerm, uint32(last))
		}
		ix.stemOff[i+1] = uint32(len(ix.stemTerm))
	}
}

func (d *dec) fieldLens(ix *Index) {
	n, _ := d.count(1)
	if d.err == nil && n != len(ix.Docs)*NumFields {
		d.fail(strconv.Itoa(n) + " field lengths for " + strconv.Itoa(len(ix.Docs)) + " documents")
		return
	}
	ix.flen = make([]uint32, n)
	for i := range ix.flen {
		ix.flen[i] = d.u32()
	}
}
