package token

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/third_party/snowballstem"
	"github.com/corpus-explorer/explorer/third_party/snowballstem/french"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

// snowballStem runs the French Snowball stemmer on word as is.
func snowballStem(word string) string {
	env := snowballstem.NewEnv(word)
	french.Stem(env)
	return env.Current()
}

// TestSnowballFrenchLegacy2015 checks that the French stemmer gives the
// Snowball 2015 stems of every word of that version's vocabulary, and
// that Analyzer.Stem gives them folded.
func TestSnowballFrenchLegacy2015(t *testing.T) {
	f, err := os.Open("testdata/snowball-fr-legacy-2015.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	a := For("fr")
	n, bad := 0, 0
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		word, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("line %d: no tab: %q", n+1, sc.Text())
		}
		n++
		if got := snowballStem(word); got != want {
			bad++
			if bad <= 10 {
				t.Errorf("Snowball stem of %q = %q, want %q", word, got, want)
			}
		}
		wantFolded := Fold(want)
		if a.IsStop(Fold(word)) {
			wantFolded = Fold(word)
		}
		if got := a.Stem(word); got != wantFolded {
			t.Errorf("Stem(%q) = %q, want %q", word, got, wantFolded)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 20403 {
		t.Errorf("read %d words, want 20403", n)
	}
	t.Logf("legacy-2015: %d/%d words stemmed as Snowball does", n-bad, n)
}

// TestSnowballFrenchVersions reports how the stemmer fares on every
// vocabulary version in ../shared (only legacy-2015 must match fully; the
// later versions changed the algorithm).
func TestSnowballFrenchVersions(t *testing.T) {
	dir := shared.Path(t, "testdata/stemming/snowball-fr")
	for _, v := range []string{"legacy-2015", "snowball-2018-2024", "current"} {
		voc := readLines(t, filepath.Join(dir, v, "voc.txt"))
		out := readLines(t, filepath.Join(dir, v, "output.txt"))
		if len(voc) != len(out) {
			t.Fatalf("%s: %d words, %d stems", v, len(voc), len(out))
		}
		ok := 0
		for i, w := range voc {
			if snowballStem(w) == out[i] {
				ok++
			}
		}
		t.Logf("%s: %d/%d", v, ok, len(voc))
		if v == "legacy-2015" && ok != len(voc) {
			t.Errorf("%s: %d/%d words match, want all", v, ok, len(voc))
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestStem(t *testing.T) {
	tests := []struct {
		lang, word, want string
	}{
		{"fr", "électroniques", "electron"},
		{"fr", "Électronique", "electron"},
		{"fr", "stratégies", "strateg"},
		{"fr", "numérique", "numer"},
		{"fr", "continuellement", "continuel"},
		{"fr", "chevaux", "cheval"},
		{"fr", "les", "les"},   // stopword: its own stem
		{"fr", "été", "ete"},   // stopword
		{"fr", "2020", "2020"}, // number
		{"fr", "北京", "北京"},     // no Latin letter
		{"fr", "", ""},
		{"en", "running", "run"},
		{"en", "generously", "generous"},
		{"en", "consignment", "consign"},
		{"en", "skies", "sky"},
		{"en", "the", "the"},
		{"en", "Cafés", "cafe"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).Stem(tt.word); got != tt.want {
			t.Errorf("For(%q).Stem(%q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}
