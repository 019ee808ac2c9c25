package token

import "sync/atomic"

// cacheSize is the number of slots of an analyzer's word cache.
const cacheSize = 1 << 15

// wordCache remembers the analysis of recent words: a direct-mapped table
// indexed by a hash of the word as written, each slot replaced whole and
// atomically, so it is safe for concurrent use without locks. It only
// memoises pure functions (Fold, Stem, IsStop): no result depends on it.
type wordCache struct {
	slots [cacheSize]atomic.Pointer[cacheEntry]
}

// cacheEntry is the analysis of one word; without its stem when noStem
// (AppendTerms met it), which AppendTokens then finds and stores again.
type cacheEntry struct {
	word, term, stem string
	stop, noStem     bool
}

// hashWord returns the FNV-1a hash of w.
func hashWord(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

// wordCache returns the analyzer's word cache, creating it on first use.
func (a *Analyzer) wordCache() *wordCache {
	if c := a.cache.Load(); c != nil {
		return c
	}
	a.cache.CompareAndSwap(nil, new(wordCache))
	return a.cache.Load()
}
