//go:build js && wasm

package main

import (
	"testing"

	"github.com/corpus-explorer/explorer/corpus/index"
)

func TestHeldBytes(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"explorer"}, index.HeldBytes},
		{[]string{"explorer", "name"}, index.HeldBytes},
		{[]string{"explorer", "name", "1"}, 1},
		{[]string{"explorer", "name", "65536"}, 65536},
		{[]string{"explorer", "name", "4294967296"}, 1 << 32},
		{[]string{"explorer", "name", ""}, index.HeldBytes},
		{[]string{"explorer", "name", "0"}, index.HeldBytes},
		{[]string{"explorer", "name", "-5"}, index.HeldBytes},
		{[]string{"explorer", "name", "1e6"}, index.HeldBytes},
	}
	for _, tt := range tests {
		if got := heldBytes(tt.args); got != tt.want {
			t.Errorf("heldBytes(%q) = %d, want %d", tt.args, got, tt.want)
		}
	}
}
