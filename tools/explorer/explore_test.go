package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestExplore(t *testing.T) {
	tests := []struct {
		args []string
		want string // in the output, or in the error
		err  bool
	}{
		{[]string{"kwic", "-q", "numérique", "-n", "2", "-sort", "left"}, `"lines":[{`, false},
		{[]string{"trend", "-q", "numérique, France"}, `"terms":["numérique","France"]`, false},
		{[]string{"collocates", "-q", "chinois", "-window", "4"}, `"window":4`, false},
		{[]string{"keyness", "-query", "numérique"}, `"keys":[`, false},
		{[]string{"phrases", "-words", "2"}, `"n":2`, false},
		{[]string{"network", "-scope", "document"}, `"scope":"document"`, false},
		{[]string{"timeline"}, `"periods":[`, false},
		{[]string{"figures"}, `"ttr":`, false},
		{[]string{"kwic"}, "explore kwic -q QUERY", true},
		{[]string{"collocates", "-q", "chinois", "-window", "12"}, "window out of range: 12", true},
		{[]string{"sizes"}, `unknown analysis "sizes"`, true},
		{nil, "explore KIND", true},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		args := tt.args
		if len(args) > 0 {
			args = append([]string{args[0], "-corpus", seedCorpus}, args[1:]...)
		}
		err := runExplore(args, &out, &errOut)
		switch {
		case tt.err && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.want)
		case !tt.err && err != nil:
			t.Errorf("%v: %v", tt.args, err)
		case !tt.err && !strings.Contains(out.String(), tt.want):
			t.Errorf("%v = %.200s, want %q", tt.args, out.String(), tt.want)
		}
	}
}
