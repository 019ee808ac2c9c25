package search

import (
	"math/rand"
	"testing"
)

// TestPassage checks passage's sliding window against counting each
// window afresh, on sorted occurrences of up to 40 words (those from 32
// on count as occurrences, not as words), with and without boilerplate.
func TestPassage(t *testing.T) {
	slow := func(to []occ, boiler []uint32) int {
		bi, bs := 0, -1
		for i := range to {
			seen, n := uint64(0), 0
			for j := i; j < len(to) && to[j].pos-to[i].pos <= snippetWords; j++ {
				if to[j].term < 32 {
					seen |= 1 << to[j].term
				}
				n++
			}
			distinct := 0
			for m := seen; m != 0; m &= m - 1 {
				distinct++
			}
			s := distinct*1000 + n
			if inSpans(boiler, uint32(to[i].pos)) {
				s -= 500
			}
			if s > bs {
				bi, bs = i, s
			}
		}
		return int(to[bi].pos)
	}
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 3000; n++ {
		var to []occ
		p := int32(0)
		for k := 1 + rng.Intn(60); k > 0; k-- {
			p += int32(rng.Intn(12))
			to = append(to, occ{pos: p, term: uint8(rng.Intn(1 + rng.Intn(40)))})
		}
		var boiler []uint32
		for b := uint32(rng.Intn(50)); b < uint32(p) && rng.Intn(3) > 0; b += uint32(10 + rng.Intn(100)) {
			e := b + uint32(1+rng.Intn(40))
			boiler = append(boiler, b, e)
			b = e
		}
		if got, want := passage(to, boiler), slow(to, boiler); got != want {
			t.Fatalf("passage(%v, %v) = %d, want %d", to, boiler, got, want)
		}
	}
}
