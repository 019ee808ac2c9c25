package index

// DecodedPacks returns how many packs the index keeps decoded and the
// size of their data, checking that its table of them is consistent.
func (ix *Index) DecodedPacks() (n, size int, ok bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	sum := 0
	for _, p := range ix.ps.lru {
		dp, in := ix.ps.decoded[p]
		if !in {
			return 0, 0, false
		}
		sum += dp.size
	}
	return len(ix.ps.lru), ix.ps.lruSize, sum == ix.ps.lruSize && len(ix.ps.decoded) == len(ix.ps.lru)
}

// Cache bounds, for tests.
const (
	MaxDecodedPacks = maxDecodedPacks
	MaxDecodedBytes = maxDecodedBytes
)
