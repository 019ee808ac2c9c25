package search_test

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/search"
)

// pool is made-up vocabulary for the property tests: words of 6 to 9
// letters starting with b, d, g, l, p, r or t, none a French function
// word, none within two edits of another.
var pool = []string{
	"bravoure", "dolmen", "gazelle", "lanterne", "pirogue", "rutabaga", "tonnelle",
	"bergamote", "dromadaire", "girouette", "libellé", "palourde", "ricochet", "turquoise",
	"boussole", "dentelle", "guirlande", "lucarne", "paravent", "ramequin", "tamarin",
}

// fillerWords are what the documents say besides the pool's words.
var fillerWords = strings.Fields("maison jardin cuisine salon fenêtre escalier grenier cave toit mur porte couloir")

// sentence returns n filler words chosen by rng.
func sentence(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fillerWords[rng.IntN(len(fillerWords))]
	}
	return strings.Join(ws, " ")
}

func rankOf(r *search.Result, id string) int {
	for i, h := range r.Hits {
		if h.ID == id {
			return i
		}
	}
	return -1
}

// TestPropertyMoreWordsRankHigher: of two documents alike but for one
// query word, the one holding more of the query's words ranks higher.
func TestPropertyMoreWordsRankHigher(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 1))
		words := slices.Clone(pool)
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		k := 2 + rng.IntN(4) // query words
		q := words[:k]
		m := 1 + rng.IntN(k-1) // words the poorer document holds
		var docs [][3]string
		for i := range 8 {
			// Other documents use the query's words once each, here and there.
			docs = append(docs, [3]string{"o" + strconv.Itoa(i), "Note " + strconv.Itoa(i), sentence(rng, 30) + " " + q[rng.IntN(k)] + " " + sentence(rng, 10)})
		}
		// The poorer document says its words twice: term frequency alone
		// must not outweigh a word more of the query.
		body := func(ws []string, times int) string {
			var b strings.Builder
			n := 0
			for _, w := range ws {
				for range times {
					b.WriteString(sentence(rng, 6) + " " + w + " ")
					n += 7
				}
			}
			// The same length for both.
			b.WriteString(sentence(rng, 80-n))
			return b.String()
		}
		docs = append(docs,
			[3]string{"rich", "Fiche A", body(q[:m+1], 1)},
			[3]string{"poor", "Fiche B", body(q[:m], 2)},
		)
		e := smallEngine(t, docs)
		query := strings.Join(q, " ")
		r, err := e.Search(query, search.Options{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		rich, poor := rankOf(r, "rich"), rankOf(r, "poor")
		if rich < 0 || poor >= 0 && rich > poor {
			t.Errorf("seed %d: %q: the document with %d words ranks %d, the one with %d ranks %d", seed, query, m+1, rich, m, poor)
		}
	}
}

// TestPropertyNoWordDecidesAlone: in a query of three to six words, a
// page lacking any one of them, even a rare one that weighs more than the
// others together, is still found, below the pages holding them all.
func TestPropertyNoWordDecidesAlone(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 5))
		words := slices.Clone(pool)
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		k := 3 + rng.IntN(4)
		q := words[:k]
		lack := rng.IntN(k) // the word the page lacks: the rare one
		var docs [][3]string
		for i := range 30 {
			// The other words are common: each in most documents.
			var b strings.Builder
			for j, w := range q {
				if j != lack && rng.IntN(4) > 0 {
					b.WriteString(w + " ")
				}
				b.WriteString(sentence(rng, 5) + " ")
			}
			docs = append(docs, [3]string{"o" + strconv.Itoa(i), "Note " + strconv.Itoa(i), b.String()})
		}
		var without []string
		for j, w := range q {
			if j != lack {
				without = append(without, w)
			}
		}
		docs = append(docs,
			[3]string{"all", "Fiche A", sentence(rng, 10) + " " + strings.Join(q, " ") + " " + sentence(rng, 10)},
			[3]string{"page", "Fiche B", sentence(rng, 10) + " " + strings.Join(without, " ") + " " + sentence(rng, 10)},
		)
		e := smallEngine(t, docs)
		query := "comment " + strings.Join(q, " ")
		r, err := e.Search(query, search.Options{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		all, page := rankOf(r, "all"), rankOf(r, "page")

		if all != 0 || page < 0 {
			t.Errorf("seed %d: %q: the page with every word ranks %d, the one lacking %q ranks %d (%d hits)", seed, query, all, q[lack], page, r.Total)
		}
	}
}

// TestPropertyTitleBeatsRepetition: a page whose title holds the query's
// words beats one that only repeats them in its body.
func TestPropertyTitleBeatsRepetition(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 2))
		words := slices.Clone(pool)
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		k := 1 + rng.IntN(3)
		q := words[:k]
		var docs [][3]string
		for i := range 8 {
			docs = append(docs, [3]string{"o" + strconv.Itoa(i), "Note " + strconv.Itoa(i), sentence(rng, 40) + " " + q[rng.IntN(k)]})
		}
		rep := strings.Repeat(strings.Join(q, " ")+" "+sentence(rng, 5)+" ", 2+rng.IntN(6))
		docs = append(docs,
			[3]string{"body", "Fiche " + sentence(rng, 2), sentence(rng, 20) + " " + rep + sentence(rng, 20)},
			[3]string{"title", strings.Join(q, " "), sentence(rng, 20) + " " + strings.Join(q, " ") + " " + sentence(rng, 20)},
		)
		e := smallEngine(t, docs)
		query := strings.Join(q, " ")
		r, err := e.Search(query, search.Options{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].ID != "title" {
			var ids []string
			for _, h := range r.Hits {
				ids = append(ids, h.ID)
			}
			t.Errorf("seed %d: %q: want the page titled with it first, got %v", seed, query, ids)
		}
	}
}

// TestPropertyAbsentReturnsNothing: words that nothing in the corpus
// resembles (no word starts with their letter, or that hold a word's
// letters only far apart) return nothing, alone,
// together or with function words; next to a word that matches, they
// change nothing but the Partial mark.
func TestPropertyAbsentReturnsNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	var docs [][3]string
	for i := range 12 {
		docs = append(docs, [3]string{"d" + strconv.Itoa(i), pool[i] + " " + pool[i+1], sentence(rng, 20) + " " + pool[(i+5)%len(pool)] + " " + sentence(rng, 20)})
	}
	e := smallEngine(t, docs)
	absent := func() string { // no word of the corpus starts with k, x, y, z or w
		b := []byte{"kxyzw"[rng.IntN(5)]}
		for range 3 + rng.IntN(8) {
			b = append(b, "aeiouklmnrst"[rng.IntN(12)])
		}
		return string(b)
	}
	// Letters of a word picked far apart, or of two words of a title:
	// subsequences of what the corpus has, but no reasonable match.
	sparse := func() string {
		w := pool[rng.IntN(12)]
		if rng.IntN(2) == 0 {
			return w[:1] + w[3:4] + w[6:7]
		}
		i := rng.IntN(12)
		return pool[i][:2] + pool[i+1][2:4]
	}
	for range 60 {
		var q string
		switch rng.IntN(4) {
		case 3:
			q = sparse()
		case 0:
			q = absent()
		case 1:
			q = absent() + " " + absent()
		default:
			q = "comment " + absent() + " une " + absent()
		}
		r, err := e.Search(q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 0 || len(r.Hits) != 0 || r.Corrected != "" {
			t.Errorf("%q: %d hits (first %+v), corrected %q", q, r.Total, r.Hits[0], r.Corrected)
		}
	}
	alone, _ := e.Search(pool[3], search.Options{Limit: 50})
	with, _ := e.Search(pool[3]+" "+absent(), search.Options{Limit: 50})
	ids := func(r *search.Result) (s []string) {
		for _, h := range r.Hits {
			s = append(s, h.ID)
		}
		return s
	}
	if !slices.Equal(ids(alone), ids(with)) || !with.Partial || len(with.Hits) == 0 {
		t.Errorf("an absent word changed the hits of %q: %v, then %v (partial %v)", pool[3], ids(alone), ids(with), with.Partial)
	}
}

// TestPropertySuggestedSearchRuns: a query whose misspelt word the corpus
// lacks, and finds only as a typo, is answered with its suggestion's
// hits, and says so; AsTyped gives the query's own.
func TestPropertySuggestedSearchRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	var docs [][3]string
	for i := range 12 {
		docs = append(docs, [3]string{"d" + strconv.Itoa(i), "Fiche " + strconv.Itoa(i), sentence(rng, 20) + " " + pool[i] + " " + sentence(rng, 20)})
	}
	e := smallEngine(t, docs)
	for i, w := range pool[:12] {
		// Each kind of typo people make: a letter doubled, a double
		// letter dropped, two neighbours swapped.
		var typo string
		j := strings.Index(w[1:], w[1:2]+w[1:2])
		for k := 1; j < 0 && k+1 < len(w); k++ {
			if w[k] == w[k+1] {
				j = k - 1
			}
		}
		switch {
		case i%3 == 1 && j >= 0:
			typo = w[:j+1] + w[j+2:] // a double letter dropped
		case i%3 == 0:
			typo = w[:3] + w[2:] // a letter doubled
		default:
			typo = w[:2] + w[3:4] + w[2:3] + w[4:] // neighbours swapped
		}
		q := typo + " " + fillerWords[0]
		r, err := e.Search(q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Corrected == "" && r.Suggestion == "" && len(r.Hits) > 0 && r.Hits[0].ID == "d"+strconv.Itoa(i) {
			continue // found as typed, by a form of the same stem ("libelé")
		}
		want, _ := e.Search(r.Corrected, search.Options{AsTyped: true})
		if r.Corrected == "" || r.Query != q || !strings.Contains(r.Corrected, w) || len(r.Hits) == 0 || r.Hits[0].ID != want.Hits[0].ID || r.Total != want.Total {
			t.Errorf("%q: corrected %q, %d hits; want the hits of %q (%d)", q, r.Corrected, r.Total, w, want.Total)
		}
		asTyped, _ := e.Search(q, search.Options{AsTyped: true})
		if asTyped.Corrected != "" || asTyped.Suggestion == "" {
			t.Errorf("%q as typed: corrected %q, suggestion %q", q, asTyped.Corrected, asTyped.Suggestion)
		}
	}
}

// TestPropertyKnownWordKeptUnlessRare: a word the corpus has, one common
// typo away from a word ten times commoner, is taken for a typo of it
// only when the corpus hardly has it (in at most two documents of a
// small corpus); in more, it is a word of its own, and gets no
// did-you-mean.
func TestPropertyKnownWordKeptUnlessRare(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	var docs [][3]string
	type pair struct {
		word, typo string
		k          int // documents holding typo
	}
	var pairs []pair
	for i, w := range pool[:10] {
		p := pair{w, w[:2] + w[3:4] + w[2:3] + w[4:], 1 + rng.IntN(5)} // neighbours swapped
		pairs = append(pairs, p)
		for j := range 10*p.k + rng.IntN(3) {
			docs = append(docs, [3]string{"w" + strconv.Itoa(i) + "-" + strconv.Itoa(j), "Fiche", sentence(rng, 6) + " " + w + " " + sentence(rng, 6)})
		}
		for j := range p.k {
			docs = append(docs, [3]string{"t" + strconv.Itoa(i) + "-" + strconv.Itoa(j), "Note", sentence(rng, 6) + " " + p.typo + " " + sentence(rng, 6)})
		}
	}
	e := smallEngine(t, docs)
	for _, p := range pairs {
		for _, q := range []string{p.typo, p.typo + " " + fillerWords[0], fillerWords[1] + " " + p.typo + " "} {
			r, err := e.Search(q, search.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if p.k <= 2 {
				want = strings.Replace(q, p.typo, p.word, 1)
			}
			if r.Suggestion != want || r.Corrected != "" {
				t.Errorf("%q (in %d documents, %q in %d+): suggestion %q, corrected %q; want suggestion %q", q, p.k, p.word, 10*p.k, r.Suggestion, r.Corrected, want)
			}
		}
	}
}
