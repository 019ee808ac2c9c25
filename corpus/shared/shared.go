// Package shared finds the project's shared material (the folder ../shared
// beside the repository: test suites, evaluation set, large corpora) for
// tests, benchmarks and tools, and skips cleanly when it is absent.
package shared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Find returns the shared folder: $SHARED_DIR if set, else the folder
// "shared" beside the module root (the first parent of the working
// directory holding go.mod).
func Find() (string, error) {
	if d := os.Getenv("SHARED_DIR"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if st, err := os.Stat(s); err == nil && st.IsDir() {
				return s, nil
			}
			return "", errors.New("no shared folder at " + s + " (set SHARED_DIR to use another)")
		}
		if filepath.Dir(d) == d {
			return "", errors.New("no go.mod above " + wd)
		}
	}
}

// Path returns the path of rel inside the shared folder, or skips the test
// or benchmark with a clear message when it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	d, err := Find()
	if err != nil {
		tb.Skip("skipping: shared material absent: " + err.Error())
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skip("skipping: shared material absent: " + p)
	}
	return p
}
