package search

import (
	"strings"
	"sync"
)

// maxCachedWords is how many query words' analyses an engine keeps: the
// words of the last few queries, which typing, paging and filling in
// snippets search again.
const maxCachedWords = 256

// wordKey returns what a query word's analysis depends on (see expand),
// as one string: a map keyed by strings adds no code to the module.
func wordKey(t *term, known bool) string {
	var b strings.Builder
	b.Grow(len(t.text) + len(t.fold) + 5)
	b.WriteString(t.text)
	b.WriteByte(0)
	b.WriteString(t.fold)
	b.WriteByte(0)
	flags := byte('0')
	if t.neg {
		flags |= 1
	}
	if t.phrase >= 0 {
		flags |= 2
	}
	if t.last {
		flags |= 4
	}
	if t.weak {
		flags |= 8
	}
	b.WriteByte(flags)
	if known {
		b.WriteByte('k') // the list of real words was at hand (expand)
	}
	return b.String()
}

// analysed is a query word's analysis: its variants, and its fuzzy title
// matches when it has no variant. Both are shared: read-only. real and
// unsure are expand's.
type analysed struct {
	vars         []variant
	titles       []titleMatch
	real, unsure bool
}

// wordCache keeps the analyses of recent query words. The index never
// changes under an engine, so an analysis stays right; the cache is
// emptied when full.
type wordCache struct {
	mu sync.Mutex
	m  map[string]analysed
}

// analyseWord returns the variants of t and, when it has none and is not
// in a phrase, excluded or weak, its fuzzy title matches, from the cache
// when it can.
func (e *Engine) analyseWord(t *term) analysed {
	// A split index's analysis changes once its lexicon, which holds the
	// list of real words, is added.
	known := e.ix.HasLexicon()
	k := wordKey(t, known)
	c := &e.words
	c.mu.Lock()
	a, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return a
	}
	a.vars, a.real, a.unsure = e.expand(t)
	if len(a.vars) == 0 && t.phrase < 0 && !t.neg && !t.weak && !a.real {
		a.titles = e.fuzzyTitles(t.fold)
		a.unsure = !known && len(a.titles) > 0 // no variant: the corpus lacks the word
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedWords {
		c.m = make(map[string]analysed, maxCachedWords)
	}
	c.m[k] = a
	c.mu.Unlock()
	return a
}
