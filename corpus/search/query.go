package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus/token"
)

// MaxQueryLen is the longest query searched, in characters (UTF-16 code
// units, as JavaScript counts them): a longer one is cut. Package engine
// refuses longer ones with an error.
const MaxQueryLen = 1000

// Bounds on the work one query can ask for.
const (
	maxTerms     = 16 // words looked up; later ones are ignored
	maxTermBytes = 64 // longer words are cut
)

// term is one word of a query.
type term struct {
	text       string // as typed
	fold       string // folded
	start, end int    // byte range in the query
	phrase     int    // phrase number, -1 outside quotes
	pos        int    // word position inside its phrase, counting stopwords
	at         int    // word position in the whole query, counting stopwords
	neg        bool   // -excluded
	stop       bool   // a stopword of one of the corpus languages
	last       bool   // the word being typed: the query does not end after it
	weak       bool   // a question word, light verb or quantifier, not being typed: matches its own forms only
	asked      bool   // the noun a question word asks for, in its place (askedFor)
}

// query is a parsed query.
type query struct {
	terms    []term
	authors  []string // folded author filters
	dateFrom string
	dateTo   string
	phrases  int
	next     int // the position of the next word in the query, counting stopwords
}

// parse cuts q into words, quoted phrases, excluded words and filters.
// Only author:, date:, quotes and a leading minus are special; everything
// else is text.
func (e *Engine) parse(q string) query {
	q = cutQuery(q)
	var pq query
	i := 0
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r == '"' || r == '«' || r == '“':
			j := i + size
			end := indexAny(q[j:], "\"»”")
			k := len(q)
			next := len(q)
			if end >= 0 {
				k = j + end
				_, cs := utf8.DecodeRuneInString(q[k:])
				next = k + cs
			}
			pq.words(e, q, j, k, pq.phrases, false)
			pq.phrases++
			i = next
		default:
			j := i
			for j < len(q) {
				r, s := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r) || r == '"' || r == '«' || r == '“' {
					break
				}
				j += s
			}
			chunk := q[i:j]
			if k := strings.IndexByte(chunk, ':'); k > 0 {
				key := strings.ToLower(chunk[:k])
				if key == "author" || key == "auteur" || key == "date" {
					val := chunk[k+1:]
					if val == "" && j < len(q) && q[j] == '"' {
						// author:"Jean Dupont"
						end := strings.IndexByte(q[j+1:], '"')
						if end < 0 {
							val, j = q[j+1:], len(q)
						} else {
							val, j = q[j+1:j+1+end], j+2+end
						}
					}
					if key == "date" {
						pq.dateFilter(val)
					} else if f := token.Fold(strings.TrimSpace(val)); f != "" {
						pq.authors = append(pq.authors, f)
					}
					i = j
					continue
				}
			}
			neg := false
			if r == '-' && len(chunk) > 1 {
				neg = true
				i++
			}
			pq.words(e, q, i, j, -1, neg)
			i = j
		}
	}
	// The word being typed is the last one, when nothing follows it.
	if n := len(pq.terms); n > 0 && pq.terms[n-1].end == len(q) && !pq.terms[n-1].neg && pq.terms[n-1].phrase < 0 {
		pq.terms[n-1].last = true
	}
	return pq
}

func indexAny(s, chars string) int { return strings.IndexAny(s, chars) }

// words adds the words of q[from:to].
func (pq *query) words(e *Engine, q string, from, to, phrase int, neg bool) {
	i := 0 // the word's position, as the index counts them
	for _, t := range e.an[0].Tokens(q[from:to]) {
		if len(pq.terms) >= maxTerms {
			break
		}
		at := i
		if !t.Compound {
			i++ // a compound stands at the position of its first part
		}
		f := t.Term
		if f == "" {
			continue
		}
		if len(f) > maxTermBytes {
			n := maxTermBytes
			for n > 0 && !utf8.RuneStart(f[n]) {
				n--
			}
			f = f[:n]
		}
		stop := t.Stop
		for _, a := range e.an[1:] {
			if ts := a.Tokens(q[from+t.Start : from+t.End]); len(ts) == 1 && ts[0].Stop {
				stop = true
			}
		}
		text := q[from+t.Start : from+t.End]
		asked := false
		if a := askedFor(f); a != "" && phrase < 0 && !neg {
			f, text, asked = a, a, true
		}
		if phrase < 0 && pq.has(f, neg) {
			continue // a repeated word counts once
		}
		pq.terms = append(pq.terms, term{
			text: text, fold: f,
			start: from + t.Start, end: from + t.End,
			phrase: phrase, pos: at, at: pq.next + at, neg: neg, stop: stop, asked: asked,
		})
	}
	pq.next += i
}

// askedWeight is the weight, against another word, of the noun a
// question word asks for (askedFor), when the query has other words.
const askedWeight = 0.5

// askedFor returns the noun of what the question word f asks for, as
// the pages that answer it say it: "combien de processeurs" asks for the
// "nombre de processeurs"; "" for any other word. Outside quotes the
// query searches the noun.
//
// Beside other words that carry meaning, the noun weighs askedWeight: it
// says what kind of answer is wanted ("combien de temps" is not about
// numbers), the other words what it is about.
func askedFor(f string) string {
	if f == "combien" {
		return "nombre"
	}
	return ""
}

// has reports whether the query already has the word f outside phrases.
func (pq *query) has(f string, neg bool) bool {
	for _, t := range pq.terms {
		if t.fold == f && t.neg == neg && t.phrase < 0 {
			return true
		}
	}
	return false
}

// dateFilter reads "2020", "2020-01" or "2020-01..2020-06" (either side
// may be left out).
func (pq *query) dateFilter(v string) {
	from, to, isRange := strings.Cut(v, "..")
	if !isRange {
		to = from
	}
	if from = isoPrefix(from); from != "" {
		pq.dateFrom = from
	}
	if to = isoPrefix(to); to != "" {
		pq.dateTo = to
	}
	if pq.dateFrom == "" && pq.dateTo == "" {
		pq.dateFrom = "\xff" // an unreadable date matches nothing
	}
}

// isoPrefix returns v if it reads as the start of an ISO date, else "".
func isoPrefix(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 4 || len(v) > 10 {
		return ""
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '-' && (i == 4 || i == 7) {
			continue
		}
		if c < '0' || c > '9' || i == 4 || i == 7 {
			return ""
		}
	}
	return v
}

// dateIn reports whether the ISO date d lies in [from, to], each bound
// compared at its own precision; an empty bound is open.
func dateIn(d, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if d == "" {
		return false
	}
	if from != "" {
		if len(d) > len(from) {
			if d[:len(from)] < from {
				return false
			}
		} else if d < from[:len(d)] {
			return false
		}
	}
	if to != "" {
		if len(d) > len(to) {
			if d[:len(to)] > to {
				return false
			}
		} else if d > to[:len(d)] {
			return false
		}
	}
	return true
}

// cutQuery returns q cut after MaxQueryLen characters.
func cutQuery(q string) string {
	if len(q) <= MaxQueryLen { // never more characters than bytes
		return q
	}
	n := 0
	for i, r := range q {
		if n++; r >= 0x10000 {
			n++ // a surrogate pair in JavaScript
		}
		if n > MaxQueryLen {
			return q[:i]
		}
	}
	return q
}
