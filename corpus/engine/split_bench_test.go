package engine_test

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/internal/threadcpu"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/shared"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// splitBuild is a split index and a way to read its files by pack number.
type splitBuild struct {
	blob []byte
	file func(e *engine.Engine, n int) (string, error)
}

var (
	splitOnce sync.Once
	splitSite splitBuild
	splitErr  error
)

// manpagesSplit returns the split build of ../shared/corpora/fr-manpages
// that the browser bench's explorer-split engine loads: the directory
// $EXPLORER_SPLIT_DIR, if set, as `explorer build -split on -packs
// DIR/packs -o DIR/index.bin` writes it (packs zlib-compressed), or else
// the corpus built here, in memory (about half a minute).
func manpagesSplit(b *testing.B) splitBuild {
	dir := os.Getenv("EXPLORER_SPLIT_DIR")
	corpusDir := ""
	if dir == "" {
		corpusDir = shared.Path(b, "corpora/fr-manpages")
	}
	splitOnce.Do(func() {
		if dir != "" {
			splitSite.blob, splitErr = os.ReadFile(filepath.Join(dir, "index.bin"))
			splitSite.file = func(e *engine.Engine, n int) (string, error) {
				raw, err := os.ReadFile(filepath.Join(dir, "packs", packFileName(e.Index(), n)))
				if err != nil {
					return "", err
				}
				zr, err := zlib.NewReader(bytes.NewReader(raw))
				if err != nil {
					return "", err
				}
				data, err := io.ReadAll(zr)
				return string(data), err
			}
			return
		}
		docs, _, err := ingest.Dir(corpusDir, ingest.Options{})
		if err != nil {
			splitErr = err
			return
		}
		var files []index.PackFile
		splitSite.blob, files, splitErr = index.Build(docs, summary.Annotate(docs)).Marshal(index.MarshalOptions{Split: true})
		splitSite.file = func(_ *engine.Engine, n int) (string, error) { return string(files[n].Data), nil }
	})
	if splitErr != nil {
		b.Fatal(splitErr)
	}
	return splitSite
}

// packFileName is the file name of pack n as engine.Packs numbers them.
func packFileName(ix *index.Index, n int) string {
	if n == ix.LexiconPack() {
		return ix.LexiconName()
	}
	if n < ix.NumPacks() {
		return ix.PackName(n)
	}
	if n -= ix.NumPacks(); n < ix.NumChunks() {
		return ix.ChunkName(n)
	}
	return ix.PartName(n - ix.NumChunks())
}

// benchQuerySet returns the queries of the bench's query files, in order.
func benchQuerySet(b *testing.B, files ...string) []string {
	var qs []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var set struct{ Queries []struct{ Q string } }
		if err := json.Unmarshal(raw, &set); err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		for _, q := range set.Queries {
			qs = append(qs, q.Q)
		}
	}
	return qs
}

// loaderSearch searches as explorer.js does for the bench's split engine:
// the index packs the engine asks for are added and the query asked
// again; with snippets, the packs its pending hits wait for are then
// added and the query asked once more (snippets()).
func loaderSearch(b *testing.B, e *engine.Engine, sb splitBuild, q string, snippets bool) *search.Result {
	opt := search.Options{Limit: 10}
	r, err := e.Search(q, opt)
	for tries := 0; err != nil && tries < 3; tries++ {
		var nl *engine.NotLoadedError
		if !errors.As(err, &nl) {
			b.Fatalf("%q: %v", q, err)
		}
		for _, p := range nl.Packs {
			data, err := sb.file(e, p)
			if err != nil {
				b.Fatal(err)
			}
			if err := e.AddPack(p, data); err != nil {
				b.Fatal(err)
			}
		}
		r, err = e.Search(q, opt)
	}
	if err != nil {
		b.Fatalf("%q: %v", q, err)
	}
	if !snippets {
		return r
	}
	added := false
	for _, h := range r.Hits {
		if h.Pending {
			data, err := sb.file(e, h.Pack)
			if err != nil {
				b.Fatal(err)
			}
			if err := e.AddPack(h.Pack, data); err != nil {
				b.Fatal(err)
			}
			added = true
		}
	}
	if added {
		if r, err = e.Search(q, opt); err != nil {
			b.Fatalf("%q: %v", q, err)
		}
	}
	return r
}

// warmSplit opens fr-manpages' split index and answers the bench's
// queries (queries-fr-manpages.json and queries-absent.json) once, so
// that the index packs and the packs of the hits' snippets are loaded as
// the bench page has them; it returns the engine and the queries.
func warmSplit(b *testing.B) (*engine.Engine, []string) {
	sb := manpagesSplit(b)
	e, err := engine.Open(sb.blob)
	if err != nil {
		b.Fatal(err)
	}
	qs := benchQuerySet(b, "../../tools/bench/queries-fr-manpages.json", "../../tools/bench/queries-absent.json")
	for _, q := range qs {
		loaderSearch(b, e, sb, q, true)
	}
	return e, qs
}

// BenchmarkSearchSplit times what the module does for the browser bench's
// split engine on fr-manpages: search(q, {limit: 10}) and its JSON, one op
// a query, over tools/bench/queries-fr-manpages.json and
// queries-absent.json, after a warm-up pass that loads the index packs
// and the packs of the hits' snippets as the bench page does. It reports
// the 50th and 95th percentile of the queries' mean CPU time.
func BenchmarkSearchSplit(b *testing.B) {
	e, qs := warmSplit(b)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	per := make([]time.Duration, len(qs))
	runs := make([]int, len(qs))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(qs)
		c0 := threadcpu.Now()
		r, err := e.Search(qs[k], search.Options{Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		engine.JSON(r)
		per[k] += threadcpu.Now() - c0
		runs[k]++
	}
	b.StopTimer()
	if b.N < len(qs) {
		return
	}
	means := make([]time.Duration, len(qs))
	for k := range qs {
		means[k] = per[k] / time.Duration(runs[k])
	}
	order := make([]int, len(qs))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, c int) int { return int(means[a] - means[c]) })
	pct := func(p float64) float64 { return float64(means[order[int(p*float64(len(qs)-1)+0.5)]].Microseconds()) }
	b.ReportMetric(pct(0.5), "p50-cpu-µs")
	b.ReportMetric(pct(0.95), "p95-cpu-µs")
	for _, k := range order[len(order)-5:] {
		b.Logf("%8s %q", strconv.FormatFloat(float64(means[k].Microseconds())/1e3, 'f', 3, 64)+"ms", qs[k])
	}
}

// BenchmarkFirstSearchSplit times the bench page's first answer once the
// module is loaded: opening the split fr-manpages index, then its first
// query, "fichier", with the index packs it asks for added (no snippets).
func BenchmarkFirstSearchSplit(b *testing.B) {
	sb := manpagesSplit(b)
	b.ReportAllocs()
	b.ResetTimer()
	var open, first time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		e, err := engine.Open(sb.blob)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		loaderSearch(b, e, sb, "fichier", false)
		open += t1.Sub(t0)
		first += time.Since(t1)
	}
	b.ReportMetric(float64(open.Microseconds())/float64(b.N), "open-µs")
	b.ReportMetric(float64(first.Microseconds())/float64(b.N), "first-µs")
}

// BenchmarkSearchSplitTail times the slowest 5% of the queries of
// BenchmarkSearchSplit (at least 4; chosen by a timed pass before the
// timer starts), one op a query: the queries that make the bench's p95,
// alone, so that a CPU profile (-cpuprofile) shows where their time goes.
func BenchmarkSearchSplitTail(b *testing.B) {
	e, qs := warmSplit(b)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cost := make([]time.Duration, len(qs))
	for k, q := range qs {
		c0 := threadcpu.Now()
		for range 20 {
			r, err := e.Search(q, search.Options{Limit: 10})
			if err != nil {
				b.Fatal(err)
			}
			engine.JSON(r)
		}
		cost[k] = threadcpu.Now() - c0
	}
	order := make([]int, len(qs))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, c int) int { return int(cost[c] - cost[a]) })
	tail := make([]string, 0, 4)
	for _, k := range order[:max(4, (len(qs)+19)/20)] {
		tail = append(tail, qs[k])
	}
	b.Logf("the tail: %q", tail)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := threadcpu.Now()
	for i := 0; i < b.N; i++ {
		r, err := e.Search(tail[i%len(tail)], search.Options{Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		engine.JSON(r)
	}
	b.ReportMetric(float64((threadcpu.Now()-c0).Microseconds())/float64(b.N), "cpu-µs/op")
}
