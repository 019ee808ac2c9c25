package index

import (
	"errors"
	"math"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// DefaultPartBytes is about how many bytes of text a part of a long
// document holds in an index written with Split. A snippet needs the text
// around one passage, not the whole document: a document whose text is
// longer than twice this is also written as parts, each a file of its own,
// so that a results page fetches only the part holding each hit's passage
// (its whole pack is still what the reader, summaries and analyses read).
// Chosen by measuring the bytes the man pages' judged queries fetch
// (tools/bench/textdemand.mjs; see the README).
const DefaultPartBytes = 4 << 10

// PartTailRunes is how many runes of text after its end a part carries
// (then up to the next letter that is not a space), so that a snippet that
// starts in the part reads the same text as from the whole document:
// search's snippets run at most this far past their first word.
const PartTailRunes = 256

// part is a piece of a long document's text: from a block start to the
// next part's first block (the last, to the end), its blocks and the word
// position at which each starts, and the tail of text after it. It is a
// pack file of its own, numbered after the texts' packs and the chunks of
// the postings. Its text is in its document's pack, whose content hash
// names it: HASH-D-I.pack for part I of document D of that pack; a
// 32-bit checksum of its bytes checks it (the module's table holds
// thousands of parts: 8 bytes a name would weigh on every first visit).
type part struct {
	_    [0]func() // not comparable: no equality function in the module
	doc  int
	pos  uint32 // the word position of the part's first word
	sum  uint32 // checksum(data)
	data string // "" while not loaded
}

// docParts is what the index knows of a document written as parts: its
// parts ps.parts[first:first+n], and the word positions of its
// boilerplate blocks, as [start, end) pairs, so that a snippet's passage
// is chosen as from the whole text.
type docParts struct {
	doc, first, n int
	boiler        []uint32
}

// checksum is a part's checksum: the low 32 bits of its FNV-64a hash.
func checksum(data string) uint32 { return uint32(hashOf(data)) }

// NumParts returns the number of parts of long documents (an index
// written with Split); pack NumPacks()+NumChunks()+k is part k.
func (ix *Index) NumParts() int { return len(ix.ps.parts) }

// PartName returns the file name of part k, or "": HASH-D-I.pack, part
// I of document D of the pack named HASH.pack (counted in the pack), so
// that the name changes with the pack's contents.
func (ix *Index) PartName(k int) string {
	if k < 0 || k >= len(ix.ps.parts) {
		return ""
	}
	d := ix.ps.parts[k].doc
	pk := ix.ps.packs[ix.PackOf(d)]
	return partName(pk.hash, d-pk.first, k-ix.partsOf(d).first)
}

func partName(packHash uint64, d, i int) string {
	n := packName(packHash)
	return n[:len(n)-len(".pack")] + "-" + strconv.Itoa(d) + "-" + strconv.Itoa(i) + ".pack"
}

// PartSize returns the size of part k in bytes once added, or 0 (the
// table holds its checksum, not its size).
func (ix *Index) PartSize(k int) int {
	ix.mu.Lock()
	n := len(ix.ps.parts[k].data)
	ix.mu.Unlock()
	return n
}

// partsOf returns what the index knows of document d's parts, or nil.
func (ix *Index) partsOf(d int) *docParts {
	dps := ix.ps.docParts
	i := sort.Search(len(dps), func(i int) bool { return dps[i].doc >= d })
	if i < len(dps) && dps[i].doc == d {
		return &dps[i]
	}
	return nil
}

// HasParts reports whether document d is also written as parts.
func (ix *Index) HasParts(d int) bool { return ix.partsOf(d) != nil }

// PartBoilerplate returns the word ranges of the boilerplate blocks of
// document d, written as parts (see BoilerplateRanges); nil for other
// documents.
func (ix *Index) PartBoilerplate(d int) []uint32 {
	if dp := ix.partsOf(d); dp != nil {
		return dp.boiler
	}
	return nil
}

// BoilerplateRanges returns the word positions of a document's
// boilerplate blocks as [start, end) pairs, given the position at which
// each block starts (bpos): a word at position p is in the last block
// that starts at or before p. Nil when bpos does not match the blocks.
func BoilerplateRanges(blocks []corpus.Block, bpos []uint32) []uint32 {
	if len(bpos) != len(blocks) {
		return nil
	}
	var out []uint32
	for b := range blocks {
		if blocks[b].Kind == corpus.Boilerplate {
			end := uint32(math.MaxUint32)
			if b+1 < len(blocks) {
				end = bpos[b+1]
			}
			out = append(out, bpos[b], end)
		}
	}
	return out
}

// partNum is the pack number of part k.
func (ix *Index) partNum(k int) int { return len(ix.ps.packs) + len(ix.chunks) + k }

// Part returns the part of document d (written as parts) that holds word
// position p: a copy of d's metadata whose text and blocks are the part's
// (with its tail), the word position at which each block starts, and the
// byte offset of the part in d's text. A part not added yet is a
// *PackError wrapping ErrNotLoaded, numbered as a pack. Parts are small:
// each call decodes its part again.
func (ix *Index) Part(d, p int) (*corpus.Document, []uint32, int, error) {
	dp := ix.partsOf(d)
	if dp == nil {
		return nil, nil, 0, errors.New("index: document " + strconv.Itoa(d) + " has no parts")
	}
	ps := ix.ps.parts[dp.first : dp.first+dp.n]
	k := dp.first + max(0, sort.Search(len(ps), func(i int) bool { return int(ps[i].pos) > p })-1)
	ix.mu.Lock()
	data := ix.ps.parts[k].data
	ix.mu.Unlock()
	if data == "" {
		return nil, nil, 0, ix.partError(k, ErrNotLoaded)
	}
	return ix.decodePart(k, data)
}

// partError is the error of part k.
func (ix *Index) partError(k int, err error) error {
	return &PackError{Pack: ix.partNum(k), Name: ix.PartName(k), Err: err}
}

// AddPart gives the index the bytes of part k, from the file PartName(k)
// of an index written with Split (decompressed), checking their checksum
// and that they decode.
func (ix *Index) AddPart(k int, data string) error {
	if k < 0 || k >= len(ix.ps.parts) {
		return errors.New("index: no part " + strconv.Itoa(k))
	}
	if checksum(data) != ix.ps.parts[k].sum {
		return ix.partError(k, errors.New("damaged or truncated: "+strconv.Itoa(len(data))+" bytes, not of the checksum the index has"))
	}
	if _, _, _, err := ix.decodePart(k, data); err != nil {
		return err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.ps.parts[k].data == "" {
		ix.ps.parts[k].data = data
		ix.hold(ix.partNum(k), len(data))
	}
	return nil
}

// decodePart reads part k from data: its offset in its document's text,
// then the part as a document of a pack with no annotations (enc.content).
func (ix *Index) decodePart(k int, data string) (*corpus.Document, []uint32, int, error) {
	d := dec{s: data}
	off := int(d.u32())
	x := *ix.Docs[ix.ps.parts[k].doc]
	bpos := d.content(&x, ix.Docs)
	if d.err == nil && d.p != len(d.s) {
		d.fail("bytes left over")
	}
	if d.err != nil {
		return nil, nil, 0, ix.partError(k, errors.New("corrupt: "+d.err.Error()))
	}
	return &x, bpos, off, nil
}

// makeParts cuts the long documents of an index (built in memory, or
// decoded with its packs) into parts of about partBytes bytes of text
// (0: DefaultPartBytes): at block
// starts, never before the first paragraph (where a snippet without a
// match in the text starts), and not leaving a last part under half that.
func (ix *Index) makeParts(partBytes int) ([]part, []docParts, error) {
	if partBytes <= 0 {
		partBytes = DefaultPartBytes
	}
	var parts []part
	var dps []docParts
	var e enc
	for d := range ix.Docs {
		doc, bpos, err := ix.ContentPositions(d)
		if err != nil {
			return nil, nil, err
		}
		if len(doc.Text) <= 2*partBytes || len(bpos) != len(doc.Blocks) {
			continue
		}
		bs := doc.Blocks
		para := 0
		for para < len(bs) && bs[para].Kind != corpus.Paragraph {
			para++
		}
		if para == len(bs) {
			para = 0
		}
		cuts := []int{0} // the first block of each part
		for b := para + 1; b < len(bs); b++ {
			start := bs[cuts[len(cuts)-1]].Start
			if cuts[len(cuts)-1] == 0 {
				start = 0
			}
			prev := uint32(0)
			if c := cuts[len(cuts)-1]; c > 0 {
				prev = bpos[c]
			}
			if bs[b].Start-start >= partBytes && len(doc.Text)-bs[b].Start >= partBytes/2 && bpos[b] > prev {
				cuts = append(cuts, b)
			}
		}
		if len(cuts) < 2 {
			continue
		}
		dp := docParts{doc: d, first: len(parts), n: len(cuts), boiler: BoilerplateRanges(bs, bpos)}
		for i, b := range cuts {
			lo, bEnd, end := bs[b].Start, len(bs), len(doc.Text)
			if i == 0 {
				lo = 0
			}
			if i+1 < len(cuts) {
				bEnd, end = cuts[i+1], bs[cuts[i+1]].Start
			}
			tail := tailEnd(doc.Text, end)
			view := corpus.Document{Text: doc.Text[lo:tail], Blocks: make([]corpus.Block, bEnd-b)}
			for j := range view.Blocks {
				view.Blocks[j] = bs[b+j]
				view.Blocks[j].Start -= lo
				view.Blocks[j].End -= lo
			}
			pos := uint32(0)
			if i > 0 {
				pos = bpos[b]
			}
			e.b = e.b[:0]
			e.uvarint(uint64(lo))
			e.content(&view, bpos[b:bEnd], nil)
			data := string(e.b)
			parts = append(parts, part{doc: d, pos: pos, sum: checksum(data), data: data})
		}
		dps = append(dps, dp)
	}
	return parts, dps, nil
}

// tailEnd returns where a part that ends at byte end of text stops
// carrying text: PartTailRunes runes on, then past the next rune that is
// not a space, or the end of the text.
func tailEnd(text string, end int) int {
	for k := 0; k < PartTailRunes && end < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		end += size
		if !unicode.IsSpace(r) {
			break
		}
	}
	return end
}

// partTable writes the parts of long documents (none unless split).
func (e *enc) partTable(parts []part, dps []docParts) {
	e.uvarint(uint64(len(dps)))
	prev := 0
	for _, dp := range dps {
		e.uvarint(uint64(dp.doc - prev))
		prev = dp.doc
		e.uvarint(uint64(dp.n))
		last := uint32(0)
		for _, pt := range parts[dp.first : dp.first+dp.n] {
			e.uvarint(uint64(pt.pos - last))
			last = pt.pos
			e.sum32(pt.sum)
		}
		e.uvarint(uint64(len(dp.boiler) / 2))
		last = 0
		for i := 0; i < len(dp.boiler); i += 2 {
			e.uvarint(uint64(dp.boiler[i] - last))
			e.uvarint(uint64(dp.boiler[i+1] - dp.boiler[i]))
			last = dp.boiler[i+1]
		}
	}
}

// partTable reads what enc.partTable wrote.
func (d *dec) partTable(ix *Index) {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(ix.Docs)) {
		d.fail("parts of too many documents")
		return
	}
	if n == 0 {
		return
	}
	ix.ps.docParts = make([]docParts, 0, n)
	doc := 0
	for i := uint64(0); i < n; i++ {
		delta := int(d.u32())
		doc += delta
		if i > 0 && delta == 0 {
			d.fail("parts of a document twice")
			return
		}
		np := d.u32()
		if d.err != nil || doc >= len(ix.Docs) || np < 2 || uint64(np) > uint64(len(d.s)-d.p)/5 {
			d.fail("parts out of range")
			return
		}
		dp := docParts{doc: doc, first: len(ix.ps.parts), n: int(np)}
		pos := uint64(0)
		for k := 0; k < int(np); k++ {
			pos += d.uvarint()
			sum := d.sum32()
			if d.err != nil || pos > math.MaxUint32 || (k == 0) != (pos == 0) {
				d.fail("parts out of range")
				return
			}
			ix.ps.parts = append(ix.ps.parts, part{doc: doc, pos: uint32(pos), sum: sum})
		}
		nb := d.u32()
		if d.err != nil || uint64(nb) > uint64(len(d.s)-d.p)/2 {
			d.fail("parts out of range")
			return
		}
		last := uint64(0)
		for k := 0; k < int(nb); k++ {
			start := last + d.uvarint()
			end := start + d.uvarint()
			if d.err != nil || end > math.MaxUint32 {
				d.fail("parts out of range")
				return
			}
			dp.boiler = append(dp.boiler, uint32(start), uint32(end))
			last = end
		}
		ix.ps.docParts = append(ix.ps.docParts, dp)
	}
}

// sum32 writes a checksum, 4 bytes little-endian.
func (e *enc) sum32(v uint32) {
	e.b = append(e.b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

// sum32 reads what enc.sum32 wrote.
func (d *dec) sum32() uint32 {
	if d.err != nil {
		return 0
	}
	if len(d.s)-d.p < 4 {
		d.fail("truncated checksum")
		return 0
	}
	v := uint32(d.s[d.p]) | uint32(d.s[d.p+1])<<8 | uint32(d.s[d.p+2])<<16 | uint32(d.s[d.p+3])<<24
	d.p += 4
	return v
}
