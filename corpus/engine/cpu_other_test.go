//go:build !linux

package engine_test

import "time"

// threadCPU is unknown outside Linux.
func threadCPU() time.Duration { return 0 }
