package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/segment"
)

// Titles for documents without one. A person titling an article keeps
// the main clause of its first sentence and drops what hangs on it: the
// incises (", qui séjourne en Chine depuis le début de la semaine,"), the
// reported-speech tag (", annonce le PDG de l’entreprise, Daniel Zhang"),
// the appositions and adjuncts (", la capitale du Zhejiang", "dans le
// domaine de l’intelligence artificielle"). When the first sentence leans
// on something before it ("Il ne fait pas partie des GAFA…"), a heading of
// the text that names its subject is the title. A title is never a cut
// after so many words.

const (
	titleWords     = 14 // a title longer than this is cut at a clause boundary
	titleMinWords  = 4  // nor shorter than this, where a cut can be avoided
	titleLongWords = 20 // a first clause longer than this is no better than the whole sentence
	titleMaxWords  = 30 // up to this, a sentence without a better cut stays whole
)

// reportingVerbs are the verbs of a reported-speech tag after a comma:
// ", annonce le PDG", ", a déclaré le ministre", ", selon l'AFP".
var reportingVerbs = map[string]bool{
	"annonce": true, "a annoncé": true, "affirme": true, "a affirmé": true, "assure": true, "a assuré": true,
	"déclare": true, "a déclaré": true, "explique": true, "a expliqué": true, "indique": true, "a indiqué": true,
	"estime": true, "a estimé": true, "précise": true, "a précisé": true, "rapporte": true, "a rapporté": true,
	"selon": true, "d'après": true, "souligne": true, "a souligné": true, "confie": true, "a confié": true,
	"raconte": true, "a raconté": true, "ajoute": true, "a ajouté": true, "révèle": true, "a révélé": true,
	"prévient": true, "a prévenu": true, "dit": true, "a dit": true, "insiste": true, "a insisté": true,
	"rappelle": true, "a rappelé": true, "regrette": true, "a regretté": true, "constate": true, "a constaté": true,
	"says": true, "said": true, "according": true,
}

// clauseWords open a clause or a phrase hanging on what precedes them
// after a comma: relative pronouns, conjunctions, participles of
// apposition, determiners of an apposition.
var clauseWords = map[string]bool{
	"qui": true, "que": true, "qu'": true, "dont": true, "où": true, "lequel": true, "laquelle": true,
	"lesquels": true, "lesquelles": true, "mais": true, "et": true, "car": true, "alors": true, "tandis": true,
	"puisque": true, "lorsque": true, "quand": true, "si": true, "après": true, "avant": true, "afin": true,
	"pour": true, "notamment": true, "soit": true, "la": true, "le": true, "les": true, "l'": true, "un": true,
	"une": true, "des": true, "ce": true, "cette": true, "son": true, "sa": true, "ses": true, "leur": true,
	"même": true, "malgré": true, "depuis": true, "en": true, "dans": true, "sans": true, "avec": true,
	"which": true, "who": true, "where": true, "but": true, "and": true, "while": true, "after": true,
	"before": true, "the": true, "a": true, "an": true,
}

// adjunctWords open an adjunct that a title can drop without a comma
// before it: "… d'euros dans le domaine de l'IA".
var adjunctWords = map[string]bool{
	"dans": true, "pour": true, "afin": true, "lors": true, "après": true, "avant": true, "depuis": true,
	"grâce": true, "malgré": true, "sans": true, "avec": true, "selon": true, "parce": true, "tandis": true,
	"alors": true, "puisque": true, "car": true, "qui": true, "dont": true, "where": true, "which": true,
	"because": true, "after": true, "before": true, "since": true, "while": true, "without": true,
}

// leaningWords open a sentence that leans on what came before it.
var leaningWords = map[string]bool{
	"il": true, "elle": true, "ils": true, "elles": true, "mais": true, "cette": true, "ces": true,
	"cet": true, "cela": true, "ça": true, "lui": true, "et": true, "or": true, "donc": true, "pourtant": true,
	"cependant": true, "toutefois": true, "celle-ci": true, "celui-ci": true, "ceux-ci": true, "he": true,
	"she": true, "they": true, "it": true, "but": true, "this": true,
}

// deriveTitle makes a title for a document that has none: its first
// sentence cut at a clause boundary, or a heading of the text when that
// sentence leans on something before it.
func (d *draft) deriveTitle(lang string) string {
	if t := d.openingHeading(); t != "" {
		return t
	}
	k := -1
	for i, u := range d.units {
		if u.kind == corpus.Paragraph {
			k = i
			break
		}
	}
	if k < 0 {
		for i, u := range d.units {
			if u.kind != corpus.Boilerplate {
				k = i
				break
			}
		}
	}
	if k < 0 {
		k = 0
	}
	s := firstSentence(cut(d.s(k), 2000), lang)
	if leans(s) {
		if h := d.announcingHeading(); h != "" {
			return h
		}
	}
	return clauseTitle(s)
}

// openingHeading returns the line that opens a document read by a format
// reader when it reads as its title: a heading (a larger font, a heading
// style), or a running header that the first page starts with (a PDF
// repeating its title at the top of every page), of one to fifteen words.
// Without it, a manual's cover ("Libtasn1", then "for version 4.19.0")
// was titled by its first paragraph, "for version 4.19.0, 18 August 2022".
func (d *draft) openingHeading() string {
	if !d.layout || len(d.units) == 0 {
		return ""
	}
	switch d.units[0].kind {
	case corpus.Heading, corpus.Title, corpus.Boilerplate:
	default:
		return ""
	}
	h := strings.Join(strings.Fields(d.s(0)), " ")
	if n := words(h); n < 1 || n > 15 || strings.IndexFunc(h, unicode.IsLetter) < 0 {
		return ""
	}
	if _, _, _, ok := findDate(h); ok {
		return ""
	}
	return shorten(h, 150)
}

// firstSentence returns the first sentence of s, or the first few when
// they are very short ("Non, non ! N’être jamais ..."), white space
// normalised.
func firstSentence(s, lang string) string {
	if ss := segment.Sentences(s, lang); len(ss) > 0 && ss[0].Start >= 0 && ss[0].Start < ss[0].End {
		end := ss[0].End
		for i := 1; i < len(ss) && utf8.RuneCountInString(s[ss[0].Start:end]) < 15 && ss[i].End > end && ss[i].End <= len(s); i++ {
			end = ss[i].End
		}
		if end <= len(s) {
			s = s[ss[0].Start:end]
		}
	}
	return strings.Join(strings.Fields(s), " ")
}

// leans reports whether sentence s opens on a word that needs what came
// before it ("Il ne fait pas partie des GAFA").
func leans(s string) bool {
	w := s
	if i := strings.IndexAny(s, " ,"); i >= 0 {
		w = s[:i]
	}
	return leaningWords[strings.ToLower(w)]
}

// announcingHeading returns the first heading of the text when it can
// title the whole: in the first half of the text, three to twelve words.
func (d *draft) announcingHeading() string {
	for i, u := range d.units {
		if u.kind != corpus.Heading {
			continue
		}
		if u.start > len(d.text)/2 {
			return ""
		}
		h := strings.Join(strings.Fields(d.s(i)), " ")
		if n := words(h); n >= 3 && n <= 12 {
			return strings.TrimRight(h, " :.")
		}
	}
	return ""
}

// clauseTitle cuts sentence s to its main clause: brackets and incises
// removed, then cut at the last clause boundary that leaves at most
// titleWords words, or else at the first one when it leaves at most
// titleLongWords. Otherwise the sentence stays whole up to titleMaxWords
// words; a longer one keeps its first clause however long: never a cut
// after so many words.
func clauseTitle(s string) string {
	s = dropBrackets(s)
	s = dropIncises(s)
	s = strings.TrimRight(s, " .;:,")
	if strings.HasSuffix(s, "..") {
		s = strings.TrimRight(s, ".") + "…"
	}
	n := words(s)
	if n <= titleWords {
		return s
	}
	cuts := clauseCuts(s)
	best := -1
	for _, c := range cuts {
		if w := words(s[:c]); w >= titleMinWords && w <= titleWords {
			best = c
		}
	}
	if best < 0 {
		for _, c := range cuts {
			if words(s[:c]) >= titleMinWords {
				best = c
				break
			}
		}
		if best < 0 || n <= titleMaxWords && words(s[:best]) > titleLongWords {
			return s
		}
	}
	return strings.TrimRight(s[:best], " ,;:–—-")
}

// clauseCuts returns the byte offsets where s may be cut: before a comma,
// semicolon, colon or dash that opens a hanging clause, and before an
// adjunct.
func clauseCuts(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ';' || s[i] == ':':
			out = append(out, i)
		case strings.HasPrefix(s[i:], " – ") || strings.HasPrefix(s[i:], " — ") || strings.HasPrefix(s[i:], " - "):
			out = append(out, i)
		case s[i] == ',':
			w := nextWords(s[i+1:], 2)
			if clauseWords[w[0]] || reportingVerbs[w[0]] || reportingVerbs[w[0]+" "+w[1]] || participle(w[0]) {
				out = append(out, i)
			}
		case s[i] == ' ' && i > 0 && s[i-1] != ',':
			if w := nextWords(s[i+1:], 1); adjunctWords[w[0]] {
				out = append(out, i)
			}
		}
	}
	return out
}

// nextWords returns the first n words of s, lower case, an elided
// article kept with its apostrophe ("l'"); missing words are "".
func nextWords(s string, n int) []string {
	out := make([]string, n)
	s = strings.TrimLeft(s, " ")
	for k := 0; k < n && s != ""; k++ {
		j := 0
		for j < len(s) {
			r, m := utf8.DecodeRuneInString(s[j:])
			if r == '\'' || r == '’' {
				j += m
				break
			}
			if !unicode.IsLetter(r) && r != '-' {
				break
			}
			j += m
		}
		out[k] = strings.ReplaceAll(strings.ToLower(s[:j]), "’", "'")
		s = strings.TrimLeft(s[j:], " ")
	}
	return out
}

// participle reports whether w reads as a French past or present
// participle opening an apposition ("fondé en 1999", "marquant un
// tournant").
func participle(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, suf := range []string{"é", "ée", "és", "ées", "ant"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// dropBrackets removes bracketed asides: "l’intelligence artificielle
// (IA)" becomes "l’intelligence artificielle". Only an aside set off by a
// space counts: "prompt(8)" or "f(x)" is not an aside and stays whole.
func dropBrackets(s string) string {
	from := 0
	for {
		a := strings.IndexByte(s[from:], '(')
		if a < 0 {
			return s
		}
		a += from
		b := strings.IndexByte(s[a:], ')')
		if b < 0 {
			return s
		}
		end := a + b + 1
		if a == 0 || s[a-1] != ' ' || end < len(s) && isWordByte(s[end]) || isVersionNumber(s[a+1:end-1]) {
			from = end
			continue
		}
		pre := strings.TrimRight(s[:a], " ")
		s = pre + s[end:]
		from = len(pre)
	}
}

// isVersionNumber reports whether s is a version ("1.65.2", "43-1",
// "1:2.3~rc1"): it names what a title is about ("pkg (1.2-1) unstable"),
// where a year or an acronym in brackets is an aside.
func isVersionNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' || !strings.ContainsAny(s, ".-:~") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) && !strings.ContainsRune(".-:~+", rune(s[i])) || s[i] >= 0x80 {
			return false
		}
	}
	// With a dash alone, a short revision ("43-1"), not a range of years
	// ("2019-2020").
	return strings.ContainsAny(s, ".:~") || len(s)-strings.LastIndexByte(s, '-') <= 4
}

// isWordByte reports whether c is an ASCII letter or digit, or part of a
// multi-byte character (a letter, in a title).
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// dropIncises removes a comma-delimited incise that opens with a relative
// pronoun, "comme" or "selon": "Le président X, qui séjourne en Chine, s’est rendu" becomes "Le
// président X s’est rendu".
func dropIncises(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			continue
		}
		w := nextWords(s[i+1:], 1)[0]
		if w != "qui" && w != "dont" && w != "où" && w != "lequel" && w != "laquelle" && w != "comme" && w != "selon" {
			continue
		}
		j := strings.IndexByte(s[i+1:], ',')
		if j < 0 {
			return s
		}
		j += i + 1
		// An incise often runs on past its first comma with a place or a
		// time (", qui a pris dans un entrepôt situé rue des Lilas, dans le
		// quartier de la gare, a été…"): a short phrase opening on
		// a preposition before another comma goes with it, or the title
		// keeps a comma between its subject and its verb.
		for {
			rest := s[j+1:]
			k := strings.IndexByte(rest, ',')
			if k < 0 || !inciseGoesOn[nextWords(rest, 1)[0]] || words(rest[:k]) > 8 || strings.TrimSpace(rest[k+1:]) == "" {
				break
			}
			j += 1 + k
		}
		s = s[:i] + s[j+1:]
		i--
	}
	return s
}

// inciseGoesOn are the words that open a phrase of place or time which
// continues an incise after a comma.
var inciseGoesOn = map[string]bool{
	"dans": true, "à": true, "au": true, "aux": true, "en": true, "sur": true, "sous": true, "près": true,
	"vers": true, "chez": true, "entre": true, "depuis": true, "lors": true,
}
