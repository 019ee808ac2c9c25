package explore

import (
	"errors"
	"slices"
	"strconv"
)

// CollocateOptions choose the collocates of a word.
type CollocateOptions struct {
	Match    Match
	Window   int  // words each side, 1 to MaxWindow; 0 means 5
	Limit    int  // collocates returned; 0 means DefaultLimit
	MinCount int  // least co-occurrences; 0 means 2
	Stop     bool // keep stopwords and numbers
	Docs     []int
}

// MaxWindow is the widest window of collocates.
const MaxWindow = 10

// Collocate is a word found near another, with its counts and its
// association.
type Collocate struct {
	Word        string
	Count       int // times in the windows
	Left, Right int // of which before and after
	Freq        int // times in the corpus
	LL          float64
}

// Collocates are the words found near a node word, most associated
// first, with the figures the association was computed from.
type Collocates struct {
	Query      string
	Window     int
	Measure    string // "log-likelihood"
	Hits       int    // occurrences of the node
	WindowSize int    // words in all the windows
	Tokens     int    // words in the corpus
	Words      []Collocate
}

// Collocates returns the words most associated with q within a window
// of words each side of its occurrences, ranked by log-likelihood; only
// words seen more often than chance would have them are kept. Windows
// stay inside a document, and a word in the windows of two occurrences
// counts once.
func (t *Table) Collocates(q string, opt CollocateOptions) (*Collocates, error) {
	win := opt.Window
	if win == 0 {
		win = 5
	}
	if win < 1 || win > MaxWindow {
		return nil, errors.New("window out of range: " + strconv.Itoa(win) + ", want 1 to " + strconv.Itoa(MaxWindow))
	}
	limit, minCount := opt.Limit, opt.MinCount
	if limit <= 0 {
		limit = DefaultLimit
	}
	if minCount <= 0 {
		minCount = 2
	}
	p, err := t.compile(q, opt.Match)
	if err != nil {
		return nil, err
	}
	hs := t.hits(p, opt.Docs)
	r := &Collocates{Query: q, Window: win, Measure: "log-likelihood", Hits: len(hs), Tokens: t.tokens}
	count := map[uint32]*Collocate{}
	for i := 0; i < len(hs); {
		d := hs[i].doc
		j := i
		for j < len(hs) && hs[j].doc == d {
			j++
		}
		w := &t.docs[d]
		// Mark the window words of this document's occurrences once.
		in := make(map[int]int8) // position -> -1 left, 1 right, 2 node
		for _, h := range hs[i:j] {
			for k := h.pos; k < h.pos+p.n; k++ {
				in[k] = 2
			}
		}
		for _, h := range hs[i:j] {
			for k := max(0, h.pos-win); k < h.pos; k++ {
				if in[k] == 0 {
					in[k] = -1
				}
			}
			for k := h.pos + p.n; k < min(len(w.term), h.pos+p.n+win); k++ {
				if in[k] == 0 {
					in[k] = 1
				}
			}
		}
		for k, side := range in {
			if side == 2 {
				continue
			}
			r.WindowSize++
			if !opt.Stop && !content(w, k) {
				continue
			}
			id := w.term[k]
			c := count[id]
			if c == nil {
				c = &Collocate{Word: t.Display(id), Freq: t.cf[id]}
				count[id] = c
			}
			c.Count++
			if side < 0 {
				c.Left++
			} else {
				c.Right++
			}
		}
		i = j
	}
	n, r1 := t.tokens, r.WindowSize
	for _, c := range count {
		if c.Count < minCount {
			continue
		}
		// Within the windows (r1 words) against outside them.
		a, b := c.Count, c.Freq-c.Count
		if float64(a)*float64(n-r1) <= float64(b)*float64(r1) {
			continue // not above chance
		}
		c.LL = LogLikelihood(a, b, r1, n-r1)
		r.Words = append(r.Words, *c)
	}
	slices.SortFunc(r.Words, func(x, y Collocate) int {
		switch {
		case x.LL > y.LL:
			return -1
		case x.LL < y.LL:
			return 1
		}
		return compareStrings(x.Word, y.Word)
	})
	if len(r.Words) > limit {
		r.Words = r.Words[:limit]
	}
	return r, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
