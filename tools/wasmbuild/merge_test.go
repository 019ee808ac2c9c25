package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// module returns a WebAssembly module with a type section (kept as is)
// and a data section holding segs in the given order.
func module(segs ...segment) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	b = append(b, 1, 4, 1, 0x60, 0, 0) // type section: one func type () -> ()
	d := writeData(segs)
	b = append(b, sectionData)
	b = binary.AppendUvarint(b, uint64(len(d)))
	return append(b, d...)
}

// image is the memory a module's data segments make, from address 0.
func image(t *testing.T, wasm []byte) []byte {
	t.Helper()
	var mem []byte
	for pos := 8; pos < len(wasm); {
		size, n, err := uleb(wasm, pos+1)
		if err != nil {
			t.Fatal(err)
		}
		body := wasm[pos+1+n : pos+1+n+int(size)]
		if wasm[pos] == sectionData {
			segs, err := readData(body)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range segs {
				if end := int(s.addr) + len(s.data); end > len(mem) {
					mem = append(mem, make([]byte, end-len(mem))...)
				}
				copy(mem[s.addr:], s.data)
			}
		}
		pos += 1 + n + int(size)
	}
	return mem
}

func countSegments(t *testing.T, wasm []byte) int {
	t.Helper()
	for pos := 8; pos < len(wasm); {
		size, n, _ := uleb(wasm, pos+1)
		if wasm[pos] == sectionData {
			c, _, _ := uleb(wasm, pos+1+n)
			return int(c)
		}
		pos += 1 + n + int(size)
	}
	return 0
}

func TestMergeData(t *testing.T) {
	tests := []struct {
		name string
		in   []segment
		gap  int
		want int // segments after
	}{
		{"none", nil, 128, 0},
		{"one", []segment{{100, []byte{1, 2, 3}}}, 128, 1},
		{"adjacent", []segment{{0, []byte{1}}, {1, []byte{2}}}, 0, 1},
		{"within gap", []segment{{10, []byte{1, 2}}, {20, []byte{3}}, {200, []byte{4}}}, 128, 2},
		{"out of order", []segment{{300, []byte{9}}, {10, []byte{1}}, {20, []byte{3}}}, 16, 2},
		{"past gap", []segment{{0, []byte{1}}, {1000, []byte{2}}}, 128, 2},
		{"empty segment", []segment{{5, nil}, {0, []byte{1}}}, 128, 1},
		{"3-byte addresses", []segment{{1 << 20, []byte{7}}, {1<<20 + 64, []byte{8}}}, 128, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := module(tt.in...)
			out, err := MergeData(in, tt.gap, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := countSegments(t, out); got != tt.want {
				t.Errorf("%d segments, want %d", got, tt.want)
			}
			if a, b := image(t, in), image(t, out); !bytes.Equal(a, b) {
				t.Errorf("memory image changed:\n%v\n%v", a, b)
			}
			if !bytes.Equal(out[:14], in[:14]) {
				t.Errorf("header or type section changed")
			}
		})
	}
}

func TestMergeDataRejects(t *testing.T) {
	overlap := module(segment{0, []byte{1, 2, 3}}, segment{2, []byte{4}})
	passive := []byte("\x00asm\x01\x00\x00\x00\x0b\x04\x01\x01\x01\x07")
	for name, in := range map[string][]byte{
		"not wasm":  []byte("\x7fELF\x01\x00\x00\x00"),
		"overlap":   overlap,
		"passive":   passive,
		"truncated": overlap[:len(overlap)-1],
	} {
		if _, err := MergeData(in, 128, nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestSleb(t *testing.T) {
	for _, v := range []int64{0, 1, 63, 64, -1, -64, -65, 1 << 20, 1<<32 - 1, -(1 << 40)} {
		b := appendSleb(nil, v)
		got, n, err := sleb(b, 0)
		if err != nil || got != v || n != len(b) {
			t.Errorf("sleb(appendSleb(%d) = %x) = %d, %d, %v", v, b, got, n, err)
		}
	}
}

func TestTableMax(t *testing.T) {
	// Pairs of (zigzag value delta, pc delta), from -1, ended by a 0
	// value delta after the first pair.
	tests := []struct {
		name  string
		table []byte
		off   int
		want  int64
	}{
		{"stays -1", []byte{0, 4, 0}, 0, -1},
		{"up to 0", []byte{2, 4, 0}, 0, 0},
		{"up and down", []byte{2, 1, 4, 1, 3, 1, 0}, 0, 2},
		{"after other bytes", []byte{9, 9, 2, 1, 2, 1, 0}, 2, 1},
	}
	for _, tt := range tests {
		got, err := tableMax(tt.table, tt.off)
		if err != nil || got != tt.want {
			t.Errorf("%s: tableMax = %d, %v; want %d", tt.name, got, err, tt.want)
		}
	}
	if _, err := tableMax([]byte{2, 1}, 0); err == nil {
		t.Error("tableMax read a table with no end")
	}
}

func TestReadClearAt(t *testing.T) {
	segs := []segment{{8, []byte{1, 2, 3}}, {16, []byte{4, 5}}}
	for _, tt := range []struct {
		addr uint64
		n    int
		want []byte
	}{
		{8, 3, []byte{1, 2, 3}},
		{6, 4, []byte{0, 0, 1, 2}},
		{10, 8, []byte{3, 0, 0, 0, 0, 0, 4, 5}},
		{17, 3, []byte{5, 0, 0}},
		{30, 2, []byte{0, 0}},
	} {
		if got := readAt(segs, tt.addr, tt.n); !bytes.Equal(got, tt.want) {
			t.Errorf("readAt(%d, %d) = %v, want %v", tt.addr, tt.n, got, tt.want)
		}
	}
	clearAt(segs, 9, 8)
	if !bytes.Equal(segs[0].data, []byte{1, 0, 0}) || !bytes.Equal(segs[1].data, []byte{0, 5}) {
		t.Errorf("clearAt(9, 8) left %v and %v", segs[0].data, segs[1].data)
	}
}

// TestBuild builds wasm/floor as shipped and checks that the merge left
// its memory image alone, but for the line tables, and removed most
// segments.
func TestBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a js/wasm module")
	}
	dir := t.TempDir()
	shipped := filepath.Join(dir, "floor.wasm")
	if err := build("../../wasm/floor", shipped, "", false); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain.wasm")
	cmd := exec.Command("go", append(append([]string{"build"}, flags(false)...), "-o", plain, "../../wasm/floor")...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	orig, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := MergeData(orig, Gap, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(image(t, orig), image(t, merged)) {
		t.Fatal("memory image changed")
	}
	before, after := countSegments(t, orig), countSegments(t, merged)
	if after*100 > before {
		t.Errorf("%d segments before, %d after: fewer than 100 times fewer", before, after)
	}
	var cleared int
	stripped, err := MergeData(orig, Gap, func(segs []segment) (_ []segment, err error) {
		cleared, err = DropLineTables(segs)
		return segs, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if cleared < 10000 {
		t.Errorf("%d bytes of line tables cleared", cleared)
	}
	want, err := Ship(orig, false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("wasmbuild's module is not Ship's")
	}
	if len(got)+500000 > len(stripped) {
		t.Errorf("%d bytes as shipped, %d merged without line tables: not 500,000 fewer", len(got), len(stripped))
	}
	// Instantiated (which runs the start function, and nothing of Go),
	// both modules make the same memory.
	if node, err := exec.LookPath("node"); err == nil {
		a, b := filepath.Join(dir, "a.wasm"), filepath.Join(dir, "b.wasm")
		if err := os.WriteFile(a, stripped, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(b, got, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(node, "testdata/memory.mjs", a, b).CombinedOutput()
		if err != nil || !strings.HasPrefix(string(out), "identical") {
			t.Errorf("memories after instantiation: %s (%v)", out, err)
		}
	}
	// A module left there by another wasmbuild (here: one byte changed)
	// is built again, not taken for up to date by go build.
	stale := bytes.Clone(got)
	stale[len(stale)/2] ^= 0xff
	if err := os.WriteFile(shipped, stale, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := build("../../wasm/floor", shipped, "", false); err != nil {
		t.Fatal(err)
	}
	if again, err := os.ReadFile(shipped); err != nil || !bytes.Equal(again, got) {
		t.Errorf("a second build over a stale module differs from the first (%v)", err)
	}
	if _, err := DropLineTables([]segment{{0, []byte("no table here")}}); err == nil {
		t.Error("DropLineTables found a table where there is none")
	}
}

// TestDropLineTables runs a module without line tables under Node: it
// recovers from a panic, collects garbage and dies of a second panic
// with a traceback that names its functions and no places.
func TestDropLineTables(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a js/wasm module")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	out := filepath.Join(t.TempDir(), "traceback.wasm")
	if err := build("./testdata/traceback", out, "", false); err != nil {
		t.Fatal(err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec_node.js"), out)
	b, _ := cmd.CombinedOutput()
	for _, want := range []string{
		"caller: ?:0\n",
		"recovered: runtime error: index out of range [3] with length 0\n",
		"panic: runtime error: index out of range [3] with length 0",
		"main.f(",
		"main.main()\n\t?:0",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("output lacks %q:\n%s", want, b)
		}
	}
	if cmd.ProcessState.ExitCode() != 2 {
		t.Errorf("exit code %d, want 2 (a Go panic)", cmd.ProcessState.ExitCode())
	}
}

func TestSplitZeros(t *testing.T) {
	z := func(n int) []byte { return make([]byte, n) }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name string
		in   []segment
		want []segment
	}{
		{"none", nil, nil},
		{"short runs kept", []segment{{10, cat([]byte{1}, z(3), []byte{2})}}, []segment{{10, cat([]byte{1}, z(3), []byte{2})}}},
		{"inner run", []segment{{10, cat([]byte{1}, z(4), []byte{2})}}, []segment{{10, []byte{1}}, {15, []byte{2}}}},
		{"leading and trailing", []segment{{0, cat(z(5), []byte{1, 2}, z(4))}}, []segment{{5, []byte{1, 2}}}},
		{"all zeros", []segment{{0, z(9)}, {20, []byte{3}}}, []segment{{20, []byte{3}}}},
	}
	for _, tt := range tests {
		got := SplitZeros(tt.in, 4)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].addr != tt.want[i].addr || !bytes.Equal(got[i].data, tt.want[i].data) {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			}
		}
		if len(tt.in) > 0 {
			a, b := image(t, module(tt.in...)), image(t, module(got...))
			if len(b) < len(a) {
				b = append(b, z(len(a)-len(b))...)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s: memory image changed", tt.name)
			}
		}
	}
}

// TestCompactTables checks, on wasm/floor, that every table a function
// keeps (its stack-pointer table and its pcdata but the inlining and
// unsafe-point ones) reads the same after DropLineTables moved it, and
// that the space freed is one run of zeros at the end of pctab.
func TestCompactTables(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a js/wasm module")
	}
	plain := filepath.Join(t.TempDir(), "plain.wasm")
	cmd := exec.Command("go", append(append([]string{"build"}, flags(false)...), "-o", plain, "../../wasm/floor")...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	orig, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	// tables returns each function's kept tables, as bytes, and where
	// pctab's trailing zeros start.
	tables := func(h []byte) ([][]byte, int) {
		nfunc := binary.LittleEndian.Uint64(h[hdrNfunc:])
		pctabOff := binary.LittleEndian.Uint64(h[hdrPctabOff:])
		pclnOff := binary.LittleEndian.Uint64(h[hdrPclnOff:])
		pctab := h[pctabOff:pclnOff]
		var out [][]byte
		read := func(off uint32) {
			if off == 0 {
				out = append(out, nil)
				return
			}
			end, err := tableEnd(pctab, int(off))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, pctab[off:end])
		}
		for k := uint64(0); k < nfunc; k++ {
			f := h[pclnOff+uint64(binary.LittleEndian.Uint32(h[pclnOff+k*8+4:])):]
			read(binary.LittleEndian.Uint32(f[funcPcsp:]))
			for d := uint32(0); d < binary.LittleEndian.Uint32(f[funcNpcdata:]); d++ {
				if d != pcdataInlTree && d != pcdataUnsafePoint {
					read(binary.LittleEndian.Uint32(f[funcSize+4*d:]))
				}
			}
		}
		tail := len(pctab)
		for tail > 0 && pctab[tail-1] == 0 {
			tail--
		}
		return out, tail
	}
	var before [][]byte
	var lenBefore, tailBefore, tailAfter int
	_, err = MergeData(orig, Gap, func(segs []segment) ([]segment, error) {
		h, _, err := findPclntab(segs)
		if err != nil {
			return nil, err
		}
		var b [][]byte
		b, tailBefore = tables(h)
		for _, x := range b {
			before = append(before, bytes.Clone(x))
		}
		lenBefore = int(binary.LittleEndian.Uint64(h[hdrPclnOff:]) - binary.LittleEndian.Uint64(h[hdrPctabOff:]))
		if _, err := DropLineTables(segs); err != nil {
			return nil, err
		}
		after, tail := tables(h)
		tailAfter = tail
		if len(after) != len(before) {
			t.Fatalf("%d tables after, %d before", len(after), len(before))
		}
		for i := range after {
			if !bytes.Equal(after[i], before[i]) {
				t.Fatalf("table %d changed: %x, was %x", i, after[i], before[i])
			}
		}
		return segs, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pctab: %d bytes, %d up to its last nonzero byte before, %d after", lenBefore, tailBefore, tailAfter)
	if tailAfter*2 > tailBefore {
		t.Errorf("pctab's tables end at %d, from %d: not half as long", tailAfter, tailBefore)
	}
}
