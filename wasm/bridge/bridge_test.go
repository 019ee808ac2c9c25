//go:build js && wasm

package bridge

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/hack-pad/safejs"
)

// newAPI returns a bridge over the index that `make index` embeds, and
// its API object registered on a fresh object.
func newAPI(t *testing.T) (*Bridge, safejs.Value) {
	t.Helper()
	blob, err := os.ReadFile("../index.bin")
	if err != nil {
		t.Skip("no index to test with (run make index): ", err)
	}
	e, err := engine.Open(blob)
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(e)
	if err != nil {
		t.Fatal(err)
	}
	target := jsObject(t)
	if err := b.Register(target, "api"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	api, err := target.Get("api")
	if err != nil {
		t.Fatal(err)
	}
	return b, api
}

func jsObject(t *testing.T) safejs.Value {
	t.Helper()
	ctor, err := safejs.Global().Get("Object")
	if err != nil {
		t.Fatal(err)
	}
	o, err := ctor.New()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// call calls method m of api and returns its JSON answer, or the message
// of the Error it returned.
func call(t *testing.T, api safejs.Value, m string, args ...any) (json, errMsg string) {
	t.Helper()
	r, err := api.Call(m, args...)
	if err != nil {
		t.Fatalf("%s threw: %v", m, err)
	}
	if r.Type() == safejs.TypeString {
		s, _ := r.String()
		return s, ""
	}
	msg, err := r.Get("message")
	if err != nil || msg.Type() != safejs.TypeString {
		t.Fatalf("%s returned neither a string nor an Error: %v", m, r.Type())
	}
	s, _ := msg.String()
	return "", s
}

func firstID(t *testing.T, b *Bridge) string {
	docs := b.e.Documents().Docs
	if len(docs) == 0 {
		t.Skip("empty index")
	}
	return docs[0].ID
}

func TestAPIAnswers(t *testing.T) {
	b, api := newAPI(t)
	id := firstID(t, b)
	tests := []struct {
		method string
		args   []any
		prefix string // the JSON answer starts with this
	}{
		{"search", []any{"le"}, `{"query":"le","total":`},
		{"search", []any{"le", map[string]any{"limit": 2, "offset": 0, "sort": "date", "explain": true, "filters": map[string]any{"author": "", "dateFrom": "2000", "dateTo": "2030-12-31"}}}, `{"query":"le",`},
		{"search", []any{"le", nil}, `{"query":"le",`},
		{"search", []any{"", safejs.Undefined()}, `{"query":"",`},
		{"summarize", []any{id}, `{"id":"` + id + `","sentences":[`},
		{"summarize", []any{id, map[string]any{"sentences": 1}}, `{"id":"` + id + `",`},
		{"summarize", []any{id, map[string]any{"words": 50}}, `{"id":"` + id + `",`},
		{"summarizeQuery", []any{"le", map[string]any{"sentences": 2}}, `{"query":"le","sentences":[`},
		{"document", []any{id}, `{"id":"` + id + `","path":`},
		{"documents", nil, `[{"id":`},
		{"related", []any{id}, `[`},
		{"related", []any{id, map[string]any{"limit": 0}}, `[]`},
		{"overview", nil, `{`},
		{"suggest", []any{"le"}, `[`},
		{"suggest", []any{"le", map[string]any{"limit": 3}}, `[`},
		{"stats", nil, `{"documents":`},
		{"stats", []any{map[string]any{"gc": true}}, `{"documents":`},
	}
	for _, tt := range tests {
		json, msg := call(t, api, tt.method, tt.args...)
		if msg != "" || !strings.HasPrefix(json, tt.prefix) {
			t.Errorf("%s%v = %.80q, error %q; want prefix %q", tt.method, tt.args, json, msg, tt.prefix)
		}
	}
}

func TestAPIErrors(t *testing.T) {
	b, api := newAPI(t)
	id := firstID(t, b)
	fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any { return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer fn.Release()
	huge := strings.Repeat("x", 100000)
	tests := []struct {
		method string
		args   []any
		want   string // the Error's message
	}{
		{"search", nil, "search: query must be a string, got undefined"},
		{"search", []any{42}, "search: query must be a string, got number"},
		{"search", []any{nil}, "search: query must be a string, got null"},
		{"search", []any{[]any{"a"}}, "search: query must be a string, got array"},
		{"search", []any{fn}, "search: query must be a string, got function"},
		{"search", []any{huge}, "search: query too long: 100000 characters, the limit is 1000 characters"},
		{"search", []any{strings.Repeat("é", 1001)}, "search: query too long: 1001 characters, the limit is 1000 characters"},
		{"search", []any{"q", "limit"}, "search: options must be an object, got string"},
		{"search", []any{"q", []any{}}, "search: options must be an object, got array"},
		{"search", []any{"q", map[string]any{}, 3}, "search: takes at most 2 arguments, got 3"},
		{"search", []any{"q", map[string]any{"limt": 1}}, `search: unknown option "limt" in options; known: limit, offset, sort, filters, explain, asTyped, summary`},
		{"search", []any{"q", map[string]any{"limit": math.NaN()}}, "search: options.limit must be a finite number, got NaN"},
		{"search", []any{"q", map[string]any{"limit": math.Inf(1)}}, "search: options.limit must be a finite number, got Infinity"},
		{"search", []any{"q", map[string]any{"limit": -1}}, "search: options.limit out of range: -1, want 0 to 1000"},
		{"search", []any{"q", map[string]any{"limit": 1e300}}, "search: options.limit out of range: 1e+300, want 0 to 1000"},
		{"search", []any{"q", map[string]any{"limit": 2.5}}, "search: options.limit must be an integer, got 2.5"},
		{"search", []any{"q", map[string]any{"limit": "10"}}, "search: options.limit must be a number, got string"},
		{"search", []any{"q", map[string]any{"offset": -5}}, "search: options.offset out of range: -5, want 0 to 1000000"},
		{"search", []any{"q", map[string]any{"sort": "size"}}, `search: unknown sort "size": want "relevance" or "date"`},
		{"search", []any{"q", map[string]any{"explain": 1}}, "search: options.explain must be a boolean, got number"},
		{"search", []any{"q", map[string]any{"filters": "x"}}, "search: options.filters must be an object, got string"},
		{"search", []any{"q", map[string]any{"filters": map[string]any{"date": "2020"}}}, `search: unknown option "date" in options.filters; known: author, dateFrom, dateTo, section, tag`},
		{"search", []any{"q", map[string]any{"filters": map[string]any{"dateFrom": "2020-1"}}}, `search: dateFrom is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "2020-1"`},
		{"search", []any{"q", map[string]any{"filters": map[string]any{"dateTo": 2020}}}, "search: options.filters.dateTo must be a string, got number"},
		{"summarize", []any{"no/such/doc"}, `summarize: document "no/such/doc": no such document`},
		{"summarize", []any{id, map[string]any{"sentences": 1000}}, "summarize: options.sentences out of range: 1000, want 0 to 100"},
		{"summarize", []any{id, map[string]any{"words": -1}}, "summarize: options.words out of range: -1, want 0 to 10000"},
		{"summarizeQuery", []any{huge}, "summarizeQuery: query too long: 100000 characters, the limit is 1000 characters"},
		{"document", []any{"nope"}, `document: document "nope": no such document`},
		{"document", []any{huge}, "document: id too long: 100000 characters, the limit is 1000 characters"},
		{"document", nil, "document: id must be a string, got undefined"},
		{"documents", []any{1}, "documents: options must be an object, got number"},
		{"documents", []any{map[string]any{}, 1}, "documents: takes at most 1 argument, got 2"},
		{"related", []any{"nope"}, `related: document "nope": no such document`},
		{"related", []any{id, map[string]any{"limit": 1e9}}, "related: options.limit out of range: 1000000000, want 0 to 1000"},
		{"suggest", []any{huge}, "suggest: prefix too long: 100000 characters, the limit is 1000 characters"},
		{"suggest", []any{"a", map[string]any{"limit": -1}}, "suggest: options.limit out of range: -1, want 0 to 1000"},
		{"stats", []any{map[string]any{"gc": "yes"}}, "stats: options.gc must be a boolean, got string"},
	}
	for _, tt := range tests {
		json, msg := call(t, api, tt.method, tt.args...)
		if msg != tt.want {
			t.Errorf("%s: error %q (answer %.60q), want %q", tt.method, msg, json, tt.want)
		}
		// The module keeps answering.
		if _, msg := call(t, api, "documents"); msg != "" {
			t.Fatalf("after %s: documents failed: %s", tt.method, msg)
		}
	}
	if b.failures != len(tests) {
		t.Errorf("failures counted %d, want %d", b.failures, len(tests))
	}
}

func TestAPIHostileOptions(t *testing.T) {
	_, api := newAPI(t)
	// A getter that throws, and an object with too many properties.
	throwing, err := safejs.Global().Call("eval", `({get limit() { throw new Error("gotcha") }})`)
	if err != nil {
		t.Skip("no eval here: ", err)
	}
	_, msg := call(t, api, "search", "q", throwing)
	if !strings.HasPrefix(msg, "search: options.limit could not be read: ") || !strings.Contains(msg, "gotcha") {
		t.Errorf("throwing getter: %q", msg)
	}
	proxy, err := safejs.Global().Call("eval", `new Proxy({}, {ownKeys() { throw new Error("no keys") }})`)
	if err != nil {
		t.Fatal(err)
	}
	_, msg = call(t, api, "search", "q", proxy)
	if !strings.HasPrefix(msg, "search: options could not be read: ") || !strings.Contains(msg, "no keys") {
		t.Errorf("throwing proxy: %q", msg)
	}
	many := map[string]any{}
	for i := 0; i < 40; i++ {
		many[strings.Repeat("k", i+1)] = i
	}
	if _, msg := call(t, api, "search", "q", many); !strings.HasPrefix(msg, "search: options has 40 properties") {
		t.Errorf("many properties: %q", msg)
	}
}

func TestPanicsAreErrors(t *testing.T) {
	b, api := newAPI(t)
	f, err := b.funcs.add(b.wrap("boom", 0, func([]safejs.Value) (engine.JSONer, error) {
		var docs []string
		_ = docs[len(docs)] // index out of range
		return nil, nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	if err := api.Set("boom", f); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		_, msg := call(t, api, "boom")
		if !strings.HasPrefix(msg, "boom: internal error") || !strings.Contains(msg, "index out of range") || !strings.Contains(msg, "in github.com/corpus-explorer/explorer/wasm/bridge.TestPanicsAreErrors.func1 (bridge_test.go:") {
			t.Fatalf("panic reported as %q", msg)
		}
		if _, msg := call(t, api, "documents"); msg != "" {
			t.Fatalf("after a panic: %s", msg)
		}
	}
	if b.panics != 3 {
		t.Errorf("panics = %d, want 3", b.panics)
	}
}

func TestClose(t *testing.T) {
	b, api := newAPI(t)
	if n := b.funcs.len(); n != len(b.methods()) {
		t.Errorf("%d functions exported, want %d", n, len(b.methods()))
	}
	json, msg := call(t, api, "stats")
	if msg != "" || !strings.Contains(json, `"funcs":`+strconv.Itoa(len(b.methods()))+`,`) {
		t.Errorf("stats = %s %s", json, msg)
	}
	if json, msg := call(t, api, "close"); json != "null" || msg != "" {
		t.Errorf("close = %q %q", json, msg)
	}
	select {
	case <-b.Done():
	default:
		t.Error("Done not closed after close()")
	}
	if n := b.funcs.len(); n != 0 {
		t.Errorf("%d functions still exported after close", n)
	}
	b.Close() // again: nothing happens
	// A released function no longer answers (syscall/js logs "call to
	// released function" and returns undefined); explorer.js never calls
	// it after close.
	if r, err := api.Call("documents"); err == nil && !r.IsUndefined() {
		t.Error("a released function still answers")
	}
}

func TestFail(t *testing.T) {
	o := jsObject(t)
	Fail(o, "x", "explorer: broken index")
	v, err := o.Get("x")
	if err != nil {
		t.Fatal(err)
	}
	if msg := mustString(t, v, "message"); msg != "explorer: broken index" {
		t.Errorf("Fail set %q", msg)
	}
}

// TestAnswerBuffer: answers share one buffer from call to call; each is
// whole and its own, whatever the size of the one before (a big answer's
// buffer is dropped after it), and a failed call leaves nothing behind.
func TestAnswerBuffer(t *testing.T) {
	b, api := newAPI(t)
	want := func(v engine.JSONer, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return string(engine.JSON(v))
	}
	docs := want(b.e.Documents(), nil)
	small := want(b.e.DocumentsPage(0, 1))
	big := strings.Repeat("é", engine.MaxQueryLen) // a failing call with a long message
	for i, c := range []struct {
		method string
		args   []any
		want   string
	}{
		{"documents", nil, docs},
		{"documents", []any{map[string]any{"offset": 0, "limit": 1}}, small},
		{"search", []any{big + big}, ""},
		{"documents", nil, docs},
		{"documents", []any{map[string]any{"offset": 0, "limit": 1}}, small},
	} {
		got, msg := call(t, api, c.method, c.args...)
		if c.want == "" {
			if msg == "" {
				t.Errorf("call %d, %s: no error", i, c.method)
			}
			continue
		}
		if got != c.want {
			t.Errorf("call %d, %s: got %d bytes %.60q, want %d bytes %.60q (error %q)", i, c.method, len(got), got, len(c.want), c.want, msg)
		}
	}
	// A big answer's buffer is not kept for the next call.
	b.answer(bigAnswer(keepAnswerBuf + 1))
	if c := cap(b.out.Bytes()); c > keepAnswerBuf {
		t.Errorf("after an answer of %d bytes the bridge keeps a buffer of %d, want at most %d", keepAnswerBuf+1, c, keepAnswerBuf)
	}
}

// bigAnswer is a JSON string of n bytes.
type bigAnswer int

func (n bigAnswer) AppendJSON(w *jsonw.Writer) { w.String(strings.Repeat("x", int(n)-2)) }
