package main

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// stageTimes records how long each stage of a build took.
type stageTimes struct {
	read, combine, index, words time.Duration
	cached                      int // documents taken from the cache
}

// buildOptions tune the build pipeline.
type buildOptions struct {
	ingest ingest.Options
	cache  *docCache   // per-document results kept between builds; nil for none
	meter  *meter      // progress; nil for none
	times  *stageTimes // filled in if not nil
	// start, if not nil, is called with the number and size of the files
	// once the folder has been walked.
	start func(files int, bytes int64)
	// spill, if set, keeps the documents' texts in a temporary file in
	// the folder spillDir (the default one if "") from the moment they
	// are indexed until their packs are written (index.Builder.Spill):
	// the index must then be closed.
	spill    bool
	spillDir string
	// read, if not nil, is called once every document is read, annotated
	// on its own and indexed, before the corpus is annotated as a whole.
	read func()
}

// buildIndexWith is the build pipeline. The documents stream through it:
// files are read, made documents (ingest), annotated one by one
// (summary.AnnotateDocument) and analysed for the index (index.Analyse) on
// all processors, or taken from the cache by their content; each is then
// added to the index in order (index.Builder), where its postings are
// merged and, with spill, its text leaves memory. The corpus is then
// annotated as a whole (summary.Combine, from the documents' notes, kept
// encoded) and the index finished. The result does not depend on the
// number of processors or on the cache.
func buildIndexWith(dir string, o buildOptions) (*index.Index, *ingest.Report, error) {
	times := o.times
	if times == nil {
		times = &stageTimes{}
	}
	m := o.meter
	opt := o.ingest
	b := index.NewBuilder()
	if o.spill {
		if err := b.Spill(o.spillDir); err != nil {
			return nil, nil, err
		}
	}
	// What the workers made of each document, until it is added.
	type made struct {
		notes    *summary.Notes
		analysis *index.Analysis
	}
	var mu sync.Mutex
	pending := map[*corpus.Document]made{}
	var notes []*summary.Notes
	var cached atomic.Int64
	opt.Process = func(path string, data []byte, build func() (*corpus.Document, ingest.Layout, error)) (*corpus.Document, ingest.Layout, error) {
		r, hit, err := o.cache.document(path, data, func() (*cacheEntry, error) {
			doc, layout, err := build()
			if err != nil {
				return nil, err
			}
			return &cacheEntry{Doc: doc, Layout: layout, notes: summary.AnnotateDocument(doc)}, nil
		})
		if err != nil {
			return nil, ingest.Layout{}, err
		}
		if hit {
			cached.Add(1)
		}
		a := index.Analyse(r.Doc)
		mu.Lock()
		pending[r.Doc] = made{r.notes, a}
		mu.Unlock()
		return r.Doc, r.Layout, nil
	}
	opt.Added = func(d *corpus.Document) {
		mu.Lock()
		x := pending[d]
		delete(pending, d)
		mu.Unlock()
		notes = append(notes, x.notes)
		b.Add(d, x.analysis) // an error sticks: b.Index returns it
	}
	opt.Start = func(files int, bytes int64) {
		if o.start != nil {
			o.start(files, bytes)
		}
		m.start("read, annotate and index", files, bytes)
	}
	opt.Progress = func(fr ingest.FileReport) { m.add(1, fr.Bytes) }
	t0 := time.Now()
	docs, rep, err := ingest.Dir(dir, opt)
	times.read = time.Since(t0)
	times.cached = int(cached.Load())
	pending = nil
	if err == nil && len(docs) == 0 {
		why := "no .txt, .md, .markdown, .html, .htm, .pdf, .docx, .odt or .epub files, nor plain texts such as README"
		if u := unreadString(rep.Unread); u != "" {
			why += " (" + u + ")"
		}
		if rep.Skipped > 0 {
			why = fmt.Sprintf("all %d candidate files were skipped", rep.Skipped)
		}
		err = fmt.Errorf("no readable documents in %s: %s", dir, why)
	}
	if err != nil {
		if ix, _ := b.Index(corpus.Overview{}); ix != nil {
			ix.Close()
		}
		return nil, rep, err
	}
	extra := ""
	if o.cache != nil {
		extra = fmt.Sprintf("%d of %d from the cache", times.cached, len(docs))
	}
	m.done(extra)
	if o.read != nil {
		o.read()
	}
	t1 := time.Now()
	m.start("annotate the corpus", len(docs), rep.TextBytes)
	ov := summary.Combine(docs, notes)
	notes = nil
	m.done("")
	times.combine = time.Since(t1)
	t2 := time.Now()
	ix, err := b.Index(ov)
	if err != nil {
		return nil, rep, err
	}
	times.index = time.Since(t2)
	if err := o.cache.prune(); err != nil {
		m.note("cache: " + err.Error())
	}
	return ix, rep, nil
}

// memoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit) of
// a build of files of size bytes, unless GOMEMLIMIT sets one: the
// collector then works harder instead of letting the heap grow to twice
// what the build holds at its peak. The texts wait for their packs on
// disk, so that the build holds the documents' metadata and notes, and
// the postings: about 3 times the text once the documents are read,
// somewhat more while the corpus is annotated. It is a soft limit: a
// build that needs more gets it.
func memoryLimit(bytes int64) int64 { return 256<<20 + 5*bytes }

// runBuild writes the index of a corpus folder and reports on every file:
// encoding, repairs, invalid bytes, boilerplate, warnings, or why it was
// skipped; then the totals: documents, skipped files, megabytes, speed,
// peak memory, index size against text size.
func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", stderr)
	var src source
	src.flags(fs)
	out := fs.String("o", "", "index `file` to write")
	quiet := fs.Bool("q", false, "report only the files skipped or with warnings, and the totals")
	maxSize := fs.Int64("max-file-size", ingest.DefaultMaxFileSize, "skip files larger than this many `bytes`")
	cacheDir := fs.String("cache", "", "`folder` keeping each document's results by content, so that a rebuild redoes only the files that changed (the Makefile uses build/cache)")
	progress := fs.String("progress", "auto", "progress on standard error: `auto` (a live line on a terminal, else a line per stage), live, lines or none")
	split := fs.String("split", "auto", "`mode`: on writes the texts' packs as files beside the index (in -packs, zlib-compressed), off embeds them; auto splits above "+sizeString(splitAbove)+" of text")
	packs := fs.String("packs", "", "`folder` of the split index's own packs, where a build removes the packs it did not write; default: NAME.packs beside the -o file NAME.bin, one folder per index")
	partBytes := fs.Int("part-bytes", 0, fmt.Sprintf("`bytes` of text per part of a long document, split only (0: %d; -1: no parts)", index.DefaultPartBytes))
	packBytes := fs.Int("pack-bytes", 0, fmt.Sprintf("`bytes` of text and annotations per pack (0: %d when split, %d embedded)", index.DefaultPackBytes, index.EmbeddedPackBytes))
	chunkBytes := fs.Int("chunk-bytes", index.DefaultChunkBytes, "`bytes` of postings per pack of the search index (split)")
	bulk := fs.String("bulk", "auto", "`mode`: on writes, beside a split build's packs, bulk files (runs of consecutive packs, about "+sizeString(bulkBytes)+" a file, one zlib stream each, listed in "+bulkFile+") that a page loading every pack fetches instead of the packs one by one (the first analysis of the whole corpus, make available offline), for about the packs' size again on the host; off writes none; auto is on when split")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (go tool pprof reads it)")
	memProfile := fs.String("memprofile", "", "write a heap profile to `file` once the documents are read, annotated and indexed, when the build holds the most (go tool pprof reads it)")
	words := fs.String("words", autoWords, "comma-separated word `files` of the corpus's languages (one word a line, as Debian's wfrench writes /usr/share/dict/french): real words the corpus lacks are then told from typos and never autocorrected; auto: the lists of the languages that hold a fifth of the documents' words or more, /usr/share/dict/french for French and /usr/share/dict/american-english (wamerican) for English; \"\" for none")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("creating the CPU profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("starting the CPU profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *out == "" {
		return fmt.Errorf("%w: build -o FILE is required", errUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q (the folder goes after -corpus)", errUsage, fs.Args())
	}
	// The index's folder is made before the build, not found missing
	// after it.
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return fmt.Errorf("making the folder of the index: %w", err)
	}
	m, err := newMeter(stderr, *progress)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	var cache *docCache
	if *cacheDir != "" {
		if cache, err = openCache(*cacheDir); err != nil {
			return err
		}
	}
	if *split != "auto" && *split != "on" && *split != "off" {
		return fmt.Errorf("%w: -split %q: want auto, on or off", errUsage, *split)
	}
	if *bulk != "auto" && *bulk != "on" && *bulk != "off" {
		return fmt.Errorf("%w: -bulk %q: want auto, on or off", errUsage, *bulk)
	}
	if *packs == "" {
		*packs = packsDir(*out)
	}
	start := time.Now()
	var times stageTimes
	limit := func(files int, bytes int64) {
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(memoryLimit(bytes))
		}
	}
	// The texts wait for their packs in a file beside the index, not in
	// memory (nor in a temporary folder that may be in memory).
	var profErr error
	read := func() {
		if *memProfile != "" {
			profErr = writeHeapProfile(*memProfile)
		}
	}
	ix, rep, err := buildIndexWith(src.corpus, buildOptions{ingest: ingest.Options{MaxFileSize: *maxSize}, cache: cache, meter: m, times: &times, start: limit, spill: true, spillDir: filepath.Dir(*out), read: read})
	if rep != nil {
		writeFileReports(stdout, rep, *quiet)
	}
	if err == nil {
		err = profErr
	}
	if err != nil {
		if ix != nil {
			ix.Close()
		}
		return err
	}
	defer ix.Close()
	tw := time.Now()
	nwords, lists, err := addWordLists(ix, *words, m)
	if err != nil {
		return err
	}
	times.words = time.Since(tw)
	t3 := time.Now()
	m.start("encode and write", rep.Documents, rep.TextBytes)
	opt := index.MarshalOptions{PackBytes: *packBytes, PartBytes: *partBytes, ChunkBytes: *chunkBytes, Split: *split == "on" || *split == "auto" && rep.TextBytes > splitAbove}
	// Split, the packs are compressed and written as Marshal makes them,
	// on all processors; the index is written once they all are, and
	// the packs of the last build go then (only .pack files: the folder
	// may hold other things).
	var pw *packWriter
	if opt.Split {
		if err := os.MkdirAll(*packs, 0o755); err != nil {
			return fmt.Errorf("writing the packs: %w", err)
		}
		pw = newPackWriter(*packs)
		opt.Files = pw.write
	}
	b, _, err := ix.Marshal(opt)
	if pw != nil {
		if werr := pw.close(); err == nil {
			err = werr
		}
	}
	if err != nil {
		return fmt.Errorf("encoding the index: %w", err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fmt.Errorf("writing the index: %w", err)
	}
	// The chunks' list, for a page that fetches its first query's
	// postings alongside the module (chunks.go); removed when not split.
	// And the bulk files (bulk.go), for a page that loads every pack.
	var bw bulkWritten
	if opt.Split {
		dix, err := index.Decode(b)
		if err != nil {
			return fmt.Errorf("decoding the index written: %w", err)
		}
		if err := writeChunkList(*packs, dix); err != nil {
			return fmt.Errorf("writing the list of the index's chunks: %w", err)
		}
		if *bulk != "off" {
			if bw, err = writeBulk(*packs, dix, bulkBytes); err != nil {
				return fmt.Errorf("writing the bulk files: %w", err)
			}
		}
	} else if err := os.Remove(filepath.Join(*packs, chunksFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("removing the old list of chunks: %w", err)
	}
	if len(bw.names) == 0 {
		if err := removeBulk(*packs, nil); err != nil {
			return err
		}
	}
	if old, err := filepath.Glob(filepath.Join(*packs, "*.pack")); err == nil {
		for _, f := range old {
			if pw != nil && pw.names[filepath.Base(f)] {
				continue
			}
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("removing the old packs: %w", err)
			}
		}
	}
	if !opt.Split {
		// An embedded build leaves no empty packs folder (one that still
		// holds other files stays).
		_ = os.Remove(*packs)
	}
	packTotal, packFiles := int64(0), 0
	if pw != nil {
		packTotal, packFiles = pw.bytes, len(pw.names)
	}
	m.done("")
	encode := time.Since(t3)
	total := time.Since(start)
	mb := float64(rep.Bytes) / 1e6
	fmt.Fprintf(stdout, "%d documents, %d skipped, %d warnings\n", rep.Documents, rep.Skipped, rep.Warnings)
	fromCache := ""
	if cache != nil {
		fromCache = fmt.Sprintf(", %d documents from the cache", times.cached)
	}
	fmt.Fprintf(stdout, "read %.2f MB (text %.2f MB) in %s: %.2f MB/s (read and annotate %s, annotate the corpus %s, index %s, real words %s, encode and write %s%s)\n",
		mb, float64(rep.TextBytes)/1e6, round(total), mb/total.Seconds(), round(times.read), round(times.combine), round(times.index), round(times.words), round(encode), fromCache)
	if lists != "" {
		fmt.Fprintf(stdout, "%d real words the corpus lacks, near its terms, kept apart from typos (from %s)\n", nwords, lists)
	}
	if peak := peakMemory(); peak > 0 {
		fmt.Fprintf(stdout, "peak memory %.0f MB (GOMAXPROCS %d)\n", float64(peak)/1e6, runtime.GOMAXPROCS(0))
	}
	ratio := 0.0
	if rep.TextBytes > 0 {
		ratio = 100 * float64(len(b)) / float64(rep.TextBytes)
	}
	fmt.Fprintf(stdout, "wrote %s: %.2f MB, %.0f%% of the text\n", *out, float64(len(b))/1e6, ratio)
	if opt.Split {
		fmt.Fprintf(stdout, "wrote %d packs in %s: %.2f MB (split: the texts and the search index's postings are fetched on demand)\n", packFiles, *packs, float64(packTotal)/1e6)
		if len(bw.names) > 0 {
			files := "files"
			if len(bw.names) == 1 {
				files = "file"
			}
			fmt.Fprintf(stdout, "wrote %d bulk %s in %s: %.2f MB (the same packs, in runs, for a page that loads them all; -bulk off writes none)\n", len(bw.names), files, *packs, float64(bw.bytes)/1e6)
		}
	}
	secs, err := index.Sections(b)
	if err != nil {
		return err
	}
	for _, s := range secs {
		fmt.Fprintf(stdout, "  %-14s %12d bytes\n", s.Name, s.Bytes)
	}
	return nil
}

// writeHeapProfile writes a profile of the memory in use (after a
// garbage collection) to file.
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return fmt.Errorf("creating the heap profile: %w", err)
	}
	runtime.GC()
	err = pprof.WriteHeapProfile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing the heap profile: %w", err)
	}
	return nil
}

// packWriter compresses and writes the pack files of a split index as
// Marshal makes them (index.MarshalOptions.Files), on all processors.
type packWriter struct {
	dir  string
	jobs chan index.PackFile
	wg   sync.WaitGroup

	mu    sync.Mutex // guards what follows
	err   error      // the first error
	names map[string]bool
	bytes int64 // compressed
}

func newPackWriter(dir string) *packWriter {
	w := &packWriter{dir: dir, jobs: make(chan index.PackFile, 64), names: map[string]bool{}}
	for range runtime.GOMAXPROCS(0) {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			var z packCompressor
			for f := range w.jobs {
				data, err := z.compress(f.Data)
				if err == nil {
					err = os.WriteFile(filepath.Join(w.dir, f.Name), data, 0o644)
				}
				w.mu.Lock()
				if err != nil && w.err == nil {
					w.err = fmt.Errorf("writing pack %s: %w", f.Name, err)
				}
				w.names[f.Name] = true
				w.bytes += int64(len(data))
				w.mu.Unlock()
			}
		}()
	}
	return w
}

// write queues a file, or returns the first error of those written.
func (w *packWriter) write(f index.PackFile) error {
	w.mu.Lock()
	err := w.err
	w.mu.Unlock()
	if err != nil {
		return err
	}
	w.jobs <- f
	return nil
}

// close waits for the files queued and returns the first error.
func (w *packWriter) close() error {
	close(w.jobs)
	w.wg.Wait()
	return w.err
}

// packCompressor compresses pack files as zlib (RFC 1950), which
// browsers inflate natively (DecompressionStream("deflate")): the module
// carries no decompressor. It reuses its compressor (about 1 MB) from
// one file to the next.
type packCompressor struct {
	level int // the zlib level; 0: zlib.BestCompression
	buf   bytes.Buffer
	w     *zlib.Writer
}

// compress returns data compressed, valid until the next call.
func (z *packCompressor) compress(data []byte) ([]byte, error) {
	z.buf.Reset()
	if z.w == nil {
		level := z.level
		if level == 0 {
			level = zlib.BestCompression
		}
		w, err := zlib.NewWriterLevel(&z.buf, level)
		if err != nil {
			return nil, err
		}
		z.w = w
	} else {
		z.w.Reset(&z.buf)
	}
	if _, err := z.w.Write(data); err != nil {
		return nil, err
	}
	if err := z.w.Close(); err != nil {
		return nil, err
	}
	return z.buf.Bytes(), nil
}

// splitAbove is the text size above which `explorer build -split auto`
// writes the packs apart (issue 13: at most 5 MB).
const splitAbove = 4 << 20

// writeFileReports prints one line a file, its warnings below it.
func writeFileReports(w io.Writer, rep *ingest.Report, quiet bool) {
	for _, f := range rep.Files {
		if f.Err != nil {
			fmt.Fprintf(w, "skip  %s: %v\n", f.Path, f.Err)
			for _, m := range f.Warnings {
				fmt.Fprintf(w, "      warning: %s\n", m)
			}
			continue
		}
		if quiet && len(f.Warnings) == 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "ok    %s  %s  %s", f.Path, f.Encoding, sizeString(f.Bytes))
		if f.ID != strings.TrimSuffix(f.Path, pathExt(f.Path)) {
			fmt.Fprintf(&b, "  id=%s", f.ID)
		}
		fmt.Fprintf(&b, "  repairs=%d invalid=%d boilerplate=%d blocks=%d sentences=%d", f.Repairs, f.InvalidBytes, f.Boilerplate, f.Blocks, f.Sentences)
		if f.Pages > 0 {
			fmt.Fprintf(&b, " pages=%d", f.Pages)
		}
		if f.Reflowed > 0 {
			fmt.Fprintf(&b, " reflowed=%d (wrapped at %d)", f.Reflowed, f.WrapWidth)
		}
		b.WriteByte('\n')
		io.WriteString(w, b.String())
		for _, m := range f.Warnings {
			fmt.Fprintf(w, "      warning: %s\n", m)
		}
	}
	if u := unreadString(rep.Unread); u != "" {
		fmt.Fprintf(w, "%s: not document formats\n", u)
	}
}

// unreadString says how many files of which types were not read, the
// most frequent types first: "not read: 86 files .c, 30 .png, 2 without
// extension and 3 of 3 other types"; "" when there are none.
func unreadString(unread map[string]int) string {
	if len(unread) == 0 {
		return ""
	}
	type kind struct {
		ext string
		n   int
	}
	var kinds []kind
	total := 0
	for e, n := range unread {
		kinds = append(kinds, kind{e, n})
		total += n
	}
	sort.Slice(kinds, func(i, j int) bool {
		if kinds[i].n != kinds[j].n {
			return kinds[i].n > kinds[j].n
		}
		return kinds[i].ext < kinds[j].ext
	})
	const shown = 6
	var parts []string
	for i, k := range kinds {
		if i == shown {
			rest := 0
			for _, k := range kinds[shown:] {
				rest += k.n
			}
			parts = append(parts, fmt.Sprintf("%d of %d other types", rest, len(kinds)-shown))
			break
		}
		parts = append(parts, fmt.Sprintf("%d %s", k.n, k.ext))
	}
	files := "files"
	if total == 1 {
		files = "file"
	}
	return fmt.Sprintf("%d %s not read (%s)", total, files, strings.Join(parts, ", "))
}

func pathExt(p string) string {
	i := strings.LastIndexByte(p, '.')
	if i < 0 || strings.IndexByte(p[i:], '/') >= 0 {
		return ""
	}
	return p[i:]
}

func round(d time.Duration) time.Duration {
	switch {
	case d > 10*time.Second:
		return d.Round(100 * time.Millisecond)
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	default:
		return d.Round(time.Millisecond)
	}
}

// sizeString writes a byte count for people.
func sizeString(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}

// autoWords is -words's default: the word lists of the documents' main
// languages (search.WordLists: Debian's wfrench for French, wamerican for
// English, which `make setup` installs).
const autoWords = "auto"

// addWordLists gives ix the real words of the word lists that its search
// would otherwise take for typos (search.AbsentWords) and returns how many,
// with the lists read, comma-separated. lists is autoWords, or the lists'
// files, comma-separated. A missing file is an error, but for a list
// chosen by autoWords: the build then says so on the meter and goes on
// with the others.
func addWordLists(ix *index.Index, lists string, m *meter) (int, string, error) {
	if lists == autoWords {
		return readWordLists(ix, search.WordLists(ix), true, m)
	}
	var ls []search.WordList
	if lists != "" {
		for _, p := range strings.Split(lists, ",") {
			ls = append(ls, search.WordList{Path: p})
		}
	}
	return readWordLists(ix, ls, false, m)
}

// readWordLists is addWordLists for the lists ls; optional lists may be
// missing.
func readWordLists(ix *index.Index, ls []search.WordList, optional bool, m *meter) (int, string, error) {
	var ws, read []string
	for _, l := range ls {
		w, err := search.ReadWordList(l.Path)
		if err != nil && optional && errors.Is(err, fs.ErrNotExist) {
			m.note("no word list at " + l.Path + " (Debian: apt-get install " + l.Package + ", or make setup): real " + l.Name + " words the corpus lacks will be taken for typos of its words")
			continue
		}
		if err != nil {
			return 0, "", fmt.Errorf("-words: %w", err)
		}
		ws = append(ws, w...)
		read = append(read, l.Path)
	}
	if len(read) == 0 {
		return 0, "", nil
	}
	lists := strings.Join(read, ",")
	m.start("real words the corpus lacks", 0, 0)
	absent := search.New(ix).AbsentWords(ws)
	ix.SetAbsentWords(absent)
	m.done(fmt.Sprintf("%d of the %d words of %s", len(absent), len(ws), lists))
	return len(absent), lists, nil
}
