package summary

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// queryHits is how many top search results a query summary draws from.
const queryHits = 10

// queryTerm is one word of a query with the forms that match it.
type queryTerm struct {
	term, stem string
	variants   []string // folded terms the search matched it to (typos, fuzzy)
	prefix     bool     // the last word, maybe still being typed
}

// Query summarises what the documents matching q say about it: across the
// top search results, the sentences that best answer the query, most
// relevant first, without repetition, each with its document id, sentence
// index, UTF-16 offsets and the query words marked in it. The length is
// opt.Sentences sentences, or as many as fit in opt.Words words, or 5
// sentences. docs looks a document up by id. The error is the search's.
func Query(e *search.Engine, docs func(id string) *corpus.Document, q string, opt Options) (*Summary, error) {
	if e == nil || docs == nil || len(queryWords(q)) == 0 {
		return &Summary{Query: q}, nil
	}
	res, err := e.Search(q, search.Options{Limit: queryHits})
	if err != nil {
		return nil, err
	}
	return ForResult(res, docs, opt), nil
}

// ForResult is Query over a search already run: it draws from the first
// 10 hits of res, so that a page showing results and their summary
// searches once. Its sentences are marked by res.Highlighter, as the hits
// are.
func ForResult(res *search.Result, docs func(id string) *corpus.Document, opt Options) *Summary {
	q := res.Query
	s := &Summary{Query: q}
	if res.Corrected != "" {
		q = res.Corrected // the hits and the highlighter are the correction's
	}
	words := queryWords(q)
	if docs == nil || len(words) == 0 {
		return s
	}
	hits := res.Hits[:min(len(res.Hits), queryHits)]
	if opt.Sentences <= 0 && opt.Words <= 0 {
		opt.Sentences = 5
	}
	p := opt.params()
	h := res.Highlighter

	// Candidates: every eligible sentence of the top hits that matches a
	// query term.
	type cand struct {
		a        *analysis
		rank, i  int
		match    []float64 // per query term, best match quality in [0, 1]
		score    float64
		global   vector // in the shared vocabulary, for redundancy
		docIndex int
	}
	var cands []*cand
	analysed := make([]*analysis, 0, len(hits))
	terms := map[string][]queryTerm{} // per language
	for rank, hit := range hits {
		d := docs(hit.ID)
		if d == nil {
			continue
		}
		a := analyse(d, p)
		analysed = append(analysed, a)
		qt, ok := terms[d.Lang]
		if !ok {
			qt = queryTerms(a.an, words, h, !strings.HasSuffix(q, " "))
			terms[d.Lang] = qt
		}
		for i, toks := range a.toks {
			if !a.eligible[i] {
				continue
			}
			m := make([]float64, len(qt))
			any := false
			for k := range qt {
				m[k] = matchTerm(&qt[k], toks)
				any = any || m[k] > 0
			}
			if any {
				cands = append(cands, &cand{a: a, rank: rank, i: i, match: m, docIndex: len(analysed) - 1})
			}
		}
	}
	if len(cands) == 0 {
		return s
	}

	// Weigh query terms by rarity among candidates, then score.
	nq := 0
	for _, c := range cands {
		nq = max(nq, len(c.match))
	}
	df := make([]float64, nq)
	for _, c := range cands {
		for k, m := range c.match {
			if m > 0 {
				df[k]++
			}
		}
	}
	w := make([]float64, nq)
	wsum := 0.0
	for k := range w {
		w[k] = math.Log(1 + float64(len(cands))/(1+df[k]))
		wsum += w[k]
	}
	for _, c := range cands {
		cov := 0.0
		for k, m := range c.match {
			cov += w[k] * m
		}
		if wsum > 0 {
			cov /= wsum
		}
		pos := 1 / math.Sqrt(1+float64(c.i))
		c.score = cov * cov * (1 / (1 + 0.15*float64(c.rank))) * (0.6 + 0.3*c.a.central[c.i] + 0.1*pos)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	if len(cands) > 200 {
		cands = cands[:200]
	}

	// Vectors in one vocabulary across documents, for redundancy.
	dict := map[string]int{}
	for _, c := range cands {
		var v vector
		for k := range c.a.toks[c.i] {
			t := &c.a.toks[c.i][k]
			if !contentTerm(t) {
				continue
			}
			key := t.Stem
			if key == "" {
				key = t.Term
			}
			id, ok := dict[key]
			if !ok {
				id = len(dict)
				dict[key] = id
			}
			v = append(v, tw{id, 1})
		}
		v = merge(v)
		v.normalize()
		c.global = v
	}

	maxN, budget := opt.Sentences, 0
	if maxN <= 0 {
		budget, maxN = opt.Words, len(cands)
	}
	perDoc := max(2, (maxN+1)/2)
	top := cands[0].score
	if top == 0 {
		top = 1
	}
	taken := make([]bool, len(cands))
	var picked []*cand
	count := map[int]int{}
	used := 0
	for len(picked) < maxN {
		best, bestV := -1, math.Inf(-1)
		for k, c := range cands {
			if taken[k] || count[c.docIndex] >= perDoc {
				continue
			}
			if budget > 0 && len(picked) > 0 && used+c.a.words[c.i] > budget {
				continue
			}
			sim := 0.0
			for _, o := range picked {
				sim = math.Max(sim, dot(c.global, o.global))
			}
			if sim > p.Redundancy {
				taken[k] = true
				continue
			}
			v := p.Lambda*c.score/top - (1-p.Lambda)*sim
			if v > bestV {
				best, bestV = k, v
			}
		}
		if best < 0 {
			break
		}
		c := cands[best]
		taken[best] = true
		picked = append(picked, c)
		count[c.docIndex]++
		used += c.a.words[c.i]
		if budget > 0 && used >= budget {
			break
		}
	}
	sort.SliceStable(picked, func(i, j int) bool { return picked[i].score > picked[j].score })
	conv := map[*corpus.Document]*corpus.UTF16Offsets{}
	for _, c := range picked {
		d := c.a.d
		u := conv[d]
		if u == nil {
			u = corpus.NewUTF16Offsets(d.Text)
			conv[d] = u
		}
		x := sentence(d, u, c.i, c.score)
		x.Highlights = h.Ranges(x.Text, d.Lang)
		s.Sentences = append(s.Sentences, x)
	}
	return s
}

// queryWords returns the words of a query that say what it is about:
// without negated words (-word), field filters (author:x) and operators.
func queryWords(q string) []string {
	var out []string
	for _, f := range fields(q) {
		if strings.HasPrefix(f, "-") || strings.Contains(f, ":") {
			continue
		}
		switch f {
		case "OR", "AND", "NOT", "|":
			continue
		}
		f = strings.Trim(f, "\"'«»“”*()+~^")
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// queryTerms analyses the query words with a document language's analyzer.
// Stopwords are dropped unless the query has nothing else.
func queryTerms(an *token.Analyzer, words []string, h *search.Highlighter, typing bool) []queryTerm {
	var all, content []queryTerm
	toks := an.Tokens(strings.Join(words, " "))
	for k, t := range toks {
		qt := queryTerm{term: t.Term, stem: t.Stem, prefix: typing && k == len(toks)-1}
		qt.variants = h.Variants(t.Term)
		all = append(all, qt)
		if !t.Stop && utf8.RuneCountInString(t.Term) > 1 {
			content = append(content, qt)
		}
	}
	if len(content) > 0 {
		return content
	}
	return all
}

// matchTerm returns how well a sentence's tokens match a query term: 1 for
// the same word, 0.9 for the same stem, 0.8 for a variant the search
// matched, 0.7 for a word the last query word begins, else 0.
func matchTerm(q *queryTerm, toks []token.Token) float64 {
	best := 0.0
	for k := range toks {
		t := &toks[k]
		switch {
		case t.Term == q.term:
			return 1
		case q.stem != "" && t.Stem == q.stem:
			best = math.Max(best, 0.9)
		case containsString(q.variants, t.Term):
			best = math.Max(best, 0.8)
		case q.prefix && len(q.term) >= 3 && strings.HasPrefix(t.Term, q.term):
			best = math.Max(best, 0.7)
		}
	}
	return best
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
