//go:build js && wasm

package bridge

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
)

// surface is the API as wasm/api.js declares it.
type surface struct {
	Methods map[string][]string
	Options map[string][]string
	Limits  map[string]int
	order   []string
}

// readSurface reads the JSON object between the markers of wasm/api.js.
func readSurface(t *testing.T) surface {
	t.Helper()
	b, err := os.ReadFile("../api.js")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	_, rest, ok := strings.Cut(src, "/* api.json */")
	body, _, ok2 := strings.Cut(rest, "/* end api.json */")
	if !ok || !ok2 {
		t.Fatal("wasm/api.js: no /* api.json */ … /* end api.json */ object")
	}
	var s surface
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatalf("wasm/api.js: the API object is not JSON: %v", err)
	}
	// The methods in the order written.
	var raw struct {
		Methods json.RawMessage
	}
	json.Unmarshal([]byte(body), &raw)
	dec := json.NewDecoder(strings.NewReader(string(raw.Methods)))
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		s.order = append(s.order, k.(string))
		var skip []string
		dec.Decode(&skip)
	}
	return s
}

// TestSurface holds the bridge to wasm/api.js: the same methods in the
// same order, as many arguments, the same options, the same limits.
func TestSurface(t *testing.T) {
	s := readSurface(t)
	b, api := newAPI(t)
	var names []string
	for _, m := range b.methods() {
		names = append(names, m.name)
		args, ok := s.Methods[m.name]
		if !ok {
			t.Errorf("the bridge has %s, wasm/api.js does not", m.name)
			continue
		}
		if m.maxArgs != len(args) {
			t.Errorf("%s takes %d arguments, wasm/api.js declares %d (%v)", m.name, m.maxArgs, len(args), args)
		}
	}
	if strings.Join(names, " ") != strings.Join(s.order, " ") {
		t.Errorf("the bridge's methods:\n\t%v\nwasm/api.js's:\n\t%v", names, s.order)
	}

	// Each options object rejects an unknown option, naming the known ones.
	for path, known := range s.Options {
		method, sub, _ := strings.Cut(path, ".")
		args := s.Methods[method]
		callArgs := make([]any, len(args))
		for i, a := range args {
			switch a {
			case "options":
				var o any = map[string]any{"zzz": 1}
				if sub != "" {
					o = map[string]any{sub: o}
				}
				callArgs[i] = o
			case "id":
				callArgs[i] = "no such id"
			default:
				callArgs[i] = "q"
			}
		}
		_, msg := call(t, api, method, callArgs...)
		want := "known: " + strings.Join(known, ", ")
		if !strings.HasSuffix(msg, want) {
			t.Errorf("%s: unknown option: %q, want one ending %q", path, msg, want)
		}
	}

	for name, v := range map[string]int{
		"text": engine.MaxQueryLen, "limit": engine.MaxLimit, "offset": engine.MaxOffset,
		"sentences": engine.MaxSentences, "words": engine.MaxWords,
	} {
		if s.Limits[name] != v {
			t.Errorf("limit %s: wasm/api.js says %d, the engine %d", name, s.Limits[name], v)
		}
	}
	if len(s.Limits) != 5 {
		t.Errorf("wasm/api.js declares %d limits, the engine has 5: %v", len(s.Limits), s.Limits)
	}
}
