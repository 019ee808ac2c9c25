//go:build js && wasm

package bridge

import "github.com/hack-pad/safejs"

// funcSet holds the Go functions exported to JavaScript, so that every one
// of them can be released and counted.
type funcSet struct {
	live []safejs.Func
}

// add exports fn and keeps it.
func (s *funcSet) add(fn func(safejs.Value, []safejs.Value) any) (safejs.Func, error) {
	f, err := safejs.FuncOf(fn)
	if err != nil {
		return f, err
	}
	s.live = append(s.live, f)
	return f, nil
}

// len returns how many functions are exported and not yet released.
func (s *funcSet) len() int { return len(s.live) }

// releaseAll releases every function; JavaScript must not call them after.
func (s *funcSet) releaseAll() {
	for _, f := range s.live {
		f.Release()
	}
	s.live = nil
}
