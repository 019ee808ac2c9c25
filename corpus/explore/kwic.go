package explore

import (
	"errors"
	"slices"
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
	texts := map[int]*corpus.Document{}
	for _, h := range hs {
		d, ok := texts[h.doc]
		if !ok {
			if d, err = t.src.Doc(h.doc); err != nil {
				return nil, errors.New("explore: document " + strconv.Quote(t.meta[h.doc].ID) + ": " + err.Error())
			}
			texts[h.doc] = d
		}
		c.Lines = append(c.Lines, t.line(d, h, p.n, ctx))
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
		slices.SortStableFunc(hs, func(a, b hit) int {
			return strings.Compare(t.meta[a.doc].Date, t.meta[b.doc].Date)
		})
	case "left":
		slices.SortStableFunc(hs, func(a, b hit) int { return t.compareSide(a, b, -1, 0) })
	case "right":
		slices.SortStableFunc(hs, func(a, b hit) int { return t.compareSide(a, b, 1, n-1) })
	default:
		return errors.New("unknown sort " + strconv.Quote(by) + `: want "document", "date", "left" or "right"`)
	}
	return nil
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
		if c := strings.Compare(t.strs[wa.term[i]], t.strs[wb.term[j]]); c != 0 {
			return c
		}
	}
	return 0
}
