package token

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", "fr"},
		{"Le chat dort sur le canapé.", "fr"},
		{"The cat is sleeping on the sofa and it was happy.", "en"},
		{"The only thing we have to fear is fear itself.", "en"},
		{"Hello world", "fr"},                                // too little to be sure
		{"UTF-8 with BOM: a story about lighthouses.", "en"}, // one English word, nothing French
		{"Le chat with the hat.", "fr"},
		{"Lorsque l’on considère les résultats de l’étude, on constate que la France est en tête.", "fr"},
		{"In 2020, the company reported that its revenue had grown by 15% compared with the previous year, which was more than analysts expected.", "en"},
		{"Le « cloud computing » est une technologie that changes everything pour les entreprises et les administrations de la région.", "fr"},
		{"Der Hund schläft auf dem Sofa.", "fr"},
		{strings.Repeat("é", 5000) + " the of and to is that", "fr"}, // only the first 4 KB count
		{strings.Repeat("the cat and the dog ", 300), "en"},
		// A changelog: hexadecimal hashes are no French elisions.
		{"2022-10-10  Werner Koch\n\n\tRelease 2.2.40.\n\t+ commit 2e9f8a511dc01ef9ffc59c4d3c1ce\n\t* agent/call-scd.c (start_scd): Fix the error code when it is not available.\n\t+ commit a9b8c7d6e5f4c3d2d1e0c9b8l7n6j5", "en"},
		{"C'est l’été : qu’il vienne, j'arrive, n’est-ce pas ? Le code et la clé.", "fr"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.60q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDetectSeeds(t *testing.T) {
	for _, p := range seedFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(string(b)); got != "fr" {
			t.Errorf("Detect(%s) = %q, want fr", p, got)
		}
	}
}

// TestDetectCorpora reports the languages detected on the shared corpora:
// the man pages are all French; the help pages include untranslated
// English ones; a few quotations are in English.
func TestDetectCorpora(t *testing.T) {
	for _, c := range []struct {
		dir    string
		maxEn  float64 // largest share of "en"
		minEns int     // fewest "en" documents
	}{
		{"corpora/fr-manpages", 0, 0},
		{"corpora/fr-docs", 0.06, 50},
		{"corpora/fr-fortunes", 0.01, 1},
	} {
		root := shared.Path(t, c.dir)
		n, en := 0, 0
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			n++
			if Detect(string(b)) == "en" {
				en++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d documents, %d detected as English", c.dir, n, en)
		if float64(en) > c.maxEn*float64(n) || en < c.minEns {
			t.Errorf("%s: %d of %d detected as English, want between %d and %.0f", c.dir, en, n, c.minEns, c.maxEn*float64(n))
		}
	}
}
