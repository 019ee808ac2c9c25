package summary

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/shared"
)

// article1000 returns a news article of about 1,000 words made of the seed
// articles' paragraphs, through the real ingestion.
func article1000(b *testing.B) *corpus.Document {
	b.Helper()
	names, _ := filepath.Glob("../*.txt")
	sort.Strings(names)
	var parts []string
	words := 0
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		d, err := ingest.Bytes("x", "x.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		for _, bl := range d.Blocks {
			if bl.Kind != corpus.Paragraph || words >= 1000 {
				continue
			}
			p := d.Text[bl.Start:bl.End]
			parts = append(parts, p)
			words += corpus.CountWords(p)
		}
	}
	d, err := ingest.Bytes("article", "article.txt", []byte(strings.Join(parts, "\n\n")))
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkDocument(b *testing.B) {
	d := article1000(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Document(d, Options{Sentences: 3})
	}
	b.ReportMetric(float64(d.Words()), "words")
	b.ReportMetric(float64(len(d.Sentences)), "sentences")
}

func BenchmarkQuery(b *testing.B) {
	docs, _, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ix := index.Build(docs, Annotate(docs))
	e := search.New(ix)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Query(e, ix.Doc, "cloud chinois", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnnotateSeeds(b *testing.B) {
	docs, _, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Annotate(docs)
	}
}

// BenchmarkAnnotateCorpora annotates the three shared corpora together
// (6,495 documents, 20 MB).
func BenchmarkAnnotateCorpora(b *testing.B) {
	dir := shared.Path(b, "corpora")
	docs, _, err := ingest.Dir(dir, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Annotate(docs)
	}
	b.ReportMetric(float64(len(docs)), "docs")
}
