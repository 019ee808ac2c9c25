package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// runBuild writes the index of a corpus folder and reports on every file.
func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", stderr)
	var src source
	src.flags(fs)
	out := fs.String("o", "", "index `file` to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: build -o FILE is required", errUsage)
	}
	ix, rep, err := buildIndex(src.corpus)
	if rep != nil {
		for _, f := range rep.Files {
			if f.Err != nil {
				fmt.Fprintf(stdout, "skip  %s: %v\n", f.Path, f.Err)
				continue
			}
			fmt.Fprintf(stdout, "ok    %s  %s  %d bytes  repairs=%d invalid=%d boilerplate=%d\n", f.Path, f.Encoding, f.Bytes, f.Repairs, f.InvalidBytes, f.Boilerplate)
			for _, w := range f.Warnings {
				fmt.Fprintf(stdout, "      warning: %s\n", w)
			}
		}
		fmt.Fprintf(stdout, "%d documents, %d skipped, %d bytes read\n", rep.Documents, rep.Skipped, rep.Bytes)
	}
	if err != nil {
		return err
	}
	b, err := ix.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return errors.Join(errors.New("writing the index"), err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d bytes\n", *out, len(b))
	return nil
}
