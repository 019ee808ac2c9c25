package explore

import (
	"errors"
	"slices"
	"strconv"
)

// Period is the count of documents of one period.
type Period struct {
	Key   string // YYYY or YYYY-MM
	Docs  int
	Words int
}

// Timeline is the documents counted per period.
type Timeline struct {
	By      string // "month" or "year"
	Undated int    // documents without a date (or too vague a one)
	Periods []Period
}

// Timeline counts the documents of sel (nil: all) per month or year
// (by: "month", "year", or "" to choose as Trend does), with the empty
// periods between the first and the last.
func (t *Table) Timeline(sel []int, by string) (*Timeline, error) {
	if by == "" {
		by = t.defaultGrouping()
		if by != "month" {
			by = "year"
		}
	}
	if by != "month" && by != "year" {
		return nil, errors.New("unknown period " + strconv.Quote(by) + `: want "month" or "year"`)
	}
	key, _ := t.grouping(by)
	if sel == nil {
		sel = make([]int, len(t.docs))
		for i := range sel {
			sel[i] = i
		}
	}
	tl := &Timeline{By: by}
	m := map[string]*Period{}
	for _, d := range sel {
		k, ok := key(d)
		if !ok {
			tl.Undated++
			continue
		}
		p := m[k]
		if p == nil {
			p = &Period{Key: k}
			m[k] = p
		}
		p.Docs++
		p.Words += len(t.docs[d].term)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range fillPeriods(keys, by) {
		if p := m[k]; p != nil {
			tl.Periods = append(tl.Periods, *p)
		} else {
			tl.Periods = append(tl.Periods, Period{Key: k})
		}
	}
	return tl, nil
}

// Bin is a bar of the distribution of document lengths: the documents of
// at least Min words and fewer than Max (Max 0: no upper bound).
type Bin struct {
	Min, Max, Docs int
}

// Language is the share of one language.
type Language struct {
	Lang        string
	Docs, Words int
}

// Figures are the corpus's figures.
type Figures struct {
	Documents int
	Tokens    int     // words
	Types     int     // distinct words, case and accents folded
	TTR       float64 // Types / Tokens
	STTR      float64 // mean type/token ratio of successive 1,000-word stretches
	Hapax     int     // words seen once
	Lengths   []Bin   // document lengths in words, on a 1-2-5 scale
	MinWords  int
	Median    int
	Mean      float64
	MaxWords  int
	Languages []Language
}

// Figures returns the vocabulary size, the type/token ratios, the
// distribution of the documents' lengths and their languages.
func (t *Table) Figures() *Figures {
	f := &Figures{Documents: len(t.docs), Tokens: t.tokens}
	for _, c := range t.cf {
		if c > 0 {
			f.Types++
			if c == 1 {
				f.Hapax++
			}
		}
	}
	if f.Tokens > 0 {
		f.TTR = float64(f.Types) / float64(f.Tokens)
	}
	// Standardised TTR over 1,000-word stretches of the running text.
	seen := map[uint32]bool{}
	n, sum, stretches := 0, 0.0, 0
	for d := range t.docs {
		for _, id := range t.docs[d].term {
			seen[id] = true
			if n++; n == 1000 {
				sum += float64(len(seen)) / 1000
				stretches++
				n = 0
				clear(seen)
			}
		}
	}
	if stretches > 0 {
		f.STTR = sum / float64(stretches)
	} else {
		f.STTR = f.TTR
	}
	lens := make([]int, len(t.docs))
	langs := map[string]*Language{}
	for d := range t.docs {
		lens[d] = len(t.docs[d].term)
		l := langs[t.meta[d].Lang]
		if l == nil {
			l = &Language{Lang: t.meta[d].Lang}
			langs[l.Lang] = l
		}
		l.Docs++
		l.Words += lens[d]
	}
	for _, l := range langs {
		f.Languages = append(f.Languages, *l)
	}
	slices.SortFunc(f.Languages, func(a, b Language) int {
		if a.Docs != b.Docs {
			return b.Docs - a.Docs
		}
		return compareStrings(a.Lang, b.Lang)
	})
	if len(lens) == 0 {
		return f
	}
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	f.MinWords, f.MaxWords, f.Median = sorted[0], sorted[len(sorted)-1], sorted[len(sorted)/2]
	f.Mean = float64(t.tokens) / float64(len(lens))
	// Bins on a 1-2-5 scale up to the longest document.
	edges := []int{0}
	for e := 1; edges[len(edges)-1] <= f.MaxWords; e *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*e > edges[len(edges)-1] {
				edges = append(edges, m*e)
			}
		}
	}
	for i := 0; i+1 < len(edges); i++ {
		f.Lengths = append(f.Lengths, Bin{Min: edges[i], Max: edges[i+1]})
	}
	for _, n := range lens {
		for i := range f.Lengths {
			if n < f.Lengths[i].Max {
				f.Lengths[i].Docs++
				break
			}
		}
	}
	// Drop the empty bins before the shortest document.
	for len(f.Lengths) > 1 && f.Lengths[0].Docs == 0 {
		f.Lengths = f.Lengths[1:]
	}
	return f
}
