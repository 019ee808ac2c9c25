//go:build js && wasm

// Command floor is the smallest module that crosses into JavaScript the
// way the explorer must (through github.com/hack-pad/safejs): it sets one
// global and waits. Its size, built like explorer.wasm, is the floor the
// size test measures our own code against: the Go runtime and the
// packages safejs links (fmt, reflect), which no change of ours can shrink.
package main

import "github.com/hack-pad/safejs"

func main() {
	if err := safejs.Global().Set("corpusExplorerFloor", true); err != nil {
		panic(err)
	}
	select {}
}
