// Package jsonw writes JSON by appending to a byte slice, without
// reflection. It is what the engine's result types use to encode themselves,
// so that the command-line tool and the WebAssembly module (which must stay
// small and cannot afford encoding/json) produce byte-identical JSON.
//
// A Writer inserts the commas: call Key before each member of an object and
// nothing before each element of an array.
//
//	var w jsonw.Writer
//	w.Open()
//	w.Key("id")
//	w.String("a/b")
//	w.Key("n")
//	w.Int(3)
//	w.Close()
//	// w.Bytes() is {"id":"a/b","n":3}
package jsonw

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// Writer accumulates JSON text. The zero value is ready to use.
type Writer struct {
	buf   []byte
	comma bool // a value was written at this level: the next one needs a comma
}

// Bytes returns the JSON written so far.
func (w *Writer) Bytes() []byte { return w.buf }

// Text returns the JSON written so far as a string.
func (w *Writer) Text() string { return string(w.buf) }

// Reset empties the writer, keeping its buffer.
func (w *Writer) Reset() { w.buf, w.comma = w.buf[:0], false }

// Grow makes room for at least n more bytes, so that a writer of a long
// answer whose size it can tell grows its buffer once, not by doubling.
//
//go:noinline
func (w *Writer) Grow(n int) {
	if n > cap(w.buf)-len(w.buf) {
		b := make([]byte, len(w.buf), len(w.buf)+n)
		copy(b, w.buf)
		w.buf = b
	}
}

// The small methods below are kept out of line (go:noinline): called from
// every AppendJSON, they would otherwise be copied into each caller, which
// costs the WebAssembly module more than the calls.

//go:noinline
func (w *Writer) sep() {
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	w.comma = true
}

// Open starts an object.
//
//go:noinline
func (w *Writer) Open() { w.sep(); w.buf = append(w.buf, '{'); w.comma = false }

// Close ends an object.
//
//go:noinline
func (w *Writer) Close() { w.buf = append(w.buf, '}'); w.comma = true }

// OpenArray starts an array.
//
//go:noinline
func (w *Writer) OpenArray() { w.sep(); w.buf = append(w.buf, '['); w.comma = false }

// CloseArray ends an array.
//
//go:noinline
func (w *Writer) CloseArray() { w.buf = append(w.buf, ']'); w.comma = true }

// Key writes an object member's name; the next call writes its value.
func (w *Writer) Key(k string) {
	w.sep()
	w.buf = appendString(w.buf, k)
	w.buf = append(w.buf, ':')
	w.comma = false
}

// String writes a string value. Invalid UTF-8 is written as U+FFFD.
func (w *Writer) String(s string) { w.sep(); w.buf = appendString(w.buf, s) }

// Int writes an integer value.
func (w *Writer) Int(n int) { w.sep(); w.buf = strconv.AppendInt(w.buf, int64(n), 10) }

// Float writes a number with at most 6 significant decimals; NaN and
// infinities, which JSON cannot hold, are written as 0.
func (w *Writer) Float(f float64) {
	w.sep()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	w.buf = strconv.AppendFloat(w.buf, f, 'g', 6, 64)
}

// Bool writes a boolean value.
func (w *Writer) Bool(b bool) { w.sep(); w.buf = strconv.AppendBool(w.buf, b) }

// Null writes null.
func (w *Writer) Null() { w.sep(); w.buf = append(w.buf, "null"...) }

// Raw writes v, which must be one complete JSON value, as it is.
func (w *Writer) Raw(v []byte) { w.sep(); w.buf = append(w.buf, v...) }

// Strings writes an array of strings; a nil slice is written as [].
func (w *Writer) Strings(ss []string) {
	w.OpenArray()
	for _, s := range ss {
		w.String(s)
	}
	w.CloseArray()
}

const hex = "0123456789abcdef"

// appendString appends s as a JSON string. Besides the characters JSON
// requires to escape, it escapes <, >, & and U+2028/U+2029 so the output is
// safe inside HTML script elements and JavaScript source.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
