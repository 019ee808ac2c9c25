//go:build js && wasm

package bridge

import (
	"math"
	"testing"

	"github.com/hack-pad/safejs"
)

// testBridge returns a bridge without an engine, for reading arguments.
func testBridge(t *testing.T) *Bridge {
	t.Helper()
	b, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jsValue returns x as a JavaScript value.
func jsValue(t *testing.T, x any) safejs.Value {
	t.Helper()
	if v, ok := x.(safejs.Value); ok {
		return v
	}
	v, err := safejs.ValueOf(x)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestReadInt(t *testing.T) {
	b := testBridge(t)
	tests := []struct {
		v       any
		want    int
		wantErr string
	}{
		{0, 0, ""},
		{7, 7, ""},
		{10.0, 10, ""},
		{-1, 0, "n out of range: -1, want 0 to 10"},
		{11, 0, "n out of range: 11, want 0 to 10"},
		{math.NaN(), 0, "n must be a finite number, got NaN"},
		{math.Inf(-1), 0, "n must be a finite number, got -Infinity"},
		{0.5, 0, "n must be an integer, got 0.5"},
		{1e20, 0, "n out of range: 100000000000000000000, want 0 to 10"},
		{"3", 0, "n must be a number, got string"},
		{true, 0, "n must be a number, got boolean"},
		{[]any{1}, 0, "n must be a number, got array"},
	}
	for _, tt := range tests {
		v := jsValue(t, tt.v)
		got, err := b.readInt(v, "n", 0, 10)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tt.want || msg != tt.wantErr {
			t.Errorf("readInt(%v) = %d, %q; want %d, %q", tt.v, got, msg, tt.want, tt.wantErr)
		}
	}
}

func TestJSNumber(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {-1, "-1"}, {2.5, "2.5"},
		{1e9, "1000000000"}, {9007199254740991, "9007199254740991"}, {1234567.5, "1234567.5"},
		{1e21, "1e+21"}, {1e300, "1e+300"}, {1.5e-7, "1.5e-7"}, {0.000001, "0.000001"},
		{math.NaN(), "NaN"}, {math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"},
	}
	for _, tt := range tests {
		if got := jsNumber(tt.f); got != tt.want {
			t.Errorf("jsNumber(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestReadString(t *testing.T) {
	b := testBridge(t)
	tests := []struct {
		v       any
		want    string
		wantErr string
	}{
		{"", "", ""},
		{"abc", "abc", ""},
		{"été", "été", ""},
		{"abcdef", "", "s too long: 6 characters, the limit is 5 characters"},
		{"ééééé", "ééééé", ""}, // 10 bytes, 5 characters
		{"éééééé", "", "s too long: 6 characters, the limit is 5 characters"},
		{"\U0001F600\U0001F600\U0001F600", "", "s too long: 6 characters, the limit is 5 characters"}, // UTF-16 code units
		{"\U0001F600", "\U0001F600", ""},
		{nil, "", "s must be a string, got null"},
		{1.5, "", "s must be a string, got number"},
		{map[string]any{}, "", "s must be a string, got object"},
	}
	for _, tt := range tests {
		v := jsValue(t, tt.v)
		got, err := b.readString(v, "s", 5)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tt.want || msg != tt.wantErr {
			t.Errorf("readString(%v) = %q, %q; want %q, %q", tt.v, got, msg, tt.want, tt.wantErr)
		}
	}
}

func TestReadObject(t *testing.T) {
	b := testBridge(t)
	tests := []struct {
		v       any
		ok      bool
		wantErr string
	}{
		{nil, false, ""},
		{safejs.Undefined(), false, ""},
		{map[string]any{}, true, ""},
		{map[string]any{"a": 1, "b": nil}, true, ""},
		{map[string]any{"c": 1}, false, `unknown option "c" in o; known: a, b`},
		{"a", false, "o must be an object, got string"},
		{[]any{}, false, "o must be an object, got array"},
	}
	for _, tt := range tests {
		v := jsValue(t, tt.v)
		o, ok, err := b.readObject(v, "o", "a", "b")
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if ok != tt.ok || msg != tt.wantErr {
			t.Errorf("readObject(%v) = %v, %q; want %v, %q", tt.v, ok, msg, tt.ok, tt.wantErr)
		}
		// Reading an unset or absent property gives the default.
		if n, err := o.int("b", 0, 5, 3); err != nil || n != 3 {
			t.Errorf("int of unset b = %d, %v; want 3", n, err)
		}
	}
}

func TestName(t *testing.T) {
	for _, tt := range []struct{ path, key, want string }{
		{"query", "", "query"},
		{"options", "limit", "options.limit"},
		{"options.filters", "author", "options.filters.author"},
		{"options", " property name", "options property name"},
	} {
		if got := name(tt.path, tt.key); got != tt.want {
			t.Errorf("name(%q, %q) = %q, want %q", tt.path, tt.key, got, tt.want)
		}
	}
}
