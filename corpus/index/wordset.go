package index

import (
	"math/bits"
	"sort"
	"strconv"
)

// wordSetBits is the base-2 logarithm of the inverse of a word set's
// false-positive rate: a word not in the set is taken for one of its
// words once in 1,024. Each word costs about wordSetBits+1.5 bits.
const wordSetBits = 10

// wordSkip is how many values of a word set lie between two entries of
// its skip table: a lookup decodes at most that many.
const wordSkip = 64

// wordSet is a set of words kept as a Golomb-Rice coded set of their
// hashes: each word's FNV-1a hash mapped to [0, n<<wordSetBits), sorted,
// and the gaps between them written as a quotient in unary (ones ended
// by a zero) and a remainder of wordSetBits bits, most significant bit
// first. It holds n words in about n*(wordSetBits+1.5) bits whatever
// their length, and answers Has for a word not in it falsely with a
// probability of about 2^-wordSetBits. Its zero value is the empty set.
type wordSet struct {
	n    int
	data string
	skip []wordSkipEntry // every wordSkip-th value, where it ends
}

// wordSkipEntry is a value of a word set and the bit after its code.
type wordSkipEntry struct {
	v   uint64
	bit uint64
}

// wordHash returns the value of word w in a set of n words.
func wordHash(w string, n int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	hi, _ := bits.Mul64(h, uint64(n)<<wordSetBits)
	return hi
}

// newWordSet returns the set of the words ws.
func newWordSet(ws []string) wordSet {
	if len(ws) == 0 {
		return wordSet{}
	}
	vs := make([]uint64, len(ws))
	for i, w := range ws {
		vs[i] = wordHash(w, len(ws))
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i] < vs[j] })
	var b []byte
	nbit := uint64(0)
	put := func(bit uint64) {
		if nbit%8 == 0 {
			b = append(b, 0)
		}
		b[len(b)-1] |= byte(bit << (7 - nbit%8))
		nbit++
	}
	prev := uint64(0)
	for _, v := range vs {
		g := v - prev
		prev = v
		for q := g >> wordSetBits; q > 0; q-- {
			put(1)
		}
		put(0)
		for i := wordSetBits - 1; i >= 0; i-- {
			put(g >> i & 1)
		}
	}
	s, _ := decodeWordSet(len(ws), string(b))
	return s
}

// decodeWordSet checks the code of a set of n words and makes its skip
// table; it fails on a code that does not hold exactly n values below
// n<<wordSetBits, or has bits to spare beyond the last byte's padding.
func decodeWordSet(n int, data string) (wordSet, string) {
	s := wordSet{n: n, data: data}
	if n == 0 {
		if data != "" {
			return wordSet{}, "bytes in an empty word set"
		}
		return s, ""
	}
	if uint64(n) > uint64(len(data))*8 {
		return wordSet{}, "more words than bits"
	}
	limit := uint64(n) << wordSetBits
	v, bit := uint64(0), uint64(0)
	s.skip = make([]wordSkipEntry, 0, n/wordSkip+1)
	for i := range n {
		var ok bool
		if v, bit, ok = s.next(v, bit); !ok || v >= limit {
			return wordSet{}, "value " + strconv.Itoa(i) + " beyond the code or the range"
		}
		if i%wordSkip == 0 {
			s.skip = append(s.skip, wordSkipEntry{v, bit})
		}
	}
	if uint64(len(data))*8-bit >= 8 {
		return wordSet{}, "bytes left over"
	}
	return s, ""
}

// next decodes the gap at bit, adds it to v and returns the value and the
// bit after its code; ok is false when the code runs out.
func (s *wordSet) next(v, bit uint64) (uint64, uint64, bool) {
	end := uint64(len(s.data)) * 8
	get := func() uint64 {
		x := uint64(s.data[bit/8]>>(7-bit%8)) & 1
		bit++
		return x
	}
	q := uint64(0)
	for {
		if bit >= end {
			return 0, 0, false
		}
		if get() == 0 {
			break
		}
		q++
	}
	if end-bit < wordSetBits {
		return 0, 0, false
	}
	r := uint64(0)
	for range wordSetBits {
		r = r<<1 | get()
	}
	return v + q<<wordSetBits + r, bit, true
}

// Has reports whether w is in the set (or, once in about 2^wordSetBits
// words, falsely so).
func (s *wordSet) Has(w string) bool {
	if s.n == 0 {
		return false
	}
	x := wordHash(w, s.n)
	// The last skip entry at or below x, then the values after it.
	k := sort.Search(len(s.skip), func(i int) bool { return s.skip[i].v > x }) - 1
	if k < 0 {
		return false
	}
	v, bit := s.skip[k].v, s.skip[k].bit
	for i := k * wordSkip; v < x && i+1 < s.n; i++ {
		var ok bool
		if v, bit, ok = s.next(v, bit); !ok {
			return false
		}
	}
	return v == x
}

// SetAbsentWords gives the index the folded words of a word list of its
// language that it lacks and that a search would otherwise take for
// typos of its terms (see package search's AbsentWords); it replaces
// those given before. They are kept, as a set of hashes (about 11.5 bits
// a word, one false positive in 1,024 words), with the lexicon: a file
// apart in an index written with Split.
func (ix *Index) SetAbsentWords(ws []string) {
	lx := ix.lex.Load()
	if lx == nil {
		return
	}
	c := *lx
	c.absent = newWordSet(ws)
	ix.lex.Store(&c)
}

// AbsentWord reports whether the folded word w is one of the words given
// to SetAbsentWords (once in about 1,024 other words, falsely); known is
// false when the lexicon, which holds them, is not at hand (an index
// written with Split before AddLexicon), and then absent too.
func (ix *Index) AbsentWord(w string) (absent, known bool) {
	lx := ix.lex.Load()
	if lx == nil {
		return false, false
	}
	return lx.absent.Has(w), true
}

// NumAbsentWords returns the number of words given to SetAbsentWords, or
// 0 while the lexicon is not at hand.
func (ix *Index) NumAbsentWords() int {
	if lx := ix.lex.Load(); lx != nil {
		return lx.absent.n
	}
	return 0
}
