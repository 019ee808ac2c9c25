package summary

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// Related documents: each document is a TF-IDF vector over the stems of its
// title, headings and sentences, cut to its topTerms heaviest terms and
// normalised. Candidates come from an inverted index over those terms
// (terms in more than a fifth of the documents are left out of it: they
// cost much and decide little), so the work grows with the postings
// actually shared rather than with the square of the corpus.

const (
	topTerms   = 60 // terms kept per document vector
	maxRelated = 5  // related documents kept per document
	minRelated = 0.05
	maxShared  = 5 // shared keywords given per related document
)

// termCount is a stem's frequency in one document, with the form it is
// most often written in.
type termCount struct {
	stem    string
	surface string
	tf      int
}

// minSharedTF is how often a single term must occur in both documents to
// explain their link.
const minSharedTF = 2

// docTerms counts the content stems of a document's units.
func docTerms(text string, us []unit) []termCount {
	idx := map[string]int{}
	var out []termCount
	forms := map[string]map[string]int{}
	for k := range us {
		for _, w := range us[k].w {
			if w.stop || w.num || utf8.RuneCountInString(w.term) < 3 || !hasLetter(w.term) || lex().edgeStop[w.term] {
				continue
			}
			i, ok := idx[w.stem]
			if !ok {
				i = len(out)
				idx[w.stem] = i
				out = append(out, termCount{stem: w.stem})
				forms[w.stem] = map[string]int{}
			}
			out[i].tf++
			s := text[w.start:w.end]
			if w.first && !w.acronym {
				s = strings.ToLower(s)
			}
			forms[w.stem][s]++
		}
	}
	for i := range out {
		best, bn := "", 0
		for s, n := range forms[out[i].stem] {
			if n > bn || n == bn && s < best {
				best, bn = s, n
			}
		}
		out[i].surface = best
	}
	return out
}

// docVector is a document's cut, normalised TF-IDF vector, sorted by term
// id, with the written form and the frequency of each of its terms
// (surfaces[k] and tf[k] are those of v[k]). A build holds one a document.
type docVector struct {
	v        vector
	surfaces []string
	tf       []int
}

// find returns the place of term id in the vector, or -1.
func (dv *docVector) find(id int) int {
	k := sort.Search(len(dv.v), func(i int) bool { return dv.v[i].id >= id })
	if k < len(dv.v) && dv.v[k].id == id {
		return k
	}
	return -1
}

// tfOf returns the frequency of term id, 0 if it is not in the vector.
func (dv *docVector) tfOf(id int) int {
	if k := dv.find(id); k >= 0 {
		return dv.tf[k]
	}
	return 0
}

// relate fills each document's Related list.
func relate(docs []*corpus.Document, vecs []docVector, kwStems [][][]string, workers int) {
	n := len(docs)
	df := map[int]int{}
	for _, dv := range vecs {
		for _, x := range dv.v {
			df[x.id]++
		}
	}
	maxDF := max(2, n/10)
	type posting struct {
		doc int32
		w   float32
	}
	postings := map[int][]posting{}
	for i, dv := range vecs {
		for _, x := range dv.v {
			if df[x.id] <= maxDF {
				postings[x.id] = append(postings[x.id], posting{int32(i), float32(x.w)})
			}
		}
	}
	parallel(n, workers, func(lo, hi int) {
		acc := make([]float64, n)
		var touched []int
		for i := lo; i < hi; i++ {
			touched = touched[:0]
			a := vecs[i].v
			for _, x := range a {
				for _, p := range postings[x.id] {
					j := int(p.doc)
					if j == i {
						continue
					}
					if acc[j] == 0 {
						touched = append(touched, j)
					}
					acc[j] += x.w * float64(p.w)
				}
			}
			type cand struct {
				j int
				s float64
			}
			var cs []cand
			for _, j := range touched {
				if acc[j] >= minRelated {
					cs = append(cs, cand{j, acc[j]})
				}
				acc[j] = 0
			}
			sort.Slice(cs, func(x, y int) bool {
				if cs[x].s != cs[y].s {
					return cs[x].s > cs[y].s
				}
				return cs[x].j < cs[y].j
			})
			if len(cs) > maxRelated {
				cs = cs[:maxRelated]
			}
			rel := make([]corpus.Related, 0, len(cs))
			for _, c := range cs {
				rel = append(rel, corpus.Related{ID: docs[c.j].ID, Score: round4(c.s), Shared: sharedKeywords(docs[i], vecs[i], vecs[c.j], kwStems[i], kwStems[c.j])})
			}
			docs[i].Related = rel
		}
	})
}

// weightOf returns the weight of term id in v (sorted by id), 0 if absent.
func weightOf(v vector, id int) float64 {
	k := sort.Search(len(v), func(i int) bool { return v[i].id >= id })
	if k < len(v) && v[k].id == id {
		return v[k].w
	}
	return 0
}

// sharedKeywords explains why two documents are related: a's keyphrases whose
// stems b also holds (in its keyphrases or its heaviest terms), then the
// terms weighing most in both.
func sharedKeywords(a *corpus.Document, va, vb docVector, ka, kb [][]string) []string {
	var out []string
	has := func(stem string) bool {
		for _, ph := range kb {
			if containsString(ph, stem) {
				return true
			}
		}
		return false
	}
	inB := map[string]bool{}
	for k := range vb.v {
		inB[vb.surfaces[k]] = true
	}
	usedStem := map[string]bool{}
	for k, ph := range ka {
		if len(out) == maxShared || k >= len(a.Keywords) {
			break
		}
		all := len(ph) > 0
		for _, s := range ph {
			if !has(s) {
				all = false
				break
			}
		}
		if all {
			out = append(out, a.Keywords[k].Text)
			for _, s := range ph {
				usedStem[s] = true
			}
		}
	}
	type tws struct {
		id, k int // the term and its place in va
		w     float64
	}
	var common []tws
	for k, x := range va.v {
		if va.tf[k] < minSharedTF || vb.tfOf(x.id) < minSharedTF {
			continue
		}
		if w := weightOf(vb.v, x.id); w > 0 {
			common = append(common, tws{x.id, k, x.w * w})
		}
	}
	sort.Slice(common, func(i, j int) bool {
		if common[i].w != common[j].w {
			return common[i].w > common[j].w
		}
		return common[i].id < common[j].id
	})
	// Single terms only complete a short list of phrases.
	limit := min(maxShared, max(len(out), 3))
	for _, c := range common {
		if len(out) >= limit {
			break
		}
		s := va.surfaces[c.k]
		if s == "" || containsFold(out, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// containsFold reports whether a phrase of list contains word w, case and
// accents ignored.
func containsFold(list []string, w string) bool {
	fw := foldKey(w)
	for _, s := range list {
		for _, f := range strings.Fields(foldKey(s)) {
			if f == fw {
				return true
			}
		}
	}
	return false
}

// buildVectors turns the term counts of nDocs documents, terms(i) for
// document i (read twice, then done(i) is called), into cut TF-IDF vectors
// over a shared vocabulary.
func buildVectors(nDocs int, terms func(i int) []termCount, done func(i int)) []docVector {
	n := float64(nDocs)
	ids := map[string]int{}
	var df []int
	for i := range nDocs {
		for _, t := range terms(i) {
			id, ok := ids[t.stem]
			if !ok {
				id = len(df)
				ids[t.stem] = id
				df = append(df, 0)
			}
			df[id]++
		}
	}
	out := make([]docVector, nDocs)
	for i := range nDocs {
		ts := terms(i)
		v := make(vector, 0, len(ts))
		surf := map[int]string{}
		for _, t := range ts {
			id := ids[t.stem]
			if df[id] < 2 {
				continue // in no other document: cannot relate
			}
			v = append(v, tw{id, (1 + math.Log(float64(t.tf))) * math.Log(n/float64(df[id]))})
			surf[id] = t.surface
		}
		sort.Slice(v, func(a, b int) bool {
			if v[a].w != v[b].w {
				return v[a].w > v[b].w
			}
			return v[a].id < v[b].id
		})
		if len(v) > topTerms {
			v = v[:topTerms]
		}
		v = slices.Clone(v) // without the room of the terms cut
		sort.Slice(v, func(a, b int) bool { return v[a].id < v[b].id })
		dv := docVector{v: v, surfaces: make([]string, len(v)), tf: make([]int, len(v))}
		for k, x := range v {
			dv.surfaces[k] = surf[x.id]
		}
		for _, t := range ts {
			if k := dv.find(ids[t.stem]); k >= 0 {
				dv.tf[k] = t.tf
			}
		}
		v.normalize()
		out[i] = dv
		done(i)
	}
	return out
}
