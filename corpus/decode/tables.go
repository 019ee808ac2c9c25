package decode

import (
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// An encoder maps characters back to the single bytes a legacy charset
// would have written for them: the inverse of reading UTF-8 bytes as that
// charset, which is how mojibake is made. Bytes the charset leaves
// undefined map to the C1 control characters of the same value ("sloppy"
// decoding, as most software does), so that they survive the round trip.
type encoder struct {
	name string
	low  [256]int16     // runes below 256: byte, or -1
	high map[rune]uint8 // other runes
}

// byteOf returns the byte that r encodes to, if any.
func (e *encoder) byteOf(r rune) (byte, bool) {
	if r >= 0 && r < 256 {
		b := e.low[r]
		return byte(b), b >= 0
	}
	b, ok := e.high[r]
	return b, ok
}

// newEncoder builds the encoder of cm; latin1 adds Latin-1 to it, and the
// runes of omit are left out.
func newEncoder(name string, cm *charmap.Charmap, latin1 bool, omit string) *encoder {
	e := &encoder{name: name, high: map[rune]uint8{}}
	for i := range e.low {
		e.low[i] = -1
	}
	for b := 0; b < 256; b++ {
		if latin1 {
			// Latin-1 and Windows-1252 together: every code point
			// below 256 is its own byte, and Windows-1252's 0x80-0x9F
			// characters map there too. The two never conflict, and
			// text damaged by both (inconsistently) is common.
			e.low[b] = int16(b)
		}
		r := cm.DecodeByte(byte(b))
		if r == 0xFFFD {
			r = rune(b) // undefined: keep the C1 control
		}
		if strings.ContainsRune(omit, r) {
			continue
		}
		if r < 256 {
			e.low[r] = int16(b)
		} else {
			e.high[r] = uint8(b)
		}
	}
	return e
}

// The charsets whose mojibake Repair undoes, in order of preference.
var encoders = [...]*encoder{
	newEncoder("windows-1252", charmap.Windows1252, true, ""),
	newEncoder("windows-1250", charmap.Windows1250, false, ""),
	newEncoder("iso-8859-2", charmap.ISO8859_2, false, ""),
	newEncoder("windows-1251", charmap.Windows1251, false, ""),
	// In Mac OS Roman the punctuation of every French text (’é, « à)
	// would be leads: leaving it out keeps the fast path fast, at the
	// cost of Mac OS Roman mojibake of Cyrillic and Armenian.
	newEncoder("macintosh", charmap.Macintosh, false, "«»…\u00A0–—“”‘’·"),
}

// Character flags, for the runes below classLimit.
const (
	// fLead<<i: encodes to a UTF-8 lead byte (0xC2-0xF4) in encoder i.
	fLead = 1 << iota
	// fCont<<i: encodes to a continuation byte (0x80-0xBF) in encoder i.
	fCont = fLead << len(encoders)
	// fLeadA: Â, Ã or Ă, which may stand before a space for a lost 0xA0.
	fLeadA = fCont << len(encoders)
	// fLeadAny and fContAny: in any encoder.
	fLeadAny = fCont - fLead
	fContAny = fLeadA - fCont
)

// classLimit bounds the flag table: every character the encoders know is
// below it.
const classLimit = 0x2200

// flagTable holds the fLead/fCont/fLeadA flags of every rune below
// classLimit, and of the few above it in extra.
type flagTable struct {
	low   [classLimit]uint16
	extra map[rune]uint16
}

var flags = func() *flagTable {
	ft := &flagTable{extra: map[rune]uint16{}}
	t := &ft.low
	for i, e := range encoders {
		set := func(r rune, b byte) {
			var f uint16
			switch {
			case b >= 0xC2 && b <= 0xF4:
				f = fLead << i
			case b >= 0x80 && b <= 0xBF:
				f = fCont << i
			}
			if r >= classLimit {
				ft.extra[r] |= f
				return
			}
			t[r] |= f
		}
		for r, b := range e.low {
			if b >= 0 {
				set(rune(r), byte(b))
			}
		}
		for r, b := range e.high {
			set(r, b)
		}
	}
	// Only these leads stand before a space for a lost 0xA0 byte: in
	// Windows-1251 the same bytes are the common words В and Г.
	for _, r := range "ÂÃĂ" {
		t[r] |= fLeadA
	}
	return ft
}()

// flagsOf returns the flags of r.
func flagsOf(r rune) uint16 {
	if r >= 0 && r < classLimit {
		return flags.low[r]
	}
	return flags.extra[r]
}

// contWeight says how much a character, seen as the continuation part of a
// UTF-8 sequence read in a legacy charset, points to mojibake: C1 controls
// and symbols that natural text almost never puts right after a letter
// weigh most; letters weigh nothing. sym reports a non-letter.
func contWeight(r rune) (w int, sym bool) {
	switch {
	case r >= 0x80 && r <= 0x9F:
		return 3, true
	case r == 0xFFFD:
		return 2, true
	}
	switch r {
	case '¤', '¦', '¨', '¬', '¯', '¸', 'ƒ', 'ˆ', 'ˇ', '˘', '˛', '˜', '˝', '†', '‡', '‰',
		'‹', '›', '¹', '²', '³', '¼', '½', '¾', '¶', '±', 'ª', 'º', '¢', '§', 'µ', 'Ÿ', '˙':
		return 3, true
	case '™':
		return 2, true
	case '€', '‚', '„', '…', '•', '–', '—', '“', '”', '‘', '«', '»', '¡', '¿', '©', '®', '°',
		'·', '´', '£', '\u00AD':
		return 1, true
	case '’', '¥', '\u00A0', '×', '÷':
		return 0, true
	}
	return 0, false
}
