package index

import "testing"

func TestPackName(t *testing.T) {
	for _, c := range []struct {
		h    uint64
		want string
	}{
		{0, "0000000000000000.pack"},
		{0xabc, "0000000000000abc.pack"},
		{0x0123456789abcdef, "0123456789abcdef.pack"},
		{1<<64 - 1, "ffffffffffffffff.pack"},
	} {
		if got := packName(c.h); got != c.want {
			t.Errorf("packName(%#x) = %q, want %q", c.h, got, c.want)
		}
	}
}
