package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/ingest"
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

	if !heldOutSets(t)["queries-absent-real-2.json"] {
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

// heldOutSets reads tools/bench/held-out.txt: one file name a line, #
// comments, as run.mjs reads it.
func heldOutSets(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "bench", "held-out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l, _, _ = strings.Cut(l, "#"); strings.TrimSpace(l) != "" {
			held[strings.TrimSpace(l)] = true
		}
	}
	return held
}

// TestDefaultCorpora checks the list of the run without arguments, by
// names alone, without searching: each corpus present on its own set and
// its development sets, the sets once held out among them, no set of
// held-out.txt, and every judged set of fr-docs and fr-manpages in
// tools/bench either in the list or held out.
func TestDefaultCorpora(t *testing.T) {
	dir := t.TempDir()
	if got, want := defaultCorpora(dir), []string{"seeds=corpus"}; !slices.Equal(got, want) {
		t.Errorf("no corpus present: %v, want %v", got, want)
	}
	for _, c := range []string{"fr-docs", "fr-manpages"} {
		if err := os.Mkdir(filepath.Join(dir, c), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	docs, man := filepath.Join(dir, "fr-docs"), filepath.Join(dir, "fr-manpages")
	want := []string{"seeds=corpus",
		"fr-manpages=" + man, "fr-manpages-2=" + man, "fr-manpages-3=" + man, "fr-manpages-typos=" + man,
		"fr-docs=" + docs, "fr-docs-2=" + docs, "fr-docs-3=" + docs, "fr-docs-4=" + docs, "fr-docs-5=" + docs, "fr-docs-typos=" + docs}
	got := defaultCorpora(dir)
	if !slices.Equal(got, want) {
		t.Fatalf("defaultCorpora:\n got %v\nwant %v", got, want)
	}

	held := heldOutSets(t)
	for _, f := range []string{"queries-fr-docs-4.json", "queries-fr-docs-5.json", "queries-fr-manpages-2.json", "queries-fr-manpages-3.json"} {
		if held[f] {
			t.Errorf("held-out.txt lists %s, now a development set", f)
		}
	}
	named := map[string]bool{}
	for _, c := range got[1:] {
		name, _, _ := strings.Cut(c, "=")
		f := "queries-" + name + ".json"
		named[f] = true
		if held[f] {
			t.Errorf("the default run answers %s, which held-out.txt lists", f)
		}
		if _, err := os.Stat(filepath.Join("..", "bench", f)); err != nil {
			t.Errorf("the default run names %s: %v", name, err)
		}
	}
	for _, pat := range []string{"queries-fr-docs*.json", "queries-fr-manpages*.json"} {
		files, err := filepath.Glob(filepath.Join("..", "bench", pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			if f := filepath.Base(p); !named[f] && !held[f] {
				t.Errorf("%s is neither in the default run nor held out", f)
			}
		}
	}
}

// TestJudgedSets checks the judged sets of fr-docs and fr-manpages in
// tools/bench without searching: each file held-out.txt names exists,
// each query has a kind and relevant pages, and each relevant page is a
// document of its corpus as ingest.Dir names it (when ../shared/corpora
// is present and the test is not -short).
func TestJudgedSets(t *testing.T) {
	bench := filepath.Join("..", "bench")
	for f := range heldOutSets(t) {
		if _, err := os.Stat(filepath.Join(bench, f)); err != nil {
			t.Errorf("held-out.txt names %s: %v", f, err)
		}
	}
	ids := map[string]map[string]bool{} // corpus name → its documents' IDs
	for _, c := range []string{"fr-docs", "fr-manpages"} {
		files, err := filepath.Glob(filepath.Join(bench, "queries-"+c+"*.json"))
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join("..", "..", "..", "shared", "corpora", c)
		if _, err := os.Stat(dir); err == nil && !testing.Short() {
			docs, _, err := ingest.Dir(dir, ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ids[c] = map[string]bool{}
			for _, d := range docs {
				ids[c][d.ID] = true
			}
		}
		for _, p := range files {
			s, err := load(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Queries) == 0 {
				t.Errorf("%s: no queries", p)
			}
			seen := map[string]bool{}
			for i, q := range s.Queries {
				if q.Q == "" || q.Kind == "" || len(q.Relevant) == 0 || seen[q.Q] {
					t.Errorf("%s: query %d (%q): want a new query, a kind and relevant pages", p, i+1, q.Q)
				}
				seen[q.Q] = true
				for _, id := range q.Relevant {
					if ids[c] != nil && !ids[c][id] {
						t.Errorf("%s: query %d: %s is no document of %s", p, i+1, id, dir)
					}
				}
			}
		}
	}
}
