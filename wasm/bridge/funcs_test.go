//go:build js && wasm

package bridge

import (
	"testing"

	"github.com/hack-pad/safejs"
)

func TestFuncSet(t *testing.T) {
	var s funcSet
	for i := 0; i < 3; i++ {
		f, err := s.add(func(safejs.Value, []safejs.Value) any { return "ok" })
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.Value().Invoke()
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := r.String(); got != "ok" {
			t.Errorf("call = %q", got)
		}
	}
	if s.len() != 3 {
		t.Errorf("len = %d, want 3", s.len())
	}
	s.releaseAll()
	if s.len() != 0 {
		t.Errorf("len after releaseAll = %d, want 0", s.len())
	}
	s.releaseAll() // twice is harmless
}
