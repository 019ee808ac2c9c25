package search_test

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
	"github.com/corpus-explorer/explorer/corpus/token"
)

var seeds struct {
	once sync.Once
	e    *search.Engine
	ix   *index.Index
	err  error
}

// seedEngine builds the index of the seed corpus (the text files of
// package corpus) plus a few extra documents, as `explorer build` does.
func seedEngine(t testing.TB) (*search.Engine, *index.Index) {
	t.Helper()
	seeds.once.Do(func() {
		docs, _, err := ingest.Dir("../../corpus", ingest.Options{})
		if err != nil {
			seeds.err = err
			return
		}
		docs = append(docs, extra()...)
		seeds.ix = index.Build(docs, summary.Annotate(docs))
		// Search the decoded index, as the engine does.
		blob, err := seeds.ix.MarshalBinary()
		if err == nil {
			seeds.ix, err = index.Decode(blob)
		}
		seeds.e, seeds.err = search.New(seeds.ix), err
	})
	if seeds.err != nil {
		t.Fatal(seeds.err)
	}
	return seeds.e, seeds.ix
}

// extra documents: non-BMP text, accents, a date and an author to filter
// on, boilerplate.
func extra() []*corpus.Document {
	mk := func(id, title, date, author, body string) *corpus.Document {
		text := title + "\n\n" + body
		return &corpus.Document{
			ID: id, Path: id + ".txt", Title: title, Date: date, Author: author, Lang: "fr", Text: text,
			Blocks: []corpus.Block{
				{Span: corpus.Span{Start: 0, End: len(title)}, Kind: corpus.Title},
				{Span: corpus.Span{Start: len(title) + 2, End: len(text)}, Kind: corpus.Paragraph},
			},
		}
	}
	return []*corpus.Document{
		mk("x/emoji", "😀 Émojis et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 : l’écriture 🎉 numérique", "2019-05-02", "Zoé Ärger",
			"Les émojis 😀 sont partout 🎉 dans l’écriture numérique ; 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 les code hors du plan multilingue de base. Œuvre, cœur et Ærø gardent leurs ligatures."),
		mk("x/dates", "Calendrier des ventes", "2020-03-15", "Jean Dupont",
			"Les ventes de mars ont été fortes, celles de juin plus faibles. Le calendrier des ventes est publié chaque mois."),
	}
}

func search1(t *testing.T, e *search.Engine, q string, opt search.Options) *search.Result {
	t.Helper()
	r, err := e.Search(q, opt)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return r
}

// TestFirstHit is the table of queries, typed fast, without accents, with
// typos and half-words, and the article each must find first.
func TestFirstHit(t *testing.T) {
	e, _ := seedEngine(t)
	for _, c := range []struct{ q, first string }{
		{"Gnassingbe", "000_"},
		{"gnassingbé", "000_"},
		{"Gnasingbe", "000_"},
		{"cheval de troie", "001_"},
		{`"cheval de Troie"`, "001_"},
		{"teletravail", "002_"},
		{"Xi Jinpin", "003_"},
		{"Xi Jinping", "003_"},
		{"sesame credit", "004_"},
		{"sésame crédit", "004_"},
		{"hangzhou", ""},
		{"coronavirus", "004_"},
		{"ecommerce", ""},
		{"ecom", ""},
		{"electronique", "000_"},
		{"strategie", ""},
		{"Alibab", ""},
		{"comerce", ""},
		{"numér", ""},
		{"cloud computing", ""},
		{"Jack Ma", ""},
		{"emojis", "x/emoji"},
		{"ecriture numerique", "x/emoji"},
		{"𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "x/emoji"},
		{"oeuvre coeur", "x/emoji"},
		{"calendrier", "x/dates"},
	} {
		r := search1(t, e, c.q, search.Options{})
		if len(r.Hits) == 0 {
			t.Errorf("%q: no hits", c.q)
			continue
		}
		if r.Partial {
			t.Errorf("%q: partial result", c.q)
		}
		if !strings.HasPrefix(r.Hits[0].ID, c.first) {
			t.Errorf("%q: first hit %s, want %s…", c.q, r.Hits[0].ID, c.first)
		}
	}
}

// variants returns every term the query's words could match: the folded
// words themselves and the variants the engine reports.
func variants(t *testing.T, e *search.Engine, q string) []string {
	r := search1(t, e, q, search.Options{Explain: true})
	var vs []string
	for _, m := range r.Explain {
		if m.Variant != "" {
			vs = append(vs, m.Variant)
		}
		vs = append(vs, token.Fold(m.Term))
	}
	return vs
}

// checkHighlights checks that each highlighted range of the snippet and
// the title, sliced in UTF-16 code units as JavaScript would, is a word
// whose folded form is a variant of a query word, or its prefix.
func checkHighlights(t *testing.T, e *search.Engine, q string, r *search.Result, fuzzy bool) {
	t.Helper()
	vs := variants(t, e, q)
	ok := func(word string) bool {
		f := token.Fold(word)
		f = strings.NewReplacer("-", "", "'", "", "’", "").Replace(f)
		for _, v := range vs {
			if f == v || strings.HasPrefix(v, f) || strings.HasPrefix(f, v) {
				return true
			}
		}
		return fuzzy
	}
	for _, h := range r.Hits {
		for _, part := range []struct {
			name string
			text string
			rs   []search.Range
		}{{"snippet", h.Snippet, h.SnippetHighlights}, {"title", h.Title, h.TitleHighlights}} {
			u := utf16.Encode([]rune(part.text))
			last := 0
			for _, rg := range part.rs {
				if rg.Start < last || rg.End <= rg.Start || rg.End > len(u) {
					t.Errorf("%q in %s: %s range %v out of order or bounds (length %d)", q, h.ID, part.name, rg, len(u))
					continue
				}
				last = rg.End
				w := string(utf16.Decode(u[rg.Start:rg.End]))
				if !ok(w) {
					t.Errorf("%q in %s: %s highlights %q, not a variant of the query (%v)", q, h.ID, part.name, w, vs)
				}
				// A highlight is a whole word: no letter just before or after it.
				if rg.Start > 0 && isLetter(u[rg.Start-1]) || rg.End < len(u) && isLetter(u[rg.End]) {
					t.Errorf("%q in %s: %s highlight %q cuts a word", q, h.ID, part.name, w)
				}
			}
		}
	}
}

func isLetter(c uint16) bool {
	r := rune(c)
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0x24F
}

func TestHighlights(t *testing.T) {
	e, _ := seedEngine(t)
	for _, q := range []string{
		"Gnassingbe", "cheval de troie", "teletravail", "Xi Jinpin", "sesame credit", "electronique",
		"strategie", "Alibab", "comerce", "numér", "cloud computing", "Jack Ma", "ecriture numerique",
		"𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "emojis", "oeuvre coeur", "l'économie", "e-commerce", "chine",
	} {
		r := search1(t, e, q, search.Options{Limit: 20})
		if len(r.Hits) == 0 {
			t.Errorf("%q: no hits", q)
		}
		n := 0
		for _, h := range r.Hits {
			n += len(h.SnippetHighlights) + len(h.TitleHighlights)
			if len([]rune(h.Snippet)) > 230 {
				t.Errorf("%q in %s: snippet of %d characters", q, h.ID, len([]rune(h.Snippet)))
			}
		}
		if n == 0 {
			t.Errorf("%q: nothing highlighted", q)
		}
		checkHighlights(t, e, q, r, false)
	}
	// Non-BMP text before and inside the highlights.
	r := search1(t, e, "numerique 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", search.Options{})
	if len(r.Hits) == 0 || r.Hits[0].ID != "x/emoji" {
		t.Fatalf("numerique 𝔘𝔫𝔦𝔠𝔬𝔡𝔢: %+v", r.Hits)
	}
	h := r.Hits[0]
	u := utf16.Encode([]rune(h.Title))
	var got []string
	for _, rg := range h.TitleHighlights {
		got = append(got, string(utf16.Decode(u[rg.Start:rg.End])))
	}
	if strings.Join(got, "|") != "𝔘𝔫𝔦𝔠𝔬𝔡𝔢|numérique" {
		t.Errorf("title highlights %q, want 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and numérique", got)
	}
}

func TestFilters(t *testing.T) {
	e, ix := seedEngine(t)
	for _, c := range []struct {
		q    string
		opt  search.Options
		want []string // the ids, in any order
	}{
		{"ventes date:2020", search.Options{}, []string{"x/dates"}},
		{"ventes date:2020-01..2020-06", search.Options{}, []string{"x/dates"}},
		{"ventes date:2020-04..2020-12", search.Options{}, nil},
		{"ventes date:..2020-03", search.Options{}, []string{"x/dates"}},
		{"ventes", search.Options{DateFrom: "2020-03-16"}, nil},
		{"ventes author:dupont", search.Options{}, []string{"x/dates"}},
		{`ventes author:"jean dupont"`, search.Options{}, []string{"x/dates"}},
		{"ventes", search.Options{Author: "DUPONT"}, []string{"x/dates"}},
		{"ventes author:zoe", search.Options{}, nil},
		{"numerique -emojis", search.Options{}, nil},
		{"écriture", search.Options{Author: "Zoe"}, []string{"x/emoji"}},
		{"author:dupont", search.Options{}, []string{"x/dates"}},
		{"date:2019", search.Options{}, []string{"x/emoji"}},
		{"", search.Options{DateFrom: "2019-05-01", DateTo: "2019-05"}, []string{"x/emoji"}},
		{"", search.Options{}, nil},
	} {
		r := search1(t, e, c.q, c.opt)
		var got []string
		for _, h := range r.Hits {
			if strings.HasPrefix(h.ID, "x/") {
				got = append(got, h.ID)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q %+v: got %v, want %v", c.q, c.opt, got, c.want)
		}
	}
	// An excluded word removes every document holding it.
	r := search1(t, e, "alibaba -cloud", search.Options{Limit: 100})
	for _, h := range r.Hits {
		if strings.Contains(strings.ToLower(ix.Doc(h.ID).Text), "cloud") {
			t.Errorf("alibaba -cloud: %s holds cloud", h.ID)
		}
	}
}

func TestPartialAndSuggestion(t *testing.T) {
	e, _ := seedEngine(t)
	r := search1(t, e, "gnassingbe zzyzzx", search.Options{})
	if !r.Partial || len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].ID, "000_") {
		t.Errorf("gnassingbe zzyzzx: partial %v, hits %+v", r.Partial, r.Hits)
	}
	r = search1(t, e, "Gnasingbe ", search.Options{})
	if r.Suggestion != "gnassingbé " {
		t.Errorf("Gnasingbe: suggestion %q", r.Suggestion)
	}
	r = search1(t, e, "Gnassingbe", search.Options{})
	if r.Suggestion != "" {
		t.Errorf("Gnassingbe: suggestion %q", r.Suggestion)
	}
	if got := e.Suggest("numé", 3); len(got) == 0 || got[0] != "numérique" {
		t.Errorf("Suggest(numé) = %q", got)
	}
	if got := e.Suggest("zzzz", 3); len(got) != 0 {
		t.Errorf("Suggest(zzzz) = %q", got)
	}
}

// TestNoSuggestionForAKnownWord: a word the corpus has, as written or by
// its stem, is not "corrected" to a commoner one two edits away, nor to a
// rarer one, but is to one a natural typo away.
func TestNoSuggestionForAKnownWord(t *testing.T) {
	docs := filler(12, 12, "copier")
	docs = append(docs, [3]string{"cc", "Compiler", "Compiler le noyau. Le comme est un mot."})
	docs = append(docs, [3]string{"comme", "Comme", "Comme ceci, comme cela."})
	// "cuisiner" is not in the corpus, but "cuisine", of its stem, is:
	// no did-you-mean to the rarer "cuisinier", one edit away.
	docs = append(docs, [3]string{"cuisine", "Cuisine", "La cuisine et le cuisinier. Une cuisine."})
	e := smallEngine(t, docs)
	for q, want := range map[string]string{"compiler": "", "copiier": "copier", "cuisiner ": ""} {
		if r := search1(t, e, q, search.Options{}); r.Suggestion != want {
			t.Errorf("%s: suggestion %q, want %q", q, r.Suggestion, want)
		}
	}
}

// TestSuggestionRareOrCommon: a word the corpus has in several documents,
// as written or by a form of its stem, is a word, not a typo of a
// commoner neighbour ("voit" is not "voir", nor "pavés" "pages");
// one it hardly has, a common typo away from a word ten times commoner,
// is corrected ("croisant"); and a dropped double letter finds the word
// with it, even when that word is also the query word's beginning
// ("cheminn": "chemin", not the commoner "chemins").
func TestSuggestionRareOrCommon(t *testing.T) {
	docs := filler(30, 30, "voir")
	for i := range 3 {
		docs = append(docs, [3]string{"voit" + strconv.Itoa(i), "Public", "Le public voit la diapo."})
	}
	for i := range 12 {
		docs = append(docs, [3]string{"tri" + strconv.Itoa(i), "Tri", "Un tri croissant des lignes."})
	}
	docs = append(docs, [3]string{"croisant", "Rues", "Deux rues se croisant."})
	for i := range 8 {
		id := "chemin" + strconv.Itoa(i)
		docs = append(docs, [3]string{id, "Tracer", "Tracer des chemins."})
		if i < 5 {
			docs = append(docs, [3]string{id + "b", "Un chemin", "Le chemin."})
		}
	}
	for i := range 30 {
		docs = append(docs, [3]string{"pages" + strconv.Itoa(i), "Pages", "Les pages du document."})
	}
	for i := range 4 {
		docs = append(docs, [3]string{"pave" + strconv.Itoa(i), "Pavé", "Un pavé numérique."})
	}
	docs = append(docs, [3]string{"paves", "Pavés", "Des pavés."})
	e := smallEngine(t, docs)
	for _, c := range []struct{ q, want string }{
		{"voit", ""},
		{"des pavés ", ""}, // in one document, but its stem's pavé in four
		{"le public voit la diapo", ""},
		{"le public voit ", ""},
		{"tri croisant ", "tri croissant "},
		{"tri croisant des lignes", "tri croissant des lignes"},
		{"tracer un cheminn ", "tracer un chemin "},
		{"cheminn", "chemin"},
	} {
		if r := search1(t, e, c.q, search.Options{}); r.Suggestion != c.want {
			t.Errorf("%q: suggestion %q, want %q", c.q, r.Suggestion, c.want)
		}
	}
}

// TestSuggestionInQuotes: a misspelt word inside quotes, which matches as
// written only, gets its did-you-mean too, with the quotes kept, and the
// query that finds nothing searches it; an excluded word gets none.
func TestSuggestionInQuotes(t *testing.T) {
	docs := filler(6, 0, "")
	for i := range 5 {
		docs = append(docs, [3]string{"toc" + strconv.Itoa(i), "Table des matières", "Créer une table des matières."})
	}
	e := smallEngine(t, docs)
	for _, c := range []struct{ q, want, corrected string }{
		{`"table des matirèes"`, `"table des matières"`, `"table des matières"`},
		{`"matirèes"`, `"matières"`, `"matières"`},
		{`"table des matières"`, "", ""},
		{`"table des matirèes`, `"table des matières`, `"table des matières`}, // being typed
		{`table -matirèes`, "", ""},
		{`"table zzyzzx"`, "", ""},
	} {
		r := search1(t, e, c.q, search.Options{})
		if r.Suggestion != c.want || r.Corrected != c.corrected {
			t.Errorf("%s: suggestion %q, corrected %q; want %q, %q", c.q, r.Suggestion, r.Corrected, c.want, c.corrected)
		}
		if c.corrected != "" && (len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].ID, "toc")) {
			t.Errorf("%s: %d hits, want those of %s", c.q, r.Total, c.corrected)
		}
	}
}

// TestContainsAll: a document holding every word of the query exactly is
// always among the hits.
func TestContainsAll(t *testing.T) {
	e, ix := seedEngine(t)
	an := token.For("fr")
	for d, doc := range ix.Docs {
		toks := an.Tokens(doc.Text)
		for i := 0; i+2 < len(toks); i += 37 {
			var words []string
			for _, tk := range toks[i : i+3] {
				words = append(words, doc.Text[tk.Start:tk.End])
			}
			q := strings.Join(words, " ")
			r := search1(t, e, q, search.Options{Limit: 1000})
			found := false
			for _, h := range r.Hits {
				found = found || h.ID == doc.ID
			}
			if !found {
				t.Errorf("%q: document %d (%s) holds the words but is not among the %d hits", q, d, doc.ID, r.Total)
			}
		}
	}
}

// TestPaging: pages never repeat or skip a hit, and the same query always
// gives the same order.
func TestPaging(t *testing.T) {
	e, _ := seedEngine(t)
	for _, q := range []string{"la", "chine", "alibaba cloud", "e", "de la", "commerce électronique", "ventes"} {
		for _, sort := range []string{"relevance", "date"} {
			all := search1(t, e, q, search.Options{Limit: 1000, Sort: sort})
			again := search1(t, e, q, search.Options{Limit: 1000, Sort: sort})
			if fmt.Sprint(all.Hits) != fmt.Sprint(again.Hits) {
				t.Errorf("%q: two runs differ", q)
			}
			var paged []string
			for off := 0; off < all.Total+3; off += 2 {
				p := search1(t, e, q, search.Options{Limit: 2, Offset: off, Sort: sort})
				if p.Total != all.Total {
					t.Errorf("%q offset %d: total %d, want %d", q, off, p.Total, all.Total)
				}
				for _, h := range p.Hits {
					paged = append(paged, h.ID)
				}
			}
			var want []string
			for _, h := range all.Hits {
				want = append(want, h.ID)
			}
			if fmt.Sprint(paged) != fmt.Sprint(want) {
				t.Errorf("%q sort %s: pages give %v, one page %v", q, sort, paged, want)
			}
			if sort == "relevance" {
				for i := 1; i < len(all.Hits); i++ {
					if all.Hits[i].Score > all.Hits[i-1].Score {
						t.Errorf("%q: hit %d scores more than hit %d", q, i, i-1)
					}
				}
			} else {
				for i := 1; i < len(all.Hits); i++ {
					a, b := all.Hits[i-1].Date, all.Hits[i].Date
					if b > a && a != "" || a == "" && b != "" {
						t.Errorf("%q by date: %q before %q", q, a, b)
					}
				}
			}
		}
	}
}

func FuzzQuery(f *testing.F) {
	e, _ := seedEngine(f)
	for _, q := range []string{"", "Gnassingbe", `"cheval de troie`, "-", "--x", "author:", `author:"`, "date:2020-01..", "date:..", "date:abcd",
		"« guillemets »", "a b c d e f g h i j k l m n o p q r s t u v w x y z", strings.Repeat("é", 300), "\xff\xfe", "e-commerce -e", "😀"} {
		f.Add(q, 0, false)
	}
	f.Fuzz(func(t *testing.T, q string, offset int, byDate bool) {
		opt := search.Options{Offset: offset % 100, Limit: 5}
		if byDate {
			opt.Sort = "date"
		}
		r, err := e.Search(q, opt)
		if err != nil {
			return
		}
		if len(r.Hits) > 5 || r.Total < len(r.Hits) {
			t.Fatalf("%q: %d hits, total %d", q, len(r.Hits), r.Total)
		}
		for _, h := range r.Hits {
			su := len(utf16.Encode([]rune(h.Snippet)))
			for _, rg := range h.SnippetHighlights {
				if rg.Start < 0 || rg.End > su || rg.Start > rg.End {
					t.Fatalf("%q: snippet range %v out of %d", q, rg, su)
				}
			}
		}
		e.Suggest(q, 5)
	})
}

func ExampleEngine_Search() {
	docs := []*corpus.Document{
		{ID: "a", Title: "Le télétravail en Chine", Lang: "fr", Text: "Le télétravail progresse en Chine depuis la pandémie."},
		{ID: "b", Title: "Le commerce électronique", Lang: "fr", Text: "Le commerce électronique chinois croît."},
	}
	e := search.New(index.Build(docs, corpus.Overview{}))
	r, _ := e.Search("teletravial", search.Options{})
	for _, h := range r.Hits {
		fmt.Println(h.ID, h.Title, "|", h.Snippet, h.SnippetHighlights)
	}
	// Output:
	// a Le télétravail en Chine | Le télétravail progresse en Chine depuis la pandémie. [{3 14}]
}
