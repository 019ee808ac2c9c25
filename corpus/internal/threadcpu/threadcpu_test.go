package threadcpu

import (
	"runtime"
	"testing"
	"time"
)

func TestNow(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	c0 := Now()
	if runtime.GOOS != "linux" {
		if c0 != 0 {
			t.Errorf("Now() = %v outside Linux, want 0", c0)
		}
		return
	}
	// Spin until the wall clock has moved 20 ms: the thread worked for most of it.
	x := 0
	for start := time.Now(); time.Since(start) < 20*time.Millisecond; x++ {
	}
	if d := Now() - c0; d <= 0 || d > time.Second {
		t.Errorf("a thread spinning 20 ms used %v of CPU (%d turns)", d, x)
	}
}
