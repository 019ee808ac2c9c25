//go:build js && wasm

package bridge

import (
	"errors"
	"runtime"

	"github.com/hack-pad/safejs"
)

// jsError returns a new JavaScript Error with the given message, made with
// the Error constructor ctor. If that fails, it returns the message as a
// plain object {error: msg}, which the JavaScript side treats the same.
func jsError(ctor safejs.Value, msg string) safejs.Value {
	if v, err := ctor.New(msg); err == nil {
		return v
	}
	v, err := safejs.ValueOf(map[string]any{"error": msg})
	if err != nil {
		return safejs.Null()
	}
	return v
}

// panicError turns a recovered panic value into an error that says it was
// an internal failure, without fmt.
func panicError(v any) error {
	msg := "unknown panic"
	switch x := v.(type) {
	case runtime.Error:
		msg = x.Error()
	case error:
		msg = x.Error()
	case string:
		msg = x
	case interface{ String() string }:
		msg = x.String()
	}
	return errors.New("internal error (the module recovered and keeps answering): " + msg)
}
