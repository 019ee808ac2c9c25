package search

import "testing"

// TestDeletions: the hash deletions computes for each deletion from the
// hashes of prefixes is the hash of the string with those bytes deleted,
// in the order of the deletions.
func TestDeletions(t *testing.T) {
	for _, s := range []string{"montagne", "ab", "abc", "configuration"} {
		var got []uint64
		deletions(s, 2, func(h uint64) bool { got = append(got, h); return false })
		var want []uint64
		one := func(x string) uint64 {
			var h uint64
			deletions(x, 0, func(v uint64) bool { h = v; return true })
			return h
		}
		want = append(want, one(s))
		for i := 1; i < len(s); i++ {
			want = append(want, one(s[:i]+s[i+1:]))
			for j := i + 1; j < len(s); j++ {
				want = append(want, one(s[:i]+s[i+1:j]+s[j+1:]))
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d hashes, want %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%s: hash %d differs", s, i)
			}
		}
	}
}
