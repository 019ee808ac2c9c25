package index

import (
	"encoding/binary"
	"math/rand"
	"testing"
)

// TestSkipVarints checks skipVarints against reading the numbers one by
// one, from every start, for every count, on runs of short and long
// numbers and on data cut short.
func TestSkipVarints(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 200; trial++ {
		var b []byte
		for k := rng.Intn(60); k > 0; k-- {
			v := uint64(rng.Intn(100))
			if rng.Intn(3) == 0 {
				v = uint64(rng.Int63n(1 << uint(7+rng.Intn(40))))
			}
			b = binary.AppendUvarint(b, v)
		}
		if rng.Intn(4) == 0 && len(b) > 0 && b[len(b)-1] < 0x80 {
			b[len(b)-1] |= 0x80 // a last number cut short
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			for n := 0; n <= 70; n++ {
				want, wantOK := i, true
				for k := 0; k < n; k++ {
					for want < len(s) && s[want] >= 0x80 {
						want++
					}
					if want >= len(s) {
						wantOK = false
						break
					}
					want++
				}
				got, ok := skipVarints(s, i, n)
				if ok != wantOK || ok && got != want {
					t.Fatalf("skipVarints(% x, %d, %d) = %d, %v; want %d, %v", b, i, n, got, ok, want, wantOK)
				}
			}
		}
	}
}
