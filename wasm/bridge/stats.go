//go:build js && wasm

package bridge

import (
	"runtime"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
)

// stats are the figures stats() returns: the corpus's, the Go runtime's
// memory, and the bridge's own counters.
type stats struct {
	engine.Stats
	// The Go runtime's figures: HeapAlloc, HeapInuse, HeapSys, Sys and
	// NumGC of runtime.MemStats (copied, so that no MemStats is kept: its
	// type's equality function alone weighs 1.4 KB of code).
	heapAlloc, heapInuse, heapSys, sys, numGC uint64
	funcs                                     int // exported functions not yet released
	calls, failures, panics                   int
}

func (b *Bridge) stats(gc bool) *stats {
	s := &stats{Stats: b.e.Stats(), funcs: b.funcs.len(), calls: b.calls, failures: b.failures, panics: b.panics}
	if gc {
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.heapAlloc, s.heapInuse, s.heapSys, s.sys, s.numGC = m.HeapAlloc, m.HeapInuse, m.HeapSys, m.Sys, uint64(m.NumGC)
	return s
}

// AppendJSON writes the figures as one object; byte counts are bytes.
func (s *stats) AppendJSON(w *jsonw.Writer) {
	w.Open()
	s.Stats.AppendJSON(w)
	for _, f := range [...]struct {
		key string
		n   uint64
	}{
		{"heap_alloc", s.heapAlloc},
		{"heap_inuse", s.heapInuse},
		{"heap_sys", s.heapSys},
		{"go_sys", s.sys},
		{"num_gc", s.numGC},
		{"funcs", uint64(s.funcs)},
		{"calls", uint64(s.calls)},
		{"errors", uint64(s.failures)},
		{"panics", uint64(s.panics)},
	} {
		w.Key(f.key)
		w.Int(int(f.n))
	}
	w.Close()
}
