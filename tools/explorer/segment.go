package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus/segment"
)

// runSegment implements `segment [-lang fr|en]`: text on standard input,
// one sentence a line on standard output. Line breaks and runs of white
// space inside a sentence are printed as one space, so that each output
// line is exactly one sentence. The input is read as UTF-8; invalid bytes
// are printed as U+FFFD and counted on standard error.
func runSegment(args []string, stdout, stderr io.Writer) error {
	return segmentText(args, os.Stdin, stdout, stderr)
}

func segmentText(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("segment", stderr)
	lang := fs.String("lang", "fr", "language of the text: fr or en (anything else: French rules)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: explorer segment [-lang fr|en] < text\n\nPrints the sentences of the text on standard input, one a line.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q (the text is read from standard input)", errUsage, fs.Arg(0))
	}
	b, err := readAll(stdin)
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	text := strings.TrimPrefix(string(b), "\uFEFF")
	if !utf8.ValidString(text) {
		fmt.Fprintf(stderr, "explorer segment: warning: %d invalid UTF-8 byte sequence(s) in the input, printed as U+FFFD\n", countInvalid(text))
	}
	w := bufio.NewWriter(stdout)
	var line []byte
	for _, sp := range segment.Sentences(text, *lang) {
		line = appendOneLine(line[:0], text[sp.Start:sp.End])
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return w.Flush()
}

// appendOneLine appends s with every run of white space that holds a line
// break replaced by one space, and invalid UTF-8 replaced by U+FFFD.
func appendOneLine(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			dst = utf8.AppendRune(dst, r)
			i += size
			continue
		}
		j, broken := i, false
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r) {
				break
			}
			broken = broken || r == '\n' || r == '\r' || r == '\f' || r == '\u2028' || r == '\u2029' || r == '\u0085'
			j += size
		}
		if broken {
			dst = append(dst, ' ')
		} else {
			dst = append(dst, s[i:j]...)
		}
		i = j
	}
	return dst
}

func countInvalid(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}
