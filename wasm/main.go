//go:build js && wasm

// Command wasm is the corpus explorer's WebAssembly module: the embedded
// index and the engine, registered for JavaScript through safejs.
//
// STUB: to be replaced (issue 5).
package main

import (
	_ "embed"
)

//go:embed index.bin
var indexBlob []byte

func main() {
	_ = indexBlob
	select {}
}
