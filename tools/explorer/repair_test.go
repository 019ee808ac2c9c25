package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/decode"
)

func TestRepairStream(t *testing.T) {
	tests := []struct {
		name, in, out, errOut string
	}{
		{"mojibake", "Le gĂ©ant a dĂ©jĂ un plan.\n", "Le géant a déjà un plan.\n", "repair: 3 segments repaired (utf-8)\n"},
		{"clean", "déjà\n", "déjà\n", "repair: 0 segments repaired (utf-8)\n"},
		{"latin-1", "caf\xe9\n", "café\n", "repair: 0 segments repaired (windows-1252)\nrepair: warning: not valid UTF-8: decoded as windows-1252 (guessed)\n"},
		{"empty", "", "", "repair: 0 segments repaired (utf-8)\nrepair: warning: empty file\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := repairStream(strings.NewReader(tt.in), &out, &errOut, false); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.out || errOut.String() != tt.errOut {
				t.Errorf("repair %q: stdout %q stderr %q; want %q, %q", tt.in, out.String(), errOut.String(), tt.out, tt.errOut)
			}
		})
	}
}

func TestRepairStreamBinary(t *testing.T) {
	var out, errOut bytes.Buffer
	err := repairStream(strings.NewReader("a\x00b"), &out, &errOut, false)
	if !errors.Is(err, decode.ErrBinary) || !strings.Contains(err.Error(), "standard input") {
		t.Errorf("err = %v, want ErrBinary about standard input", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q on binary input", out.String())
	}
}

// TestRepairSeed repairs the damaged seed document through the command.
func TestRepairSeed(t *testing.T) {
	f, err := os.Open("../../corpus/003_b2b9600c9bae120f.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out, errOut bytes.Buffer
	if err := repairStream(f, &out, &errOut, true); err != nil {
		t.Fatal(err)
	}
	if errOut.Len() != 0 {
		t.Errorf("-q wrote %q", errOut.String())
	}
	if s := out.String(); strings.Contains(s, "Ă") || !strings.Contains(s, "à Hangzhou") {
		t.Errorf("not repaired: %.200q", s)
	}
}
