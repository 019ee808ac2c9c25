//go:build js && wasm

// Package bridge exposes a corpus engine to JavaScript.
//
// Register puts an object on a JavaScript value (normally globalThis, under a
// name the JavaScript side chose, so that several modules can live in one
// page) whose methods are search, summarize, summarizeQuery, document,
// documents, related, overview, suggest, stats and close. Each method checks
// its arguments, runs the engine and returns either the engine's JSON as a
// string (the same bytes the command-line tool prints) or a JavaScript Error
// whose message says what was wrong. A panic inside a call is recovered and
// reported the same way: the module keeps answering afterwards.
//
// Every crossing between Go and JavaScript goes through
// github.com/hack-pad/safejs; no file here imports syscall/js.
package bridge
