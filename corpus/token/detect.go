package token

import "unicode/utf8"

// detectBytes is how much of a text Detect reads.
const detectBytes = 4096

// frMarkers and enMarkers are frequent function words of one language
// that are rare in the other, sorted.
var (
	frMarkers = [...]string{"au", "aux", "avec", "c", "ce", "cette", "comme", "d", "dans", "des", "du", "elle", "est", "et", "il", "j", "l", "la", "le", "les", "leur", "mais", "n", "ne", "nous", "ou", "par", "pas", "plus", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vous"}
	enMarkers = [...]string{"all", "an", "and", "are", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have", "he", "his", "if", "in", "into", "is", "it", "its", "more", "not", "of", "or", "should", "that", "the", "their", "there", "these", "they", "this", "to", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you"}
)

// Detect returns the language of text, "fr" or "en", from the function
// words of its first 4 KB: "en" when English function words are more than
// twice as many as French ones and at least three (one when there is no
// French one: "UTF-8 with BOM: a story about lighthouses."; French
// accented letters count as French words), "fr" otherwise, and so when
// unsure.
func Detect(text string) string {
	if len(text) > detectBytes {
		cut := detectBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	fr, en := 0, 0
	var w [12]byte
	n := 0 // letters in w; -1 inside a word too long or not ASCII
	// flush counts the word in w; apos says an apostrophe follows it. The
	// elided words ("c", "d", "j", "l", "n", "qu") count only before one:
	// else the letters between the digits of a hexadecimal hash ("2e9f8a5
	// 11dc01") made a changelog French.
	flush := func(apos bool) {
		if n > 0 && (apos || n > 2 || n == 2 && (w[0] != 'q' || w[1] != 'u')) {
			word := string(w[:n])
			if inSorted(frMarkers[:], word) {
				fr++
			} else if inSorted(enMarkers[:], word) {
				en++
			}
		}
		n = 0
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&cLetter != 0 {
				if n >= 0 && n < len(w) {
					w[n] = c | 0x20
					n++
				} else {
					n = -1
				}
			} else {
				flush(c == '\'')
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case 'é', 'è', 'ê', 'à', 'ç', 'ù', 'û', 'ô', 'î', 'â', 'œ', 'É':
			fr++
			n = -1
		default:
			if isWordRune(r) {
				n = -1
			} else {
				flush(r == '’')
			}
		}
		i += size
	}
	flush(false)
	if en > 2*fr && (en >= 3 || fr == 0) {
		return "en"
	}
	return "fr"
}
