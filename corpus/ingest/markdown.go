package ingest

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/corpus-explorer/explorer/corpus"
)

// fromMarkdown makes a draft of a Markdown document.
func fromMarkdown(src string) *draft {
	var pieces []piece
	var fm frontMatter
	body := src
	// The front matter is the page's metadata, which a site never shows:
	// its title, date, author, section and tags are read, and it is not
	// part of the text (the reader and the snippets showed its YAML).
	if m, rest, ok := splitFrontMatter(src); ok {
		fm = parseFrontMatter(m)
		body = rest
	}
	source := []byte(body)
	doc := goldmark.DefaultParser().Parse(text.NewReader(source))
	m := &mdText{src: source}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		m.block(n)
	}
	// What opens the document: its first piece after badges and logos.
	open := 0
	for open < len(m.pieces) && m.pieces[open].kind == corpus.Boilerplate {
		open++
	}
	first := true
	for i := range m.pieces {
		if first && m.pieces[i].kind == corpus.Title {
			first = false
			continue
		}
		if m.pieces[i].kind == corpus.Title {
			m.pieces[i].kind = corpus.Heading
		}
	}
	// A first-level heading is the title only when it opens the document.
	title := ""
	if open < len(m.pieces) && m.pieces[open].kind == corpus.Title {
		title = strings.Join(strings.Fields(m.pieces[open].text), " ")
	} else {
		for i := range m.pieces {
			if m.pieces[i].kind == corpus.Title {
				m.pieces[i].kind = corpus.Heading
			}
		}
	}
	if fm.title != "" {
		title = fm.title
	}
	d := assemble(append(pieces, m.pieces...))
	d.title = title
	d.author = fm.author
	d.section, d.tags = fm.section, fm.tags
	if fm.date != "" {
		if iso, _, _, ok := findDate(fm.date); ok {
			d.date = iso
		}
	}
	return d
}

type mdText struct {
	src    []byte
	pieces []piece
}

func (m *mdText) add(s string, kind corpus.BlockKind) {
	m.pieces = append(m.pieces, piece{text: s, kind: kind, fixed: kind != corpus.Paragraph})
}

// block adds the text of a block node.
func (m *mdText) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		kind := corpus.Heading
		if n.Level == 1 {
			kind = corpus.Title
		}
		m.add(m.inline(n), kind)
	case *ast.Paragraph, *ast.TextBlock:
		kind := corpus.Paragraph
		if imagesOnly(n, m.src) {
			// A row of badges ("[![Build status](…)](…)") or a logo: their
			// alt texts are no paragraph, nor the title.
			kind = corpus.Boilerplate
		}
		m.add(m.inline(n), kind)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		m.add(m.lines(n), corpus.Paragraph)
	case *ast.HTMLBlock:
		raw := m.lines(n)
		if n.HasClosure() {
			raw += string(n.ClosureLine.Value(m.src))
		}
		if t := htmlToText(raw); t != "" {
			m.add(t, corpus.Paragraph)
		}
	case *ast.ThematicBreak:
	default:
		// Lists, list items, blockquotes and the like hold blocks.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			m.block(c)
		}
	}
}

func (m *mdText) lines(n ast.Node) string {
	var b strings.Builder
	l := n.Lines()
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		b.Write(seg.Value(m.src))
	}
	return b.String()
}

// inline returns the text of the inline nodes below n: links keep their
// text, images their alt text, code its code, raw HTML is dropped.
func (m *mdText) inline(n ast.Node) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(unescapeMarkdown(string(c.Value(m.src))))
			if c.HardLineBreak() {
				b.WriteByte('\n')
			} else if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(m.src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Value(m.src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// imagesOnly reports whether the inline content of n is images alone (or
// links around images), with nothing but white space between them.
func imagesOnly(n ast.Node, src []byte) bool {
	images, text := 0, false
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Image:
			images++
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if strings.TrimSpace(string(c.Value(src))) != "" {
				text = true
			}
		case *ast.String, *ast.CodeSpan, *ast.AutoLink:
			text = true
		}
		return ast.WalkContinue, nil
	})
	return images > 0 && !text
}

// unescapeMarkdown resolves backslash escapes and character references.
func unescapeMarkdown(s string) string {
	if strings.IndexByte(s, '\\') >= 0 {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
				i++
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// htmlToText returns the text of an HTML fragment.
func htmlToText(s string) string {
	d := fromHTML(s)
	var parts []string
	for i := range d.units {
		parts = append(parts, d.s(i))
	}
	return strings.Join(parts, "\n")
}

type frontMatter struct {
	title, date, author, section string
	tags                         []string
}

// splitFrontMatter splits a YAML front matter ("---" lines around it) from
// the start of a Markdown text.
func splitFrontMatter(s string) (fm, rest string, ok bool) {
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return "", s, false
	}
	i := strings.IndexByte(s, '\n') + 1
	for j := i; j < len(s); {
		e := strings.IndexByte(s[j:], '\n')
		line := s[j:]
		if e >= 0 {
			line = s[j : j+e]
		}
		if t := strings.TrimRight(line, "\r "); t == "---" || t == "..." {
			end := len(s)
			if e >= 0 {
				end = j + e + 1
			}
			return s[:end], s[end:], true
		}
		if e < 0 {
			break
		}
		j += e + 1
	}
	return "", s, false
}

// parseFrontMatter reads the fields of a YAML front matter that the
// explorer uses: title, date, author, section (or a single category), and
// tags, keywords and categories, written inline ("tags: [a, b]", "tags:
// a, b") or as a list of "- a" lines below their key.
func parseFrontMatter(s string) frontMatter {
	var f frontMatter
	list := "" // the key whose "- item" lines follow
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r ")
		if item, ok := strings.CutPrefix(strings.TrimSpace(line), "- "); ok && list != "" {
			f.listItem(list, strings.Trim(strings.TrimSpace(item), `"'`))
			continue
		}
		list = ""
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if v == "" {
			list = key
			continue
		}
		if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
			for _, item := range strings.Split(v[1:len(v)-1], ",") {
				f.listItem(key, strings.Trim(strings.TrimSpace(item), `"'`))
			}
			continue
		}
		v = strings.Trim(v, `"'`)
		switch key {
		case "title":
			f.title = v
		case "date", "published", "pubdate":
			f.date = v
		case "author", "authors", "auteur":
			f.author = v
		case "section", "category", "rubrique":
			f.section = v
		case "tags", "keywords", "categories", "mots-clés", "mots-cles":
			f.tags = appendTags(f.tags, v)
		}
	}
	return f
}

// listItem adds one item of a front matter's list under key.
func (f *frontMatter) listItem(key, v string) {
	switch key {
	case "author", "authors", "auteur":
		if f.author == "" {
			f.author = v
		} else if v != "" {
			f.author += ", " + v
		}
	case "tags", "keywords", "categories", "mots-clés", "mots-cles":
		f.tags = appendTags(f.tags, v)
	case "section", "category", "rubrique":
		if f.section == "" {
			f.section = v
		}
	}
}
