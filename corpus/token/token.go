package token

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/third_party/snowballstem"
	"github.com/corpus-explorer/explorer/third_party/snowballstem/english"
	"github.com/corpus-explorer/explorer/third_party/snowballstem/french"
)

// Token is one word of a text.
type Token struct {
	Term       string // lower case, accents folded: "electronique"
	Stem       string // the language's stem of the word, folded: "electron"
	Start, End int    // byte offsets of the word in the analysed text
	Stop       bool   // a stopword of the language, or an elided article or clitic
	// Compound marks the joined form of a hyphenated or apostrophed word
	// ("ecommerce" for "e-commerce", "aujourdhui" for "aujourd'hui"). It
	// comes just before its parts, spans them all and is an alternative
	// to them at the same position, not a word of its own: skip it when
	// counting words or positions.
	Compound bool
}

// Limits on what is analysed.
const (
	// MaxWordRunes is the longest word in runes; a longer run of letters
	// is cut into pieces of this length.
	MaxWordRunes = 64
	// maxStemRunes is the longest word that is stemmed; longer words are
	// their own stem.
	maxStemRunes = 40
	// maxParts is the largest number of parts of a hyphenated word for
	// which a compound is emitted.
	maxParts = 8
)

// Analyzer tokenises text of one language. It is safe for concurrent use.
type Analyzer struct {
	lang string
	stop []string                     // sorted folded stopwords
	stem func(*snowballstem.Env) bool // the Snowball stemmer
	// cache memoises the analysis of frequent words (see wordCache).
	cache atomic.Pointer[wordCache]
}

// The analyzers; their only mutable part is the memo of word analyses.
var (
	frAnalyzer = &Analyzer{lang: "fr", stop: frStop[:], stem: french.Stem}
	enAnalyzer = &Analyzer{lang: "en", stop: enStop[:], stem: english.Stem}
)

// For returns the analyzer for language lang ("fr", "en"); an unknown
// language gets the French analyzer. There is one analyzer per language,
// shared: For is cheap, and its result is safe for concurrent use. An
// analyzer remembers the analysis of the last few thousand distinct words
// it met, which makes it several times faster on real text; that memo is
// bounded and never changes a result.
func For(lang string) *Analyzer {
	if lang == "en" {
		return enAnalyzer
	}
	return frAnalyzer
}

// Languages returns the codes of the languages with their own analyzer.
func Languages() []string { return []string{"fr", "en"} }

// Lang returns the analyzer's language code.
func (a *Analyzer) Lang() string { return a.lang }

// IsStop reports whether the folded term is a stopword of the language.
func (a *Analyzer) IsStop(term string) bool { return inSorted(a.stop, term) }

// Stem returns the stem of word, folded: the Snowball stemmer of the
// language runs on the lower-cased, still accented word and its result is
// folded ("Électroniques" -> "electron"). Stopwords, numbers, words with
// no Latin letter and words over 40 runes are their own stem (their folded
// form). For a word of a text, Stem gives the Stem of its Token.
func (a *Analyzer) Stem(word string) string {
	term := Fold(word)
	if term == "" || a.IsStop(term) {
		return term
	}
	latin, n := false, 0
	for _, r := range word {
		latin = latin || isLatinLetter(r)
		n++
	}
	if !latin || n > maxStemRunes {
		return term
	}
	s := scanner{a: a}
	return s.stemOf(word, term, isFoldedASCII(word))
}

// Tokens returns the words of text in order; see AppendTokens.
func (a *Analyzer) Tokens(text string) []Token {
	return a.AppendTokens(make([]Token, 0, len(text)/6+1), text)
}

// AppendTokens appends the words of text to dst in order and returns the
// extended slice.
//
// A word is a run of letters and digits (combining marks and invisible
// joiners continue it), at most MaxWordRunes long; each Han, Hiragana or
// Katakana character is a word of its own. Terms are folded (see Fold).
// Around apostrophes (' ’ ʼ ‘) and hyphens (- ‐ ‑) inside a word:
//
//   - An elided article or pronoun (l’, d’, qu’, j’, n’, s’, c’, m’, t’,
//     jusqu’, lorsqu’, puisqu’, quoiqu’, quelqu’, presqu’) becomes its own
//     stopword token without the apostrophe: "l’homme" -> "l", "homme".
//   - An English clitic ending a word ('s, 't, 'm, 'd, 're, 've, 'll)
//     becomes its own stopword token: "it's" -> "it", "s".
//   - Otherwise the parts of a hyphenated or apostrophed word are tokens,
//     preceded by their joined form marked Compound when at least one part
//     has a letter: "e-commerce" -> "ecommerce" (Compound), "e",
//     "commerce"; "covid-19" -> "covid19", "covid", "19"; "2020-2021" ->
//     "2020", "2021". So "ecommerce", "ecom…" and "commerce" all find it.
//
// Numbers with separators are one token whose term is normalised by the
// analyzer's language: in French "." and spaces (also non-breaking) group
// thousands and "," is the decimal point, in English "," groups thousands
// and "." is the decimal point; the term has no grouping and "." as the
// decimal point: "85.000" and "85 000" (fr), "85,000" (en) -> "85000";
// "1,5" (fr), "1.5" (en) -> "1.5". A number with one separator that does
// not group thousands has it as decimal point ("12.30" -> "12.30");
// dotted numbers are kept whole ("192.168.1.1", "2.10.34").
//
// Start and End are byte offsets into text: text[Start:End] is the word as
// written. Starts never decrease; a compound shares its first part's Start.
func (a *Analyzer) AppendTokens(dst []Token, text string) []Token {
	return a.appendTokens(dst, text, a.wordCache())
}

// appendTokens is AppendTokens with the word cache c, which may be nil.
func (a *Analyzer) appendTokens(dst []Token, text string, c *wordCache) []Token {
	s := scanner{a: a, text: text, dst: dst, cache: c, want: -1}
	s.scan()
	return s.dst
}

// AppendTerms is AppendTokens without stems: each token's Stem is its
// Term. It finds the same tokens, with the same terms, for a caller that
// only matches terms (a highlighter), without running the stemmer on
// the words not met before, nor on every compound.
func (a *Analyzer) AppendTerms(dst []Token, text string) []Token {
	s := scanner{a: a, text: text, dst: dst, cache: a.wordCache(), want: -1, noStem: true}
	s.scan()
	return s.dst
}

// WordStart returns the byte offset in text of its word at position n,
// counted from 0 as the index counts positions: the words AppendTokens
// finds, compounds left out (a compound is an alternative to its parts at
// the same position). ok is false when text has n words or fewer. It
// finds the same words as AppendTokens without folding or stemming them,
// and stops at the one wanted.
func (a *Analyzer) WordStart(text string, n int) (start int, ok bool) {
	if n < 0 {
		return 0, false
	}
	s := scanner{a: a, text: text, want: n}
	s.scan()
	return s.at, s.seen > n
}

// scan runs the scanner over its text, or until it has seen the word it
// wants.
func (s *scanner) scan() {
	text := s.text
	for i := 0; i < len(text) && (s.want < 0 || s.seen <= s.want); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&cWord == 0 {
				i++
				continue
			}
			i = s.group(i)
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isIdeograph(r):
			s.emitIdeograph(i, i+n)
			i += n
		case isWordStart(r) && r != 'ʼ':
			if j := s.group(i); j > i {
				i = j
			} else {
				i += n // cannot happen; never loop
			}
		default:
			i += n
		}
	}
}

// Character classes of ASCII bytes.
const (
	cWord   = 1 << iota // letter or digit
	cDigit              // 0-9
	cUpper              // A-Z
	cLetter             // a-z, A-Z
)

// asciiClass holds the character classes of ASCII bytes.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = cWord | cDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cWord | cLetter
		t[c-'a'+'A'] = cWord | cLetter | cUpper
	}
	return t
}()

// isWordStart reports whether r may start a word.
func isWordStart(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordRune reports whether r continues a word (not counting
// ideographs, which are words of their own).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || isIgnorable(r)
}

// isIdeograph reports whether r is written without spaces between words
// and so indexed character by character.
func isIdeograph(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// isLatinLetter reports whether r is a Latin letter: only words with one
// are stemmed.
func isLatinLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]&cLetter != 0
	case r < 0xC0:
		return false
	case r < 0x250, 0x1E00 <= r && r <= 0x1EFF:
		return unicode.IsLetter(r)
	}
	return false
}

// isApostrophe reports whether r is written as an apostrophe.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// isHyphen reports whether r is a hyphen that joins words.
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// isFoldedASCII reports whether s is all lower-case ASCII letters and
// digits, which are their own folded and lower-case forms.
func isFoldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || asciiClass[c]&(cWord|cUpper) != cWord {
			return false
		}
	}
	return true
}

// scanner holds the state of one AppendTokens call.
type scanner struct {
	a     *Analyzer
	text  string
	dst   []Token
	buf   []byte            // scratch for folded forms
	low   []byte            // scratch for lower-case forms
	env   *snowballstem.Env // reused by every stem of the call
	cache *wordCache
	// want, when not negative, makes the scanner count words instead of
	// emitting tokens (WordStart): seen counts the words met, compounds
	// left out, and at is the start of word number want.
	want, seen, at int
	noStem         bool // leave every token's Stem its Term (AppendTerms)
}

// run describes one run of word characters.
type run struct {
	end    int
	num    string // the normalised term of a number with separators
	folded bool   // the run is its own term (lower-case ASCII)
	latin  bool   // the run has a Latin letter
	letter bool   // the run has a letter
	runes  int
}

// scanRun scans the run of word characters starting at i.
func (s *scanner) scanRun(i int) run {
	t := s.text
	if isDigit(t[i]) {
		if end, num := s.number(i); end > 0 {
			return run{end: end, num: num, folded: num == t[i:end], runes: end - i}
		}
	}
	r := run{folded: true}
	j := i
	for j < len(t) && r.runes < MaxWordRunes {
		c := t[j]
		if c < utf8.RuneSelf {
			k := asciiClass[c]
			if k&cWord == 0 {
				break
			}
			if k&cLetter != 0 {
				r.latin, r.letter = true, true
				if k&cUpper != 0 {
					r.folded = false
				}
			}
			j++
			r.runes++
			continue
		}
		u, n := utf8.DecodeRuneInString(t[j:])
		if isIdeograph(u) || !isWordRune(u) || u == 'ʼ' {
			break
		}
		r.folded = false
		if !r.latin && isLatinLetter(u) {
			r.latin = true
		}
		if !r.letter && unicode.IsLetter(u) {
			r.letter = true
		}
		j += n
		r.runes++
	}
	r.end = j
	return r
}

// group scans the word starting at i with its hyphenated or apostrophed
// parts, appends its tokens and returns the offset after it.
func (s *scanner) group(i int) int {
	t := s.text
	g := len(s.dst) // index of the group's first part
	parts, letter, first := 0, false, true
	for {
		r := s.scanRun(i)
		end := r.end
		if r.runes >= MaxWordRunes {
			s.part(i, r)
			s.finish(g, parts+1, letter || r.letter)
			return end
		}
		sep, n := rune(0), 0
		if end < len(t) {
			sep, n = utf8.DecodeRuneInString(t[end:])
		}
		next := end + n
		joins := n > 0 && next < len(t) && (isApostrophe(sep) || isHyphen(sep)) && s.startsWord(next)
		if !joins {
			s.part(i, r)
			s.finish(g, parts+1, letter || r.letter)
			return end
		}
		if isApostrophe(sep) {
			if first && isElision(t[i:end]) {
				s.emitStop(i, end)
				g, i = len(s.dst), next
				continue
			}
			if ce := clitic(t, next); ce > 0 {
				s.part(i, r)
				s.finish(g, parts+1, letter || r.letter)
				s.emitStop(next, ce)
				return ce
			}
		}
		s.part(i, r)
		parts++
		letter = letter || r.letter
		first = false
		i = next
	}
}

// startsWord reports whether a word (not an ideograph) starts at i.
func (s *scanner) startsWord(i int) bool {
	c := s.text[i]
	if c < utf8.RuneSelf {
		return asciiClass[c]&cWord != 0
	}
	r, _ := utf8.DecodeRuneInString(s.text[i:])
	return isWordStart(r) && !isIdeograph(r) && r != 'ʼ'
}

// elisions are the elided words split off before an apostrophe.
var elisions = [...]string{"c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "presqu", "puisqu", "qu", "quelqu", "quoiqu", "s", "t"}

// isElision reports whether w (as written) is an elided article or pronoun.
func isElision(w string) bool {
	if len(w) > 7 {
		return false
	}
	var b [7]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || asciiClass[c]&cLetter == 0 {
			return false
		}
		b[i] = c | 0x20
	}
	l := string(b[:len(w)])
	for _, e := range elisions {
		if e == l {
			return true
		}
	}
	return false
}

// clitic returns the end of the English clitic ('s, 't, 'm, 'd, 're, 've,
// 'll) starting at i after an apostrophe and ending a word, or 0.
func clitic(t string, i int) int {
	j := i
	for j < len(t) && j-i < 3 && t[j] < utf8.RuneSelf && asciiClass[t[j]]&cLetter != 0 {
		j++
	}
	if j < len(t) {
		r, _ := utf8.DecodeRuneInString(t[j:])
		if isWordRune(r) || isIdeograph(r) {
			return 0
		}
	}
	switch j - i {
	case 1:
		switch t[i] | 0x20 {
		case 's', 't', 'm', 'd':
			return j
		}
	case 2:
		a, b := t[i]|0x20, t[i+1]|0x20
		if a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l' {
			return j
		}
	}
	return 0
}

// emit appends tok.
func (s *scanner) emit(tok Token) { s.dst = append(s.dst, tok) }

// counted counts the word starting at i when the scanner counts words
// (see want), and reports whether it does.
func (s *scanner) counted(i int) bool {
	if s.want < 0 {
		return false
	}
	if s.seen == s.want {
		s.at = i
	}
	s.seen++
	return true
}

// emitStop appends the elided word or clitic text[i:j], a stopword.
func (s *scanner) emitStop(i, j int) {
	if s.counted(i) {
		return
	}
	term := Fold(s.text[i:j])
	s.emit(Token{Term: term, Stem: term, Start: i, End: j, Stop: true})
}

// emitIdeograph appends the one-character word text[i:j].
func (s *scanner) emitIdeograph(i, j int) {
	if s.counted(i) {
		return
	}
	term := Fold(s.text[i:j])
	s.emit(Token{Term: term, Stem: term, Start: i, End: j, Stop: s.a.IsStop(term)})
}

// part appends the token of the run r starting at i.
func (s *scanner) part(i int, r run) {
	if s.counted(i) {
		return
	}
	w := s.text[i:r.end]
	if r.num != "" {
		s.emit(Token{Term: r.num, Stem: r.num, Start: i, End: r.end})
		return
	}
	var slot *atomic.Pointer[cacheEntry]
	if s.cache != nil && r.runes <= maxStemRunes {
		slot = s.cache.slot(w)
		if e := slot.Load(); e != nil && e.word == w && (s.noStem || !e.noStem) {
			stem := e.stem
			if s.noStem {
				stem = e.term
			}
			s.emit(Token{Term: e.term, Stem: stem, Start: i, End: r.end, Stop: e.stop})
			return
		}
	}
	var term string
	if r.folded {
		term = w
	} else {
		s.buf = AppendFold(s.buf[:0], w)
		term = string(s.buf)
	}
	tok := Token{Term: term, Stem: term, Start: i, End: r.end, Stop: s.a.IsStop(term)}
	if !s.noStem && !tok.Stop && r.latin && r.runes <= maxStemRunes {
		tok.Stem = s.stemOf(w, term, r.folded)
	}
	if slot != nil {
		e := &cacheEntry{word: strings.Clone(w), term: tok.Term, stem: tok.Stem, stop: tok.Stop, noStem: s.noStem}
		if r.folded {
			// Keep no reference to the text in the cache.
			e.term = e.word
			if tok.Stem == term {
				e.stem = e.word
			} else if len(tok.Stem) < len(term) && tok.Stem == term[:len(tok.Stem)] {
				e.stem = e.word[:len(tok.Stem)]
			}
		}
		s.cache = s.a.store(s.cache, e)
	}
	s.emit(tok)
}

// finish ends a group of parts starting at dst[g]: with two parts or more,
// one of them with a letter, it inserts their compound before them.
func (s *scanner) finish(g, parts int, letter bool) {
	if s.want >= 0 || parts < 2 || parts > maxParts || !letter || g+parts != len(s.dst) {
		return
	}
	ps := s.dst[g:]
	n := 0
	for _, p := range ps {
		n += len(p.Term)
	}
	b := make([]byte, 0, n)
	stop := true
	for _, p := range ps {
		b = append(b, p.Term...)
		stop = stop && p.Stop
	}
	term := string(b)
	start, end := ps[0].Start, ps[len(ps)-1].End
	tok := Token{Term: term, Stem: term, Start: start, End: end, Stop: stop || s.a.IsStop(term), Compound: true}
	if !tok.Stop && !s.noStem && utf8.RuneCountInString(term) <= maxStemRunes {
		// The stemmer sees the parts' lower-case forms end to end.
		s.low = s.low[:0]
		latin := false
		for _, r := range s.text[start:end] {
			if isApostrophe(r) || isHyphen(r) || isIgnorable(r) {
				continue
			}
			latin = latin || isLatinLetter(r)
			s.low = utf8.AppendRune(s.low, unicode.ToLower(r))
		}
		if latin {
			tok.Stem = s.stemLower(string(s.low), term)
		}
	}
	s.dst = append(s.dst, Token{})
	copy(s.dst[g+1:], s.dst[g:])
	s.dst[g] = tok
}

// stemOf returns the folded stem of the word w whose folded form is term;
// folded says that w is its own folded and lower-case form.
func (s *scanner) stemOf(w, term string, folded bool) string {
	lower := w
	if !folded {
		s.low = s.low[:0]
		for _, r := range w {
			if isIgnorable(r) {
				continue
			}
			s.low = utf8.AppendRune(s.low, unicode.ToLower(r))
		}
		lower = string(s.low)
	}
	return s.stemLower(lower, term)
}

// stemLower stems the lower-case word lower whose folded form is term and
// returns the stem folded, sharing term's memory when it is a prefix.
func (s *scanner) stemLower(lower, term string) string {
	if s.env == nil {
		s.env = snowballstem.NewEnv(lower)
	} else {
		s.env.SetCurrent(lower)
	}
	s.a.stem(s.env)
	st := s.env.Current()
	if st == lower && lower == term {
		return term
	}
	s.buf = AppendFold(s.buf[:0], st)
	if len(s.buf) <= len(term) && string(s.buf) == term[:len(s.buf)] {
		return term[:len(s.buf)]
	}
	return string(s.buf)
}
