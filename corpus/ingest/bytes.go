package ingest

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/decode"
	"github.com/corpus-explorer/explorer/corpus/segment"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// unit is one piece of a document's text that becomes one block.
type unit struct {
	start, end int // the piece is text[start:end], trimmed of white space
	kind       corpus.BlockKind
	fixed      bool // the markup gave the kind: the heuristics keep it
}

// draft is a document being built.
type draft struct {
	text     string
	units    []unit
	title    string // set by the markup (or a man page's NAME section)
	date     string
	author   string
	section  string // site filters (HTML): see htmlsite.go
	tags     []string
	warnings []string
	man      bool // a man page rendered to text
	layout   bool // read by a format reader (PDF, DOCX, ODT, EPUB): its headings come from the layout or the markup
	joins    int  // line breaks removed by reflowing
	width    int  // the width the text was wrapped at, if it was
}

func (d *draft) s(i int) string { return d.text[d.units[i].start:d.units[i].end] }

// Bytes turns the content of one file into a document. The path's
// extension chooses how it is read: .html and .htm as HTML, .md and
// .markdown as Markdown, anything else as plain text. It returns an error
// wrapping decode.ErrBinary for data that is not text and ErrEmpty for a
// file without text.
func Bytes(id, p string, data []byte) (*corpus.Document, error) {
	doc, _, err := build(id, p, data)
	return doc, err
}

// build is Bytes, returning the draft too for the file's report.
func build(id, p string, data []byte) (*corpus.Document, *draft, error) {
	if len(data) == 0 {
		return nil, nil, ErrEmpty
	}
	r, err := decode.Bytes(data)
	if err != nil {
		return nil, nil, fmt.Errorf("decoding: %w", err)
	}
	if strings.TrimFunc(r.Text, unicode.IsSpace) == "" {
		return nil, nil, fmt.Errorf("%w (%d bytes of white space)", ErrEmpty, len(data))
	}
	var d *draft
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm":
		d = fromHTML(r.Text)
	case ".md", ".markdown":
		d = fromMarkdown(r.Text)
	default:
		d = fromText(r.Text)
	}
	if len(d.units) == 0 {
		return nil, nil, fmt.Errorf("%w: the markup holds no text", ErrEmpty)
	}
	doc := &corpus.Document{
		ID:           id,
		Path:         p,
		Encoding:     r.Encoding,
		Repairs:      r.Repairs,
		InvalidBytes: r.Invalid,
	}
	doc.Warnings = append(doc.Warnings, r.Warnings...)
	if r.Invalid > 0 {
		doc.Warnings = append(doc.Warnings, strconv.Itoa(r.Invalid)+" invalid byte sequences replaced by U+FFFD")
	}
	d.analyse()
	d.finish(doc)
	return doc, d, nil
}

// fromText makes a draft of a plain text: reflowed if it is hard-wrapped,
// one unit per line. Rule lines ("-----", "=====") become blank lines.
func fromText(text string) *draft {
	d := &draft{}
	text = dropRules(text)
	if t, joins, w := reflow(text); joins > 0 {
		text, d.joins, d.width = t, joins, w
	}
	d.text = text
	pos := 0
	bullet := -1 // start of a pending bullet-only line
	for pos <= len(text) {
		e := strings.IndexByte(text[pos:], '\n')
		if e < 0 {
			e = len(text)
		} else {
			e += pos
		}
		s, t := trimSpan(text, pos, e)
		if s < t {
			if bullet >= 0 {
				s, bullet = bullet, -1
			}
			if isBulletOnly(text[s:t]) && e < len(text) {
				bullet = s
			} else {
				d.units = append(d.units, unit{start: s, end: t})
			}
		} else if bullet >= 0 {
			d.units = append(d.units, unit{start: bullet, end: bulletEnd(text, bullet)})
			bullet = -1
		}
		pos = e + 1
	}
	if bullet >= 0 {
		d.units = append(d.units, unit{start: bullet, end: bulletEnd(text, bullet)})
	}
	return d
}

// packageFileTitle titles the files that software packages ship whose
// first line says nothing of what they are about ("" for any other text):
//   - a Debian machine-readable copyright file (DEP-5: "Format:
//     https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
//     "Upstream-Name: Apache Maven"), by what it covers: "Apache Maven
//     copyright", or with its folder's name ("git copyright");
//   - a change log written by git log ("commit 214f9b53…") or in the GNU
//     format ("2022-10-10  Werner Koch  <wk@gnupg.org>"): "fontconfig
//     changelog", with its folder's name.
func packageFileTitle(text, p string) string {
	first, rest, _ := strings.Cut(text, "\n")
	dir := path.Base(path.Dir(p))
	if dir == "." || dir == "/" {
		dir = ""
	}
	named := func(name, what string) string {
		if name == "" {
			name = dir
		}
		if name == "" {
			return strings.ToUpper(what[:1]) + what[1:]
		}
		return shorten(name, 140) + " " + what
	}
	switch {
	case strings.HasPrefix(first, "Format:") && strings.Contains(first, "copyright-format"):
		for _, line := range strings.Split(rest, "\n") {
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Upstream-Name:"); ok {
				return named(strings.TrimSpace(v), "copyright")
			}
		}
		return named("", "copyright")
	case gitCommitLine(first), gnuChangeLogLine(first):
		return named("", "changelog")
	}
	return ""
}

// gitCommitLine reports whether a line opens an entry of git log: "commit"
// and a hash of 7 to 64 hexadecimal digits.
func gitCommitLine(s string) bool {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "commit ")
	if !ok || len(h) < 7 || len(h) > 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		if !(h[i] >= '0' && h[i] <= '9' || h[i] >= 'a' && h[i] <= 'f') {
			return false
		}
	}
	return true
}

// gnuChangeLogLine reports whether a line opens an entry of a GNU
// ChangeLog: an ISO date, then a name and an address in angle brackets.
func gnuChangeLogLine(s string) bool {
	if len(s) < 12 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || !strings.HasSuffix(strings.TrimSpace(s), ">") || !strings.Contains(s, "<") {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dropRules empties the lines of a text that are rules drawn with
// punctuation ("=====" above and below a title, "-----" under a heading,
// "*****" between sections, "+---+---+" around a table): they separate,
// and say nothing. Left in, reflowing joined them to the line above
// ("systemd unit files for PostgreSQL -----------") and a rule could
// become the title; each is now an empty line, which still separates.
func dropRules(text string) string {
	var b strings.Builder
	changed := false
	for pos := 0; pos < len(text); {
		e := strings.IndexByte(text[pos:], '\n')
		if e < 0 {
			e = len(text)
		} else {
			e += pos
		}
		if isRule(text[pos:e]) {
			if !changed {
				b.Grow(len(text))
				b.WriteString(text[:pos])
				changed = true
			}
		} else if changed {
			b.WriteString(text[pos:e])
		}
		if e < len(text) && changed {
			b.WriteByte('\n')
		}
		pos = e + 1
	}
	if !changed {
		return text
	}
	return b.String()
}

// isRule reports whether a line is a rule: at least three of - = ~ * _ #
// + ^, with nothing else but spaces.
func isRule(line string) bool {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '-', '=', '~', '*', '_', '#', '+', '^':
			n++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

func bulletEnd(text string, s int) int {
	_, n := utf8.DecodeRuneInString(text[s:])
	return s + n
}

func isBulletOnly(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && strings.ContainsRune("•◦▪‣·○►-*–—", r)
}

// trimSpan returns [s, e) trimmed of white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// finish fills the document from the analysed draft: text, blocks,
// sentences, language, title.
func (d *draft) finish(doc *corpus.Document) {
	doc.Text = d.text
	doc.Date, doc.Author = d.date, d.author
	doc.Section, doc.Tags = d.section, d.tags
	doc.Warnings = append(doc.Warnings, d.warnings...)
	doc.Lang = token.Detect(d.paragraphSample(64 << 10))
	for i, u := range d.units {
		if u.start >= u.end {
			continue
		}
		n := len(doc.Blocks)
		if u.kind == corpus.Boilerplate && n > 0 && doc.Blocks[n-1].Kind == corpus.Boilerplate && i > 0 && d.units[i-1].kind == corpus.Boilerplate {
			doc.Blocks[n-1].End = u.end
			continue
		}
		doc.Blocks = append(doc.Blocks, corpus.Block{Span: corpus.Span{Start: u.start, End: u.end}, Kind: u.kind})
		if u.kind == corpus.Paragraph {
			for _, s := range segment.Sentences(d.text[u.start:u.end], doc.Lang) {
				s.Start += u.start
				s.End += u.start
				if s.Start < u.start || s.End > u.end || s.Start >= s.End {
					continue
				}
				if k := len(doc.Sentences); k > 0 && doc.Sentences[k-1].End > s.Start {
					continue
				}
				doc.Sentences = append(doc.Sentences, splitGlued(d.text, s)...)
			}
		}
	}
	// A build holds every document until its pack is written: no spare
	// capacity (append leaves up to half of it).
	doc.Blocks, doc.Sentences = slices.Clone(doc.Blocks), slices.Clone(doc.Sentences)
	doc.Title, doc.TitleDerived = d.title, false
	if t := packageFileTitle(d.text, doc.Path); t != "" {
		doc.Title, doc.TitleDerived = t, true
	}
	if doc.Title == "" {
		doc.Title, doc.TitleDerived = d.deriveTitle(doc.Lang), true
	}
	if doc.Title == "" {
		doc.Title = doc.ID
	}
}

// paragraphSample returns up to max bytes of the Paragraph units' text, for
// language detection.
func (d *draft) paragraphSample(max int) string {
	var b strings.Builder
	for i, u := range d.units {
		if u.kind != corpus.Paragraph {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.s(i))
		if b.Len() >= max {
			break
		}
	}
	if b.Len() == 0 {
		return cut(d.text, max)
	}
	return cut(b.String(), max)
}

// cut returns s cut to at most max bytes at a rune boundary.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}

// shorten cuts s at a word boundary to at most about max characters,
// marking the cut with "…"; a final full stop is dropped.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
			s = s[:len(s)-1]
		}
		return s
	}
	n, cutAt, runeCut := 0, -1, len(s)
	for i, r := range s {
		if n == max {
			runeCut = i
			break
		}
		if r == ' ' {
			cutAt = i
		}
		n++
	}
	if cutAt <= 0 {
		cutAt = runeCut
	}
	return strings.TrimRight(s[:cutAt], " ,;:-–—") + "…"
}
