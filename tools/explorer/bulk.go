package main

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/corpus-explorer/explorer/corpus/index"
)

// bulkFile is the name, in a split build's packs folder, of the list of
// its bulk files: runs of consecutive packs, their bytes (decompressed)
// one after another in pack order, compressed as one zlib stream in the
// file HASH.bulk (HASH: the FNV-64a of those bytes, as a pack's name is
// of its own). A page that loads every pack (explorer.js's
// makeAvailableOffline, and so the first analysis of the whole corpus)
// fetches the bulk files, a few requests, instead of thousands of packs
// of about 2 KB, inflates each once and cuts it into its packs by the
// sizes of the index's pack table; the module checks each pack's size and
// hash as it checks a pack file's. Its format, text, one line each:
//
//	corpus-explorer bulk 1
//	FIRST<TAB>COUNT<TAB>HASH
//	...
//
// where a line is the bulk file HASH.bulk holding packs FIRST to
// FIRST+COUNT-1, numbered as the module numbers them (its pack list):
// the texts' packs, then the chunks of the search index, then the parts
// of long documents (never in a bulk file: the texts' packs hold them
// whole) and the lexicon. A bulk file is a shortcut: a page that cannot
// have one (missing, damaged) fetches its packs one by one.
const bulkFile = "bulk.txt"

// bulkHeader is the first line of bulkFile.
const bulkHeader = "corpus-explorer bulk 1"

// bulkExt ends the name of a bulk file.
const bulkExt = ".bulk"

// bulkBytes is about how many bytes of packs (decompressed) a bulk file
// holds: 1 MB, inflated by the browser in a few milliseconds, a hundred
// files for 100 MB of text (its packs and the search index's chunks:
// 21,149 packs of about 7.5 KB), against one request a pack.
const bulkBytes = 1 << 20

// bulkLevel is the zlib level of the bulk files: the default (6). On the
// 100 MB corpus (145 files for its 21,149 packs), the best (9) wrote 0.2%
// fewer bytes (65.79 MB against 65.94) in three times the time (19.8 s
// against 6.3 s on 2 cores).
const bulkLevel = zlib.DefaultCompression

// bulkPack is one pack of a split index as a bulk file holds it: its
// number (as the module numbers them), its file's name and its size,
// decompressed.
type bulkPack struct {
	num  int
	name string
	size int
}

// bulkPacks returns the packs a bulk load fetches, in order of number:
// the texts' packs, the chunks of the search index and its lexicon (not
// the parts of long documents, which the texts' packs hold whole).
func bulkPacks(ix *index.Index) []bulkPack {
	var out []bulkPack
	for p := 0; p < ix.NumPacks(); p++ {
		out = append(out, bulkPack{p, ix.PackName(p), ix.PackSize(p)})
	}
	for c := 0; c < ix.NumChunks(); c++ {
		out = append(out, bulkPack{ix.NumPacks() + c, ix.ChunkName(c), ix.ChunkSize(c)})
	}
	if ix.LexiconApart() {
		out = append(out, bulkPack{ix.LexiconPack(), ix.LexiconName(), ix.LexiconSize()})
	}
	return out
}

// bulkRuns cuts packs (in order of number) into runs of consecutive
// numbers of about size bytes each: a run ends before the pack that would
// take it over size, or at a gap in the numbers. Runs of one pack are
// left out: a bulk file would save nothing.
func bulkRuns(packs []bulkPack, size int) [][]bulkPack {
	var runs [][]bulkPack
	start, bytes := 0, 0
	flush := func(end int) {
		if end-start > 1 {
			runs = append(runs, packs[start:end:end])
		}
		start, bytes = end, 0
	}
	for i, p := range packs {
		if i > start && (p.num != packs[i-1].num+1 || bytes+p.size > size) {
			flush(i)
		}
		bytes += p.size
	}
	flush(len(packs))
	return runs
}

// bulkWritten is what writeBulk wrote.
type bulkWritten struct {
	names map[string]bool // the bulk files' names
	bytes int64           // their size, compressed
}

// writeBulk writes, in the packs folder dir where the pack files of ix
// are, the bulk files of runs of about size bytes of its packs and their
// list (bulkFile), on all processors. Each pack is read back from its
// file and checked (size and hash) before it goes into a bulk file.
func writeBulk(dir string, ix *index.Index, size int) (bulkWritten, error) {
	runs := bulkRuns(bulkPacks(ix), size)
	lines := make([]string, len(runs))
	errs := make([]error, len(runs))
	sizes := make([]int, len(runs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(runs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			z := packCompressor{level: bulkLevel}
			var raw bytes.Buffer
			for r := range next {
				name, n, err := writeBulkFile(dir, runs[r], &raw, &z)
				if err != nil {
					errs[r] = err
					continue
				}
				lines[r] = strconv.Itoa(runs[r][0].num) + "\t" + strconv.Itoa(len(runs[r])) + "\t" + strings.TrimSuffix(name, bulkExt) + "\n"
				sizes[r] = n
			}
		}()
	}
	for r := range runs {
		next <- r
	}
	close(next)
	wg.Wait()
	w := bulkWritten{names: map[string]bool{}}
	if err := errors.Join(errs...); err != nil {
		return w, err
	}
	for r, l := range lines {
		w.names[l[strings.LastIndexByte(l, '\t')+1:len(l)-1]+bulkExt] = true
		w.bytes += int64(sizes[r])
	}
	file := filepath.Join(dir, bulkFile)
	if len(runs) == 0 {
		return w, removeBulk(dir, nil)
	}
	if err := os.WriteFile(file, []byte(bulkHeader+"\n"+strings.Join(lines, "")), 0o644); err != nil {
		return w, err
	}
	return w, removeBulk(dir, w.names)
}

// writeBulkFile writes the bulk file of the packs run, read from their
// files in dir, and returns its name and size; raw and z are the
// caller's, reused from one file to the next.
func writeBulkFile(dir string, run []bulkPack, raw *bytes.Buffer, z *packCompressor) (string, int, error) {
	raw.Reset()
	for _, p := range run {
		if err := readPack(raw, filepath.Join(dir, p.name), p.size); err != nil {
			return "", 0, fmt.Errorf("bulk file of packs %d to %d: %w", run[0].num, run[len(run)-1].num, err)
		}
	}
	h := fnv.New64a()
	h.Write(raw.Bytes())
	name := fmt.Sprintf("%016x", h.Sum64()) + bulkExt
	data, err := z.compress(raw.Bytes())
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	if err != nil {
		return "", 0, fmt.Errorf("writing bulk file %s: %w", name, err)
	}
	return name, len(data), nil
}

// readPack appends to raw the decompressed bytes of the pack file, which
// must be size bytes whose FNV-64a is the file's name.
func readPack(raw *bytes.Buffer, file string, size int) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := zlib.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	at := raw.Len()
	n, err := io.Copy(raw, io.LimitReader(zr, int64(size)+1))
	if err == nil {
		err = zr.Close()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if n != int64(size) {
		return fmt.Errorf("%s: %d bytes, the index says %d", file, n, size)
	}
	h := fnv.New64a()
	h.Write(raw.Bytes()[at:])
	if got := fmt.Sprintf("%016x", h.Sum64()); !strings.HasPrefix(filepath.Base(file), got) {
		return fmt.Errorf("%s: wrong content hash %s", file, got)
	}
	return nil
}

// removeBulk removes from the packs folder dir the bulk files not in
// keep and, when keep is empty, the list of bulk files.
func removeBulk(dir string, keep map[string]bool) error {
	if len(keep) == 0 {
		if err := os.Remove(filepath.Join(dir, bulkFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("removing the old list of bulk files: %w", err)
		}
	}
	old, err := filepath.Glob(filepath.Join(dir, "*"+bulkExt))
	if err != nil {
		return err
	}
	for _, f := range old {
		if keep[filepath.Base(f)] {
			continue
		}
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("removing the old bulk files: %w", err)
		}
	}
	return nil
}
