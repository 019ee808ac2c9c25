package ingest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

// DefaultMaxFileSize is the largest file read when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 64 << 20

// Errors that say why a file was skipped; FileReport.Err wraps one of them
// (or decode.ErrBinary, or an I/O error).
var (
	ErrEmpty     = errors.New("empty file: no text")
	ErrTooLarge  = errors.New("file too large")
	ErrNotFile   = errors.New("not a regular file")
	ErrSymlink   = errors.New("symbolic link not followed")
	ErrChanged   = errors.New("file changed during the build")
	ErrVanished  = errors.New("file disappeared during the build")
	ErrDuplicate = errors.New("same document already indexed")
)

// Options tune ingestion. The zero value is ready to use.
type Options struct {
	// MaxFileSize: larger files are skipped with a message, before being
	// read; 0 means DefaultMaxFileSize.
	MaxFileSize int64

	// MaxBinarySize: PDF, DOCX, ODT and EPUB files larger than this are
	// skipped with a message; 0 means DefaultMaxBinarySize. The text they
	// hold is bounded by MaxFileSize.
	MaxBinarySize int64

	// FileTimeout is the time limit for reading one PDF, DOCX, ODT or EPUB
	// file; 0 means DefaultFileTimeout. A file that takes longer is
	// skipped and reported, and the build goes on.
	FileTimeout time.Duration

	// Limits bound decompression and PDF pages (zip bombs); the zero
	// value takes format's defaults.
	Limits format.Limits

	// Workers is how many files Dir reads and makes documents at once, and
	// the most PDF files read at once by Readers (one PDFium sandbox
	// each); 0 means runtime.GOMAXPROCS(0). The results do not depend on it.
	Workers int

	// Readers, if not nil, reads the binary formats (Dir makes its own,
	// and closes it, when it is nil); parallel callers share one.
	Readers *Readers

	// Start, if not nil, is called once the folder has been walked, before
	// any file is read, with the number of candidate files and their size.
	Start func(files int, bytes int64)

	// Progress, if not nil, is called after each file with its report, in
	// the order of Report.Files, on the goroutine that called Dir.
	Progress func(FileReport)

	// Added, if not nil, is called with each document as Dir adds it to
	// its result (with its final ID), in order, on the goroutine that
	// called Dir, before Progress: the hook of a build pipeline that
	// takes the documents as they come, and may move what it no longer
	// needs of them out of memory.
	Added func(*corpus.Document)

	// Process, if not nil, makes each file's document in place of Bytes:
	// the hook of a build pipeline that annotates each document in the
	// worker that read it, or takes it from a cache. It is called on the
	// workers, at once for different files, with the file's path (as in
	// FileReport.Path) and content, and build, which makes the document
	// as Dir would. The document's ID is the path without its extension;
	// Dir changes it afterwards if another file has that ID already.
	Process func(path string, data []byte, build func() (*corpus.Document, Layout, error)) (*corpus.Document, Layout, error)

	// hook, used by tests, runs between a file's stat and its read.
	hook func(path string)
	// open, used by tests, replaces os.Open.
	open func(path string) (*os.File, error)
}

// withDefaults returns opt with its zero limits set to the defaults.
func (opt Options) withDefaults() Options {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	if opt.MaxBinarySize <= 0 {
		opt.MaxBinarySize = DefaultMaxBinarySize
	}
	if opt.FileTimeout <= 0 {
		opt.FileTimeout = DefaultFileTimeout
	}
	opt.Limits = opt.Limits.WithDefaults()
	return opt
}

// FileReport tells what happened to one file.
type FileReport struct {
	Path         string // relative to the corpus root, slash-separated
	ID           string // "" when the file was skipped
	Bytes        int64  // size of the file
	TextBytes    int    // bytes of cleaned text
	Encoding     string // the text encoding, or the format of a binary document: "pdf", "docx", "odt", "epub"
	Pages        int    // pages of a PDF
	Repairs      int
	InvalidBytes int
	Boilerplate  int // boilerplate blocks marked
	Blocks       int
	Sentences    int
	Reflowed     int // line breaks joined: the file was hard-wrapped
	WrapWidth    int // the width it was wrapped at
	Warnings     []string
	Err          error // why the file was skipped; nil if it became a document
}

// Layout is what reading a file found of its layout that its document
// does not hold, for its report.
type Layout struct {
	Reflowed  int // line breaks joined: the file was hard-wrapped
	WrapWidth int // the width it was wrapped at
}

// Report tells what happened to a whole folder.
type Report struct {
	Files     []FileReport // one per candidate file, in lexical order
	Documents int          // files that became documents
	Skipped   int          // files reported but not made documents
	Bytes     int64        // bytes read from the files that became documents
	TextBytes int64        // bytes of cleaned text in the documents
	Warnings  int          // warnings over all files
	Elapsed   time.Duration
	// Unread counts the files of other types, which Dir does not read, by
	// extension in lower case (".png", ".csv"); hidden files and ignored
	// folders are not counted.
	Unread map[string]int
}

// textExt reports whether Dir reads a file of this name, and the suffix
// its document's ID drops: the extension of a format (".txt", ".pdf"),
// "" for a plain text named without one, and with ".gz" after it for a
// gzipped file (".txt.gz", ".gz"), which is read as the file it holds.
// Plain texts without a format's extension are the files that software
// and its packages ship: a name without extension ("README", "GPL-3",
// "Makefile"), a conventional name with any suffix ("README.Debian",
// "changelog.Debian", "NEWS.old"), a version number ("Apache-2.0",
// "LGPL-2.1"). They are read if they hold text; any other is skipped, as
// binary, with its reason in the report.
func textExt(name string) (ext string, ok bool) {
	if n := len(name); n > 3 && strings.EqualFold(name[n-3:], ".gz") {
		inner, ok := plainExt(name[:n-3])
		return inner + name[n-3:], ok
	}
	return plainExt(name)
}

// plainExt is textExt for a name that is not gzipped.
func plainExt(name string) (ext string, ok bool) {
	ext = filepath.Ext(name)
	switch strings.ToLower(ext) {
	case ".txt", ".text", ".rst", ".md", ".markdown", ".html", ".htm":
		return ext, true
	}
	if binaryFormat(ext) != "" {
		return ext, true
	}
	base, _, _ := strings.Cut(name, ".")
	switch {
	case ext == "" && name != "", textNames[strings.ToLower(base)], isVersion(name[:len(name)-len(ext)], ext):
		return "", true
	}
	return ext, false
}

// textNames are the names (before any dot, in lower case) that plain-text
// files go by without a .txt extension.
var textNames = map[string]bool{
	"readme": true, "news": true, "changelog": true, "changes": true, "copying": true, "copyright": true,
	"license": true, "licence": true, "authors": true, "install": true, "thanks": true, "todo": true,
	"history": true, "bugs": true, "contributing": true, "faq": true, "notice": true, "credits": true,
}

// isVersion reports whether ext ends a version number: digits after a
// base ending in a digit ("Apache-2" ".0"); not a man page's section
// ("ls" ".1").
func isVersion(base, ext string) bool {
	if len(ext) < 2 || base == "" || base[len(base)-1] < '0' || base[len(base)-1] > '9' {
		return false
	}
	for _, c := range ext[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ignored reports whether a file or folder name is skipped: hidden names
// (".git", ".notes.txt"), and folders the go tool skips ("_drafts",
// testdata, vendor, node_modules). Files whose name starts with "_" are
// read: man pages such as "_exit.2.txt" are documents.
func ignored(name string, dir bool) bool {
	if name == "" {
		return false
	}
	if name[0] == '.' {
		return true
	}
	return dir && (name[0] == '_' || name == "testdata" || name == "vendor" || name == "node_modules")
}

// Dir reads every document below root: .txt, .text, .rst, .md, .markdown,
// .html, .htm, .pdf, .docx, .odt and .epub files, plain texts named
// without such an extension (see textExt), and any of these gzipped
// (".gz"), in lexical path order; the files of other types are counted
// in Report.Unread. Files it cannot use are skipped and
// reported; the error is non-nil only when the folder itself cannot be used.
// It walks the folder first, then reads and builds the files on
// Options.Workers goroutines, and gives the same result whatever their
// number.
func Dir(root string, opt Options) ([]*corpus.Document, *Report, error) {
	start := time.Now()
	rep := &Report{}
	opt = opt.withDefaults()
	if opt.Readers == nil {
		opt.Readers = NewReaders(opt)
		defer opt.Readers.Close()
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, rep, fmt.Errorf("corpus folder: %w", err)
	}
	if !st.IsDir() {
		return nil, rep, fmt.Errorf("corpus folder %s: not a folder", root)
	}
	// Walk the real folder, so that a root given as a symbolic link works
	// and links inside can be checked against it.
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, rep, fmt.Errorf("corpus folder: %w", err)
	}
	real, err = filepath.Abs(real)
	if err != nil {
		return nil, rep, fmt.Errorf("corpus folder: %w", err)
	}
	w := &walker{root: real, opt: opt, rep: rep, ids: map[string]int{}, texts: map[[32]byte]int{}}
	err = filepath.WalkDir(real, w.visit)
	w.run()
	rep.Elapsed = time.Since(start)
	if err != nil {
		return w.docs, rep, fmt.Errorf("reading corpus folder %s: %w", root, err)
	}
	return w.docs, rep, nil
}

// entry is one candidate file found by the walk: its report so far and,
// if it is to be read, the job of reading it.
type entry struct {
	fr  FileReport
	job *job
}

// job is a file to read and make a document of.
type job struct {
	target, ext string
	// Set by the worker:
	doc    *corpus.Document
	layout Layout
	warn   string
	err    error
	done   chan struct{}
}

// run reads the files the walk found, in parallel, and adds them in order.
// At most a few files per worker are read ahead of the one being added,
// so that memory holds documents, not files waiting their turn.
func (w *walker) run() {
	if w.opt.Start != nil {
		files, size := 0, int64(0)
		for _, e := range w.entries {
			files++
			if e.job != nil {
				size += e.fr.Bytes
			}
		}
		w.opt.Start(files, size)
	}
	workers := w.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	window := make(chan struct{}, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				w.work(&w.entries[i])
			}
		}()
	}
	var todo []int
	for i := range w.entries {
		if w.entries[i].job != nil {
			todo = append(todo, i)
		}
	}
	go func() {
		for _, i := range todo {
			window <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	for i := range w.entries {
		e := &w.entries[i]
		if e.job != nil {
			<-e.job.done
			<-window
			w.finish(e)
		} else {
			w.add(e.fr, nil)
		}
		w.entries[i] = entry{}
	}
	wg.Wait()
}

// work reads one file and makes its document, on a worker.
func (w *walker) work(e *entry) {
	j := e.job
	defer close(j.done)
	data, warn, err := w.read(j.target, &e.fr)
	j.warn = warn
	if err != nil {
		j.err = err
		return
	}
	rel := e.fr.Path
	id := strings.TrimSuffix(rel, j.ext)
	src := rel // the name that says how to read it
	if gzipped(rel) {
		src = rel[:len(rel)-3]
		limit := w.opt.MaxFileSize
		if binaryFormat(path.Ext(src)) != "" {
			limit = w.opt.MaxBinarySize
		}
		if data, err = gunzip(data, limit); err != nil {
			j.err = err
			return
		}
	}
	build := func() (*corpus.Document, Layout, error) {
		doc, d, err := w.opt.Readers.build(id, src, data)
		if err != nil {
			return nil, Layout{}, err
		}
		doc.Path = rel
		return doc, Layout{Reflowed: d.joins, WrapWidth: d.width}, nil
	}
	if w.opt.Process != nil {
		j.doc, j.layout, j.err = w.opt.Process(rel, data, build)
	} else {
		j.doc, j.layout, j.err = build()
	}
}

type walker struct {
	root    string
	opt     Options
	rep     *Report
	entries []entry // the candidate files, in walk order, for run
	docs    []*corpus.Document
	ids     map[string]int   // id -> index in rep.Files of the file that has it
	texts   map[[32]byte]int // hash of a document's title and text -> index in rep.Files of its file
}

func (w *walker) visit(p string, d fs.DirEntry, err error) error {
	if p == w.root {
		return err // a root that cannot be read is the caller's error
	}
	name := d.Name()
	rel, _ := filepath.Rel(w.root, p)
	rel = filepath.ToSlash(rel)
	if err != nil {
		// A folder (or entry) that cannot be read: report it, go on.
		if ignored(name, d != nil && d.IsDir()) {
			return nil
		}
		w.skip(FileReport{Path: rel, Err: err})
		if d != nil && d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if d.IsDir() {
		if ignored(name, true) {
			return fs.SkipDir
		}
		return nil
	}
	if ignored(name, false) {
		return nil
	}
	ext, ok := textExt(name)
	if d.Type()&fs.ModeSymlink != 0 {
		w.symlink(p, rel, ext, ok)
		return nil
	}
	if !ok {
		if w.rep.Unread == nil {
			w.rep.Unread = map[string]int{}
		}
		w.rep.Unread[strings.ToLower(ext)]++
		return nil
	}
	if !d.Type().IsRegular() {
		w.skip(FileReport{Path: rel, Err: fmt.Errorf("%w (%s)", ErrNotFile, d.Type())})
		return nil
	}
	w.file(p, rel, ext, d, nil)
	return nil
}

// symlink handles a symbolic link found in the walk.
func (w *walker) symlink(p, rel, ext string, text bool) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		msg := "broken or looping"
		if isLoop(err) {
			msg = "looping"
		}
		if text || !strings.Contains(err.Error(), "no such file") {
			w.skip(FileReport{Path: rel, Err: fmt.Errorf("%w: %s symbolic link: %v", ErrSymlink, msg, err)})
		}
		return
	}
	st, err := os.Stat(target)
	if err != nil {
		if text {
			w.skip(FileReport{Path: rel, Err: fmt.Errorf("%w: %v", ErrSymlink, err)})
		}
		return
	}
	if st.IsDir() {
		w.skip(FileReport{Path: rel, Err: fmt.Errorf("%w: link to a folder (%s); folders are not followed", ErrSymlink, target)})
		return
	}
	if !text {
		return
	}
	in, err := filepath.Rel(w.root, target)
	if err != nil || in == ".." || strings.HasPrefix(in, ".."+string(filepath.Separator)) || filepath.IsAbs(in) {
		w.skip(FileReport{Path: rel, Err: fmt.Errorf("%w: target %s is outside the corpus folder", ErrSymlink, target)})
		return
	}
	if w.walked(in) {
		w.skip(FileReport{Path: rel, Err: fmt.Errorf("%w: link to %s, which is indexed under its own name", ErrDuplicate, filepath.ToSlash(in))})
		return
	}
	if !st.Mode().IsRegular() {
		w.skip(FileReport{Path: rel, Err: fmt.Errorf("%w: link to %s (%s)", ErrNotFile, filepath.ToSlash(in), st.Mode().Type())})
		return
	}
	w.file(target, rel, ext, nil, []string{"symbolic link to " + filepath.ToSlash(in)})
}

// walked reports whether the walk reads the file at in (relative to the
// root) under its own name.
func (w *walker) walked(in string) bool {
	parts := strings.Split(filepath.ToSlash(in), "/")
	for i, part := range parts {
		if ignored(part, i < len(parts)-1) {
			return false
		}
	}
	_, ok := textExt(parts[len(parts)-1])
	if !ok {
		return false
	}
	st, err := os.Lstat(filepath.Join(w.root, in))
	return err == nil && st.Mode().IsRegular()
}

func isLoop(err error) bool {
	return strings.Contains(err.Error(), "too many links") || strings.Contains(err.Error(), "too many levels")
}

// file records a file to read (target, found at rel with d its entry in
// the walk, or nil for a link) for run.
func (w *walker) file(target, rel, ext string, d fs.DirEntry, warnings []string) {
	fr := FileReport{Path: rel, Warnings: warnings}
	if d != nil {
		if info, err := d.Info(); err == nil {
			fr.Bytes = info.Size()
		}
	} else if st, err := os.Stat(target); err == nil {
		fr.Bytes = st.Size()
	}
	w.entries = append(w.entries, entry{fr: fr, job: &job{target: target, ext: ext, done: make(chan struct{})}})
}

// finish adds a file that a worker has read, giving its document an ID no
// other document has.
func (w *walker) finish(e *entry) {
	fr, j := e.fr, e.job
	if j.warn != "" {
		fr.Warnings = append(fr.Warnings, j.warn)
	}
	if j.err != nil {
		fr.Err = j.err
		w.add(fr, nil)
		return
	}
	rel, doc := fr.Path, j.doc
	// The same document in two files (a licence every package ships, a
	// copy in another folder) is indexed once: else each search lists it
	// as many times.
	sum := sha256.Sum256([]byte(doc.Title + "\x00" + doc.Text))
	if jj, dup := w.texts[sum]; dup {
		fr.Err = fmt.Errorf("%w: the same title and text as %s, which is indexed", ErrDuplicate, w.rep.Files[jj].Path)
		w.rep.Files[jj].Warnings = append(w.rep.Files[jj].Warnings, "the same document is in "+rel+", not indexed again")
		w.rep.Warnings++
		w.add(fr, nil)
		return
	}
	id := strings.TrimSuffix(rel, j.ext)
	if jj, taken := w.ids[id]; taken {
		alt := rel
		for n := 2; ; n++ {
			if _, t := w.ids[alt]; !t {
				break
			}
			alt = rel + "~" + strconv.Itoa(n)
		}
		w.rep.Files[jj].Warnings = append(w.rep.Files[jj].Warnings, "id "+strconv.Quote(id)+" also claimed by "+rel+", which gets id "+strconv.Quote(alt))
		w.rep.Warnings++
		fr.Warnings = append(fr.Warnings, "id "+strconv.Quote(id)+" already taken by "+w.rep.Files[jj].Path+": this file gets id "+strconv.Quote(alt))
		if doc.TitleDerived && doc.Title == doc.ID {
			doc.Title = alt
		}
		doc.ID = alt
		id = alt
	}
	fr.ID = doc.ID
	fr.Reflowed, fr.WrapWidth = j.layout.Reflowed, j.layout.WrapWidth
	fr.TextBytes = len(doc.Text)
	fr.Pages = len(doc.Pages)
	fr.Encoding = doc.Encoding
	inner := rel
	if gzipped(rel) {
		inner = rel[:len(rel)-3]
	}
	if f := binaryFormat(path.Ext(inner)); f != "" {
		fr.Encoding = f
	}
	fr.Repairs = doc.Repairs
	fr.InvalidBytes = doc.InvalidBytes
	fr.Blocks = len(doc.Blocks)
	fr.Sentences = len(doc.Sentences)
	for _, b := range doc.Blocks {
		if b.Kind == corpus.Boilerplate {
			fr.Boilerplate++
		}
	}
	fr.Warnings = append(fr.Warnings, doc.Warnings...)
	doc.Warnings = append([]string(nil), fr.Warnings...)
	w.ids[id] = len(w.rep.Files)
	w.texts[sum] = len(w.rep.Files)
	w.add(fr, doc)
}

// read reads a file, checking its size against the limit and that it does
// not change while it is read.
func (w *walker) read(p string, fr *FileReport) (data []byte, warning string, err error) {
	for attempt := 0; ; attempt++ {
		before, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, "", ErrVanished
			}
			return nil, "", err
		}
		if !before.Mode().IsRegular() {
			return nil, "", fmt.Errorf("%w (%s)", ErrNotFile, before.Mode().Type())
		}
		fr.Bytes = before.Size()
		if limit, which := w.opt.MaxFileSize, "MaxFileSize"; binaryFormat(path.Ext(p)) != "" {
			if before.Size() > w.opt.MaxBinarySize {
				return nil, "", fmt.Errorf("%w: %s, over the limit of %s (Options.MaxBinarySize)", ErrTooLarge, sizeString(before.Size()), sizeString(w.opt.MaxBinarySize))
			}
		} else if before.Size() > limit {
			return nil, "", fmt.Errorf("%w: %s, over the limit of %s (Options.%s)", ErrTooLarge, sizeString(before.Size()), sizeString(limit), which)
		}
		if w.opt.hook != nil {
			w.opt.hook(p)
		}
		data, err = w.readAll(p, before.Size())
		if err != nil {
			return nil, "", err
		}
		after, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, "", ErrVanished
			}
			return nil, "", err
		}
		if int64(len(data)) == before.Size() && after.Size() == before.Size() && after.ModTime().Equal(before.ModTime()) {
			if attempt > 0 {
				warning = "changed while it was read: read again"
			}
			fr.Bytes = int64(len(data))
			return data, warning, nil
		}
		if attempt > 0 {
			return nil, "", fmt.Errorf("%w: size or modification time changed while it was read, twice", ErrChanged)
		}
	}
}

// readAll reads at most size+1 bytes of p (a larger result means the file
// grew since its stat) and never more than the size limit plus one.
func (w *walker) readAll(p string, size int64) ([]byte, error) {
	open := os.Open
	if w.opt.open != nil {
		open = w.opt.open
	}
	f, err := open(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ErrVanished
		}
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, size+1)
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return buf[:n:n], nil
}

// gzipped reports whether a file's name ends in ".gz".
func gzipped(name string) bool {
	return len(name) > 3 && strings.EqualFold(name[len(name)-3:], ".gz")
}

// gunzip returns the content of a gzipped file, refusing more than limit
// bytes of it (a small file can hold gigabytes).
func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: not a readable gzip file: %v", format.ErrCorrupt, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", format.ErrCorrupt, err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: more than %s once decompressed (the limit)", ErrTooLarge, sizeString(limit))
	}
	return out, nil
}

// skip records a file the walk already knows it cannot use.
func (w *walker) skip(fr FileReport) { w.entries = append(w.entries, entry{fr: fr}) }

// add adds a file's report, and its document if it became one.
func (w *walker) add(fr FileReport, doc *corpus.Document) {
	if doc != nil {
		w.docs = append(w.docs, doc)
		w.rep.Documents++
		w.rep.Bytes += fr.Bytes
		w.rep.TextBytes += int64(fr.TextBytes)
		if w.opt.Added != nil {
			w.opt.Added(doc)
		}
	} else {
		w.rep.Skipped++
	}
	w.rep.Warnings += len(fr.Warnings)
	w.rep.Files = append(w.rep.Files, fr)
	if w.opt.Progress != nil {
		w.opt.Progress(fr)
	}
}

// sizeString writes a byte count for people: "812 B", "12.3 KB", "104.9 MB".
func sizeString(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1000*1000:
		return strconv.FormatFloat(float64(n)/1e3, 'f', 1, 64) + " KB"
	default:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
	}
}
