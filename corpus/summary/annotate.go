package summary

import (
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/token"
)

const (
	docKeywords     = 10 // keywords kept per document
	docEntitiesMax  = 30 // entities kept per document
	corpusKeywords  = 20
	corpusEntities  = 20
	overviewLen     = 5 // sentences of the corpus summary
	overviewPerDoc  = 2 // candidate sentences per document for it
	overviewMaxCand = 20000
)

// Annotate computes, at build time, each document's keywords, entities and
// related documents, and returns the corpus overview: counts, date range,
// languages, a few sentences summarising the corpus, its main keywords and
// entities. It works on all processors. It is AnnotateDocument on every
// document, then Combine.
func Annotate(docs []*corpus.Document) corpus.Overview {
	notes := make([]*Notes, len(docs))
	parallel(len(docs), runtime.GOMAXPROCS(0), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			notes[i] = AnnotateDocument(docs[i])
		}
	})
	return Combine(docs, notes)
}

// AnnotateDocument does the part of Annotate that needs one document only
// and returns what Combine needs of the document: its keyword candidates,
// entities, terms, best sentences and the words of its headings. It
// depends on nothing but d, so a build may run it as each document is
// read, and keep its result (Notes.MarshalBinary) for the next build.
func AnnotateDocument(d *corpus.Document) *Notes {
	an := token.For(d.Lang)
	us := docWords(d, an)
	p := &Notes{heads: encodeHeads(headingWords(d, an))}
	cands := keywordCandidates(d.Text, us)
	if len(cands) > maxKeywordCands {
		cands = cands[:maxKeywordCands]
	}
	for _, c := range cands {
		// Only its written form is needed of its surfaces: kept as the
		// form of a name, so that surface() returns it as it is.
		c.firstOcc, c.name, c.surfaces = c.surface(), true, nil
	}
	p.cands = encodeCands(cands)
	p.ents = encodeEnts(findEntities(d.Text, us))
	p.terms = encodeTerms(docTerms(d.Text, us))
	// The document's best sentences, for the corpus summary.
	prm := *Options{}.paramsFor(d)
	a := analyseWith(d, &prm, false, sentenceTokens(d, us))
	sc := a.scores(&prm)
	// The corpus summary shows sentences alone: never one that
	// leans on the sentence before it, nor part of a quotation.
	bind := a.bindings()
	for _, k := range a.pick(sc, &prm, Options{Sentences: 2 * overviewPerDoc}) {
		if len(p.top) == overviewPerDoc || bind[k] || dependent(d.SentenceText(k)) || quoteState.advance(quoteState{}, d.SentenceText(k)).open() {
			continue
		}
		p.top = append(p.top, k)
		p.topSc = append(p.topSc, sc[k])
		// A copy: the notes outlive the document's text in a build.
		p.topText = append(p.topText, strings.Clone(d.SentenceText(k)))
	}
	p.words, p.bytes = d.Words(), len(d.Text)
	return p
}

// Combine finishes Annotate over a whole corpus, given notes[i], the
// result of AnnotateDocument(docs[i]) for every document: it finds the
// corpus's structural words, picks each document's keywords, votes the
// entities' kinds across the corpus, sets each document's Keywords,
// Entities and Related, and returns the corpus overview. It consumes the
// notes. It reads the documents' metadata, not their texts, which a
// build may have moved out of memory by then.
func Combine(docs []*corpus.Document, notes []*Notes) corpus.Overview {
	if len(notes) != len(docs) {
		panic("summary.Combine: " + strconv.Itoa(len(notes)) + " notes for " + strconv.Itoa(len(docs)) + " documents")
	}
	ov := corpus.Overview{Documents: len(docs), Languages: map[string]int{}}
	for i, d := range docs {
		ov.Words += notes[i].words
		ov.Bytes += notes[i].bytes
		if d.Lang != "" {
			ov.Languages[d.Lang]++
		}
		if d.Date != "" {
			if ov.DateFrom == "" || d.Date < ov.DateFrom {
				ov.DateFrom = d.Date
			}
			if d.Date > ov.DateTo {
				ov.DateTo = d.Date
			}
		}
	}
	if len(docs) == 0 {
		return ov
	}
	workers := runtime.GOMAXPROCS(0)
	// The corpus's structural words are no document's keywords or
	// entities ("VOIR AUSSI", a running header).
	structural := structuralFrom(len(notes), func(i int) []string { return decodeHeads(notes[i].heads) })
	notesEnts := func(i int) []*ent { return decodeEnts(notes[i].ents, structural) }
	parallel(len(docs), workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			p := notes[i]
			cands, _ := decodeCands(p.cands) // encoded by AnnotateDocument, checked by UnmarshalBinary
			docs[i].Keywords, p.stems = pickKeywords(cands, docKeywords, structural)
			p.cands, p.heads = nil, nil
		}
	})
	per := notes

	// Entity kinds are voted across the corpus, so that a cue in one
	// document names the kind everywhere.
	type corpusEnt struct {
		votes    [nVotes]float64
		prep     int
		docs     int
		count    int
		surfaces map[string]int
		variants map[string]int
		first    int
	}
	all := map[string]*corpusEnt{}
	order := 0
	for i := range per {
		for _, e := range notesEnts(i) {
			c := all[e.key]
			if c == nil {
				c = &corpusEnt{surfaces: map[string]int{}, variants: map[string]int{}, first: order}
				all[e.key] = c
				order++
			}
			for k := range c.votes {
				c.votes[k] += e.votes[k]
			}
			c.docs++
			c.prep += e.prep
			c.count += e.count
			for s, n := range e.surfaces {
				c.surfaces[s] += n
			}
			for s, n := range e.variants {
				c.variants[s] += n
			}
		}
	}
	for i, d := range docs {
		ents := notesEnts(i)
		per[i].ents = nil
		sort.SliceStable(ents, func(a, b int) bool { return ents[a].count > ents[b].count })
		if len(ents) > docEntitiesMax {
			ents = ents[:docEntitiesMax]
		}
		d.Entities = make([]corpus.Entity, len(ents))
		for k, e := range ents {
			c := all[e.key]
			d.Entities[k] = e.entity(kindOf(c.votes, c.prep, c.count))
		}
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := all[keys[i]], all[keys[j]]
		if a.docs != b.docs {
			return a.docs > b.docs
		}
		if a.count != b.count {
			return a.count > b.count
		}
		return a.first < b.first
	})
	for _, k := range keys {
		if len(ov.Entities) == corpusEntities {
			break
		}
		c := all[k]
		e := &ent{key: k, surfaces: c.surfaces, variants: c.variants, count: c.count}
		ov.Entities = append(ov.Entities, e.entity(kindOf(c.votes, c.prep, c.count)))
	}

	// Corpus keywords: document keywords weighed by rank, summed.
	type corpusKw struct {
		stems    []string
		score    float64
		docs     int
		surfaces map[string]int
		first    int
	}
	kws := map[string]*corpusKw{}
	for i, d := range docs {
		for r, k := range d.Keywords {
			key := strings.Join(per[i].stems[r], " ")
			c := kws[key]
			if c == nil {
				c = &corpusKw{stems: per[i].stems[r], surfaces: map[string]int{}, first: len(kws)}
				kws[key] = c
			}
			c.score += 1 - float64(r)/docKeywords
			c.docs++
			c.surfaces[k.Text]++
		}
	}
	kl := make([]*corpusKw, 0, len(kws))
	for _, c := range kws {
		// Keyphrases of many documents characterise the corpus more than
		// the best keyphrase of one.
		c.score *= float64(c.docs) / float64(c.docs+1)
		kl = append(kl, c)
	}
	sort.Slice(kl, func(i, j int) bool {
		if kl[i].score != kl[j].score {
			return kl[i].score > kl[j].score
		}
		return kl[i].first < kl[j].first
	})
	var keptKw [][]string
	for _, c := range kl {
		if len(ov.Keywords) == corpusKeywords {
			break
		}
		if redundant(c.stems, keptKw) {
			continue
		}
		keptKw = append(keptKw, c.stems)
		best, bn := "", 0
		for s, n := range c.surfaces {
			if n > bn || n == bn && s < best {
				best, bn = s, n
			}
		}
		ov.Keywords = append(ov.Keywords, corpus.Keyword{Text: best, Score: round4(c.score / float64(len(docs)))})
	}

	// Related documents.
	kwStems := make([][][]string, len(docs))
	for i := range per {
		kwStems[i] = per[i].stems
	}
	vecs := buildVectors(len(per), func(i int) []termCount { return decodeTerms(per[i].terms) }, func(i int) { per[i].terms = nil })
	relate(docs, vecs, kwStems, workers)

	ov.Summary = overviewSummary(docs, per2refs(per))
	return ov
}

// A structural word of a corpus is a whole heading of at least
// structuralShare of its documents (and structuralMin), or a phrase of the
// running header (a title line that is not the document's title) of at
// least structuralPhraseMin documents: a section header repeated in every
// document ("NOM", "SOURCE", "VOIR AUSSI"), a running header ("Library
// Functions Manual"). Such phrases are never keywords.
const (
	structuralShare     = 0.05
	structuralMin       = 3  // documents whose whole heading is the phrase
	structuralPhraseMin = 10 // documents whose running header holds it
)

// structuralFrom returns the structural phrases of a corpus of n
// documents, given heads(i), the sorted headingWords of document i, as
// folded terms of one to maxKeywordWords words joined by spaces; nil for a
// corpus of fewer than structuralMin documents.
func structuralFrom(n int, heads func(i int) []string) map[string]bool {
	if n < structuralMin {
		return nil
	}
	df := map[string]int{}
	for i := range n {
		for _, k := range heads(i) {
			df[k]++
		}
	}
	share := int(structuralShare*float64(n) + 0.5)
	out := map[string]bool{}
	for k, n := range df {
		if strings.HasPrefix(k, "\x00") {
			if n >= max(structuralMin, share) {
				out[k[1:]] = true
			}
		} else if n >= structuralPhraseMin {
			out[k] = true
		}
	}
	return out
}

// headingWords returns what structuralFrom counts of one document: its
// whole headings (marked by a leading NUL) and the phrases of its title
// lines that are not its title.
func headingWords(d *corpus.Document, an *token.Analyzer) map[string]bool {
	set := map[string]bool{}
	for _, b := range d.Blocks {
		if b.Kind != corpus.Heading && b.Kind != corpus.Title || !validSpan(d, b.Span) || b.Len() > 400 {
			continue
		}
		var terms []string
		for _, t := range an.Tokens(d.Text[b.Start:b.End]) {
			if !t.Compound {
				terms = append(terms, t.Term)
			}
		}
		if len(terms) <= maxKeywordWords {
			// A whole heading: "NOM", "VOIR AUSSI".
			set["\x00"+strings.Join(terms, " ")] = true
		}
		if b.Kind != corpus.Title || foldKey(d.Text[b.Start:b.End]) == foldKey(d.Title) {
			continue
		}
		// A title line that is not the title: a running header,
		// "LS(1)  General Commands Manual  LS(1)".
		for x := range terms {
			for y := x + 1; y <= len(terms) && y <= x+maxKeywordWords; y++ {
				set[strings.Join(terms[x:y], " ")] = true
			}
		}
	}
	return set
}

// candRef is a candidate sentence for the corpus summary.
type candRef struct {
	text      string
	doc, sent int
	score     float64
}

func per2refs(notes []*Notes) []candRef {
	var out []candRef
	for i, n := range notes {
		for k, s := range n.top {
			out = append(out, candRef{n.topText[k], i, s, n.topSc[k]})
		}
	}
	return out
}

// overviewSummary picks the sentences that best summarise the corpus among
// each document's best ones: those closest to the centroid of all of them
// (TF-IDF over stems), without repetition, at most one per document.
func overviewSummary(docs []*corpus.Document, cands []candRef) []corpus.SentenceRef {
	if len(cands) > overviewMaxCand {
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
		cands = cands[:overviewMaxCand]
	}
	ids := map[string]int{}
	var df []int
	vecs := make([]vector, len(cands))
	for k, c := range cands {
		d := docs[c.doc]
		var v vector
		for _, t := range token.For(d.Lang).Tokens(c.text) {
			if !contentTerm(&t) {
				continue
			}
			key := t.Stem
			if key == "" {
				key = t.Term
			}
			id, ok := ids[key]
			if !ok {
				id = len(df)
				ids[key] = id
				df = append(df, 0)
			}
			v = append(v, tw{id, 1})
		}
		v = merge(v)
		for _, x := range v {
			df[x.id]++
		}
		vecs[k] = v
	}
	n := float64(len(cands))
	centroid := make([]float64, len(df))
	for _, v := range vecs {
		for i := range v {
			v[i].w = (1 + math.Log(v[i].w)) * math.Log(1+n/float64(df[v[i].id]))
		}
		v.normalize()
		for _, x := range v {
			centroid[x.id] += x.w
		}
	}
	norm := 0.0
	for _, x := range centroid {
		norm += x * x
	}
	norm = math.Sqrt(norm)
	if norm == 0 {
		norm = 1
	}
	score := make([]float64, len(cands))
	top := 0.0
	for k, v := range vecs {
		s := 0.0
		for _, x := range v {
			s += x.w * centroid[x.id]
		}
		score[k] = s / norm * (0.5 + 0.5*math.Min(1, cands[k].score))
		top = math.Max(top, score[k])
	}
	if top == 0 {
		top = 1
	}
	var picked []int
	usedDoc := map[int]bool{}
	for len(picked) < overviewLen {
		best, bv := -1, math.Inf(-1)
		for k := range cands {
			if usedDoc[cands[k].doc] {
				continue
			}
			sim := 0.0
			for _, j := range picked {
				sim = math.Max(sim, dot(vecs[k], vecs[j]))
			}
			if sim > 0.5 {
				continue
			}
			v := 0.7*score[k]/top - 0.3*sim
			if v > bv {
				best, bv = k, v
			}
		}
		if best < 0 {
			break
		}
		picked = append(picked, best)
		usedDoc[cands[best].doc] = true
	}
	out := make([]corpus.SentenceRef, len(picked))
	for i, k := range picked {
		d := docs[cands[k].doc]
		out[i] = corpus.SentenceRef{ID: d.ID, Index: cands[k].sent, Text: cands[k].text}
	}
	return out
}

// parallel calls f on consecutive chunks of [0, n) on up to workers
// goroutines.
func parallel(n, workers int, f func(lo, hi int)) {
	if workers < 1 {
		workers = 1
	}
	const chunk = 16
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range next {
				f(lo, min(lo+chunk, n))
			}
		}()
	}
	for lo := 0; lo < n; lo += chunk {
		next <- lo
	}
	close(next)
	wg.Wait()
}
