package main

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
)

func TestBulkRuns(t *testing.T) {
	packs := func(from int, sizes ...int) []bulkPack {
		var out []bulkPack
		for i, s := range sizes {
			out = append(out, bulkPack{num: from + i, size: s})
		}
		return out
	}
	// runs gives each run as its first number and count.
	runs := func(ps []bulkPack, size int) [][2]int {
		var out [][2]int
		for _, r := range bulkRuns(ps, size) {
			for i := range r {
				if r[i].num != r[0].num+i {
					t.Fatalf("run %v: numbers not consecutive", r)
				}
			}
			out = append(out, [2]int{r[0].num, len(r)})
		}
		return out
	}
	gap := append(packs(0, 10, 10, 10), packs(7, 10, 10)...)
	for _, c := range []struct {
		name  string
		packs []bulkPack
		size  int
		want  [][2]int
	}{
		{"none", nil, 100, nil},
		{"one pack, no file", packs(0, 10), 100, nil},
		{"all in one", packs(0, 10, 20, 30), 100, [][2]int{{0, 3}}},
		{"exactly the size", packs(0, 50, 50, 50, 50), 100, [][2]int{{0, 2}, {2, 2}}},
		{"cut before the pack that would exceed", packs(0, 40, 40, 40, 40, 40), 100, [][2]int{{0, 2}, {2, 2}}},
		{"a large pack alone is left out", packs(0, 30, 30, 500, 30, 30), 100, [][2]int{{0, 2}, {3, 2}}},
		{"a gap in the numbers ends a run", gap, 100, [][2]int{{0, 3}, {7, 2}}},
	} {
		if got := runs(c.packs, c.size); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: runs %v, want %v", c.name, got, c.want)
		}
	}
}

// inflate returns the zlib-decompressed contents of file.
func inflate(t *testing.T, file string) []byte {
	t.Helper()
	z, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return b
}

// TestBulkFiles builds the seeds split, one document a pack, the postings
// in small chunks and long texts in parts, and reads back every bulk
// file as explorer.js does: each, inflated and cut by the sizes of the
// pack table, gives exactly the bytes of its packs' files, and the module
// takes each (size and hash checked). No pack is in two bulk files, no
// part in any, and nearly all text packs and chunks are in one; the list is in pack order; a
// rebuild writes the same files; -bulk off and an embedded build leave
// none behind.
func TestBulkFiles(t *testing.T) {
	out := t.TempDir()
	packs := filepath.Join(out, "packs")
	build := func(args ...string) string {
		t.Helper()
		var o, e bytes.Buffer
		args = append([]string{"build", "-q", "-progress", "none", "-pack-bytes", "1", "-chunk-bytes", "64", "-part-bytes", "600", "-packs", packs, "-corpus", "../../corpus", "-o", filepath.Join(out, "index.bin")}, args...)
		if code := run(args, &o, &e); code != 0 {
			t.Fatalf("build %q: exit %d: %s", args, code, e.String())
		}
		return o.String()
	}
	said := build("-split", "on")
	if !strings.Contains(said, "wrote 1 bulk file in "+packs+":") {
		t.Errorf("the build does not say it wrote bulk files:\n%s", said)
	}
	blob, err := os.ReadFile(filepath.Join(out, "index.bin"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	if ix.NumParts() == 0 {
		t.Fatal("no parts: the test wants long texts cut in parts")
	}
	var list []struct {
		Name string
		Size int
		Kind string
	}
	if err := json.Unmarshal(engine.JSON(engine.New(ix).Packs()), &list); err != nil {
		t.Fatal(err)
	}
	// A small size, for several files (the build's is bulkBytes).
	const size = 8 << 10
	if _, err := writeBulk(packs, ix, size); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(packs, bulkFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	if lines[0] != bulkHeader || len(lines) < 4 {
		t.Fatalf("%s: %q, want %q then three files or more", bulkFile, lines[:min(len(lines), 3)], bulkHeader)
	}
	covered := map[int]bool{}
	last := -1
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 3 || len(f[2]) != 16 {
			t.Fatalf("line %q: want FIRST<TAB>COUNT<TAB>HASH", l)
		}
		first, err1 := strconv.Atoi(f[0])
		n, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || first <= last || n < 2 || first+n > len(list) {
			t.Fatalf("line %q: want packs in order, after %d, two or more of the %d", l, last, len(list))
		}
		last = first + n - 1
		data := inflate(t, filepath.Join(packs, f[2]+bulkExt))
		raw := 0
		for p := first; p < first+n; p++ {
			raw += list[p].Size
		}
		if len(data) != raw || raw > size {
			t.Errorf("%s.bulk: %d bytes, its packs' sizes add up to %d (want at most %d)", f[2], len(data), raw, size)
			continue
		}
		e := engine.New(mustDecode(t, blob))
		at := 0
		for p := first; p < first+n; p++ {
			if list[p].Kind == "part" {
				t.Errorf("%s.bulk holds pack %d, a part", f[2], p)
			}
			if covered[p] {
				t.Errorf("pack %d in two bulk files", p)
			}
			covered[p] = true
			piece := data[at : at+list[p].Size]
			at += list[p].Size
			if want := inflate(t, filepath.Join(packs, list[p].Name)); !bytes.Equal(piece, want) {
				t.Errorf("%s.bulk: pack %d (%s) differs from its file", f[2], p, list[p].Name)
			}
			if err := e.AddPack(p, string(piece)); err != nil {
				t.Errorf("%s.bulk: pack %d: %v", f[2], p, err)
			}
		}
	}
	// Left out: a pack alone between two cuts, and the lexicon after
	// the parts; at most one a file, and the lexicon.
	var alone []int
	for p, it := range list {
		if it.Kind != "part" && !covered[p] {
			alone = append(alone, p)
		}
	}
	if len(alone) > len(lines) {
		t.Errorf("%d packs in no bulk file (%v), for %d files", len(alone), alone, len(lines)-1)
	}
	// A build writes the same files again, and removes those it no longer writes.
	before := bulkNames(t, packs)
	build("-split", "on")
	again := bulkNames(t, packs)
	if _, err := writeBulk(packs, ix, size); err != nil {
		t.Fatal(err)
	}
	if got := bulkNames(t, packs); !reflect.DeepEqual(got, before) || len(again) == 0 || len(again) >= len(before) {
		t.Errorf("bulk files: %d at %d bytes, then %d by the build, then %d again at %d bytes (want the same files)", len(before), size, len(again), len(got), size)
	}
	build("-split", "on", "-bulk", "off")
	if got := bulkNames(t, packs); len(got) != 0 {
		t.Errorf("after -bulk off: %q left", got)
	}
	build("-split", "on")
	build("-split", "off")
	if got := bulkNames(t, packs); len(got) != 0 {
		t.Errorf("after an embedded build: %q left", got)
	}
}

// TestBulkDamagedPack: a pack file that is not what the index says
// stops writeBulk with an error naming it, not a bulk file with a wrong
// pack inside.
func TestBulkDamagedPack(t *testing.T) {
	out := t.TempDir()
	packs := filepath.Join(out, "packs")
	var o, e bytes.Buffer
	if code := run([]string{"build", "-q", "-progress", "none", "-split", "on", "-bulk", "off", "-pack-bytes", "1", "-packs", packs, "-corpus", "../../corpus", "-o", filepath.Join(out, "index.bin")}, &o, &e); code != 0 {
		t.Fatalf("build: exit %d: %s", code, e.String())
	}
	blob, err := os.ReadFile(filepath.Join(out, "index.bin"))
	if err != nil {
		t.Fatal(err)
	}
	ix := mustDecode(t, blob)
	a, b := filepath.Join(packs, ix.PackName(0)), filepath.Join(packs, ix.PackName(1))
	other, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(a, other, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := writeBulk(packs, ix, bulkBytes); err == nil || !strings.Contains(err.Error(), ix.PackName(0)) {
		t.Errorf("writeBulk with pack 0's file holding pack 1: error %v, want one naming %s", err, ix.PackName(0))
	}
	if got := bulkNames(t, packs); len(got) != 0 {
		t.Errorf("bulk files written: %q", got)
	}
}

func mustDecode(t *testing.T, blob []byte) *index.Index {
	t.Helper()
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// bulkNames returns the bulk files in dir and its list's contents.
func bulkNames(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*"+bulkExt))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, bulkFile)); err == nil {
		names = append(names, string(b))
	}
	return names
}
