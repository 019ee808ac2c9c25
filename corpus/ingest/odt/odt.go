// Package odt reads the text and metadata of OpenDocument text files
// (.odt, and .ott templates), for package ingest.
//
// The text is content.xml's body, in order: paragraphs, headings
// (text:h, and paragraphs whose style derives from "Title"), list items
// (written "• "), and tables flattened one row a block with cells
// separated by " | ". Spaces (text:s), tabs and line breaks are kept;
// notes and text boxes follow the paragraph that holds them; tracked
// deletions and annotations are not text. The title, author, date and
// language come from meta.xml.
//
// Archives and XML are read with the safeguards of package format:
// bounded decompression, member names checked for path traversal, no
// entity expansion.
package odt

import (
	"cmp"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

// Read reads an .odt file's content.
func Read(data []byte, lim format.Limits) (*format.Doc, error) {
	a, err := format.OpenArchive(data, lim)
	if err != nil {
		return nil, err
	}
	content, err := a.Read("content.xml")
	if err != nil {
		return nil, err
	}
	doc := &format.Doc{Marked: true}
	if doc.Blocks, err = readContent(content); err != nil {
		return nil, err
	}
	if a.Has("meta.xml") {
		meta, err := a.Read("meta.xml")
		if err != nil {
			return nil, err
		}
		if err := readMeta(meta, doc); err != nil {
			doc.Warnings = append(doc.Warnings, "metadata not read: "+err.Error())
		}
	}
	return doc, nil
}

func readContent(data []byte) ([]format.Block, error) {
	var b format.Builder
	parent := map[string]string{} // automatic style -> parent style
	body := false
	bullet := false // a list item opened: its first paragraph gets "• "
	skip := 0
	err := format.WalkXML("content.xml", data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				return nil
			}
			if !body {
				switch t.Name.Local {
				case "style":
					if p := format.Attr(t, "parent-style-name"); p != "" {
						parent[format.Attr(t, "name")] = p
					}
				case "body":
					body = true
				}
				return nil
			}
			switch t.Name.Local {
			case "h", "p":
				kind, prefix := corpus.Paragraph, ""
				if t.Name.Local == "h" {
					kind = corpus.Heading
				} else if s := resolve(parent, format.Attr(t, "style-name")); s == "Title" || s == "Titre" {
					kind = corpus.Title
				}
				if bullet {
					prefix, bullet = "• ", false
				}
				b.StartPara(kind, prefix)
			case "list-item":
				bullet = true
			case "s":
				n, err := strconv.Atoi(format.Attr(t, "c"))
				if err != nil || n < 1 {
					n = 1
				}
				b.Text(strings.Repeat(" ", min(n, 1000)))
			case "tab":
				b.Text("\t")
			case "line-break":
				b.Text("\n")
			case "table-row":
				b.StartRow()
			case "table-cell", "covered-table-cell":
				b.StartCell()
			case "tracked-changes", "annotation", "note-citation", "sequence-decls", "forms", "bookmark-ref":
				skip = 1
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				return nil
			}
			switch t.Name.Local {
			case "h", "p":
				b.EndPara()
			case "list-item":
				bullet = false
			case "table-cell", "covered-table-cell":
				b.EndCell()
			case "table-row":
				b.EndRow()
			}
		case xml.CharData:
			if body && skip == 0 {
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

// resolve follows automatic styles to the named style they derive from.
func resolve(parent map[string]string, s string) string {
	for i := 0; i < 10; i++ {
		p, ok := parent[s]
		if !ok {
			break
		}
		s = p
	}
	return s
}

// readMeta reads title, author (the initial creator, else the last one),
// date (of creation, else of the last change) and language from meta.xml.
func readMeta(data []byte, doc *format.Doc) error {
	f, err := format.Fields("meta.xml", data)
	doc.Title, doc.Lang = f["title"], f["language"]
	doc.Author = cmp.Or(f["initial-creator"], f["creator"])
	doc.Date = cmp.Or(f["creation-date"], f["date"])
	return err
}
