//go:build js && wasm

package bridge

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
)

func TestJSError(t *testing.T) {
	ctor, err := safejs.Global().Get("Error")
	if err != nil {
		t.Fatal(err)
	}
	v := jsError(ctor, "search: bad limit")
	ok, err := v.InstanceOf(ctor)
	if err != nil || !ok {
		t.Fatalf("jsError did not make an Error: %v %v", ok, err)
	}
	if msg := mustString(t, v, "message"); msg != "search: bad limit" {
		t.Errorf("message = %q", msg)
	}
	// A constructor that is not one still gives something with the message.
	notCtor, _ := safejs.ValueOf("not a constructor")
	v = jsError(notCtor, "boom")
	if msg := mustString(t, v, "error"); msg != "boom" {
		t.Errorf("fallback error = %q", msg)
	}
}

type stringer struct{}

func (stringer) String() string { return "a stringer" }

func TestPanicError(t *testing.T) {
	var rt error
	func() {
		defer func() { rt = recover().(error) }()
		var m map[string]int
		//lint:ignore SA5000 the point is a real runtime.Error panic
		m["x"] = 1
	}()
	tests := []struct {
		v    any
		want string
	}{
		{"plain", "plain"},
		{errors.New("an error"), "an error"},
		{rt, "assignment to entry in nil map"},
		{stringer{}, "a stringer"},
		{42, "unknown panic"},
	}
	for _, tt := range tests {
		got := panicError(tt.v, "").Error()
		if !strings.HasPrefix(got, "internal error") || !strings.HasSuffix(got, tt.want) {
			t.Errorf("panicError(%v) = %q, want suffix %q", tt.v, got, tt.want)
		}
	}
	if got := panicError("plain", " in f (f.go:3)").Error(); !strings.HasSuffix(got, ": plain in f (f.go:3)") {
		t.Errorf("with a site: %q", got)
	}
}

// at is small enough to be inlined into its callers.
func at(xs []string, i int) string {
	return xs[i] // panics: at
}

// recovered calls f and returns panicSite() as a function deferred by a
// bridge method sees it.
func recovered(f func()) (site string) {
	defer func() {
		if recover() != nil {
			site = panicSite()
		}
	}()
	f()
	return "no panic"
}

func TestPanicSite(t *testing.T) {
	var m map[string]int
	tests := []struct {
		name string
		f    func()
		want string
	}{
		// Inlined or not, the function that panicked, with its line
		// (this test binary keeps its line and inlining tables).
		{"an inlined index out of range", func() { _ = at(nil, 3) }, " in github.com/corpus-explorer/explorer/wasm/bridge.at (errors_test.go:" + lineOf(t, "// panics: at") + ")"},
		{"panic() itself", func() { panic("boom") /* panics: func2 */ }, " in github.com/corpus-explorer/explorer/wasm/bridge.TestPanicSite.func2 (errors_test.go:" + lineOf(t, "/* panics: func2 */") + ")"},
		{"a nil map, raised below the runtime's map code", func() { m["x"] = 1 /* panics: func3 */ }, " in github.com/corpus-explorer/explorer/wasm/bridge.TestPanicSite.func3 (errors_test.go:" + lineOf(t, "/* panics: func3 */") + ")"},
	}
	for _, tt := range tests {
		if got := recovered(tt.f); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func mustString(t *testing.T, v safejs.Value, key string) string {
	t.Helper()
	p, err := v.Get(key)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.String()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// lineOf returns the number of the first line of errors_test.go that
// holds marker.
func lineOf(t *testing.T, marker string) string {
	t.Helper()
	src, err := os.ReadFile("errors_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(src), "\n") {
		if strings.Contains(line, marker) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("no line holds %q", marker)
	return ""
}
