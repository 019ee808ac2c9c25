package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/shared"
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
	out := filepath.Join(t.TempDir(), "new", "folder", "x.bin") // made by build
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

// TestBuildReproducible builds the same corpus twice and wants the same
// bytes: the index must not depend on map order or timing (dist names its
// version folder by a hash of its contents). fr-docs is the corpus where
// a map-ordered float sum once changed a keyphrase's rank.
func TestBuildReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3,145-document corpus twice")
	}
	dir := shared.Path(t, "corpora/fr-docs")
	var blobs [2][]byte
	for i := range blobs {
		out := filepath.Join(t.TempDir(), "index.bin")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-q", "-corpus", dir, "-o", out}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		blobs[i] = b
	}
	if !bytes.Equal(blobs[0], blobs[1]) {
		n := 0
		for n < len(blobs[0]) && n < len(blobs[1]) && blobs[0][n] == blobs[1][n] {
			n++
		}
		t.Errorf("two builds of %s differ from byte %d (%d and %d bytes)", dir, n, len(blobs[0]), len(blobs[1]))
	}
}

// TestBuildCache: a rebuild with the cache after changing, adding and
// removing files takes the unchanged files from the cache and writes the
// same bytes as a clean build; so does one over a cache whose entries are
// all broken.
func TestBuildCache(t *testing.T) {
	dir := t.TempDir()
	seeds, err := filepath.Glob("../../corpus/*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v, %v", seeds, err)
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("notes/a.md", "# Réunion de Lyon\n\nLe conseil municipal de Lyon a voté le budget. Jean Dupont a présenté le projet.\n")
	write("notes/b.txt", "Une note sur Paris.\n\nLa mairie de Paris a publié un rapport. Le rapport parle de Lyon aussi.\n")
	write("notes/gone.html", "<h1>Bientôt supprimé</h1><p>Ce document disparaîtra avant la reconstruction.</p>")
	cache := filepath.Join(t.TempDir(), "cache")
	out := t.TempDir()
	// Split (-split on), so that the packs are compared too.
	build := func(name string, withCache bool) (index []byte, stdout string) {
		t.Helper()
		packs := filepath.Join(out, name+".packs")
		args := []string{"build", "-q", "-progress", "lines", "-split", "on", "-packs", packs, "-corpus", dir, "-o", filepath.Join(out, name)}
		if withCache {
			args = append(args, "-cache", cache)
		}
		var o, e bytes.Buffer
		if code := run(args, &o, &e); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, e.String())
		}
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		// The texts waited for their packs in a file beside the index,
		// gone once the build is done.
		if left, _ := filepath.Glob(filepath.Join(out, "explorer-texts-*")); len(left) > 0 {
			t.Errorf("%s: the build left %q", name, left)
		}
		// The packs, after the index: names and contents, in name order.
		ps, _ := filepath.Glob(filepath.Join(packs, "*.pack"))
		if len(ps) == 0 {
			t.Fatalf("%s: no packs written", name)
		}
		for _, p := range ps {
			pb, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b = append(append(append(b, filepath.Base(p)...), 0), pb...)
		}
		return b, o.String()
	}
	first, log := build("first.bin", true)
	if !strings.Contains(log, "0 documents from the cache") {
		t.Errorf("first build with an empty cache:\n%s", log)
	}
	if clean, _ := build("clean-first.bin", false); !bytes.Equal(first, clean) {
		t.Fatal("a build that fills the cache differs from one without it")
	}

	// Change a seed, add a file, remove one.
	b, err := os.ReadFile(filepath.Join(dir, filepath.Base(seeds[2])))
	if err != nil {
		t.Fatal(err)
	}
	write(filepath.Base(seeds[2]), strings.Replace(string(b), ".", ". Une phrase ajoutée à Marseille.", 1))
	write("notes/c.txt", "Marseille et Lyon signent un accord.\n\nLes deux villes partagent un rapport commun.\n")
	if err := os.Remove(filepath.Join(dir, "notes/gone.html")); err != nil {
		t.Fatal(err)
	}
	again, log := build("again.bin", true)
	if !strings.Contains(log, "6 documents from the cache") {
		t.Errorf("rebuild after changing 1 file and adding 1 of 8: want the 6 others from the cache:\n%s", log)
	}
	clean, _ := build("clean.bin", false)
	if bytes.Equal(clean, first) {
		t.Fatal("the changes did not change the index")
	}
	if !bytes.Equal(again, clean) {
		t.Fatalf("the rebuild with the cache differs from a clean build (%d and %d bytes)", len(again), len(clean))
	}

	// Every entry broken: recomputed, same bytes.
	n := 0
	filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
			os.WriteFile(p, []byte("broken"), 0o644)
		}
		return nil
	})
	if n != 10 {
		t.Errorf("%d cache entries, want 10 (one per version of a file)", n)
	}
	broken, log := build("broken.bin", true)
	if !strings.Contains(log, "0 documents from the cache") || !bytes.Equal(broken, clean) {
		t.Errorf("over a broken cache: same bytes %v, output:\n%s", bytes.Equal(broken, clean), log)
	}
}

// TestSearchSplitIndex: the commands that read a built index read a split
// one with its packs, found in index.packs/ beside it: the search index's all,
// and the texts' (a missing one shows as its documents' snippet error).
func TestSearchSplitIndex(t *testing.T) {
	out := filepath.Join(t.TempDir(), "index.bin")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-q", "-split", "on", "-chunk-bytes", "64", "-corpus", "../../corpus", "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	search := func() (string, string, int) {
		stdout.Reset()
		stderr.Reset()
		code := run([]string{"search", "-index", out, "-n", "3", "-q", "alibaba cloud"}, &stdout, &stderr)
		return stdout.String(), stderr.String(), code
	}
	if got, msg, code := search(); code != 0 || !strings.Contains(got, `"hits":[{`) || strings.Contains(got, `"snippet":""`) {
		t.Fatalf("exit %d: %s\n%s", code, got, msg)
	}
	// Without the search index's packs, a clear error.
	packs, _ := filepath.Glob(filepath.Join(packsDir(out), "*.pack"))
	for _, p := range packs {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if _, msg, code := search(); code != 1 || !strings.Contains(msg, "a pack of the search index") {
		t.Errorf("without its packs: exit %d, %s", code, msg)
	}
}

func TestUnreadString(t *testing.T) {
	for _, c := range []struct {
		unread map[string]int
		want   string
	}{
		{nil, ""},
		{map[string]int{".csv": 1}, "1 file not read (1 .csv)"},
		{map[string]int{".png": 3, ".c": 30, ".json": 3}, "36 files not read (30 .c, 3 .json, 3 .png)"},
		{map[string]int{".a": 1, ".b": 2, ".c": 3, ".d": 4, ".e": 5, ".f": 6, ".g": 7, ".h": 8},
			"36 files not read (8 .h, 7 .g, 6 .f, 5 .e, 4 .d, 3 .c, 3 of 2 other types)"},
	} {
		if got := unreadString(c.unread); got != c.want {
			t.Errorf("unreadString(%v) = %q, want %q", c.unread, got, c.want)
		}
	}
}

// TestBuildWords: -words keeps, with the index, the real words of the
// lists that the corpus lacks near its words; a missing list is an error,
// but for the default one, whose absence the build only notes.
func TestBuildWords(t *testing.T) {
	dir, tmp := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Le montage\n\nLe montage des disques se fait avec mount.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(tmp, "mots")
	if err := os.WriteFile(list, []byte("montagne\nmontage\nchanson\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-q", "-progress", "none", "-words", list, "-corpus", dir, "-o", filepath.Join(tmp, "x.bin")}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := "1 real words the corpus lacks, near its terms"; !strings.Contains(stdout.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, stdout.String())
	}
	stdout.Reset()
	stderr.Reset()
	missing := filepath.Join(tmp, "none")
	if code := run([]string{"build", "-q", "-progress", "none", "-words", missing, "-corpus", dir, "-o", filepath.Join(tmp, "y.bin")}, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), missing) {
		t.Errorf("a missing -words list: exit %d, %q", code, stderr.String())
	}
	var notes bytes.Buffer
	m, err := newMeter(&notes, "lines")
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := buildIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A default list that is missing is noted, and the others are read.
	defaults := []search.WordList{{Lang: "en", Name: "English", Path: missing, Package: "wamerican"}, {Lang: "fr", Name: "French", Path: list, Package: "wfrench"}}
	if n, read, err := readWordLists(ix, defaults, true, m); n != 1 || read != list || err != nil || !strings.Contains(notes.String(), "no word list at "+missing+" (Debian: apt-get install wamerican, or make setup): real English words") {
		t.Errorf("a missing default list: %d from %q, %v, note %q", n, read, err, notes.String())
	}
	notes.Reset()
	if n, read, err := readWordLists(ix, defaults[:1], true, m); n != 0 || read != "" || err != nil || !strings.Contains(notes.String(), "no word list at "+missing) {
		t.Errorf("the only default list missing: %d from %q, %v, note %q", n, read, err, notes.String())
	}
}

// TestBuildWordsEnglish: on English documents, the default word lists are
// English's, so that a real English word the corpus lacks finds nothing
// instead of a word it shortens or lies a typo away from ("mountain" was
// searched as "mount", with the French list alone), while a typo is still
// corrected.
func TestBuildWordsEnglish(t *testing.T) {
	en, ok := search.WordList{}, false
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "en.bin")
	for name, text := range map[string]string{
		"mount.txt": "Mounting disks\n\nThe mount command attaches a filesystem to the directory tree. Mount it again after a reboot.\n",
		"timer.txt": "Service timers\n\nThe timer starts the service on a calendar schedule, as cron does, and it runs every day.\n",
		"net.txt":   "Network interfaces\n\nThe network interface gets its address from the router.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, _, err := buildIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range search.WordLists(ix) {
		if l.Lang == "en" {
			en, ok = l, true
		} else {
			t.Errorf("an English corpus gets the %s list", l.Name)
		}
	}
	if !ok {
		t.Fatal("an English corpus gets no English word list")
	}
	if _, err := os.Stat(en.Path); err != nil {
		t.Skipf("no %s (apt-get install %s, or make setup): %v", en.Path, en.Package, err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-q", "-progress", "none", "-corpus", dir, "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := "(from " + en.Path + ")"; !strings.Contains(stdout.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, stdout.String())
	}
	for _, c := range []struct{ q, want string }{
		{"mountain", `"total":0,`},
		{"mountain", `"absent":["mountain"]`},
		{"interfaec", `"corrected":"interface"`},
	} {
		stdout.Reset()
		stderr.Reset()
		if code := run([]string{"search", "-index", out, "-q", c.q}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), c.want) {
			t.Errorf("%q: exit %d, want %s in %s%s", c.q, code, c.want, stdout.String(), stderr.String())
		}
	}
}

// TestBuildTwoIndexesOneFolder: two split indexes built into one folder
// each keep their own packs (NAME.packs beside NAME.bin): the second build,
// and a rebuild of the first, leave the other's packs alone, and both
// indexes still search with their texts' snippets.
func TestBuildTwoIndexesOneFolder(t *testing.T) {
	other, out := t.TempDir(), t.TempDir()
	for name, text := range map[string]string{
		"timer.txt": "Systemd timers\n\nA systemd timer starts a service unit on a calendar schedule, like cron.\n",
		"mount.txt": "Mounting disks\n\nThe mount command attaches a filesystem to the directory tree.\n",
	} {
		if err := os.WriteFile(filepath.Join(other, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	build := func(corpus, index string) {
		t.Helper()
		stdout.Reset()
		stderr.Reset()
		if code := run([]string{"build", "-q", "-progress", "none", "-words", "", "-split", "on", "-chunk-bytes", "64", "-corpus", corpus, "-o", index}, &stdout, &stderr); code != 0 {
			t.Fatalf("build %s: exit %d: %s", corpus, code, stderr.String())
		}
	}
	// search checks that index finds q with a snippet, its texts' packs
	// and its search index's at hand.
	search := func(index, q string) {
		t.Helper()
		stdout.Reset()
		stderr.Reset()
		code := run([]string{"search", "-index", index, "-n", "3", "-q", q}, &stdout, &stderr)
		if got := stdout.String(); code != 0 || !strings.Contains(got, `"hits":[{`) || strings.Contains(got, `"snippet":""`) || strings.Contains(got, "snippet_error") {
			t.Errorf("%s, %q: exit %d: %s\n%s", filepath.Base(index), q, code, got, stderr.String())
		}
	}
	a, b := filepath.Join(out, "a.bin"), filepath.Join(out, "b.bin")
	build("../../corpus", a)
	build(other, b)
	search(a, "alibaba cloud")
	search(b, "systemd timer")
	for _, dir := range []string{"a.packs", "b.packs"} {
		if _, err := os.Stat(filepath.Join(out, dir, chunksFile)); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}

	// The first index rebuilt from a changed folder: its stale packs go,
	// the other's stay.
	changed := t.TempDir()
	seeds, _ := filepath.Glob("../../corpus/*.txt")
	for _, f := range seeds[1:] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(changed, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := filepath.Glob(filepath.Join(out, "b.packs", "*"))
	build(changed, a)
	var wrote int
	for _, l := range strings.Split(stdout.String(), "\n") {
		if strings.Contains(l, " packs in ") {
			fmt.Sscanf(l, "wrote %d packs", &wrote)
		}
	}
	if packs, _ := filepath.Glob(filepath.Join(out, "a.packs", "*.pack")); wrote == 0 || len(packs) != wrote {
		t.Errorf("a.packs holds %d packs after the rebuild, which wrote %d:\n%s", len(packs), wrote, stdout.String())
	}
	if after, _ := filepath.Glob(filepath.Join(out, "b.packs", "*")); !slices.Equal(before, after) {
		t.Errorf("b.packs changed with a's rebuild: %d files, then %d", len(before), len(after))
	}
	search(a, "alibaba cloud")
	search(b, "mount filesystem")

	// An embedded rebuild leaves no packs folder behind.
	stdout.Reset()
	if code := run([]string{"build", "-q", "-progress", "none", "-words", "", "-split", "off", "-corpus", other, "-o", b}, &stdout, &stderr); code != 0 {
		t.Fatalf("embedded build: exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "b.packs")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("b.packs after an embedded build: %v", err)
	}
	search(b, "systemd timer")
	search(a, "alibaba cloud")
}

func TestPacksDir(t *testing.T) {
	for _, c := range []struct{ index, want string }{
		{"build/index.bin", "build/index.packs"},
		{"out/a", "out/a.packs"},
		{"x.bin", "x.packs"},
		{"out/.bin", "out/.bin.packs"},
		{"out/x.packs", "out/x.packs.packs"},
		{"out/v1.2.bin", "out/v1.2.packs"},
	} {
		if got := packsDir(c.index); got != filepath.FromSlash(c.want) {
			t.Errorf("packsDir(%q) = %q, want %q", c.index, got, c.want)
		}
	}
}
