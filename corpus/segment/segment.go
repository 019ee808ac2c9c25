// Package segment splits text into sentences.
//
// STUB: to be replaced by the real implementation (issue 2).
package segment

import "github.com/corpus-explorer/explorer/corpus"

// Sentences returns the sentences of text (in language lang, "fr" or "en";
// anything else is treated as French) as byte spans, in order, trimmed of
// surrounding white space. Line breaks end a sentence only when the text
// around them says so (see package doc).
func Sentences(text, lang string) []corpus.Span {
	var out []corpus.Span
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ') || text[i] == '\n' {
			if s := trim(text, start, i+1); s.Len() > 0 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := trim(text, start, len(text)); s.Len() > 0 {
		out = append(out, s)
	}
	return out
}

func trim(text string, a, b int) corpus.Span {
	for a < b && (text[a] == ' ' || text[a] == '\n') {
		a++
	}
	for b > a && (text[b-1] == ' ' || text[b-1] == '\n') {
		b--
	}
	return corpus.Span{Start: a, End: b}
}
