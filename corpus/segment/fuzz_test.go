package segment

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSentences checks that Sentences never panics and that its spans are
// in order, not overlapping, within bounds, on rune boundaries, trimmed,
// not empty, and cover every character that is not white space.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"M. Macron est arrivé. Il a parlé.",
		"«\u00a0Bonjour\u00a0!\u00a0» Puis il part… Quoi ?! Non.",
		"César, 52 av. J.-C. J.-M. Le Pen, 85.000, 1,5, 85\u202f000, www.site.fr, e.g.",
		"Pyrénées.Alors\n\nTitre\n1/ Qu’est-ce ?\n- un\n• deux\r\n",
		"Mr. Smith in the U.S. How? I. Did. . . . Next [...] (…)",
		"x.\xff\xfe. \xe2\x80. \xc2 A. 你好。再见！",
		". .. ! ? … \u2029 \u2028 \f \v",
	} {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		checkSpans(t, text, Sentences(text, lang))
	})
}

// onRuneBoundary reports whether byte offset i starts a rune of text as
// decoded from the start (invalid bytes count as one rune each).
func onRuneBoundary(text string, i int) bool {
	if i == 0 || i == len(text) {
		return true
	}
	// Step back to the start of the rune decoded forward that covers i.
	j := i
	for j > 0 && i-j < utf8.UTFMax && !utf8.RuneStart(text[j]) {
		j--
	}
	for j < i {
		_, size := utf8.DecodeRuneInString(text[j:])
		j += size
	}
	return j == i
}

// checkSpace fails unless text[a:b] is white space only.
func checkSpace(t *testing.T, text string, a, b int) {
	t.Helper()
	for i := a; i < b; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			t.Fatalf("byte %d (%q) is in no sentence", i, r)
		}
		i += size
	}
}
