//go:build js && wasm

package bridge

import (
	"strings"
	"testing"
)

// The analyses answer through the bridge, and their options are checked
// there with the messages of the engine.
func TestExplore(t *testing.T) {
	_, api := newAPI(t)
	tests := []struct {
		method string
		args   []any
		want   string // in the JSON answer
		err    string // in the error; "" for none
	}{
		{"kwic", []any{"le", map[string]any{"limit": 2, "sort": "right"}}, `"lines":[{`, ""},
		{"kwic", []any{"le", map[string]any{"context": 31}}, "", "options.context out of range: 31"},
		{"kwic", []any{42}, "", "query must be a string"},
		{"trend", []any{"numérique, France", map[string]any{"match": "forms"}}, `"terms":["numérique","France"]`, ""},
		{"collocates", []any{"chinois", map[string]any{"window": 3}}, `"measure":"log-likelihood"`, ""},
		{"collocates", []any{"chinois", map[string]any{"window": 11}}, "", "options.window out of range"},
		{"keyness", []any{map[string]any{"query": "numérique"}}, `"keys":[`, ""},
		{"keyness", []any{}, "", "keyness of what"},
		{"phrases", []any{map[string]any{"n": 2}}, `"n":2`, ""},
		{"network", []any{}, `"nodes":[`, ""},
		{"timeline", []any{}, `"periods":[`, ""},
		{"figures", nil, `"types":`, ""},
	}
	for _, tt := range tests {
		json, msg := call(t, api, tt.method, tt.args...)
		switch {
		case tt.err == "" && msg != "":
			t.Errorf("%s%v: %s", tt.method, tt.args, msg)
		case tt.err != "" && !strings.Contains(msg, tt.err):
			t.Errorf("%s%v: error %q, want %q", tt.method, tt.args, msg, tt.err)
		case tt.err == "" && !strings.Contains(json, tt.want):
			t.Errorf("%s%v = %.200s, want %q in it", tt.method, tt.args, json, tt.want)
		}
	}
}
