package explore

import (
	"errors"
	"sort"
	"strconv"
)

// MaxTrendTerms is the most terms of a trend.
const MaxTrendTerms = 5

// TrendOptions choose how a trend is counted.
type TrendOptions struct {
	Match Match
	By    string // "month", "year", "folder", "author"; "" chooses (see Trend)
	Limit int    // documents returned, the most frequent first; 0 means DefaultLimit
}

// TrendDoc is the counts of the terms in one document.
type TrendDoc struct {
	Doc    int
	ID     string
	Title  string
	Words  int
	Counts []int
	Per10k []float64
}

// TrendGroup is the counts of the terms in a group of documents (a
// period, a folder or an author).
type TrendGroup struct {
	Key    string
	Docs   int
	Words  int
	Counts []int
	Per10k []float64
}

// Trend is the frequency of a few terms per group of documents, and in
// the documents where they are most frequent.
type Trend struct {
	Terms  []string
	By     string
	Totals []int
	// Holding is the number of documents holding one of the terms; Docs
	// are the first Limit of them by their highest rate per 10,000 words
	// (ties in corpus order).
	Holding int
	Docs    []TrendDoc
	Groups  []TrendGroup // every group, in order (periods in time order, with the empty ones)
}

// Trend counts each of terms (words or phrases) in every document, and
// gives their frequency per 10,000 words per group: per month or year
// when documents have dates (by month when they span at most three
// years), per folder otherwise, or per author when every document is in
// one folder; and in the documents where one of them is most frequent.
func (t *Table) Trend(terms []string, opt TrendOptions) (*Trend, error) {
	if len(terms) == 0 || len(terms) > MaxTrendTerms {
		return nil, errors.New("terms out of range: " + strconv.Itoa(len(terms)) + ", want 1 to " + strconv.Itoa(MaxTrendTerms))
	}
	ps := make([]*pattern, len(terms))
	for i, q := range terms {
		p, err := t.compile(q, opt.Match)
		if err != nil {
			return nil, err
		}
		ps[i] = p
	}
	by := opt.By
	if by == "" {
		by = t.by
	}
	key, err := t.grouping(by)
	if err != nil {
		return nil, err
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	nt := len(terms)
	r := &Trend{Terms: terms, By: by, Totals: make([]int, nt)}
	// counts[d*nt+i]: occurrences of term i in document d.
	counts := make([]int32, len(t.docs)*nt)
	for i, p := range ps {
		t.countInto(p, counts[i:], nt)
	}
	type ranked struct {
		doc  int
		rate float64
	}
	// top is the limit documents with the highest rates so far, highest
	// first (ties in corpus order): each document holding a term goes in
	// by insertion, or not at all, without sorting them all.
	top := make([]ranked, 0, min(limit, len(t.docs)))
	groups := map[string]*TrendGroup{}
	var last *TrendGroup
	lastKey := ""
	for d := range t.docs {
		c := counts[d*nt : d*nt+nt]
		words := len(t.docs[d].term)
		best := -1.0
		for i, n := range c {
			r.Totals[i] += int(n)
			if n > 0 {
				best = max(best, per10k(int(n), words))
			}
		}
		if best >= 0 {
			r.Holding++
			if len(top) < limit || best > top[len(top)-1].rate {
				i := len(top)
				if i == limit {
					i--
				} else {
					top = append(top, ranked{})
				}
				for ; i > 0 && best > top[i-1].rate; i-- {
					top[i] = top[i-1]
				}
				top[i] = ranked{d, best}
			}
		}
		k, ok := key(d)
		if !ok {
			continue
		}
		g := last
		if g == nil || k != lastKey {
			if g = groups[k]; g == nil {
				g = &TrendGroup{Key: k, Counts: make([]int, nt)}
				groups[k] = g
			}
			last, lastKey = g, k
		}
		g.Docs++
		g.Words += words
		for i, n := range c {
			g.Counts[i] += int(n)
		}
	}
	for _, x := range top {
		m := &t.meta[x.doc]
		words := len(t.docs[x.doc].term)
		c := make([]int, nt)
		for i, n := range counts[x.doc*nt : x.doc*nt+nt] {
			c[i] = int(n)
		}
		r.Docs = append(r.Docs, TrendDoc{Doc: x.doc, ID: m.ID, Title: m.Title, Words: words, Counts: c, Per10k: rates(c, words)})
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	if by == "month" || by == "year" {
		keys = fillPeriods(keys, by)
	}
	for _, k := range keys {
		g := groups[k]
		if g == nil {
			g = &TrendGroup{Key: k, Counts: make([]int, nt)}
		}
		g.Per10k = rates(g.Counts, g.Words)
		r.Groups = append(r.Groups, *g)
	}
	return r, nil
}

func rates(counts []int, words int) []float64 {
	out := make([]float64, len(counts))
	for i, c := range counts {
		out[i] = per10k(c, words)
	}
	return out
}

// defaultGrouping chooses how to group the documents.
func (t *Table) defaultGrouping() string {
	lo, hi, dated := "", "", 0
	folders, authors := map[string]bool{}, map[string]bool{}
	for i := range t.meta {
		m := &t.meta[i]
		folders[m.Folder()] = true
		if m.Author != "" {
			authors[m.Author] = true
		}
		if len(m.Date) >= 4 {
			dated++
			if lo == "" || m.Date < lo {
				lo = m.Date
			}
			if m.Date > hi {
				hi = m.Date
			}
		}
	}
	switch {
	case dated > 0 && dated*2 >= len(t.meta):
		if ly, hy := atoi(lo[:4]), atoi(hi[:4]); hy-ly <= 3 {
			return "month"
		}
		return "year"
	case len(folders) <= 1 && len(authors) > 1:
		return "author"
	}
	return "folder"
}

// grouping returns the function giving a document's group.
func (t *Table) grouping(by string) (func(d int) (string, bool), error) {
	switch by {
	case "month":
		return func(d int) (string, bool) {
			s := t.meta[d].Date
			return s[:min(len(s), 7)], len(s) >= 7
		}, nil
	case "year":
		return func(d int) (string, bool) {
			s := t.meta[d].Date
			return s[:min(len(s), 4)], len(s) >= 4
		}, nil
	case "folder":
		return func(d int) (string, bool) { return t.meta[d].Folder(), true }, nil
	case "author":
		return func(d int) (string, bool) { return t.meta[d].Author, true }, nil
	}
	return nil, errors.New("unknown grouping " + strconv.Quote(by) + `: want "month", "year", "folder" or "author"`)
}

// fillPeriods returns the sorted periods keys (YYYY or YYYY-MM) with the
// missing ones between them added.
func fillPeriods(keys []string, by string) []string {
	if len(keys) < 2 {
		return keys
	}
	var out []string
	y, m := atoi(keys[0][:4]), 1
	ey, em := atoi(keys[len(keys)-1][:4]), 12
	if by == "month" {
		m, em = atoi(keys[0][5:7]), atoi(keys[len(keys)-1][5:7])
	}
	for (y < ey || (y == ey && m <= em)) && len(out) < 100000 {
		if by == "year" {
			out = append(out, pad(y, 4))
			y++
			continue
		}
		out = append(out, pad(y, 4)+"-"+pad(m, 2))
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return out
}

// atoi returns the number written in decimal digits s (a year, a
// month), 0 if s holds anything else.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}
