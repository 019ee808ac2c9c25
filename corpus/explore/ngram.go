package explore

import (
	"errors"
	"sort"
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

// gram is a counted sequence of words.
type gram struct {
	count, docs int32
	lastDoc     int32
	doc, pos    int32 // first occurrence
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
	// g[i][j] is the id of the k-gram starting at word j of docs[i] when
	// it may repeat, else -1: for k = 1 the term, then the k-gram ids of
	// the pass that counted them.
	g := make([][]int32, len(docs))
	var one map[uint32]int
	if len(docs) == 1 {
		one = map[uint32]int{}
		for _, id := range t.docs[docs[0]].term {
			one[id]++
		}
	}
	for i, d := range docs {
		w := &t.docs[d]
		g[i] = make([]int32, len(w.term))
		for j, id := range w.term {
			c := t.cf[id]
			if one != nil {
				c = one[id]
			}
			g[i][j] = -1
			if c >= minCount {
				g[i][j] = int32(id)
			}
		}
	}
	// Each pass counts the k-grams whose (k-1)-gram prefix repeats: their
	// places grouped by prefix (a counting sort, which keeps corpus
	// order), then each group's next words told apart by an array over
	// the words rather than a map, which at 15 million words took seconds.
	var grams []gram
	var at, in []int32 // the places of a pass: word at[c] of docs[in[c]]
	stamp := make([]int32, len(t.strs))
	local := make([]int32, len(t.strs))
	space := len(t.strs) // the prefixes' ids: words, then the last pass's grams
	for k := 2; k <= n; k++ {
		start := make([]int32, space+1)
		m := 0
		for i, d := range docs {
			w := &t.docs[d]
			gi := g[i]
			for j := range gi {
				if j+k > len(gi) || gi[j] < 0 || gi[j+1] < 0 || w.flags[j+k-1]&flagBreak != 0 {
					gi[j] = -1
					continue
				}
				start[gi[j]+1]++
				m++
			}
		}
		for p := 1; p <= space; p++ {
			start[p] += start[p-1]
		}
		if cap(at) < m {
			at, in = make([]int32, m), make([]int32, m)
		}
		at, in = at[:m], in[:m]
		for i := range docs {
			for j, p := range g[i] {
				if p >= 0 {
					c := start[p]
					at[c], in[c] = int32(j), int32(i)
					start[p]++
				}
			}
		}
		// start[p] is now where group p ends.
		grams = grams[:0]
		for p, c := 0, int32(0); p < space; p++ {
			for ; c < start[p]; c++ {
				i, j := in[c], at[c]
				d := docs[i]
				next := t.docs[d].term[int(j)+k-1]
				if stamp[next] != int32(p)+1 {
					stamp[next] = int32(p) + 1
					local[next] = int32(len(grams))
					grams = append(grams, gram{lastDoc: -1, doc: int32(d), pos: j})
				}
				id := local[next]
				x := &grams[id]
				x.count++
				if x.lastDoc != int32(d) {
					x.docs++
					x.lastDoc = int32(d)
				}
				g[i][j] = id
			}
		}
		clear(stamp)
		for i := range g {
			for j, id := range g[i] {
				if id >= 0 && int(grams[id].count) < minCount {
					g[i][j] = -1
				}
			}
		}
		space = len(grams)
	}
	var keep []*gram
	for gi := range grams {
		x := &grams[gi]
		if int(x.count) < minCount {
			continue
		}
		w := &t.docs[x.doc]
		allStop := true
		for j := int(x.pos); j < int(x.pos)+n; j++ {
			allStop = allStop && !content(w, j)
		}
		if !allStop {
			keep = append(keep, x)
		}
	}
	r := &Phrases{N: n}
	r.Total = len(keep)
	sort.Slice(keep, func(i, j int) bool {
		a, b := keep[i], keep[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.pos < b.pos
	})
	if len(keep) > limit {
		keep = keep[:limit]
	}
	quoted := make([]int, len(keep))
	for i, x := range keep {
		quoted[i] = int(x.doc)
	}
	texts, err := t.texts(quoted)
	if err != nil {
		return nil, err
	}
	for i, x := range keep {
		d := texts[i]
		w := &t.docs[x.doc]
		r.Phrases = append(r.Phrases, Phrase{Text: clean(d.Text[w.start[x.pos]:w.end[int(x.pos)+n-1]]), Count: int(x.count), Docs: int(x.docs)})
	}
	return r, nil
}
