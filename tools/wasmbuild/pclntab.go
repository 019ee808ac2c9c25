package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// pclntabMagic starts the header of the Go runtime's function table
// (runtime.pcHeader) since Go 1.20, here with minLC 1 and 8-byte pointers
// as on GOARCH=wasm. The layout of the header and of each function's
// record (runtime._func) that DropLineTables relies on is the one this
// magic number names.
var pclntabMagic = []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8}

// Offsets in runtime.pcHeader and runtime._func.
const (
	hdrNfunc      = 8
	hdrFuncname   = 32
	hdrCuOff      = 40
	hdrFiletab    = 48
	hdrPctabOff   = 56
	hdrPclnOff    = 64
	hdrSize       = 72
	funcNameOff   = 4
	funcPcsp      = 16
	funcPcfile    = 20
	funcPcln      = 24
	funcNpcdata   = 28
	funcCuOffset  = 32
	funcStartLine = 36
	funcNfuncdata = 43
	funcSize      = 44
	// pcdataInlTree is abi.PCDATA_InlTreeIndex, the pcdata table that
	// says which inlined call a code position belongs to.
	pcdataInlTree = 2
	// pcdataUnsafePoint is abi.PCDATA_UnsafePoint, where a goroutine may
	// not be stopped by a signal: only asynchronous preemption reads it
	// (runtime.isAsyncSafePoint), and js/wasm has none.
	pcdataUnsafePoint = 0
)

// DropLineTables removes the file, line and inlining tables of every
// function from the Go runtime's function table, which lies in one of
// segs: each function's pcfile and pcln offsets, and its pcdata offset
// for inlining (abi.PCDATA_InlTreeIndex), become 0, which the runtime
// reads as "no table" (runtime.pcvalue), and the bytes only those tables
// used become zeros. The file and line tables serve nothing but the
// file:line of a traceback or of runtime.Caller; the inlining table, the
// calls inlined into a function, for tracebacks, runtime.Callers and
// recover's check that it is called by the deferred function itself, which
// then sees an inlined helper as part of its caller: a recover that the
// language says returns nil may then stop the panic (never the reverse).
// A shipped module's crash names the functions that were not inlined,
// with ?:0 for their place; the names lose the explorer's module path
// (trimNames), and the trees of inlined calls that the inlining tables
// pointed into are cleared (dropInlineTrees). Each record's compilation
// unit and start line, which only the file table and profiles read,
// become 0 too, and so does the table of unsafe points, which only
// asynchronous preemption reads (none on js/wasm). The stack-pointer
// tables and the stack maps' pcdata, which the garbage collector and the
// scheduler need, keep their bytes but move together to the start of the
// tables (compactTables). It returns how many bytes it cleared.
func DropLineTables(segs []segment) (int, error) {
	found, addr, err := findPclntab(segs)
	if err != nil {
		return 0, err
	}
	n, inl, err := dropLines(found)
	if err != nil {
		return 0, err
	}
	m, err := dropInlineTrees(segs, found, addr, inl)
	if err != nil {
		return 0, err
	}
	n += m
	// With no file tables left, the compilation units' file lists and the
	// file names (cutab, filetab) are never read: runtime.funcline1 stops
	// at the missing file table.
	cu := binary.LittleEndian.Uint64(found[hdrCuOff:])
	pctab := binary.LittleEndian.Uint64(found[hdrPctabOff:])
	clear(found[cu:pctab])
	n += int(pctab - cu)
	return n, trimNames(found)
}

// findPclntab returns the Go function table in segs (from its header to
// the end of its segment) and its address.
func findPclntab(segs []segment) ([]byte, uint64, error) {
	var found []byte
	var addr uint64
	for _, s := range segs {
		for from := 0; ; {
			i := bytes.Index(s.data[from:], pclntabMagic)
			if i < 0 {
				break
			}
			if cand := s.data[from+i:]; validPclntab(cand) == nil {
				if found != nil {
					return nil, 0, errors.New("two Go function tables")
				}
				found, addr = cand, uint64(s.addr)+uint64(from+i)
			}
			from += i + 1
		}
	}
	if found == nil {
		return nil, 0, errors.New("no Go function table (runtime.pcHeader) found")
	}
	return found, addr, nil
}

// validPclntab checks the header of a function table at h and that its
// function records and tables lie inside h.
func validPclntab(h []byte) error {
	if len(h) < hdrSize {
		return errors.New("short header")
	}
	nfunc := binary.LittleEndian.Uint64(h[hdrNfunc:])
	pctab := binary.LittleEndian.Uint64(h[hdrPctabOff:])
	pcln := binary.LittleEndian.Uint64(h[hdrPclnOff:])
	names, cu, files := binary.LittleEndian.Uint64(h[hdrFuncname:]), binary.LittleEndian.Uint64(h[hdrCuOff:]), binary.LittleEndian.Uint64(h[hdrFiletab:])
	if names < hdrSize || cu < names || files < cu || pctab < files {
		return errors.New("header offsets out of order")
	}
	if nfunc == 0 || pcln <= pctab || pcln+(nfunc+1)*8 > uint64(len(h)) {
		return errors.New("header offsets out of range")
	}
	prev := uint32(0)
	for k := uint64(0); k <= nfunc; k++ {
		e := h[pcln+k*8:]
		entry, off := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
		if entry < prev || k < nfunc && pcln+uint64(off)+funcSize > uint64(len(h)) {
			return fmt.Errorf("function %d out of order or out of range", k)
		}
		prev = entry
	}
	return nil
}

// dropLines does DropLineTables' work on a valid function table h but for
// the inlining trees: it returns how many entries each function's tree
// has (one more than the highest index its inlining table gave).
func dropLines(h []byte) (int, []int, error) {
	nfunc := binary.LittleEndian.Uint64(h[hdrNfunc:])
	pctabOff := binary.LittleEndian.Uint64(h[hdrPctabOff:])
	pclnOff := binary.LittleEndian.Uint64(h[hdrPclnOff:])
	pctab := h[pctabOff:pclnOff]
	keep := make([]bool, len(pctab))
	drop := make([]bool, len(pctab))
	inl := make([]int, nfunc)
	mark := func(off uint32, set []bool) error {
		if off == 0 {
			return nil
		}
		end, err := tableEnd(pctab, int(off))
		if err != nil {
			return err
		}
		for i := int(off); i < end; i++ {
			set[i] = true
		}
		return nil
	}
	for k := uint64(0); k < nfunc; k++ {
		f := h[pclnOff+uint64(binary.LittleEndian.Uint32(h[pclnOff+k*8+4:])):]
		npcdata := binary.LittleEndian.Uint32(f[funcNpcdata:])
		if uint64(len(f)) < funcSize+uint64(npcdata)*4+uint64(f[funcNfuncdata])*4 {
			return 0, nil, fmt.Errorf("function %d: record out of range", k)
		}
		if err := mark(binary.LittleEndian.Uint32(f[funcPcsp:]), keep); err != nil {
			return 0, nil, fmt.Errorf("function %d: pcsp: %w", k, err)
		}
		for d := uint32(0); d < npcdata; d++ {
			at := funcSize + 4*d
			if d == pcdataInlTree {
				if off := binary.LittleEndian.Uint32(f[at:]); off != 0 {
					top, err := tableMax(pctab, int(off))
					if err != nil {
						return 0, nil, fmt.Errorf("function %d: inlining table: %w", k, err)
					}
					inl[k] = int(top + 1)
				}
				if err := mark(binary.LittleEndian.Uint32(f[at:]), drop); err != nil {
					return 0, nil, fmt.Errorf("function %d: inlining table: %w", k, err)
				}
				binary.LittleEndian.PutUint32(f[at:], 0)
				continue
			}
			if d == pcdataUnsafePoint {
				if err := mark(binary.LittleEndian.Uint32(f[at:]), drop); err != nil {
					return 0, nil, fmt.Errorf("function %d: unsafe points: %w", k, err)
				}
				binary.LittleEndian.PutUint32(f[at:], 0)
				continue
			}
			if err := mark(binary.LittleEndian.Uint32(f[at:]), keep); err != nil {
				return 0, nil, fmt.Errorf("function %d: pcdata %d: %w", k, d, err)
			}
		}
		for _, at := range []int{funcPcfile, funcPcln} {
			if err := mark(binary.LittleEndian.Uint32(f[at:]), drop); err != nil {
				return 0, nil, fmt.Errorf("function %d: line table: %w", k, err)
			}
			binary.LittleEndian.PutUint32(f[at:], 0)
		}
		// The compilation unit (where the file table's entries for this
		// function start) and the line the function starts on are read
		// only with the file table (runtime.funcfile) and by profiles
		// (runtime.Frame's startLine): zeros compress to nothing.
		binary.LittleEndian.PutUint32(f[funcCuOffset:], 0)
		binary.LittleEndian.PutUint32(f[funcStartLine:], 0)
	}
	n := 0
	for i := range pctab {
		if drop[i] && !keep[i] && pctab[i] != 0 {
			pctab[i] = 0
			n++
		}
	}
	if err := compactTables(h, pctab, keep); err != nil {
		return 0, nil, err
	}
	return n, inl, nil
}

// compactTables moves the tables that stay in pctab (keep marks their
// bytes) to its start, in order, each function's offsets to them
// rewritten, and zeros the rest: the dropped tables lay between them, and
// their zeros then make one run at the end, which Ship leaves out of the
// data (SplitZeros). Offset 0 means "no table", so the first byte stays.
func compactTables(h, pctab []byte, keep []bool) error {
	if len(pctab) == 0 || keep[0] {
		return errors.New("pctab: a table at offset 0")
	}
	// Runs of kept bytes, each moved as a block: a table may share bytes
	// with another (the linker stores identical tables once).
	moved := make([]int, len(pctab)) // new offset of each kept byte
	to := 1
	for i := 1; i < len(pctab); i++ {
		if keep[i] {
			moved[i] = to
			pctab[to] = pctab[i]
			to++
		}
	}
	clear(pctab[to:])
	nfunc := binary.LittleEndian.Uint64(h[hdrNfunc:])
	pclnOff := binary.LittleEndian.Uint64(h[hdrPclnOff:])
	fix := func(f []byte, at int) error {
		off := binary.LittleEndian.Uint32(f[at:])
		if off == 0 {
			return nil
		}
		if int(off) >= len(pctab) || !keep[off] {
			return fmt.Errorf("table at %d not kept", off)
		}
		binary.LittleEndian.PutUint32(f[at:], uint32(moved[off]))
		return nil
	}
	for k := uint64(0); k < nfunc; k++ {
		f := h[pclnOff+uint64(binary.LittleEndian.Uint32(h[pclnOff+k*8+4:])):]
		if err := fix(f, funcPcsp); err != nil {
			return fmt.Errorf("function %d: pcsp: %w", k, err)
		}
		npcdata := binary.LittleEndian.Uint32(f[funcNpcdata:])
		for d := uint32(0); d < npcdata; d++ {
			if err := fix(f, funcSize+4*int(d)); err != nil {
				return fmt.Errorf("function %d: pcdata %d: %w", k, d, err)
			}
		}
	}
	return nil
}

// modulePath is the explorer's module path, which trimNames removes from
// function names.
const modulePath = "github.com/corpus-explorer/explorer/"

// trimNames rewrites the function names of the valid function table h
// without the explorer's module path ("corpus/search.(*Engine).search"),
// each distinct name once, and zeros the rest of the name table. Names of
// packages runtime and reflect stay as they are: the runtime compares a
// few of them (reflect.makeFuncStub, reflect.methodValueCall). Only the
// function records point into the name table once the inlining tables are
// gone (the inlining records' names are never read then).
func trimNames(h []byte) error {
	nfunc := binary.LittleEndian.Uint64(h[hdrNfunc:])
	from := binary.LittleEndian.Uint64(h[hdrFuncname:])
	to := binary.LittleEndian.Uint64(h[hdrCuOff:])
	pclnOff := binary.LittleEndian.Uint64(h[hdrPclnOff:])
	if from > to || to > uint64(len(h)) {
		return errors.New("name table out of range")
	}
	tab := h[from:to]
	recs := make([][]byte, nfunc)
	names := make([]string, nfunc)
	for k := range recs {
		f := h[pclnOff+uint64(binary.LittleEndian.Uint32(h[pclnOff+uint64(k)*8+4:])):]
		off := int32(binary.LittleEndian.Uint32(f[funcNameOff:]))
		if off < 0 || int(off) >= len(tab) {
			return fmt.Errorf("function %d: name out of range", k)
		}
		end := bytes.IndexByte(tab[off:], 0)
		if end < 0 {
			return fmt.Errorf("function %d: name not ended", k)
		}
		recs[k], names[k] = f, string(tab[off:int(off)+end])
	}
	var out []byte
	at := map[string]int{}
	for k, name := range names {
		if !strings.HasPrefix(name, "runtime.") && !strings.HasPrefix(name, "reflect.") {
			name = strings.ReplaceAll(name, modulePath, "")
		}
		off, ok := at[name]
		if !ok {
			off = len(out)
			at[name] = off
			out = append(append(out, name...), 0)
		}
		binary.LittleEndian.PutUint32(recs[k][funcNameOff:], uint32(off))
	}
	if len(out) > len(tab) {
		return errors.New("names grew")
	}
	clear(tab[copy(tab, out):])
	return nil
}

// tableMax returns the highest value of the pc-value table starting at
// pctab[off], whose values start at -1 (runtime.pcvalue).
func tableMax(pctab []byte, off int) (int64, error) {
	end, err := tableEnd(pctab, off)
	if err != nil {
		return 0, err
	}
	v, top := int64(-1), int64(-1)
	for p := off; p < end-1; {
		uv, n := binary.Uvarint(pctab[p:])
		d := int64(uv >> 1)
		if uv&1 != 0 {
			d = ^d
		}
		v += d
		top = max(top, v)
		_, m := binary.Uvarint(pctab[p+n:])
		p += n + m
	}
	return top, nil
}

// tableEnd returns where the pc-value table starting at pctab[off] ends:
// pairs of varints (value delta, pc delta), ended by a zero value delta
// after the first pair (runtime.step).
func tableEnd(pctab []byte, off int) (int, error) {
	p := off
	for first := true; ; first = false {
		if p >= len(pctab) {
			return 0, errors.New("table runs past the end")
		}
		if pctab[p] == 0 && !first {
			return p + 1, nil
		}
		for range 2 {
			_, n := binary.Uvarint(pctab[p:])
			if n <= 0 {
				return 0, errors.New("malformed table")
			}
			p += n
		}
	}
}

// Offsets in runtime.moduledata, whose first word points to the function
// table's header, and the size of runtime.inlinedCall, an entry of a
// function's inlining tree.
const (
	modFuncname   = 8
	modPctab      = 80
	modPclntable  = 104
	modRodata     = 312
	modGofunc     = 320
	modEpclntab   = 328
	modSize       = 336
	inlinedCall   = 16
	funcdataInlTr = 3 // abi.FUNCDATA_InlTree
)

// dropInlineTrees clears the inlining tree of every function, whose
// entries inl counts, and makes the function's pointer to it nil
// (^uint32(0)): with the inlining tables gone, runtime.newInlineUnwinder
// finds no entry to read. The trees lie in go:func.*, at offsets from the
// address the runtime's module record (runtime.moduledata) gives; h is
// the function table at address addr. It returns how many bytes it
// cleared.
func dropInlineTrees(segs []segment, h []byte, addr uint64, inl []int) (int, error) {
	word := func(b []byte, at int) uint64 { return binary.LittleEndian.Uint64(b[at:]) }
	// The record may begin or end in a run of zeros between segments, so
	// it is looked for by its pointer to the function names (its second
	// word, which no such run cuts) and read through readAt.
	var gofunc uint64
	found := false
	names := binary.LittleEndian.AppendUint64(nil, addr+word(h, hdrFuncname))
	for _, s := range segs {
		for from := 0; ; {
			i := bytes.Index(s.data[from:], names)
			if i < 0 {
				break
			}
			at := uint64(s.addr) + uint64(from+i)
			from += i + 1
			if at%8 != 0 || at < modFuncname {
				continue
			}
			d := readAt(segs, at-modFuncname, modSize)
			if word(d, 0) != addr || word(d, modPctab) != addr+word(h, hdrPctabOff) || word(d, modPclntable) != addr+word(h, hdrPclnOff) {
				continue
			}
			if found {
				return 0, errors.New("two module records (runtime.moduledata)")
			}
			found, gofunc = true, word(d, modGofunc)
			if gofunc < word(d, modRodata) || gofunc >= word(d, modEpclntab) {
				return 0, errors.New("module record: go:func.* out of range")
			}
		}
	}
	if !found {
		return 0, errors.New("no module record (runtime.moduledata) found")
	}
	nameTab := word(h, hdrCuOff) - word(h, hdrFuncname)
	pclnOff := word(h, hdrPclnOff)
	cleared := 0
	for k, n := range inl {
		f := h[pclnOff+uint64(binary.LittleEndian.Uint32(h[pclnOff+uint64(k)*8+4:])):]
		npcdata := binary.LittleEndian.Uint32(f[funcNpcdata:])
		at := funcSize + 4*int(npcdata) + 4*funcdataInlTr
		if int(f[funcNfuncdata]) <= funcdataInlTr || binary.LittleEndian.Uint32(f[at:]) == ^uint32(0) {
			if n > 0 {
				return 0, fmt.Errorf("function %d: an inlining table but no tree", k)
			}
			continue
		}
		treeAt := gofunc + uint64(binary.LittleEndian.Uint32(f[at:]))
		tree := readAt(segs, treeAt, n*inlinedCall)
		// Each entry: funcID, 3 zero bytes, then the offsets of its name
		// and parent's pc and its start line, none negative.
		for e := 0; e < len(tree); e += inlinedCall {
			r := tree[e:]
			if r[1]|r[2]|r[3] != 0 || uint64(binary.LittleEndian.Uint32(r[4:])) >= nameTab ||
				int32(binary.LittleEndian.Uint32(r[8:])) < 0 || int32(binary.LittleEndian.Uint32(r[12:])) < 0 {
				return 0, fmt.Errorf("function %d: inlining tree entry %d malformed", k, e/inlinedCall)
			}
		}
		clearAt(segs, treeAt, len(tree))
		cleared += len(tree)
		binary.LittleEndian.PutUint32(f[at:], ^uint32(0))
	}
	return cleared, nil
}

// readAt returns a copy of the n bytes of memory at address a that segs
// make, zeros where no segment lies.
func readAt(segs []segment, a uint64, n int) []byte {
	b := make([]byte, n)
	for _, s := range segs {
		lo, hi := max(a, uint64(s.addr)), min(a+uint64(n), uint64(s.addr)+uint64(len(s.data)))
		if lo < hi {
			copy(b[lo-a:hi-a], s.data[lo-uint64(s.addr):])
		}
	}
	return b
}

// clearAt zeros the n bytes of memory at address a in segs.
func clearAt(segs []segment, a uint64, n int) {
	for _, s := range segs {
		lo, hi := max(a, uint64(s.addr)), min(a+uint64(n), uint64(s.addr)+uint64(len(s.data)))
		if lo < hi {
			clear(s.data[lo-uint64(s.addr) : hi-uint64(s.addr)])
		}
	}
}
