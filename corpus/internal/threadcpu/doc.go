// Package threadcpu reads the CPU time of the calling thread, so that
// benchmarks on a busy machine can report work rather than waiting.
package threadcpu
