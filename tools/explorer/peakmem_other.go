//go:build !unix

package main

// peakMemory returns 0: the peak memory is unknown on this system.
func peakMemory() int64 { return 0 }
