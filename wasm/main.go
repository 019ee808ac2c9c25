//go:build js && wasm

// Command wasm is the corpus explorer's WebAssembly module: the embedded
// index and the engine, registered for JavaScript through safejs.
//
// The JavaScript side (explorer.js) passes, as the first program argument,
// the name of the global property under which to register the API, so that
// several modules can live in one page; it takes the API object from there.
// A second argument, if any, is the most bytes of fetched texts a split
// index holds (load()'s heldBytes option; index.HeldBytes when absent or
// not a number).
// If the index cannot be opened, that property is an Error instead. The
// program ends when JavaScript calls the API's close().
package main

import (
	_ "embed"
	"os"
	"runtime"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/wasm/bridge"
	"github.com/hack-pad/safejs"
)

// indexBlob is the index, embedded as a string so that the decoded index
// shares its memory instead of copying it.
//
//go:embed index.bin
var indexBlob string

// defaultName is where the API goes when no name is given.
const defaultName = "corpusExplorer"

// gcBlobBytes is the size of embedded index from which main collects
// garbage once the index is open: about where decoding allocates a
// megabyte that the heap's first growth would otherwise keep.
const gcBlobBytes = 4 << 20

func main() {
	name := defaultName
	if len(os.Args) > 1 && os.Args[1] != "" {
		name = os.Args[1]
	}
	global := safejs.Global()
	e, err := engine.OpenEmbedded(indexBlob)
	if err != nil {
		bridge.Fail(global, name, "explorer: cannot open the embedded index: "+err.Error())
		return
	}
	// WebAssembly memory never shrinks: collect a large index's decoding
	// garbage now, so that what the first queries allocate reuses it
	// instead of growing the heap (fr-manpages: 0.5 MB less memory after
	// load). A small index leaves too little garbage for a collection to
	// pay for itself in time to its first answer (the seeds: about 15 ms).
	if len(indexBlob) >= gcBlobBytes {
		runtime.GC()
	}
	// A visitor may read any number of texts: memory stays bounded.
	e.Index().SetHeldMax(heldBytes(os.Args))
	b, err := bridge.New(e)
	if err == nil {
		err = b.Register(global, name)
	}
	if err != nil {
		bridge.Fail(global, name, "explorer: "+err.Error())
		return
	}
	<-b.Done()
}

// heldBytes returns the bound on the fetched texts held: the program's
// second argument, a number of bytes (load()'s heldBytes, which
// explorer.js checks), or index.HeldBytes. It reads the digits itself:
// strconv.Atoi would link its error types (1.3 KB).
func heldBytes(args []string) int {
	n := 0
	for i := 0; len(args) > 2 && i < len(args[2]) && i < 12; i++ {
		c := args[2][i]
		if c < '0' || c > '9' {
			return index.HeldBytes
		}
		n = n*10 + int(c-'0')
	}
	if n <= 0 {
		return index.HeldBytes
	}
	return n
}
