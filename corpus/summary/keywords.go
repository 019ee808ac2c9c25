package summary

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// Keyword extraction in the spirit of YAKE (Campos, Mangaravite, Pasquali,
// Jorge, Nunes, Jatowt: "YAKE! Keyword extraction from single documents
// using multiple local features", Information Sciences 509, 2020),
// implemented from the paper's description. Each word gets five features:
//
//	casing      max(TF upper-case not at a sentence start, TF acronym) / (1 + ln TF)
//	position    ln(ln(3 + median index of the sentences holding it))
//	frequency   TF / (mean TF + standard deviation of TF), over non-stopwords
//	relatedness 1 + (DL + DR) × TF / max TF, where DL (DR) is the share of
//	            distinct words among those seen just left (right) of it:
//	            a word met beside many different words is a function word
//	spread      number of sentences holding it / number of sentences
//
// combined as S(w) = Rel × Pos / (Case + Freq/Rel + Spread/Rel), lower is
// better. A candidate is a run of 1 to 3 words inside one sentence, not
// crossing punctuation, neither starting nor ending with a stopword or a
// number; S(kw) = Π S(w) / (TF(kw) × (1 + Σ S(w))), where a stopword inside
// the phrase contributes through the probability of the bigrams around it.

// maxKeywordWords is the longest keyphrase, in words.
const maxKeywordWords = 3

// minWordsForRecurrence is the length from which a document's multi-word
// keyphrases must occur at least twice.
const minWordsForRecurrence = 150

type termStats struct {
	stop               bool
	tf, tfUpper, tfAcr int
	units              []int // unit index of each occurrence
	left, right        ctx   // the words seen just before and after it
	s                  float64
}

// ctx counts a word's neighbours on one side: how many, how many distinct.
type ctx struct{ distinct, total int }

// share is the proportion of distinct words among the neighbours.
func (c ctx) share() float64 {
	if c.total == 0 {
		return 0
	}
	return float64(c.distinct) / float64(c.total)
}

// surfCount is one written form of a candidate and its count.
type surfCount struct {
	s string
	n int
}

type kwCand struct {
	key      string   // folded terms joined by spaces
	stems    []string // for de-duplication
	tf       int
	terms    []string
	surfaces []surfCount
	firstOcc string // surface of the first occurrence
	name     bool   // its first word is capitalised inside sentences too
	proper   bool   // every word capitalised: a name
	s        float64
}

// keywords returns up to n keyphrases of a document cut into units, most
// characteristic first, with the stems of each.
func keywords(text string, us []unit, n int) ([]corpus.Keyword, [][]string) {
	return keywordsExcept(text, us, n, nil)
}

// keywordsExcept is keywords without the candidates in skip (folded terms
// joined by spaces): the structural words of the corpus.
func keywordsExcept(text string, us []unit, n int, skip map[string]bool) ([]corpus.Keyword, [][]string) {
	cands := keywordCandidates(text, us)
	if len(cands) > maxKeywordCands {
		cands = cands[:maxKeywordCands]
	}
	return pickKeywords(cands, n, skip)
}

// maxKeywordCands is how many of a document's best keyword candidates
// pickKeywords chooses from (and a build keeps, in Notes, until the
// corpus's structural words are known).
const maxKeywordCands = 100

// pickKeywords picks up to n keyphrases among candidates (best first),
// skipping the keys in skip, redundant ones and parts of names kept.
func pickKeywords(cands []*kwCand, n int, skip map[string]bool) ([]corpus.Keyword, [][]string) {
	out := make([]corpus.Keyword, 0, n)
	var kept [][]string
	var keptC []*kwCand
	for _, c := range cands {
		if len(out) == n {
			break
		}
		if skip[c.key] || redundant(c.stems, kept) || subsumed(c, keptC) {
			continue
		}
		if k := nameOf(c, keptC); k >= 0 {
			// "Martin Pasquier" after "Pasquier" ("M. Pasquier"): one
			// name, written in full, at the rank of its first form.
			kept[k], keptC[k] = c.stems, c
			out[k].Text = c.surface()
			continue
		}
		kept = append(kept, c.stems)
		keptC = append(keptC, c)
		out = append(out, corpus.Keyword{Text: c.surface(), Score: round4(1 / (1 + c.s))})
	}
	return out, kept
}

// keywordCandidates returns the scored candidates, best first.
func keywordCandidates(text string, us []unit) []*kwCand {
	stats := map[string]*termStats{}
	get := func(t string) *termStats {
		st := stats[t]
		if st == nil {
			st = &termStats{}
			stats[t] = st
		}
		return st
	}
	bigram := map[[2]string]int{}
	for k := range us {
		ws := us[k].w
		for i := range ws {
			w := &ws[i]
			st := get(w.term)
			st.stop = w.stop
			st.tf++
			st.units = append(st.units, k)
			if w.acronym && !w.num {
				st.tfAcr++
			} else if w.upper && !w.first {
				st.tfUpper++
			}
			if i > 0 && !w.broken {
				bigram[[2]string{ws[i-1].term, w.term}]++
			}
		}
	}
	for b, n := range bigram {
		l, r := stats[b[0]], stats[b[1]]
		l.right.distinct++
		l.right.total += n
		r.left.distinct++
		r.left.total += n
	}
	// Frequency statistics over content words.
	var tfs []float64
	maxTF := 1
	for t, st := range stats {
		if st.stop || isDigits(t) || utf8.RuneCountInString(t) < 2 {
			continue
		}
		tfs = append(tfs, float64(st.tf))
		maxTF = max(maxTF, st.tf)
	}
	sort.Float64s(tfs) // map order must not change the sums' rounding
	mean, sd := meanSD(tfs)
	nu := float64(max(1, len(us)))
	for _, st := range stats {
		tf := float64(st.tf)
		cas := float64(max(st.tfUpper, st.tfAcr)) / (1 + math.Log(tf))
		pos := math.Log(math.Log(3 + medianInt(st.units)))
		freq := tf / (mean + sd + 1e-9)
		rel := 1 + (st.left.share()+st.right.share())*tf/float64(maxTF)
		spread := float64(countDistinct(st.units)) / nu
		st.s = rel * pos / (cas + freq/rel + spread/rel)
	}

	cands := map[string]*kwCand{}
	for k := range us {
		ws := us[k].w
		for i := range ws {
			if !candidateEdge(&ws[i]) {
				continue
			}
			for j := i; j < len(ws) && j < i+maxKeywordWords; j++ {
				if j > i && ws[j].broken {
					break
				}
				if ws[j].num && j > i {
					break
				}
				if !candidateEdge(&ws[j]) {
					continue
				}
				terms := make([]string, 0, j-i+1)
				for x := i; x <= j; x++ {
					terms = append(terms, ws[x].term)
				}
				key := strings.Join(terms, " ")
				c := cands[key]
				if c == nil {
					fs := stats[terms[0]]
					c = &kwCand{key: key, terms: terms, name: fs.tfUpper+fs.tfAcr > 0, proper: true}
					for x := i; x <= j; x++ {
						c.proper = c.proper && ws[x].upper
					}
					for x := i; x <= j; x++ {
						if !ws[x].stop {
							c.stems = append(c.stems, ws[x].stem)
						}
					}
					cands[key] = c
				}
				c.tf++
				sf := text[ws[i].start:ws[j].end]
				if c.firstOcc == "" {
					c.firstOcc = sf
				}
				if ws[i].first {
					// Sentence-initial capitals say nothing about the word.
					continue
				}
				c.addSurface(sf)
			}
		}
	}
	words := 0
	for k := range us {
		words += len(us[k].w)
	}
	out := make([]*kwCand, 0, len(cands))
	for _, c := range cands {
		if len(c.terms) > 1 && c.tf < 2 && !c.proper && words > minWordsForRecurrence {
			// In a long document, a phrase written once is not one of
			// its keyphrases, unless it is a name.
			continue
		}
		prod, sum := 1.0, 0.0
		for x, t := range c.terms {
			st := stats[t]
			if x > 0 && x < len(c.terms)-1 && st.stop {
				prev, next := stats[c.terms[x-1]], st
				pl := float64(bigram[[2]string{c.terms[x-1], t}]) / float64(max(1, prev.tf))
				pr := float64(bigram[[2]string{t, c.terms[x+1]}]) / float64(max(1, next.tf))
				b := pl * pr
				prod *= 1 + (1 - b)
				sum -= 1 - b
				continue
			}
			prod *= st.s
			sum += st.s
		}
		c.s = prod / (float64(c.tf) * (1 + sum))
		if 1+sum <= 0 {
			c.s = math.Inf(1)
		}
		if len(c.terms) == 1 && words > minWordsForRecurrence {
			// A word a long document mentions once, in passing, is not
			// one of its keywords; a generic word capitalised ("Net",
			// "Web", "Internet") leads only if the text is about it.
			if lex().commonCaps[c.terms[0]] && c.tf < 3 {
				c.s *= 20
			} else if c.tf == 1 {
				c.s *= 3
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].s != out[j].s {
			return out[i].s < out[j].s
		}
		return out[i].key < out[j].key
	})
	return out
}

// candidateEdge reports whether w may start or end a keyphrase.
func candidateEdge(w *word) bool {
	return !w.stop && !w.num && !w.code && !w.short() && hasLetter(w.term) && !lex().edgeStop[w.term]
}

// subsumed reports whether a one-word candidate mostly occurs inside a
// longer keyphrase already kept ("Gnassingbé" in "Faure Gnassingbé").
func subsumed(c *kwCand, kept []*kwCand) bool {
	if len(c.stems) != 1 {
		return false
	}
	for _, k := range kept {
		if len(k.stems) > 1 && containsString(k.stems, c.stems[0]) && 5*k.tf >= 4*c.tf {
			return true
		}
		// The family name of a person kept in full ("Pasquier" after
		// "Martin Pasquier"), however often it is written alone.
		if k.proper && len(k.terms) > 1 && len(c.terms) == 1 && c.terms[0] == k.terms[len(k.terms)-1] && c.proper {
			return true
		}
	}
	return false
}

// nameOf returns the index of a kept one-word name that is the last word
// of c, a name of several words ("Pasquier" for "Martin Pasquier"), or -1.
func nameOf(c *kwCand, kept []*kwCand) int {
	if !c.proper || len(c.terms) < 2 {
		return -1
	}
	last := c.terms[len(c.terms)-1]
	for k, x := range kept {
		if len(x.terms) == 1 && x.terms[0] == last && x.proper {
			return k
		}
	}
	return -1
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// surface returns how the candidate is written in the text: its most
// frequent form outside sentence starts, else its first form with a
// sentence-initial capital lowered when nothing says the word is a name.
func (c *kwCand) surface() string {
	best, bn := "", 0
	for _, x := range c.surfaces {
		if x.n > bn || x.n == bn && x.s < best {
			best, bn = x.s, x.n
		}
	}
	if best != "" {
		return best
	}
	if c.name {
		return c.firstOcc
	}
	r, n := utf8.DecodeRuneInString(c.firstOcc)
	if len(c.firstOcc) > n && unicode.IsUpper(r) {
		r2, _ := utf8.DecodeRuneInString(c.firstOcc[n:])
		if unicode.IsUpper(r2) { // an acronym: keep
			return c.firstOcc
		}
	}
	return string(unicode.ToLower(r)) + c.firstOcc[n:]
}

func (c *kwCand) addSurface(s string) {
	for i := range c.surfaces {
		if c.surfaces[i].s == s {
			c.surfaces[i].n++
			return
		}
	}
	c.surfaces = append(c.surfaces, surfCount{s, 1})
}

func countDistinct(xs []int) int {
	n := 0
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			n++
		}
	}
	return n
}

func medianInt(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	// xs is in increasing order: units are visited in order.
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return float64(xs[m])
	}
	return float64(xs[m-1]+xs[m]) / 2
}

func meanSD(xs []float64) (float64, float64) {
	if len(xs) == 0 {
		return 1, 0
	}
	m := 0.0
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	v := 0.0
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	return m, math.Sqrt(v / float64(len(xs)))
}

// redundant reports whether a candidate's stems mostly repeat those of a
// keyphrase already kept: same stems (case, accent and plural variants), or
// a Jaccard overlap of at least 2/3.
func redundant(stems []string, kept [][]string) bool {
	for _, k := range kept {
		inter := 0
		for _, s := range stems {
			if containsString(k, s) {
				inter++
			}
		}
		union := len(stems) + len(k) - inter
		if union == 0 || float64(inter)/float64(union) >= 2.0/3 {
			return true
		}
	}
	return false
}
