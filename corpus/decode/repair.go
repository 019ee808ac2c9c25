package decode

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Mojibake repair
//
// UTF-8 text read as a single-byte charset turns every accented letter into
// two to four characters: é (C3 A9) becomes Ã© in Windows-1252 and Ă© in
// Windows-1250. Repair looks for runs of characters that such a charset
// would have written as one well-formed UTF-8 sequence (a candidate),
// scores how strongly each one looks like damage rather than text, and
// replaces the convincing ones by the character they encode. It works line
// by line and candidate by candidate, so correct text in the same line or
// file stays as it is, and it repeats until nothing changes, which undoes
// double and triple encoding. The charsets are Latin-1 and Windows-1252
// together (text damaged by both at once is common), Windows-1250,
// ISO-8859-2, Windows-1251 and Mac OS Roman (without its punctuation, which
// every French text would otherwise trip over); in each line the charset
// with the most convincing repairs wins, and the next pass may use another.
//
// A candidate's score adds up evidence: continuation characters that
// natural text almost never puts right after a letter (C1 controls, ¤, ¨,
// ³, ƒ, ‰ weigh 3; ™ 2; ©, «, ´, … 1; letters, ¥ and ’ nothing), such a
// symbol glued to the letter or digit that follows, the classic leads Ã,
// Â, Î and Ð, a capital lead right after a small letter (dĂ©, more when a
// small letter follows: oĂą), a small letter inside capitals (ZURÃœCK), two
// capitals before a small letter (ÄŒe), three- and four-byte sequences
// (â€™, and â€ above all), and candidates that touch each other
// (×‘×”×•). It subtracts what the decoded character would make
// implausible: a letter of another script glued to a letter or digit
// (5×£35 is not 5ף35), a lone Hangul, Han, Hebrew... letter among
// symbols, a small letter inside or at the end of a word in capitals
// (NESTLÉ®), a combining mark after a digit or a space, IPA and modifier
// letters. Unassigned and private-use characters and noncharacters are
// never produced.
//
// A candidate is repaired when it scores 3 or more; when it scores 1 or 2
// and its line holds a confident repair in the same charset, or the whole
// text two of them; or, when every non-ASCII character of the line belongs
// to a candidate of that charset, as soon as it does not score below 0.
// A line damaged through and through where no candidate convinces alone is
// decoded anyway when that reveals a confident repair of the next layer
// (Г‚ВЈ5 is Â£5, which is £5).
//
// The lost 0xA0 byte: à is C3 A0, and A0 is the non-breaking space, which
// editors drop or turn into a space, leaving Ã or Ă before a space. Such a
// lead followed by a space stands for à when it ends a small-letter word
// (dĂ©jĂ un) or stands alone before a word that is not in capitals
// (Ă Hangzhou, but not C O N C L U S Ã O); "Ã s" is the Portuguese "às",
// and in "Ã  le" the first space was the lost byte. Â followed by a space
// after a small letter or a stop stands for a non-breaking space.
//
// Finally, C1 control characters left in the text are read as the
// Windows-1252 characters they are in practice (\x93 for “), unless the
// byte is undefined there, and the passes run again on the result.

// candidate is one run of characters that a legacy charset would have
// written as a single UTF-8 sequence.
type candidate struct {
	start, end int  // byte offsets in the line
	r          rune // the character it decodes to
	lost       bool // a space stands for a lost 0xA0 byte
	lead       byte // the lead byte
	base       int  // score before the support of touching candidates
	score      int
	reject     bool
}

// scanner holds the reusable buffers of one Repair call.
type scanner struct {
	cands [len(encoders)][]candidate
}

// maxPasses bounds the repeated repair of one line: each pass undoes one
// layer of encoding, and makes the line shorter.
const maxPasses = 64

// Repair undoes mojibake in s, segment by segment, and returns the repaired
// text with the number of segments repaired (a segment is a run of damaged
// characters repaired together). Text that is right is returned unchanged.
// s should be valid UTF-8; invalid bytes are passed through untouched.
func Repair(s string) (string, int) {
	if !suspect(s) {
		return s, 0
	}
	var sc scanner
	// First pass over every suspect line: confident repairs anywhere in
	// the text support the weaker ones elsewhere.
	var docStrong [len(encoders)]int
	forLines(s, func(line string) {
		if !suspect(line) {
			return
		}
		for ei := range encoders {
			cs, _ := sc.analyse(line, ei)
			for _, c := range cs {
				if !c.reject && c.score >= 3 {
					docStrong[ei]++
				}
			}
		}
	})
	var support [len(encoders)]bool
	for ei, n := range docStrong {
		support[ei] = n >= 2
	}

	var out strings.Builder
	total := 0
	last := 0
	pos := 0
	changed := false
	forLines(s, func(line string) {
		start := pos
		pos += len(line) + 1
		if !suspect(line) {
			return
		}
		fixed, n := sc.repairLine(line, &support)
		if n == 0 && fixed == line {
			return
		}
		if !changed {
			out.Grow(len(s))
			changed = true
		}
		out.WriteString(s[last:start])
		out.WriteString(fixed)
		last = start + len(line)
		total += n
	})
	if !changed {
		return s, 0
	}
	out.WriteString(s[last:])
	return out.String(), total
}

// forLines calls f with every line of s, without its "\n".
func forLines(s string, f func(string)) {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			f(s)
			return
		}
		f(s[:i])
		s = s[i+1:]
	}
}

// suspect reports whether s holds anything Repair might change: a lead
// character followed by a continuation character (or by a space, for the
// lost 0xA0 byte), or a C1 control character. It is the fast path: clean
// text is scanned once and left alone.
func suspect(s string) bool {
	prev := uint16(0)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && prev&fLeadA != 0 {
				return true
			}
			prev = 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x80 && r <= 0x9F {
			return true
		}
		f := flagsOf(r)
		lead := prev & fLeadAny
		if lead != 0 && (f&fContAny&(lead<<len(encoders)) != 0 || (r == utf8.RuneError && size == 3)) {
			return true
		}
		prev = f
	}
	return false
}

// repairLine repairs one line and returns it with the number of segments
// repaired.
func (sc *scanner) repairLine(line string, support *[len(encoders)]bool) (string, int) {
	total := 0
	var dirty []int // output ranges (pairs) of the previous pass's repairs
	for pass := 0; pass < maxPasses; pass++ {
		if pass > 0 && !suspect(line) {
			break
		}
		best, bestSum := -1, 0
		for ei := range encoders {
			cs, outside := sc.analyse(line, ei)
			sc.decide(cs, outside, support[ei])
			sum := 0
			for _, c := range cs {
				if !c.reject {
					sum += c.score + 1
				}
			}
			if sum > bestSum {
				best, bestSum = ei, sum
			}
		}
		if best < 0 {
			// Nothing convincing: try the next layer of a line that is
			// damaged through and through ("Г‚ВЈ5" is "Â£5" is "£5").
			if next, ok := sc.nextLayer(line, support); ok {
				line, dirty = next, nil
				total++
				continue
			}
			break
		}
		cs := sc.cands[best] // analysed and decided above
		var n int
		line, n, dirty = apply(line, cs, dirty)
		total += n
	}
	// C1 controls left are Windows-1252 characters; what they become may
	// complete a candidate ("Г\u0099" is "Г™", which is "Ù"), so the
	// passes run again after them.
	fixed, n := fixC1(line)
	if n == 0 {
		return line, total
	}
	more, m := sc.repairLine(fixed, support)
	return more, total + n + m
}

// nextLayer handles a line whose every non-ASCII character belongs to a
// candidate of one encoder, none of them convincing alone: it decodes them
// all and keeps the result if that holds a confident repair of the next
// layer of encoding, inside the decoded part.
func (sc *scanner) nextLayer(line string, support *[len(encoders)]bool) (string, bool) {
	for ei := range encoders {
		cs, outside := sc.analyse(line, ei)
		if outside > 0 || len(cs) < 2 {
			continue
		}
		for k := range cs {
			if cs[k].score < 0 || cs[k].lost {
				cs[k].reject = true
			}
		}
		try, _, dirty := apply(line, cs, nil)
		if try == line {
			continue
		}
		var sub scanner
		for ej := range encoders {
			cs2, outside2 := sub.analyse(try, ej)
			sub.decide(cs2, outside2, support[ej])
			d := 0
			for _, c := range cs2 {
				for d+1 < len(dirty) && dirty[d+1] < c.start {
					d += 2
				}
				if !c.reject && c.score >= 3 && d+1 < len(dirty) && dirty[d] <= c.end {
					return try, true
				}
			}
		}
	}
	return line, false
}

// apply replaces the accepted candidates of line. It returns the new line,
// the number of new segments repaired (runs of touching candidates that do
// not overlap the previous pass's repairs) and the output ranges of this
// pass's repairs.
func apply(line string, cs []candidate, dirty []int) (string, int, []int) {
	var b strings.Builder
	b.Grow(len(line))
	var out []int
	last := 0
	n := 0
	// A segment is a run of touching candidates; it is new unless one of
	// them repairs the output of an earlier pass.
	runStart, runEnd, runOld := -1, -1, false
	d := 0 // dirty ranges before d end before the current candidate
	flush := func() {
		if runStart >= 0 && !runOld {
			n++
		}
	}
	for _, c := range cs {
		if c.reject {
			continue
		}
		if c.start != runEnd {
			flush()
			runStart, runOld = c.start, false
		}
		for d+1 < len(dirty) && dirty[d+1] < c.start {
			d += 2
		}
		runOld = runOld || (d+1 < len(dirty) && dirty[d] <= c.end)
		runEnd = c.end
		b.WriteString(line[last:c.start])
		o := b.Len()
		if c.r == -'s' {
			b.WriteString("às")
		} else {
			b.WriteRune(c.r)
		}
		out = append(out, o, b.Len())
		last = c.end
	}
	flush()
	b.WriteString(line[last:])
	return b.String(), n, out
}

// fixC1 replaces the C1 control characters of line by the Windows-1252
// characters of the same byte value, where Windows-1252 defines one, and
// returns the number of runs replaced.
func fixC1(line string) (string, int) {
	has := false
	for _, r := range line {
		if r >= 0x80 && r <= 0x9F && charmap.Windows1252.DecodeByte(byte(r)) != 0xFFFD {
			has = true
			break
		}
	}
	if !has {
		return line, 0
	}
	var b strings.Builder
	n := 0
	inRun := false
	for _, r := range line {
		if r >= 0x80 && r <= 0x9F {
			if w := charmap.Windows1252.DecodeByte(byte(r)); w != 0xFFFD {
				if !inRun {
					n++
				}
				inRun = true
				b.WriteRune(w)
				continue
			}
		}
		inRun = false
		b.WriteRune(r)
	}
	return b.String(), n
}

// analyse finds and scores the candidates of line in encoder ei. outside
// counts the non-ASCII characters that belong to no candidate.
func (sc *scanner) analyse(line string, ei int) (cs []candidate, outside int) {
	e := encoders[ei]
	cs = sc.cands[ei][:0]
	for i := 0; i < len(line); {
		if line[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if flagsOf(r)&(fLead<<ei) != 0 {
			if b0, ok := e.byteOf(r); ok && b0 >= 0xC2 && b0 <= 0xF4 {
				if c, ok := match(line, i, size, b0, e); ok {
					cs = append(cs, c)
					// A lost-0xA0 à keeps its space, which is ASCII.
					i = c.end
					continue
				}
			}
		}
		outside++
		i += size
	}
	for k := range cs {
		score(line, cs, k)
		cs[k].base = cs[k].score
	}
	// Touching candidates support each other.
	good := func(c *candidate) bool { return !c.reject && c.base >= 1 }
	for k := range cs {
		c := &cs[k]
		if c.reject {
			continue
		}
		if (k > 0 && cs[k-1].end == c.start && good(&cs[k-1])) ||
			(k+1 < len(cs) && cs[k+1].start == c.end && good(&cs[k+1])) {
			c.score += 2
		}
	}
	sc.cands[ei] = cs
	return cs, outside
}

// decide marks the candidates to leave alone.
func (sc *scanner) decide(cs []candidate, outside int, docSupport bool) {
	strong := false
	for _, c := range cs {
		if !c.reject && c.score >= 3 {
			strong = true
			break
		}
	}
	consistent := strong && outside == 0
	for k := range cs {
		c := &cs[k]
		if c.reject {
			continue
		}
		switch {
		case c.score >= 3:
		case c.score >= 1 && (strong || docSupport):
		case c.score >= 0 && consistent && !c.lost:
		default:
			c.reject = true
		}
	}
}

// match tries to read a UTF-8 sequence of lead byte b0 in encoding e from
// the character at line[i:i+size] on.
func match(line string, i, size int, b0 byte, e *encoder) (candidate, bool) {
	lead, _ := utf8.DecodeRuneInString(line[i:])
	n := 2
	switch {
	case b0 >= 0xF0:
		n = 4
	case b0 >= 0xE0:
		n = 3
	}
	var buf [6]byte
	buf[0] = b0
	j := i + size
	wild := false
	c := candidate{start: i, lead: b0}
	for k := 1; k < n; k++ {
		if j >= len(line) {
			return c, false
		}
		r, sz := utf8.DecodeRuneInString(line[j:])
		if r == utf8.RuneError && sz == 3 {
			wild = true
			buf[k] = wildByte(b0, k)
			j += sz
			continue
		}
		if b, ok := e.byteOf(r); ok && b >= 0x80 && b <= 0xBF {
			buf[k] = b
			j += sz
			continue
		}
		if k == 1 && r == ' ' && flagsOf(lead)&fLeadA != 0 {
			c.lost = true
			if b0 == 0xC3 {
				c.end, c.r = j, 'à' // the space stays...
				if strings.HasPrefix(line[j:], "  ") {
					c.end++ // ...unless it was the NBSP: "voilÃ  le"
				} else if len(line) >= j+2 && line[j+1] == 's' && (len(line) == j+2 || strings.IndexByte(" .,;:!?)", line[j+2]) >= 0) {
					c.end += 2 // Portuguese "às": "Ã s crianças"
					c.r = -'s'
				}
			} else {
				c.end, c.r = j+1, '\u00A0' // the space was the NBSP
			}
			return c, true
		}
		return c, false
	}
	c.end = j
	if wild {
		c.r = utf8.RuneError
		return c, true
	}
	r, sz := utf8.DecodeRune(buf[:n])
	if sz == n { // U+FFFD itself is fine: "ï¿½" is "�"
		c.r = r
		return c, true
	}
	// CESU-8: a UTF-16 surrogate pair written as two 3-byte sequences.
	if n == 3 && b0 == 0xED && buf[1] >= 0xA0 && buf[1] <= 0xAF {
		for k := 3; k < 6; k++ {
			if j >= len(line) {
				return c, false
			}
			r, sz := utf8.DecodeRuneInString(line[j:])
			b, ok := e.byteOf(r)
			if !ok {
				return c, false
			}
			buf[k] = b
			j += sz
		}
		if buf[3] != 0xED || buf[4] < 0xB0 || buf[4] > 0xBF || buf[5] < 0x80 || buf[5] > 0xBF {
			return c, false
		}
		hi := rune(buf[1]&0x0F)<<6 | rune(buf[2]&0x3F) | 0xD800
		lo := rune(buf[4]&0x0F)<<6 | rune(buf[5]&0x3F) | 0xDC00
		c.r = utf16.DecodeRune(hi, lo)
		c.end = j
		return c, c.r != utf8.RuneError
	}
	return c, false
}

// wildByte is a continuation byte valid at position k after lead b0, for a
// U+FFFD that replaced a byte lost in an earlier lossy decoding.
func wildByte(b0 byte, k int) byte {
	if k == 1 {
		switch b0 {
		case 0xE0:
			return 0xA0
		case 0xF0:
			return 0x90
		}
	}
	return 0x80
}

// score computes cs[k].score from the candidate and its context.
func score(line string, cs []candidate, k int) {
	c := &cs[k]
	lead, leadSize := utf8.DecodeRuneInString(line[c.start:])
	prev := rune(-1)
	if c.start > 0 && (k == 0 || cs[k-1].end != c.start) {
		prev, _ = utf8.DecodeLastRuneInString(line[:c.start])
	}
	next := rune(-1)
	if c.end < len(line) && (k+1 >= len(cs) || cs[k+1].start != c.end) {
		next, _ = utf8.DecodeRuneInString(line[c.end:])
	}
	prevAdj := k > 0 && cs[k-1].end == c.start
	nextAdj := k+1 < len(cs) && cs[k+1].start == c.end
	s := 0
	if lead == 'Ã' || lead == 'Â' || lead == 'Î' || lead == 'Ð' {
		s++
	}
	if prev >= 0 && unicode.IsLower(prev) && unicode.IsUpper(lead) {
		s++ // "gĂ©ant"
		if r, _ := utf8.DecodeRuneInString(line[c.start+leadSize:]); !c.lost && unicode.IsLower(r) {
			s += 2 // small, capital, small in one word: "oĂą"
		}
	}
	if c.lost {
		s += lostScore(line, c, prev, prevAdj)
		if s < 3 && c.lead == 0xC2 {
			c.reject = true
		}
		c.score = s
		return
	}
	// The continuation characters.
	uppers := 0
	if unicode.IsUpper(lead) {
		uppers++
	}
	nchars := 1
	var last rune
	lastSym := false
	lastW := 0
	for j := c.start + leadSize; j < c.end; {
		r, sz := utf8.DecodeRuneInString(line[j:])
		j += sz
		nchars++
		w, sym := contWeight(r)
		if r == '\u00A0' && (lead == 'Ã' || lead == 'Â') {
			w = 2
		}
		if nchars == 2 && lead == 'â' && r == '€' {
			w += 3
		}
		if unicode.IsUpper(r) {
			uppers++
		}
		if nchars == 2 && unicode.IsLower(r) && unicode.IsUpper(lead) && next >= 0 && unicode.IsUpper(next) && (prev < 0 || !unicode.IsLower(prev)) {
			s += 2 // a small letter inside a word in capitals: "ZURÃœCK", "ÈšARA"
		}
		if r == '’' && j == c.end && next >= 0 && unicode.IsUpper(next) {
			w = 1 // an apostrophe before a capital: "Å’UVRE"
		}
		s += w
		last, lastSym, lastW = r, sym, w
	}
	_ = last
	if lastSym && lastW >= 1 && next >= 0 && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
		s += 2 // a symbol glued to the next word: "Ã©t", "Ä°s"
	}
	if c.r == '\u00A0' && lead != 'Â' {
		s -= 2 // only Â+NBSP is a common way to damage a NBSP
	}
	switch {
	case nchars >= 4:
		s += 2
	case nchars == 3:
		s++
	}
	if uppers >= 2 && next >= 0 && unicode.IsLower(next) {
		s += 2 // two capitals inside a lowercase word: "ÄŒeÅ¡tina"
	}
	// What the decoded character would be.
	r := c.r
	if !allowed(r) {
		c.reject = true
		return
	}
	switch {
	case unicode.IsLetter(r):
		if otherScript(r, prev) || otherScript(r, next) {
			if unicode.Is(unicode.Greek, r) {
				s-- // Greek letters are glued to Latin ones in science
			} else {
				s -= 3 // "5×£35" is not "5ף35"
			}
		}
		if prev >= 0 && next >= 0 && !prevAdj && !nextAdj && isolated(r, prev, next) {
			s -= 2 // one Hangul syllable among symbols: "¥ì¥¹¥" is not "¥쥹¥"
		}
		if unicode.IsLower(r) && prev >= 0 && unicode.IsUpper(prev) {
			// A small letter inside or at the end of a word in capitals:
			// "NESTLÉ®" is not "NESTLɮ", "MÄ£ÄM" not "MģÄM"; but "Sí".
			before, _ := utf8.DecodeLastRuneInString(line[:c.start-utf8.RuneLen(prev)])
			if (next >= 0 && unicode.IsUpper(next)) || ((next < 0 || !unicode.IsLetter(next)) && unicode.IsUpper(before)) {
				s -= 2
			}
		}
	case unicode.Is(unicode.Mn, r):
		if !prevAdj && (prev < 0 || unicode.IsSpace(prev) || unicode.IsDigit(prev)) {
			s -= 2
		}
	}
	switch {
	case r >= 0x250 && r <= 0x2FF, r >= 0x1D00 && r <= 0x1DBF:
		s -= 2 // IPA, modifier letters, phonetic extensions
	case r >= 0x180 && r <= 0x24F && !strings.ContainsRune("ȘșȚțƠơƯư", r):
		s-- // Latin Extended-B, except Romanian and Vietnamese letters
	case r >= 0x2000 && r <= 0x2BFF, r >= 0x1F000:
		s++ // punctuation, symbols and emoji: what mojibake usually hides
	}
	c.score = s
}

// lostScore scores a lead followed by a space that may stand for a lost
// 0xA0 byte.
func lostScore(line string, c *candidate, prev rune, prevAdj bool) int {
	if c.lead == 0xC2 {
		// Â + space for a non-breaking space, after a word or a stop.
		if prev >= 0 && (unicode.IsLower(prev) || strings.ContainsRune(".,;:!?…", prev)) && c.end < len(line) {
			return 2
		}
		return -9
	}
	rest := line[c.end:] // starts with the kept space
	nextWord := strings.TrimLeft(rest, " ")
	switch {
	case prevAdj:
		return 2
	case prev >= 0 && unicode.IsLower(prev):
		return 3 // "dĂ©jĂ un", "voilÃ le"
	case prev < 0 || unicode.IsSpace(prev) || unicode.IsPunct(prev):
		if nextWord == "" || allCaps(nextWord) {
			return -9 // "C O N C L U S Ã O"
		}
		r, _ := utf8.DecodeRuneInString(nextWord)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return -9
		}
		if line[c.start:c.start+2] == "Ã" {
			return 2
		}
		return 1
	}
	return -9
}

// allCaps reports whether the word at the start of s has letters, all of
// them capitals.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			break
		}
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// scripts are the scripts otherScript tells apart.
var scripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian, unicode.Hebrew,
	unicode.Arabic, unicode.Thai, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana,
}

// otherScript reports whether letter r would stand glued to a neighbour
// (a letter or a digit) of another script.
func otherScript(r, neighbour rune) bool {
	if neighbour < 0 {
		return false
	}
	if unicode.IsDigit(neighbour) {
		return !unicode.Is(unicode.Latin, r) && !unicode.Is(unicode.Common, r)
	}
	if !unicode.IsLetter(neighbour) {
		return false
	}
	for _, t := range scripts {
		if unicode.Is(t, r) {
			return !unicode.Is(t, neighbour)
		}
	}
	return false
}

// farScripts are scripts whose letters rarely stand alone in text of
// another script.
var farScripts = []*unicode.RangeTable{
	unicode.Armenian, unicode.Hebrew, unicode.Arabic, unicode.Thai,
	unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana,
}

// isolated reports whether letter r belongs to one of farScripts while
// neither neighbour does.
func isolated(r, prev, next rune) bool {
	for _, t := range farScripts {
		if unicode.Is(t, r) {
			return !unicode.Is(t, prev) && !unicode.Is(t, next)
		}
	}
	return false
}

// allowed reports whether r may come out of a repair: assigned, printable
// or a format character, not private use, not a noncharacter. C1 controls
// are allowed because they may be one layer of double encoding.
func allowed(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9F:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return false
	}
	return unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r)
}
