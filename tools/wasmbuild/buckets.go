package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// The Go runtime finds the function of a code position through a table
// of buckets (runtime.findfunctab): one 20-byte record
// (runtime.findfuncbucket: a function number and 16 one-byte offsets) for
// every 4,096 positions. On js/wasm a function's positions are its number
// in the module's table times 65,536 (plus a block number), so every
// function has 16 buckets of its own, all the same: bucket b holds the
// number b/16 and 16 zero offsets. The table is 20 bytes times 16 times
// the number of functions, about 930 KB in the explorer's module, a fifth
// of its raw bytes, for what a loop of a dozen instructions writes.
//
// CutBuckets takes those records out of the data segments, and StartFill
// adds that loop to the module as its start function, which WebAssembly
// runs when the module is instantiated, before Go's entry point: the
// memory the Go program sees is the same, byte for byte.
const (
	bucketSize    = 20 // bytes in a runtime.findfuncbucket
	bucketsPerFn  = 16 // 65,536 positions per function / 4,096 per bucket
	minBuckets    = 1024
	sectionType   = 1
	sectionImport = 2
	sectionFunc   = 3
	sectionExport = 7
	sectionStart  = 8
	sectionCode   = 10
)

// Buckets is where a run of function buckets lay: records First to End-1
// of a table at Addr, record b holding the number b/16.
type Buckets struct {
	Addr       uint32
	First, End uint32
}

// bucketsNeedle is the start of a table as it lies in the data: records
// 16 to 32 (records 0 to 15, all zeros, fall between segments).
func bucketsNeedle() []byte {
	var b []byte
	for r := uint32(bucketsPerFn); r <= 2*bucketsPerFn; r++ {
		b = binary.LittleEndian.AppendUint32(b, r/bucketsPerFn)
		b = append(b, make([]byte, bucketSize-4)...)
	}
	return b
}

// CutBuckets finds the runtime's table of function buckets in segs, as
// MergeData leaves them, and returns segs without its records from 16 on
// (the segment holding them cut in two around them) and where they were.
// Records 0 to 15 must be zeros already. A module with no such table, or
// a table of fewer than minBuckets records, is returned unchanged, with
// ok false.
func CutBuckets(segs []segment) (out []segment, b Buckets, ok bool, err error) {
	needle := bucketsNeedle()
	found := -1
	var at int
	for i, s := range segs {
		for from := 0; ; {
			j := bytes.Index(s.data[from:], needle)
			if j < 0 {
				break
			}
			if found >= 0 {
				return nil, Buckets{}, false, errors.New("two tables of function buckets")
			}
			found, at = i, from+j
			from += j + 1
		}
	}
	if found < 0 {
		return segs, Buckets{}, false, nil
	}
	s := segs[found]
	start := uint64(s.addr) + uint64(at) - bucketsPerFn*bucketSize
	if !allZero(readAt(segs, start, bucketsPerFn*bucketSize)) {
		return segs, Buckets{}, false, nil
	}
	// Extend the run while the records are the expected ones.
	end := at
	r := uint32(bucketsPerFn)
	for end+bucketSize <= len(s.data) {
		rec := s.data[end : end+bucketSize]
		if binary.LittleEndian.Uint32(rec) != r/bucketsPerFn || !allZero(rec[4:]) {
			break
		}
		end += bucketSize
		r++
	}
	if r < minBuckets {
		return segs, Buckets{}, false, nil
	}
	if start > 1<<31 {
		return nil, Buckets{}, false, fmt.Errorf("function buckets at %#x: too high an address", start)
	}
	out = slices.Clone(segs[:found])
	if at > 0 {
		out = append(out, segment{s.addr, s.data[:at]})
	}
	if end < len(s.data) {
		out = append(out, segment{s.addr + uint32(end), s.data[end:]})
	}
	out = append(out, segs[found+1:]...)
	return out, Buckets{Addr: uint32(start), First: bucketsPerFn, End: r}, true, nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// section is a module's section: its id and its body; whole is the
// section as read, id and size included (nil for one made here).
type section struct {
	id    byte
	body  []byte
	whole []byte
}

// fillBody is the code of a function of type () -> () with one i32 local
// i that writes b's records' numbers:
//
//	for i := First; i < End; i++ { mem[Addr + 20*i] (32 bits) = i / 16 }
func fillBody(b Buckets) []byte {
	code := []byte{1, 1, 0x7f} // one local: i32
	code = append(code, 0x41)  // i32.const First
	code = appendSleb(code, int64(b.First))
	code = append(code, 0x21, 0) // local.set 0
	code = append(code, 0x03, 0x40)
	code = append(code, 0x20, 0, 0x41, bucketSize, 0x6c) // i*20
	code = append(code, 0x20, 0, 0x41, 4, 0x76)          // i>>4
	align := byte(2)
	if b.Addr%4 != 0 {
		align = 0
	}
	code = append(code, 0x36, align) // i32.store align offset=Addr
	code = binary.AppendUvarint(code, uint64(b.Addr))
	code = append(code, 0x20, 0, 0x41, 1, 0x6a, 0x22, 0) // local.tee 0 (i+1)
	code = append(code, 0x41)
	code = appendSleb(code, int64(b.End))
	code = append(code, 0x49, 0x0d, 0) // i32.lt_u; br_if 0
	code = append(code, 0x0b, 0x0b)    // end loop; end function
	return code
}

// StartFill returns wasm with a start function that writes b's records.
// The module must have no start function of its own. The new function
// comes after every other, so no function's number changes.
func StartFill(wasm []byte, b Buckets) ([]byte, error) {
	secs, err := readSections(wasm)
	if err != nil {
		return nil, err
	}
	if slices.ContainsFunc(secs, func(s section) bool { return s.id == sectionStart }) {
		return nil, errors.New("the module has a start function already")
	}
	find := func(id byte) int {
		return slices.IndexFunc(secs, func(s section) bool { return s.id == id })
	}
	// The type () -> (), added if the module has none.
	ti := find(sectionType)
	if ti < 0 {
		return nil, errors.New("no type section")
	}
	types, typ, err := voidType(secs[ti].body)
	if err != nil {
		return nil, fmt.Errorf("type section: %w", err)
	}
	secs[ti].body = types
	imported, err := importedFuncs(secs, find(sectionImport))
	if err != nil {
		return nil, fmt.Errorf("import section: %w", err)
	}
	fi, ci := find(sectionFunc), find(sectionCode)
	if fi < 0 || ci < 0 {
		return nil, errors.New("no function or code section")
	}
	nfuncs, p, err := uleb(secs[fi].body, 0)
	if err != nil {
		return nil, fmt.Errorf("function section: %w", err)
	}
	fn := binary.AppendUvarint(nil, nfuncs+1)
	fn = append(fn, secs[fi].body[p:]...)
	secs[fi].body = binary.AppendUvarint(fn, uint64(typ))
	ncode, p, err := uleb(secs[ci].body, 0)
	if err != nil || ncode != nfuncs {
		return nil, fmt.Errorf("code section: %d bodies for %d functions (%v)", ncode, nfuncs, err)
	}
	body := fillBody(b)
	code := binary.AppendUvarint(nil, ncode+1)
	code = append(code, secs[ci].body[p:]...)
	code = binary.AppendUvarint(code, uint64(len(body)))
	secs[ci].body = append(code, body...)
	// The start section goes after the exports (or, failing those, the
	// last section before the element, data count and code sections).
	at := 0
	for i, s := range secs {
		if s.id != 0 && s.id <= sectionExport {
			at = i + 1
		}
	}
	start := section{id: sectionStart, body: binary.AppendUvarint(nil, imported+nfuncs)}
	secs = slices.Insert(secs, at, start)
	out := append([]byte(nil), wasm[:8]...)
	for _, s := range secs {
		out = append(out, s.id)
		out = binary.AppendUvarint(out, uint64(len(s.body)))
		out = append(out, s.body...)
	}
	return out, nil
}

// voidType returns the type section body with a type () -> () (added at
// the end if it has none) and that type's number.
func voidType(body []byte) ([]byte, uint64, error) {
	n, p, err := uleb(body, 0)
	if err != nil {
		return nil, 0, err
	}
	for i := uint64(0); i < n; i++ {
		if p >= len(body) || body[p] != 0x60 {
			return nil, 0, fmt.Errorf("type %d is not a function type", i)
		}
		start := p
		p++
		for k := 0; k < 2; k++ { // parameters, then results
			c, m, err := uleb(body, p)
			if err != nil {
				return nil, 0, err
			}
			p += m + int(c)
			if p > len(body) {
				return nil, 0, fmt.Errorf("type %d runs past the section", i)
			}
		}
		if p-start == 3 && body[start+1] == 0 && body[start+2] == 0 {
			return body, i, nil
		}
	}
	_, first, _ := uleb(body, 0)
	out := binary.AppendUvarint(nil, n+1)
	out = append(out, body[first:]...)
	return append(out, 0x60, 0, 0), n, nil
}

// importedFuncs counts the functions among the module's imports (section
// index i, or none if i < 0): they come first in the function numbers.
func importedFuncs(secs []section, i int) (uint64, error) {
	if i < 0 {
		return 0, nil
	}
	b := secs[i].body
	n, p, err := uleb(b, 0)
	if err != nil {
		return 0, err
	}
	var funcs uint64
	for k := uint64(0); k < n; k++ {
		for j := 0; j < 2; j++ { // module and field names
			l, m, err := uleb(b, p)
			if err != nil {
				return 0, err
			}
			p += m + int(l)
		}
		if p >= len(b) {
			return 0, fmt.Errorf("import %d runs past the section", k)
		}
		kind := b[p]
		p++
		switch kind {
		case 0: // function: type index
			funcs++
			_, m, err := uleb(b, p)
			if err != nil {
				return 0, err
			}
			p += m
		case 1: // table: element type, limits
			p++
			m, err := skipLimits(b, p)
			if err != nil {
				return 0, err
			}
			p = m
		case 2: // memory: limits
			m, err := skipLimits(b, p)
			if err != nil {
				return 0, err
			}
			p = m
		case 3: // global: value type, mutability
			p += 2
		default:
			return 0, fmt.Errorf("import %d of unknown kind %d", k, kind)
		}
	}
	return funcs, nil
}

// skipLimits returns the position after the limits at b[p:].
func skipLimits(b []byte, p int) (int, error) {
	if p >= len(b) {
		return 0, errors.New("truncated limits")
	}
	flags := b[p]
	p++
	_, m, err := uleb(b, p)
	if err != nil {
		return 0, err
	}
	p += m
	if flags&1 != 0 {
		_, m, err = uleb(b, p)
		if err != nil {
			return 0, err
		}
		p += m
	}
	return p, nil
}
