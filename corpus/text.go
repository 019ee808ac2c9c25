package corpus

import (
	"unicode"
	"unicode/utf8"
)

// CountWords returns the number of runs of letters and digits in s.
func CountWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// UTF16Offsets converts byte offsets into s to UTF-16 code-unit offsets.
// Create one per text and convert offsets in increasing order for linear
// time; converting a smaller offset than the previous one restarts from the
// beginning. An offset inside a UTF-8 sequence counts as the start of that
// sequence; offsets beyond len(s) count as len(s).
type UTF16Offsets struct {
	s        string
	b, u     int // last position converted: byte offset b is UTF-16 offset u
	knownLen int
}

// NewUTF16Offsets returns a converter for s.
func NewUTF16Offsets(s string) *UTF16Offsets { return &UTF16Offsets{s: s, knownLen: -1} }

// Of returns the UTF-16 offset of byte offset b.
func (o *UTF16Offsets) Of(b int) int {
	if b > len(o.s) {
		b = len(o.s)
	}
	if b < o.b {
		o.b, o.u = 0, 0
	}
	for o.b < b {
		r, size := utf8.DecodeRuneInString(o.s[o.b:])
		if o.b+size > b {
			break
		}
		o.b += size
		if r >= 0x10000 {
			o.u += 2
		} else {
			o.u++
		}
	}
	return o.u
}

// Span converts a byte span to a UTF-16 span.
func (o *UTF16Offsets) Span(s Span) Span {
	start := o.Of(s.Start)
	return Span{start, o.Of(s.End)}
}

// UTF16Len returns the length of s in UTF-16 code units.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
