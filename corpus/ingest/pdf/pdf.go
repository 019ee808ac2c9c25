// Package pdf reads the text and metadata of PDF files, for package
// ingest, with PDFium compiled to WebAssembly and run by wazero
// (github.com/klippa-app/go-pdfium/webassembly): pure Go, no cgo, no
// system library or binary, and every file parsed inside a sandbox whose
// memory is bounded and whose run can be stopped.
//
// # Layout
//
// PDFium gives each page's text in reading order, line by line, with the
// box of every character. A page's lines are grouped into paragraphs: a
// line starts a new paragraph when the gap above it is wider than the
// page's usual line spacing, when it is indented past the text's left
// edge (a first-line indent), when its font is another size, or when the
// line before it stopped short of the right edge (the end of a
// paragraph). Within a paragraph, lines are joined with a space; a word
// hyphenated at a line end is joined without its hyphen when the whole
// word occurs elsewhere in the document, or when PDFium marks the hyphen
// as a soft one, and kept otherwise ("Jean-" + "Luc"). A paragraph
// continued at the top of the next page (a full last line, the next page
// starting in lower case) is joined too, and the page break inside it is
// kept (format.Block.PageStarts).
//
// Lines in a larger font than the body, short and not ending a sentence,
// are headings. Running headers and footers, the first or last lines of a
// page that repeat (digits aside) on at least half the pages, and lone
// page numbers ("12", "Page 12", "12/40", "- 12 -") are boilerplate.
//
// Ligatures, soft hyphens and control characters are resolved by
// format.CleanText.
//
// # Bad files
//
// Encrypted files fail with format.ErrEncrypted, damaged or truncated
// ones with format.ErrCorrupt, files without pages with
// format.ErrNoPages, and files whose pages hold no text (scans) with
// format.ErrNoText and their page count. Reader.Read stops when its
// context is done (the per-file time limit) and kills the sandbox.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdferr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

// MaxMemory is the most memory one PDFium sandbox may take.
const MaxMemory = 2 << 30

// Reader reads PDF files. It starts PDFium on its first use (compiling
// the WebAssembly module takes a few seconds; the compiled code is cached
// in the user's cache folder, so later runs start faster). It is safe for
// concurrent use: up to the number of workers given to New read at once.
// Close releases it.
type Reader struct {
	workers int
	mu      sync.Mutex
	pool    pdfium.Pool
	cache   wazero.CompilationCache
	err     error
	started bool
}

// New returns a Reader that runs up to workers sandboxes at once
// (GOMAXPROCS if workers <= 0).
func New(workers int) *Reader {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return &Reader{workers: workers}
}

// start makes the pool of sandboxes, once.
func (r *Reader) start() (pdfium.Pool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.started {
		return r.pool, r.err
	}
	r.started = true
	cfg := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(MaxMemory / 65536)
	if dir, err := os.UserCacheDir(); err == nil {
		if c, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "corpus-explorer", "wazero")); err == nil {
			r.cache = c
			cfg = cfg.WithCompilationCache(c)
		}
	}
	r.pool, r.err = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       r.workers,
		MaxTotal:      r.workers,
		FSConfig:      wazero.NewFSConfig(), // no file system: files are passed as bytes
		RuntimeConfig: cfg,
		Stdout:        discard{},
		Stderr:        discard{},
		// A sandbox is reused for the next file (a new one costs about
		// 100 ms); one killed by a time limit is replaced.
		ReuseWorkers: true,
	})
	if r.err != nil {
		r.err = fmt.Errorf("starting PDFium: %w", r.err)
	}
	return r.pool, r.err
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// Close stops the sandboxes.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var err error
	if r.pool != nil {
		err = r.pool.Close()
		r.pool = nil
	}
	if r.cache != nil {
		r.cache.Close(context.Background())
		r.cache = nil
	}
	r.err = errors.New("pdf reader closed")
	return err
}

// ErrTimeout is returned when the context ends before the file is read.
var ErrTimeout = errors.New("time limit exceeded")

// Read reads the PDF file in data. When ctx is done first, the sandbox
// reading it is killed and the error wraps ErrTimeout and ctx's error.
func (r *Reader) Read(ctx context.Context, data []byte, lim format.Limits) (*format.Doc, error) {
	pool, err := r.start()
	if err != nil {
		return nil, err
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%w: waiting for a PDFium sandbox: %w", ErrTimeout, ctx.Err())
		}
		return nil, fmt.Errorf("getting a PDFium sandbox: %w", err)
	}
	type result struct {
		doc *format.Doc
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if e := recover(); e != nil {
				done <- result{nil, fmt.Errorf("%w: PDFium failed: %v", format.ErrCorrupt, e)}
			}
		}()
		d, err := extract(inst, data, lim.WithDefaults())
		done <- result{d, err}
	}()
	select {
	case res := <-done:
		inst.Close()
		return res.doc, res.err
	case <-ctx.Done():
		inst.Kill()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
		}
		return nil, fmt.Errorf("%w: %w", ErrTimeout, ctx.Err())
	}
}

// openError turns PDFium's error on opening a file into one of format's.
func openError(err error) error {
	switch {
	case errors.Is(err, pdferr.ErrPassword), errors.Is(err, pdferr.ErrSecurity):
		return fmt.Errorf("%w: %v", format.ErrEncrypted, err)
	case errors.Is(err, pdferr.ErrFormat), errors.Is(err, pdferr.ErrFile), errors.Is(err, pdferr.ErrUnknown):
		return fmt.Errorf("%w: PDFium: %v", format.ErrCorrupt, err)
	}
	return fmt.Errorf("%w: PDFium: %v", format.ErrCorrupt, err)
}

func extract(inst pdfium.Pdfium, data []byte, lim format.Limits) (*format.Doc, error) {
	od, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, openError(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, fmt.Errorf("%w: page count: %v", format.ErrCorrupt, err)
	}
	if pc.PageCount <= 0 {
		return nil, format.ErrNoPages
	}
	doc := &format.Doc{Pages: pc.PageCount}
	if md, err := inst.GetMetaData(&requests.GetMetaData{Document: od.Document}); err == nil {
		for _, t := range md.Tags {
			v := format.CleanText(t.Value)
			switch t.Tag {
			case "Title":
				doc.Title = v
			case "Author":
				doc.Author = v
			case "CreationDate":
				doc.Date = v
			case "ModDate":
				if doc.Date == "" {
					doc.Date = v
				}
			}
		}
	}
	n := pc.PageCount
	if n > lim.MaxPages {
		doc.Warnings = append(doc.Warnings, "only the first "+strconv.Itoa(lim.MaxPages)+" of "+strconv.Itoa(n)+" pages read")
		n = lim.MaxPages
	}
	pages := make([]page, 0, n)
	bad := 0
	for i := 0; i < n; i++ {
		p, err := readPage(inst, od.Document, i)
		if err != nil {
			bad++
			if bad <= 3 {
				doc.Warnings = append(doc.Warnings, "page "+strconv.Itoa(i+1)+" not read: "+err.Error())
			}
			pages = append(pages, page{})
			continue
		}
		pages = append(pages, p)
	}
	if bad > 3 {
		doc.Warnings = append(doc.Warnings, strconv.Itoa(bad)+" pages not read in all")
	}
	if bad == n {
		return nil, fmt.Errorf("%w: none of the %d pages could be read", format.ErrCorrupt, n)
	}
	empty := 0
	for _, p := range pages {
		if len(p.lines) == 0 {
			empty++
		}
	}
	if empty > 0 && empty < len(pages) {
		doc.Warnings = append(doc.Warnings, strconv.Itoa(empty)+" of "+strconv.Itoa(len(pages))+" pages have no text (scanned or image-only pages are not read: no OCR)")
	}
	doc.Blocks = layout(pages)
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("%w (%d pages)", format.ErrNoText, pc.PageCount)
	}
	return doc, nil
}
