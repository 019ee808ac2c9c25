// Package docx reads the text and metadata of Word documents (Office Open
// XML, .docx), for package ingest.
//
// The text is the main document part's, in order: paragraphs, headings
// (paragraph styles named "heading N" or "Title", or with an outline
// level), list items (paragraphs with numbering, written "• "), and tables
// flattened one row a block with cells separated by " | ". Text boxes
// follow the paragraph that anchors them. Deleted text (tracked changes),
// field instructions, comments, headers and footers are not text. The
// title, author, date and language come from docProps/core.xml.
//
// Archives and XML are read with the safeguards of package format:
// bounded decompression, member names checked for path traversal, no
// entity expansion.
package docx

import (
	"cmp"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

// Read reads a .docx file's content.
func Read(data []byte, lim format.Limits) (*format.Doc, error) {
	a, err := format.OpenArchive(data, lim)
	if err != nil {
		return nil, err
	}
	main := mainPart(a)
	body, err := a.Read(main)
	if err != nil {
		return nil, err
	}
	doc := &format.Doc{Marked: true}
	styles := map[string]corpus.BlockKind{}
	if a.Has("word/styles.xml") {
		if s, err := a.Read("word/styles.xml"); err == nil {
			styles, err = readStyles(s)
			if err != nil {
				doc.Warnings = append(doc.Warnings, "styles not read: "+err.Error())
			}
		} else {
			return nil, err
		}
	}
	if doc.Blocks, err = readBody(main, body, styles); err != nil {
		return nil, err
	}
	if a.Has("docProps/core.xml") {
		core, err := a.Read("docProps/core.xml")
		if err != nil {
			return nil, err
		}
		if err := readCore(core, doc); err != nil {
			doc.Warnings = append(doc.Warnings, "metadata not read: "+err.Error())
		}
	}
	return doc, nil
}

// mainPart finds the main document part from the package relationships.
func mainPart(a *format.Archive) string {
	const def = "word/document.xml"
	rels, err := a.Read("_rels/.rels")
	if err != nil {
		return def
	}
	target := ""
	format.WalkXML("_rels/.rels", rels, func(t xml.Token) error {
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "Relationship" && strings.HasSuffix(format.Attr(e, "Type"), "/officeDocument") && target == "" {
			target = strings.TrimPrefix(format.Attr(e, "Target"), "/")
		}
		return nil
	})
	if target != "" && format.SafeName(target) && a.Has(target) {
		return target
	}
	return def
}

// readStyles maps paragraph style ids to the block kind they give.
func readStyles(data []byte) (map[string]corpus.BlockKind, error) {
	m := map[string]corpus.BlockKind{}
	id := ""
	err := format.WalkXML("word/styles.xml", data, func(t xml.Token) error {
		e, ok := t.(xml.StartElement)
		if !ok {
			return nil
		}
		switch e.Name.Local {
		case "style":
			id = format.Attr(e, "styleId")
		case "name":
			if k, ok := styleKind(format.Attr(e, "val")); ok && id != "" {
				m[id] = k
			}
		case "outlineLvl":
			if id != "" {
				if _, set := m[id]; !set {
					if n, err := strconv.Atoi(format.Attr(e, "val")); err == nil && n < 9 {
						m[id] = corpus.Heading
					}
				}
			}
		}
		return nil
	})
	return m, err
}

// styleKind tells the kind of a paragraph style from its name.
func styleKind(name string) (corpus.BlockKind, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case n == "title" || n == "titre":
		return corpus.Title, true
	case strings.HasPrefix(n, "heading") || strings.HasPrefix(n, "titre "):
		return corpus.Heading, true
	}
	return corpus.Paragraph, false
}

func readBody(name string, data []byte, styles map[string]corpus.BlockKind) ([]format.Block, error) {
	var b format.Builder
	inText := false // inside w:t
	skip := 0       // depth inside elements whose text is not the document's
	rowDepth := 0   // open table rows
	err := format.WalkXML(name, data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				return nil
			}
			switch t.Name.Local {
			case "p":
				b.StartPara(corpus.Paragraph, "")
			case "pStyle":
				if k, ok := styles[format.Attr(t, "val")]; ok {
					b.SetKind(k)
				} else if k, ok := styleKind(format.Attr(t, "val")); ok {
					b.SetKind(k)
				}
			case "outlineLvl":
				b.SetKind(corpus.Heading)
			case "numPr":
				b.Text("• ")
			case "t":
				inText = true
			case "tab", "ptab":
				if t.Name.Space == "w" || t.Name.Space == "" {
					b.Text("\t")
				}
			case "br", "cr":
				b.Text("\n")
			case "noBreakHyphen":
				b.Text("-")
			case "tr":
				rowDepth++
				b.StartRow()
			case "tc":
				b.StartCell()
			case "tabs", "delText", "instrText", "Fallback", "commentReference", "footnoteReference", "endnoteReference":
				skip = 1
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				return nil
			}
			switch t.Name.Local {
			case "p":
				b.EndPara()
			case "t":
				inText = false
			case "tc":
				b.EndCell()
			case "tr":
				if rowDepth > 0 {
					rowDepth--
					b.EndRow()
				}
			}
		case xml.CharData:
			if inText && skip == 0 {
				b.Text(string(t))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.Blocks(), nil
}

// readCore reads title, author, date (of creation, else of the last
// change) and language from docProps/core.xml.
func readCore(data []byte, doc *format.Doc) error {
	f, err := format.Fields("docProps/core.xml", data)
	doc.Title, doc.Author, doc.Lang = f["title"], f["creator"], f["language"]
	doc.Date = cmp.Or(f["created"], f["modified"])
	return err
}
