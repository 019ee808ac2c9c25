package summary

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// tw is one weighted term of a sparse vector.
type tw struct {
	id int
	w  float64
}

// vector is a sparse vector sorted by term id.
type vector []tw

// dot returns the dot product of two vectors sorted by id.
func dot(a, b vector) float64 {
	s, i, j := 0.0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// normalize scales v to unit length in place.
func (v vector) normalize() {
	n := 0.0
	for _, x := range v {
		n += x.w * x.w
	}
	if n == 0 {
		return
	}
	n = 1 / math.Sqrt(n)
	for i := range v {
		v[i].w *= n
	}
}

// maxGraph is the largest number of sentences ranked by LexRank; larger
// documents rank sentences by their similarity to the document's centroid,
// which is linear in the number of sentences.
const maxGraph = 120

// analysis is what the summariser knows about one document's sentences.
type analysis struct {
	d        *corpus.Document
	an       *token.Analyzer
	toks     [][]token.Token // per sentence, offsets relative to the sentence
	words    []int           // words per sentence
	vecs     []vector        // unit TF-IDF vectors of stems
	eligible []bool          // may appear in a summary
	central  []float64       // centrality, max 1
	centroid []float64       // cosine similarity to the document's centroid
	names    []float64       // share of capitalised words after the first
	numbers  []bool          // holds a number
	quoted   []float64       // share of its letters inside quotation marks
	dict     map[string]int  // stem -> term id
}

// contentTerm reports whether a token carries meaning for similarity: not
// a stopword, and not a one- or two-letter word (elided articles, short
// function words, whatever the analyzer's stopword list).
func contentTerm(t *token.Token) bool {
	if t.Stop || t.Compound {
		return false
	}
	n := utf8.RuneCountInString(t.Term)
	return n > 2 || n == 2 && isDigits(t.Term)
}

// countWords counts tokens, not the compound forms that stand for
// several of them.
func countWords(toks []token.Token) int {
	n := 0
	for i := range toks {
		if !toks[i].Compound {
			n++
		}
	}
	return n
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// analyse tokenises d's sentences and computes their vectors, eligibility
// and centrality.
func analyse(d *corpus.Document, p *Params) *analysis { return analyseWith(d, p, true, nil) }

// analyseWith is analyse; without graph, centrality is always the
// similarity to the centroid, linear in the number of sentences. toks, if
// not nil, holds each sentence's tokens already cut.
func analyseWith(d *corpus.Document, p *Params, graph bool, toks [][]token.Token) *analysis {
	n := len(d.Sentences)
	a := &analysis{
		d:        d,
		an:       token.For(d.Lang),
		toks:     make([][]token.Token, n),
		words:    make([]int, n),
		vecs:     make([]vector, n),
		eligible: make([]bool, n),
		central:  make([]float64, n),
		centroid: make([]float64, n),
		names:    make([]float64, n),
		numbers:  make([]bool, n),
		quoted:   make([]float64, n),
		dict:     make(map[string]int),
	}
	inPara := paragraphMask(d)
	df := []int{}
	for i, sp := range d.Sentences {
		if !validSpan(d, sp) {
			continue
		}
		text := d.Text[sp.Start:sp.End]
		if toks != nil && toks[i] != nil {
			a.toks[i] = toks[i]
		} else {
			a.toks[i] = a.an.Tokens(text)
		}
		a.words[i] = countWords(a.toks[i])
		a.names[i], a.numbers[i] = nameShare(text, a.toks[i])
		a.quoted[i] = quotedShare(text)
		a.eligible[i] = inPara[i] && a.words[i] >= p.MinWords && wellFormed(text, a.words[i])
		var v vector
		for k := range a.toks[i] {
			t := &a.toks[i][k]
			if !contentTerm(t) {
				continue
			}
			key := t.Stem
			if key == "" {
				key = t.Term
			}
			id, ok := a.dict[key]
			if !ok {
				id = len(a.dict)
				a.dict[key] = id
				df = append(df, 0)
			}
			v = append(v, tw{id, 1})
		}
		v = merge(v)
		for _, x := range v {
			df[x.id]++
		}
		a.vecs[i] = v
	}
	if t := titleKey(d); t != "" {
		for i, sp := range d.Sentences {
			if a.eligible[i] && foldKey(d.Text[sp.Start:sp.End]) == t {
				a.eligible[i] = false
			}
		}
	}
	nf := float64(n)
	for _, v := range a.vecs {
		for k := range v {
			v[k].w = (1 + math.Log(v[k].w)) * math.Log(1+nf/float64(df[v[k].id]))
		}
		v.normalize()
	}
	var c vector
	for _, v := range a.vecs {
		c = append(c, v...)
	}
	c = merge(c)
	c.normalize()
	for i, v := range a.vecs {
		a.centroid[i] = dot(v, c)
	}
	a.rank(graph)
	return a
}

// quotedShare returns the share of s's letters that lie inside quotation
// marks: reported speech.
func quotedShare(s string) float64 {
	var q quoteState
	in, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if q.open() {
				in++
			}
			continue
		}
		q = q.advance(string(r))
	}
	if all == 0 {
		return 0
	}
	return float64(in) / float64(all)
}

// nameShare returns the share of a sentence's words, after the first,
// that start with a capital (names: who and where), and whether it holds
// a number.
func nameShare(text string, toks []token.Token) (float64, bool) {
	caps, n, num := 0, 0, false
	for k := range toks {
		t := &toks[k]
		if t.Compound || t.Start < 0 || t.Start >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[t.Start:])
		if unicode.IsDigit(r) {
			num = true
		}
		if n > 0 && unicode.IsUpper(r) {
			caps++
		}
		n++
	}
	if n == 0 {
		return 0, num
	}
	return float64(caps) / float64(n), num
}

// merge sorts v by id and sums the weights of equal ids.
func merge(v vector) vector {
	sort.Slice(v, func(i, j int) bool { return v[i].id < v[j].id })
	out := v[:0]
	for _, x := range v {
		if len(out) > 0 && out[len(out)-1].id == x.id {
			out[len(out)-1].w += x.w
			continue
		}
		out = append(out, x)
	}
	return out
}

// paragraphMask tells which sentences lie inside a Paragraph block. A
// document without blocks is all paragraph.
func paragraphMask(d *corpus.Document) []bool {
	m := make([]bool, len(d.Sentences))
	if len(d.Blocks) == 0 {
		for i := range m {
			m[i] = true
		}
		return m
	}
	b := 0
	for i, s := range d.Sentences {
		for b < len(d.Blocks) && d.Blocks[b].End <= s.Start {
			b++
		}
		for k := b; k < len(d.Blocks) && d.Blocks[k].Start < s.End; k++ {
			if d.Blocks[k].Kind == corpus.Paragraph && d.Blocks[k].Start <= s.Start && s.End <= d.Blocks[k].End {
				m[i] = true
				break
			}
		}
	}
	return m
}

// wellFormed reports whether a sentence reads as a sentence rather than a
// caption, a heading, a list item, a table of contents or a line of code: it holds lower-case
// words, ends like a sentence unless it is long, and has no code syntax.
func wellFormed(s string, words int) bool {
	lower, code := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower++
		case r == '{' || r == '}' || r == '=' || r == '<' || r == '>' || r == '|' || r == '\\' || r == '_' || r == ';':
			code++
		case r == utf8.RuneError:
			return false
		}
	}
	if lower < 8 || code >= 2 || strings.Contains(s, "//") {
		return false
	}
	if strings.Contains(s, ". . .") || strings.Contains(s, "....") || strings.Contains(s, "……") {
		return false // a table of contents' dot leaders: "2.1 ASN.1 syntax . . . . 2"
	}
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("•◦▪‣·○►", r) {
		return false // a list item: a summary is sentences
	}
	if strings.HasSuffix(strings.TrimSpace(s), ":") && words < 15 {
		return false
	}
	if !endsLikeSentence(s) && words < 15 {
		return false
	}
	return true
}

// endsLikeSentence reports whether s ends with terminal punctuation,
// possibly followed by closing quotes or brackets.
func endsLikeSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', '…':
			return true
		case '"', '\'', '»', '”', '’', ')', ']', ' ', '\u00a0', '\u202f':
			s = s[:len(s)-n]
		default:
			return false
		}
	}
	return false
}

// titleKey returns the folded key of d's title when its author gave one.
func titleKey(d *corpus.Document) string {
	if d.TitleDerived || d.Title == "" {
		return ""
	}
	return foldKey(d.Title)
}

// foldKey returns the letters and digits of s folded, one space between
// words: a key under which two spellings of one text compare equal.
func foldKey(s string) string {
	var b strings.Builder
	sp := false
	for _, r := range token.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if sp && b.Len() > 0 {
				b.WriteByte(' ')
			}
			sp = false
			b.WriteRune(r)
		} else {
			sp = true
		}
	}
	return b.String()
}

// rank fills a.central: LexRank (PageRank over the cosine similarity
// graph, damping 0.85) when the document is small enough, else the
// similarity to the document's centroid. Scores are scaled to max 1.
func (a *analysis) rank(graph bool) {
	n := len(a.vecs)
	if n == 0 {
		return
	}
	if n == 1 {
		a.central[0] = 1
		return
	}
	if n > maxGraph || !graph {
		var c vector
		for _, v := range a.vecs {
			c = append(c, v...)
		}
		c = merge(c)
		c.normalize()
		for i, v := range a.vecs {
			a.central[i] = dot(v, c)
		}
		scaleMax(a.central)
		return
	}
	sim := make([]float64, n*n)
	rowSum := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := dot(a.vecs[i], a.vecs[j])
			sim[i*n+j], sim[j*n+i] = s, s
			rowSum[i] += s
			rowSum[j] += s
		}
	}
	const damping = 0.85
	p := make([]float64, n)
	q := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	for iter := 0; iter < 50; iter++ {
		dangling := 0.0
		for i := range q {
			q[i] = 0
		}
		for i := 0; i < n; i++ {
			if rowSum[i] == 0 {
				dangling += p[i]
				continue
			}
			f := p[i] / rowSum[i]
			row := sim[i*n : i*n+n]
			for j, s := range row {
				q[j] += f * s
			}
		}
		delta := 0.0
		for j := range q {
			v := (1-damping)/float64(n) + damping*(q[j]+dangling/float64(n))
			delta += math.Abs(v - p[j])
			p[j] = v
		}
		if delta < 1e-5 {
			break
		}
	}
	copy(a.central, p)
	scaleMax(a.central)
}

func scaleMax(x []float64) {
	m := 0.0
	for _, v := range x {
		m = math.Max(m, v)
	}
	if m > 0 {
		for i := range x {
			x[i] /= m
		}
	}
}

// queryVector returns the unit TF-IDF vector of text in a's vocabulary,
// ignoring terms the document's sentences do not have.
func (a *analysis) textVector(text string) vector {
	var v vector
	for _, t := range a.an.Tokens(text) {
		if !contentTerm(&t) {
			continue
		}
		key := t.Stem
		if key == "" {
			key = t.Term
		}
		if id, ok := a.dict[key]; ok {
			v = append(v, tw{id, 1})
		}
	}
	v = merge(v)
	v.normalize()
	return v
}
