package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// The WebAssembly section ids used here.
const (
	sectionData      = 11
	sectionDataCount = 12
)

// segment is an active data segment: bytes placed at an address of
// memory 0 when the module is instantiated.
type segment struct {
	addr uint32
	data []byte
}

// MergeData returns wasm with its data segments sorted by address and
// every two that are at most gap bytes apart made one, the bytes between
// them zeros; then edit, if not nil, may change the merged segments' bytes
// in place and returns the segments to write (the same, or others). It accepts only what Go's linker writes: active segments of
// memory 0 placed at an i32.const address, none overlapping. The module
// is otherwise unchanged.
func MergeData(wasm []byte, gap int, edit func([]segment) ([]segment, error)) ([]byte, error) {
	if len(wasm) < 8 || string(wasm[:4]) != "\x00asm" || binary.LittleEndian.Uint32(wasm[4:8]) != 1 {
		return nil, errors.New("not a WebAssembly 1 module")
	}
	out := append([]byte(nil), wasm[:8]...)
	var nsegs int
	dataSeen := false
	secs, err := readSections(wasm)
	if err != nil {
		return nil, err
	}
	for _, sec := range secs {
		switch sec.id {
		case sectionData:
			segs, err := readData(sec.body)
			if err != nil {
				return nil, fmt.Errorf("data section: %w", err)
			}
			if segs, err = merge(segs, gap); err != nil {
				return nil, fmt.Errorf("data section: %w", err)
			}
			if edit != nil {
				if segs, err = edit(segs); err != nil {
					return nil, err
				}
			}
			nsegs = len(segs)
			dataSeen = true
			b := writeData(segs)
			out = append(out, sectionData)
			out = binary.AppendUvarint(out, uint64(len(b)))
			out = append(out, b...)
		default:
			// The data count section, before the data section, is
			// counted afterwards.
			out = append(out, sec.whole...)
		}
	}
	if !dataSeen {
		return out, nil
	}
	return fixDataCount(out, nsegs)
}

// readData parses the body of a data section.
func readData(b []byte) ([]segment, error) {
	count, p, err := uleb(b, 0)
	if err != nil {
		return nil, err
	}
	segs := make([]segment, 0, min(count, uint64(len(b))))
	for i := uint64(0); i < count; i++ {
		if p+2 > len(b) || b[p] != 0 || b[p+1] != 0x41 { // active, memory 0; i32.const
			return nil, fmt.Errorf("segment %d: not an active segment at an i32.const address", i)
		}
		p += 2
		addr, n, err := sleb(b, p)
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		p += n
		if p >= len(b) || b[p] != 0x0b || addr < 0 || addr > 1<<32-1 {
			return nil, fmt.Errorf("segment %d: address expression", i)
		}
		p++
		size, n, err := uleb(b, p)
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		p += n
		if uint64(len(b)-p) < size {
			return nil, fmt.Errorf("segment %d runs past the section", i)
		}
		segs = append(segs, segment{uint32(addr), b[p : p+int(size)]})
		p += int(size)
	}
	if p != len(b) {
		return nil, fmt.Errorf("%d bytes after the last segment", len(b)-p)
	}
	return segs, nil
}

// merge sorts segs by address and joins those at most gap bytes apart.
// Overlapping segments are an error: their order would matter.
func merge(segs []segment, gap int) ([]segment, error) {
	segs = slices.Clone(segs)
	slices.SortStableFunc(segs, func(a, b segment) int { return int(int64(a.addr) - int64(b.addr)) })
	var out []segment
	for _, s := range segs {
		if k := len(out) - 1; k >= 0 {
			last := &out[k]
			end := uint64(last.addr) + uint64(len(last.data))
			if uint64(s.addr) < end {
				return nil, fmt.Errorf("segments at %#x and %#x overlap", last.addr, s.addr)
			}
			if uint64(s.addr)-end <= uint64(gap) {
				joined := make([]byte, int(s.addr-last.addr), int(s.addr-last.addr)+len(s.data))
				copy(joined, last.data)
				last.data = append(joined, s.data...)
				continue
			}
		}
		out = append(out, segment{s.addr, s.data})
	}
	return out, nil
}

// writeData encodes segs as the body of a data section.
func writeData(segs []segment) []byte {
	b := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, 0x41)
		b = appendSleb(b, int64(s.addr))
		b = append(b, 0x0b)
		b = binary.AppendUvarint(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

// fixDataCount rewrites the data count section, if wasm has one, to n.
func fixDataCount(wasm []byte, n int) ([]byte, error) {
	secs, err := readSections(wasm)
	if err != nil {
		return nil, err
	}
	pos := 8
	for _, sec := range secs {
		if sec.id == sectionDataCount {
			body := binary.AppendUvarint(nil, uint64(n))
			out := append(slices.Clone(wasm[:pos]), sectionDataCount)
			out = binary.AppendUvarint(out, uint64(len(body)))
			out = append(out, body...)
			return append(out, wasm[pos+len(sec.whole):]...), nil
		}
		pos += len(sec.whole)
	}
	return wasm, nil
}

// readSections returns the sections of wasm, a module whose 8-byte
// header has been checked, in order.
func readSections(wasm []byte) ([]section, error) {
	var secs []section
	for pos := 8; pos < len(wasm); {
		id := wasm[pos]
		size, n, err := uleb(wasm, pos+1)
		if err != nil {
			return nil, fmt.Errorf("section at byte %d: %w", pos, err)
		}
		body := pos + 1 + n
		end := body + int(size)
		if end > len(wasm) || end < body {
			return nil, fmt.Errorf("section %d at byte %d runs past the end", id, pos)
		}
		secs = append(secs, section{id, wasm[body:end], wasm[pos:end]})
		pos = end
	}
	return secs, nil
}

// uleb decodes an unsigned LEB128 number at b[p:], returning it and its
// length in bytes.
func uleb(b []byte, p int) (uint64, int, error) {
	if p > len(b) {
		return 0, 0, errors.New("truncated number")
	}
	v, n := binary.Uvarint(b[p:])
	if n <= 0 {
		return 0, 0, errors.New("malformed number")
	}
	return v, n, nil
}

// sleb decodes a signed LEB128 number at b[p:].
func sleb(b []byte, p int) (int64, int, error) {
	var v int64
	var shift uint
	for i := p; i < len(b) && shift < 64; i++ {
		c := b[i]
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, i - p + 1, nil
		}
	}
	return 0, 0, errors.New("malformed signed number")
}

// appendSleb appends v as a signed LEB128 number.
func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// SplitZeros returns segs with every run of at least min zero bytes left
// out, the segment around it cut in two: a module's memory starts as
// zeros.
func SplitZeros(segs []segment, min int) []segment {
	var out []segment
	for _, s := range segs {
		start := 0
		for i := 0; i < len(s.data); {
			if s.data[i] != 0 {
				i++
				continue
			}
			j := i
			for j < len(s.data) && s.data[j] == 0 {
				j++
			}
			if j-i >= min {
				if i > start {
					out = append(out, segment{s.addr + uint32(start), s.data[start:i]})
				}
				start = j
			}
			i = j
		}
		if start < len(s.data) {
			out = append(out, segment{s.addr + uint32(start), s.data[start:]})
		}
	}
	return out
}
