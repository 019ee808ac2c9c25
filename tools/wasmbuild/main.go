// Command wasmbuild builds a js/wasm package of the explorer the way it
// ships, so that make site, the tests and the benchmarks all measure the
// same file: go build with the flags of shipped code (-trimpath, and
// -ldflags='-s -w' to leave out the symbol table), then passes over
// the module's data section.
//
// Usage:
//
//	go run ./tools/wasmbuild [-o out.wasm] [-overlay file.json] [-named] [package]
//
// The package defaults to ./wasm. -named keeps the function names (no -s)
// and the runtime's tables, for tools that say where the bytes go
// (wasm/test/wasmsize.mjs) and for reading a crash's traceback.
//
// The data passes, measured on the seeds module (brotli quality 11):
//
//   - Merging segments (MergeData): Go's linker cuts the data section at
//     every run of 8 or more zero bytes, to keep the raw file small, and
//     each cut costs a segment header with an address in it, some 44,000
//     in the explorer's module, which brotli cannot squeeze as it squeezes
//     zeros. Merging the segments that lie at most 128 bytes apart leaves
//     a handful: 876,152 to 823,580 B brotli, and 10% more raw bytes. The
//     memory image is the same: the merged-in bytes are zeros, and a
//     module's memory starts as zeros.
//   - Trimming the runtime's function table (DropLineTables): the Go
//     runtime keeps, for every function, tables from code position to
//     file and line and to inlined calls, used to print tracebacks and by
//     runtime.Caller, and each function's full name. -s cannot remove
//     them. Without the first two, and with names shorn of the module
//     path, a crash's traceback still names the functions on the stack,
//     with ?:0 for the place: 823,580 to 743,658 B brotli for the line
//     tables, to 713,756 for the inlining tables, to 704,745 for the
//     names; the file-name tables, which nothing reads then, cleared
//     too: 700,756 to 697,861 (after the standard library's -l below and
//     a merge of other work); each function record's compilation unit
//     and start line, read only with the file tables and by profiles,
//     zeroed: 703,460 to 698,004; the trees of inlined calls (16 bytes
//     a call, in go:func.*), which only the inlining tables lead to,
//     cleared: 698,004 to 680,705; the tables of unsafe points, read
//     only by asynchronous preemption, which js/wasm does not do,
//     emptied: 680,705 to 677,459. -named builds keep them all.
//   - Writing the function buckets at start (CutBuckets, StartFill): the
//     runtime's table from code position to function (findfunctab) is
//     16 identical 20-byte records per function on js/wasm, 927,680
//     bytes in the explorer's module, which a start function of a dozen
//     instructions writes when the module is instantiated, before Go
//     starts: the same memory, byte for byte. 4,681,381 to 3,754,028 B
//     raw (what a host without compression sends, and what the browser
//     streams into the compiler and copies into memory) and 676,930 to
//     671,609 B brotli. -named builds too.
//   - Leaving runs of 4,096 zero bytes or more out of the data (ZeroRun,
//     SplitZeros): the line tables' file lists and names that
//     DropLineTables clears are 64 KB of zeros in one run, sent, compiled
//     and copied for nothing: 3,757,142 to 3,692,786 B raw, 673,293 to
//     673,139 B brotli (after a merge of main).
//   - Moving the tables that stay together (compactTables, in
//     DropLineTables): the stack-pointer tables and stack maps lay
//     between the dropped line tables, whose zeros, scattered, each cost
//     brotli a little and could not be left out; moved to the start of
//     the runtime's pctab, every function's offsets rewritten, the zeros
//     make one run at its end: 3,692,786 to 3,522,931 B raw, 673,139 to
//     668,151 B brotli.
//
// wasm-opt (binaryen 108, Debian's) was measured on the module as go
// build writes it, before these passes (it needs --enable-bulk-memory
// --enable-sign-ext --enable-nontrapping-float-to-int
// --enable-mutable-globals; its memory packing undoes MergeData, so it
// must run first): -O1 676,930 to 674,062 B brotli, -O2 674,596, -Os
// 679,391, -Oz 683,196 (smaller raw code, 2.61 to 2.41 MB, which brotli
// squeezes less); compile and start CPU unchanged within the noise
// (tools/bench/startcpu.mjs, with and without --liftoff-only); 6 s (-O1)
// to 24 s (-Oz) a build. Not worth a dependency: Go's code is a loop
// around a jump table per function, which binaryen cannot shorten.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
)

// flags are the go build flags of a shipped module, without the symbol
// table (-s) unless named.
//
// The standard library, but for the runtime, is compiled without inlining
// (-l): the calls inside it are rarely hot, and its inlined copies cost
// 7 KB after brotli (704,745 to 697,705 B on the seeds). Our packages
// still inline what they call of it (utf8, strings, strconv), and the
// runtime (allocation, maps, the garbage collector) keeps its inlining.
// fr-manpages' 33 queries took 4% more CPU time so (median of 3 passes
// on a loaded machine); with no inlining anywhere, 40% more.
func flags(named bool) []string {
	ld := "-ldflags=-s -w"
	if named {
		ld = "-ldflags=-w"
	}
	return []string{"-trimpath", ld, "-gcflags=std=-l", "-gcflags=runtime=", "-gcflags=internal/runtime/...="}
}

// Gap is the largest run of zero bytes between two data segments that
// MergeData fills in to make them one.
const Gap = 128

// ZeroRun is the shortest run of zero bytes that Ship cuts out of a data
// segment (the line tables' file lists and names that DropLineTables
// clears, 64 KB in one run).
const ZeroRun = 4096

// Ship returns the module go build wrote, as shipped: its data segments
// merged (MergeData), its line tables dropped (DropLineTables) unless
// named, its function buckets written at start (CutBuckets, StartFill),
// and runs of ZeroRun zero bytes or more left out of the data.
func Ship(wasm []byte, named bool) ([]byte, error) {
	var buckets Buckets
	var cut bool
	out, err := MergeData(wasm, Gap, func(segs []segment) ([]segment, error) {
		if !named {
			if _, err := DropLineTables(segs); err != nil {
				return nil, err
			}
		}
		segs, b, ok, err := CutBuckets(segs)
		if err != nil {
			return nil, err
		}
		buckets, cut = b, ok
		return SplitZeros(segs, ZeroRun), nil
	})
	if err == nil && cut {
		out, err = StartFill(out, buckets)
	}
	return out, err
}

func main() {
	out := flag.String("o", "explorer.wasm", "`file` to write")
	overlay := flag.String("overlay", "", "go build -overlay `file` (to embed another index)")
	named := flag.Bool("named", false, "keep the function names (for size breakdowns)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: wasmbuild [-o out.wasm] [-overlay file.json] [-named] [package]")
		flag.PrintDefaults()
	}
	flag.Parse()
	pkg := "./wasm"
	switch flag.NArg() {
	case 0:
	case 1:
		pkg = flag.Arg(0)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err := build(pkg, *out, *overlay, *named); err != nil {
		fmt.Fprintln(os.Stderr, "wasmbuild:", err)
		os.Exit(1)
	}
}

// build compiles pkg for js/wasm into out, merges its data segments,
// drops the line tables (unless named) and writes the function buckets
// at start.
func build(pkg, out, overlay string, named bool) error {
	// go build leaves alone an output whose build ID says it is up to
	// date, and this one's says so after the passes below too: without
	// the file, a module built by an older wasmbuild is never passed over
	// again by this one.
	if err := os.Remove(out); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	args := append([]string{"build"}, flags(named)...)
	if overlay != "" {
		args = append(args, "-overlay", overlay)
	}
	args = append(args, "-o", out, pkg)
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w", pkg, err)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	merged, err := Ship(wasm, named)
	if err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	return os.WriteFile(out, merged, 0o644)
}
