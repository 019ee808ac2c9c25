//go:build js && wasm

package bridge

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hack-pad/safejs"
)

// maxKeys is the most properties an options object may have.
const maxKeys = 32

// typeName names the JavaScript type of v for error messages: the typeof
// names, with "null", "array" and "NaN" told apart.
func (b *Bridge) typeName(v safejs.Value) string {
	switch v.Type() {
	case safejs.TypeNumber:
		if v.IsNaN() {
			return "NaN"
		}
	case safejs.TypeObject:
		if r, err := b.isArray.Invoke(v); err == nil {
			if ok, err := r.Bool(); err == nil && ok {
				return "array"
			}
		}
	}
	return v.Type().String()
}

// arg returns argument i, or undefined when it is missing.
func arg(args []safejs.Value, i int) safejs.Value {
	if i < len(args) {
		return args[i]
	}
	return safejs.Undefined()
}

// checkCount reports an error when more than max arguments were given.
func checkCount(args []safejs.Value, max int) error {
	if len(args) > max {
		return errors.New("takes at most " + strconv.Itoa(max) + " argument" + plural(max) + ", got " + strconv.Itoa(len(args)))
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// readString reads v, which must be a string of at most max characters
// (UTF-16 code units, as JavaScript counts them: the unit of every length
// limit of the API). The length is checked before the string is copied
// into Go, so a huge string costs nothing.
func (b *Bridge) readString(v safejs.Value, what string, max int) (string, error) {
	return b.readStringAt(v, what, "", max)
}

// readStringAt is readString for the value named by path and key (see
// name), a name made only for an error.
func (b *Bridge) readStringAt(v safejs.Value, path, key string, max int) (string, error) {
	if v.Type() != safejs.TypeString {
		return "", errors.New(name(path, key) + " must be a string, got " + b.typeName(v))
	}
	n, err := b.stringLength(v)
	if err != nil {
		return "", errors.New(name(path, key) + " could not be read: " + err.Error())
	}
	if n > max {
		return "", errors.New(name(path, key) + " too long: " + strconv.Itoa(n) + " characters, the limit is " + strconv.Itoa(max) + " characters")
	}
	s, err := v.String()
	if err != nil {
		return "", errors.New(name(path, key) + " could not be read: " + err.Error())
	}
	return s, nil
}

// stringLength returns the length of the JavaScript string v in UTF-16
// code units, without copying it: v.lastIndexOf("") (syscall/js reads
// the length of objects only, and Object(v) would make one).
func (b *Bridge) stringLength(v safejs.Value) (int, error) {
	n, err := b.lengthOf.Invoke(v, b.empty)
	if err != nil {
		return 0, err
	}
	return n.Int()
}

// name is how messages call the value at key of path: "options.limit";
// path alone when key is empty, and path then key when key starts with a
// space (" property name"). The readers take path and key apart so that
// this string is made only for a message, not at every call.
func name(path, key string) string {
	switch {
	case key == "":
		return path
	case key[0] == ' ':
		return path + key
	}
	return path + "." + key
}

// readInt reads v, which must be an integral number in [lo, hi].
func (b *Bridge) readInt(v safejs.Value, what string, lo, hi int) (int, error) {
	return b.readIntAt(v, what, "", lo, hi)
}

// readIntAt is readInt for the value named by path and key (see name).
func (b *Bridge) readIntAt(v safejs.Value, path, key string, lo, hi int) (int, error) {
	if v.Type() != safejs.TypeNumber {
		return 0, errors.New(name(path, key) + " must be a number, got " + b.typeName(v))
	}
	f, err := v.Float()
	if err != nil {
		return 0, errors.New(name(path, key) + " could not be read: " + err.Error())
	}
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return 0, errors.New(name(path, key) + " must be a finite number, got " + jsNumber(f))
	case f != math.Trunc(f):
		return 0, errors.New(name(path, key) + " must be an integer, got " + jsNumber(f))
	case f < float64(lo) || f > float64(hi):
		return 0, errors.New(name(path, key) + " out of range: " + jsNumber(f) + ", want " + strconv.Itoa(lo) + " to " + strconv.Itoa(hi))
	}
	return int(f), nil
}

// jsNumber formats f as JavaScript's String(f) does, so that messages quote
// numbers as the caller wrote them: 1000000000, 2.5, 1e+300, NaN, Infinity.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if a := math.Abs(f); a >= 1e-6 && a < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // 1e+300, 1.5e-07
	i := strings.IndexByte(s, 'e')
	mant, sign, exp := s[:i], s[i+1], strings.TrimLeft(s[i+2:], "0")
	return mant + "e" + string(sign) + exp
}

// readBool reads v, which must be a boolean.
func (b *Bridge) readBool(v safejs.Value, path, key string) (bool, error) {
	if v.Type() != safejs.TypeBoolean {
		return false, errors.New(name(path, key) + " must be a boolean, got " + b.typeName(v))
	}
	return v.Bool()
}

// object is an options object being read; path names it in messages
// ("options", "options.filters").
type object struct {
	b    *Bridge
	v    safejs.Value
	path string
	keys []string // its own property names: the others are not read
	// The same names as JavaScript strings, from Object.keys, to read
	// the properties with: no new JavaScript string a read.
	keyVals []safejs.Value
}

// readObject reads v as an options object whose property names must be
// among known. Undefined and null mean no options: ok is false.
func (b *Bridge) readObject(v safejs.Value, path string, known ...string) (o object, ok bool, err error) {
	switch t := v.Type(); t {
	case safejs.TypeUndefined, safejs.TypeNull:
		return object{}, false, nil
	case safejs.TypeObject:
	default:
		return object{}, false, errors.New(path + " must be an object, got " + b.typeName(v))
	}
	if name := b.typeName(v); name != "object" {
		return object{}, false, errors.New(path + " must be an object, got " + name)
	}
	keys, err := b.objectKeys.Invoke(v)
	if err != nil {
		return object{}, false, errors.New(path + " could not be read: " + err.Error())
	}
	n, err := keys.Length()
	if err != nil {
		return object{}, false, errors.New(path + " could not be read: " + err.Error())
	}
	if n > maxKeys {
		return object{}, false, errors.New(path + " has " + strconv.Itoa(n) + " properties; known: " + strings.Join(known, ", "))
	}
	var names []string
	var vals []safejs.Value
	if n > 0 {
		names = make([]string, 0, n)
		vals = make([]safejs.Value, 0, n)
	}
	for i := 0; i < n; i++ {
		k, err := keys.Index(i)
		if err != nil {
			return object{}, false, errors.New(path + " could not be read: " + err.Error())
		}
		key, err := b.readStringAt(k, path, " property name", 64)
		if err != nil {
			return object{}, false, err
		}
		if !contains(known, key) {
			return object{}, false, errors.New("unknown option " + strconv.Quote(key) + " in " + path + "; known: " + strings.Join(known, ", "))
		}
		names = append(names, key)
		vals = append(vals, k)
	}
	return object{b: b, v: v, path: path, keys: names, keyVals: vals}, true, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// get returns property key, and whether it is set (not undefined or null).
// It reads through Reflect.get, called as a function: a getter or a Proxy
// that throws then gives an error, where a plain property read would throw
// through the Go runtime and kill the module. A key the object does not
// have as its own is not set, and costs no call into JavaScript.
func (o object) get(key string) (safejs.Value, bool, error) {
	i := -1
	if o.b != nil {
		i = slices.Index(o.keys, key)
	}
	if i < 0 {
		return safejs.Undefined(), false, nil
	}
	v, err := o.b.reflectGet.Invoke(o.v, o.keyVals[i])
	if err != nil {
		return v, false, errors.New(o.path + "." + key + " could not be read: " + err.Error())
	}
	return v, !v.IsUndefined() && !v.IsNull(), nil
}

// int reads the integer property key in [lo, hi], or def when it is not set.
func (o object) int(key string, lo, hi, def int) (int, error) {
	v, set, err := o.get(key)
	if err != nil || !set {
		return def, err
	}
	return o.b.readIntAt(v, o.path, key, lo, hi)
}

// str reads the string property key of at most max bytes, or "".
func (o object) str(key string, max int) (string, error) {
	v, set, err := o.get(key)
	if err != nil || !set {
		return "", err
	}
	return o.b.readStringAt(v, o.path, key, max)
}

// bool reads the boolean property key, or false.
func (o object) bool(key string) (bool, error) {
	v, set, err := o.get(key)
	if err != nil || !set {
		return false, err
	}
	return o.b.readBool(v, o.path, key)
}

// object reads the nested options object key.
func (o object) object(key string, known ...string) (object, error) {
	v, set, err := o.get(key)
	if err != nil || !set {
		return object{}, err // undefined and null are no options, as readObject says
	}
	sub, _, err := o.b.readObject(v, o.path+"."+key, known...)
	return sub, err
}
