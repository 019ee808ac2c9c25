package pdf

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

// line is one line of a page's text, with its box in PDF points (y grows
// upwards).
type line struct {
	text                     string
	left, right, top, bottom float64
	firstWord                float64 // width of the line's first word (estimated)
	colLeft, colRight        float64 // the edges of the text column the line is in
	size                     float64 // font size of its first character
	soft                     bool    // ends with a hyphen PDFium marks as soft
	boiler                   bool
}

type page struct {
	lines []line
}

// readPage reads the lines of page i.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (page, error) {
	ref := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}
	var p page
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return p, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil || cc.Count <= 0 {
		return p, err
	}
	gt, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: cc.Count})
	if err != nil {
		return p, err
	}
	runes := []rune(gt.Text)
	box := func(k int) (l, r, t, b float64, ok bool) {
		cb, err := inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp.TextPage, Index: k})
		if err != nil {
			return 0, 0, 0, 0, false
		}
		return cb.Left, cb.Right, cb.Top, cb.Bottom, true
	}
	start := 0
	for start < len(runes) {
		// A line ends at a line break, or after a soft hyphen (U+FFFE):
		// PDFium joins a hyphenated line end to the next text it reads,
		// which may be the page's footer.
		end := start
		for end < len(runes) && runes[end] != '\r' && runes[end] != '\n' {
			end++
			if runes[end-1] == 0xFFFE {
				break
			}
		}
		next := end
		for next < len(runes) && (runes[next] == '\r' || runes[next] == '\n') {
			next++
		}
		// The line's content, trimmed of spaces.
		s, e := start, end
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
		if s < e {
			ln := line{}
			// PDFium writes a hyphen it knows to be soft as U+0002 or
			// U+FFFE (and U+00AD is one by definition).
			soft := runes[e-1] == 0x02 || runes[e-1] == 0xFFFE || runes[e-1] == 0xAD
			if soft {
				runes[e-1] = '-'
			}
			ln.soft = soft
			ln.text = format.CleanText(string(runes[s:e]))
			if r, n := utf8.DecodeRuneInString(ln.text); strings.ContainsRune("•◦▪‣►", r) && n < len(ln.text) && !unicode.IsSpace(rune(ln.text[n])) {
				ln.text = ln.text[:n] + " " + ln.text[n:] // a bullet set apart by its position only
			}
			l1, _, t1, b1, ok1 := box(s)
			_, r2, t2, b2, ok2 := box(e - 1)
			if ok1 && ok2 {
				ln.left, ln.right, ln.top, ln.bottom = l1, r2, max(t1, t2), min(b1, b2)
			}
			// The font size of the first letter (a bullet may be set in
			// another font).
			k := s
			for k < e-1 && !unicode.IsLetter(runes[k]) && !unicode.IsDigit(runes[k]) {
				k++
			}
			if fs, err := inst.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp.TextPage, Index: k}); err == nil {
				ln.size = fs.FontSize
			}
			// The first word's width, estimated from the line's average
			// character width (a box costs a dozen calls into the sandbox).
			w := s
			for w < e && !unicode.IsSpace(runes[w]) {
				w++
			}
			if e > s && ln.right > ln.left {
				ln.firstWord = (ln.right - ln.left) * float64(w-s) / float64(e-s)
			}
			if strings.TrimSpace(ln.text) != "" {
				p.lines = append(p.lines, ln)
			}
		}
		start = next
	}
	return p, nil
}

// reItem matches the start of a list item.
var reItem = regexp.MustCompile(`^(?:[•◦▪‣·○►*–—-]|\(?[0-9]{1,3}[.)]|\(?[a-z][.)])\s`)

// reNumber matches a line that is only a page number.
var reNumber = regexp.MustCompile(`^(?i)(?:page|p\.|seite)?\s*[-–—(\[]?\s*\d{1,5}\s*(?:/\s*\d{1,5}|(?:sur|of|de)\s+\d{1,5})?\s*[-–—)\]]?$`)

// furniture marks running headers and footers and page numbers as
// boilerplate: the first and last lines of a page that repeat, digits
// aside, on at least half the pages (two at least), and lone page numbers.
func furniture(pages []page) {
	key := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			switch {
			case unicode.IsDigit(r):
				b.WriteByte('#')
			case unicode.IsSpace(r):
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	const edge = 2 // lines looked at at each end of a page
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, i := range edgeLines(len(p.lines), edge) {
			k := key(p.lines[i].text)
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	furn := func(l *line) bool {
		return reNumber.MatchString(l.text) || (len(pages) >= 2 && count[key(l.text)] >= need && utf8.RuneCountInString(l.text) <= 200)
	}
	for pi := range pages {
		p := &pages[pi]
		n := len(p.lines)
		// From each end inwards: up to edge lines, each furniture, each
		// with another text (a title under a running header that repeats
		// it is not furniture).
		seen := map[string]bool{}
		for i := 0; i < edge && i < n && furn(&p.lines[i]) && !seen[key(p.lines[i].text)]; i++ {
			p.lines[i].boiler = true
			seen[key(p.lines[i].text)] = true
		}
		seen = map[string]bool{}
		for i := n - 1; i >= n-edge && i >= 0 && !p.lines[i].boiler && furn(&p.lines[i]) && !seen[key(p.lines[i].text)]; i-- {
			p.lines[i].boiler = true
			seen[key(p.lines[i].text)] = true
		}
	}
}

// edgeLines returns the indexes of the first and last k lines of n.
func edgeLines(n, k int) []int {
	var ix []int
	for i := 0; i < n; i++ {
		if i < k || i >= n-k {
			ix = append(ix, i)
		}
	}
	return ix
}

// layout groups the lines of the pages into blocks.
func layout(pages []page) []format.Block {
	furniture(pages)
	// The body font size: the size most characters are set in.
	sizes := map[float64]int{}
	words := map[string]bool{}
	for _, p := range pages {
		for _, l := range p.lines {
			if !l.boiler {
				sizes[round1(l.size)] += len(l.text)
				lower := strings.ToLower(l.text)
				for _, w := range strings.FieldsFunc(lower, notLetter) {
					words[w] = true
				}
				// Hyphenated compounds inside the line ("jean-luc").
				for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return r != '-' && notLetter(r) }) {
					if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 {
						words[strings.Trim(w, "-")] = true
					}
				}
			}
		}
	}
	body, most := 0.0, 0
	for s, n := range sizes {
		if n > most || n == most && s < body {
			body, most = s, n
		}
	}
	var blocks []format.Block
	var deferred []format.Block // boilerplate met while a paragraph is open
	var cur *format.Block       // the open paragraph
	var text strings.Builder
	var last line // the open paragraph's last line
	lines := 0    // lines in the open paragraph
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = text.String()
		if cur.Kind == corpus.Paragraph && body > 0 && last.size >= body*1.15 && lines <= 3 && utf8.RuneCountInString(cur.Text) <= 150 && !strings.HasSuffix(cur.Text, ".") {
			cur.Kind = corpus.Heading
		}
		blocks = append(blocks, *cur)
		blocks = append(blocks, deferred...)
		deferred = deferred[:0]
		cur, lines = nil, 0
		text.Reset()
	}
	for pi, p := range pages {
		gap := lineGap(p.lines)
		columns(p.lines)
		first := true // first body line of the page
		for _, l := range p.lines {
			if l.boiler {
				// Kept as its own block, after the paragraph that runs
				// across it.
				b := format.Block{Text: l.text, Kind: corpus.Boilerplate, Page: pi + 1}
				if cur != nil {
					deferred = append(deferred, b)
				} else {
					blocks = append(blocks, b)
				}
				continue
			}
			cont := false
			if cur != nil {
				if first {
					// A paragraph going on from the previous page.
					r, _ := utf8.DecodeRuneInString(l.text)
					cont = unicode.IsLower(r) && full(last, l, last.colRight) && !strings.HasSuffix(last.text, ".")
				} else {
					cont = continues(last, l, gap)
				}
			}
			if cont {
				if first {
					// A page break inside the paragraph.
					cur.PageStarts = append(cur.PageStarts, joinedLen(&text, last, l, words))
				}
				join(&text, last, l, words)
			} else {
				flush()
				cur = &format.Block{Kind: corpus.Paragraph, Page: pi + 1}
				text.WriteString(l.text)
			}
			last = l
			lines++
			first = false
		}
	}
	flush()
	return blocks
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// lineGap returns a page's usual gap between the lines of a paragraph.
func lineGap(ls []line) float64 {
	var gaps []float64
	for i := 1; i < len(ls); i++ {
		if ls[i].boiler || ls[i-1].boiler {
			continue
		}
		if g := ls[i-1].bottom - ls[i].top; g > -2 && ls[i-1].bottom > ls[i].bottom {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) == 0 {
		return 0
	}
	slices.Sort(gaps)
	return gaps[len(gaps)/4] // the tight spacing inside paragraphs
}

// columns sets each line's column edges from the lines that share its
// horizontal extent (the whole page's text for one column; its own column
// on a page of several): the left edge most of them start at, and a right
// edge most of the longest reach (the 85th percentile, so that a heading
// across columns does not count).
func columns(ls []line) {
	var rights []float64
	lefts := map[int]int{}
	for i := range ls {
		a := &ls[i]
		if a.boiler {
			continue
		}
		rights = rights[:0]
		clear(lefts)
		for _, b := range ls {
			if !b.boiler && b.left < a.right && b.right > a.left {
				rights = append(rights, b.right)
				lefts[int(b.left+0.5)]++
			}
		}
		slices.Sort(rights)
		a.colRight = rights[len(rights)*85/100]
		most := 0
		for x, n := range lefts {
			if n > most || n == most && float64(x) < a.colLeft {
				a.colLeft, most = float64(x), n
			}
		}
	}
}

// full reports whether line a was broken because the next line's first
// word did not fit after it.
func full(a, b line, right float64) bool {
	space := a.size * 0.3
	return a.right+space+b.firstWord > right-a.size*0.2
}

// continues reports whether line b goes on with a's paragraph.
func continues(a, b line, gap float64) bool {
	if a.size > 0 && b.size > 0 && (b.size > a.size*1.05 || b.size < a.size*0.95) {
		return false
	}
	if b.top > a.top && b.left >= a.right-1 {
		// The top of the next column: a paragraph goes on there as it
		// does on the next page.
		r, _ := utf8.DecodeRuneInString(b.text)
		return unicode.IsLower(r) && full(a, b, a.colRight) && !strings.HasSuffix(a.text, ".")
	}
	h := max(a.top-a.bottom, 1)
	if a.bottom-b.top > gap+h*0.5 || b.top > a.top {
		return false // a wider gap, or b is not below a
	}
	if b.left > b.colLeft+b.size*0.8 && b.left > a.left+b.size*0.8 && !reItem.MatchString(a.text) {
		return false // a first-line indent (not a list item's hanging indent)
	}
	if b.left > a.right || b.right < a.left {
		return false // another column
	}
	return full(a, b, a.colRight)
}

// join appends line b to a paragraph ending in line a. A hyphen at the
// end of a is dropped when the word it splits is known whole (it occurs
// elsewhere in the document, or PDFium marks the hyphen as soft) and the
// hyphenated form is not known; otherwise it is kept and the parts joined
// without a space.
func join(text *strings.Builder, a, b line, words map[string]bool) {
	t := text.String()
	if strings.HasSuffix(t, "-") && !strings.HasSuffix(t, "--") {
		// The word before the hyphen and the word after it.
		i := strings.LastIndexFunc(t[:len(t)-1], notLetter) + 1
		pre := t[i : len(t)-1]
		j := strings.IndexFunc(b.text, notLetter)
		if j < 0 {
			j = len(b.text)
		}
		post := b.text[:j]
		r, _ := utf8.DecodeRuneInString(post)
		caps := pre != "" && post != "" && strings.ToUpper(pre) == pre && strings.ToUpper(post) == post
		compound := words[strings.ToLower(pre+"-"+post)] // the hyphenated form occurs elsewhere
		if pre != "" && post != "" && (unicode.IsLower(r) || caps) && !compound && (a.soft || words[strings.ToLower(pre+post)]) {
			text.Reset()
			text.WriteString(t[:len(t)-1])
			text.WriteString(b.text)
			return
		}
		if pre != "" && post != "" {
			text.WriteString(b.text)
			return
		}
	}
	text.WriteByte(' ')
	text.WriteString(b.text)
}

// joinedLen returns the offset in the paragraph where line b will start
// once joined.
func joinedLen(text *strings.Builder, a, b line, words map[string]bool) int {
	var t strings.Builder
	t.WriteString(text.String())
	join(&t, a, b, words)
	return t.Len() - len(b.text)
}
