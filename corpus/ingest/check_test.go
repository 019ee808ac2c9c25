package ingest

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// checkDoc checks the invariants every document must hold: blocks in
// order, not overlapping, trimmed, covering all the text that is not white
// space; sentences in order, inside Paragraph blocks.
func checkDoc(tb testing.TB, d *corpus.Document) {
	tb.Helper()
	if err := docError(d); err != "" {
		tb.Fatalf("%s: %s", d.ID, err)
	}
}

func docError(d *corpus.Document) string {
	if !utf8.ValidString(d.Text) {
		return "text is not valid UTF-8"
	}
	prev := 0
	for i, b := range d.Blocks {
		if b.Start < prev || b.End <= b.Start || b.End > len(d.Text) {
			return "block " + itoa(i) + " out of order or bounds: " + itoa(b.Start) + ".." + itoa(b.End)
		}
		if strings.TrimFunc(d.Text[prev:b.Start], unicode.IsSpace) != "" {
			return "text between blocks is not white space before block " + itoa(i) + ": " + d.Text[prev:b.Start]
		}
		s := d.Text[b.Start:b.End]
		if strings.TrimFunc(s, unicode.IsSpace) != s {
			return "block " + itoa(i) + " not trimmed: " + s
		}
		prev = b.End
	}
	if strings.TrimFunc(d.Text[prev:], unicode.IsSpace) != "" {
		return "text after the last block is not white space"
	}
	k := 0
	last := 0
	for i, s := range d.Sentences {
		if s.Start < last || s.End <= s.Start {
			return "sentence " + itoa(i) + " out of order"
		}
		last = s.End
		for k < len(d.Blocks) && (d.Blocks[k].Kind != corpus.Paragraph || d.Blocks[k].End < s.End) {
			k++
		}
		if k == len(d.Blocks) || s.Start < d.Blocks[k].Start {
			return "sentence " + itoa(i) + " outside Paragraph blocks: " + d.Text[s.Start:s.End]
		}
	}
	if d.Title == "" {
		return "no title"
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// blocksOf returns the text of the blocks of a kind.
func blocksOf(d *corpus.Document, kind corpus.BlockKind) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == kind {
			out = append(out, d.Text[b.Start:b.End])
		}
	}
	return out
}
