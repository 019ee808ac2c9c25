package explore

import (
	"errors"
	"slices"
	"strconv"
)

// Bounds of repeated phrases.
const (
	MinGram = 2
	MaxGram = 6
)

// PhraseOptions choose the repeated phrases listed.
type PhraseOptions struct {
	N        int   // words per phrase, MinGram to MaxGram; 0 means 3
	MinCount int   // least occurrences; 0 means 2
	Limit    int   // phrases returned; 0 means DefaultLimit
	Docs     []int // the documents to look in; nil means all
}

// Phrase is a repeated sequence of words.
type Phrase struct {
	Text  string // as first written
	Count int
	Docs  int
}

// Phrases are the repeated n-grams of some documents, most frequent
// first.
type Phrases struct {
	N       int
	Total   int // distinct phrases repeated at least MinCount times
	Phrases []Phrase
}

type gramKey [MaxGram]uint32

type gramCount struct {
	count, docs, lastDoc int
	doc, pos             int // first occurrence
}

// Phrases returns the sequences of N words repeated at least MinCount
// times, within sentences, leaving out those made of stopwords and
// numbers alone. It counts the shorter sequences first and looks for
// longer ones only where their parts repeat.
func (t *Table) Phrases(opt PhraseOptions) (*Phrases, error) {
	n := opt.N
	if n == 0 {
		n = 3
	}
	if n < MinGram || n > MaxGram {
		return nil, errors.New("n out of range: " + strconv.Itoa(n) + ", want " + strconv.Itoa(MinGram) + " to " + strconv.Itoa(MaxGram))
	}
	minCount, limit := opt.MinCount, opt.Limit
	if minCount <= 0 {
		minCount = 2
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	docs := opt.Docs
	if docs == nil {
		docs = make([]int, len(t.docs))
		for i := range docs {
			docs[i] = i
		}
	}
	// cand[d][j]: a k-gram starting at word j of docs[d] repeats.
	cand := make([][]bool, len(docs))
	var counts map[gramKey]*gramCount
	if len(docs) == 1 {
		one := map[uint32]int{}
		for _, id := range t.docs[docs[0]].term {
			one[id]++
		}
		for _, d := range docs {
			w := &t.docs[d]
			cand[0] = make([]bool, len(w.term))
			for j, id := range w.term {
				cand[0][j] = one[id] >= minCount
			}
		}
	} else {
		for i, d := range docs {
			w := &t.docs[d]
			cand[i] = make([]bool, len(w.term))
			for j, id := range w.term {
				cand[i][j] = t.cf[id] >= minCount
			}
		}
	}
	for k := 2; k <= n; k++ {
		counts = map[gramKey]*gramCount{}
		for i, d := range docs {
			w := &t.docs[d]
			c := cand[i]
			for j := 0; j+k <= len(w.term); j++ {
				if !c[j] || !c[j+1] || w.flags[j+k-1]&flagBreak != 0 {
					continue
				}
				var key gramKey
				copy(key[:], w.term[j:j+k])
				g := counts[key]
				if g == nil {
					g = &gramCount{lastDoc: -1, doc: d, pos: j}
					counts[key] = g
				}
				g.count++
				if g.lastDoc != d {
					g.docs++
					g.lastDoc = d
				}
			}
		}
		// The k-grams that repeat are the candidates for k+1.
		for i, d := range docs {
			w := &t.docs[d]
			c := cand[i]
			for j := range c {
				ok := false
				if j+k <= len(w.term) && c[j] && c[j+1] && w.flags[j+k-1]&flagBreak == 0 {
					var key gramKey
					copy(key[:], w.term[j:j+k])
					g := counts[key]
					ok = g != nil && g.count >= minCount
				}
				c[j] = ok
			}
		}
	}
	r := &Phrases{N: n}
	var keep []*gramCount
	for _, g := range counts {
		if g.count < minCount {
			continue
		}
		w := &t.docs[g.doc]
		allStop := true
		for j := g.pos; j < g.pos+n; j++ {
			allStop = allStop && !content(w, j)
		}
		if allStop {
			continue
		}
		keep = append(keep, g)
	}
	r.Total = len(keep)
	slices.SortFunc(keep, func(a, b *gramCount) int {
		if a.count != b.count {
			return b.count - a.count
		}
		if a.doc != b.doc {
			return a.doc - b.doc
		}
		return a.pos - b.pos
	})
	if len(keep) > limit {
		keep = keep[:limit]
	}
	for _, g := range keep {
		d, err := t.src.Doc(g.doc)
		if err != nil {
			return nil, err
		}
		w := &t.docs[g.doc]
		r.Phrases = append(r.Phrases, Phrase{Text: clean(d.Text[w.start[g.pos]:w.end[g.pos+n-1]]), Count: g.count, Docs: g.docs})
	}
	return r, nil
}
