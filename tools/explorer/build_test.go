package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildCommand(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Un titre\n\nUn paragraphe. Une autre phrase.\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644))
	must(os.WriteFile(filepath.Join(dir, "bin.txt"), []byte("\x00\x01\x02binary\x00"), 0o644))
	out := filepath.Join(t.TempDir(), "x.bin")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-corpus", dir, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{
		"ok    a.txt  utf-8  ", "repairs=0 invalid=0 boilerplate=0",
		"skip  bin.txt: ", "skip  empty.txt: empty file",
		"1 documents, 2 skipped", "MB/s", "wrote " + out,
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Errorf("no index written: %v", err)
	}

	// A corpus it cannot use: exit 1 with the reason.
	for _, tt := range []struct{ corpus, why string }{
		{filepath.Join(dir, "missing"), "no such file"},
		{t.TempDir(), "no readable documents"},
	} {
		stdout.Reset()
		stderr.Reset()
		if code := run([]string{"build", "-corpus", tt.corpus, "-o", out}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), tt.why) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", tt.corpus, code, stderr.String(), tt.why)
		}
	}
	if code := run([]string{"build", "-corpus", dir}, &stdout, &stderr); code != 2 {
		t.Errorf("build without -o: exit %d, want 2", code)
	}
}

func TestInspectSeeds(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"inspect", "-raw", "-corpus", "../../corpus"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d documents, want the 5 seeds", len(lines))
	}
	var d struct {
		ID          string `json:"id"`
		Author      string `json:"author"`
		Boilerplate []any  `json:"boilerplate"`
	}
	must := json.Unmarshal([]byte(lines[1]), &d)
	if must != nil || d.ID != "001_118958dc49fbdea0" || d.Author != "Emmanuel Mayega" || len(d.Boilerplate) != 1 {
		t.Errorf("second document: %+v (%v)", d, must)
	}
	stdout.Reset()
	if code := run([]string{"inspect", "-raw", "-corpus", "../../corpus", "-id", "nope"}, &stdout, &stderr); code != 1 {
		t.Errorf("unknown id: exit %d, want 1", code)
	}
}
