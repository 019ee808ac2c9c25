package token

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

// loadCorpus returns the texts of the .txt files under the shared folder
// rel, skipping the benchmark when it is absent.
func loadCorpus(tb testing.TB, rel string) []string {
	tb.Helper()
	root := shared.Path(tb, rel)
	var texts []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return texts
}

func benchTokens(b *testing.B, rel string) {
	texts := loadCorpus(b, rel)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	a := For("fr")
	var dst []Token
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			dst = a.AppendTokens(dst[:0], t)
		}
	}
	// On a shared machine wall time overstates the cost: report the
	// throughput per second of CPU time of the process too.
	if d := cpuTime() - c0; d > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

func BenchmarkTokensManpages(b *testing.B) { benchTokens(b, "corpora/fr-manpages") }
func BenchmarkTokensDocs(b *testing.B)     { benchTokens(b, "corpora/fr-docs") }
func BenchmarkTokensFortunes(b *testing.B) { benchTokens(b, "corpora/fr-fortunes") }

func BenchmarkTokensSeeds(b *testing.B) {
	var texts []string
	for _, p := range seedFiles(b) {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	a := For("fr")
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			_ = a.Tokens(t)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	const s = "Électronique, stratégie numérique et télétravail à Hangzhou où l'œuvre du géant"
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = Fold(s)
	}
}

func BenchmarkQuery(b *testing.B) {
	const q = "stratégie numér"
	a := For("fr")
	var dst []Token
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dst = a.AppendTokens(dst[:0], q)
	}
}

// seedFiles returns the seed documents of the repository's corpus folder.
func seedFiles(tb testing.TB) []string {
	tb.Helper()
	ps, err := filepath.Glob("../*.txt")
	if err != nil || len(ps) == 0 {
		tb.Fatal("no seed documents in ../")
	}
	return ps
}
