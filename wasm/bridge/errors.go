//go:build js && wasm

package bridge

import (
	"errors"
	"runtime"
	"strconv"
	"strings"

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

// panicSite says where the panic being recovered was raised, from a
// function deferred by the function that recovers it: " in FUNCTION
// (FILE:LINE)", the first frame below the runtime's panic machinery,
// named as runtime.CallersFrames names it, which counts inlined calls as
// frames. A shipped module has no line tables and no inlining tables
// (tools/wasmbuild drops them, and keeps them with -named): there it is
// " in FUNCTION", the function that was not inlined, which may be the
// caller of the one that panicked. "" if no such frame is found.
func panicSite() string {
	var pcs [32]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs[:])])
	inPanic := false
	for {
		f, more := frames.Next()
		switch {
		case strings.HasPrefix(f.Function, "runtime.") || strings.HasPrefix(f.Function, "internal/runtime/"):
			inPanic = true
		case inPanic && f.Function != "":
			site := " in " + f.Function
			if f.Line > 0 {
				site += " (" + f.File[strings.LastIndexByte(f.File, '/')+1:] + ":" + strconv.Itoa(f.Line) + ")"
			}
			return site
		}
		if !more {
			return ""
		}
	}
}

// panicError turns a recovered panic value into an error that says it was
// an internal failure, without fmt; site is where (panicSite).
func panicError(v any, site string) error {
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
	return errors.New("internal error (the module recovered and keeps answering): " + msg + site)
}
