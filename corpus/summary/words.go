package summary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// word is one word of a document as the annotators see it: a token of the
// analyzer, with hyphenated compounds ("e-commerce", "Jean-Claude") joined.
type word struct {
	start, end int    // byte offsets into Document.Text
	term, stem string // folded
	stop       bool
	num        bool // digits only
	upper      bool // starts with an upper-case letter
	acronym    bool // two or more letters, all upper case
	first      bool // first word of its unit, or right after an opening quote or colon
	broken     bool // punctuation separates it from the previous word
	code       bool // part of an identifier: "_GNU_SOURCE", "file_name"
	unit       int  // index of its unit
}

// unit is a title, heading or sentence: a stretch of text in which words
// are read together.
type unit struct {
	span corpus.Span
	kind corpus.BlockKind
	sent int // sentence index, -1 for titles and headings
	w    []word
	toks []token.Token // the analyzer's tokens, offsets relative to span.Start
}

// maxAnalysed is how far into a document's text the annotators and the
// summariser read, in bytes: units and sentences that start later are left
// out. It keeps their memory bounded (about a hundred bytes a word) on a
// document of tens of megabytes, whose keywords, entities and summary then
// come from its first megabytes; every ordinary document is read whole.
const maxAnalysed = 4 << 20

// docWords cuts d's title, headings and Paragraph sentences into words.
// Boilerplate and meta lines, and what starts past maxAnalysed, are left
// out.
func docWords(d *corpus.Document, an *token.Analyzer) []unit {
	var us []unit
	for _, b := range d.Blocks {
		if (b.Kind == corpus.Title || b.Kind == corpus.Heading) && validSpan(d, b.Span) {
			us = append(us, unit{span: b.Span, kind: b.Kind, sent: -1})
		}
	}
	mask := paragraphMask(d)
	for i, s := range d.Sentences {
		if mask[i] && validSpan(d, s) {
			us = append(us, unit{span: s, kind: corpus.Paragraph, sent: i})
		}
	}
	if len(d.Blocks) == 0 && d.Title != "" && !d.TitleDerived && strings.HasPrefix(d.Text, d.Title) {
		us = append(us, unit{span: corpus.Span{Start: 0, End: len(d.Title)}, kind: corpus.Title, sent: -1})
	}
	sort.SliceStable(us, func(i, j int) bool { return us[i].span.Start < us[j].span.Start })
	for k := range us {
		us[k].toks = an.Tokens(d.Text[us[k].span.Start:us[k].span.End])
		us[k].w = unitWords(d.Text, us[k].span, k, us[k].toks)
	}
	return us
}

// sentenceTokens returns the tokens of each sentence of a document, from
// its units; nil for sentences that are not units.
func sentenceTokens(d *corpus.Document, us []unit) [][]token.Token {
	out := make([][]token.Token, len(d.Sentences))
	for k := range us {
		if s := us[k].sent; s >= 0 && us[k].toks != nil {
			out[s] = us[k].toks
		}
	}
	return out
}

// validSpan tells whether s lies in d's text and starts before
// maxAnalysed.
func validSpan(d *corpus.Document, s corpus.Span) bool {
	return 0 <= s.Start && s.Start <= s.End && s.End <= len(d.Text) && s.Start < maxAnalysed
}

func unitWords(text string, sp corpus.Span, k int, all []token.Token) []word {
	toks := make([]token.Token, 0, len(all))
	for _, t := range all {
		if !t.Compound { // the parts are enough: hyphenated words are joined below
			toks = append(toks, t)
		}
	}
	out := make([]word, 0, len(toks))
	prevEnd := sp.Start
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		w := word{start: sp.Start + t.Start, end: sp.Start + t.End, term: t.Term, stem: t.Stem, stop: t.Stop, unit: k}
		allStop := t.Stop
		// Join "e-commerce", "Jean-Claude", "a-t-il".
		for i+1 < len(toks) && sp.Start+toks[i+1].Start == w.end+1 && text[w.end] == '-' {
			i++
			n := toks[i]
			w.end = sp.Start + n.End
			w.term += "-" + n.Term
			w.stem += "-" + n.Stem
			allStop = allStop && n.Stop
		}
		// Join a name with its domain: "Ele.me", "JD.com", "Booking.com".
		if i+1 < len(toks) && sp.Start+toks[i+1].Start == w.end+1 && text[w.end] == '.' && dotted(text, w.start, sp.Start+toks[i+1].Start, sp.Start+toks[i+1].End) {
			i++
			n := toks[i]
			w.end = sp.Start + n.End
			w.term += "." + n.Term
			w.stem = w.term
			allStop = false
		}
		w.stop = allStop
		if w.stem == "" {
			w.stem = w.term
		}
		surface := text[w.start:w.end]
		w.num = !hasLetter(w.term)
		r, _ := utf8.DecodeRuneInString(surface)
		w.upper = unicode.IsUpper(r)
		w.acronym = isAcronym(surface)
		gap := text[prevEnd:w.start]
		// (Not after a bracket: French capitalises there only names,
		// "Lanester (Morbihan)".)
		w.first = len(out) == 0 || strings.ContainsAny(gap, "«“\":")
		if w.stop && w.upper && !w.first && !w.acronym {
			// A capitalised function word inside a sentence is part of a
			// name: "Jack Ma", "Le Monde".
			w.stop = false
		}
		w.broken = len(out) > 0 && !quietGap(gap)
		w.code = w.start > 0 && text[w.start-1] == '_' || w.end < len(text) && text[w.end] == '_'
		if len(out) == 0 {
			w.broken = true
		}
		out = append(out, w)
		prevEnd = w.end
	}
	return out
}

// dotted reports whether the word at text[a:] and the one at text[b:e],
// separated by a full stop alone, are one name with its domain: a
// capitalised word, then two to four lower-case letters that no letter
// follows ("Ele.me", "JD.com"; not "Paris.fr.", not "M.dupont" said of a
// sentence cut).
func dotted(text string, a, b, e int) bool {
	r, _ := utf8.DecodeRuneInString(text[a:])
	if !unicode.IsUpper(r) || e-b < 2 || e-b > 4 {
		return false
	}
	for _, c := range []byte(text[b:e]) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return e == len(text) || text[e] != '.' || e+1 == len(text) || text[e+1] == ' ' || text[e+1] == '\n'
}

// quietGap reports whether the text between two words lets them belong to
// one phrase: white space, or an elision apostrophe.
func quietGap(g string) bool {
	for _, r := range g {
		if !unicode.IsSpace(r) && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// isAcronym reports whether s has two or more letters, all upper case.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// short reports whether a word is too short to carry meaning alone.
func (w *word) short() bool { return utf8.RuneCountInString(w.term) < 2 }
