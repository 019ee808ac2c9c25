package token

import (
	"unicode"
	"unicode/utf8"
)

//go:generate go run gen.go

// Fold returns s in lower case with accents and other diacritics removed
// ("Électronique" -> "electronique"), ligatures and special letters
// expanded ("œ" -> "oe", "æ" -> "ae", "ß" -> "ss", "ﬁ" -> "fi"),
// compatibility forms reduced ("Ｅ" -> "e", "ª" -> "a") and the Greek final
// sigma made medial ("ς" -> "σ"). Combining diacritics (U+0300-U+036F and
// the other combining-mark blocks of Latin, Greek and Cyrillic) are
// dropped, so decomposed input folds like precomposed input; invisible
// joiners and soft hyphens are dropped too. Other characters are only
// lower-cased. Fold is idempotent: Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	// Fast path: s is already folded (lower-case ASCII with no soft hyphen).
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	for _, r := range s[i:] {
		b = appendFold(b, r)
	}
	if len(b) == i && i > 0 {
		return s[:i]
	}
	return string(b)
}

// AppendFold appends the folded form of s to dst and returns the result.
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = appendFold(dst, r)
		i += n
	}
	return dst
}

// appendFold appends the folded form of r to dst.
func appendFold(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	if isDropMark(r) || isIgnorable(r) {
		return dst
	}
	if v, ok := foldLookup(r); ok {
		return append(dst, v...)
	}
	l := unicode.ToLower(r)
	if l != r {
		if v, ok := foldLookup(l); ok {
			return append(dst, v...)
		}
	}
	return utf8.AppendRune(dst, l)
}

// foldLookup returns the folded form of r from the generated table.
func foldLookup(r rune) (string, bool) {
	if r > 0xFFFF || r < rune(foldKeys[0]) || r > rune(foldKeys[len(foldKeys)-1]) {
		return "", false
	}
	k := uint16(r)
	lo, hi := 0, len(foldKeys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if foldKeys[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(foldKeys) || foldKeys[lo] != k {
		return "", false
	}
	start := 0
	if lo > 0 {
		start = int(foldEnds[lo-1])
	}
	return foldVals[start:foldEnds[lo]], true
}

// isDropMark reports whether r is a combining diacritic that folding
// removes. Marks of other scripts (Indic vowel signs, for instance) carry
// meaning and are kept.
func isDropMark(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case r <= 0x036F, // Combining Diacritical Marks
		0x0483 <= r && r <= 0x0489, // Cyrillic combining marks
		0x1AB0 <= r && r <= 0x1AFF, // Combining Diacritical Marks Extended
		0x1DC0 <= r && r <= 0x1DFF, // Combining Diacritical Marks Supplement
		0x20D0 <= r && r <= 0x20FF, // Combining Diacritical Marks for Symbols
		0xFE20 <= r && r <= 0xFE2F: // Combining Half Marks
		return true
	}
	return false
}

// isIgnorable reports whether r is invisible inside a word: the soft
// hyphen, the zero-width non-joiner and joiner, the word joiner and the
// byte-order mark. Words run through them and folding drops them.
func isIgnorable(r rune) bool {
	switch r {
	case 0x00AD, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return false
}
