package main

import (
	"errors"
	"io"
)

// STUB: to be replaced.
func runRepair(args []string, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
