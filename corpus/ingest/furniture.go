package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/segment"
)

// News furniture: the captions, credits, agency codes, related-link lines
// and section headings that scraped news text glues into its paragraphs
// ("…l'équilibre ?par franceinfoSelon le secrétaire…"). furniture cuts
// them out of the paragraph units they touch, as units of their own:
// Boilerplate for captions, credits, codes and links, Heading for a
// section heading glued to the text that follows it.

// openers are words that start a French sentence: after a lower-case
// letter with no space, they mark text glued to what precedes it
// ("signeLe sulfureux", "franceinfoSelon le").
var openers = map[string]bool{
	"Le": true, "La": true, "Les": true, "L": true, "Un": true, "Une": true, "Des": true, "Du": true,
	"De": true, "Il": true, "Elle": true, "Ils": true, "Elles": true, "On": true, "Ce": true, "Cet": true,
	"Cette": true, "Ces": true, "C": true, "Selon": true, "Dans": true, "En": true, "Au": true, "Aux": true,
	"À": true, "A": true, "Pour": true, "Mais": true, "Et": true, "Depuis": true, "Après": true, "Avant": true,
	"Lors": true, "Sur": true, "Sous": true, "Pourtant": true, "Alors": true, "Si": true, "Quand": true,
	"Plus": true, "Mardi": true, "Lundi": true, "Mercredi": true, "Jeudi": true, "Vendredi": true,
	"Samedi": true, "Dimanche": true, "Cependant": true, "Toutefois": true, "Ainsi": true, "Outre": true,
	"Parmi": true, "Quant": true, "Malgré": true, "Face": true, "Entre": true, "Tous": true, "Tout": true,
	"Son": true, "Sa": true, "Ses": true, "Leur": true, "Leurs": true, "Nous": true, "Je": true, "J": true,
	"Vous": true, "Aucun": true, "Aucune": true, "Certains": true, "Plusieurs": true, "Deux": true,
	"Trois": true, "Chaque": true, "Rien": true, "D": true, "Où": true, "Comme": true, "Pendant": true,
	"Sauf": true, "Or": true, "Dès": true, "Désormais": true, "Jusqu": true,
}

// glueAt reports whether s has text glued at byte i: a lower-case letter
// (or a closing bracket) right before a word that opens a sentence, or
// before an opening quote followed by a capital, or before " • ".
func glueAt(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLower(prev) && prev != ')' {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == '"' || r == '«' || r == '“':
		if r == '"' && strings.Count(s[:i], `"`)%2 == 1 {
			return false // a closing quote
		}
		rest := strings.TrimLeft(s[i+n:], " \u00a0\u202f")
		q, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsUpper(q)
	case unicode.IsUpper(r):
		j := i + n
		for j < len(s) {
			c, m := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(c) {
				break
			}
			j += m
		}
		if !openers[s[i:j]] || j >= len(s) {
			return false
		}
		return s[j] == ' ' || s[j] == '\'' || strings.HasPrefix(s[j:], "’") || s[j] == ','
	}
	return false
}

// gluedCapitals reports whether a word that opens a sentence starts at i
// right after a capital letter or a digit: a source in capitals glued to
// the text after it ("BFMTVQuant au").
func gluedCapitals(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsUpper(prev) && !unicode.IsDigit(prev) {
		return false
	}
	j := i
	for j < len(s) {
		c, m := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(c) {
			break
		}
		j += m
	}
	return j < len(s) && openers[s[i:j]] && (s[j] == ' ' || s[j] == '\'')
}

// camelGlue reports whether a capitalised word or a quotation starts at i
// right after a letter or digit: in a caption's source, where "par" is
// glued already, the sign that the source ends there ("par
// BFMTVSauf que", "par CNEWS\"De nombreuses").
func camelGlue(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	switch {
	case r == '"':
		return strings.Count(s[:i], `"`)%2 == 0 && unicode.IsUpper(next) // an opening quote
	case r == '«' || r == '“':
		return unicode.IsUpper(next) || next == ' ' || next == '\u00a0'
	case unicode.IsUpper(r):
		return unicode.IsLower(next)
	}
	return false
}

// reAgencyCode matches an agency sign-off code at the end of an article:
// "rfo-grd-meh-cal/blb/or/swxi", "jbo/dch".
var reAgencyCode = regexp.MustCompile(`(?:^|[.!?"»)]\s*)([a-z]{2,6}(?:-[a-z]{2,6})*(?:/[a-z]{2,6}(?:-[a-z]{2,6})*)+)\s*$`)

// reCredit matches a photo credit: "Crédit photo : AFP", "© AFP/Archives",
// "(Photo : Reuters)".
var reCredit = regexp.MustCompile(`(?:\(\s*)?(?:Crédits?(?:\s+photos?)?\s*:|Photos?\s*:|Illustration\s*:|©)\s*`)

// reRelated matches the start of a related-link line: "Lire aussi",
// "À lire aussi :", "LIRE AUSSI >>", "[VIDÉO]", "VIDÉO -".
var reRelated = regexp.MustCompile(`^(?:(?i:(?:à |a )?lire (?:aussi|également|egalement)|à voir aussi)\s*[:>»-]*|\[(?i:vid[ée]o|photos?|diaporama|infographie)\]|(?:VIDÉO|VIDEO|PHOTOS?)\s*[-–—:.])`)

// reDashHeading matches a section heading between dashes glued to the
// next sentence, as agency copy writes them: "- Auditions parlementaires
// -Sauf".
var reDashHeading = regexp.MustCompile(`(?:^|[.!?"»]\s*)(- [^-.!?\n]{3,100}? -)\p{Lu}`)

// reCaptionSource matches "par <source>" ending a video caption, with
// "(vidéo)" before it: the caller checks that "par" is glued to the
// caption and the source to what follows.
var reCaptionSource = regexp.MustCompile(`(?:\((?i:vid[ée]o|photos?|diaporama)\)\s*)?par [\p{L}\d][\p{L}\d'’.&-]*(?: [\p{L}\d][\p{L}\d'’.&-]*){0,3}`)

// furn is a part of a unit cut out by furniture, relative to the unit.
type furn struct {
	start, end int
	kind       corpus.BlockKind
}

// furniture cuts news furniture out of the paragraph units.
func (d *draft) furniture() {
	if d.man {
		return
	}
	var out []unit
	changed := false
	for i, u := range d.units {
		if !d.free(i) {
			out = append(out, u)
			continue
		}
		ps := furnitureCuts(d.s(i))
		if len(ps) == 0 {
			out = append(out, u)
			continue
		}
		changed = true
		pos := 0
		add := func(a, b int, kind corpus.BlockKind, fixed bool) {
			s, e := trimSpan(d.text, u.start+a, u.start+b)
			if s < e {
				out = append(out, unit{start: s, end: e, kind: kind, fixed: fixed})
			}
		}
		for _, p := range ps {
			add(pos, p.start, corpus.Paragraph, false)
			add(p.start, p.end, p.kind, true)
			if p.kind == corpus.Meta && d.author == "" {
				if name, _, ok := byline(d.text[u.start+p.start : u.start+p.end]); ok {
					d.author = name
				}
			}
			pos = p.end
		}
		add(pos, u.end-u.start, corpus.Paragraph, false)
	}
	if changed {
		d.units = out
	}
}

// furnitureCuts finds the furniture in one paragraph, in order, without
// overlaps.
func furnitureCuts(s string) []furn {
	if len(s) > 1<<20 {
		s = s[:1<<20]
	}
	var ps []furn
	addCut := func(p furn) {
		if p.start >= p.end {
			return
		}
		for _, q := range ps {
			if p.start < q.end && q.start < p.end {
				return
			}
		}
		ps = append(ps, p)
	}
	// Glue points, and the sentence starts before them.
	var glue []int
	for i := 1; i < len(s); i++ {
		if utf8.RuneStart(s[i]) && glueAt(s, i) {
			glue = append(glue, i)
		}
	}
	bullets := bulletGlue(s)
	glue = mergeSorted(glue, bullets)
	starts := sentenceStarts(s)
	sentenceStart := func(i int) int {
		st := 0
		for _, x := range starts {
			if x >= i {
				break
			}
			st = x
		}
		for _, g := range glue {
			if g >= i {
				break
			}
			if g > st {
				st = g
			}
		}
		for _, p := range ps {
			if p.end <= i && p.end > st {
				st = p.end
			}
		}
		return st
	}
	// A byline glued to the text: "Par Jean DupontLe président…".
	if loc := reByline.FindStringIndex(s); loc != nil {
		for _, g := range glue {
			if g <= loc[1] {
				continue
			}
			if g-loc[1] <= 80 {
				if name, rest := parseName(s[loc[1]:g]); name != "" && strings.Trim(rest, " ,") == "" {
					addCut(furn{0, g, corpus.Meta})
				}
			}
			break
		}
	}
	// Captions: "<title>par franceinfo<glued text>", "(vidéo)par Non Stop
	// Zapping".
	for _, m := range findAll(reCaptionSource, s, mayCaption(s)) {
		a := m[0]
		if a == 0 || s[a] != '(' && (s[a-1] == ' ' || s[a-1] == '\n') {
			continue
		}
		// The source ends at the first glue point after "par ", or at the
		// end of the paragraph. A source in capitals may be glued too:
		// "par BFMTVQuant au".
		p := a + strings.Index(s[a:], "par ")
		e := -1
		for i := p + 5; i <= m[1]+2 && i < len(s); i++ {
			if !utf8.RuneStart(s[i]) {
				continue
			}
			if glueAt(s, i) || s[i-1] == ' ' && strings.HasPrefix(s[i:], "• ") || gluedCapitals(s, i) || camelGlue(s, i) {
				e = i
				break
			}
		}
		if e < 0 {
			// At the end of the paragraph, "par" must follow the end of a
			// title: "?par", ")par".
			if strings.TrimSpace(s[m[1]:]) != "" || !strings.ContainsRune("?!)»\"", rune(s[a-1])) {
				continue
			}
			e = len(s)
		}
		st := sentenceStart(a)
		// A caption's title may hold several sentences: a whole
		// quotation ("…" (Rachida Dati)par France Inter), or a date after
		// it ("où en est-on ? - 14/02par BFM Business").
		for st > 0 && (strings.Count(s[st:a], `"`)%2 == 1 || words(s[st:a]) <= 2 || !strings.ContainsFunc(s[st:a], unicode.IsLetter)) {
			prev := sentenceStart(st)
			if prev >= st {
				break
			}
			st = prev
		}
		// "Macron en danger ? Sa visite à Marseille annuléepar 6MEDIAS":
		// a short question before the caption belongs to it.
		if st > 0 {
			prev := sentenceStart(st)
			q := strings.TrimSpace(s[prev:st])
			if prev < st && words(q) <= 6 && strings.HasSuffix(q, "?") {
				st = prev
			}
		}
		addCut(furn{st, e, corpus.Boilerplate})
	}
	// Related links and bracketed video markers at a sentence start, up to
	// the next glue point or the end of their sentence.
	for _, st := range mergeSorted(starts, glue) {
		loc := reRelated.FindStringIndex(s[st:])
		if loc == nil {
			continue
		}
		e := len(s)
		for _, x := range mergeSorted(starts, glue) {
			if x > st+loc[1] {
				e = x
				break
			}
		}
		addCut(furn{st, e, corpus.Boilerplate})
	}
	// Photo credits, up to a closing bracket, a glue point, or the end of
	// the name.
	for _, m := range findAll(reCredit, s, mayCredit(s)) {
		a := m[0]
		if s[a] != '(' && a > 0 {
			if st := sentenceStart(a + 1); st != a && !gluedAfterSentence(s, a) {
				continue
			}
		}
		e := creditEnd(s, m[1], s[a] == '(', glue)
		if e <= m[1] {
			continue
		}
		addCut(furn{a, e, corpus.Boilerplate})
	}
	// An agency code at the end.
	if m := findLast(reAgencyCode, s, mayAgencyCode(s)); m != nil {
		addCut(furn{m[2], len(s), corpus.Boilerplate})
	}
	// Dashed headings: "… mardi. - Auditions parlementaires -Sauf surprise".
	for _, m := range findAllSubmatch(reDashHeading, s, strings.Contains(s, " -")) {
		if words(s[m[2]:m[3]]) <= 12 {
			addCut(furn{m[2], m[3], corpus.Heading})
		}
	}
	// Headings glued to the text after them: a short run of words without
	// final punctuation from a sentence start to a glue point.
	for _, g := range glue {
		st := sentenceStart(g)
		h := s[st:g]
		if st == 0 && g == len(s) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(h)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '•' {
			continue
		}
		if n := words(h); n == 0 || n > 14 || strings.ContainsAny(strings.TrimRight(h, " "), ".!?…") && !strings.HasPrefix(h, "•") {
			continue
		}
		if strings.Count(h, `"`)%2 == 1 || strings.Count(h, "«") != strings.Count(h, "»") {
			continue
		}
		if r == '•' {
			// A list item run into the paragraph: cut out, still text.
			addCut(furn{st, g, corpus.Paragraph})
			continue
		}
		addCut(furn{st, g, corpus.Heading})
	}
	// In order.
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].start < ps[j-1].start; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}

// bulletGlue returns the positions of " • " that follow a word: list items
// run into a paragraph.
func bulletGlue(s string) []int {
	var out []int
	for i := 0; ; {
		k := strings.Index(s[i:], " • ")
		if k < 0 {
			return out
		}
		k += i
		if k > 0 {
			out = append(out, k+1)
		}
		i = k + 1
	}
}

// sentenceStarts returns the byte offsets where s's sentences start.
func sentenceStarts(s string) []int {
	var out []int
	for _, sp := range segment.Sentences(s, "fr") {
		out = append(out, sp.Start)
	}
	return out
}

// gluedAfterSentence reports whether byte a of s follows final punctuation
// directly: "employés.© AFP".
func gluedAfterSentence(s string, a int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:a])
	return strings.ContainsRune(".!?…»\"", r)
}

// creditEnd returns where a credit whose name starts at i ends: at the
// closing bracket when it opened with one, else after the name's words
// (capitalised words, acronyms, "/", "-", at most five), before a glue
// point.
func creditEnd(s string, i int, bracket bool, glue []int) int {
	limit := len(s)
	for _, g := range glue {
		if g > i {
			limit = g
			break
		}
	}
	if bracket {
		if k := strings.IndexByte(s[i:limit], ')'); k >= 0 && k < 80 {
			return i + k + 1
		}
		return -1
	}
	end, n := i, 0
	for j := i; j < limit && n < 5; {
		for j < limit && s[j] == ' ' {
			j++
		}
		k := strings.IndexAny(s[j:limit], " ")
		if k < 0 {
			k = limit - j
		}
		w := s[j : j+k]
		if w == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		core := strings.TrimRight(w, ".,;")
		if !(unicode.IsUpper(r) || w == "/" || w == "-" || w == "–" || strings.Contains(w, "/")) || n > 0 && openers[core] {
			break
		}
		n++
		end = j + len(core)
		j += k
		if core != w {
			break
		}
	}
	return end
}

// mergeSorted merges two sorted lists of offsets.
func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i] <= b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// The regular expressions of furniture are run only on the paragraphs
// that may hold a match, which a cheap test of the literal text they
// need tells (most paragraphs hold none): the results are the same, at a
// tenth of the cost on a large corpus.

// findAll is re.FindAllStringIndex(s, -1) if may, else nil.
func findAll(re *regexp.Regexp, s string, may bool) [][]int {
	if !may {
		return nil
	}
	return re.FindAllStringIndex(s, -1)
}

// findAllSubmatch is re.FindAllStringSubmatchIndex(s, -1) if may, else nil.
func findAllSubmatch(re *regexp.Regexp, s string, may bool) [][]int {
	if !may {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// findLast is re.FindStringSubmatchIndex(s) if may, else nil.
func findLast(re *regexp.Regexp, s string, may bool) []int {
	if !may {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

// mayCaption reports whether s may hold a caption source that
// furnitureCuts keeps: "par " glued to what precedes it, or after a
// bracketed "(vidéo)", "(photo)" or "(diaporama)".
func mayCaption(s string) bool {
	for i := 1; i+4 <= len(s); i++ {
		if s[i] == 'p' && strings.HasPrefix(s[i:], "par ") && s[i-1] != ' ' && s[i-1] != '\n' {
			return true
		}
		if s[i-1] == '(' {
			switch s[i] | 0x20 {
			case 'v', 'p', 'd':
				return true
			}
		}
	}
	return false
}

// mayCredit reports whether s holds one of the words a credit starts with.
func mayCredit(s string) bool {
	return strings.Contains(s, "Crédit") || strings.Contains(s, "Photo") || strings.Contains(s, "Illustration") || strings.Contains(s, "©")
}

// mayAgencyCode reports whether s may end with an agency code: it holds a
// slash and ends, spaces apart, with a lower-case ASCII letter.
func mayAgencyCode(s string) bool {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	return t != "" && t[len(t)-1] >= 'a' && t[len(t)-1] <= 'z' && strings.Contains(t, "/")
}
