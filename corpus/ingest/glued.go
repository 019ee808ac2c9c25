package ingest

import (
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// Pages flattened to text often glue a heading to the paragraph after it,
// with no space or punctuation between: "Ziad Takieddine persiste et
// signeLe sulfureux homme d'affaires…", "la tentation d'un \"meeting de
// campagne partisan\"Ce bouleversement…". The segmenter sees one sentence;
// splitGlued cuts it where a word in lower case (or a closing quotation
// after one) runs straight into a capitalised word that commonly opens a
// French sentence. Brand names glued the other way ("iPhone",
// "AliExpress") are left alone: the word before must have three lower-case
// letters or more and the word after must be a sentence opener.

// glueOpeners are the words after which a glued capital starts a new
// sentence.
var glueOpeners = map[string]bool{
	"Le": true, "La": true, "Les": true, "L'": true, "L’": true, "Un": true, "Une": true, "Des": true,
	"Du": true, "De": true, "Au": true, "Aux": true, "En": true, "Dans": true, "Pour": true,
	"Selon": true, "Alors": true, "Cette": true, "Ce": true, "Ces": true, "Cet": true, "Il": true,
	"Elle": true, "Ils": true, "Elles": true, "Après": true, "Depuis": true, "Mais": true, "Si": true,
	"Sur": true, "Avec": true, "Par": true, "Lors": true, "Outre": true, "Ainsi": true, "Face": true,
	"Pourtant": true, "Parmi": true, "Avant": true, "Malgré": true, "Tout": true, "Certains": true,
	"Plusieurs": true, "On": true, "Nous": true, "Son": true, "Sa": true, "Ses": true, "Leur": true,
	"Leurs": true, "Quant": true, "Interrogé": true, "Interrogée": true, "Contacté": true,
	"Contactée": true, "Ici": true, "Ailleurs": true, "Enfin": true, "Toutefois": true,
}

// splitGlued returns sp cut where a heading is glued to the sentence
// after it, or sp alone.
func splitGlued(text string, sp corpus.Span) []corpus.Span {
	var out []corpus.Span
	start := sp.Start
	quotes := 0 // straight quotes since start
	lower := 0  // lower-case letters just before i, in one word
	inWord := false
	wordLower := false // the current word started in lower case
	for i := sp.Start; i < sp.End; {
		r, n := utf8.DecodeRuneInString(text[i:sp.End])
		cut := -1
		switch {
		case unicode.IsLower(r):
			if !inWord {
				wordLower = true
			}
			inWord = true
			lower++
		case unicode.IsUpper(r):
			if inWord && wordLower && lower >= 3 && opener(text[i:sp.End]) {
				cut = i
			}
			if !inWord {
				wordLower = false
			}
			inWord = true
			lower = 0
		case r == '"':
			quotes++
			// A quotation closed right after a word in lower case, then a
			// capital: `partisan"Ce`.
			if quotes%2 == 0 && inWord && lower >= 3 && i+n < sp.End && opener(text[i+n:sp.End]) {
				cut = i + n
			}
			inWord, lower = false, 0
		case r == '\'' || r == '’' || r == '-':
			lower = 0 // "aujourd'hui", "Jean-Pierre": one word, not a run
		default:
			inWord, lower = false, 0
		}
		if cut > start {
			out = append(out, corpus.Span{Start: start, End: cut})
			start = cut
			inWord, lower = false, 0
			if cut > i {
				i = cut
				continue
			}
		}
		i += n
	}
	if len(out) == 0 {
		return []corpus.Span{sp}
	}
	return append(out, corpus.Span{Start: start, End: sp.End})
}

// opener reports whether s starts with a sentence opener followed by a
// space or, for an elided one, a letter.
func opener(s string) bool {
	end := 0
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if r == '\'' || r == '’' {
			end += n
			return glueOpeners[s[:end]] && end < len(s)
		}
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	return glueOpeners[s[:end]] && end < len(s) && s[end] == ' '
}
