package search

import (
	"strings"
	"sync/atomic"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// A Highlighter marks, in any text, the words a query matched: every word
// whose term is one of the variants the search matched the query's words
// to (the same form, the same stem, a completion of the word being typed,
// a typo, a fuzzy match of the vocabulary), found by running the
// tokenizer that built the index over the text. It is the one place the
// engine's highlight ranges come from: snippets, titles, summary
// sentences and the reader's whole text are all marked by it, so a word
// marked in one is marked in all. Excluded words (-word) are never marked.
//
// A Highlighter is safe for concurrent use.
type Highlighter struct {
	terms map[string]struct{} // folded terms of the vocabulary to mark
	words map[string][]string // per folded query word, the terms it matched
}

// Highlighter returns the highlighter of query q: the words it marks are
// those Search(q, …) matched.
func (e *Engine) Highlighter(q string) *Highlighter {
	pos, _, _ := e.analyse(e.parse(q))
	return e.highlighter(pos)
}

// highlighter returns the highlighter of the query words pos.
func (e *Engine) highlighter(pos []*qterm) *Highlighter {
	n := 0
	for _, qt := range pos {
		n += len(qt.vars)
	}
	h := &Highlighter{terms: make(map[string]struct{}, n), words: make(map[string][]string, len(pos))}
	for _, qt := range pos {
		for _, v := range qt.vars {
			if v.term >= 0 {
				t := e.ix.Term(v.term)
				h.terms[t] = struct{}{}
				h.words[qt.fold] = append(h.words[qt.fold], t)
			}
		}
	}
	return h
}

// Variants returns the folded terms of the vocabulary that the query word
// whose folded form is word matched, best first; nil for a word that is
// not one of the query's or matched nothing.
func (h *Highlighter) Variants(word string) []string {
	if h == nil {
		return nil
	}
	return h.words[word]
}

// Empty reports whether h marks nothing in any text.
func (h *Highlighter) Empty() bool { return h == nil || len(h.terms) == 0 }

// Marks reports whether h marks the folded term.
func (h *Highlighter) Marks(term string) bool {
	if h == nil {
		return false
	}
	_, ok := h.terms[term]
	return ok
}

// Spans returns the byte ranges of text to mark, sorted and disjoint
// (overlapping or touching words, such as a compound and its parts, are
// merged). lang is the language of the text ("fr", "en"), whose
// tokenizer the index used.
func (h *Highlighter) Spans(text, lang string) []corpus.Span {
	return h.appendSpans(nil, text, lang, 0)
}

// appendSpans appends to dst the spans of text shifted by off.
func (h *Highlighter) appendSpans(dst []corpus.Span, text, lang string, off int) []corpus.Span {
	if h.Empty() || text == "" {
		return dst
	}
	a := token.For(lang)
	first := len(dst)
	// A chunk at a time, so that a long text never holds all its tokens;
	// chunks end at a line end, as the index's do, which splits no word.
	buf := getTokens()
	toks := *buf
	for lo := 0; lo < len(text); {
		hi := cutAtLine(text, lo, 64<<10)
		toks = a.AppendTerms(toks[:0], text[lo:hi]) // terms are all it compares
		for _, t := range toks {
			if t.Stop || t.Term == "" {
				continue
			}
			if _, ok := h.terms[t.Term]; ok {
				dst = append(dst, corpus.Span{Start: off + lo + t.Start, End: off + lo + t.End})
			}
		}
		lo = hi
	}
	*buf = toks
	putTokens(buf)
	return mergeSpans(dst, first)
}

// cutAtLine returns the end of a chunk of text starting at lo, at least
// n bytes long: after a line end, or the end of the text.
func cutAtLine(text string, lo, n int) int {
	if len(text)-lo <= n {
		return len(text)
	}
	if i := strings.IndexByte(text[lo+n:], '\n'); i >= 0 {
		return lo + n + i + 1
	}
	return len(text)
}

// mergeSpans sorts s[from:] and merges overlapping or touching spans.
func mergeSpans(s []corpus.Span, from int) []corpus.Span {
	t := s[from:]
	for i := 1; i < len(t); i++ {
		if t[i].Start < t[i-1].Start || t[i].Start == t[i-1].Start && t[i].End < t[i-1].End {
			// Not in order already (the tokens' spans mostly are).
			sortFunc(t, func(a, b corpus.Span) int {
				if a.Start != b.Start {
					return a.Start - b.Start
				}
				return a.End - b.End
			})
			break
		}
	}
	out := t[:0]
	for _, x := range t {
		if n := len(out); n > 0 && x.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, x.End)
			continue
		}
		out = append(out, x)
	}
	return s[:from+len(out)]
}

// Ranges returns the ranges of text to mark, in UTF-16 code units of text,
// sorted and disjoint: what the JavaScript API returns beside each text.
func (h *Highlighter) Ranges(text, lang string) []Range {
	return UTF16Ranges(text, h.Spans(text, lang))
}

// UTF16Ranges converts sorted byte spans of text to UTF-16 ranges.
func UTF16Ranges(text string, spans []corpus.Span) []Range {
	out := make([]Range, 0, len(spans))
	u := corpus.NewUTF16Offsets(text)
	for _, s := range spans {
		out = append(out, u.Span(s))
	}
	return out
}

// spareTokens holds a token slice for reuse: a snippet or a highlight
// tokenises a block of text for each hit shown, and a fresh slice each
// time was most of what a search allocated. One slice, taken and given
// back whole: a concurrent caller that finds none makes its own.
var spareTokens atomic.Pointer[[]token.Token]

// getTokens returns an empty token slice to append to; putTokens gives it
// back (the slice it points to then, as grown).
func getTokens() *[]token.Token {
	if b := spareTokens.Swap(nil); b != nil {
		*b = (*b)[:0]
		return b
	}
	return new([]token.Token)
}

// putTokens keeps b for the next caller, unless it grew too big to keep.
func putTokens(b *[]token.Token) {
	if cap(*b) <= 1<<14 {
		spareTokens.Store(b)
	}
}
