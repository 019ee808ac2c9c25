package index

import (
	"slices"
	"strconv"
	"testing"
)

// TestWordSet: every word of a set is in it, after a round trip through
// the lexicon's encoding too, and other words are taken for its words
// about once in 2^wordSetBits.
func TestWordSet(t *testing.T) {
	for _, n := range []int{0, 1, 2, 63, 64, 65, 1000, 20000} {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = "mot" + strconv.Itoa(i)
		}
		s := newWordSet(ws)
		if s.n != n {
			t.Fatalf("%d words: the set says %d", n, s.n)
		}
		got, msg := decodeWordSet(n, s.data)
		if msg != "" {
			t.Fatalf("%d words: decoding its own code: %s", n, msg)
		}
		if !slices.Equal(got.vs, s.vs) {
			t.Fatalf("%d words: decoded values differ from the encoded ones", n)
		}
		for _, w := range ws {
			if !s.Has(w) || !got.Has(w) {
				t.Fatalf("%d words: %q is not found", n, w)
			}
		}
		if n == 0 {
			if s.Has("mot0") || len(s.data) != 0 {
				t.Fatalf("the empty set has a word or bytes (%d)", len(s.data))
			}
			continue
		}
		false_ := 0
		const probes = 100000
		for i := range probes {
			if s.Has("autre" + strconv.Itoa(i)) {
				false_++
			}
		}
		// 2^-10 of 100,000 is 98: allow three times as many.
		if false_ > 3*probes>>wordSetBits {
			t.Errorf("%d words: %d false positives in %d", n, false_, probes)
		}
		if bits := float64(len(s.data)*8) / float64(n); n >= 1000 && bits > wordSetBits+2 {
			t.Errorf("%d words: %.1f bits a word, want at most %d", n, bits, wordSetBits+2)
		}
	}
}

// TestWordSetCorrupt: a code that does not hold the set it says is an
// error, never a panic nor a set.
func TestWordSetCorrupt(t *testing.T) {
	good := newWordSet([]string{"montagne", "confiture", "lapin", "poulet"})
	tests := []struct {
		name string
		n    int
		data string
	}{
		{"truncated", 4, good.data[:len(good.data)-2]},
		{"one word too many", 5, good.data},
		{"one word too few", 3, good.data},
		{"a byte more", 4, good.data + "\x00"},
		{"all ones", 4, "\xff\xff\xff\xff\xff\xff\xff"},
		{"bytes of nothing", 0, "\x00"},
		{"more words than bits", 100, "\x00"},
		{"beyond the range", 1, "\xff\xff\xf0\x00"},
	}
	for _, tt := range tests {
		if _, msg := decodeWordSet(tt.n, tt.data); msg == "" {
			t.Errorf("%s: decoded without error", tt.name)
		}
	}
}

// FuzzWordSet: any bytes decode to an error or to a set whose lookups do
// not panic, and a set made of any words holds them.
func FuzzWordSet(f *testing.F) {
	good := newWordSet([]string{"montagne", "confiture"})
	f.Add(2, good.data, "montagne")
	f.Add(1, "\xff", "x")
	f.Fuzz(func(t *testing.T, n int, data, w string) {
		if n < 0 || n > 1<<20 {
			return
		}
		if s, msg := decodeWordSet(n, data); msg == "" {
			s.Has(w)
		}
		s := newWordSet([]string{w, data, w + data})
		if !s.Has(w) || !s.Has(data) {
			t.Fatalf("a set of %q and %q lacks one", w, data)
		}
		if got, msg := decodeWordSet(s.n, s.data); msg != "" || !slices.Equal(got.vs, s.vs) {
			t.Fatalf("a set of %q and %q: decoded %v (%s), encoded %v", w, data, got.vs, msg, s.vs)
		}
	})
}

// BenchmarkDecodeWordSet: decoding the set of fr-manpages' size (10,652
// words), as opening an embedded index or adding a split one's lexicon
// does.
func BenchmarkDecodeWordSet(b *testing.B) {
	ws := make([]string, 10652)
	for i := range ws {
		ws[i] = "mot" + strconv.Itoa(i)
	}
	s := newWordSet(ws)
	b.SetBytes(int64(len(s.data)))
	for b.Loop() {
		if _, msg := decodeWordSet(s.n, s.data); msg != "" {
			b.Fatal(msg)
		}
	}
}
