package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// analyse finds the structure of a draft: man page parts, date markers,
// title, author, boilerplate and headings (see the package documentation
// for the rules). Units whose kind the markup gave are left alone.
func (d *draft) analyse() {
	d.manPage()
	d.dateMarkers()
	d.furniture()
	d.titleLine()
	d.authorBio()
	d.bylines()
	d.signature()
	d.boilerplate()
	d.headings()
	d.dateLines()
}

func (d *draft) free(i int) bool {
	return !d.units[i].fixed && d.units[i].kind == corpus.Paragraph
}

// adjacent reports whether units i and i+1 are on consecutive lines.
func (d *draft) adjacent(i int) bool {
	if i < 0 || i+1 >= len(d.units) {
		return false
	}
	return strings.Count(d.text[d.units[i].end:d.units[i+1].start], "\n") <= 1
}

// indent returns the column where unit i starts on its line.
func (d *draft) indent(i int) int {
	s := d.units[i].start
	return s - (strings.LastIndexByte(d.text[:s], '\n') + 1)
}

var reManRef = regexp.MustCompile(`^[^\s()]+\([0-9][0-9A-Za-z]*\)$`)

// manPage recognises a man page rendered to text: its header line is the
// Title block, its NAME section the title, its footer a Meta block (with
// the date), its translation credits boilerplate.
func (d *draft) manPage() {
	n := len(d.units)
	if n < 3 || d.units[0].fixed {
		return
	}
	f := strings.Fields(d.s(0))
	if len(f) < 2 || f[0] != f[len(f)-1] || !reManRef.MatchString(f[0]) {
		d.headerlessManPage()
		return
	}
	d.units[0].kind, d.units[0].fixed = corpus.Title, true
	d.man = true
	for i := 1; i+1 < n; i++ {
		if s := d.s(i); s == "NOM" || s == "NAME" {
			d.units[i].kind, d.units[i].fixed = corpus.Heading, true
			d.title = shorten(strings.Join(strings.Fields(d.s(i+1)), " "), 150)
			break
		}
	}
	if d.title == "" {
		d.title = strings.Join(f[:len(f)-1], " ")
	}
	last := n - 1
	if lf := strings.Fields(d.s(last)); len(lf) >= 2 && lf[len(lf)-1] == f[0] {
		d.units[last].kind, d.units[last].fixed = corpus.Meta, true
		if iso, _, _, ok := findDate(d.s(last)); ok {
			d.date = iso
		}
	}
	d.manCredits(last)
}

// manCredits marks a man page's TRADUCTION section, before unit end, as
// boilerplate.
func (d *draft) manCredits(end int) {
	for i := 1; i < end; i++ {
		if s := d.s(i); (s == "TRADUCTION" || s == "TRANSLATION") && d.indent(i) == 0 {
			for j := i; j < end && (j == i || d.indent(j) > 0); j++ {
				d.units[j].kind, d.units[j].fixed = corpus.Boilerplate, true
			}
		}
	}
}

// headerlessManPage recognises a man page rendered without its header
// line (mandoc's output for some BSD pages): it opens on its NAME section,
// "NOM" then "file — Déterminer le type d'un fichier", followed by
// another section heading (SYNOPSIS, BIBLIOTHÈQUE). The NAME line is the title, its heading a
// Heading; there is no footer to find.
func (d *draft) headerlessManPage() {
	if len(d.units) < 4 {
		return
	}
	if s := d.s(0); s != "NOM" && s != "NAME" {
		return
	}
	name := strings.Join(strings.Fields(d.s(1)), " ")
	if !strings.Contains(name, " - ") && !strings.Contains(name, " — ") && !strings.Contains(name, " – ") {
		return
	}
	if !manSection(d.s(2)) {
		return
	}
	d.units[0].kind, d.units[0].fixed = corpus.Heading, true
	d.title = shorten(name, 150)
	d.man = true
	d.manCredits(len(d.units))
}

// manSection reports whether s reads as a man page's section heading: a
// few words in capitals ("SYNOPSIS", "VOIR AUSSI").
func manSection(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if r != ' ' && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// dateMarkers finds a date marker at the start of one of the first units:
// the marker and its date become a Meta unit, the rest of the line stays.
func (d *draft) dateMarkers() {
	for i := 0; i < len(d.units) && i < 3; i++ {
		if d.units[i].fixed {
			continue
		}
		s := d.s(i)
		iso, k, ok := dateMarker(s)
		if !ok {
			continue
		}
		if d.date == "" {
			d.date = iso
		}
		u := d.units[i]
		meta := unit{start: u.start, end: u.start + k, kind: corpus.Meta, fixed: true}
		rs, re := trimSpan(d.text, u.start+k, u.end)
		if rs == re {
			d.units[i] = meta
			return
		}
		rest := unit{start: rs, end: re, kind: u.kind}
		d.units = append(d.units[:i], append([]unit{meta, rest}, d.units[i+1:]...)...)
		return
	}
}

// titleLine makes the first unit the Title when it reads as a heading.
func (d *draft) titleLine() {
	if d.title != "" {
		return
	}
	i := 0
	for i < len(d.units) && d.units[i].kind == corpus.Meta {
		i++
	}
	if i+1 >= len(d.units) || !d.free(i) {
		return
	}
	s := d.s(i)
	if !shaped(s, 150, 25, true) || d.continued(i) || isBoilerplate(s) {
		return
	}
	if _, _, ok := byline(s); ok {
		return
	}
	d.units[i].kind = corpus.Title
	d.title = strings.Join(strings.Fields(stripQuotes(s)), " ")
}

// continued reports whether unit i+1 continues unit i: the next line, same
// indentation, starting in lower case.
func (d *draft) continued(i int) bool {
	if !d.adjacent(i) || d.indent(i) != d.indent(i+1) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.s(i + 1))
	return unicode.IsLower(r)
}

// stripQuotes removes the quotes around a title line.
func stripQuotes(s string) string {
	s = strings.TrimSpace(s)
	for {
		r, n := utf8.DecodeRuneInString(s)
		l, m := utf8.DecodeLastRuneInString(s)
		if len(s) < 2 || !isOpenQuote(r) || !isCloseQuote(l) {
			return s
		}
		s = strings.TrimFunc(s[n:len(s)-m], unicode.IsSpace)
	}
}

func isOpenQuote(r rune) bool  { return strings.ContainsRune("“«\"'‘„‹", r) }
func isCloseQuote(r rune) bool { return strings.ContainsRune("”»\"'’“‛›", r) }

// shaped reports whether s has the shape of a title or heading: at most
// maxRunes characters and maxWords words, a letter, starting with a capital
// or a digit, not ending like a sentence or a clause.
func shaped(s string, maxRunes, maxWords int, question bool) bool {
	if len(s) > 4*maxRunes || utf8.RuneCountInString(s) > maxRunes || words(s) > maxWords {
		return false
	}
	core := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isCloseQuote(r) || r == ')' })
	last, _ := utf8.DecodeLastRuneInString(core)
	switch last {
	case '.', ',', ';', ':', '…', utf8.RuneError:
		return false
	case '?', '!':
		if !question {
			return false
		}
	}
	letter := false
	first := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if first && !unicode.IsUpper(r) {
				return false
			}
			letter, first = true, false
		} else if unicode.IsDigit(r) {
			first = false
		}
		if letter && !first {
			break
		}
	}
	return letter
}

func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// reNumbered matches a numbered heading's prefix: "1/", "2.", "3) –", "IV.".
var reNumbered = regexp.MustCompile(`^(?:\d{1,2}|[IVX]{1,4})\s*[/.)]\s*(?:[-–—]\s*)?\S`)

// headingLike reports whether unit s could be a heading.
func headingLike(s string) bool {
	if len(s) > 600 {
		return false
	}
	if r, n := utf8.DecodeRuneInString(s); strings.ContainsRune("•◦▪‣·○►-*–—", r) && (n == len(s) || unicode.IsSpace(rune(s[n]))) {
		return false
	}
	if reNumbered.MatchString(s) && shaped(s, 150, 25, true) {
		return true
	}
	return shaped(s, 100, 14, false)
}

// headings marks short lines standing alone between paragraphs.
func (d *draft) headings() {
	n := len(d.units)
	cand := make([]bool, n)
	for i := range d.units {
		cand[i] = d.free(i) && headingLike(d.s(i)) && !isBoilerplate(d.s(i))
		// In a man page, headings are the lines left of the body text.
		if d.man && d.indent(i) >= 5 {
			cand[i] = false
		}
	}
	for i := 0; i+1 < n; i++ {
		if !cand[i] || d.continued(i) {
			continue
		}
		// Adjacent candidates are lines of verse or of a list, not headings.
		if d.adjacent(i) && cand[i+1] && d.indent(i) == d.indent(i+1) ||
			i > 0 && d.adjacent(i-1) && cand[i-1] && d.indent(i-1) == d.indent(i) {
			continue
		}
		if d.units[i+1].kind == corpus.Boilerplate {
			continue
		}
		d.units[i].kind = corpus.Heading
	}
}

// Author names.

var particles = map[string]bool{
	"de": true, "du": true, "des": true, "d'": true, "d’": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "di": true, "da": true, "del": true,
	"dos": true, "y": true, "bin": true, "ben": true, "al": true, "el": true, "ter": true,
}

// parseName reads a person's name (up to five words: capitalised words,
// initials, particles) at the start of s and returns it with the rest of s.
func parseName(s string) (name, rest string) {
	var parts []string
	pos := 0
	lastCap := 0 // number of parts up to the last capitalised word or initial
	end := 0
	for len(parts) < 6 {
		for pos < len(s) && s[pos] == ' ' {
			pos++
		}
		if pos >= len(s) {
			break
		}
		e := strings.IndexAny(s[pos:], " \t")
		if e < 0 {
			e = len(s)
		} else {
			e += pos
		}
		w := s[pos:e]
		comma := strings.HasSuffix(w, ",")
		w = strings.TrimSuffix(w, ",")
		if w == "" {
			break
		}
		if particles[strings.ToLower(w)] && len(parts) > 0 {
			parts = append(parts, w)
		} else if capitalised(w) {
			parts = append(parts, w)
			lastCap = len(parts)
			end = pos + len(w)
		} else {
			break
		}
		pos = e
		if comma {
			break
		}
	}
	if lastCap == 0 || lastCap > 5 {
		return "", s
	}
	return strings.Join(parts[:lastCap], " "), s[end:]
}

// capitalised reports whether w is a capitalised name word ("Dupont",
// "Jean-Luc", "O’Neil", "AFP") or an initial ("C.", "J.-M.").
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '.' && r != '\'' && r != '’' {
			return false
		}
	}
	return !strings.HasSuffix(w, "-")
}

// nameLine reports whether s is a name alone on its line, of two words or
// more, and returns the name.
func nameLine(s string) (string, bool) {
	if utf8.RuneCountInString(s) > 60 {
		return "", false
	}
	name, rest := parseName(s)
	if name == "" || strings.TrimSpace(rest) != "" || !strings.Contains(name, " ") {
		return "", false
	}
	return name, true
}

var reByline = regexp.MustCompile(`^(?i:par|by|[ée]crit\s+par|r[ée]dig[ée]e?\s+par|propos\s+recueillis\s+par|auteur|autrice|author|texte|written\s+by)\s*:?\s+`)

// byline reports whether s is a byline and returns the author's name and
// the rest of the line (where a date may be).
func byline(s string) (name, rest string, ok bool) {
	if utf8.RuneCountInString(s) > 100 {
		return "", "", false
	}
	loc := reByline.FindStringIndex(s)
	if loc == nil {
		return "", "", false
	}
	name, rest = parseName(s[loc[1]:])
	if name == "" {
		return "", "", false
	}
	r := strings.TrimLeft(rest, " ,|–—-(")
	if r == "" {
		return name, rest, true
	}
	if _, _, _, ok := findDate(r); ok {
		return name, rest, true
	}
	if words(r) <= 6 && !strings.HasSuffix(r, ".") {
		return name, rest, true
	}
	return "", "", false
}

// bylines marks the bylines among the first and last units.
func (d *draft) bylines() {
	n := len(d.units)
	for i := 0; i < n; i++ {
		if i >= 8 && i < n-8 {
			i = n - 8
		}
		if !d.free(i) && d.units[i].kind != corpus.Title {
			continue
		}
		name, rest, ok := byline(d.s(i))
		if !ok {
			continue
		}
		if d.units[i].kind == corpus.Title {
			// A byline is no title.
			d.title = ""
		}
		d.units[i].kind = corpus.Meta
		if d.author == "" {
			d.author = name
		}
		if iso, _, _, ok := findDate(rest); ok && d.date == "" {
			d.date = iso
		}
	}
}

// signature finds a closing signature: "-- Name", "— Name, Work",
// "-+- Name -+-".
func (d *draft) signature() {
	n := len(d.units)
	for i := n - 1; i >= 0 && i >= n-2; i-- {
		if !d.free(i) {
			continue
		}
		s := d.s(i)
		t := strings.TrimLeft(s, "-+—–~ \t")
		if len(t) == len(s) || utf8.RuneCountInString(t) > 120 {
			continue
		}
		t = strings.TrimRight(t, "-+—–~ \t")
		if c := strings.IndexByte(t, ','); c >= 0 {
			t = t[:c]
		}
		name, rest := parseName(t)
		if name == "" || strings.TrimSpace(rest) != "" {
			continue
		}
		d.units[i].kind = corpus.Meta
		if d.author == "" {
			d.author = name
		}
		return
	}
}

// fold lower-cases s and unifies apostrophes, for matching.
func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// isBioMarker reports whether s announces an author bio.
func isBioMarker(s string) bool {
	if len(s) > 40 {
		return false
	}
	f := strings.TrimRight(fold(s), " :")
	switch f {
	case "a propos de l'auteur", "à propos de l'auteur", "a propos de l'autrice", "à propos de l'autrice",
		"about the author", "l'auteur", "biographie de l'auteur", "qui est l'auteur", "about me", "à propos", "a propos":
		return true
	}
	return false
}

// authorBio finds an author bio after the article: the marker and all that
// follows are boilerplate, a name right before it is the byline.
func (d *draft) authorBio() {
	for i := 1; i < len(d.units); i++ {
		if d.units[i].fixed || !isBioMarker(d.s(i)) {
			continue
		}
		for j := i; j < len(d.units); j++ {
			if !d.units[j].fixed && d.units[j].kind != corpus.Meta {
				d.units[j].kind = corpus.Boilerplate
			}
		}
		if d.free(i - 1) {
			if name, ok := nameLine(d.s(i - 1)); ok {
				d.units[i-1].kind = corpus.Meta
				if d.author == "" {
					d.author = name
				}
			}
		}
		return
	}
}

// Boilerplate.

var (
	boilerKeywords = []string{
		"newsletter", "s'abonner", "abonnez-vous", "inscrivez-vous", "je m'abonne", "abonnement",
		"subscribe", "sign up for", "unsubscribe", "se désabonner", "suivez-nous", "follow us",
		"partager sur", "partagez cet", "partager cet", "share this", "share on", "tous droits réservés",
		"all rights reserved", "lire aussi", "lire également", "lire la suite", "read more", "read also",
		"voir aussi :", "related articles", "articles similaires", "sur le même sujet", "publicité",
		"retour en haut", "haut de page", "back to top",
	}
	socialWords = map[string]bool{
		"twitter": true, "facebook": true, "linkedin": true, "google+": true, "google": true, "instagram": true,
		"pinterest": true, "whatsapp": true, "youtube": true, "tiktok": true, "email": true, "e-mail": true,
		"mail": true, "imprimer": true, "print": true, "partager": true, "share": true, "tweet": true,
		"reddit": true, "x": true, "rss": true, "flipboard": true, "messenger": true, "telegram": true,
		"viadeo": true, "|": true, "·": true, "-": true, "/": true, "•": true, "mastodon": true, "bluesky": true,
		"threads": true, "snapchat": true, "tumblr": true,
	}
	navLines = map[string]bool{
		"accueil": true, "menu": true, "home": true, "next": true, "previous": true, "suivant": true,
		"précédent": true, "page suivante": true, "page précédente": true, "article suivant": true,
		"article précédent": true, "fermer": true, "close": true, "rechercher": true, "search": true,
		"skip to content": true, "aller au contenu": true, "connexion": true, "se connecter": true, "log in": true,
	}
)

// isBoilerplate reports whether a unit of text is boilerplate by itself.
func isBoilerplate(s string) bool {
	if len(s) > 1200 {
		return false
	}
	f := fold(s)
	n := words(f)
	if n <= 30 {
		for _, k := range boilerKeywords {
			if strings.Contains(f, k) {
				return true
			}
		}
	}
	if n <= 80 && strings.Contains(f, "cookie") && (strings.Contains(f, "accept") || strings.Contains(f, "utilis") ||
		strings.Contains(f, "consent") || strings.Contains(f, "navigation") || strings.Contains(f, " use")) {
		return true
	}
	if n <= 40 && (strings.HasPrefix(f, "©") || strings.HasPrefix(f, "copyright") || strings.HasPrefix(f, "(c) ")) {
		return true
	}
	if n <= 12 && (strings.HasPrefix(f, "site web") || strings.HasPrefix(f, "website") || strings.HasPrefix(f, "site internet")) {
		return true
	}
	if n <= 60 && (strings.Contains(f, "creative commons") || strings.Contains(f, "gnu general public license") ||
		strings.Contains(f, "gnu free documentation license")) {
		return true
	}
	if navLines[strings.TrimRight(f, " :.")] {
		return true
	}
	if n >= 1 && n <= 15 {
		social := true
		for _, w := range strings.Fields(f) {
			if !socialWords[w] {
				social = false
				break
			}
		}
		if social {
			return true
		}
	}
	if n <= 20 && (strings.Count(f, " > ")+strings.Count(f, " » ")+strings.Count(f, " › ")) >= 2 {
		return true
	}
	return false
}

// weak reports whether a unit is short enough to belong to a run of
// boilerplate around it: a few words, not a sentence.
func weak(s string) bool {
	if words(s) > 8 {
		return false
	}
	core := strings.TrimRightFunc(s, unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(core)
	return !strings.ContainsRune(".!?…", last)
}

// boilerplate marks boilerplate units, then the short units of a trailing
// run that holds boilerplate.
func (d *draft) boilerplate() {
	n := len(d.units)
	for i := range d.units {
		if !d.units[i].fixed && (d.units[i].kind == corpus.Paragraph || d.units[i].kind == corpus.Heading) && isBoilerplate(d.s(i)) {
			d.units[i].kind = corpus.Boilerplate
		}
	}
	strong := false
	start := n
	for i := n - 1; i > 0; i-- {
		u := d.units[i]
		switch {
		case u.kind == corpus.Boilerplate:
			strong = strong || !u.fixed
		case u.kind == corpus.Meta:
		case !u.fixed && (u.kind == corpus.Paragraph || u.kind == corpus.Heading) && weak(d.s(i)):
		default:
			i = 0
			continue
		}
		start = i
	}
	if !strong {
		return
	}
	for i := start; i < n; i++ {
		if !d.units[i].fixed && (d.units[i].kind == corpus.Paragraph || d.units[i].kind == corpus.Heading) {
			d.units[i].kind = corpus.Boilerplate
		}
	}
}

// dateLines takes the date from a line that is only a date (with a few
// words around it), among the first and last units.
func (d *draft) dateLines() {
	if d.date != "" {
		return
	}
	n := len(d.units)
	for i := 0; i < n; i++ {
		if i >= 5 && i < n-3 {
			i = n - 3
		}
		u := d.units[i]
		if u.fixed && u.kind != corpus.Meta || u.kind == corpus.Boilerplate {
			continue
		}
		s := d.s(i)
		if utf8.RuneCountInString(s) > 80 {
			continue
		}
		iso, a, b, ok := findDate(s)
		if !ok || words(s[:a])+words(s[b:]) > 4 {
			continue
		}
		d.date = iso
		if d.free(i) || u.kind == corpus.Heading {
			d.units[i].kind = corpus.Meta
		}
		return
	}
}
