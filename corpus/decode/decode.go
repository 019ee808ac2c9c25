// Package decode turns the bytes of a file into clean Unicode text: it
// detects the encoding and decodes (UTF-8 with or without a byte order
// mark, UTF-16 with a BOM or evident from its NUL bytes, otherwise a
// legacy single-byte charset), repairs mojibake segment by segment,
// normalises line endings to "\n" and the text to NFC.
//
// Nothing is lost silently: invalid bytes become U+FFFD and are counted,
// guesses are reported as warnings, and data that is not text is refused
// with an error wrapping ErrBinary that says why.
//
// The package runs at build time only; it does not ship in the
// WebAssembly module.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrBinary is returned (wrapped, with the reason) by Bytes for data that
// is not text.
var ErrBinary = errors.New("binary data, not text")

// Result is decoded, repaired, normalised text and what it took to get it.
type Result struct {
	Text     string
	Encoding string   // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252", "windows-1250", "iso-8859-15"
	Invalid  int      // invalid bytes (or UTF-16 code units), each replaced by U+FFFD
	Repairs  int      // mojibake segments repaired
	Warnings []string // e.g. "not valid UTF-8: decoded as windows-1252 (guessed)"
}

// Bytes decodes b: it detects the encoding, decodes, strips the byte order
// mark, turns CRLF and CR into LF, repairs mojibake (see Repair) and
// normalises to NFC. It returns an error wrapping ErrBinary when b is not
// text. Empty input is empty text, with a warning.
func Bytes(b []byte) (Result, error) {
	var r Result
	var s string
	switch {
	case len(b) == 0:
		r.Encoding = "utf-8"
		r.Warnings = append(r.Warnings, "empty file")
		return r, nil
	case bytes.HasPrefix(b, bomUTF8):
		r.Encoding = "utf-8-bom"
		if err := checkBinary(b[3:]); err != nil {
			return Result{}, err
		}
		s = r.utf8(b[3:])
	case bytes.HasPrefix(b, bomUTF16LE):
		r.Encoding = "utf-16le"
		s = r.utf16(b[2:], false)
	case bytes.HasPrefix(b, bomUTF16BE):
		r.Encoding = "utf-16be"
		s = r.utf16(b[2:], true)
	default:
		if err := checkMagic(b); err != nil {
			return Result{}, err
		}
		if be, ok := bomlessUTF16(b); ok {
			r.Encoding = "utf-16le"
			if be {
				r.Encoding = "utf-16be"
			}
			r.Warnings = append(r.Warnings, "no byte order mark: decoded as "+strings.ToUpper(r.Encoding)+" (guessed from its NUL bytes)")
			s = r.utf16(b, be)
			break
		}
		if err := checkBinary(b); err != nil {
			return Result{}, err
		}
		if utf8.Valid(b) {
			r.Encoding = "utf-8"
			s = string(b)
			break
		}
		if mostlyUTF8(b) {
			r.Encoding = "utf-8"
			s = r.utf8(b)
			break
		}
		cs := guessLegacy(b)
		r.Encoding = cs.name
		r.Warnings = append(r.Warnings, "not valid UTF-8: decoded as "+cs.name+" (guessed)")
		s = r.legacy(b, cs)
	}
	if strings.HasPrefix(r.Encoding, "utf-16") {
		if err := checkBinaryText(s); err != nil {
			return Result{}, err
		}
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	s = lineEndings(s)
	s, r.Repairs = Repair(s)
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	r.Text = s
	return r, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// utf8 decodes b as UTF-8, replacing each invalid byte by U+FFFD, counting
// them and warning about them. UTF-16 surrogate pairs written as two
// 3-byte sequences (CESU-8) are decoded, not replaced.
func (r *Result) utf8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	first := -1
	cesu := 0
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c != utf8.RuneError || size != 1 {
			sb.Write(b[i : i+size])
			i += size
			continue
		}
		if p, ok := cesuPair(b[i:]); ok {
			sb.WriteRune(p)
			cesu++
			i += 6
			continue
		}
		if first < 0 {
			first = i
		}
		r.Invalid++
		sb.WriteRune(utf8.RuneError)
		i++
	}
	if r.Invalid > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d invalid UTF-8 %s replaced by U+FFFD (first at byte %d)", r.Invalid, plural(r.Invalid, "byte", "bytes"), first))
	}
	if cesu > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d UTF-16 surrogate %s encoded as UTF-8 (CESU-8) decoded", cesu, plural(cesu, "pair", "pairs")))
	}
	return sb.String()
}

// cesuPair decodes a surrogate pair written as two 3-byte UTF-8 sequences
// at the start of b.
func cesuPair(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != 0xED || b[1] < 0xA0 || b[1] > 0xAF || b[2]&0xC0 != 0x80 ||
		b[3] != 0xED || b[4] < 0xB0 || b[4] > 0xBF || b[5]&0xC0 != 0x80 {
		return 0, false
	}
	hi := 0xD800 + (rune(b[1]&0x0F)<<6 | rune(b[2]&0x3F))
	lo := 0xDC00 + (rune(b[4]&0x0F)<<6 | rune(b[5]&0x3F))
	return 0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00), true
}

// mostlyUTF8 reports whether invalid b is UTF-8 with a few broken bytes
// rather than text in a legacy charset: valid multi-byte sequences
// outnumber invalid bytes four to one.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size == 1 {
			if _, ok := cesuPair(b[i:]); ok {
				valid++
				i += 6
				continue
			}
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid >= 4*invalid
}

// utf16 decodes UTF-16 (without its BOM), replacing unpaired surrogates and
// a final odd byte by U+FFFD.
func (r *Result) utf16(b []byte, be bool) string {
	var sb strings.Builder
	sb.Grow(len(b))
	unit := func(i int) rune {
		if be {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	bad := 0
	first := -1
	for i := 0; i+1 < len(b); i += 2 {
		u := unit(i)
		switch {
		case u >= 0xD800 && u < 0xDC00 && i+3 < len(b):
			if v := unit(i + 2); v >= 0xDC00 && v < 0xE000 {
				sb.WriteRune(0x10000 + (u-0xD800)<<10 + (v - 0xDC00))
				i += 2
				continue
			}
			fallthrough
		case u >= 0xD800 && u < 0xE000:
			if first < 0 {
				first = i
			}
			bad++
			sb.WriteRune(utf8.RuneError)
		default:
			sb.WriteRune(u)
		}
	}
	if len(b)%2 == 1 {
		if first < 0 {
			first = len(b) - 1
		}
		bad++
		sb.WriteRune(utf8.RuneError)
	}
	if bad > 0 {
		r.Invalid += bad
		r.Warnings = append(r.Warnings, fmt.Sprintf("%d invalid UTF-16 %s replaced by U+FFFD (first at byte %d)", bad, plural(bad, "code unit", "code units"), first))
	}
	return sb.String()
}

// bomlessUTF16 reports whether b, which has no byte order mark, is
// evidently UTF-16: NUL bytes at one parity only, making up at least a
// third of the code units (as ASCII text in UTF-16 does).
func bomlessUTF16(b []byte) (be, ok bool) {
	if len(b) < 4 {
		return false, false
	}
	n := len(b)
	if n > 1<<16 {
		n = 1 << 16
	}
	if bytes.IndexByte(b[:n], 0) < 0 {
		return false, false
	}
	var nul [2]int
	for i := 0; i < n; i++ {
		if b[i] == 0 {
			nul[i&1]++
		}
	}
	units := n / 2
	switch {
	case nul[1]*3 >= units && nul[0]*20 <= units:
		return false, true // "A\x00B\x00": little-endian
	case nul[0]*3 >= units && nul[1]*20 <= units:
		return true, true
	}
	return false, false
}

// magic lists the signatures of common binary formats that may hold no
// NUL byte early on.
var magic = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or an office document)"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"\x1F\x8B", "gzip data"},
	{"\x7FELF", "an ELF executable"},
	{"\xFD7zXZ\x00", "xz data"},
	{"7z\xBC\xAF\x27\x1C", "a 7z archive"},
	{"Rar!\x1A\x07", "a RAR archive"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an OLE document (old Microsoft Office)"},
	{"OggS", "Ogg media"},
	{"ID3\x03\x00", "an MP3 file"},
	{"ID3\x04\x00", "an MP3 file"},
	{"\x00asm", "a WebAssembly module"},
}

// checkBinary returns an error wrapping ErrBinary when b (not UTF-16) is
// not text: it has a binary signature, a NUL byte, or too many control
// bytes.
func checkBinary(b []byte) error {
	if err := checkMagic(b); err != nil {
		return err
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	return controls(b)
}

// checkMagic refuses b when it starts with a binary signature.
func checkMagic(b []byte) error {
	for _, m := range magic {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			return fmt.Errorf("%w: looks like %s", ErrBinary, m.name)
		}
	}
	return nil
}

// checkBinaryText is checkBinary for decoded UTF-16 text.
func checkBinaryText(s string) error {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Errorf("%w: NUL character in UTF-16 text", ErrBinary)
	}
	return controls([]byte(s))
}

// controls refuses data with more than 1 control byte in 64 among its
// first 64 KiB (tab, line feed, carriage return, form feed, vertical tab,
// escape and a final Ctrl-Z are text).
func controls(b []byte) error {
	n := len(b)
	if n > 1<<16 {
		n = 1 << 16
	}
	bad, first := 0, -1
	for i := 0; i < n; i++ {
		c := b[i]
		if c >= 0x20 && c != 0x7F {
			continue
		}
		switch c {
		case '\t', '\n', '\r', '\f', '\v', 0x1B:
			continue
		case 0x1A:
			if i == len(b)-1 {
				continue
			}
		}
		if first < 0 {
			first = i
		}
		bad++
	}
	if bad > 0 && bad*64 > n {
		return fmt.Errorf("%w: %d control bytes in the first %d bytes (first at offset %d)", ErrBinary, bad, n, first)
	}
	return nil
}

// lineEndings turns CRLF and lone CR into LF.
func lineEndings(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
