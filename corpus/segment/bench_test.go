package segment

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

// loadTexts reads every .txt file under dir.
func loadTexts(b *testing.B, dir string) ([]string, int64) {
	b.Helper()
	var texts []string
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts = append(texts, string(data))
		total += int64(len(data))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if total == 0 {
		b.Skip("no .txt files in " + dir)
	}
	return texts, total
}

func benchTexts(b *testing.B, texts []string, total int64) {
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			n += len(Sentences(t, "fr"))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "sentences/op")
}

// BenchmarkSeeds segments the five seed documents.
func BenchmarkSeeds(b *testing.B) {
	files, _ := filepath.Glob("../*.txt")
	var texts []string
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		total += int64(len(data))
	}
	if total == 0 {
		b.Fatal("no seed documents in ../*.txt")
	}
	benchTexts(b, texts, total)
}

// BenchmarkCorpora segments each of the shared scale corpora (6,495
// documents, 20 MB in all); it skips when ../shared is absent.
func BenchmarkCorpora(b *testing.B) {
	for _, name := range []string{"fr-manpages", "fr-docs", "fr-fortunes"} {
		b.Run(name, func(b *testing.B) {
			texts, total := loadTexts(b, shared.Path(b, "corpora/"+name))
			benchTexts(b, texts, total)
		})
	}
}

// BenchmarkHostile segments 1 MB inputs made to defeat the look-behinds
// and look-aheads; each must stay linear.
func BenchmarkHostile(b *testing.B) {
	const size = 1 << 20
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	for _, c := range []struct{ name, text string }{
		{"abbreviations", fill("M. a ")},
		{"list", "1. " + fill("5. b ")},
		{"dashes", fill("- ") + fill("5. b ")},
		{"dots", fill(".")},
		{"spaced dots", fill(". ")},
		{"quotes", fill("« ")},
		{"closers", "a." + fill(")")},
		{"lines", fill("a\n")},
		{"capital lines", fill("A\n")},
		{"spaces", fill(" ") + "."},
		{"glued", fill("Aa.")},
		{"long word", fill("a") + ". B"},
		{"question marks", fill("? ")},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for i := 0; i < b.N; i++ {
				Sentences(c.text, "fr")
			}
		})
	}
}
