package search

import (
	"cmp"
	"errors"
	"math/bits"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus/token"
)

// AbsentWords returns, folded, sorted and once each, the words of a word
// list of the corpus's language (such as Debian's wfrench,
// /usr/share/dict/french: every inflected form) that the search would
// otherwise take for typos: words the index lacks, whose stem is no stem
// of the index either, and that lie within the typo distances of some
// term (see Matching in the package doc). Given to the index at build
// time (index.Index.SetAbsentWords), they let a query tell a real word the
// corpus lacks ("montagne", "confiture") from a typo of one it has
// ("montgae"): the word then matches no typo and no fuzzy variant and gets
// no correction. The other words of the list are left out: they either
// match as they are, by their stem, or have no typo to suppress.
//
// It reads the index's vocabulary only, and runs at build time: about
// 3 µs a word of the list on fr-manpages' vocabulary.
func (e *Engine) AbsentWords(list []string) []string {
	ix := e.ix
	// A word within k edits of a term shares with it a string made by
	// deleting at most k bytes of each (the typo walk is on bytes): the
	// terms' deletions, kept as hashes with the term they come from, give
	// each word of the list the few terms that may be near it, checked
	// one by one (near) instead of walking the vocabulary for each word.
	type del struct {
		h uint64
		t int32
	}
	var dels []del
	for id, t := range ix.Terms() {
		deletions(t, min(2, max(1, len(t)-5)), func(h uint64) bool {
			dels = append(dels, del{h, int32(id)})
			return false
		})
	}
	slices.SortFunc(dels, func(a, b del) int {
		if a.h != b.h {
			return cmp.Compare(a.h, b.h)
		}
		return cmp.Compare(a.t, b.t)
	})
	dels = slices.Compact(dels)
	// A bitmap of about 16 bits a deletion, small enough to stay in the
	// processor's cache, turns most probes away before the search.
	shift := 64 - bits.Len(uint(16*len(dels)))
	bitmap := make([]uint64, 1<<(64-shift)/64+1)
	for _, d := range dels {
		bitmap[d.h>>shift/64] |= 1 << (d.h >> shift % 64)
	}
	strict := ix.NumTerms() >= largeVocabulary
	// near reports whether a term sharing the deletion h with word f is
	// one of f's corrections (as corrections finds them).
	near := func(f string, maxd int, h uint64) bool {
		if bitmap[h>>shift/64]&(1<<(h>>shift%64)) == 0 {
			return false
		}
		i, _ := slices.BinarySearchFunc(dels, h, func(d del, h uint64) int { return cmp.Compare(d.h, h) })
		for ; i < len(dels) && dels[i].h == h; i++ {
			t := ix.Term(int(dels[i].t))
			if t[0] != f[0] && (len(t) < 2 || t[0] != f[1] || t[1] != f[0]) {
				continue // the walk keeps the first letter, or the first two swapped
			}
			d := osa(f, t, maxd)
			if d <= maxd && !(d == 2 && strict && typoCost(f, t) > 2) {
				return true
			}
		}
		return false
	}
	// Each processor takes a share of the list.
	procs := runtime.GOMAXPROCS(0)
	outs := make([][]string, procs)
	var wg sync.WaitGroup
	for p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var words []string
			for _, w := range list[p*len(list)/procs : (p+1)*len(list)/procs] {
				fs := words[:0]
				if plain(w) {
					fs = append(fs, token.Fold(w)) // as the analyser folds it, at a fraction of the cost
				} else {
					for _, tok := range e.an[0].Tokens(w) {
						fs = append(fs, tok.Term)
					}
				}
				for _, f := range fs {
					if f == "" || len(f) > maxTermBytes || ix.Lookup(f) >= 0 || weakWords[f] {
						continue
					}
					n := utf8.RuneCountInString(f)
					if n < 4 {
						continue // no typos below 4 letters
					}
					maxd := typoEdits(n)
					probe := func(h uint64) bool { return near(f, maxd, h) }
					// The terms starting with the first two bytes swapped
					// share deletions with the word swapped back.
					if !deletions(f, maxd, probe) && (f[0] == f[1] || !deletions(f[1:2]+f[:1]+f[2:], maxd, probe)) {
						continue
					}
					if !e.ownWord(f, w) {
						outs[p] = append(outs[p], f)
					}
				}
			}
		}()
	}
	wg.Wait()
	out := slices.Concat(outs...)
	slices.Sort(out)
	return slices.Compact(out)
}

// ownWord reports whether the word w (folded f) is, in one of the
// corpus's languages, a stopword or has a stem that some term of the index
// shares: its query matches as it does today.
func (e *Engine) ownWord(f, w string) bool {
	for _, a := range e.an {
		for _, tok := range a.Tokens(w) {
			if tok.Term == f && (tok.Stop || tok.Stem != "" && len(e.ix.StemTerms(tok.Stem)) > 0) {
				return true
			}
		}
	}
	return false
}

// plain reports whether w is letters only.
func plain(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// deletions calls fn with a hash of s and of every string made by
// deleting up to k bytes (k at most 2) of s after its first, some more
// than once, until fn returns true; it reports whether fn did. As the
// typo walk keeps a word's first byte (typos), two strings within k edits
// with the same first byte give a hash in common. The hash is
// polynomial (mod 2^64), so that a deletion's is found from the hashes
// of s's prefixes in constant time: h(s) = sum of (s[p]+1)*B^(len(s)-1-p).
func deletions(s string, k int, fn func(uint64) bool) bool {
	const B = 1099511628211
	var pre, pow [maxTermBytes + 2]uint64 // pre[p]: the hash of s[:p]; pow[p]: B^p
	n := min(len(s), maxTermBytes)
	pow[0] = 1
	for p := range n {
		pre[p+1] = pre[p]*B + uint64(s[p]) + 1
		pow[p+1] = pow[p] * B
	}
	h := pre[n]
	if fn(h) {
		return true
	}
	// rest(p) is the hash of s[p:]: h less the prefix shifted.
	rest := func(p int) uint64 { return h - pre[p]*pow[n-p] }
	for i := 1; i < n && k >= 1; i++ {
		if fn(pre[i]*pow[n-i-1] + rest(i+1)) {
			return true
		}
		for j := i + 1; j < n && k >= 2; j++ {
			mid := pre[j] - pre[i+1]*pow[j-i-1] // s[i+1:j]
			if fn(pre[i]*pow[n-i-2] + mid*pow[n-j-1] + rest(j+1)) {
				return true
			}
		}
	}
	return false
}

// ReadWordList returns the words of a word list, one a line, in UTF-8,
// such as Debian's wfrench (/usr/share/dict/french), wamerican or
// wbritish; blank lines are left out.
func ReadWordList(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err // names the file
	}
	if !utf8.Valid(b) {
		return nil, errors.New("search: the word list " + path + " is not UTF-8")
	}
	var ws []string
	for _, w := range strings.Split(string(b), "\n") {
		if w = strings.TrimSpace(w); w != "" {
			ws = append(ws, w)
		}
	}
	return ws, nil
}

// osa returns the optimal string alignment distance between a and b (a
// transposition of neighbours is one edit), as the typo walk computes it
// on bytes, or maxd+1 when it is more than maxd.
func osa(a, b string, maxd int) int {
	if len(a)-len(b) > maxd || len(b)-len(a) > maxd {
		return maxd + 1
	}
	w := len(b) + 1
	d := make([]int, (len(a)+1)*w)
	for j := range w {
		d[j] = j
	}
	for i := 1; i <= len(a); i++ {
		d[i*w] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(d[(i-1)*w+j]+1, d[i*w+j-1]+1, d[(i-1)*w+j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, d[(i-2)*w+j-2]+1)
			}
			d[i*w+j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > maxd {
			return maxd + 1
		}
	}
	return min(d[len(a)*w+len(b)], maxd+1)
}
