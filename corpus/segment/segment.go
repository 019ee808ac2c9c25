package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// Sentences returns the sentences of text (in language lang, "fr" or "en";
// anything else is treated as French) as byte spans, in order, trimmed of
// surrounding white space. Line breaks end a sentence only when the text
// around them says so (see the package documentation).
func Sentences(text, lang string) []corpus.Span {
	s := segmenter{t: text, en: isEnglish(lang), factsOf: -1}
	s.out = make([]corpus.Span, 0, len(text)/128+1)
	s.run()
	return s.out
}

func isEnglish(lang string) bool {
	return len(lang) >= 2 && (lang[0] == 'e' || lang[0] == 'E') && (lang[1] == 'n' || lang[1] == 'N') &&
		(len(lang) == 2 || lang[2] == '-' || lang[2] == '_')
}

// segmenter is the state of one call of Sentences.
type segmenter struct {
	t     string
	en    bool
	start int // start of the current sentence: its first non-space byte, or len(t)
	out   []corpus.Span

	// Facts about the current sentence, computed once (they keep the
	// whole pass linear on hostile input).
	factsOf   int    // the sentence start they describe, or -1
	firstWord int    // the first byte that is not space or a bullet
	list      bool   // the sentence opens with a list number
	item      string // the last list number found on the line
	style     string // its punctuation
	next      string // the list number after item
	needle    string // " " + next + style + " "
	searched  int    // where to search for needle

	// Straight quotes of the current paragraph, counted up to quotesTo
	// (incrementally: each byte is read once).
	quotesTo  int
	quotesOdd bool // an odd number of " since the paragraph's start
	lineBlank bool // the line read so far holds only spaces
}

// quoteOpen reports whether a straight double quote is open at k: an odd
// number of them since the last blank line. Calls come with k increasing.
func (s *segmenter) quoteOpen(k int) bool {
	for ; s.quotesTo < k; s.quotesTo++ {
		switch c := s.t[s.quotesTo]; c {
		case '"':
			s.quotesOdd = !s.quotesOdd
			s.lineBlank = false
		case '\n':
			if s.lineBlank {
				s.quotesOdd = false
			}
			s.lineBlank = true
		case ' ', '\t', '\r':
		default:
			s.lineBlank = false
		}
	}
	return s.quotesOdd
}

// facts makes the facts about the current sentence current.
func (s *segmenter) facts() {
	if s.factsOf == s.start {
		return
	}
	s.factsOf = s.start
	j := s.start
	for j < len(s.t) {
		r, size := utf8.DecodeRuneInString(s.t[j:])
		if !isSpace(r) && !isBulletRune(r) && r != '-' && r != '–' && r != '—' && r != '*' {
			break
		}
		j += size
	}
	s.firstWord = j
	s.item, s.style, s.list = s.listMarker(s.start, len(s.t))
	s.searched = s.start + len(s.item) + len(s.style)
	s.next, s.needle = "", ""
}

// candidate marks the bytes at which a boundary may be decided: ASCII
// final punctuation and line breaks, and the lead bytes of the multi-byte
// final punctuation, bullets and separators.
var candidate = [256]bool{
	'.': true, '!': true, '?': true, '\n': true, '\r': true, '\f': true,
	0xE2: true, // … ‼ ⁇ ⁈ ⁉ • ‣ ⁃ ◦ ▪ ● ■ U+2028 U+2029
	0xE3: true, // 。
	0xEF: true, // ！ ？ ｡
}

func (s *segmenter) run() {
	t := s.t
	n := len(t)
	s.start, _ = s.skipSpace(0)
	for i := s.start; i < n; {
		c := t[i]
		if !candidate[c] {
			i++
			continue
		}
		switch c {
		case '.', '!', '?':
			i = s.terminal(i)
		case '\n', '\f':
			i = s.lineBreak(i)
		case '\r':
			if i+1 < n && t[i+1] == '\n' {
				i++
			} else {
				i = s.lineBreak(i)
			}
		default:
			r, size := utf8.DecodeRuneInString(t[i:])
			switch {
			case isTerminalRune(r):
				i = s.terminal(i)
			case isBulletRune(r):
				if i > s.start {
					s.cut(i, i)
				}
				i += size
			case r == '\u2028' || r == '\u2029':
				i = s.lineBreak(i)
			default:
				i += size
			}
		}
	}
	s.cut(n, n)
}

// cut ends the current sentence at end and starts the next one at next.
func (s *segmenter) cut(end, next int) {
	s.emit(s.start, end)
	s.start = next
}

// emit appends the sentence t[a:b], trimmed, unless it is empty. A
// sentence that opens with a list number is split before the next numbers
// of the same list on the same line ("1) The first item 2) The second").
func (s *segmenter) emit(a, b int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s.t[a:b])
		if !isSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s.t[a:b])
		if !isSpace(r) {
			break
		}
		b -= size
	}
	if b <= a {
		return
	}
	if item, style, ok := s.listMarker(a, b); ok {
		for p := a + len(item) + len(style); ; p = a + len(item) + len(style) {
			if item = nextItem(item); item == "" {
				break
			}
			k := strings.Index(s.t[p:b], " "+item+style+" ")
			if k < 0 {
				break
			}
			e := p + k
			for e > a {
				r, size := utf8.DecodeLastRuneInString(s.t[a:e])
				if !isSpace(r) {
					break
				}
				e -= size
			}
			s.out = append(s.out, corpus.Span{Start: a, End: e})
			a = p + k + 1
		}
	}
	s.out = append(s.out, corpus.Span{Start: a, End: b})
}

// listMarker returns the list number (one to three digits, or one lower
// case letter) and its punctuation (".", ")", ".)" or "/") that open the
// sentence t[a:b], followed by a space.
func (s *segmenter) listMarker(a, b int) (item, style string, ok bool) {
	t := s.t[a:b]
	n := 0
	for n < len(t) && n < 4 && isDigit(rune(t[n])) {
		n++
	}
	switch {
	case n >= 1 && n <= 3:
	case len(t) > 0 && 'a' <= t[0] && t[0] <= 'y':
		n = 1
	default:
		return "", "", false
	}
	for _, st := range [...]string{".)", ")", ".", "/"} {
		if strings.HasPrefix(t[n:], st+" ") {
			return t[:n], st, true
		}
	}
	return "", "", false
}

// nextListItem reports whether t[k:i] continues the list that opens the
// current sentence: "1. A 2. B 3" for "3".
func (s *segmenter) nextListItem(k, i int) bool {
	s.facts()
	if !s.list || s.style != "." && s.style != ".)" {
		return false
	}
	for {
		if s.next == "" {
			if s.next = nextItem(s.item); s.next == "" {
				return false
			}
			s.needle = " " + s.next + s.style + " "
		}
		if s.next == s.t[k:i] {
			return true
		}
		if s.searched >= k {
			return false
		}
		j := strings.Index(s.t[s.searched:k], s.needle)
		if j < 0 {
			// Nothing up to k: the next search starts where a match
			// could still end after k.
			if p := k - len(s.needle) + 1; p > s.searched {
				s.searched = p
			}
			return false
		}
		s.searched += j + len(s.needle) - 1
		s.item, s.next = s.next, ""
	}
}

// nextItem returns the list number after item ("9" -> "10", "a" -> "b"),
// or "" when there is none.
func nextItem(item string) string {
	if item[0] >= 'a' {
		if item[0] >= 'y' {
			return ""
		}
		return string(rune(item[0] + 1))
	}
	n, _ := strconv.Atoi(item)
	return strconv.Itoa(n + 1)
}

// Kinds of cluster of final punctuation.
const (
	period   = iota // one full stop
	ellipsis        // "…", "..", "...", ". . ."
	strong          // contains "?" or "!"
	cjk             // 。！？
)

// terminal decides on the cluster of final punctuation starting at i and
// returns where scanning resumes.
func (s *segmenter) terminal(i int) int {
	t := s.t
	n := len(t)
	j := i
	dots, marks := 0, 0
	ell, wide := false, false
	for j < n {
		c := t[j]
		if c == '.' {
			dots++
			j++
			// A spaced ellipsis ". . ." (at least three dots).
			if j+3 < n && t[j] == ' ' && t[j+1] == '.' && t[j+2] == ' ' && t[j+3] == '.' {
				for j+1 < n && t[j] == ' ' && t[j+1] == '.' {
					dots++
					j += 2
				}
			}
			continue
		}
		if c == '!' || c == '?' {
			marks++
			j++
			continue
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(t[j:])
			if isTerminalRune(r) {
				switch r {
				case '…':
					ell = true
				case '。', '｡':
					wide = true
				case '！', '？':
					wide = true
					marks++
				default:
					marks++
				}
				j += size
				continue
			}
		}
		// French typography spaces "?" and "!" from the word and from each
		// other: "Quoi ? !" is one cluster.
		if k := s.skipHSpace(j); k > j && k < n && (t[k] == '?' || t[k] == '!' || strings.HasPrefix(t[k:], "…")) {
			j = k
			continue
		}
		break
	}
	kind := period
	switch {
	case wide:
		kind = cjk
	case marks > 0:
		kind = strong
	case ell || dots > 1:
		kind = ellipsis
	}

	end, quoted := s.closers(j)
	g, nl := s.skipSpace(end)
	if g >= n {
		return n
	}
	if i == s.start {
		// Punctuation opening a sentence ends nothing.
		if nl >= 2 {
			s.cut(end, g)
		}
		return g
	}
	var split bool
	switch {
	case nl >= 2:
		split = true
	case kind == cjk:
		split = true
	case g == end:
		split = s.missingSpace(i, g)
	case kind == ellipsis:
		if p, _ := utf8.DecodeLastRuneInString(t[:i]); p == '(' || p == '[' {
			split = false
		} else {
			// Suspension points before a number do not end the sentence
			// ("à savoir... 30 F"), nor does a repetition mark in a
			// synopsis ("[OPTION] ... [FILE]").
			next := s.runeAt(g)
			split = nl > 0 || !isLower(next) && !isDigit(next) && next != '[' && next != '{' && next != '|'
		}
	case kind == strong:
		split = nl > 0 || !isLower(s.runeAt(g))
	case quoted && s.t[g] == '(' && nl == 0:
		// A quotation followed by its source: `."  (Le Monde, 2006).`
		split = false
	default:
		split = s.afterPeriod(i, g, nl > 0)
	}
	if split {
		s.cut(end, g)
	}
	return g
}

// closers returns the end of the closing quotes and brackets (and the
// spaces before them) that follow final punctuation ending at j, and
// whether there was a closing quote among them.
func (s *segmenter) closers(j int) (end int, quoted bool) {
	t := s.t
	n := len(t)
	end = j
	for {
		k := s.skipHSpace(end)
		if k >= n {
			return end, quoted
		}
		r, size := utf8.DecodeRuneInString(t[k:])
		if !isCloser(r) {
			return end, quoted
		}
		if k == end && r == '"' && k+size < n && (isUpper(s.runeAt(k+size)) || s.t[k+size] == ' ' && isUpper(s.runeAt(k+size+1))) && !s.quoteOpen(k) {
			// Glued to the punctuation, before a capital, with no
			// quotation open: a quote opening the next sentence of a
			// paragraph glued to this one (`en finale."En tous les cas`,
			// `sociaux." On s'envoyait`).
			return end, quoted
		}
		if k > end && (r == '"' || r == '\'' || r == '’') {
			// After a space a straight quote may open the next sentence:
			// it closes only when nothing but space or punctuation follows.
			if k+size < n {
				if f := s.runeAt(k + size); !isSpace(f) && !isCloser(f) && !isTerminalRune(f) && f != '.' && f != ',' && f != ';' && f != ':' {
					return end, quoted
				}
			}
		}
		quoted = quoted || r != ')' && r != ']' && r != '}' && r != '）'
		end = k + size
	}
}

// missingSpace reports whether final punctuation at i directly followed by
// the text at g (no space between) is a sentence end with a missing
// space: a word of two letters or digits or more, possibly in quotes, then
// a capitalised word or a title (`Pyrénées.Alors`, `en 2012.Il`,
// `"paix".Les`, `Sénat.M. Larcher`), neither of them part of a URL, an
// e-mail address, an abbreviation or a dotted abbreviation.
func (s *segmenter) missingSpace(i, g int) bool {
	t := s.t
	if t[g] == '"' && g+2 < len(t) && (isUpper(s.runeAt(g+1)) || t[g+1] == ' ' && isUpper(s.runeAt(g+2))) && !s.quoteOpen(g) {
		// An opening quote: `finale."En tous les cas`, `sociaux." On`.
		g++
		if t[g] == ' ' {
			g++
		}
	}
	r, size := utf8.DecodeRuneInString(t[g:])
	// What follows: a capitalised word, an elided one ("D'autres"), a
	// title, a list dash ("1939.- Adieux"); or, only after a word in lower
	// case, a word in capitals (a glued heading: "bureau.HOLLANDE") or a
	// one-letter word ("maternelle.A défaut").
	r2, size2 := utf8.DecodeRuneInString(t[g+size:])
	weak := false
	switch {
	case isUpper(r) && isLower(r2):
	case isUpper(r) && isApostrophe(r2) && unicode.IsLetter(s.runeAt(g+size+size2)):
	case isUpper(r) && s.title(g):
	case (r == '-' || r == '–' || r == '—') && isSpace(r2):
	case isUpper(r) && isSpace(r2), s.capitals(g):
		weak = true
	default:
		return false
	}
	// The word before: letters, digits and inner hyphens, after any
	// closing quotes or brackets.
	// (French spaces "?" and "!" from the word: "Où ?Habituellement".)
	spaced := t[i] != '.'
	k := i
	for k > s.start {
		p, ps := utf8.DecodeLastRuneInString(t[:k])
		if !isCloser(p) && !(spaced && isSpace(p)) || isApostrophe(p) || i-k > 8 {
			break
		}
		k -= ps
	}
	e, runes := k, 0
	for k > s.start {
		p, ps := utf8.DecodeLastRuneInString(t[:k])
		if isSpace(p) || isOpener(p) || isApostrophe(p) {
			break
		}
		number := (p == '.' || p == ',') && k < e && isDigit(rune(t[k])) // 54.971, 6,10m
		if !unicode.IsLetter(p) && !isDigit(p) && !number && (p != '-' || k == e) || runes > 64 {
			return false
		}
		runes++
		k -= ps
	}
	if runes < 2 || weak && (runes < 3 || !hasLower(t[k:e])) {
		return false
	}
	if _, ok := abbreviations[t[k:e]]; ok {
		return false // "St.Étienne", "Mme.Dupont"
	}
	if k > 0 {
		// A word glued to a URL or an e-mail address ("x.fr/a.Bc").
		if p, _ := utf8.DecodeLastRuneInString(t[:k]); p == '/' || p == '@' {
			return false
		}
	}
	// The word after must not continue as a domain, a path or an address.
	for k, m := g, 0; k < len(t) && m < 64; m++ {
		c := t[k]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			break
		}
		if (c == '.' || c == '@' || c == '/' || c == ':' || c == '_') && k+1 < len(t) && isWordByte(t[k+1]) {
			return false
		}
		k++
	}
	return true
}

// capitals reports whether a word of two or more capitals, and no other
// letters, starts at g.
func (s *segmenter) capitals(g int) bool {
	n := 0
	for _, r := range s.t[g:] {
		if !unicode.IsLetter(r) {
			break
		}
		if !isUpper(r) || n > 64 {
			return false
		}
		n++
	}
	return n >= 2
}

func hasLower(w string) bool {
	for _, r := range w {
		if isLower(r) {
			return true
		}
	}
	return false
}

// title reports whether a title that never ends a sentence, followed by a
// full stop or a space, starts at g ("M. Larcher", "Mme Dupont").
func (s *segmenter) title(g int) bool {
	t := s.t
	e := g
	for e < len(t) && e-g < 8 && ('a' <= t[e] && t[e] <= 'z' || 'A' <= t[e] && t[e] <= 'Z') {
		e++
	}
	if e == g || e >= len(t) || t[e] != '.' && t[e] != ' ' {
		return false
	}
	c, ok := abbreviations[t[g:e]]
	return ok && c == never && isUpper(rune(t[g]))
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Classes of word before a full stop.
const (
	plain    = iota // ends a sentence before anything but lower case
	never           // a title or abbreviation: never ends a sentence
	number          // an abbreviation for a number: not before a number
	initial         // initials: only before a sentence starter
	listItem        // a list number opening a sentence
)

// afterPeriod decides on a single full stop at i followed, after space,
// by the text at g.
func (s *segmenter) afterPeriod(i, g int, newline bool) bool {
	next := s.runeAt(g)
	switch s.wordClass(i) {
	case never, listItem:
		return false
	case initial:
		return s.starter(g)
	case number:
		if isDigit(next) || s.roman(g) {
			return false
		}
	}
	return newline || !isLower(next)
}

// wordStart returns the start of the word ending at i: the run of
// characters back to a space, an opening bracket or quote, or a bullet,
// and false when the run is too long to be an abbreviation.
func (s *segmenter) wordStart(i int) (int, bool) {
	t := s.t
	k := i
	for k > 0 {
		p, ps := utf8.DecodeLastRuneInString(t[:k])
		if isSpace(p) || isOpener(p) || isBulletRune(p) {
			break
		}
		if i-k > 48 {
			return k, false
		}
		k -= ps
	}
	return k, true
}

// wordClass classifies the word before the full stop at i.
func (s *segmenter) wordClass(i int) int {
	t := s.t
	k, ok := s.wordStart(i)
	if !ok {
		return plain
	}
	if k < s.start {
		k = s.start // "Sénat.M. Larcher": the word is "M"
	}
	w := t[k:i]
	// Elision: l’OPAC, d'Alibaba.
	if a := strings.LastIndexByte(w, '\''); a >= 0 {
		w, k = w[a+1:], k+a+1
	}
	if a := strings.LastIndex(w, "’"); a >= 0 {
		w, k = w[a+len("’"):], k+a+len("’")
	}
	if w == "" {
		return plain
	}
	if c, ok := abbreviations[w]; ok {
		if c == initial && w == "J.-C" && s.beforeChrist(k) {
			return plain
		}
		return int(c)
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	if !unicode.IsLetter(last) && !isDigit(last) {
		return plain
	}
	first, fs := utf8.DecodeRuneInString(w)
	switch {
	case allDigits(w):
		if len(w) <= 3 && s.opensSentence(k) {
			return listItem
		}
		if len(w) <= 3 && s.nextListItem(k, i) {
			return listItem // "1. The first item 2. The second item"
		}
		return plain
	case fs == len(w) && unicode.IsLetter(first):
		if first != 'p' && s.afterNumber(k) {
			return plain // a unit: "300 m.", "30 F." (but "500 p." is pages)
		}
		if isUpper(first) {
			return initial
		}
		return never
	case isRoman(w) && s.opensSentence(k):
		return listItem
	case strings.IndexByte(w, '.') > 0 && dottedAbbreviation(w):
		if w == "J.-C" && s.beforeChrist(k) {
			return plain
		}
		return initial
	}
	return plain
}

// opensSentence reports whether only bullets and space stand between the
// start of the current sentence and k.
func (s *segmenter) opensSentence(k int) bool {
	s.facts()
	return k <= s.firstWord
}

// prevWord returns the word before the one starting at k.
func (s *segmenter) prevWord(k int) string {
	t := s.t
	e := k
	for e > 0 {
		p, ps := utf8.DecodeLastRuneInString(t[:e])
		if !isSpace(p) || k-e > 8 {
			break
		}
		e -= ps
	}
	b, ok := s.wordStart(e)
	if !ok {
		return ""
	}
	return t[b:e]
}

// beforeChrist reports whether the "J.-C." starting at k follows "av." or
// "apr." (or their long forms): it then ends a sentence like any word.
func (s *segmenter) beforeChrist(k int) bool {
	switch s.prevWord(k) {
	case "av.", "apr.", "ap.", "avant", "après", "Av.", "Apr.":
		return true
	}
	return false
}

// afterNumber reports whether a number precedes the word starting at k.
func (s *segmenter) afterNumber(k int) bool {
	w := s.prevWord(k)
	if w == "" {
		return false
	}
	c := w[len(w)-1]
	return isDigit(rune(c))
}

// starter reports whether the word at g usually starts a sentence.
func (s *segmenter) starter(g int) bool {
	t := s.t
	e := g
	for e < len(t) && e-g < 16 {
		r, size := utf8.DecodeRuneInString(t[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	w := t[g:e]
	if s.en {
		_, ok := starterEN[w]
		return ok
	}
	_, ok := starterFR[w]
	return ok
}

// roman reports whether the text at g is a roman numeral or a single
// capital ("chap. IV", "art. L. 121").
func (s *segmenter) roman(g int) bool {
	t := s.t
	e := g
	for e < len(t) && e-g <= 6 && strings.IndexByte("IVXLCDM", t[e]) >= 0 {
		e++
	}
	if e == g || e-g > 6 {
		return false
	}
	if e < len(t) {
		r, _ := utf8.DecodeRuneInString(t[e:])
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// lineBreak decides on the line break at i (not preceded by final
// punctuation, which terminal handles) and returns where scanning resumes.
func (s *segmenter) lineBreak(i int) int {
	t := s.t
	a := i
	for a > s.start {
		p, ps := utf8.DecodeLastRuneInString(t[:a])
		if !isSpace(p) {
			break
		}
		a -= ps
	}
	b, nl := s.skipSpace(a)
	if b >= len(t) {
		return len(t)
	}
	if a <= s.start {
		return b
	}
	if nl >= 2 {
		s.cut(a, b)
		return b
	}
	next := s.runeAt(b)
	if s.bulletAt(b) {
		s.cut(a, b)
		return b
	}
	if isLower(next) || s.decimal(b) {
		return b // a wrapped line: "pour ne pas faire\n37,99."
	}
	last, _ := utf8.DecodeLastRuneInString(t[:a])
	if isContinuation(last) {
		return b
	}
	if unicode.IsLetter(last) {
		e := a
		for e > s.start && a-e < 16 {
			p, ps := utf8.DecodeLastRuneInString(t[:e])
			if !unicode.IsLetter(p) {
				break
			}
			e -= ps
		}
		if _, ok := openEnded[t[e:a]]; ok {
			return b
		}
	}
	s.cut(a, b)
	return b
}

// decimal reports whether a number with a decimal part ("37,99", "1.5")
// starts at b.
func (s *segmenter) decimal(b int) bool {
	t := s.t
	e := b
	for e < len(t) && e-b < 32 && isDigit(rune(t[e])) {
		e++
	}
	return e > b && e+1 < len(t) && (t[e] == ',' || t[e] == '.') && isDigit(rune(t[e+1]))
}

// bulletAt reports whether a list bullet starts at b.
func (s *segmenter) bulletAt(b int) bool {
	t := s.t
	r, size := utf8.DecodeRuneInString(t[b:])
	if isBulletRune(r) {
		return true
	}
	if r == '-' || r == '–' || r == '—' || r == '*' {
		return b+size < len(t) && isSpace(s.runeAt(b+size))
	}
	return false
}

// skipSpace returns the first non-space byte at or after i and the number
// of line breaks crossed (a paragraph separator or a form feed counts two).
func (s *segmenter) skipSpace(i int) (int, int) {
	t := s.t
	nl := 0
	for i < len(t) {
		c := t[i]
		switch c {
		case ' ', '\t', '\v':
			i++
			continue
		case '\n':
			nl++
			i++
			continue
		case '\r':
			if i+1 >= len(t) || t[i+1] != '\n' {
				nl++
			}
			i++
			continue
		case '\f':
			nl += 2
			i++
			continue
		}
		if c < 0x80 {
			return i, nl
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isSpace(r) {
			return i, nl
		}
		switch r {
		case '\u2028', '\u0085':
			nl++
		case '\u2029':
			nl += 2
		}
		i += size
	}
	return i, nl
}

// skipHSpace returns the first byte at or after i that is not a space
// within a line.
func (s *segmenter) skipHSpace(i int) int {
	t := s.t
	for i < len(t) {
		c := t[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if c < 0x80 {
			return i
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isSpace(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return i
		}
		i += size
	}
	return i
}

func (s *segmenter) runeAt(i int) rune {
	if i >= len(s.t) {
		return 0
	}
	if c := s.t[i]; c < 0x80 {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(s.t[i:])
	return r
}

func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(rune(w[i])) {
			return false
		}
	}
	return w != ""
}

func isRoman(w string) bool {
	if len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if strings.IndexByte("IVXLCDM", w[i]) < 0 {
			return false
		}
	}
	return w != ""
}

// dottedAbbreviation reports whether w (the word before a final full stop)
// is made of parts of one or two letters joined by dots and hyphens:
// J.-M, U.S, e.g, LL.AA.II.RR, c.-à-d, Ph.D.
func dottedAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r == '.' || r == '-':
			n = 0
		case unicode.IsLetter(r):
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isTerminalRune(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '｡', '！', '？':
		return true
	}
	return false
}

func isBulletRune(r rune) bool {
	switch r {
	case '•', '‣', '⁃', '◦', '▪', '●', '■':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '»', '”', '’', '"', '\'', '›', '」', '』', '）':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '«', '“', '‘', '"', '‹', '„', '「', '『', '（':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isContinuation reports whether a line ending in r goes on on the next
// line.
func isContinuation(r rune) bool {
	switch r {
	case ',', ';', ':', '(', '[', '{', '«', '“', '‘', '-', '‐', '–', '—', '/', '&', '+', '=', '\'', '’', '\\':
		return true
	}
	return false
}
