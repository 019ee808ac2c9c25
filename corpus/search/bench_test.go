package search_test

import (
	"bufio"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/internal/threadcpu"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/shared"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

type scaleIndex struct {
	once  sync.Once
	blob  []byte
	text  int
	ix    *index.Index
	built time.Duration
	err   error
}

var scale scaleIndex

// scaleBlob returns the index blob of ../shared/corpora (6,495 documents),
// built as `explorer build` does. Building takes minutes, so the blob is
// cached in os.TempDir(), keyed by the corpus files' sizes and times and
// by the sources of the packages that make the index. Set
// EXPLORER_BENCH_INDEX to the file written by `explorer build -corpus
// ../shared/corpora` to use it instead.
func scaleBlob(b *testing.B) ([]byte, *index.Index, int) {
	if p := os.Getenv("EXPLORER_BENCH_INDEX"); p != "" {
		scale.once.Do(func() { scale.blob, scale.err = os.ReadFile(p); scale.decode() })
	}
	dir := shared.Path(b, "corpora")
	scale.once.Do(func() {
		key := crc32.NewIEEE()
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if fi, err := d.Info(); err == nil {
					key.Write([]byte(p + strconv.FormatInt(fi.Size(), 10) + fi.ModTime().String()))
				}
			}
			return nil
		})
		srcs, _ := filepath.Glob("../*/*.go")
		for _, p := range srcs {
			if !strings.HasSuffix(p, "_test.go") && !strings.HasPrefix(p, "../search/") {
				if s, err := os.ReadFile(p); err == nil {
					key.Write(s)
				}
			}
		}
		cache := filepath.Join(os.TempDir(), "corpus-explorer-bench-"+strconv.FormatUint(uint64(key.Sum32()), 16)+".bin")
		if blob, err := os.ReadFile(cache); err == nil {
			scale.blob = blob
		} else {
			t0 := time.Now()
			docs, _, err := ingest.Dir(dir, ingest.Options{})
			if err != nil {
				scale.err = err
				return
			}
			ix := index.Build(docs, summary.Annotate(docs))
			scale.built = time.Since(t0)
			if scale.blob, scale.err = ix.MarshalBinary(); scale.err != nil {
				return
			}
			os.WriteFile(cache, scale.blob, 0o644)
		}
		scale.decode()
	})
	if scale.err != nil {
		b.Fatal(scale.err)
	}
	return scale.blob, scale.ix, scale.text
}

func (s *scaleIndex) decode() {
	if s.err != nil {
		return
	}
	s.ix, s.err = index.Decode(s.blob)
	if s.err == nil {
		for _, d := range s.ix.Docs {
			s.text += len(d.Text)
		}
	}
}

func benchQueries(tb testing.TB) []string {
	f, err := os.Open("testdata/queries.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			qs = append(qs, l)
		}
	}
	return qs
}

// BenchmarkSearch runs the query set of testdata/queries.txt over the
// scale corpora; one op is one query. It reports the 50th and 95th
// percentile and the slowest query's time.
func BenchmarkSearch(b *testing.B) {
	_, ix, _ := scaleBlob(b)
	e := search.New(ix)
	qs := benchQueries(b)
	for _, q := range qs { // warm up: lazily built tables
		e.Search(q, search.Options{})
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	times := make([]time.Duration, 0, b.N)
	cpus := make([]time.Duration, 0, b.N)
	perQuery := map[string]time.Duration{}
	slowest, slowQ := time.Duration(0), ""
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		c0, t0 := threadcpu.Now(), time.Now()
		if _, err := e.Search(q, search.Options{}); err != nil {
			b.Fatal(err)
		}
		d := time.Since(t0)
		times = append(times, d)
		c := threadcpu.Now() - c0
		cpus = append(cpus, c)
		perQuery[q] += c
		if d > slowest {
			slowest, slowQ = d, q
		}
	}
	b.StopTimer()
	slices.Sort(times)
	slices.Sort(cpus)
	pct := func(ts []time.Duration, p float64) float64 {
		return float64(ts[int(p*float64(len(ts)-1))].Microseconds())
	}
	b.ReportMetric(pct(times, 0.50), "p50-µs")
	b.ReportMetric(pct(times, 0.95), "p95-µs")
	b.ReportMetric(float64(slowest.Microseconds()), "max-µs")
	if cpus[len(cpus)-1] > 0 {
		// The same measured in the thread's CPU time: meaningful when the
		// machine is busy with other work.
		b.ReportMetric(pct(cpus, 0.50), "p50-cpu-µs")
		b.ReportMetric(pct(cpus, 0.95), "p95-cpu-µs")
	}
	if b.N >= len(qs) {
		b.Logf("%d queries, slowest %v: %q", len(qs), slowest, slowQ)
		slices.SortFunc(qs, func(a, b string) int { return int(perQuery[b] - perQuery[a]) })
		for _, q := range qs[:5] {
			b.Logf("CPU %v a run: %q", perQuery[q]/time.Duration(b.N/len(qs)), q)
		}
	}
}

// BenchmarkLoad decodes the scale corpora's index blob; it reports the
// blob's size, and the heap the decoded index holds against the size of
// the documents' texts.
func BenchmarkLoad(b *testing.B) {
	blob, _, text := scaleBlob(b)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	var ix *index.Index
	c0 := threadcpu.Now()
	for i := 0; i < b.N; i++ {
		var err error
		if ix, err = index.Decode(blob); err != nil {
			b.Fatal(err)
		}
	}
	cpu := threadcpu.Now() - c0
	b.StopTimer()
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heap := float64(ms.HeapAlloc) - float64(before)
	b.ReportMetric(float64(len(blob))/1e6, "blob-MB")
	b.ReportMetric(float64(text)/1e6, "text-MB")
	b.ReportMetric(heap/1e6, "heap-MB")
	b.ReportMetric(heap/float64(text), "heap/text")
	runtime.KeepAlive(ix)
}
