package main

import (
	"fmt"
	"io"
	"os"

	"github.com/corpus-explorer/explorer/corpus/decode"
)

// runRepair reads text on standard input and writes it repaired on standard
// output: decoded as the build decodes a file (encoding detected, invalid
// bytes replaced, mojibake repaired segment by segment, line endings and
// NFC normalised). The repair count, the encoding and any warning go to
// standard error.
func runRepair(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("repair", stderr)
	var src source
	src.flags(fs) // accepted like every command's; repair reads stdin only
	quiet := fs.Bool("q", false, "print nothing on standard error unless something failed")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: explorer repair [-q] < in.txt > out.txt\n\nRepairs mojibake (and decodes legacy charsets, UTF-16, invalid UTF-8) in the text on standard input.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: repair takes no arguments, only text on standard input", errUsage)
	}
	return repairStream(os.Stdin, stdout, stderr, *quiet)
}

// repairStream is runRepair's work, on any reader and writers.
func repairStream(in io.Reader, stdout, stderr io.Writer, quiet bool) error {
	data, err := readAll(in)
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	r, err := decode.Bytes(data)
	if err != nil {
		return fmt.Errorf("standard input (%d bytes): %w", len(data), err)
	}
	if _, err := io.WriteString(stdout, r.Text); err != nil {
		return err
	}
	if !quiet {
		noun := "segments"
		if r.Repairs == 1 {
			noun = "segment"
		}
		fmt.Fprintf(stderr, "repair: %d %s repaired (%s", r.Repairs, noun, r.Encoding)
		if r.Invalid > 0 {
			fmt.Fprintf(stderr, ", %d invalid", r.Invalid)
		}
		fmt.Fprintln(stderr, ")")
		for _, w := range r.Warnings {
			fmt.Fprintf(stderr, "repair: warning: %s\n", w)
		}
	}
	return nil
}
