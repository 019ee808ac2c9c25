package main

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// table returns the bytes of a table of n function buckets from record
// 16 on (records 0 to 15 are zeros, left out).
func table(n int) []byte {
	var b []byte
	for r := bucketsPerFn; r < n; r++ {
		b = binary.LittleEndian.AppendUint32(b, uint32(r/bucketsPerFn))
		b = append(b, make([]byte, bucketSize-4)...)
	}
	return b
}

func TestCutBuckets(t *testing.T) {
	const n = 2000
	tab := table(n)
	before := []byte{7, 7, 7}
	after := []byte{9, 8, 7}
	// The table at 4000 (records 0-15, zeros, from 4000 to 4320), with
	// other data right before and after it.
	head := append(append([]byte(nil), before...), make([]byte, 320)...)
	segs := []segment{
		{0, []byte{1, 2}},
		{4000 - 3, append(append(append([]byte(nil), head...), tab...), after...)},
		{200000, []byte{5}},
	}
	out, b, ok, err := CutBuckets(segs)
	if err != nil || !ok {
		t.Fatalf("CutBuckets: ok %v, %v", ok, err)
	}
	if want := (Buckets{Addr: 4000, First: 16, End: n}); b != want {
		t.Errorf("buckets %+v, want %+v", b, want)
	}
	if len(out) != 4 || !bytes.Equal(out[1].data, head) || out[1].addr != 3997 ||
		!bytes.Equal(out[2].data, after) || int(out[2].addr) != 4320+len(tab) {
		t.Errorf("segments after the cut: %v", out)
	}
	// Written back, the records make the same memory.
	mem := image(t, module(out...))
	for r := b.First; r < b.End; r++ {
		binary.LittleEndian.PutUint32(mem[b.Addr+20*r:], r/16)
	}
	if want := image(t, module(segs...)); !bytes.Equal(mem, want) {
		t.Error("the records written back do not make the same memory")
	}

	for name, segs := range map[string][]segment{
		"no table":          {{0, []byte("no table here")}},
		"too short":         {{320, table(500)}},
		"first records set": {{0, append(bytes.Repeat([]byte{1}, 320), table(n)...)}},
	} {
		out, _, ok, err := CutBuckets(segs)
		if err != nil || ok || len(out) != len(segs) {
			t.Errorf("%s: cut %v, %v", name, ok, err)
		}
	}
	two := []segment{{320, table(n)}, {1 << 20, table(n)}}
	if _, _, _, err := CutBuckets(two); err == nil {
		t.Error("two tables: no error")
	}
}

func TestStartFill(t *testing.T) {
	b := Buckets{Addr: 64, First: 16, End: 1100}
	// A module with a type (i32) -> (), one imported and one defined
	// function, an export and no () -> () type.
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, sectionType, 5, 1, 0x60, 1, 0x7f, 0)
	m = append(m, sectionImport, 7, 1, 1, 'm', 1, 'f', 0, 0)
	m = append(m, sectionFunc, 2, 1, 0)
	m = append(m, 5, 3, 1, 0, 1) // memory: min 1
	m = append(m, sectionExport, 5, 1, 1, 'g', 0, 1)
	m = append(m, sectionCode, 4, 1, 2, 0, 0x0b)
	out, err := StartFill(m, b)
	if err != nil {
		t.Fatal(err)
	}
	var ids []byte
	var start, types []byte
	for pos := 8; pos < len(out); {
		size, n, err := uleb(out, pos+1)
		if err != nil {
			t.Fatal(err)
		}
		body := out[pos+1+n : pos+1+n+int(size)]
		ids = append(ids, out[pos])
		switch out[pos] {
		case sectionStart:
			start = body
		case sectionType:
			types = body
		}
		pos += 1 + n + int(size)
	}
	if want := []byte{sectionType, sectionImport, sectionFunc, 5, sectionExport, sectionStart, sectionCode}; !bytes.Equal(ids, want) {
		t.Errorf("sections %v, want %v", ids, want)
	}
	if !bytes.Equal(start, []byte{2}) {
		t.Errorf("start function %v, want 2 (after one import and one function)", start)
	}
	if !bytes.Equal(types, []byte{2, 0x60, 1, 0x7f, 0, 0x60, 0, 0}) {
		t.Errorf("types %x: no () -> () added", types)
	}
	if _, err := StartFill(out, b); err == nil {
		t.Error("a second start function: no error")
	}
}
