package search

import (
	"cmp"
	"errors"
	"math/bits"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/token"
	"github.com/sahilm/fuzzy"
)

// AbsentWords returns, folded, sorted and once each, the words of a word
// list of the corpus's language (such as Debian's wfrench,
// /usr/share/dict/french: every inflected form) that the search would
// otherwise take for other words: words the index lacks, whose stem is
// no stem of the index either, and that lie within the typo distances of
// some term, or of which a term is a shortening ("champ" of "champagne"),
// or that a fuzzy match of the vocabulary or of the titles' words would
// find ("taskset" for "tasse"; see Matching in the package doc). Given
// to the index at build time (index.Index.SetAbsentWords), they let a
// query tell a real word the corpus lacks ("montagne", "confiture") from
// a typo of one it has ("montgae"): the word then matches no typo, no
// shortening and no fuzzy variant and gets no correction. The other words
// of the list are left out: they either match as they are, by their
// stem, or have nothing to suppress.
//
// It reads the index's vocabulary and titles only, and runs at build
// time: for wfrench's 346,205 words, 3.1 s on fr-manpages and 1.8 s on
// fr-docs on a loaded 2-core machine (1.9 s and 1.1 s for the typos
// alone).
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
	e.titlesOnce.Do(func() { e.titles = e.buildTitleWords() })
	terms, titles := newFuzzySieve(ix.Terms()), newFuzzySieve(e.titles.words)
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
					if f == "" || len(f) > maxTermBytes || ix.Lookup(f) >= 0 || isWeak(f) {
						continue
					}
					if !e.typoNear(f, near) && !e.truncations(f, func(int) bool { return true }) && !e.fuzzyNear(f, terms, titles) {
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

// typoNear reports whether the folded word f has a typo variant: a term
// that shares a deletion with it (or with f with its first two bytes
// swapped, as the terms starting with them do) and is near it.
func (e *Engine) typoNear(f string, near func(f string, maxd int, h uint64) bool) bool {
	n := utf8.RuneCountInString(f)
	if n < 4 {
		return false // no typos below 4 letters
	}
	maxd := typoEdits(n)
	probe := func(h uint64) bool { return near(f, maxd, h) }
	return deletions(f, maxd, probe) || f[0] != f[1] && deletions(f[1:2]+f[:1]+f[2:], maxd, probe)
}

// fuzzyNear reports whether the folded word f, when it has no completion,
// gets a fuzzy variant (fuzzyTerms) or fuzzy title matches (fuzzyTitles),
// terms and titles being the sieves of the vocabulary and of the title
// words.
func (e *Engine) fuzzyNear(f string, terms, titles *fuzzySieve) bool {
	if len(f) < minFuzzy {
		return false
	}
	if lo, hi := e.ix.PrefixRange(f); lo < hi {
		return false // the word completes: no fuzzy match
	}
	return terms.matches(f) || titles.matches(f)
}

// fuzzySpan is the most bytes of a word that a fuzzy match which
// fuzzyGood keeps may reach: the longest query's, less one, and half as
// many skipped.
const fuzzySpan = maxFuzzyLen + maxFuzzyLen/2

// A fuzzySieve holds, for each of a sorted list of folded words, the
// bytes of its first fuzzySpan bytes (as a mask) and its number of
// letters as fuzzyGood counts them: what a word must have for a good
// fuzzy match to find it, checked in a few instructions a word.
type fuzzySieve struct {
	words   []string
	masks   []uint64
	letters []uint8
}

// byteBit is the bit of byte c in a fuzzySieve's masks: one a letter of
// the alphabet, the others shared.
func byteBit(c byte) uint64 {
	if c >= 'a' && c <= 'z' {
		return 1 << (c - 'a')
	}
	return 1 << (26 + c%38)
}

// newFuzzySieve returns the sieve of the sorted words ws.
func newFuzzySieve(ws []string) *fuzzySieve {
	s := &fuzzySieve{words: ws, masks: make([]uint64, len(ws)), letters: make([]uint8, len(ws))}
	for i, w := range ws {
		for k := 0; k < len(w) && k < fuzzySpan; k++ {
			s.masks[i] |= byteBit(w[k])
		}
		n := 0
		for _, r := range w {
			if r != '-' && r != '\'' && r != '.' {
				n++
			}
		}
		s.letters[i] = uint8(min(n, 255))
	}
	return s
}

// matches reports whether some word of the sieve is a fuzzy match of
// the folded word f that fuzzyGood keeps, as fuzzyTerms and fuzzyTitles
// find them: one starting with f's first byte that holds its first
// maxFuzzyLen bytes in order. Only the words that have those bytes, few
// enough letters, and a leftmost match that fuzzyGood keeps are matched
// as fuzzy does (as the leftmost match ends first, a word whose leftmost
// match fuzzyGood rejects has no good match).
func (s *fuzzySieve) matches(f string) bool {
	q := f[:min(len(f), maxFuzzyLen)]
	var mask uint64
	for k := range len(q) {
		mask |= byteBit(q[k])
	}
	lo := sort.SearchStrings(s.words, q[:1])
	var at [maxFuzzyLen]int
	for i := lo; i < len(s.words) && s.words[i][0] == q[0]; i++ {
		if mask&^s.masks[i] != 0 || 5*len(q) < 3*int(s.letters[i]) {
			continue
		}
		t, j := s.words[i], 0
		for k := 0; k < len(t) && j < len(q); k++ {
			if t[k] == q[j] {
				at[j] = k
				j++
			}
		}
		if j < len(q) || !fuzzyGood(q, t, at[:j]) {
			continue
		}
		for _, m := range fuzzy.Find(q, s.words[i:i+1]) {
			if fuzzyGood(q, t, m.MatchedIndexes) {
				return true
			}
		}
	}
	return false
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

// A WordList is a list of the real words of a language, one a line with
// every inflected form, as Debian's word list packages install it.
type WordList struct {
	Lang    string // the language's code, as corpus.Document's Lang
	Name    string // the language's name, in English
	Path    string
	Package string // the Debian package that installs it
}

// wordList returns the Debian word list of language lang, if there is one:
// wfrench for French, wamerican for English.
func wordList(lang string) (WordList, bool) {
	switch lang {
	case "fr":
		return WordList{Lang: "fr", Name: "French", Path: "/usr/share/dict/french", Package: "wfrench"}, true
	case "en":
		return WordList{Lang: "en", Name: "English", Path: "/usr/share/dict/american-english", Package: "wamerican"}, true
	}
	return WordList{}, false
}

// minLangShare is the share of a corpus's words (1 in minLangShare) that
// the documents of a language must hold for WordLists to give its list.
const minLangShare = 5

// WordLists returns, by language code, the word lists of the index's main
// languages, to give AbsentWords: those whose documents hold at least a
// fifth of the words of the corpus. A few documents of another language
// bring no list: the English pages of a French corpus (4% of fr-docs'
// documents), or English files taken for French (token.Detect says French
// when unsure: a tenth of the words of a sample of /usr/share/doc, in
// licence files that are lists of names). Its words would cost bytes, and
// keep typos of the main language's words that are words of the other
// from being corrected.
func WordLists(ix *index.Index) []WordList {
	words := map[string]int{}
	total := 0
	for d, doc := range ix.Docs {
		words[doc.Lang] += ix.Words(d)
		total += ix.Words(d)
	}
	var out []WordList
	for _, lang := range ix.Langs() {
		if l, ok := wordList(lang); ok && total > 0 && words[lang]*minLangShare >= total {
			out = append(out, l)
		}
	}
	return out
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
