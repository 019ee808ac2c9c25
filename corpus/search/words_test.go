package search_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"

	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// realWordDocs are documents with words that real French words lie a
// typo away from: "montage" (montagne), "configuré" (confiture), "poule"
// (poulet), "lapon" (lapin), and "confit", a shortening of "confiture"
// that is another word.
var realWordDocs = [][3]string{
	{"mount", "Le montage des disques", "Le montage d'un système de fichiers se fait avec mount."},
	{"config", "Un service configuré", "Le service est configuré par son fichier."},
	{"ferme", "La poule et le coq", "Une poule pond des œufs à la ferme, près du confit."},
	{"langues", "Les langues du nord", "Le lapon est parlé en Laponie."},
	{"autre", "Une autre page", "Rien de tout cela, des réseaux et des calculs."},
	{"champ", "Un champ de saisie", "Le champ du formulaire accepte une date."},
	{"taskset", "Fixer l'affinité", "La commande taskset fixe l'affinité d'un processus."},
}

// realWordList is a word list: real words the documents lack, near their
// words (a typo away, or of which a word of theirs is a shortening,
// "champ" of "champagne", or holds the letters in order, "taskset" those
// of "tasse", and, of the titles' words only, which keep their elisions,
// "l'affinité" those of "laffinit"), a word they have, a form of a word
// they have, a word with nothing near, and a compound.
var realWordList = []string{"montagne", "confiture", "poulet", "lapin", "champagne", "tasse", "laffinit", "montage", "poules", "chanson", "arc-en-ciel"}

// realWordIndex indexes realWordDocs, with the words of list that a search
// would take for typos given to it (none when list is nil), encoded as
// Marshal writes it with opt.
func realWordIndex(t *testing.T, list []string, opt index.MarshalOptions) (*index.Index, []index.PackFile) {
	t.Helper()
	ds := smallDocs(realWordDocs)
	ix := index.Build(ds, summary.Annotate(ds))
	if list != nil {
		ix.SetAbsentWords(search.New(ix).AbsentWords(list))
	}
	blob, files, err := ix.Marshal(opt)
	if err != nil {
		t.Fatal(err)
	}
	got, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	return got, files
}

// TestAbsentWords: of a word list, only the real words the index lacks,
// with no form of their stem in it, that lie a typo away from its terms
// are kept, folded.
func TestAbsentWords(t *testing.T) {
	ix, _ := realWordIndex(t, nil, index.MarshalOptions{})
	got := search.New(ix).AbsentWords(realWordList)
	want := []string{"champagne", "confiture", "laffinit", "lapin", "montagne", "poulet", "tasse"}
	if !slices.Equal(got, want) {
		t.Errorf("AbsentWords = %q, want %q", got, want)
	}
}

// TestRealWordsNotCorrected: a real word the corpus lacks, a typo away
// from one of its words, finds nothing and gets no did-you-mean, alone,
// in quotes, or beside a word that matches; a typo that is no word is
// still corrected; without the word list, the real words were taken for
// typos (what the test guards against).
func TestRealWordsNotCorrected(t *testing.T) {
	without, _ := realWordIndex(t, nil, index.MarshalOptions{})
	with, _ := realWordIndex(t, realWordList, index.MarshalOptions{})
	tests := []struct {
		q          string
		hits       []string // the hits' ids, in any order
		suggestion string
		corrected  string
		absent     []string // Result.Absent
	}{
		{q: "montagne", absent: []string{"montagne"}},
		{q: "confiture", absent: []string{"confiture"}},
		{q: "poulet", absent: []string{"poulet"}},
		{q: "lapin", absent: []string{"lapin"}},
		{q: "Montagne ", absent: []string{"Montagne"}},
		{q: `"montagne"`},
		{q: "montagne confiture", absent: []string{"montagne", "confiture"}},
		{q: "montagne montage", hits: []string{"mount"}, absent: []string{"montagne"}},
		{q: "chanson"},
		{q: "montgae", hits: []string{"mount"}, suggestion: "montage", corrected: "montage"},
		{q: "configurr", hits: []string{"config"}, suggestion: "configuré", corrected: "configuré"},
		{q: "montage", hits: []string{"mount"}},
		{q: "poules", hits: []string{"ferme"}},
		{q: "champagne", absent: []string{"champagne"}},
		{q: "tasse", absent: []string{"tasse"}},
		{q: "laffinit", absent: []string{"laffinit"}},
		{q: "tasse champ", hits: []string{"champ"}, absent: []string{"tasse"}},
		{q: "champs", hits: []string{"champ"}},
		{q: "tasket", hits: []string{"taskset"}, suggestion: "taskset", corrected: "taskset"},
	}
	for _, tt := range tests {
		r, err := search.New(with).Search(tt.q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ids := sortedIDs(r)
		slices.Sort(tt.hits)
		if !slices.Equal(ids, tt.hits) || r.Suggestion != tt.suggestion || r.Corrected != tt.corrected {
			t.Errorf("%q: hits %q, suggestion %q, corrected %q; want %q, %q, %q", tt.q, ids, r.Suggestion, r.Corrected, tt.hits, tt.suggestion, tt.corrected)
		}
		if !slices.Equal(r.Absent, tt.absent) {
			t.Errorf("%q: Absent %q, want %q", tt.q, r.Absent, tt.absent)
		}
		if r.NeedsLexicon() {
			t.Errorf("%q: NeedsLexicon with the lexicon at hand", tt.q)
		}
	}
	for _, q := range []string{"montagne", "confiture", "poulet", "lapin", "champagne", "tasse", "laffinit"} {
		if r, _ := search.New(without).Search(q, search.Options{}); r.Total == 0 {
			t.Errorf("%q without the word list: no hit; the test tests nothing", q)
		}
	}
}

// TestRealWordsSplit: a split index, before its lexicon (which holds the
// list of real words), says that a word it took for a typo may be a real
// word (NeedsLexicon); once the lexicon is added, the same engine answers
// as the embedded index does.
func TestRealWordsSplit(t *testing.T) {
	ix, files := realWordIndex(t, realWordList, index.MarshalOptions{Split: true})
	for i := 0; i < ix.NumChunks(); i++ {
		if err := ix.AddChunk(i, string(files[ix.NumPacks()+i].Data)); err != nil {
			t.Fatal(err)
		}
	}
	e := search.New(ix)
	for _, q := range []string{"montagne", "poulet "} {
		if r, _ := e.Search(q, search.Options{AsTyped: true}); !r.NeedsLexicon() {
			t.Errorf("%q before the lexicon: NeedsLexicon false", q)
		}
	}
	if r, _ := e.Search("montage", search.Options{}); r.NeedsLexicon() {
		t.Error(`"montage", a word of the corpus: NeedsLexicon`)
	}
	if err := ix.AddLexicon(string(files[ix.LexiconPack()].Data)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"montagne", "poulet "} {
		if r, _ := e.Search(q, search.Options{}); r.Total != 0 || r.Suggestion != "" || r.NeedsLexicon() {
			t.Errorf("%q once the lexicon is added: %d hits, suggestion %q, NeedsLexicon %v", q, r.Total, r.Suggestion, r.NeedsLexicon())
		}
	}
}

// TestReadWordList: a word list is read one word a line, blank lines
// left out; a list that is not UTF-8 or not there is an error.
func TestReadWordList(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	os.WriteFile(good, []byte("à\nabaca\n\n  montagne \r\n"), 0o644)
	bad := filepath.Join(dir, "bad")
	os.WriteFile(bad, []byte("montagne\n\xff\n"), 0o644)
	if ws, err := search.ReadWordList(good); err != nil || !slices.Equal(ws, []string{"à", "abaca", "montagne"}) {
		t.Errorf("ReadWordList = %q, %v", ws, err)
	}
	for _, p := range []string{bad, filepath.Join(dir, "missing")} {
		if _, err := search.ReadWordList(p); err == nil {
			t.Errorf("ReadWordList(%s): no error", p)
		}
	}
}

// TestPropertyRealWordNotCorrected: a made-up word one letter away from a
// word of the corpus, given as a real word of the language, finds nothing
// and gets no did-you-mean, alone or beside a word that matches; the same
// word with two letters swapped, a typo, is still corrected to it.
func TestPropertyRealWordNotCorrected(t *testing.T) {
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 16))
		var docs [][3]string
		for i, w := range pool {
			docs = append(docs, [3]string{"d" + strconv.Itoa(i), "Fiche " + strconv.Itoa(i), sentence(rng, 10) + " " + w + " " + sentence(rng, 10)})
		}
		k := rng.IntN(len(pool))
		w := token.Fold(pool[k])
		p := 1 + rng.IntN(len(w)-3) // inside the word: not its first letter, nor its ending
		sub := "bcdfghjklmnpqrstvxz"[rng.IntN(19)]
		if sub == w[p] {
			sub = 'w'
		}
		real := w[:p] + string(sub) + w[p+1:]
		typo := w[:p] + w[p+1:p+2] + w[p:p+1] + w[p+2:]
		if typo == w {
			continue // a double letter: no swap
		}
		ix := index.Build(smallDocs(docs), corpus.Overview{})
		ix.SetAbsentWords(search.New(ix).AbsentWords([]string{real}))
		if ix.NumAbsentWords() != 1 {
			t.Fatalf("seed %d: %q, one letter from %q, is not kept as a real word", seed, real, w)
		}
		e := search.New(ix)
		other := pool[(k+1)%len(pool)]
		alone, _ := e.Search(other, search.Options{})
		for _, q := range []string{real, real + " ", `"` + real + `"`, other + " " + real} {
			r, err := e.Search(q, search.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := []string(nil)
			if q == other+" "+real {
				want = sortedIDs(alone)
			}
			if got := sortedIDs(r); !slices.Equal(got, want) || r.Suggestion != "" || r.Corrected != "" {
				t.Errorf("seed %d: %q (a real word one letter from %q): hits %v, suggestion %q, corrected %q; want %v and none", seed, q, w, got, r.Suggestion, r.Corrected, want)
			}
		}
		r, _ := e.Search(typo, search.Options{})
		if rankOf(r, "d"+strconv.Itoa(k)) < 0 {
			t.Errorf("seed %d: the typo %q does not find %q (suggestion %q)", seed, typo, w, r.Suggestion)
		}
	}
}

// TestWordLists: the word lists of the languages that hold a fifth of the
// corpus's words or more, French's and English's; none for a language
// without a list, nor for a few pages of another language.
func TestWordLists(t *testing.T) {
	const fr, en = "Montage des disques avec mount.", "Mounting the disks with mount." // as many words
	docs := func(langs ...string) *index.Index {
		var spec [][3]string
		for i, l := range langs {
			text := fr
			if l == "en" {
				text = en
			}
			spec = append(spec, [3]string{"d" + strconv.Itoa(i), "Page " + strconv.Itoa(i), text})
		}
		ds := smallDocs(spec)
		for i, l := range langs {
			ds[i].Lang = l
		}
		return index.Build(ds, summary.Annotate(ds))
	}
	lists := func(ix *index.Index) []string {
		var out []string
		for _, l := range search.WordLists(ix) {
			out = append(out, l.Lang+" "+l.Path+" "+l.Package)
		}
		return out
	}
	frList, enList := "fr /usr/share/dict/french wfrench", "en /usr/share/dict/american-english wamerican"
	many := func(n int, l string) []string { return slices.Repeat([]string{l}, n) }
	for _, c := range []struct {
		name  string
		langs []string
		want  []string
	}{
		{"French", many(5, "fr"), []string{frList}},
		{"English", many(5, "en"), []string{enList}},
		{"both", []string{"fr", "en", "en", "fr"}, []string{enList, frList}},
		{"one English page in 30", append(many(29, "fr"), "en"), []string{frList}},
		{"one French page in 30", append(many(29, "en"), "fr"), []string{enList}},
		{"a fifth", append(many(4, "fr"), "en"), []string{enList, frList}},
		{"a tenth", append(many(9, "fr"), "en"), []string{frList}},
		{"no list", many(3, "de"), nil},
	} {
		if got := lists(docs(c.langs...)); !slices.Equal(got, c.want) {
			t.Errorf("%s: WordLists = %q, want %q", c.name, got, c.want)
		}
	}
}
