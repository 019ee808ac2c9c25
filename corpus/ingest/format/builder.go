package format

import (
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
)

// Builder assembles the blocks of a document from a stream of markup
// events, as the DOCX and ODT readers see them: paragraphs (which may
// nest, through text boxes and notes), and tables (which may nest in
// cells). Tables are flattened one row a block, cells separated by " | ";
// a paragraph met inside another is emitted after it.
type Builder struct {
	blocks  []Block
	stack   []container
	pending []Block // blocks met inside an open paragraph
}

type containerKind uint8

const (
	inPara containerKind = iota
	inRow
	inCell
)

type container struct {
	what  containerKind
	kind  corpus.BlockKind
	text  []byte // not a strings.Builder: containers are copied as the stack grows
	cells []string
}

// StartPara opens a paragraph of the given kind; prefix ("• " for a list
// item) starts its text.
func (b *Builder) StartPara(kind corpus.BlockKind, prefix string) {
	b.stack = append(b.stack, container{what: inPara, kind: kind})
	b.stack[len(b.stack)-1].text = append(b.stack[len(b.stack)-1].text, prefix...)
}

// SetKind changes the kind of the innermost open paragraph.
func (b *Builder) SetKind(kind corpus.BlockKind) {
	if n := len(b.stack); n > 0 && b.stack[n-1].what == inPara {
		b.stack[n-1].kind = kind
	}
}

// Text adds text to the innermost open paragraph or cell; text outside
// both is dropped.
func (b *Builder) Text(s string) {
	if n := len(b.stack); n > 0 && b.stack[n-1].what != inRow {
		b.stack[n-1].text = append(b.stack[n-1].text, s...)
	}
}

// EndPara closes the innermost paragraph.
func (b *Builder) EndPara() {
	n := len(b.stack)
	if n == 0 || b.stack[n-1].what != inPara {
		return
	}
	c := &b.stack[n-1]
	text, kind := strings.TrimSpace(string(c.text)), c.kind
	b.stack = b.stack[:n-1]
	b.put(text, kind)
}

// put places finished text: in the enclosing cell, after the enclosing
// paragraph, or as a block.
func (b *Builder) put(text string, kind corpus.BlockKind) {
	if text == "" {
		return
	}
	n := len(b.stack)
	switch {
	case n > 0 && b.stack[n-1].what == inCell:
		c := &b.stack[n-1]
		if len(c.text) > 0 {
			c.text = append(c.text, ' ')
		}
		c.text = append(c.text, text...)
	case n > 0:
		b.pending = append(b.pending, Block{Text: text, Kind: kind})
	default:
		b.blocks = append(b.blocks, Block{Text: text, Kind: kind})
		b.blocks = append(b.blocks, b.pending...)
		b.pending = b.pending[:0]
	}
}

// StartRow opens a table row.
func (b *Builder) StartRow() { b.stack = append(b.stack, container{what: inRow}) }

// StartCell opens a cell of the current row.
func (b *Builder) StartCell() { b.stack = append(b.stack, container{what: inCell}) }

// EndCell closes the innermost cell.
func (b *Builder) EndCell() {
	n := len(b.stack)
	if n < 2 || b.stack[n-1].what != inCell || b.stack[n-2].what != inRow {
		return
	}
	text := strings.Join(strings.Fields(string(b.stack[n-1].text)), " ")
	b.stack = b.stack[:n-1]
	b.stack[n-2].cells = append(b.stack[n-2].cells, text)
}

// EndRow closes the innermost row: its non-empty cells make one block.
func (b *Builder) EndRow() {
	n := len(b.stack)
	if n == 0 || b.stack[n-1].what != inRow {
		return
	}
	var cells []string
	for _, c := range b.stack[n-1].cells {
		if c != "" {
			cells = append(cells, c)
		}
	}
	b.stack = b.stack[:n-1]
	b.put(strings.Join(cells, " | "), corpus.Paragraph)
}

// Blocks closes whatever is still open and returns the blocks.
func (b *Builder) Blocks() []Block {
	for len(b.stack) > 0 {
		switch b.stack[len(b.stack)-1].what {
		case inPara:
			b.EndPara()
		case inCell:
			b.EndCell()
		case inRow:
			b.EndRow()
		}
	}
	b.blocks = append(b.blocks, b.pending...)
	b.pending = nil
	return b.blocks
}
