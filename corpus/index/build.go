package index

import (
	"errors"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/corpus-explorer/explorer/corpus"
)

// Build makes an index of docs with their overview. Document i of docs
// has id i in the postings. It analyses the documents a window at a time
// on all processors and adds them in order (Builder).
func Build(docs []*corpus.Document, ov corpus.Overview) *Index {
	b := NewBuilder()
	const window = 256
	procs := runtime.GOMAXPROCS(0)
	as := make([]*Analysis, window)
	for lo := 0; lo < len(docs); lo += window {
		hi := min(lo+window, len(docs))
		var next atomic.Int64
		var wg sync.WaitGroup
		for range procs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := int(next.Add(1)) - 1; lo+i < hi; i = int(next.Add(1)) - 1 {
					as[i] = Analyse(docs[lo+i])
				}
			}()
		}
		wg.Wait()
		for i := lo; i < hi; i++ {
			b.Add(docs[i], as[i-lo])
			as[i-lo] = nil
		}
	}
	ix, _ := b.Index(ov) // without Spill, no error
	return ix
}

// Builder makes an index of documents added one at a time, in order, each
// analysed beforehand (Analyse) on any goroutine: a build can stream its
// documents through it as they are read, and never hold their analyses
// all at once. The index does not depend on where or when the documents
// were analysed.
//
// With Spill, the builder also moves each document's text, blocks and
// sentences out of memory as it is added, into a temporary file, and
// the index reads them back when it needs them (Marshal writing the
// packs, Content): a build then holds the documents' metadata and
// annotations, and the postings, but not the texts.
type Builder struct {
	docs  []*corpus.Document
	b     *builder
	words []uint32
	spill *spill
	err   error
}

// NewBuilder returns a Builder with no documents.
func NewBuilder() *Builder { return &Builder{b: newBuilder(0)} }

// Analysis is what one document adds to an index, computed by Analyse.
type Analysis struct {
	x     *docIndex
	title string // the title analysed
	words uint32
}

// analysers keeps the scratch space of Analyse between calls.
var analysers = sync.Pool{New: func() any { return newAnalyser() }}

// Analyse cuts document d into what the index needs of it: its terms,
// their frequencies per field and word positions, the stems and written
// forms, the word position of each block and its number of words. It only
// reads d, and is safe to call on several documents at once.
func Analyse(d *corpus.Document) *Analysis {
	an := analysers.Get().(*analyser)
	defer analysers.Put(an)
	return &Analysis{x: an.analyse(d), title: d.Title, words: uint32(min(d.Words(), math.MaxUint32))}
}

// Add adds d as the next document (number Len() before the call), with a,
// its Analysis; a nil a, or one of a document whose title has changed
// since, is computed again. With Spill, d's text, blocks and sentences
// go to the spill file and are set to nil in d. An error (of the spill
// file) sticks: Index returns it.
func (b *Builder) Add(d *corpus.Document, a *Analysis) error {
	if b.err != nil {
		return b.err
	}
	if a == nil || a.title != d.Title {
		a = Analyse(d)
	}
	if b.spill != nil {
		if err := b.spill.put(d); err != nil {
			b.err = err
			return err
		}
		d.Text, d.Blocks, d.Sentences = "", nil, nil
		// The metadata kept may be slices of the text: copies let it go.
		d.Title, d.Date, d.Author = strings.Clone(d.Title), strings.Clone(d.Date), strings.Clone(d.Author)
		d.Section, d.Lang = strings.Clone(d.Section), strings.Clone(d.Lang)
		for i, t := range d.Tags {
			d.Tags[i] = strings.Clone(t)
		}
		for i, w := range d.Warnings {
			d.Warnings[i] = strings.Clone(w)
		}
	}
	b.b.add(len(b.docs), a.x)
	b.docs = append(b.docs, d)
	b.words = append(b.words, a.words)
	return nil
}

// Len returns the number of documents added.
func (b *Builder) Len() int { return len(b.docs) }

// Spill makes the builder keep the texts, blocks and sentences of the
// documents added from now on in a temporary file in dir (the default
// temporary folder if dir is ""), instead of memory. The index's Close
// removes the file (at once where an open file can be removed).
func (b *Builder) Spill(dir string) error {
	if b.spill != nil {
		return nil
	}
	f, err := os.CreateTemp(dir, "explorer-texts-*")
	if err != nil {
		return errors.New("index: making the file of the texts: " + err.Error())
	}
	// Where a file can be removed while open (not on Windows), it goes
	// at once: a build killed halfway leaves nothing behind.
	removed := os.Remove(f.Name()) == nil
	b.spill = &spill{f: f, first: len(b.docs), removed: removed}
	return nil
}

// Index returns the index of the documents added, with their overview
// ov, or the first error of Add. The builder must not be used after.
func (b *Builder) Index(ov corpus.Overview) (*Index, error) {
	ix := &Index{Docs: b.docs, Overview: ov, words: b.words}
	if b.spill != nil {
		ix.spill = b.spill
	}
	if b.err != nil {
		ix.Close()
		return nil, b.err
	}
	b.b.finish(ix)
	ix.bpos = b.b.bpos
	ix.init()
	*b = Builder{}
	return ix, nil
}

// Close releases what the index holds outside memory: the file of the
// texts of an index built with Spill, which it removes. An index built
// with Spill cannot give its texts after Close.
func (ix *Index) Close() error {
	if ix.spill == nil {
		return nil
	}
	return ix.spill.close()
}

// texts gives documents' texts kept outside the index (a *spill).
type texts interface {
	get(i int, d *corpus.Document) (*corpus.Document, error)
	close() error
}

// text returns document i whole: d itself, or a copy with its text,
// blocks and sentences read back from the file of an index built with
// Builder.Spill.
func (ix *Index) text(i int, d *corpus.Document) (*corpus.Document, error) {
	if ix.spill == nil {
		return d, nil
	}
	return ix.spill.get(i, d)
}

// spill is the file where a Builder keeps the texts of the documents from
// number first on: each document's text, blocks and sentences, written
// one after the other (spill.put), found by their offsets.
type spill struct {
	f       *os.File
	first   int
	off     []int64 // where each document's record starts; one more at the end
	buf     enc
	mu      sync.Mutex // guards rd and closed
	rd      []byte
	closed  bool
	removed bool // the file is removed already (it stays while open)
}

// put writes d's text, blocks and sentences at the end of the file.
func (s *spill) put(d *corpus.Document) error {
	if len(s.off) == 0 {
		s.off = append(s.off, 0)
	}
	e := &s.buf
	e.b = e.b[:0]
	e.str(d.Text)
	e.count(len(d.Blocks), d.Blocks == nil)
	for _, b := range d.Blocks {
		e.uvarint(uint64(b.Start))
		e.uvarint(uint64(b.End))
		e.uvarint(uint64(b.Kind))
	}
	e.count(len(d.Sentences), d.Sentences == nil)
	for _, x := range d.Sentences {
		e.uvarint(uint64(x.Start))
		e.uvarint(uint64(x.End))
	}
	if _, err := s.f.Write(e.b); err != nil {
		return errors.New("index: writing the file of the texts: " + err.Error())
	}
	s.off = append(s.off, s.off[len(s.off)-1]+int64(len(e.b)))
	if cap(e.b) > 1<<20 {
		e.b = nil // a huge document's buffer is not kept
	}
	return nil
}

// get returns a copy of d, document number i, with its text, blocks and
// sentences read back from the file; d itself if it was added before the
// spill began.
func (s *spill) get(i int, d *corpus.Document) (*corpus.Document, error) {
	if s == nil || i < s.first {
		return d, nil
	}
	k := i - s.first
	if k+1 >= len(s.off) {
		return nil, errors.New("index: document " + strconv.Itoa(i) + " is not in the file of the texts")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("index: the texts are gone: the index was closed")
	}
	n := int(s.off[k+1] - s.off[k])
	if cap(s.rd) < n || cap(s.rd) > 1<<20 && n < 1<<20 {
		s.rd = make([]byte, n)
	}
	s.rd = s.rd[:n]
	if _, err := s.f.ReadAt(s.rd, s.off[k]); err != nil {
		return nil, errors.New("index: reading the file of the texts: " + err.Error())
	}
	c := *d
	r := dec{s: string(s.rd)}
	c.Text = r.str()
	if n, isNil := r.count(3); !isNil {
		c.Blocks = make([]corpus.Block, n)
		for j := range c.Blocks {
			c.Blocks[j] = corpus.Block{Span: corpus.Span{Start: int(r.uvarint()), End: int(r.uvarint())}, Kind: corpus.BlockKind(r.uvarint())}
		}
	}
	if n, isNil := r.count(2); !isNil {
		c.Sentences = make([]corpus.Span, n)
		for j := range c.Sentences {
			c.Sentences[j] = corpus.Span{Start: int(r.uvarint()), End: int(r.uvarint())}
		}
	}
	if r.err != nil || r.p != len(r.s) {
		return nil, errors.New("index: the file of the texts is corrupt at document " + strconv.Itoa(i))
	}
	return &c, nil
}

// close closes and removes the file.
func (s *spill) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.f.Close()
	if s.removed {
		return err
	}
	if rerr := os.Remove(s.f.Name()); err == nil && !errors.Is(rerr, os.ErrNotExist) {
		err = rerr
	}
	return err
}
