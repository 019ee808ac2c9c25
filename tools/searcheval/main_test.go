package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadAbsent reads the sets of queries that must find nothing, from
// tools/bench, without running any engine on them: the held-out second
// set of real words only with heldOut, each set with its own line and
// column, and no word of the second set in the first.
func TestLoadAbsent(t *testing.T) {
	dir := filepath.Join("..", "bench")
	for _, tc := range []struct {
		heldOut bool
		files   []string
	}{
		{false, []string{"queries-absent.json", "queries-absent-real.json"}},
		{true, []string{"queries-absent.json", "queries-absent-real.json", "queries-absent-real-2.json"}},
	} {
		sets, err := loadAbsent(dir, tc.heldOut)
		if err != nil {
			t.Fatalf("loadAbsent(%q, %v): %v", dir, tc.heldOut, err)
		}
		if len(sets) != len(tc.files) {
			t.Fatalf("loadAbsent(%q, %v): %d sets, want %d", dir, tc.heldOut, len(sets), len(tc.files))
		}
		lines, columns := map[string]bool{}, map[string]bool{}
		for i, s := range sets {
			if s.file != tc.files[i] {
				t.Errorf("set %d: %s, want %s", i, s.file, tc.files[i])
			}
			if lines[s.line] || columns[s.column] || s.what == "" {
				t.Errorf("%s: line %q, column %q, what %q: each set needs a line and a column of its own", s.file, s.line, s.column, s.what)
			}
			lines[s.line], columns[s.column] = true, true
		}
	}

	sets, err := loadAbsent(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, q := range sets[2].set.Queries {
		kinds[q.Kind]++
		if n := len(strings.Fields(q.Q)); (q.Kind == "word") != (n == 1) {
			t.Errorf("queries-absent-real-2.json: %q of kind %q has %d words", q.Q, q.Kind, n)
		}
	}
	if kinds["word"] != 80 || kinds["words"] != 10 || len(kinds) != 2 {
		t.Errorf("queries-absent-real-2.json: kinds %v, want 80 word and 10 words", kinds)
	}
	seen := map[string]string{}
	for _, s := range sets[:2] {
		for _, q := range s.set.Queries {
			for _, w := range strings.Fields(q.Q) {
				seen[strings.ToLower(w)] = s.file
			}
		}
	}
	for _, q := range sets[2].set.Queries {
		for _, w := range strings.Fields(q.Q) {
			if f, ok := seen[strings.ToLower(w)]; ok {
				t.Errorf("queries-absent-real-2.json: %q repeats a word of %s", w, f)
			}
		}
	}

	held, err := os.ReadFile(filepath.Join(dir, "held-out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, l := range strings.Split(string(held), "\n") {
		listed = listed || strings.TrimSpace(l) == "queries-absent-real-2.json"
	}
	if !listed {
		t.Error("held-out.txt does not list queries-absent-real-2.json: run.mjs would answer it without -held-out")
	}
}

// TestLoadAbsentErrors: a missing or empty set, and a query of a set that
// must find nothing judged relevant to a page, are errors naming the file.
func TestLoadAbsentErrors(t *testing.T) {
	for _, tc := range []struct {
		name, real, want string
	}{
		{"missing", "", "queries-absent-real.json"},
		{"empty", `{"queries": []}`, "no queries"},
		{"relevant", `{"queries": [{"q": "lapin", "kind": "word", "relevant": ["a.txt"]}]}`, `"lapin" must find nothing`},
		{"broken", `{"queries": [`, "queries-absent-real.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "queries-absent.json"), []byte(`{"queries": [{"q": "zorglub", "kind": "word", "relevant": []}]}`), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.real != "" {
				if err := os.WriteFile(filepath.Join(dir, "queries-absent-real.json"), []byte(tc.real), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := loadAbsent(dir, false)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("loadAbsent: error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
