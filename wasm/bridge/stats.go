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
	mem                     runtime.MemStats
	funcs                   int // exported functions not yet released
	calls, failures, panics int
}

func (b *Bridge) stats(gc bool) *stats {
	s := &stats{Stats: b.e.Stats(), funcs: b.funcs.len(), calls: b.calls, failures: b.failures, panics: b.panics}
	if gc {
		runtime.GC()
	}
	runtime.ReadMemStats(&s.mem)
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
		{"heap_alloc", s.mem.HeapAlloc},
		{"heap_inuse", s.mem.HeapInuse},
		{"heap_sys", s.mem.HeapSys},
		{"go_sys", s.mem.Sys},
		{"num_gc", uint64(s.mem.NumGC)},
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
