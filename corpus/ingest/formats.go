package ingest

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest/docx"
	"github.com/corpus-explorer/explorer/corpus/ingest/epub"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
	"github.com/corpus-explorer/explorer/corpus/ingest/odt"
	"github.com/corpus-explorer/explorer/corpus/ingest/pdf"
)

// DefaultMaxBinarySize is the largest PDF, DOCX, ODT or EPUB file read when
// Options.MaxBinarySize is 0: such files are mostly images and fonts.
const DefaultMaxBinarySize = 256 << 20

// DefaultFileTimeout is the time limit for reading one PDF, DOCX, ODT or
// EPUB file when Options.FileTimeout is 0.
const DefaultFileTimeout = 60 * time.Second

// ErrTimeout says a file took longer to read than Options.FileTimeout.
var ErrTimeout = errors.New("time limit exceeded")

// binaryFormat returns the name of the document format a file extension
// is read as ("pdf", "docx", "odt", "epub"), or "" for text formats.
func binaryFormat(ext string) string {
	switch strings.ToLower(ext) {
	case ".pdf":
		return "pdf"
	case ".docx", ".docm", ".dotx":
		return "docx"
	case ".odt", ".ott":
		return "odt"
	case ".epub":
		return "epub"
	}
	return ""
}

// Readers reads the document formats that are not text: PDF (with PDFium
// in a WebAssembly sandbox, started on the first PDF), DOCX, ODT and EPUB.
// It is safe for concurrent use, so that parallel workers can share one.
// Close releases it.
type Readers struct {
	pdf     *pdf.Reader
	limits  format.Limits
	timeout time.Duration
	maxText int64
}

// NewReaders returns Readers with the limits of opt.
func NewReaders(opt Options) *Readers {
	opt = opt.withDefaults()
	return &Readers{pdf: pdf.New(opt.Workers), limits: opt.Limits, timeout: opt.FileTimeout, maxText: opt.MaxFileSize}
}

// Close stops the PDF sandboxes, if any were started.
func (r *Readers) Close() error { return r.pdf.Close() }

// Document turns the content of one file into a document, as Bytes does,
// for every format Dir reads: the binary formats (.pdf, .docx, .odt,
// .epub) with r, within r's time limit, the others as text.
func (r *Readers) Document(id, p string, data []byte) (*corpus.Document, error) {
	doc, _, err := r.build(id, p, data)
	return doc, err
}

func (r *Readers) build(id, p string, data []byte) (*corpus.Document, *draft, error) {
	kind := binaryFormat(path.Ext(p))
	if kind == "" {
		return build(id, p, data)
	}
	if len(data) == 0 {
		return nil, nil, ErrEmpty
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	type result struct {
		doc *format.Doc
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if e := recover(); e != nil {
				done <- result{nil, fmt.Errorf("%w: the %s reader failed: %v", format.ErrCorrupt, kind, e)}
			}
		}()
		var d *format.Doc
		var err error
		switch kind {
		case "pdf":
			d, err = r.pdf.Read(ctx, data, r.limits)
		case "docx":
			d, err = docx.Read(data, r.limits)
		case "odt":
			d, err = odt.Read(data, r.limits)
		case "epub":
			d, err = epub.Read(data, r.limits)
		}
		done <- result{d, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		return nil, nil, fmt.Errorf("%w: %s not read in %s (Options.FileTimeout)", ErrTimeout, strings.ToUpper(kind), r.timeout)
	}
	if res.err != nil {
		if errors.Is(res.err, pdf.ErrTimeout) {
			return nil, nil, fmt.Errorf("%w: %s not read in %s (Options.FileTimeout)", ErrTimeout, strings.ToUpper(kind), r.timeout)
		}
		return nil, nil, fmt.Errorf("%s: %w", strings.ToUpper(kind), res.err)
	}
	d, pages := fromFormat(res.doc)
	if len(d.units) == 0 {
		return nil, nil, fmt.Errorf("%w: the %s file holds no text", ErrEmpty, strings.ToUpper(kind))
	}
	if int64(len(d.text)) > r.maxText {
		return nil, nil, fmt.Errorf("%w: %s of text, over the limit of %s (Options.MaxFileSize)", ErrTooLarge, sizeString(int64(len(d.text))), sizeString(r.maxText))
	}
	// Document.Encoding stays empty: the text came out of the format as
	// Unicode; the file's report names the format.
	doc := &corpus.Document{ID: id, Path: p}
	doc.Warnings = append(doc.Warnings, res.doc.Warnings...)
	d.analyse()
	d.finish(doc)
	doc.Pages = pages
	return doc, d, nil
}

// fromFormat makes a draft of a document read by a format reader, and the
// offsets where its pages start (nil for an unpaged format).
func fromFormat(fd *format.Doc) (*draft, []int) {
	var pieces []piece
	var pageOf []int // page of each piece's start
	var breaks [][]int
	for _, b := range fd.Blocks {
		if b.HTML != "" {
			for _, p := range htmlPieces(b.HTML) {
				p.fixed = p.fixed || fd.Marked
				pieces = append(pieces, p)
				pageOf = append(pageOf, b.Page)
				breaks = append(breaks, nil)
			}
			continue
		}
		t := norm.NFC.String(format.CleanText(b.Text))
		pieces = append(pieces, piece{text: t, kind: b.Kind, fixed: fd.Marked || b.Kind != corpus.Paragraph})
		pageOf = append(pageOf, b.Page)
		var br []int
		if len(b.PageStarts) > 0 {
			// Offsets into the cleaned text: clean the prefix the same way.
			for _, o := range b.PageStarts {
				if o >= 0 && o <= len(b.Text) {
					br = append(br, len(norm.NFC.String(format.CleanText(b.Text[:o]))))
				}
			}
		}
		breaks = append(breaks, br)
	}
	// A bullet alone in its paragraph ("•", then the item's text in the
	// next one, as in text converted line by line) goes with its item.
	for i := 0; i+1 < len(pieces); i++ {
		if t := strings.TrimSpace(pieces[i].text); isBulletOnly(t) && strings.TrimSpace(pieces[i+1].text) != "" {
			pieces[i+1].text = t + " " + strings.TrimLeftFunc(pieces[i+1].text, unicode.IsSpace)
			for j := range breaks[i+1] {
				breaks[i+1][j] += len(t) + 1
			}
			pieces[i].text = ""
			if pageOf[i] > 0 && pageOf[i] < pageOf[i+1] {
				pageOf[i+1] = pageOf[i]
			}
		}
	}
	d := &draft{layout: true}
	var sb strings.Builder
	var pages []int
	if fd.Pages > 0 {
		pages = make([]int, fd.Pages)
		for i := range pages {
			pages[i] = -1
		}
	}
	mark := func(page, off int) {
		if page >= 1 && page <= len(pages) && (pages[page-1] < 0 || off < pages[page-1]) {
			pages[page-1] = off
		}
	}
	for i, p := range pieces {
		lead := len(p.text) - len(strings.TrimLeftFunc(p.text, unicode.IsSpace))
		t := strings.TrimFunc(p.text, unicode.IsSpace)
		if t == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		s := sb.Len()
		sb.WriteString(t)
		d.units = append(d.units, unit{start: s, end: sb.Len(), kind: p.kind, fixed: p.fixed})
		if pages != nil {
			mark(pageOf[i], s)
			for j, o := range breaks[i] {
				mark(pageOf[i]+1+j, min(max(s+o-lead, s), sb.Len()))
			}
		}
	}
	d.text = sb.String()
	d.title, d.author = strings.Join(strings.Fields(fd.Title), " "), strings.Join(strings.Fields(fd.Author), " ")
	if fd.Date != "" {
		d.date = metaDate(fd.Date)
	}
	if d.title == "" {
		// A Title block the markup gave (a DOCX or ODT "Title" paragraph).
		for i, u := range d.units {
			if u.kind == corpus.Title {
				d.title = shorten(strings.Join(strings.Fields(d.s(i)), " "), 150)
				break
			}
		}
	}
	// Pages without text of their own start where the next page does.
	next := len(d.text)
	for i := len(pages) - 1; i >= 0; i-- {
		if pages[i] < 0 || pages[i] > next {
			pages[i] = next
		}
		next = pages[i]
	}
	if len(pages) > 0 {
		pages[0] = 0
	}
	return d, pages
}

// htmlPieces returns the pieces of an (X)HTML chapter: its headings, h1
// included, are Heading pieces (the book has the Title), and its <title>
// is left out.
func htmlPieces(src string) []piece {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return []piece{{text: src}}
	}
	x := &htmlText{}
	x.walk(root, htmlCtx{})
	x.flush()
	for i := range x.pieces {
		x.pieces[i].text = norm.NFC.String(format.CleanText(x.pieces[i].text))
		if x.pieces[i].kind == corpus.Title {
			x.pieces[i].kind = corpus.Heading
		}
	}
	return x.pieces
}

// metaDate normalises a date from a file's metadata: ISO 8601 dates and
// PDF dates ("D:20201012093000+02'00'").
func metaDate(v string) string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "D:") {
		v = v[2:]
		n := 0
		for n < len(v) && n < 8 && v[n] >= '0' && v[n] <= '9' {
			n++
		}
		switch {
		case n >= 8:
			v = v[:4] + "-" + v[4:6] + "-" + v[6:8]
		case n >= 6:
			v = v[:4] + "-" + v[4:6]
		case n >= 4:
			v = v[:4]
		default:
			return ""
		}
	}
	if iso, _, _, ok := findDate(v); ok {
		return iso
	}
	return ""
}
