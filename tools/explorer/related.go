package main

import (
	"errors"
	"io"
)

// STUB: to be replaced.
func runRelated(args []string, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
