package jsonw

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"
)

func TestWriter(t *testing.T) {
	var w Writer
	w.Open()
	w.Key("s")
	w.String("a\"b\\c\n\t<script>&\u2028é😀\xff\x01")
	w.Key("n")
	w.Int(-3)
	w.Key("f")
	w.Float(0.5)
	w.Key("nan")
	w.Float(math.NaN())
	w.Key("b")
	w.Bool(true)
	w.Key("z")
	w.Null()
	w.Key("a")
	w.OpenArray()
	w.Int(1)
	w.Open()
	w.Key("x")
	w.Strings(nil)
	w.Close()
	w.Raw([]byte(`{"r":1}`))
	w.CloseArray()
	w.Close()
	var got map[string]any
	if err := json.Unmarshal(w.Bytes(), &got); err != nil {
		t.Fatalf("invalid JSON %s: %v", w.Bytes(), err)
	}
	if got["s"] != "a\"b\\c\n\t<script>&\u2028é😀\ufffd\x01" {
		t.Errorf("string round trip: got %q", got["s"])
	}
	if got["n"] != -3.0 || got["f"] != 0.5 || got["nan"] != 0.0 || got["b"] != true || got["z"] != nil {
		t.Errorf("scalars: got %v", got)
	}
	a := got["a"].([]any)
	if len(a) != 3 || a[0] != 1.0 {
		t.Errorf("array: got %v", a)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028"} {
		for i := 0; i+len(bad) <= len(w.Bytes()); i++ {
			if string(w.Bytes()[i:i+len(bad)]) == bad {
				t.Errorf("output holds %q unescaped: %s", bad, w.Bytes())
				break
			}
		}
	}
}

func ExampleWriter() {
	var w Writer
	w.Open()
	w.Key("id")
	w.String("a/b")
	w.Key("hits")
	w.OpenArray()
	w.Int(1)
	w.Int(2)
	w.CloseArray()
	w.Close()
	fmt.Println(w.Text())
	// Output: {"id":"a/b","hits":[1,2]}
}

func TestGrow(t *testing.T) {
	var w Writer
	w.OpenArray()
	w.Int(1)
	w.Grow(1000)
	if cap(w.Bytes())-len(w.Bytes()) < 1000 {
		t.Fatalf("Grow(1000): room for %d bytes", cap(w.Bytes())-len(w.Bytes()))
	}
	before := &w.Bytes()[:1][0]
	w.Int(2)
	w.Grow(10) // room enough: the same buffer
	w.CloseArray()
	if got := string(w.Bytes()); got != "[1,2]" {
		t.Errorf("after Grow: %s, want [1,2]", got)
	}
	if &w.Bytes()[0] != before {
		t.Error("Grow with room enough moved the buffer")
	}
}
