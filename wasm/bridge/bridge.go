//go:build js && wasm

package bridge

import (
	"errors"
	"unsafe"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/hack-pad/safejs"
)

// Bridge is the JavaScript face of one engine. JavaScript calls its
// methods one at a time on its event loop, so it needs no locking.
type Bridge struct {
	e *engine.Engine

	// JavaScript built-ins, looked up once.
	errorCtor, object, isArray, objectKeys, reflectGet safejs.Value
	// lengthOf(s, empty) is s.lastIndexOf(""): the length of the string s,
	// a number, read without making a JavaScript object (Object(s)) that
	// the Go side would have to track and release.
	lengthOf, empty safejs.Value

	funcs  funcSet
	done   chan struct{}
	closed bool

	// out is where answers are written, kept from call to call so that
	// an answer does not grow a new buffer (see answer).
	out jsonw.Writer

	calls, failures, panics int
}

// New returns a bridge to e. It fails only if the JavaScript built-ins it
// needs (Error, Object, Array.isArray, Object.keys, Reflect.get,
// String.prototype.lastIndexOf, Function.prototype.call) cannot be found.
func New(e *engine.Engine) (*Bridge, error) {
	b := &Bridge{e: e, done: make(chan struct{})}
	g := safejs.Global()
	var err error
	if b.errorCtor, err = g.Get("Error"); err != nil {
		return nil, errors.New("bridge: no Error constructor: " + err.Error())
	}
	if b.object, err = g.Get("Object"); err != nil {
		return nil, errors.New("bridge: no Object constructor: " + err.Error())
	}
	if b.isArray, err = builtin(g, "Array", "isArray"); err != nil {
		return nil, err
	}
	if b.objectKeys, err = builtin(g, "Object", "keys"); err != nil {
		return nil, err
	}
	if b.reflectGet, err = builtin(g, "Reflect", "get"); err != nil {
		return nil, err
	}
	if b.lengthOf, err = lengthOf(g); err != nil {
		return nil, err
	}
	if b.empty, err = safejs.ValueOf(""); err != nil {
		return nil, errors.New("bridge: no empty string: " + err.Error())
	}
	return b, nil
}

// lengthOf returns Function.prototype.call.bind(String.prototype.lastIndexOf).
func lengthOf(g safejs.Value) (safejs.Value, error) {
	str, err := g.Get("String")
	if err == nil {
		var last, fn, call, bound safejs.Value
		if last, err = builtin(str, "prototype", "lastIndexOf"); err == nil {
			if fn, err = g.Get("Function"); err == nil {
				if call, err = builtin(fn, "prototype", "call"); err == nil {
					if bound, err = call.Call("bind", last); err == nil && bound.Type() == safejs.TypeFunction {
						return bound, nil
					}
				}
			}
		}
	}
	msg := "not a function"
	if err != nil {
		msg = err.Error()
	}
	return safejs.Value{}, errors.New("bridge: cannot bind String.prototype.lastIndexOf: " + msg)
}

func builtin(g safejs.Value, obj, fn string) (safejs.Value, error) {
	o, err := g.Get(obj)
	if err == nil {
		var f safejs.Value
		if f, err = o.Get(fn); err == nil && f.Type() == safejs.TypeFunction {
			return f, nil
		}
	}
	msg := "not a function"
	if err != nil {
		msg = err.Error()
	}
	return safejs.Value{}, errors.New("bridge: no " + obj + "." + fn + ": " + msg)
}

// Register makes the API object and sets it as property name of target
// (normally globalThis). The JavaScript side takes it from there and may
// delete the property.
func (b *Bridge) Register(target safejs.Value, name string) error {
	api, err := b.object.New()
	if err != nil {
		return errors.New("bridge: cannot make the API object: " + err.Error())
	}
	for _, m := range b.methods() {
		f, err := b.funcs.add(b.wrap(m.name, m.maxArgs, m.fn))
		if err == nil {
			err = api.Set(m.name, f)
		}
		if err != nil {
			b.Close()
			return errors.New("bridge: cannot export " + m.name + ": " + err.Error())
		}
	}
	if err := target.Set(name, api); err != nil {
		b.Close()
		return errors.New("bridge: cannot register the API as " + name + ": " + err.Error())
	}
	return nil
}

// Fail sets property name of target to an Error with message msg: what a
// module that cannot start registers instead of its API.
func Fail(target safejs.Value, name, msg string) {
	ctor, err := safejs.Global().Get("Error")
	if err == nil {
		_ = target.Set(name, jsError(ctor, msg))
	}
}

// Done is closed when JavaScript calls close().
func (b *Bridge) Done() <-chan struct{} { return b.done }

// Close releases every exported function and closes Done. Calling it again
// does nothing.
func (b *Bridge) Close() {
	if b.closed {
		return
	}
	b.closed = true
	b.funcs.releaseAll()
	close(b.done)
}

// method is one exported function: it reads its arguments and returns
// what to write as JSON.
type method func(args []safejs.Value) (engine.JSONer, error)

// wrap makes fn callable from JavaScript: it counts the arguments, turns
// errors and panics into JavaScript Errors prefixed with the method's name,
// and returns the JSON answer as a string.
func (b *Bridge) wrap(name string, maxArgs int, fn method) func(safejs.Value, []safejs.Value) any {
	return func(_ safejs.Value, args []safejs.Value) (result any) {
		b.calls++
		defer func() {
			if r := recover(); r != nil {
				b.panics++
				b.failures++
				result = jsError(b.errorCtor, name+": "+panicError(r, panicSite()).Error())
			}
		}()
		if b.closed {
			b.failures++
			return jsError(b.errorCtor, name+": the explorer is closed")
		}
		err := checkCount(args, maxArgs)
		var v engine.JSONer
		if err == nil {
			v, err = fn(args)
		}
		if err != nil {
			b.failures++
			return jsError(b.errorCtor, name+": "+err.Error())
		}
		return b.answer(v)
	}
}

// keepAnswerBuf is the largest answer buffer kept for the next call: a
// rare big answer (documents() of a large corpus) is not held on to.
const keepAnswerBuf = 64 << 10

// answer returns v as JSON, written in the bridge's buffer. The string
// is the buffer itself, not a copy: syscall/js copies it into a
// JavaScript string as the call returns, before the next call writes the
// buffer again. A search's answer is a few KB, a third of the garbage it
// made, and a collection takes several ms in the module, on whichever
// call it falls.
func (b *Bridge) answer(v engine.JSONer) string {
	b.out.Reset()
	v.AppendJSON(&b.out)
	buf := b.out.Bytes()
	s := unsafe.String(unsafe.SliceData(buf), len(buf))
	if cap(buf) > keepAnswerBuf {
		b.out = jsonw.Writer{} // s holds the big buffer until JavaScript has its copy
	}
	return s
}
