package format

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxXMLDepth is the deepest element nesting WalkXML accepts.
const MaxXMLDepth = 1000

// WalkXML reads an XML document token by token and calls fn with each
// start element, end element and character data (other tokens are
// skipped). It is safe with hostile input: a document type declaration
// that declares entities (the "billion laughs" expansion, external
// entities) is refused with ErrXML before any is used, undeclared entities
// are errors (encoding/xml never expands them), only UTF-8 is read, and
// nesting deeper than MaxXMLDepth is refused. name says which file or
// member the XML came from, for the errors.
func WalkXML(name string, data []byte, fn func(t xml.Token) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("encoding %q not supported", charset)
	}
	depth := 0
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return fmt.Errorf("%w: %s: truncated (%d elements left open)", ErrXML, name, depth)
			}
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fmt.Errorf("%w: %s line %d: %s", ErrXML, name, se.Line, se.Msg)
			}
			return fmt.Errorf("%w: %s: %v", ErrXML, name, err)
		}
		switch t := t.(type) {
		case xml.Directive:
			if bytes.Contains(t, []byte("ENTITY")) {
				return fmt.Errorf("%w: %s declares entities in its document type (entity expansion is refused)", ErrXML, name)
			}
			continue
		case xml.StartElement:
			depth++
			if depth > MaxXMLDepth {
				return fmt.Errorf("%w: %s nests elements more than %d deep", ErrXML, name, MaxXMLDepth)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
		default:
			continue
		}
		if err := fn(t); err != nil {
			return err
		}
	}
}

// Attr returns the value of the attribute of a start element with the
// given local name (any namespace prefix), or "".
func Attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Fields reads a flat metadata document (a .docx's docProps/core.xml, an
// OpenDocument's meta.xml) with WalkXML and returns, for each element's
// local name, its text without surrounding spaces; an element given twice
// keeps its last non-empty text. name says which member the XML came
// from, for the errors; the fields read before an error are returned with
// it.
func Fields(name string, data []byte) (map[string]string, error) {
	fields := map[string]string{}
	field := ""
	err := WalkXML(name, data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			field = t.Name.Local
		case xml.EndElement:
			field = ""
		case xml.CharData:
			if v := strings.TrimSpace(string(t)); v != "" && field != "" {
				fields[field] = v
			}
		}
		return nil
	})
	return fields, err
}
