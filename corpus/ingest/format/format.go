// Package format holds what the document format readers of package ingest
// (pdf, docx, odt, epub) return: the text of a document as a list of
// blocks, with the metadata its file carries, before package ingest turns
// it into a corpus.Document. It also holds what the readers share: the
// limits and errors for hostile files, safe ZIP archives (zip.go) and safe
// XML (xml.go).
package format

import (
	"errors"
	"strings"
	"unicode"

	"github.com/corpus-explorer/explorer/corpus"
)

// Doc is a document read from a file.
type Doc struct {
	Title  string // from the file's metadata, as written; "" if none
	Author string
	Date   string // as written in the metadata ("D:20201012…", "2020-10-12T…"); ingest normalises it
	Lang   string // the language the metadata declares, if any ("fr", "fr-FR")

	// Blocks are the document's text in reading order.
	Blocks []Block

	// Marked says the markup gave every block's kind (DOCX, ODT): ingest's
	// heuristics for headings, bylines and boilerplate leave the blocks
	// alone. PDF and EPUB blocks are not marked (EPUB chapters are HTML,
	// whose paragraphs are often styled headings: <p class="para2">).
	Marked bool

	// Pages is the number of pages of a paged format (PDF), 0 otherwise.
	// Block.Page then says on which page each block starts.
	Pages int

	Warnings []string // what was dropped or repaired, for the file's report
}

// Block is one unit of text: a paragraph, a heading, a list item, a table
// row, a running header. Exactly one of Text and HTML is set.
type Block struct {
	Text string
	// HTML, when set, is an (X)HTML document or fragment that package
	// ingest parses with its HTML reader and splices in place of the
	// block: an EPUB chapter.
	HTML string
	Kind corpus.BlockKind
	Page int // 1-based page where the block starts; 0 for unpaged formats
	// PageStarts are the offsets in Text where the pages after Page
	// start, for a paragraph that runs on to the next page.
	PageStarts []int
}

// Limits bound what a reader may spend on one file. Zero values take the
// defaults.
type Limits struct {
	// MaxUnpacked is the most bytes a reader decompresses from one file
	// (all the archive members it reads together): 256 MiB by default.
	MaxUnpacked int64
	// MaxRatio is the largest compression ratio an archive member may
	// declare or reach, the mark of a zip bomb: 200 by default (XML
	// compresses 5 to 20 times; a zip bomb over 1000).
	MaxRatio int64
	// MaxPages is the most pages read from one PDF: 10,000 by default.
	MaxPages int
}

// Default limits.
const (
	DefaultMaxUnpacked = 256 << 20
	DefaultMaxRatio    = 200
	DefaultMaxPages    = 10000
)

// WithDefaults returns l with its zero fields set to the defaults.
func (l Limits) WithDefaults() Limits {
	if l.MaxUnpacked <= 0 {
		l.MaxUnpacked = DefaultMaxUnpacked
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	if l.MaxPages <= 0 {
		l.MaxPages = DefaultMaxPages
	}
	return l
}

// Errors that say why a file could not be read; the readers' errors wrap
// one of them, with the details.
var (
	ErrCorrupt   = errors.New("corrupt or truncated file")
	ErrEncrypted = errors.New("encrypted file (password protected)")
	ErrNoText    = errors.New("no text layer: scanned or image-only document (OCR is not done)")
	ErrNoPages   = errors.New("document has no pages")
	ErrBomb      = errors.New("decompression limit exceeded (zip bomb?)")
	ErrUnsafe    = errors.New("unsafe archive")
	ErrXML       = errors.New("XML not read")
)

// CleanText resolves what page-description formats leave in text: it
// replaces ligature characters (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) by their letters,
// removes soft hyphens (U+00AD, and U+FFFE, which PDFium writes for a
// soft hyphen inside a word it has rejoined) and other format characters
// (zero-width spaces and joiners, byte order marks), and turns control
// characters other than tab and newline into spaces.
func CleanText(s string) string {
	clean := true
	for _, r := range s {
		if r >= 0xFB00 && r <= 0xFB06 || r == 0xAD || r == 0xFFFE || (r < 0x20 && r != '\t' && r != '\n') || r == 0x7F || unicode.Is(unicode.Cf, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(ligatures[r-0xFB00])
		case r == 0xAD || r == 0xFFFE || unicode.Is(unicode.Cf, r):
		case r == '\r':
			b.WriteByte('\n')
		case r < 0x20 && r != '\t' && r != '\n', r == 0x7F:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}
