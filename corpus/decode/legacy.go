package decode

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// A legacy charset Bytes may fall back to.
type legacyCharset struct {
	name string
	cm   *charmap.Charmap
	rare string // letters this charset's languages seldom use
}

// legacyCharsets are tried in order; the first wins ties.
var legacyCharsets = [...]legacyCharset{
	{"windows-1252", charmap.Windows1252, "ðþÐÞìòÌÒ"},
	{"iso-8859-15", charmap.ISO8859_15, "ðþÐÞìòÌÒ"},
	{"windows-1250", charmap.Windows1250, "ŕĺŔĹőűŐŰţŢăĂ"},
}

// guessLegacy chooses the legacy charset under which the bytes of b read
// most like text: letters where letters belong, few rare letters, no
// symbols inside words, no C1 controls or undefined bytes.
func guessLegacy(b []byte) *legacyCharset {
	best, bestScore := 0, 0
	for i := range legacyCharsets {
		s := legacyScore(b, &legacyCharsets[i])
		if i == 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	return &legacyCharsets[best]
}

func legacyScore(b []byte, cs *legacyCharset) int {
	score := 0
	isLetter := func(i int) bool {
		if i < 0 || i >= len(b) {
			return false
		}
		c := b[i]
		if c < 0x80 {
			return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		}
		return unicode.IsLetter(cs.cm.DecodeByte(c))
	}
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		r := cs.cm.DecodeByte(c)
		switch {
		case r == utf8.RuneError || (r >= 0x80 && r <= 0x9F):
			score -= 5
		case unicode.IsLetter(r):
			score++
			if strings.ContainsRune(cs.rare, r) {
				score -= 2
			}
		case isLetter(i-1) && isLetter(i+1):
			score -= 2 // a symbol inside a word: "pi³ka", "c½ur"
		}
	}
	return score
}

// legacy decodes b in charset cs; bytes it leaves undefined become U+FFFD
// and are counted as invalid.
func (r *Result) legacy(b []byte, cs *legacyCharset) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	bad, first := 0, -1
	for i, c := range b {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
			continue
		}
		u := cs.cm.DecodeByte(c)
		if u == utf8.RuneError {
			if first < 0 {
				first = i
			}
			bad++
		}
		sb.WriteRune(u)
	}
	if bad > 0 {
		r.Invalid += bad
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d %s undefined in %s replaced by U+FFFD (first at byte %d)", bad, plural(bad, "byte", "bytes"), cs.name, first))
	}
	return sb.String()
}
