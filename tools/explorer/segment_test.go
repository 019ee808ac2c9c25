package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestSegmentCommand(t *testing.T) {
	tests := []struct {
		name, args, in, want, stderr string
	}{
		{"French", "", "M. Ma est venu.\nIl a vu J.-M. Dupont. « Bien\u00a0! » Fin", "M. Ma est venu.\nIl a vu J.-M. Dupont.\n« Bien\u00a0! »\nFin\n", ""},
		{"line breaks inside a sentence become spaces", "", "Une phrase coupée\nau milieu.\r\n\r\nTitre\n\nTexte.", "Une phrase coupée au milieu.\nTitre\nTexte.\n", ""},
		{"English", "-lang en", "I live in the U.S. How about you?", "I live in the U.S.\nHow about you?\n", ""},
		{"byte order mark", "", "\uFEFFUn. Deux.", "Un.\nDeux.\n", ""},
		{"invalid UTF-8", "", "Un \xff. Deux.", "Un \uFFFD.\nDeux.\n", "1 invalid UTF-8"},
		{"empty", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := segmentText(strings.Fields(tt.args), strings.NewReader(tt.in), &out, &errOut); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("output %q, want %q", out.String(), tt.want)
			}
			if !strings.Contains(errOut.String(), tt.stderr) || tt.stderr == "" && errOut.Len() > 0 {
				t.Errorf("stderr %q, want %q", errOut.String(), tt.stderr)
			}
		})
	}
}

func TestSegmentCommandUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	err := segmentText([]string{"file.txt"}, strings.NewReader(""), &out, &errOut)
	if !errors.Is(err, errUsage) {
		t.Errorf("segment file.txt: error %v, want a usage error", err)
	}
}
