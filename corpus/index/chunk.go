package index

import (
	"errors"
	"sort"
	"strconv"
)

// DefaultChunkBytes is the default size of a chunk of the postings: about
// how many bytes of postings lists of consecutive terms go into one.
// Chosen by measuring the man pages' judged queries (go run
// ./tools/packsize): the postings compress as well in small chunks as in
// large ones (2.1 MB zlib in all from 2 KB to 128 KB), while the bytes a
// query fetches grow with the chunks (on a cold start, 18 KB in 5.8 files
// at 2 KB, 22 KB in 4.7 at 4 KB, 49 KB in 3.6 at 16 KB, 229 KB in 2.4 at
// 128 KB; the whole set 298, 381, 831 and 1,905 KB). The files of a query
// come in one parallel round, so 2 KB: the fewest bytes, for a table of
// about 11 bytes a chunk in the module (9.7 KB on the man pages).
const DefaultChunkBytes = 2 << 10

// chunk is a run of consecutive terms whose postings lists are stored
// together: the unit in which the postings of a split index are fetched.
// Its data is, for each term, the size of its postings list (uvarint),
// then the lists one after another.
type chunk struct {
	first, n int      // the terms [first, first+n)
	size     int      // bytes
	hash     uint64   // FNV-64a of the bytes: the chunk's name
	data     string   // the postings lists; "" while not loaded
	off      []uint32 // where each term's list starts in data; one more entry at the end
}

// NumChunks returns the number of chunks of the postings of a decoded
// index; 0 for an index built in memory.
func (ix *Index) NumChunks() int { return len(ix.chunks) }

// ChunkOf returns the chunk holding the postings of term t, or -1 for an
// index built in memory or a term out of range.
func (ix *Index) ChunkOf(t int) int {
	if t < 0 || t >= len(ix.terms) || len(ix.chunks) == 0 {
		return -1
	}
	c := sort.Search(len(ix.chunks), func(i int) bool { return ix.chunks[i].first+ix.chunks[i].n > t })
	if c < len(ix.chunks) {
		return c
	}
	return -1
}

// ChunkName returns the file name of chunk c (its content hash), or "";
// all zeros for a chunk embedded in the index (see PackName).
func (ix *Index) ChunkName(c int) string {
	if c < 0 || c >= len(ix.chunks) {
		return ""
	}
	return packName(ix.chunks[c].hash)
}

// ChunkSize returns the size of chunk c in bytes, or 0.
func (ix *Index) ChunkSize(c int) int {
	if c < 0 || c >= len(ix.chunks) {
		return 0
	}
	return ix.chunks[c].size
}

// HasChunk reports whether the postings of chunk c are at hand: embedded
// in the index or added with AddChunk.
func (ix *Index) HasChunk(c int) bool {
	if c < 0 || c >= len(ix.chunks) {
		return false
	}
	ix.mu.Lock()
	ok := ix.chunks[c].data != ""
	ix.mu.Unlock()
	return ok
}

// MissingChunks returns, in increasing order, the chunks not at hand that
// hold the postings of the given terms: those to add before a search
// that reads them.
func (ix *Index) MissingChunks(terms []int) []int {
	var out []int
	ix.mu.Lock()
	for _, t := range terms {
		c := ix.ChunkOf(t)
		if c < 0 || ix.chunks[c].data != "" {
			continue
		}
		// Insert c in order, once (a query needs few chunks).
		i := sort.SearchInts(out, c)
		if i == len(out) || out[i] != c {
			out = append(out, 0)
			copy(out[i+1:], out[i:])
			out[i] = c
		}
	}
	ix.mu.Unlock()
	return out
}

// AddChunk gives the index the bytes of chunk c, from the file
// ChunkName(c) of an index written with Split (decompressed). It checks
// their size, their hash and that they decode, so that a truncated or
// wrong file is a *PackError naming the chunk (as index pack
// NumPacks()+c), and the index is left as it was.
func (ix *Index) AddChunk(c int, data string) error {
	if c < 0 || c >= len(ix.chunks) {
		return errors.New("index: no chunk " + strconv.Itoa(c) + " (the index has " + strconv.Itoa(len(ix.chunks)) + ")")
	}
	ch := ix.chunks[c]
	fail := func(msg string) error {
		return &PackError{len(ix.ps.packs) + c, packName(ch.hash), errors.New(msg), true}
	}
	if msg := checkFile(data, ch.size, ch.hash); msg != "" {
		return fail(msg)
	}
	off, err := chunkOffsets(data, ch.n)
	if err != nil {
		return fail("corrupt: " + err.Error())
	}
	ix.mu.Lock()
	ix.chunks[c].data, ix.chunks[c].off = data, off
	ix.mu.Unlock()
	return nil
}

// chunkOffsets reads the sizes of the n postings lists at the start of a
// chunk's data and returns where each list starts, checking that they
// fill the data exactly.
func chunkOffsets(data string, n int) ([]uint32, error) {
	d := dec{s: data}
	sizes := make([]uint64, n)
	total := uint64(0)
	for i := range sizes {
		sizes[i] = d.uvarint()
		total += sizes[i]
		if d.err == nil && total > uint64(len(data)) {
			d.fail("postings longer than the chunk")
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if total != uint64(len(data)-d.p) {
		return nil, errors.New("postings of " + strconv.FormatUint(total, 10) + " bytes in " + strconv.Itoa(len(data)-d.p))
	}
	off := make([]uint32, n+1)
	off[0] = uint32(d.p)
	for i, s := range sizes {
		off[i+1] = off[i] + uint32(s)
	}
	return off, nil
}

// postingsOf returns the encoded postings list of term t: "" when its
// chunk is not at hand.
func (ix *Index) postingsOf(t int) string {
	if ix.chunks == nil {
		return ix.post[ix.postOff[t]:ix.postOff[t+1]]
	}
	c := ix.ChunkOf(t)
	if c < 0 {
		return ""
	}
	ix.mu.Lock()
	ch := ix.chunks[c]
	ix.mu.Unlock()
	if ch.data == "" {
		return ""
	}
	i := t - ch.first
	return ch.data[ch.off[i]:ch.off[i+1]]
}

// makeChunks cuts the postings of the index (built in memory, or decoded
// with every chunk at hand) into chunks of about chunkBytes bytes, each
// a run of whole lists of consecutive terms. If stream is not nil, each
// chunk's file is given to it as soon as it is made, and the chunks
// returned hold no data.
func (ix *Index) makeChunks(chunkBytes int, stream func(PackFile) error) ([]chunk, error) {
	if chunkBytes <= 0 {
		chunkBytes = DefaultChunkBytes
	}
	var out []chunk
	first, size := 0, 0
	var e enc
	flush := func(end int) error {
		e.b = e.b[:0]
		for t := first; t < end; t++ {
			e.uvarint(uint64(len(ix.postingsOf(t))))
		}
		for t := first; t < end; t++ {
			e.b = append(e.b, ix.postingsOf(t)...)
		}
		c := chunk{first: first, n: end - first, size: len(e.b)}
		var err error
		if c.hash, c.data, err = emit(e.b, stream); err != nil {
			return err
		}
		out = append(out, c)
		first, size = end, 0
		return nil
	}
	for t := range ix.terms {
		if size += len(ix.postingsOf(t)); size >= chunkBytes {
			if err := flush(t + 1); err != nil {
				return nil, err
			}
		}
	}
	if first < len(ix.terms) {
		if err := flush(len(ix.terms)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// chunkTable reads the table of chunks and reports whether the chunks are
// files apart (Split).
func (d *dec) chunkTable(ix *Index) bool {
	split := d.bool()
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)-d.p)/2 {
		d.fail("chunk table of " + strconv.FormatUint(n, 10) + " chunks longer than the data")
		return split
	}
	cs := make([]chunk, n)
	first := 0
	for i := range cs {
		c := &cs[i]
		c.first = first
		c.n = int(d.u32())
		c.size = int(d.u32())
		if split {
			c.hash = d.u64()
		}
		if d.err != nil {
			return split
		}
		first += c.n
		if c.n == 0 || first > len(ix.terms) {
			break
		}
	}
	if first != len(ix.terms) {
		d.fail("the chunks end at term " + strconv.Itoa(first) + " of " + strconv.Itoa(len(ix.terms)))
		return split
	}
	ix.chunks = cs
	if split {
		// The file of the lexicon (see lexicon), apart too.
		ix.lexFile = &lexFile{hash: d.u64(), size: int(d.u32())}
	}
	return split
}

// chunkData reads the chunks embedded in the blob; a split index has none.
func (d *dec) chunkData(ix *Index, split bool) {
	if split {
		return
	}
	for i := range ix.chunks {
		c := &ix.chunks[i]
		var off []uint32
		err := errors.New("truncated")
		if c.size <= len(d.s)-d.p {
			c.data = d.s[d.p : d.p+c.size]
			off, err = chunkOffsets(c.data, c.n)
		}
		if err != nil {
			d.fail("chunk " + strconv.Itoa(i) + ": " + err.Error())
			return
		}
		c.off = off
		d.p += c.size
	}
}
