// Package epub reads the chapters and metadata of EPUB e-books (EPUB 2
// and 3), for package ingest.
//
// The package document named by META-INF/container.xml gives the title,
// author (dc:creator), date (dc:date) and language, and the spine gives
// the chapters in reading order. Each chapter is returned as an HTML
// block, which package ingest reads with its HTML reader (headings become
// Heading blocks). Spine items that are navigation documents or not
// (X)HTML are skipped, and so are references that leave the archive.
// LibreOffice's placeholders "Unknown Title" and "Unknown Author" are not
// metadata.
//
// Archives and XML are read with the safeguards of package format:
// bounded decompression, member names checked for path traversal, no
// entity expansion.
package epub

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

// Read reads an .epub file's content.
func Read(data []byte, lim format.Limits) (*format.Doc, error) {
	a, err := format.OpenArchive(data, lim)
	if err != nil {
		return nil, err
	}
	opfName, err := rootFile(a)
	if err != nil {
		return nil, err
	}
	opf, err := a.Read(opfName)
	if err != nil {
		return nil, err
	}
	doc := &format.Doc{}
	p, err := readPackage(opfName, opf, doc)
	if err != nil {
		return nil, err
	}
	for _, id := range p.spine {
		it, ok := p.items[id]
		if !ok {
			doc.Warnings = append(doc.Warnings, "spine item "+strconv.Quote(id)+" is not in the manifest")
			continue
		}
		if strings.Contains(" "+it.props+" ", " nav ") {
			continue
		}
		if it.media != "application/xhtml+xml" && it.media != "text/html" && it.media != "application/x-dtbook+xml" {
			continue
		}
		name, ok := format.Resolve(opfName, it.href)
		if !ok {
			return nil, fmt.Errorf("%w: chapter %s leaves the archive (path traversal)", format.ErrUnsafe, strconv.Quote(it.href))
		}
		if !a.Has(name) {
			doc.Warnings = append(doc.Warnings, "chapter "+name+" is missing from the archive")
			continue
		}
		ch, err := a.Read(name)
		if err != nil {
			return nil, err
		}
		doc.Blocks = append(doc.Blocks, format.Block{HTML: string(ch)})
	}
	if len(p.spine) == 0 {
		return nil, fmt.Errorf("%w: the package document %s has no spine", format.ErrCorrupt, opfName)
	}
	return doc, nil
}

// rootFile returns the name of the package document.
func rootFile(a *format.Archive) (string, error) {
	c, err := a.Read("META-INF/container.xml")
	if err != nil {
		return "", err
	}
	name := ""
	err = format.WalkXML("META-INF/container.xml", c, func(t xml.Token) error {
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "rootfile" && name == "" {
			name = format.Attr(e, "full-path")
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if name == "" {
		return "", fmt.Errorf("%w: META-INF/container.xml names no package document", format.ErrCorrupt)
	}
	if !format.SafeName(name) {
		return "", fmt.Errorf("%w: package document %s leaves the archive (path traversal)", format.ErrUnsafe, strconv.Quote(name))
	}
	return name, nil
}

type item struct{ href, media, props string }

type pkg struct {
	items map[string]item
	spine []string
}

func readPackage(name string, data []byte, doc *format.Doc) (*pkg, error) {
	p := &pkg{items: map[string]item{}}
	field, inMeta := "", false
	err := format.WalkXML(name, data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			field = ""
			switch t.Name.Local {
			case "metadata":
				inMeta = true
			case "item":
				p.items[format.Attr(t, "id")] = item{href: format.Attr(t, "href"), media: format.Attr(t, "media-type"), props: format.Attr(t, "properties")}
			case "itemref":
				p.spine = append(p.spine, format.Attr(t, "idref"))
			default:
				if inMeta && t.Name.Space == "dc" {
					field = t.Name.Local
				}
			}
		case xml.EndElement:
			if t.Name.Local == "metadata" {
				inMeta = false
			}
			field = ""
		case xml.CharData:
			v := strings.TrimSpace(string(t))
			if v == "" {
				return nil
			}
			switch field {
			case "title":
				if doc.Title == "" && v != "Unknown Title" {
					doc.Title = v
				}
			case "creator":
				if doc.Author == "" && v != "Unknown Author" {
					doc.Author = v
				}
			case "date":
				if doc.Date == "" {
					doc.Date = v
				}
			case "language":
				if doc.Lang == "" {
					doc.Lang = v
				}
			}
		}
		return nil
	})
	return p, err
}
