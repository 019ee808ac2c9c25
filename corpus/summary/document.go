package summary

import (
	"math"
	"sort"

	"github.com/corpus-explorer/explorer/corpus"
)

// Document summarises d: its best sentences, in document order. The length
// is opt.Sentences sentences, or else as many sentences as fit in opt.Words
// words (at least one), or else 3 sentences. Only sentences of Paragraph
// blocks that read as sentences are chosen: never a title, heading,
// boilerplate or fragment. A document without such sentences has an empty
// summary.
func Document(d *corpus.Document, opt Options) *Summary {
	s := &Summary{}
	if d == nil {
		return s
	}
	s.ID = d.ID
	p := opt.params()
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
	var title vector
	if titleKey(a.d) != "" {
		title = a.textVector(a.d.Title)
	}
	for i := range sc {
		if !a.eligible[i] {
			continue
		}
		s := p.Centrality*a.central[i] + p.Position/math.Pow(1+float64(i), p.PositionDecay)
		if title != nil {
			s += p.Title * dot(title, a.vecs[i])
		}
		if p.LengthNorm > 0 {
			s += p.Length * math.Min(1, float64(a.words[i])/p.LengthNorm)
		}
		if p.LongWords > 0 {
			s -= p.Long * math.Max(0, float64(a.words[i])/p.LongWords-1)
		}
		sc[i] = s
	}
	return sc
}

// pick chooses sentences by maximal marginal relevance and returns their
// indices in the order chosen.
func (a *analysis) pick(scores []float64, p *Params, opt Options) []int {
	maxN, budget := opt.Sentences, 0
	if maxN <= 0 {
		if opt.Words > 0 {
			budget, maxN = opt.Words, len(scores)
		} else {
			maxN = 3
		}
	}
	var cand []int
	top := 0.0
	for i, s := range scores {
		if a.eligible[i] {
			cand = append(cand, i)
			top = math.Max(top, s)
		}
	}
	if top == 0 {
		top = 1
	}
	var picked []int
	used := 0
	for len(picked) < maxN && len(cand) > 0 {
		best, bestV := -1, math.Inf(-1)
		for k, i := range cand {
			if i < 0 {
				continue
			}
			if budget > 0 && len(picked) > 0 && used+a.words[i] > budget {
				continue
			}
			sim := 0.0
			for _, j := range picked {
				sim = math.Max(sim, dot(a.vecs[i], a.vecs[j]))
			}
			if sim > p.Redundancy {
				cand[k] = -1
				continue
			}
			v := p.Lambda*scores[i]/top - (1-p.Lambda)*sim
			if v > bestV {
				best, bestV = k, v
			}
		}
		if best < 0 {
			break
		}
		i := cand[best]
		cand[best] = -1
		picked = append(picked, i)
		used += a.words[i]
		if budget > 0 && used >= budget {
			break
		}
	}
	return picked
}
