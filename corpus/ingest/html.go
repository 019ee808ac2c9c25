package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/corpus-explorer/explorer/corpus"
)

// piece is a block of text found in markup, before the text is assembled.
type piece struct {
	text  string
	kind  corpus.BlockKind
	fixed bool
}

// assemble makes a draft of pieces: their text separated by blank lines.
func assemble(pieces []piece) *draft {
	d := &draft{}
	var b strings.Builder
	for _, p := range pieces {
		t := strings.TrimFunc(nbspSpacing(p.text), unicode.IsSpace)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		s := b.Len()
		b.WriteString(t)
		d.units = append(d.units, unit{start: s, end: b.Len(), kind: p.kind, fixed: p.fixed})
	}
	d.text = b.String()
	return d
}

// nbspSpacing turns back into spaces the no-break spaces of the lines
// that use them for every space (three or more, and no other space):
// DocBook's literal layouts (&nbsp; between all words, as in the GFDL
// notice of many manuals) made each such line one word that no browser
// would wrap. A line that also has spaces keeps its no-break spaces, as
// French typography sets them ("50 €", "« oui »").
func nbspSpacing(s string) string {
	if strings.Count(s, "\u00a0") < 3 {
		return s
	}
	lines := strings.Split(s, "\n")
	changed := false
	for i, l := range lines {
		if strings.Count(l, "\u00a0") >= 3 && !strings.ContainsAny(l, " \t") {
			lines[i] = strings.ReplaceAll(l, "\u00a0", " ")
			changed = true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(lines, "\n")
}

// htmlText collects the text of an HTML tree.
type htmlText struct {
	pieces []piece
	buf    []byte
	kind   corpus.BlockKind // kind of the text in buf
	title  string
	author string
	date   string

	// The page's main content and its ancestors (see htmlsite.go).
	main      *html.Node
	ancestors map[*html.Node]bool
	section   string
	tags      []string
}

type htmlCtx struct {
	boiler bool
	pre    bool
	main   bool // inside the main content
}

var boilerClasses = []string{"cookie", "share", "social", "newsletter", "breadcrumb", "sidebar", "navbar", "subscribe", "related-posts", "comments"}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// fromHTML makes a draft of an HTML document.
func fromHTML(src string) *draft {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		d := fromText(src)
		d.warnings = append(d.warnings, "HTML could not be parsed ("+err.Error()+"): read as plain text")
		return d
	}
	x := &htmlText{}
	x.main, x.ancestors = mainContent(root)
	x.walk(root, htmlCtx{})
	x.flush()
	title := strings.Join(strings.Fields(x.title), " ")
	h1 := -1
	for i, p := range x.pieces {
		if p.kind == corpus.Title {
			h1 = i
			break
		}
	}
	switch {
	case h1 >= 0 && (title == "" || strings.HasPrefix(title, x.pieces[h1].text)):
		title = x.pieces[h1].text
	case title != "":
		if h1 >= 0 {
			x.pieces[h1].kind = corpus.Heading
		}
		x.pieces = append([]piece{{text: title, kind: corpus.Title, fixed: true}}, x.pieces...)
	}
	d := assemble(x.pieces)
	d.title = title
	d.author = strings.TrimSpace(x.author)
	d.date = x.date
	d.section, d.tags = x.section, x.tags
	return d
}

func (x *htmlText) flush() {
	t := strings.TrimFunc(string(x.buf), unicode.IsSpace)
	x.buf = x.buf[:0]
	if t == "" {
		return
	}
	x.pieces = append(x.pieces, piece{text: t, kind: x.kind, fixed: x.kind != corpus.Paragraph})
}

func (x *htmlText) text(s string, c htmlCtx, kind corpus.BlockKind) {
	if len(x.buf) == 0 || strings.TrimSpace(string(x.buf)) == "" {
		x.kind = kind
		if c.boiler {
			x.kind = corpus.Boilerplate
		}
	}
	if c.pre {
		x.buf = append(x.buf, s...)
		return
	}
	for _, r := range s {
		if unicode.IsSpace(r) && r != '\u00a0' {
			if n := len(x.buf); n > 0 && x.buf[n-1] != ' ' && x.buf[n-1] != '\n' {
				x.buf = append(x.buf, ' ')
			}
			continue
		}
		x.buf = append(x.buf, string(r)...)
	}
}

// metaDate sets the date from a metadata value, once.
func (x *htmlText) metaDate(v string) {
	if x.date != "" {
		return
	}
	if iso, _, _, ok := findDate(v); ok {
		x.date = iso
	}
}

func (x *htmlText) walk(n *html.Node, c htmlCtx) {
	x.walkKind(n, c, corpus.Paragraph)
}

func (x *htmlText) walkKind(n *html.Node, c htmlCtx, kind corpus.BlockKind) {
	switch n.Type {
	case html.TextNode:
		x.text(n.Data, c, kind)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			x.walkKind(ch, c, kind)
		}
		return
	default:
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Iframe,
		atom.Object, atom.Embed, atom.Canvas, atom.Link, atom.Base:
		return
	case atom.Title:
		if x.title == "" {
			var b strings.Builder
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				if ch.Type == html.TextNode {
					b.WriteString(ch.Data)
				}
			}
			x.title = b.String()
		}
		return
	case atom.Meta:
		x.siteFilters(n)
		name := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
		v := attr(n, "content")
		switch name {
		case "author", "dc.creator", "dcterms.creator", "article:author", "byl":
			if x.author == "" && !strings.Contains(v, "://") {
				x.author = strings.TrimPrefix(strings.TrimPrefix(v, "By "), "Par ")
			}
		case "date", "dc.date", "dcterms.date", "dcterms.created", "dc.date.issued", "article:published_time",
			"datepublished", "pubdate", "publish-date", "publication_date", "og:published_time", "sailthru.date":
			x.metaDate(v)
		}
		return
	case atom.Time:
		if v := attr(n, "datetime"); v != "" {
			x.metaDate(v)
		}
	case atom.Br:
		x.buf = append(x.buf, '\n')
		return
	case atom.Hr, atom.Img, atom.Input:
		return
	case atom.Head:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode {
				x.walkKind(ch, c, kind)
			}
		}
		return
	}
	switch {
	case n == x.main:
		c.main = true
	case x.main != nil && !c.main && !x.ancestors[n] && n.DataAtom != atom.Body && n.DataAtom != atom.Html:
		c.boiler = true // outside the main content
	}
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body || n == x.main {
		x.siteFilters(n)
	}
	if !c.boiler && x.isBoiler(n) {
		c.boiler = true
	}
	block := isBlock(n.DataAtom)
	switch n.DataAtom {
	case atom.H1:
		kind = corpus.Title
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		kind = corpus.Heading
	case atom.Pre:
		c.pre = true
	}
	if n.DataAtom == atom.H1 && x.hasTitleH1() {
		kind = corpus.Heading
	}
	if block {
		x.flush()
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		x.walkKind(ch, c, kind)
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		x.buf = append(x.buf, ' ')
	}
	if block {
		x.flush()
	}
}

// hasTitleH1 reports whether an h1 was already taken as the title.
func (x *htmlText) hasTitleH1() bool {
	for _, p := range x.pieces {
		if p.kind == corpus.Title {
			return true
		}
	}
	return x.kind == corpus.Title && len(x.buf) > 0
}

func (x *htmlText) isBoiler(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside:
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "contentinfo", "complementary", "search":
		return true
	}
	ci := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, k := range boilerClasses {
		if strings.Contains(ci, k) {
			return true
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Dd, atom.Details,
		atom.Dialog, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table,
		atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Caption, atom.Ul, atom.Html, atom.Legend, atom.Option:
		return true
	}
	return false
}
