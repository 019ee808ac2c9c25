// Package decode turns the bytes of a file into clean Unicode text: it
// detects the encoding, decodes, repairs mojibake and normalises to NFC.
//
// STUB: to be replaced by the real implementation (issue 2).
package decode

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrBinary is returned by Bytes for data that is not text.
var ErrBinary = errors.New("binary data, not text")

// Result is decoded, repaired, normalised text and what it took to get it.
type Result struct {
	Text     string
	Encoding string   // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252", ...
	Invalid  int      // invalid byte sequences replaced by U+FFFD
	Repairs  int      // mojibake segments repaired
	Warnings []string // e.g. "no UTF-8: decoded as windows-1252"
}

// Bytes decodes b. It returns an error wrapping ErrBinary when b is not text.
func Bytes(b []byte) (Result, error) {
	if strings.IndexByte(string(b), 0) >= 0 {
		return Result{}, ErrBinary
	}
	s := string(b)
	r := Result{Encoding: "utf-8"}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		r.Invalid = 1
	}
	r.Text, r.Repairs = Repair(s)
	return r, nil
}

// Repair undoes mojibake in s, segment by segment, and returns the repaired
// text with the number of segments repaired. Text that is right is returned
// unchanged.
func Repair(s string) (string, int) { return s, 0 }
