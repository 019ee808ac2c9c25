package search

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// How a query word matched a term of the vocabulary, best first.
const (
	kindExact = iota
	kindStem
	kindPrefix
	kindTrunc // a shortening of the word ("diapo" for "diapositive")
	kindTypo
	kindFuzzy
	kindDerived // a word of the same family by derivation ("impression" for "imprimer")
)

var kindNames = [...]string{"exact", "stem", "prefix", "truncation", "typo", "fuzzy", "derived"}

// Bounds on the variants of one query word.
const (
	maxPrefix      = 40    // completions, most frequent first (fewer for 1 or 2 letters)
	maxPrefixScan  = 50000 // vocabulary entries scanned for them
	maxTypos       = 20    // corrections, closest then most frequent first
	maxFuzzy       = 10    // fuzzy vocabulary matches
	maxFuzzyTitles = 20    // fuzzy title matches
	maxFuzzyLen    = 12    // longer patterns are cut: fuzzy's score overflows past 30, and its time grows
	maxTypoTerm    = 40    // longer words get no typo tolerance
)

// variant is one term of the vocabulary that a query word matches.
type variant struct {
	term   int // term id; -1 for a fuzzy title match
	kind   int
	dist   int // for typos, the cost in half edits less one (typoCost)
	weight float64
}

// weight returns how much a match of the kind counts against an exact one.
func weight(kind, dist, qlen, tlen int) float64 {
	switch kind {
	case kindExact:
		return 1
	case kindStem:
		return 0.8
	case kindPrefix:
		return 0.45 + 0.2*float64(qlen)/float64(max(tlen, 1))
	case kindTrunc:
		return 0.6
	case kindDerived:
		return derivedWeight
	case kindTypo:
		switch {
		case dist == 0: // one common typo (typoCost 1)
			return 0.6
		case dist <= 1: // one other edit, or two common typos
			return 0.45
		}
		return 0.3
	}
	return 0.2
}

// typoCost returns the cost of the cheapest way to turn t into q, in
// half edits: each of the typos people make most counts 1, any other edit
// 2. The common typos are (Damerau-Levenshtein edits, on folded words,
// so that accent errors are no edits at all):
//   - two neighbouring letters swapped ("imgae");
//   - a letter doubled, or a double letter dropped ("cheminn", "verouiller");
//   - a silent letter dropped or added, an h or the u of "qu" ("masqe"),
//     and "f" for "ph" ("périférique");
//   - a letter replaced by its neighbour on an AZERTY or QWERTY keyboard
//     ("copiet");
//   - a letter replaced by one French spells the same sound with: a and e
//     ("transparance"), i and y, c and k, c and s, s and z, g and j.
//
// A cost of 1 is one common typo, 2 one other edit or two common ones.
func typoCost(q, t string) int {
	m, n := len(q), len(t)
	// Three rows of the table: those of q[:i-2], q[:i-1] and q[:i].
	var buf [3 * 72]int
	var d []int
	if 3*(n+1) <= len(buf) {
		d = buf[:3*(n+1)]
	} else {
		d = make([]int, 3*(n+1))
	}
	w := n + 1
	row := func(i int) []int { k := i % 3; return d[k*w : (k+1)*w] }
	// doubled reports whether s[i] is a letter whose dropping is a common
	// typo: it doubles a neighbour, or it is silent (an h, the u of "qu").
	doubled := func(s string, i int) bool {
		return s[i] == 'h' || i > 0 && (s[i-1] == s[i] || s[i] == 'u' && s[i-1] == 'q') || i+1 < len(s) && s[i+1] == s[i]
	}
	cost := func(s string, i int) int {
		if doubled(s, i) {
			return 1
		}
		return 2
	}
	r0 := row(0)
	r0[0] = 0
	for j := 1; j <= n; j++ {
		r0[j] = r0[j-1] + cost(t, j-1)
	}
	for i := 1; i <= m; i++ {
		cur, up := row(i), row(i-1)
		del := cost(q, i-1)
		cur[0] = up[0] + del
		for j := 1; j <= n; j++ {
			v := min(up[j]+del, cur[j-1]+cost(t, j-1), up[j-1]+subCost(q[i-1], t[j-1]))
			if i > 1 && j > 1 && q[i-1] == t[j-2] && q[i-2] == t[j-1] && q[i-1] != q[i-2] {
				v = min(v, row(i - 2)[j-2]+1)
			}
			if i > 1 && q[i-2] == 'p' && q[i-1] == 'h' && t[j-1] == 'f' {
				v = min(v, row(i - 2)[j-1]+1)
			}
			if j > 1 && q[i-1] == 'f' && t[j-2] == 'p' && t[j-1] == 'h' {
				v = min(v, up[j-2]+1)
			}
			cur[j] = v
		}
	}
	return row(m)[n]
}

// closeLetters lists the pairs of letters one is often typed for the
// other: the neighbouring keys of AZERTY and QWERTY keyboards (in a row,
// or in rows next to each other within three quarters of a key), then
// the letters French spells the same sound with (a and e, i and y, c and
// k, c and s, s and z, g and j); each pair once, in alphabetical order.
const closeLetters = "aq as aw az bg bh bn bv cd cf cv cx de df dr ds dx er es ew ez fg fr ft fv gh gt gv gy hj hn hu hy ij ik io iu jk jm jn ju kl km ko lm lo lp mn mp op qs qw qz rt sw sx sz ty uy wx xz " +
	"ae iy ck cs gj"

// subCost is the cost, in half edits, of typing a for b: 0 if the same,
// 1 for a close letter (closeLetters), else 2.
func subCost(a, b byte) int {
	if a == b {
		return 0
	}
	if a > b {
		a, b = b, a
	}
	if strings.Contains(closeLetters, string([]byte{a, b})) {
		return 1
	}
	return 2
}

// expand finds the variants of query word t, best first. A word the
// corpus lacks, with no term of its stem, that the index's list of real
// words has (index.Index.AbsentWord) is a word, not a typo: it gets no
// typo, shortening or fuzzy variant, and real says so; unsure says that
// the word might be one, but the list was not at hand (a split index
// before its lexicon), and that it got them.
func (e *Engine) expand(t *term) (vs []variant, real, unsure bool) {
	ix := e.ix
	seen := map[int]bool{}
	add := func(id, kind, dist int) {
		if id < 0 || seen[id] {
			return
		}
		seen[id] = true
		vs = append(vs, variant{id, kind, dist, weight(kind, dist, len(t.fold), len(ix.Term(id)))})
	}
	exact := ix.Lookup(t.fold)
	add(exact, kindExact, 0)
	n := utf8.RuneCountInString(t.fold)
	for _, a := range e.an {
		for _, tok := range a.Tokens(t.text) {
			if tok.Stem != "" && len(tok.Stem) <= 2*maxTermBytes {
				for _, id := range ix.StemTerms(tok.Stem) {
					add(int(id), kindStem, 0)
					// The stem of a word the corpus does not have may be
					// a misspelling's ("permisions" stems to "permis"): its
					// terms count as stems only if they are close to the
					// word, else as a far typo.
					if exact < 0 && len(vs) > 0 && vs[len(vs)-1].term == int(id) {
						near := strings.HasPrefix(ix.Term(int(id)), t.fold)
						if !near {
							e.typoWalk(t.fold, typoEdits(n), int(id), int(id)+1, func(int, int) { near = true })
						}
						if !near {
							vs[len(vs)-1].weight = weight(kindTypo, 2, 0, 0)
						}
					}
				}
			}
		}
	}
	if t.neg || t.phrase >= 0 || t.weak {
		return vs, false, false
	}
	// The corpus has neither the word nor a form of its stem: is it a
	// real word (no typos), or may it be a typo?
	known := true
	if len(vs) == 0 {
		real, known = ix.AbsentWord(t.fold)
	}
	e.derived(t.fold, vs, add)
	if t.last || n >= 3 {
		lo, hi := ix.PrefixRange(t.fold)
		k := maxPrefix
		if n < 3 {
			k = 8 * n // one or two letters typed: only the commonest words
		}
		for _, id := range top(lo, min(hi, lo+maxPrefixScan), k+len(seen), ix.DocFreq) {
			add(id, kindPrefix, 0)
		}
	}
	n0 := len(vs) // what follows depends on whether the word is real
	// Shortenings people write for long words: a term of the vocabulary
	// that is the word's first 5 letters or more, and at least 40% of it
	// ("diapo" for "diapositive", "photo" for "photographie"), but for a
	// real word the corpus lacks ("confit" is not "confiture").
	if !real {
		e.truncations(t.fold, func(id int) bool { add(id, kindTrunc, 0); return false })
	}
	if real {
		return vs, true, false
	}
	// A word the corpus has is spelt as its authors spell it: its
	// corrections are only the terms ten times commoner than its own
	// forms, which its rare spelling may be a slip of ("histograme",
	// in a few pages, for "histogramme"); "sauf" does not find "saut",
	// nor "lien" "lier".
	own := 0
	if exact >= 0 {
		for _, v := range vs[:n0] {
			if v.kind == kindExact || v.kind == kindStem && v.weight >= weight(kindStem, 0, 0, 0) {
				own = max(own, ix.DocFreq(v.term))
			}
		}
	}
	e.corrections(t.fold, seen, func(id, dist int) {
		if own == 0 || ix.DocFreq(id) >= slipRatio*own {
			add(id, kindTypo, dist)
		}
	})
	if len(vs) == 0 && len(t.fold) >= minFuzzy {
		for _, id := range e.fuzzyTerms(t.fold) {
			add(id, kindFuzzy, 0)
		}
	}
	return vs, false, !known && len(vs) > n0
}

// truncations calls fn with each term of the vocabulary that is a
// shortening of the folded word fold, longest first, until fn returns
// true: the word has 7 letters or more, and the term is its first 5
// letters or more and at least 40% of it. It reports whether fn did.
func (e *Engine) truncations(fold string, fn func(id int) bool) bool {
	if utf8.RuneCountInString(fold) < 7 {
		return false
	}
	for k := len(fold) - 1; k >= 5 && 5*k >= 2*len(fold); k-- {
		if utf8.RuneStart(fold[k]) {
			if id := e.ix.Lookup(fold[:k]); id >= 0 && fn(id) {
				return true
			}
		}
	}
	return false
}

// corrections calls add for up to maxTypos terms of the vocabulary a
// typo away from the folded word fold and not in seen, closest first
// (dist: typoCost less one), then commonest. Words under 4 letters, or
// longer than maxTypoTerm, have none.
func (e *Engine) corrections(fold string, seen map[int]bool, add func(id, dist int)) {
	ix := e.ix
	n := utf8.RuneCountInString(fold)
	if n < 4 || len(fold) > maxTypoTerm {
		return
	}
	type typo struct{ id, d int }
	var ts []typo
	strict := ix.NumTerms() >= largeVocabulary
	e.typos(fold, typoEdits(n), func(id, d int) {
		if seen[id] {
			return
		}
		// Ranked by cost: the common typos before the other edits.
		c := typoCost(fold, ix.Term(id))
		if d == 2 && c > 2 && strict {
			return // two edits, not both common, in a large vocabulary
		}
		ts = append(ts, typo{id, c - 1})
	})
	sortStableFunc(ts, func(a, b typo) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return ix.DocFreq(b.id) - ix.DocFreq(a.id)
	})
	for _, x := range ts[:min(len(ts), maxTypos)] {
		add(x.id, x.d)
	}
}

// slipRatio is how much commoner than a word the corpus has a term a
// typo away must be to be taken for what the word was meant to be, in
// its matching (expand) and in its did-you-mean (suggestion).
const slipRatio = 10

// derivedWeight is how much a word of the same family by derivation
// counts against the word itself.
const derivedWeight = 0.7

// derivations are pairs of French endings that turn a verb into its noun
// of action and back, where the stemmer keeps the two apart: "imprimer" and
// "impression", "protéger" and "protection", "modifier" and
// "modification", "insérer" and "insertion", "afficher" and "affichage"
// (folded). The stemmer already joins most others ("changer",
// "changement").
var derivations = [...][2]string{
	{"ier", "ication"}, {"iger", "ection"}, {"eger", "ection"}, {"imer", "ession"},
	{"uire", "uction"}, {"erer", "ertion"}, {"ertir", "ersion"}, {"ionner", "ion"},
	{"inir", "inition"}, {"rir", "erture"}, {"aitre", "ition"}, {"ire", "iture"},
	{"er", "ation"}, {"er", "age"}, {"er", "ement"},
}

// maxDerived bounds the words of other families a query word matches by
// derivation.
const maxDerived = 16

// derived adds, with add, the words that the forms of query word q (q
// itself and its exact and same-stem variants vs) derive from or into
// (derivations), when the vocabulary has them, with their inflections:
// the forms of their stem that begin as they do, less their last two
// letters (the stemmer also joins unrelated words to them).
func (e *Engine) derived(q string, vs []variant, add func(id, kind, dist int)) {
	ix := e.ix
	forms := []string{q}
	for _, v := range vs {
		if (v.kind == kindExact || v.kind == kindStem) && v.weight >= weight(kindStem, 0, 0, 0) {
			forms = append(forms, ix.Term(v.term))
		}
	}
	added := 0
	try := func(f, from, to string) {
		if len(f)-len(from) < 3 || !strings.HasSuffix(f, from) || added >= maxDerived {
			return
		}
		id := ix.Lookup(f[:len(f)-len(from)] + to)
		if id < 0 {
			return
		}
		add(id, kindDerived, 0)
		added++
		// With the forms of its stem that begin as it does, less its
		// last two letters: "imprimer" finds "impression" and
		// "impressions", not "impress", which the stemmer joins to them;
		// "impression" finds "imprimez", "formation" not "format".
		dt := ix.Term(id)
		for _, tok := range e.an[0].Tokens(dt) {
			for _, sid := range ix.StemTerms(tok.Stem) {
				if added < maxDerived && strings.HasPrefix(ix.Term(int(sid)), dt[:len(dt)-2]) {
					add(int(sid), kindDerived, 0)
					added++
				}
			}
		}
	}
	for _, f := range forms {
		for _, d := range derivations {
			try(f, d[0], d[1])
			try(f, d[1], d[0])
		}
	}
}

// minFuzzy is the shortest word matched as a fuzzy subsequence.
const minFuzzy = 3

// fuzzyGood reports whether a fuzzy subsequence match of q (its matched
// byte indexes in target) is close enough to count: it starts with the
// target's first letter, q holds at least 60% of the target's letters,
// and at most half as many letters are skipped inside the match as q has.
// "chn" finds "chine" and "ecomrce" "e-commerce"; "tartiflette" finds no
// long word that merely holds its letters in order.
func fuzzyGood(q, target string, matched []int) bool {
	if len(matched) == 0 || matched[0] != 0 {
		return false
	}
	letters := 0
	for _, r := range target {
		if r != '-' && r != '\'' && r != '.' {
			letters++
		}
	}
	if 5*len(q) < 3*letters {
		return false
	}
	span := matched[len(matched)-1] - matched[0] + 1
	return 2*(span-len(matched)) <= len(q)
}

// largeVocabulary is the size of a vocabulary, in terms, from which a
// word of 8 letters or more matches a term two edits away only when both
// are common typos (typoCost). The more terms, the likelier one lies two
// arbitrary edits from a word the corpus does not have ("tartelette" for
// "tartiflette", "mireille" for "myrtille"): of the words of 8 letters or
// more of fr-docs that fr-manpages lacks, and that have no term of it
// within one edit, 21% have one within two (28,568 terms), against 4% in
// the 911 terms of the seeds; within two common typos, 1%
// (BenchmarkFalseNeighbours).
const largeVocabulary = 10000

// typoEdits returns the edits tolerated in a word of n characters: 1 from
// 4 characters, 2 from 8.
func typoEdits(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// top returns the k ids from lo to hi with the largest key, largest
// first, ties to the smaller id.
func top(lo, hi, k int, key func(int) int) []int {
	best := make([]int, 0, k+1)
	for id := lo; id < hi; id++ {
		n := len(best)
		if n == k && key(best[n-1]) >= key(id) {
			continue
		}
		j := n
		for j > 0 && key(best[j-1]) < key(id) {
			j--
		}
		best = append(best, 0)
		copy(best[j+1:], best[j:])
		best[j] = id
		if len(best) > k {
			best = best[:k]
		}
	}
	return best
}

// typos calls fn with every term of the vocabulary within maxd edits of q
// (Damerau-Levenshtein, optimal string alignment: a transposition of two
// neighbours is one edit). It walks the sorted vocabulary as a trie: the
// rows of the edit-distance table are shared by terms with a common
// prefix, and a prefix already too far from q skips every term under it.
//
// Like most typo-tolerant engines it trusts the first letter: only the terms
// starting with q's first byte, or with its first two bytes swapped, are
// walked.
func (e *Engine) typos(q string, maxd int, fn func(id, d int)) {
	if len(q) < 2 {
		return
	}
	lo, hi := e.ix.PrefixRange(q[:1])
	e.typoWalk(q, maxd, lo, hi, fn)
	if q[0] != q[1] {
		lo, hi = e.ix.PrefixRange(string([]byte{q[1], q[0]}))
		e.typoWalk(q, maxd, lo, hi, fn)
	}
}

// typoWalk is typos over the terms lo to hi.
func (e *Engine) typoWalk(q string, maxd, lo, hi int, fn func(id, d int)) {
	terms := e.ix.Terms()[:hi]
	m := len(q)
	maxDepth := m + maxd
	w := m + 1
	rows := make([]int, (maxDepth+1)*w)
	for j := 0; j <= m; j++ {
		rows[j] = j
	}
	prev := ""
	valid := 0 // rows 0..valid hold the table of prev[:valid]
	for i := lo; i < len(terms); {
		t := terms[i]
		l := 0
		for l < valid && l < len(t) && prev[l] == t[l] {
			l++
		}
		valid = l
		cut := -1 // skip every term starting with t[:cut]
		for k := l; k < len(t); k++ {
			if k+1 > maxDepth {
				cut = k + 1
				break
			}
			cur := rows[(k+1)*w : (k+2)*w]
			up := rows[k*w : (k+1)*w]
			c := t[k]
			cur[0] = k + 1
			rowMin := cur[0]
			for j := 1; j <= m; j++ {
				cost := 1
				if q[j-1] == c {
					cost = 0
				}
				v := min(up[j]+1, cur[j-1]+1, up[j-1]+cost)
				if k > 0 && j > 1 && q[j-1] == t[k-1] && q[j-2] == c {
					v = min(v, rows[(k-1)*w+j-2]+1)
				}
				cur[j] = v
				rowMin = min(rowMin, v)
			}
			valid = k + 1
			if rowMin > maxd && slices.Min(up) > maxd-1 {
				cut = k + 1
				break
			}
		}
		prev = t
		if cut >= 0 {
			i = skipPrefix(terms, i, t[:cut])
			continue
		}
		if d := rows[len(t)*w+m]; d <= maxd {
			fn(i, d)
		}
		i++
	}
}

// skipPrefix returns the index of the first term after i that does not
// start with p, terms[i] starting with it: a galloping search, as most
// skipped runs are short.
func skipPrefix(terms []string, i int, p string) int {
	lo, step := i, 1 // terms[lo] starts with p
	hi := i + 1
	for hi < len(terms) && strings.HasPrefix(terms[hi], p) {
		lo = hi
		step *= 2
		hi = i + step
	}
	hi = min(hi, len(terms))
	return lo + 1 + sort.Search(hi-lo-1, func(j int) bool { return !strings.HasPrefix(terms[lo+1+j], p) })
}

// fuzzyTerms returns the terms of the vocabulary that hold the letters of
// q in order, best first (github.com/sahilm/fuzzy), among those starting
// with the same letter as q.
func (e *Engine) fuzzyTerms(q string) []int {
	if len(q) > maxFuzzyLen {
		q = q[:maxFuzzyLen]
	}
	lo, hi := e.ix.PrefixRange(q[:1])
	ms := fuzzy.FindNoSort(q, e.ix.Terms()[lo:hi])
	good := ms[:0]
	for _, m := range ms {
		if fuzzyGood(q, m.Str, m.MatchedIndexes) {
			good = append(good, m)
		}
	}
	ms = good
	sortStableFunc(ms, func(a, b fuzzy.Match) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return e.ix.DocFreq(lo+b.Index) - e.ix.DocFreq(lo+a.Index)
	})
	var ids []int
	for _, m := range ms[:min(len(ms), maxFuzzy)] {
		ids = append(ids, lo+m.Index)
	}
	return ids
}
