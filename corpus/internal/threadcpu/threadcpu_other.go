//go:build !linux

package threadcpu

import "time"

// Now returns 0: the thread's CPU time is unknown outside Linux.
func Now() time.Duration { return 0 }
