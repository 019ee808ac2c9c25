//go:build js && wasm

// Command traceback recovers from a panic, collects garbage and then
// panics for good, for TestDropLineTables: a module without line tables
// must still do all three.
package main

import (
	"fmt"
	"runtime"
)

func f(n int) int {
	if n == 0 {
		var a []int
		return a[n+3]
	}
	return f(n-1) + 1
}

func main() {
	_, file, line, _ := runtime.Caller(0)
	fmt.Printf("caller: %s:%d\n", file, line)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		f(3)
	}()
	runtime.GC()
	f(2)
}
