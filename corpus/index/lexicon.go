package index

import (
	"errors"
	"strconv"
)

// lexicon is what the vocabulary keeps of each term that neither finding
// nor ranking documents reads: its occurrences in the corpus (Freq) and
// the form it is most often written in (Display), and the real words the
// corpus lacks that are near its terms (SetAbsentWords). Only the
// completions of a word being typed, a query's did-you-mean and a query
// word the corpus lacks read them, so an index
// written with Split writes the lexicon as a file apart (LexiconName),
// fetched when one of those first needs it (HasLexicon, AddLexicon), and
// the module that carries the rest is that much smaller: the man pages'
// split module, 867 KB brotli, loses 36 KB, all of it before the first
// answer.
type lexicon struct {
	cf      []uint32      // per term: occurrences
	display []termDisplay // by term: the written forms that are not the term itself
	absent  wordSet       // real words the corpus lacks (SetAbsentWords)
}

// lexFile is where the lexicon of a split index is: a file apart.
type lexFile struct {
	hash uint64 // FNV-64a of the bytes: the file's name
	size int    // bytes
}

// HasLexicon reports whether the lexicon (Freq, Display) is at hand: it
// is, but for an index written with Split before AddLexicon.
func (ix *Index) HasLexicon() bool { return ix.lex.Load() != nil }

// LexiconApart reports whether the lexicon is a file apart (written with
// Split), added or not.
func (ix *Index) LexiconApart() bool { return ix.lexFile != nil }

// LexiconName returns the file name of the lexicon of an index written
// with Split (its content hash), or "".
func (ix *Index) LexiconName() string {
	if ix.lexFile == nil {
		return ""
	}
	return packName(ix.lexFile.hash)
}

// LexiconSize returns the size in bytes of the lexicon's file, or 0.
func (ix *Index) LexiconSize() int {
	if ix.lexFile == nil {
		return 0
	}
	return ix.lexFile.size
}

// LexiconPack is the number of the lexicon's file among the files of an
// index written with Split, NumPacks()+NumChunks()+NumParts(): after the
// texts' packs, the chunks and the parts (see MarshalOptions.Split).
func (ix *Index) LexiconPack() int { return len(ix.ps.packs) + len(ix.chunks) + len(ix.ps.parts) }

// AddLexicon gives the index the bytes of its lexicon, from the file
// LexiconName of an index written with Split (decompressed). It checks
// their size, their hash and that they decode, so that a truncated or
// wrong file is a *PackError naming it (as index pack LexiconPack), and
// the index is left as it was.
func (ix *Index) AddLexicon(data string) error {
	f := ix.lexFile
	if f == nil {
		return errors.New("index: the lexicon is not a file apart")
	}
	msg := checkFile(data, f.size, f.hash)
	if msg == "" {
		d := dec{s: data}
		if lx := d.lexicon(ix); d.err == nil && d.p == len(d.s) {
			ix.lex.Store(lx)
			return nil
		}
		msg = "corrupt"
	}
	return &PackError{ix.LexiconPack(), packName(f.hash), errors.New(msg), true}
}

// lexicon writes the lexicon: each term's occurrences beyond one a
// document, then each display form as the term's id (a delta), the
// length of the prefix it shares with its term ("num" of "numerique"),
// then the rest ("érique").
func (e *enc) lexicon(ix *Index, lx *lexicon) {
	for i, cf := range lx.cf {
		e.uvarint(uint64(cf - ix.df[i]))
	}
	e.count(len(lx.display), false)
	last := uint32(0)
	for _, d := range lx.display {
		e.uvarint(uint64(d.term - last))
		term := ix.terms[d.term]
		p := 0
		for p < len(term) && p < len(d.form) && term[p] == d.form[p] {
			p++
		}
		e.uvarint(uint64(p))
		e.str(d.form[p:])
		last = d.term
	}
	e.uvarint(uint64(lx.absent.n))
	e.str(lx.absent.data)
}

// lexicon reads a lexicon that enc.lexicon wrote, for the terms and
// document frequencies of ix.
func (d *dec) lexicon(ix *Index) *lexicon {
	n := uint64(len(ix.terms))
	lx := &lexicon{cf: make([]uint32, n)}
	for i, df := range ix.df {
		if cf := uint64(df) + uint64(d.u32()); cf <= 1<<32-1 {
			lx.cf[i] = uint32(cf)
		} else {
			d.fail("term frequency out of range")
		}
	}
	m, _ := d.count(3)
	lx.display = make([]termDisplay, m)
	last := uint64(0)
	for i := range lx.display {
		last += d.uvarint()
		p := d.uvarint()
		rest := d.str()
		if d.err != nil {
			return nil
		}
		if last >= n || p > uint64(len(ix.terms[last])) {
			d.fail("display form of term " + strconv.FormatUint(last, 10) + " beyond the vocabulary")
			return nil
		}
		lx.display[i] = termDisplay{uint32(last), ix.terms[last][:p] + rest}
	}
	n, data := d.uvarint(), d.str()
	if d.err != nil {
		return nil
	}
	var msg string
	if lx.absent, msg = decodeWordSet(int(min(n, maxWordSet+1)), data); msg != "" {
		d.fail("absent words: " + msg)
		return nil
	}
	return lx
}
