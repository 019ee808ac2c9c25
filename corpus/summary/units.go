package summary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A summary never cuts the text where a reader would notice: a quotation
// that runs over several sentences is taken whole or not at all, and a
// sentence that leans on the one before it ("Mais…", "Il…", "Cette
// décision…") comes with that sentence or not at all. Such sentences make
// one unit; summaries are made of whole units.

// maxUnit is the most sentences one unit holds: a quotation left open
// longer than that (a stray quote mark) binds nothing.
const maxUnit = 4

// dependentOpeners are the words that, opening a sentence, need the
// sentence before it: pronouns, demonstratives, connectors.
var dependentOpeners = map[string]bool{
	"mais": true, "il": true, "elle": true, "ils": true, "elles": true, "cette": true, "ce": true,
	"ces": true, "cet": true, "cela": true, "ça": true, "celui-ci": true, "celle-ci": true,
	"ceux-ci": true, "celles-ci": true, "lui": true, "leur": true, "pourtant": true, "cependant": true,
	"toutefois": true, "néanmoins": true, "ainsi": true, "donc": true, "or": true, "et": true,
	"car": true, "alors": true, "aussi": true, "sinon": true, "en revanche": true, "en effet": true,
	"de son côté": true, "de leur côté": true, "selon lui": true, "selon elle": true, "selon eux": true,
	"d'après lui": true, "d'après elle": true, "quant à lui": true, "quant à elle": true, "là": true,
	"en outre": true, "de plus": true, "par conséquent": true, "c'est pourquoi": true, "lequel": true,
	"laquelle": true, "dès lors": true, "cette dernière": true, "ce dernier": true,
	"he": true, "she": true, "they": true, "it": true, "this": true, "these": true, "but": true,
	"however": true, "thus": true, "therefore": true, "those": true,
}

// impersonal are openings with "il" that refer to nothing before.
var impersonal = []string{"il y a", "il y avait", "il faut", "il faudra", "il fallait", "il est temps", "il était une fois", "il reste", "it is", "it was"}

// dependent reports whether a sentence leans on the one before it.
func dependent(s string) bool {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' })
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return true // the rest of a sentence cut by a stray full stop
	}
	// Lower case, with the typographic apostrophe as "'" (one pass of
	// strings.Map, as strings.ToLower makes of a text that is not ASCII).
	f := strings.Map(func(r rune) rune {
		if r == '’' {
			return '\''
		}
		return unicode.ToLower(r)
	}, s)
	for _, p := range impersonal {
		if strings.HasPrefix(f, p+" ") || strings.HasPrefix(f, p+",") {
			return false
		}
	}
	// The first one, two and three words.
	end := 0
	for n := 0; n < 3; n++ {
		i := end
		for i < len(f) && f[i] == ' ' {
			i++
		}
		j := i
		for j < len(f) {
			c, k := utf8.DecodeRuneInString(f[j:])
			if !(unicode.IsLetter(c) || c == '-' || c == '\'' && n > 0) {
				break
			}
			j += k
		}
		if j == i {
			return false
		}
		end = j
		w := f[:end]
		if dependentOpeners[w] {
			// "Ce" opens a sentence with a noun after it ("Ce matin, ...")
			// just as often: only "Ce dernier", "Ce que", "C'est" lean.
			if w == "ce" {
				rest := strings.TrimLeft(f[end:], " ")
				return strings.HasPrefix(rest, "dernier") || strings.HasPrefix(rest, "que") || strings.HasPrefix(rest, "qui")
			}
			if w == "aussi" || w == "là" || w == "alors" {
				// "Aussi, …" and "Alors que …" differ: only the adverb
				// followed by a comma or a verb leans.
				return end < len(f) && f[end] == ','
			}
			return true
		}
		if end >= len(f) || f[end] != ' ' {
			return false
		}
	}
	return false
}

// quoteState is the open quotations at a point of the text.
type quoteState struct {
	straight   bool // an odd number of " so far
	guillemets int  // « not yet closed
	curly      int  // “ not yet closed
}

func (q quoteState) open() bool { return q.straight || q.guillemets > 0 || q.curly > 0 }

// advance reads s's quote marks.
func (q quoteState) advance(s string) quoteState {
	for _, r := range s {
		switch r {
		case '"':
			q.straight = !q.straight
		case '«':
			q.guillemets++
		case '»':
			if q.guillemets > 0 {
				q.guillemets--
			}
		case '“':
			q.curly++
		case '”':
			if q.curly > 0 {
				q.curly--
			}
		}
	}
	return q
}

// bindings returns, for each sentence of the analysis, whether it must go
// with the sentence before it: it continues a quotation opened there, or
// it leans on it. Only sentences of one paragraph block bind across a
// quotation; a leaning sentence binds to the sentence before it wherever
// it is.
func (a *analysis) bindings() []bool {
	d := a.d
	n := len(d.Sentences)
	bind := make([]bool, n)
	var q quoteState
	run := 0 // sentences in the current quotation
	for i := 0; i < n; i++ {
		sp := d.Sentences[i]
		if !validSpan(d, sp) {
			q, run = quoteState{}, 0
			continue
		}
		text := d.Text[sp.Start:sp.End]
		if i > 0 && validSpan(d, d.Sentences[i-1]) {
			between := d.Text[d.Sentences[i-1].End:sp.Start]
			newPara := strings.Contains(between, "\n")
			if q.open() && !newPara {
				bind[i] = true
			} else if dependent(text) {
				bind[i] = true
			}
			if newPara {
				q, run = quoteState{}, 0
			}
		}
		q = q.advance(text)
		if q.open() {
			run++
			if run >= maxUnit {
				q, run = quoteState{}, 0
			}
		} else {
			run = 0
		}
	}
	// A quotation still open at its paragraph's end, or cut by maxUnit,
	// leaves its sentences bound; that is the best reading available.
	return bind
}

// unit is a run of sentences a summary takes whole: [first, last].
type sentUnit struct {
	first, last int
	words       int
	score       float64
	vec         vector
	ok          bool // all its sentences may appear in a summary
}

// units groups the analysed sentences into units, scored by their best
// sentence.
func (a *analysis) units(scores []float64) []sentUnit {
	bind := a.bindings()
	var us []sentUnit
	for i := 0; i < len(scores); i++ {
		if len(us) > 0 && bind[i] {
			u := &us[len(us)-1]
			u.last = i
			u.words += a.words[i]
			// Short sentences ("Non.") may sit inside a unit; long ones
			// must read as sentences.
			u.ok = u.ok && (a.eligible[i] || a.words[i] > 0 && a.words[i] < 8)
			u.score += scores[i]
			u.vec = merge(append(append(vector(nil), u.vec...), a.vecs[i]...))
			continue
		}
		us = append(us, sentUnit{first: i, last: i, words: a.words[i], score: scores[i], vec: append(vector(nil), a.vecs[i]...), ok: a.eligible[i]})
	}
	for k := range us {
		u := &us[k]
		// A unit that opens a quotation it does not close, or closes one
		// it did not open (a stray quote mark, a quotation longer than
		// maxUnit), would read as cut: never a summary.
		var q quoteState
		closes := false
		for i := u.first; i <= u.last; i++ {
			sp := a.d.Sentences[i]
			if !validSpan(a.d, sp) {
				continue
			}
			t := a.d.Text[sp.Start:sp.End]
			for _, r := range t {
				if r == '»' && q.guillemets == 0 || r == '”' && q.curly == 0 {
					closes = true
				}
				q = q.advance(string(r))
			}
		}
		if q.open() || closes {
			u.ok = false
		}
		us[k].vec.normalize()
		us[k].score /= float64(us[k].last - us[k].first + 1)
	}
	return us
}
