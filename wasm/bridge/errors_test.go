//go:build js && wasm

package bridge

import (
	"errors"
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
		got := panicError(tt.v).Error()
		if !strings.HasPrefix(got, "internal error") || !strings.HasSuffix(got, tt.want) {
			t.Errorf("panicError(%v) = %q, want suffix %q", tt.v, got, tt.want)
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
