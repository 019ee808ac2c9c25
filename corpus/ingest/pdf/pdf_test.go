package pdf

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

const testPDF = "../testdata/formats/linguistique.pdf" // 8 pages, made by LibreOffice (see SOURCES.md)

func TestRead(t *testing.T) {
	data, err := os.ReadFile(testPDF)
	if err != nil {
		t.Fatal(err)
	}
	r := New(1)
	defer r.Close()
	d, err := r.Read(context.Background(), data, format.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Pages != 8 || d.Title != "Linguistique" || d.Author != "Contributeurs de LibreOffice" || !strings.HasPrefix(d.Date, "D:") {
		t.Errorf("pages %d, title %q, author %q, date %q", d.Pages, d.Title, d.Author, d.Date)
	}
	last := 0
	for _, b := range d.Blocks {
		if b.Page < last || b.Page < 1 || b.Page > 8 {
			t.Errorf("block %q on page %d after page %d", b.Text, b.Page, last)
		}
		last = b.Page
	}
	// A cancelled context stops the read.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Read(ctx, data, format.Limits{}); !errors.Is(err, ErrTimeout) {
		t.Errorf("cancelled: %v, want %v", err, ErrTimeout)
	}
	// The page limit.
	d, err = r.Read(context.Background(), data, format.Limits{MaxPages: 2})
	if err != nil || d.Blocks[len(d.Blocks)-1].Page > 2 || len(d.Warnings) == 0 {
		t.Errorf("MaxPages 2: %v, warnings %q", err, d.Warnings)
	}
}

// BenchmarkRead measures the PDF reader alone (PDFium and the layout),
// in pages per second.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(testPDF)
	if err != nil {
		b.Fatal(err)
	}
	r := New(1)
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	if _, err := r.Read(ctx, data, format.Limits{}); err != nil { // starts PDFium
		b.Fatal(err)
	}
	pages := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := r.Read(ctx, data, format.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		pages += d.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
