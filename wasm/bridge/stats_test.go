//go:build js && wasm

package bridge

import (
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
)

func TestStatsJSON(t *testing.T) {
	b, _ := newAPI(t)
	s := b.stats(true)
	if s.Documents != len(b.e.Documents().Docs) || s.IndexBytes <= 0 {
		t.Errorf("stats = %+v", s.Stats)
	}
	if s.heapAlloc == 0 || s.numGC == 0 {
		t.Errorf("memory figures missing after a GC: alloc %d, gc %d", s.heapAlloc, s.numGC)
	}
	json := string(engine.JSON(s))
	for _, k := range []string{"documents", "words", "index_bytes", "heap_alloc", "heap_inuse", "heap_sys", "go_sys", "num_gc", "funcs", "calls", "errors", "panics"} {
		if !strings.Contains(json, `"`+k+`":`) {
			t.Errorf("stats JSON lacks %q: %s", k, json)
		}
	}
	if !strings.HasPrefix(json, "{") || !strings.HasSuffix(json, "}") {
		t.Errorf("stats JSON not an object: %s", json)
	}
}
