package ingest

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

func benchDir(b *testing.B, rel string) {
	dir := shared.Path(b, rel)
	var bytes int64
	for i := 0; i < b.N; i++ {
		_, rep, err := Dir(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		bytes = rep.Bytes
	}
	b.SetBytes(bytes)
}

// Ingestion alone (decode, reflow, structure, segment, language) over the
// shared corpora; MB/s is the figure to watch.
func BenchmarkDirManpages(b *testing.B) { benchDir(b, "corpora/fr-manpages") }
func BenchmarkDirDocs(b *testing.B)     { benchDir(b, "corpora/fr-docs") }
func BenchmarkDirFortunes(b *testing.B) { benchDir(b, "corpora/fr-fortunes/docs") }

// TestManyFiles builds a folder of 100,000 tiny files (set INGEST_MANY=1;
// INGEST_MANY=N for another count) and reports time and memory.
func TestManyFiles(t *testing.T) {
	v := os.Getenv("INGEST_MANY")
	if v == "" {
		t.Skip("set INGEST_MANY=1 to build 100,000 tiny files")
	}
	n := 100000
	if k, err := strconv.Atoi(v); err == nil && k > 1 {
		n = k
	}
	root := t.TempDir()
	for i := 0; i < n; i++ {
		dir := filepath.Join(root, "d"+strconv.Itoa(i/1000))
		if i%1000 == 0 {
			must(t, os.MkdirAll(dir, 0o755))
		}
		must(t, os.WriteFile(filepath.Join(dir, strconv.Itoa(i)+".txt"), []byte("Citation numéro "+strconv.Itoa(i)+". Une phrase courte.\n\t-- Auteur Inconnu\n"), 0o644))
	}
	runtime.GC()
	start := time.Now()
	docs, rep, err := Dir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if len(docs) != n || rep.Documents != n {
		t.Fatalf("%d documents, want %d", len(docs), n)
	}
	t.Logf("%d tiny files: %s, %.0f files/s, heap in use %.0f MB, total allocated %.0f MB, sys %.0f MB",
		n, el.Round(time.Millisecond), float64(n)/el.Seconds(), float64(ms.HeapInuse)/1e6, float64(ms.TotalAlloc)/1e6, float64(ms.Sys)/1e6)
}

// TestBigFile builds a folder holding one 50 MB text file (set
// INGEST_BIG=1; INGEST_BIG=N for N MB) and reports time and memory.
func TestBigFile(t *testing.T) {
	v := os.Getenv("INGEST_BIG")
	if v == "" {
		t.Skip("set INGEST_BIG=1 to build a 50 MB file")
	}
	mb := 50
	if k, err := strconv.Atoi(v); err == nil && k > 1 {
		mb = k
	}
	root := t.TempDir()
	para := wrapText(strings.Repeat(para1+" ", 3), 76) + "\n\n"
	var sb strings.Builder
	for sb.Len() < mb<<20 {
		sb.WriteString(para)
	}
	must(t, os.WriteFile(filepath.Join(root, "big.txt"), []byte(sb.String()), 0o644))
	sb = strings.Builder{}
	runtime.GC()
	start := time.Now()
	docs, rep, err := Dir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d MB file: %d documents, %d skipped, %s, %.1f MB/s, sys memory %.0f MB, %d blocks, %d sentences",
		mb, rep.Documents, rep.Skipped, el.Round(time.Millisecond), float64(rep.Bytes)/1e6/el.Seconds(), float64(ms.Sys)/1e6, len(docs[0].Blocks), len(docs[0].Sentences))
	checkDoc(t, docs[0])
}
