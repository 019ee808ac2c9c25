package ingest

import (
	"os"
	"testing"
)

// BenchmarkFormats reads the test document in each binary format (the PDF
// has 8 pages); for the PDF it reports pages per second.
func BenchmarkFormats(b *testing.B) {
	for _, ext := range []string{"pdf", "docx", "odt", "epub"} {
		b.Run(ext, func(b *testing.B) {
			data, err := os.ReadFile("testdata/formats/linguistique." + ext)
			if err != nil {
				b.Fatal(err)
			}
			r := NewReaders(Options{})
			defer r.Close()
			if _, err := r.Document("x", "x."+ext, data); err != nil { // starts PDFium
				b.Fatal(err)
			}
			pages := 0
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d, err := r.Document("x", "x."+ext, data)
				if err != nil {
					b.Fatal(err)
				}
				pages += len(d.Pages)
			}
			if pages > 0 {
				b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			}
		})
	}
}
