package summary

import (
	"math"
	"sort"

	"github.com/corpus-explorer/explorer/corpus"
)

// Document summarises d: its best sentences, in document order. The length
// is at most opt.Sentences sentences and opt.Words words (at least one
// sentence, if the text has any); with neither, DefaultSentences within
// DefaultWords. Sentences come in units (a quotation, a sentence with the
// one it leans on), taken whole. Only sentences of Paragraph blocks that
// read as sentences are chosen: never a title, heading, boilerplate or
// fragment. A document without such sentences has an empty summary.
func Document(d *corpus.Document, opt Options) *Summary {
	s := &Summary{}
	if d == nil {
		return s
	}
	s.ID = d.ID
	p := opt.paramsFor(d)
	a := analyse(d, p)
	scores := a.scores(p)
	picked := a.pick(scores, p, opt)
	sort.Ints(picked)
	u := corpus.NewUTF16Offsets(d.Text)
	for _, i := range picked {
		s.Sentences = append(s.Sentences, sentence(d, u, i, scores[i]))
	}
	return s
}

// scores returns each sentence's summary-worthiness; ineligible sentences
// score 0.
func (a *analysis) scores(p *Params) []float64 {
	sc := make([]float64, len(a.vecs))
	var title, lead vector
	leadAt := -1
	if titleKey(a.d) != "" {
		title = a.textVector(a.d.Title)
	} else {
		// Without an author's title, the lead says what the text is
		// about: the other sentences are weighed by their similarity to
		// it. (The lead itself gains nothing: it is often a hook, "Un
		// lancement retardé.", that a summary does better without.)
		for i := range sc {
			if a.eligible[i] {
				lead, leadAt = a.vecs[i], i
				break
			}
		}
	}
	for i := range sc {
		if !a.eligible[i] {
			continue
		}
		s := p.Centrality*a.central[i] + p.Position/math.Pow(1+float64(i), p.PositionDecay)
		if title != nil {
			s += p.Title*dot(title, a.vecs[i]) + p.TitleCover*cover(title, a.vecs[i])
		}
		if i != leadAt {
			s += p.Lead * dot(lead, a.vecs[i])
		}
		if p.LengthNorm > 0 {
			s += p.Length * math.Min(1, float64(a.words[i])/p.LengthNorm)
		}
		s += p.Centroid*a.centroid[i] + p.Names*a.names[i] - p.Quoted*a.quoted[i]
		if a.numbers[i] {
			s += p.Numbers
		}
		if p.LongWords > 0 {
			s -= p.Long * math.Max(0, float64(a.words[i])/p.LongWords-1)
		}
		sc[i] = s
	}
	return sc
}

// pick chooses whole units (see units) by maximal marginal relevance and
// returns the indices of their sentences, units in the order chosen.
// opt.Sentences caps the number of sentences, opt.Words the number of
// words: a unit that does not fit is passed over, except that a summary
// over a budget too small for any unit gets the best one.
func (a *analysis) pick(scores []float64, p *Params, opt Options) []int {
	maxN, budget := opt.Sentences, opt.Words
	if maxN <= 0 && budget <= 0 {
		maxN, budget = DefaultSentences, DefaultWords
	}
	if maxN <= 0 {
		maxN = len(scores)
	}
	us := a.units(scores)
	var cand []int
	top := 0.0
	for k := range us {
		if us[k].ok {
			cand = append(cand, k)
			top = math.Max(top, us[k].score)
		}
	}
	if top == 0 {
		top = 1
	}
	var chosen []int
	var picked []int
	used := 0
	for len(cand) > 0 {
		best, bestV := -1, math.Inf(-1)
		for c, k := range cand {
			if k < 0 {
				continue
			}
			u := &us[k]
			n := u.last - u.first + 1
			if len(picked)+n > maxN && len(picked) > 0 || budget > 0 && used+u.words > budget && len(picked) > 0 {
				continue
			}
			sim := 0.0
			for _, j := range chosen {
				sim = math.Max(sim, dot(u.vec, us[j].vec))
			}
			if sim > p.Redundancy {
				cand[c] = -1
				continue
			}
			v := p.Lambda*u.score/top - (1-p.Lambda)*sim
			// Until something is chosen, a unit that fits comes first.
			if len(picked) == 0 && (n > maxN || budget > 0 && u.words > budget) {
				v -= 10
			}
			if v > bestV {
				best, bestV = c, v
			}
		}
		if best < 0 {
			break
		}
		k := cand[best]
		cand[best] = -1
		chosen = append(chosen, k)
		for i := us[k].first; i <= us[k].last; i++ {
			picked = append(picked, i)
		}
		used += us[k].words
		if len(picked) >= maxN || budget > 0 && used >= budget {
			break
		}
	}
	return picked
}

// cover returns the share of the title's terms that v holds.
func cover(title, v vector) float64 {
	if len(title) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(title) && j < len(v) {
		switch {
		case title[i].id < v[j].id:
			i++
		case title[i].id > v[j].id:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(title))
}
