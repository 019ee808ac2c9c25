package token

import "sync/atomic"

// cacheSize is the most slots of an analyzer's word cache, and
// minCacheSize the slots it starts with. A cache grows fourfold, keeping
// its entries, each time it has stored as many words as it has slots: a
// few queries' words fit in the smallest (16 KB of slots), and a module
// that only answers them does not hold the largest's 256 KB from its
// first search on.
const (
	cacheSize    = 1 << 15
	minCacheSize = 1 << 11
)

// wordCache remembers the analysis of recent words: a direct-mapped table
// indexed by a hash of the word as written, each slot replaced whole and
// atomically, so it is safe for concurrent use without locks. It only
// memoises pure functions (Fold, Stem, IsStop): no result depends on it.
type wordCache struct {
	slots  []atomic.Pointer[cacheEntry]
	stores atomic.Int32 // words stored, counted up to len(slots)
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

// slot returns the slot of c where w goes.
func (c *wordCache) slot(w string) *atomic.Pointer[cacheEntry] {
	return &c.slots[hashWord(w)&uint32(len(c.slots)-1)]
}

// wordCache returns the analyzer's word cache, creating it on first use.
func (a *Analyzer) wordCache() *wordCache {
	if c := a.cache.Load(); c != nil {
		return c
	}
	a.cache.CompareAndSwap(nil, &wordCache{slots: make([]atomic.Pointer[cacheEntry], minCacheSize)})
	return a.cache.Load()
}

// store puts e in its slot of c and, once c has stored as many words as
// it has slots, replaces it as the analyzer's cache by one four times
// larger (up to cacheSize) that holds its entries. It returns the cache
// to use next.
func (a *Analyzer) store(c *wordCache, e *cacheEntry) *wordCache {
	c.slot(e.word).Store(e)
	if len(c.slots) >= cacheSize || c.stores.Add(1) != int32(len(c.slots)) {
		return c
	}
	bigger := &wordCache{slots: make([]atomic.Pointer[cacheEntry], min(4*len(c.slots), cacheSize))}
	for i := range c.slots {
		if e := c.slots[i].Load(); e != nil {
			bigger.slot(e.word).Store(e)
		}
	}
	a.cache.CompareAndSwap(c, bigger)
	return a.cache.Load()
}
