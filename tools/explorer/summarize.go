package main

import (
	"errors"
	"io"
)

// STUB: to be replaced.
func runSummarize(args []string, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
