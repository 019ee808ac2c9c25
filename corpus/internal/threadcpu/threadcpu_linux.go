//go:build linux

package threadcpu

import (
	"syscall"
	"time"
	"unsafe"
)

// Now returns the CPU time the calling thread has used
// (CLOCK_THREAD_CPUTIME_ID), or 0 if it cannot be read.
func Now() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTimeID = 3
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
