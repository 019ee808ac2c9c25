package search

import "github.com/corpus-explorer/explorer/corpus/index"

// scratch is the working memory of one search: arrays as long as the
// corpus has documents, and the lists of the query words' occurrences.
// An engine keeps the scratch of the last finished search for the next
// one (Engine.spare; searches at the same time make their own), so that a search at each keystroke allocates, and
// the garbage collector sweeps, no memory in proportion to the corpus.
type scratch struct {
	f64   []float64 // the per-document float arrays of search, end to end
	u32   []uint32  // the same for its bit sets
	ok    []bool
	slot  []int32 // per document: its list of occurrences + 1
	lists [][]occ
	buf   []index.Occurrence
	spare []occ // memory a list of occurrences is sorted into (sortOccs)
	// The first pass's postings, one a variant, with the marks of their
	// documents (see search), for the second (occurrences).
	posts  []index.Postings
	marks  []index.Mark
	markAt []int32
	// Lists of documents, reused: touched, famDocs, hit and cands in
	// search.
	touched, famDocs, hit, cands []int
}

// maxKeptMarks bounds the marks of postings a scratch keeps for the next
// search (1 MB).
const maxKeptMarks = 1 << 16

// Per-document arrays of a scratch.
const (
	nFloats = 7
	nBits   = 3
)

// getScratch returns a scratch for a corpus of n documents, with its
// per-document arrays cleared; putScratch gives it back.
func (e *Engine) getScratch(n int) *scratch {
	e.spareMu.Lock()
	sc := e.spare
	e.spare = nil
	e.spareMu.Unlock()
	if sc == nil || len(sc.ok) != n {
		return &scratch{f64: make([]float64, nFloats*n), u32: make([]uint32, nBits*n), ok: make([]bool, n), slot: make([]int32, n)}
	}
	clear(sc.f64)
	clear(sc.u32)
	clear(sc.ok)
	clear(sc.slot)
	return sc
}

func (e *Engine) putScratch(sc *scratch) {
	if cap(sc.marks) > maxKeptMarks {
		sc.marks = nil // a query of very common words: not kept for the next
	}
	e.spareMu.Lock()
	e.spare = sc
	e.spareMu.Unlock()
}
