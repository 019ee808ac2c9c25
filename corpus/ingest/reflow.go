package ingest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A textLine is one line of a plain text, measured.
type textLine struct {
	s      string // the line without its '\n'
	cs, ce int    // its content, trimmed of white space, is s[cs:ce]
	indent int    // columns of leading white space (tabs to multiples of 8)
	width  int    // indent plus the content's length in characters
	first  int    // length in characters of the content's first word
}

func (l *textLine) blank() bool     { return l.cs == l.ce }
func (l *textLine) content() string { return l.s[l.cs:l.ce] }

func measure(s string) textLine {
	l := textLine{s: s}
	i, col := 0, 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\t' {
			col = col/8*8 + 8
		} else if unicode.IsSpace(r) {
			col++
		} else {
			break
		}
		i += n
	}
	j := len(s)
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	l.cs, l.ce, l.indent = i, j, col
	c := s[i:j]
	l.width = col + utf8.RuneCountInString(c)
	if k := strings.IndexAny(c, " \t"); k >= 0 {
		c = c[:k]
	}
	l.first = utf8.RuneCountInString(c)
	return l
}

func splitLines(text string) []textLine {
	lines := make([]textLine, 0, strings.Count(text, "\n")+1)
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, measure(text))
			break
		}
		lines = append(lines, measure(text[:i]))
		text = text[i+1:]
	}
	return lines
}

// wrapWidth returns the width a plain text was hard-wrapped at, or 0 when
// it was not hard-wrapped (see the package documentation), and for each
// line the width its paragraph was wrapped at.
func wrapWidth(lines []textLine) (int, []int) {
	var widths []int
	nonBlank := 0
	for i := range lines {
		if lines[i].blank() {
			continue
		}
		nonBlank++
		if i+1 < len(lines) && !lines[i+1].blank() {
			widths = append(widths, lines[i].width)
		}
	}
	if len(widths) == 0 {
		return 0, nil
	}
	slices.Sort(widths)
	w := widths[len(widths)*95/100]
	if w < 40 || w > 200 {
		return 0, nil
	}
	// Few lines may be longer than the wrap width (long words, URLs, tables).
	over := 0
	for i := range lines {
		if lines[i].width > w+8 {
			over++
		}
	}
	if 20*over > nonBlank {
		return 0, nil
	}
	// A paragraph of three lines or more may be wrapped narrower.
	local := make([]int, len(lines))
	for i := 0; i < len(lines); {
		j, max := i, 0
		for j < len(lines) && !lines[j].blank() {
			max = maxInt(max, lines[j].width)
			j++
		}
		lw := w
		if j-i >= 3 && max < w {
			lw = max
		}
		for k := i; k < j; k++ {
			local[k] = lw
		}
		if j == i {
			j++
		}
		i = j
	}
	full, n := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].blank() || lines[i+1].blank() {
			continue
		}
		n++
		if brokenAt(&lines[i], &lines[i+1], local[i]) {
			full++
		}
	}
	if full == 0 || 4*full < n {
		return 0, nil
	}
	return w, local
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// brokenAt reports whether line a was broken before line b because b's
// first word did not fit in width w.
func brokenAt(a, b *textLine, w int) bool {
	return 2*a.width >= w && a.width+1+b.first > w
}

// listStart reports whether a line's content starts a list item.
func listStart(c string) bool {
	r, n := utf8.DecodeRuneInString(c)
	switch r {
	case '-', '*', '+', '•', '◦', '▪', '‣', '–', '—', '·', '○', '►':
		return n == len(c) || c[n] == ' ' || c[n] == '\t'
	}
	// "1.", "12)", "1/", "a)", "iv."
	i := 0
	for i < len(c) && i < 4 && (c[i] >= '0' && c[i] <= '9' || c[i] >= 'a' && c[i] <= 'z' && i < 1) {
		i++
	}
	if i == 0 || i >= len(c) {
		return false
	}
	if c[i] == '.' || c[i] == ')' || c[i] == '/' {
		return i+1 == len(c) || c[i+1] == ' '
	}
	return false
}

// reflow joins the lines of a hard-wrapped text into paragraphs. It returns
// the text unchanged and 0 when the text is not hard-wrapped; otherwise the
// new text, the number of line breaks removed and the wrap width.
func reflow(text string) (string, int, int) {
	lines := splitLines(text)
	w, local := wrapWidth(lines)
	if w == 0 {
		return text, 0, 0
	}
	b := make([]byte, 0, len(text))
	joins := 0
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		if i > 0 {
			b = append(b, '\n')
		}
		j := i
		for j+1 < len(lines) && joinable(lines, j, i, local[j]) {
			j++
		}
		if j == i {
			b = append(b, l.s...)
			continue
		}
		b = append(b, l.s[:l.ce]...)
		for k := i + 1; k <= j; k++ {
			prev, next := lines[k-1].content(), lines[k].content()
			if hyphenated(prev, next) {
				if dehyphenate(text, prev, next) {
					b = b[:len(b)-1]
				}
			} else {
				b = append(b, ' ')
			}
			b = append(b, next...)
			joins++
		}
		i = j
	}
	return string(b), joins, w
}

// joinable reports whether line j+1 continues line j in a paragraph that
// started at line start.
func joinable(lines []textLine, j, start, w int) bool {
	a, b := &lines[j], &lines[j+1]
	if a.blank() || b.blank() || !brokenAt(a, b, w) {
		return false
	}
	if b.indent != a.indent && !(j == start && b.indent < a.indent && a.indent-b.indent <= 8) &&
		!(j == start && b.indent > a.indent && b.indent == tagColumn(a)) {
		return false
	}
	if drawing(a.content()) || drawing(b.content()) {
		return false
	}
	if c := a.content(); strings.HasPrefix(c, "#") || strings.HasSuffix(c, "*/") || strings.HasSuffix(c, "{") || strings.HasSuffix(c, "}") {
		return false
	}
	if j > start && b.indent != lines[start+1].indent {
		return false
	}
	return !listStart(b.content()) && !fieldLine(b.content())
}

// fieldLine reports whether a line starts with a field's name, a word
// (with dashes) capitalised and followed by a colon: the header lines of
// a Debian copyright file ("Upstream-Name: Apache Maven"), a mail, a
// package description, each a line of its own.
func fieldLine(c string) bool {
	i := strings.IndexByte(c, ':')
	if i < 2 || i > 30 || c[0] < 'A' || c[0] > 'Z' || i+1 < len(c) && c[i+1] != ' ' && c[i+1] != '\t' {
		return false
	}
	for j := 1; j < i; j++ {
		if !(c[j] >= 'a' && c[j] <= 'z' || c[j] >= 'A' && c[j] <= 'Z' || c[j] == '-' || c[j] >= '0' && c[j] <= '9') {
			return false
		}
	}
	return true
}

// tagColumn returns the column of the text that follows a line's first
// word ("EINVAL La socket ..."; "-a, --all   Show all"), where a hanging
// paragraph's next lines start, or -1.
func tagColumn(l *textLine) int {
	c := l.content()
	i := strings.IndexByte(c, ' ')
	if i <= 0 || strings.IndexByte(c[:i], '\t') >= 0 {
		return -1
	}
	j := i
	for j < len(c) && c[j] == ' ' {
		j++
	}
	if j == len(c) {
		return -1
	}
	return l.indent + utf8.RuneCountInString(c[:j])
}

// drawing reports whether s holds box-drawing characters: a table.
func drawing(s string) bool {
	for _, r := range s {
		if r >= 0x2500 && r <= 0x257F {
			return true
		}
	}
	return false
}

// hyphenated reports whether prev ends with a letter and a hyphen and next
// starts with a letter or digit.
func hyphenated(prev, next string) bool {
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) && (unicode.IsLetter(n) || unicode.IsDigit(n))
}

// dehyphenate reports whether the hyphen that ends prev only splits a word
// across lines in text: the joined word occurs in text and the hyphenated
// form does not.
func dehyphenate(text, prev, next string) bool {
	prev = prev[:len(prev)-1]
	i := len(prev)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(prev[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	j := 0
	for j < len(next) {
		r, n := utf8.DecodeRuneInString(next[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	a, b := prev[i:], next[:j]
	if a == "" || b == "" || strings.Contains(text, a+"-"+b) {
		return false
	}
	return hasWord(text, a+b) || hasWord(text, strings.ToLower(a+b))
}

// hasWord reports whether w occurs in text as a whole word.
func hasWord(text, w string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return false
		}
		s, e := off+i, off+i+len(w)
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		q, _ := utf8.DecodeRuneInString(text[e:])
		if (s == 0 || !unicode.IsLetter(r) && r != '-') && (e == len(text) || !unicode.IsLetter(q) && q != '-') {
			return true
		}
		off = s + 1
	}
}
