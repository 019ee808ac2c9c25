package explore

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
)

// KWICOptions choose the lines of a concordance.
type KWICOptions struct {
	Match   Match
	Sort    string // "" or "document": corpus order; "date"; "left": by the words before; "right": by the words after
	Offset  int    // lines skipped
	Limit   int    // lines returned; 0 means DefaultLimit
	Context int    // words each side; 0 means DefaultContext
	Docs    []int  // the documents to look in; nil means all
	// Near keeps the occurrences with this word (matched as Match says)
	// within Window words (default 5) on either side: the concordance of
	// a collocate pair.
	Near   string
	Window int
}

// Defaults of the analyses' options.
const (
	DefaultLimit   = 50
	DefaultContext = 8
	MaxContext     = 30
)

// Line is one occurrence of a concordance, with its context.
type Line struct {
	ID, Title, Date  string
	Left, Hit, Right string
	Start, End       int // UTF-16 range of the hit in the document's text
	Pos              int // word number of the hit in the document
}

// Concordance is a page of the lines of a concordance.
type Concordance struct {
	Query  string
	Match  Match
	Sort   string
	Total  int // occurrences in all
	Docs   int // documents holding one
	Offset int
	Lines  []Line
}

// KWIC returns the concordance of q (a word or a phrase): every
// occurrence, in the order asked, a page of them with their contexts.
func (t *Table) KWIC(q string, opt KWICOptions) (*Concordance, error) {
	p, err := t.compile(q, opt.Match)
	if err != nil {
		return nil, err
	}
	limit, ctx := opt.Limit, opt.Context
	if limit <= 0 {
		limit = DefaultLimit
	}
	if ctx <= 0 {
		ctx = DefaultContext
	}
	ctx = min(ctx, MaxContext)
	hs := t.hits(p, opt.Docs)
	if opt.Near != "" {
		if hs, err = t.near(hs, p.n, opt); err != nil {
			return nil, err
		}
	}
	c := &Concordance{Query: q, Match: opt.Match, Sort: opt.Sort, Total: len(hs), Offset: opt.Offset}
	last := -1
	for _, h := range hs {
		if h.doc != last {
			c.Docs++
			last = h.doc
		}
	}
	if err := t.sortHits(hs, p.n, opt.Sort); err != nil {
		return nil, err
	}
	if opt.Offset >= len(hs) {
		return c, nil
	}
	hs = hs[opt.Offset:min(len(hs), opt.Offset+limit)]
	docs := make([]int, len(hs))
	for i, h := range hs {
		docs[i] = h.doc
	}
	texts, err := t.texts(docs)
	if err != nil {
		return nil, err
	}
	for i, h := range hs {
		c.Lines = append(c.Lines, t.line(texts[i], h, p.n, ctx))
	}
	return c, nil
}

// line cuts the occurrence h of n words out of its document d.
func (t *Table) line(d *corpus.Document, h hit, n, ctx int) Line {
	w := &t.docs[h.doc]
	m := &t.meta[h.doc]
	hs, he := int(w.start[h.pos]), int(w.end[h.pos+n-1])
	ls := hs
	if j := h.pos - ctx; j >= 0 {
		ls = int(w.start[j])
	} else {
		ls = lineStart(d.Text, int(w.start[0]))
	}
	re := he
	if j := h.pos + n - 1 + ctx; j < len(w.end) {
		re = int(w.end[j])
	} else {
		re = len(d.Text)
	}
	u := corpus.NewUTF16Offsets(d.Text)
	start := u.Of(hs)
	return Line{
		ID: m.ID, Title: m.Title, Date: m.Date,
		Left: clean(d.Text[ls:hs]), Hit: clean(d.Text[hs:he]), Right: clean(d.Text[he:re]),
		Start: start, End: u.Of(he), Pos: h.pos,
	}
}

func lineStart(text string, i int) int {
	return strings.LastIndexByte(text[:i], '\n') + 1
}

// sortHits orders the occurrences of a pattern of n words.
func (t *Table) sortHits(hs []hit, n int, by string) error {
	switch by {
	case "", "document":
		return nil // already in corpus order
	case "date":
		sort.SliceStable(hs, func(i, j int) bool { return t.meta[hs[i].doc].Date < t.meta[hs[j].doc].Date })
	case "left":
		t.sortSide(hs, -1, 0)
	case "right":
		t.sortSide(hs, 1, n-1)
	default:
		return errors.New("unknown sort " + strconv.Quote(by) + `: want "document", "date", "left" or "right"`)
	}
	return nil
}

// sortSide sorts occurrences on their words in direction dir from offset
// off: on keys of the first three words' ranks, then on more words for
// the ties.
func (t *Table) sortSide(hs []hit, dir, off int) {
	type keyed struct {
		k [3]uint32 // rank+1 of each word, 0 for none
		h hit
	}
	ks := make([]keyed, len(hs))
	for i, h := range hs {
		w := &t.docs[h.doc]
		ks[i].h = h
		for k := 0; k < 3; k++ {
			if j := h.pos + off + dir*(k+1); j >= 0 && j < len(w.term) {
				ks[i].k[k] = t.rank[w.term[j]] + 1
			} else {
				break
			}
		}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := &ks[i], &ks[j]
		for i := range a.k {
			if a.k[i] != b.k[i] {
				return a.k[i] < b.k[i]
			}
		}
		return a.k[2] != 0 && t.compareSide(a.h, b.h, dir, off) < 0
	})
	for i := range ks {
		hs[i] = ks[i].h
	}
}

// compareSide compares the words of two occurrences going away from them
// in direction dir (-1 left, 1 right) from offset off of the occurrence:
// the first word, then the second…; a missing word sorts first.
func (t *Table) compareSide(a, b hit, dir, off int) int {
	wa, wb := &t.docs[a.doc], &t.docs[b.doc]
	for k := 1; k <= MaxContext; k++ {
		i, j := a.pos+off+dir*k, b.pos+off+dir*k
		ia, ib := i >= 0 && i < len(wa.term), j >= 0 && j < len(wb.term)
		switch {
		case !ia && !ib:
			return 0
		case !ia:
			return -1
		case !ib:
			return 1
		}
		if ra, rb := t.rank[wa.term[i]], t.rank[wb.term[j]]; ra != rb {
			if ra < rb {
				return -1
			}
			return 1
		}
	}
	return 0
}

// near keeps the occurrences (of n words) that have a word of opt.Near
// within opt.Window words.
func (t *Table) near(hs []hit, n int, opt KWICOptions) ([]hit, error) {
	win := opt.Window
	if win == 0 {
		win = 5
	}
	if win < 1 || win > MaxWindow {
		return nil, errors.New("window out of range: " + strconv.Itoa(win) + ", want 1 to " + strconv.Itoa(MaxWindow))
	}
	q, err := t.compile(opt.Near, opt.Match)
	if err != nil {
		return nil, err
	}
	if q.n != 1 {
		return nil, errors.New("near takes one word, not " + strconv.Quote(opt.Near))
	}
	out := hs[:0]
	for _, h := range hs {
		li := t.langIndex(t.meta[h.doc].Lang)
		if li < 0 || !q.ok[li] {
			continue
		}
		id := q.ids[li][0]
		w := &t.docs[h.doc]
		seq := w.term
		if opt.Match == Forms {
			seq = w.stem
		}
		found := false
		for k := max(0, h.pos-win); k < min(len(seq), h.pos+n+win) && !found; k++ {
			found = (k < h.pos || k >= h.pos+n) && seq[k] == id
		}
		if found {
			out = append(out, h)
		}
	}
	return out, nil
}
