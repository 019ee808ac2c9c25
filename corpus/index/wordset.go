package index

import (
	"math/bits"
	"slices"
	"strconv"
)

// wordSetBits is the base-2 logarithm of the inverse of a word set's
// false-positive rate: a word not in the set is taken for one of its
// words once in 1,024. Each word costs about wordSetBits+1.5 bits.
const wordSetBits = 10

// maxWordSet bounds the words of a set: their values fit 32 bits.
const maxWordSet = 1 << (32 - wordSetBits)

// wordSet is a set of words kept as a Golomb-Rice coded set of their
// hashes: each word's FNV-1a hash mapped to [0, n<<wordSetBits), sorted,
// and the gaps between them written as a quotient in unary (ones ended
// by a zero) and a remainder of wordSetBits bits, most significant bit
// first. It holds n words in about n*(wordSetBits+1.5) bits whatever
// their length, and answers Has for a word not in it falsely with a
// probability of about 2^-wordSetBits. Decoded, it keeps the values
// (4 bytes a word). Its zero value is the empty set.
type wordSet struct {
	n    int
	data string   // the code
	vs   []uint32 // the values, sorted
}

// wordHash returns the value of word w in a set of n words.
func wordHash(w string, n int) uint32 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	hi, _ := bits.Mul64(h, uint64(n)<<wordSetBits)
	return uint32(hi)
}

// newWordSet returns the set of the words ws (at most maxWordSet: the
// others are left out).
func newWordSet(ws []string) wordSet {
	ws = ws[:min(len(ws), maxWordSet)]
	if len(ws) == 0 {
		return wordSet{}
	}
	vs := make([]uint32, len(ws))
	for i, w := range ws {
		vs[i] = wordHash(w, len(ws))
	}
	slices.Sort(vs)
	var b []byte
	nbit := 0
	put := func(bit uint32) {
		if nbit%8 == 0 {
			b = append(b, 0)
		}
		b[len(b)-1] |= byte(bit << (7 - nbit%8))
		nbit++
	}
	prev := uint32(0)
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
	return wordSet{len(ws), string(b), vs}
}

// decodeWordSet decodes the code of a set of n words; it fails on a code
// that does not hold exactly n values below n<<wordSetBits, or has bits
// to spare beyond the last byte's padding.
func decodeWordSet(n int, data string) (wordSet, string) {
	if n == 0 && data == "" {
		return wordSet{}, ""
	}
	if n <= 0 || n > maxWordSet || n > len(data)*8 {
		return wordSet{}, "bad number of words " + strconv.Itoa(n)
	}
	vs := make([]uint32, n)
	limit := uint64(n) << wordSetBits
	v, bit, end := uint64(0), 0, len(data)*8
	for i := range vs {
		q := uint64(0)
		for bit < end && data[bit/8]>>(7-bit%8)&1 == 1 {
			if bit%8 == 0 && data[bit/8] == 0xff && bit+8 <= end {
				q, bit = q+8, bit+8 // a byte of ones at once
				continue
			}
			q++
			bit++
		}
		bit++ // the zero that ends the quotient
		if bit+wordSetBits > end {
			return wordSet{}, "value " + strconv.Itoa(i) + " beyond the code"
		}
		// The remainder lies in the 3 bytes from bit's (those past the
		// end read as zeros).
		w := uint64(0)
		for k := bit / 8; k < bit/8+3; k++ {
			w <<= 8
			if k < len(data) {
				w |= uint64(data[k])
			}
		}
		r := w >> (24 - wordSetBits - bit%8) & (1<<wordSetBits - 1)
		bit += wordSetBits
		if v += q<<wordSetBits + r; v >= limit {
			return wordSet{}, "value " + strconv.Itoa(i) + " beyond the range"
		}
		vs[i] = uint32(v)
	}
	if end-bit >= 8 {
		return wordSet{}, "bytes left over"
	}
	return wordSet{n, data, vs}, ""
}

// Has reports whether w is in the set (or, once in about 2^wordSetBits
// words, falsely so).
func (s *wordSet) Has(w string) bool {
	if s.n == 0 {
		return false
	}
	x := wordHash(w, s.n)
	lo, hi := 0, len(s.vs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.vs[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(s.vs) && s.vs[lo] == x
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
