package search

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/token"
	"github.com/sahilm/fuzzy"
)

// occ is one occurrence of a query word in a document: a word position in
// its title or its text. Eight bytes without pointers: sorting a list of
// them swaps them as integers.
type occ struct {
	pos  int32
	vi   uint16 // the variant, as an index of the word's vars; noVariant for a fuzzy title match
	term uint8  // index of the query word (fewer than maxTerms)
	kt   uint8  // how it matched (kindExact...), plus occInTitle when in the title
}

const (
	occInTitle = 1 << 7 // in occ.kt: the occurrence is in the title
	noVariant  = 1<<16 - 1
)

// title reports whether the occurrence is in the title.
func (o occ) title() bool { return o.kt&occInTitle != 0 }

// occKT returns the kt of an occurrence of a variant of the given kind.
func occKT(kind int, title bool) uint8 {
	if title {
		return uint8(kind) | occInTitle
	}
	return uint8(kind)
}

// occurrences holds the occurrences of the query words in some documents.
type occurrences struct {
	slot  []int32 // per document: its list + 1, 0 if none
	lists [][]occ
}

func (o occurrences) of(d int) []occ {
	if d < len(o.slot) && o.slot[d] > 0 {
		return o.lists[o.slot[d]-1]
	}
	return nil
}

// maxOcc bounds the occurrences of one word in one document that are
// looked at for phrases, proximity and snippets.
const maxOcc = 256

// occurrences finds where the words of pos occur in docs, each list
// sorted: title first, then by position, from the postings and marks
// the first pass kept in sc. The lists are kept in sc for the
// next search (their memory reused): they are good until sc is used again.
//
// Occurrences at the same place (a compound and its parts, or one word
// matching two query words) may come in any order: nothing depends on
// it but the order in which hitExplain lists the variants. For explain,
// the lists are sorted as they always were (pdqsort, sortFunc), so that
// its lists stay as they were; otherwise by merging the runs they are
// made of (sortOccs), several times faster.
func (e *Engine) occurrences(pos []*qterm, docs []int, sc *scratch, explain bool) occurrences {
	o := occurrences{}
	if len(docs) == 0 {
		return o
	}
	o.slot = sc.slot // cleared by getScratch
	for len(sc.lists) < len(docs) {
		sc.lists = append(sc.lists, nil)
	}
	o.lists = sc.lists[:len(docs)]
	for i, d := range docs {
		o.slot[d] = int32(i + 1)
		o.lists[i] = o.lists[i][:0]
	}
	buf := sc.buf
	k := 0 // the variant's number, across the words
	for ti, qt := range pos {
		for vi, v := range qt.vars {
			p := &sc.posts[k]
			for _, m := range sc.marks[sc.markAt[k]:sc.markAt[k+1]] {
				i := o.slot[m.Doc] - 1
				if i < 0 {
					continue
				}
				buf = p.OccurrencesAt(m, buf[:0])
				for _, x := range buf[:min(len(buf), maxOcc)] {
					o.lists[i] = append(o.lists[i], occ{int32(x.Pos), uint16(min(vi, noVariant)), uint8(ti), occKT(v.kind, x.InTitle)})
				}
			}
			k++
		}
		for _, m := range qt.titles {
			if i := o.slot[m.doc] - 1; i >= 0 {
				d := e.ix.Docs[m.doc]
				toks := token.For(d.Lang).Tokens(d.Title)
				for _, r := range m.ranges {
					if p := wordPos(toks, r.Start); p >= 0 {
						o.lists[i] = append(o.lists[i], occ{int32(p), noVariant, uint8(ti), occKT(kindFuzzy, true)})
					}
				}
			}
		}
	}
	sc.buf = buf
	for _, l := range o.lists {
		if explain {
			sortFunc(l, func(a, b occ) int { return int(a.key()) - int(b.key()) })
			continue
		}
		sc.spare = sortOccs(l, sc.spare)
	}
	return o
}

// key orders occurrences: those in the title first, then by position
// (positions are under 1<<31).
func (o occ) key() uint32 { return uint32(o.pos) | uint32(^o.kt&occInTitle)<<24 }

// sortOccs sorts a document's occurrences by key, given as the runs
// occurrences appends them in, each already in order (a variant's
// occurrences in the title, then in the text): each run is merged into
// the sorted ones before it, equal occurrences kept in the order they
// came. spare is memory to copy into; sortOccs returns it, grown, for
// the next call.
func sortOccs(s, spare []occ) []occ {
	for m := 1; m < len(s); m++ {
		if s[m].key() >= s[m-1].key() {
			continue
		}
		e := m + 1 // the run s[m:e]
		for e < len(s) && s[e].key() >= s[e-1].key() {
			e++
		}
		// Merge a copy of s[:m] with s[m:e] into s[:e]: the k-th written
		// never passes the next unread of s[m:e].
		a := append(spare[:0], s[:m]...)
		spare = a
		i, j, k := 0, m, 0
		for i < len(a) && j < e {
			if s[j].key() < a[i].key() {
				s[k] = s[j]
				j++
			} else {
				s[k] = a[i]
				i++
			}
			k++
		}
		copy(s[k:], a[i:])
		m = e - 1
	}
	return spare
}

// wordPos returns the position, as the index counts them, of the token of
// toks that holds byte b, or -1.
func wordPos(toks []token.Token, b int) int {
	p := 0
	for _, t := range toks {
		if t.Start <= b && b < t.End {
			return p
		}
		if !t.Compound {
			p++
		}
	}
	return -1
}

// phraseWords maps each quoted phrase of the query to its words, as
// indexes of pos: made once for all the documents phrasesMatch checks.
func phraseWords(pos []*qterm) map[int][]int {
	phrases := map[int][]int{}
	for ti, qt := range pos {
		if qt.phrase >= 0 {
			phrases[qt.phrase] = append(phrases[qt.phrase], ti)
		}
	}
	return phrases
}

// phrasesMatch reports whether a document whose occurrences are os holds
// every quoted phrase of the query: its words in order, at the positions
// the phrase gives them (its stopwords count); phrases are the words of
// each phrase (phraseWords).
func phrasesMatch(pos []*qterm, phrases map[int][]int, os []occ) bool {
	at := func(ti int, title bool, p int) bool {
		for _, o := range os {
			if int(o.term) == ti && o.title() == title && int(o.pos) == p {
				return true
			}
		}
		return false
	}
	for _, tis := range phrases {
		if len(tis) < 2 {
			continue
		}
		found := false
		for _, first := range os {
			if int(first.term) != tis[0] {
				continue
			}
			ok := true
			for _, ti := range tis[1:] {
				if !at(ti, first.title(), int(first.pos)+pos[ti].pos-pos[tis[0]].pos) {
					ok = false
					break
				}
			}
			if ok {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// maxWindow is the widest passage, in words, that counts for closeness.
const maxWindow = 300

// closeness scores, from 0 to 1, how close together the query words stand
// in a document whose occurrences are os: the number of words matched
// over the number of words in the smallest passage holding them all.
func closeness(os []occ) float64 {
	best := 0.0
	nt := 0
	for nt < len(os) && os[nt].title() {
		nt++
	}
	var counts [32]int
	for _, title := range []bool{true, false} {
		l := os[nt:]
		if title {
			l = os[:nt]
		}
		seen := uint32(0)
		for _, o := range l {
			seen |= 1 << o.term
		}
		want := 0
		for m := seen; m != 0; m &= m - 1 {
			want++
		}
		if want < 2 {
			continue
		}
		// The smallest window of l holding every word in seen.
		counts = [32]int{}
		have, lo := 0, 0
		bs, be := -1, -1
		for hi := range l {
			if counts[l[hi].term] == 0 {
				have++
			}
			counts[l[hi].term]++
			for have == want {
				if bs < 0 || int(l[hi].pos-l[lo].pos) < be-bs {
					bs, be = int(l[lo].pos), int(l[hi].pos)
				}
				counts[l[lo].term]--
				if counts[l[lo].term] == 0 {
					have--
				}
				lo++
			}
		}
		if be-bs >= maxWindow {
			continue
		}
		words := be - bs + 1
		if c := float64(want) / float64(max(words, want)); c > best {
			best = c
		}
	}
	return best
}

// snippetRunes is the length of a snippet, in characters.
const snippetRunes = 200

// A part of a long document (index.Index.Part) carries the text after it
// that a snippet starting in it may read: this does not compile if it
// carries too little.
const _ = uint(index.PartTailRunes - snippetRunes - 1)

// snippetWords is the width, in word positions, of the passage whose
// query words a snippet is chosen for.
const snippetWords = 25

// snippet returns the passage of the document's text densest in query
// words, about 200 characters cut on word boundaries, with white space
// runs made single spaces, and the words h marks in it, in UTF-16
// offsets of the snippet. The passage is chosen from the word positions
// of os (the query words' occurrences); bpos, the position at which each
// block starts, leads to the one block to tokenize to find its bytes.
// The int is the byte offset in the text of the passage's first query
// word (of the snippet's start when no word of the text matched), for the
// page it is on.
func snippet(d *corpus.Document, bpos []uint32, os []occ, boiler []uint32, h *Highlighter) (string, []Range, int) {
	text := d.Text
	blockOf := func(p int) (corpus.Block, bool) {
		i := sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].End > p })
		if i < len(d.Blocks) && d.Blocks[i].Start <= p {
			return d.Blocks[i], true
		}
		return corpus.Block{}, false
	}
	// blockAt is the block holding word position p, -1 if none.
	blockAt := func(p int) int {
		if len(bpos) != len(d.Blocks) {
			return -1
		}
		return sort.Search(len(bpos), func(i int) bool { return int(bpos[i]) > p }) - 1
	}
	if boiler == nil {
		boiler = index.BoilerplateRanges(d.Blocks, bpos)
	}
	to := textOccurrences(os)
	start, focus := 0, -1
	if len(to) == 0 {
		for _, b := range d.Blocks {
			if b.Kind == corpus.Paragraph {
				start = b.Start
				break
			}
		}
	} else {
		// The bytes of the first word of the passage: tokenize its block.
		want := passage(to, boiler)
		lo, hi, p := 0, len(text), 0
		if b := blockAt(want); b >= 0 {
			lo, hi, p = d.Blocks[b].Start, d.Blocks[b].End, int(bpos[b])
		}
		first, floor := lo, lo
		if at, ok := token.For(d.Lang).WordStart(text[lo:hi], want-p); ok {
			first = lo + at
		}
		if b, ok := blockOf(first); ok {
			floor = b.Start
		}
		// Back up to 50 characters, to a word start.
		start, focus = first, first
		for k := 0; k < 50 && start > floor; k++ {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
		if start > floor {
			if sp := strings.IndexFunc(text[start:first], unicode.IsSpace); sp >= 0 {
				start += sp
			} else {
				start = first
			}
		}
	}
	// Forward 200 characters, back to a word end.
	end := start
	for k := 0; k < snippetRunes && end < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(r) {
			if sp := strings.LastIndexFunc(text[start:end], unicode.IsSpace); sp > 0 {
				end = start + sp
			}
		}
	}
	var b strings.Builder
	var ranges []Range
	u16 := 0
	b.Grow(end - start + 8)
	write := func(s string, collapse bool) {
		for i := 0; i < len(s); {
			if c := s[i]; c < utf8.RuneSelf && !(collapse && asciiSpace(c)) {
				// A run of ASCII to copy as it is: one byte, one code unit each.
				j := i + 1
				for j < len(s) && s[j] < utf8.RuneSelf && !(collapse && asciiSpace(s[j])) {
					j++
				}
				b.WriteString(s[i:j])
				u16 += j - i
				i = j
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if collapse && unicode.IsSpace(r) {
				if b.Len() == 0 || strings.HasSuffix(b.String(), " ") {
					continue
				}
				r = ' '
			}
			b.WriteRune(r)
			u16 += utf16Len(r)
		}
	}
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	if b, ok := blockOf(start); start > 0 && !(ok && b.Start == start) {
		write("… ", false) // the snippet starts inside a block
	}
	at := start
	marked := h.appendSpans(nil, text[start:end], d.Lang, start)
	if len(marked) > 0 {
		ranges = make([]Range, 0, len(marked))
	}
	for _, o := range marked {
		write(text[at:o.Start], true)
		s := u16
		write(text[o.Start:o.End], false)
		ranges = append(ranges, Range{Start: s, End: u16})
		at = o.End
	}
	write(text[at:end], true)
	// " …" when text follows, written into b (which has room for it)
	// rather than copied; b ends with one space at most (write makes
	// single spaces, and a marked word ends with none).
	out := b.String()
	if end < len(text) && strings.TrimSpace(text[end:]) != "" {
		if !strings.HasSuffix(out, " ") {
			b.WriteByte(' ')
		}
		b.WriteString("…")
		out = b.String()
	}
	out = strings.TrimRight(out, " ")
	if focus < 0 {
		focus = start
	}
	return out, ranges, focus
}

// textOccurrences returns the occurrences of os in the text (not the title).
func textOccurrences(os []occ) []occ {
	to := os // sorted: those in the title come first
	for len(to) > 0 && to[0].title() {
		to = to[1:]
	}
	return to
}

// passage returns the word position of the first query word of the
// passage of snippetWords words with the most distinct query words, then
// the most occurrences, out of boilerplate (boiler: the word ranges of
// the boilerplate blocks, index.BoilerplateRanges) if possible; to are
// the occurrences in the text, at least one.
func passage(to []occ, boiler []uint32) int {
	bi, bs := 0, -1
	// The window to[i:j], slid along: the occurrences within snippetWords
	// of to[i], with how many of each word (under 32) it holds.
	var counts [32]int32
	j, distinct := 0, 0
	for i := range to {
		if i > 0 {
			if t := to[i-1].term; t < 32 {
				if counts[t]--; counts[t] == 0 {
					distinct--
				}
			}
		}
		for ; j < len(to) && to[j].pos-to[i].pos <= snippetWords; j++ {
			if t := to[j].term; t < 32 {
				if counts[t] == 0 {
					distinct++
				}
				counts[t]++
			}
		}
		s := distinct*1000 + j - i
		if inSpans(boiler, uint32(to[i].pos)) {
			s -= 500
		}
		if s > bs {
			bi, bs = i, s
		}
	}
	return int(to[bi].pos)
}

// inSpans reports whether position p lies in one of spans, given as
// pairs of a start and an end (excluded), in increasing order.
func inSpans(spans []uint32, p uint32) bool {
	for k := 0; k+1 < len(spans) && spans[k] <= p; k += 2 {
		if p < spans[k+1] {
			return true
		}
	}
	return false
}

// asciiSpace reports whether the ASCII byte c is white space, as
// unicode.IsSpace says.
func asciiSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// titleHighlights returns the words of document d's title that h marks,
// with those a fuzzy match of the titles found, in UTF-16 offsets of the
// title.
func titleHighlights(doc *corpus.Document, pos []*qterm, d int, h *Highlighter) []Range {
	spans := h.Spans(doc.Title, doc.Lang)
	n := len(spans)
	for _, qt := range pos {
		for _, m := range qt.titles {
			if m.doc == d {
				for _, r := range m.ranges {
					if r.Start >= 0 && r.Start < r.End && r.End <= len(doc.Title) {
						spans = append(spans, r)
					}
				}
			}
		}
	}
	if len(spans) > n {
		spans = mergeSpans(spans, 0)
	}
	return UTF16Ranges(doc.Title, spans)
}

// titleWords lists the words of the documents' titles, split at white
// space only, so that a compound ("e-commerce", "arrière-plan") stays one
// word: each folded word once, with where it occurs.
type titleWords struct {
	words []string // folded, sorted
	at    [][]titleWordAt
}

// titleWordAt is one occurrence of a title word: a byte range of a title.
type titleWordAt struct {
	doc        int32
	start, end int32
}

// titleMatch is a fuzzy match of a query word with a title: the words of
// the title that hold the matched letters.
type titleMatch struct {
	doc    int
	score  float64
	ranges []corpus.Span
}

// buildTitleWords collects the words of the titles.
func (e *Engine) buildTitleWords() *titleWords {
	at := map[string][]titleWordAt{}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for d, doc := range e.ix.Docs {
		t := doc.Title
		for i := 0; i < len(t); {
			r, size := utf8.DecodeRuneInString(t[i:])
			if !isWord(r) {
				i += size
				continue
			}
			j := i
			for j < len(t) {
				r, size := utf8.DecodeRuneInString(t[j:])
				if unicode.IsSpace(r) {
					break
				}
				j += size
			}
			end := j
			for end > i {
				r, size := utf8.DecodeLastRuneInString(t[i:end])
				if isWord(r) {
					break
				}
				end -= size
			}
			if f := token.Fold(t[i:end]); f != "" && len(f) <= 4*maxFuzzyLen {
				at[f] = append(at[f], titleWordAt{int32(d), int32(i), int32(end)})
			}
			i = j
		}
	}
	tw := &titleWords{}
	for w := range at {
		tw.words = append(tw.words, w)
	}
	sort.Slice(tw.words, func(i, j int) bool { return tw.words[i] < tw.words[j] })
	for _, w := range tw.words {
		tw.at = append(tw.at, at[w])
	}
	return tw
}

// fuzzyTitles matches q as a fuzzy subsequence (github.com/sahilm/fuzzy)
// of the words of the titles, one word at a time, never across words, and
// keeps the matches good enough (fuzzyGood): "ecomrce" finds the titles
// with "e-commerce".
func (e *Engine) fuzzyTitles(q string) []titleMatch {
	if len(q) < minFuzzy {
		return nil
	}
	if len(q) > maxFuzzyLen {
		q = q[:maxFuzzyLen]
	}
	e.titlesOnce.Do(func() { e.titles = e.buildTitleWords() })
	tw := e.titles
	lo := sort.SearchStrings(tw.words, q[:1])
	hi := lo
	for hi < len(tw.words) && tw.words[hi][0] == q[0] {
		hi++
	}
	ms := fuzzy.FindNoSort(q, tw.words[lo:hi])
	sortStableFunc(ms, func(a, b fuzzy.Match) int { return b.Score - a.Score }) // as fuzzy.Find does
	var out []titleMatch
	slot := map[int]int{}
	rank := 0
	for _, m := range ms {
		if !fuzzyGood(q, m.Str, m.MatchedIndexes) {
			continue
		}
		score := 1 - float64(rank)/float64(2*maxFuzzyTitles)
		rank++
		for _, a := range tw.at[lo+m.Index] {
			d := int(a.doc)
			i, ok := slot[d]
			if !ok {
				if len(out) >= maxFuzzyTitles {
					continue
				}
				i = len(out)
				slot[d] = i
				out = append(out, titleMatch{doc: d, score: score})
			}
			out[i].ranges = append(out[i].ranges, corpus.Span{Start: int(a.start), End: int(a.end)})
		}
		if len(out) >= maxFuzzyTitles {
			break
		}
	}
	return out
}

// rareDocs is the most documents a word the corpus has may appear in and
// still be taken for a typo, in a query, of a much commoner word: two,
// or one in a thousand documents of a large corpus.
func (e *Engine) rareDocs() int {
	return max(2, len(e.ix.Docs)/1000)
}

// suggestion returns q with each word that matched no term as typed
// replaced by its best correction (a quoted word's too, though it is
// matched as written only), or "" if there is none; weak reports
// whether every word it replaces is one the corpus lacks (no exact form,
// no form of the same stem). Corrections rank by cost (typoCost), then by
// how many documents hold them.
func (e *Engine) suggestion(q string, pos []*qterm) (string, bool) {
	ix := e.ix
	type repl struct {
		start, end int
		with       string
	}
	var rs []repl
	weak := true
	for _, qt := range pos {
		exact, stem, ownDF := -1, false, 0
		bestID, bestKind, bestDist := -1, 0, 0
		// how ranks v as a correction: a shortening one common typo away
		// is the correction of a doubled letter ("cheminn": "chemin").
		how := func(v variant) (kind, dist int) {
			if v.kind == kindTrunc && typoCost(qt.fold, ix.Term(v.term)) == 1 {
				return kindTypo, 0
			}
			return v.kind, v.dist
		}
		cands := qt.vars
		if qt.real {
			continue // a real word the corpus lacks is no typo
		}
		if absent, _ := ix.AbsentWord(qt.fold); len(cands) == 0 && qt.phrase >= 0 && !absent {
			// A quoted word matches as written only (expand lists no
			// typos for it): its corrections are looked up here.
			e.corrections(qt.fold, nil, func(id, dist int) {
				cands = append(cands, variant{term: id, kind: kindTypo, dist: dist})
			})
		}
		for _, v := range cands {
			kind, dist := how(v)
			switch kind {
			case kindExact:
				exact = v.term
				ownDF = max(ownDF, ix.DocFreq(v.term))
			case kindStem:
				if v.weight >= weight(kindStem, 0, 0, 0) {
					stem = true
					ownDF = max(ownDF, ix.DocFreq(v.term))
				}
			case kindTypo, kindFuzzy:
				better := bestID < 0 || kind < bestKind || kind == bestKind && (dist < bestDist ||
					dist == bestDist && ix.DocFreq(v.term) > ix.DocFreq(bestID))
				if better {
					bestID, bestKind, bestDist = v.term, kind, dist
				}
			}
		}
		if bestID < 0 {
			continue
		}
		// A correction is clear when no other one as close is nearly as
		// common ("archivge": "archive" or "archivage"?).
		clear := true
		for _, v := range cands {
			if kind, dist := how(v); v.term != bestID && kind == bestKind && dist == bestDist && 10*ix.DocFreq(v.term) > ix.DocFreq(bestID) {
				clear = false
			}
		}
		// A word the corpus has, as written or by a form of its stem, is
		// a word, not a typo: it is corrected only when the corpus
		// hardly has it (no form in more than rareDocs documents), as a
		// slip of its own, and a word one edit away is ten times
		// commoner. In fr-docs, "croisant" (its commonest form in 3
		// pages) is "croissant" (38); "voit" (15) is not "voir" (322),
		// nor "pavés" (a form in 12) "pages"; "compiler" is not
		// "copier", two edits away, nor "cuisiner", which finds
		// "cuisine", the rarer "cuisinier".
		if ownDF > 0 && (ownDF > e.rareDocs() || bestDist > 1 || ix.DocFreq(bestID) < slipRatio*ownDF) {
			continue
		}
		if qt.last && exact < 0 {
			// A word being typed that completes to something is not a typo.
			completes := false
			for _, v := range cands {
				completes = completes || v.kind == kindPrefix || v.kind == kindStem
			}
			if completes {
				continue
			}
		}
		weak = weak && exact < 0 && !stem && clear
		rs = append(rs, repl{qt.start, qt.end, ix.Display(bestID)})
	}
	if len(rs) == 0 {
		return "", false
	}
	var b strings.Builder
	at := 0
	for _, r := range rs {
		if r.start < at || r.end > len(q) {
			continue
		}
		b.WriteString(q[at:r.start])
		b.WriteString(r.with)
		at = r.end
	}
	b.WriteString(q[at:])
	if b.String() == q {
		return "", false
	}
	return b.String(), weak
}

// hitExplain lists, for one hit, each variant of each query word that
// occurs in it, with where ("title" or "text") and how many times.
func (e *Engine) hitExplain(pos []*qterm, os []occ) []TermMatch {
	ms := []TermMatch{}
	for _, o := range os {
		where := "text"
		if o.title() {
			where = "title"
		}
		v := ""
		if o.vi != noVariant {
			v = e.ix.Term(pos[o.term].vars[o.vi].term)
		}
		found := false
		for i := range ms {
			m := &ms[i]
			if m.Term == pos[o.term].text && m.Variant == v && m.Field == where {
				m.Count++
				found = true
				break
			}
		}
		if !found {
			ms = append(ms, TermMatch{Term: pos[o.term].text, Variant: v, Kind: kindNames[o.kt&^occInTitle], Field: where, Count: 1})
		}
	}
	return ms
}

// maxTitleOccs bounds the occurrences in a title that placeOf looks at.
const maxTitleOccs = 32

// placeOf says where the query's words stand in a document, from os, its
// occurrences (those in the title first); mass are the words' masses,
// total their sum, whole the share of it the document matches and
// titleWords the number of words of its title that carry meaning
// (indexed, not numbers such as "4.7."). It returns:
//   - order, the share of the query's mass held by the heaviest run of
//     its words that stand in the title in the query's order, each at the
//     distance it has from the one before in the query, give or take one
//     word ("la couleur du texte" in "Modification de la couleur du
//     texte"), 0 when no two words do;
//   - fit, the share of the title's words that the query matched (1 for
//     "5.6. Colonnes" and the query "afficher le texte en colonnes");
//   - passage, the share of the query's mass that the best passage holds:
//     the title, or a window of passageWidth word positions of the text;
//     the scan stops as soon as a passage holds whole.
func placeOf(os []occ, pos []*qterm, mass []float64, total, whole float64, titleWords int) (order, fit, passage float64) {
	if total <= 0 || len(pos) > 32 {
		return 0, 0, 0
	}
	var m [32]float64 // the words' masses, indexed by an occurrence's term
	var at [32]int    // their positions in the query
	for ti, qt := range pos {
		m[ti], at[ti] = mass[ti], qt.at
	}
	nt := 0
	for nt < len(os) && os[nt].title() {
		nt++
	}
	t := os[:min(nt, maxTitleOccs)]
	// chain[k] is the mass of the heaviest run ending at t[k], negative
	// while the run is t[k] alone.
	var chain [maxTitleOccs]float64
	var in uint32 // the words in the title
	places, last := 0, int32(-1)
	for k, o := range t {
		ti := o.term & 31
		in |= 1 << ti
		if o.pos != last { // sorted: each position counted once
			places++
			last = o.pos
		}
		c := -m[ti]
		for j, p := range t[:k] {
			qg := at[ti] - at[p.term&31]
			tg := int(o.pos - p.pos)
			if qg > 0 && tg > 0 && tg-qg <= 1 && qg-tg <= 1 {
				if r := math.Abs(chain[j]) + m[ti]; r > c {
					c = r
				}
			}
		}
		chain[k&(maxTitleOccs-1)] = c
		if c > order {
			order = c
		}
	}
	if titleWords > 0 {
		fit = min(1, float64(places)/float64(titleWords))
	}
	best := 0.0
	for ti := range m {
		if in&(1<<ti) != 0 {
			best += m[ti]
		}
	}
	// The text: a window sliding over its occurrences, with the number of
	// occurrences of each word in it.
	var counts [32]int32
	goal := whole*total - 1e-9
	cur, lo := 0.0, 0
	to := os[nt:]
	for _, o := range to {
		if best >= goal {
			break
		}
		for o.pos-to[lo].pos >= passageWidth {
			ti := to[lo].term & 31
			counts[ti]--
			if counts[ti] == 0 {
				cur -= m[ti]
			}
			lo++
		}
		ti := o.term & 31
		counts[ti]++
		if counts[ti] == 1 { // only a word coming in makes a better passage
			cur += m[ti]
			if cur > best {
				best = cur
			}
		}
	}
	return order / total, fit, min(1, best/total)
}

// titleNumbers returns the number of words of a title, cut at spaces
// and no-break spaces, that hold digits and no letter ("4.7." in "4.7.
// Changer de mode"): the index counts them among the title's words.
func titleNumbers(title string) int {
	n := 0
	digit, letter := false, false
	for i := 0; i <= len(title); i++ {
		c := byte(' ')
		if i < len(title) {
			c = title[i]
		}
		switch {
		case c == ' ' || c == '\t' || c == 0xc2 && i+1 < len(title) && title[i+1] == 0xa0: // U+00A0
			if digit && !letter {
				n++
			}
			digit, letter = false, false
		case '0' <= c && c <= '9':
			digit = true
		case c >= 0x80 && c != 0xa0 || 'a' <= c|0x20 && c|0x20 <= 'z':
			letter = true
		}
	}
	return n
}
