package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/index"
)

// TestChunkList builds the seeds split into small chunks and reads back
// packs/chunks.txt as explorer.js does (the last line whose first term is
// not after a word gives its chunk): every term of the vocabulary finds
// its own chunk, under its file and number; the stopwords are the
// engine's; an embedded build leaves no list behind.
func TestChunkList(t *testing.T) {
	out := t.TempDir()
	packs := filepath.Join(out, "packs")
	build := func(split string) {
		t.Helper()
		var o, e bytes.Buffer
		args := []string{"build", "-q", "-progress", "none", "-split", split, "-chunk-bytes", "64", "-packs", packs, "-corpus", "../../corpus", "-o", filepath.Join(out, "index.bin")}
		if code := run(args, &o, &e); code != 0 {
			t.Fatalf("build -split %s: exit %d: %s", split, code, e.String())
		}
	}
	build("on")
	blob, err := os.ReadFile(filepath.Join(out, "index.bin"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(packs, chunksFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	if len(lines) < 3 || lines[0] != chunksHeader+strconv.Itoa(ix.NumPacks()) {
		t.Fatalf("list starts %q, want %q then the stopwords and the chunks", lines[:min(len(lines), 2)], chunksHeader+strconv.Itoa(ix.NumPacks()))
	}
	stop := strings.Split(lines[1], " ")
	for _, w := range []string{"le", "de", "les"} {
		if i := sort.SearchStrings(stop, w); i == len(stop) || stop[i] != w {
			t.Errorf("stopwords %q lack %q", lines[1], w)
		}
	}
	var firsts, names []string
	for _, l := range lines[2:] {
		first, name, ok := strings.Cut(l, "\t")
		if !ok || len(name) != 16 || len(firsts) > 0 && first <= firsts[len(firsts)-1] {
			t.Fatalf("line %q: want FIRST<TAB>HASH, in increasing order", l)
		}
		firsts = append(firsts, first)
		names = append(names, name+".pack")
	}
	if len(firsts) != ix.NumChunks() || ix.NumChunks() < 10 || firsts[0] != "" {
		t.Fatalf("%d chunks listed (the first from %q), the index has %d (want 10 or more, the first from \"\")", len(firsts), firsts[0], ix.NumChunks())
	}
	for c, name := range names {
		if name != ix.ChunkName(c) {
			t.Errorf("chunk %d listed as %s, the index names it %s", c, name, ix.ChunkName(c))
		}
	}
	for term := 0; term < ix.NumTerms(); term++ {
		w := ix.Term(term)
		got := sort.Search(len(firsts), func(i int) bool { return firsts[i] > w }) - 1
		if want := ix.ChunkOf(term); got != want {
			t.Errorf("term %q: the list gives chunk %d, the index %d", w, got, want)
		}
	}
	// Embedded, no chunks apart: no list.
	build("off")
	if _, err := os.Stat(filepath.Join(packs, chunksFile)); !os.IsNotExist(err) {
		t.Errorf("after an embedded build: %s still there (%v)", chunksFile, err)
	}
}

func TestSeparator(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"abc", "abd", "abd"},
		{"abc", "b", "b"},
		{"abc", "abcde", "abcd"},
		{"fichier", "fichiers", "fichiers"},
		{"a", "bcd", "b"},
	} {
		if got := separator(c.a, c.b); got != c.want || got <= c.a || !strings.HasPrefix(c.b, got) {
			t.Errorf("separator(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}
