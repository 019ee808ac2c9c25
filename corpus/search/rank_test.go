package search_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// smallEngine indexes documents given as id, title and body.
func smallEngine(t *testing.T, docs [][3]string) *search.Engine {
	t.Helper()
	return engineOf(t, smallDocs(docs))
}

// smallDocs returns French documents given as id, title and body.
func smallDocs(docs [][3]string) []*corpus.Document {
	var ds []*corpus.Document
	for _, d := range docs {
		text := d[1] + "\n\n" + d[2]
		ds = append(ds, &corpus.Document{
			ID: d[0], Path: d[0] + ".txt", Title: d[1], Lang: "fr", Text: text,
			Blocks: []corpus.Block{
				{Span: corpus.Span{Start: 0, End: len(d[1])}, Kind: corpus.Title},
				{Span: corpus.Span{Start: len(d[1]) + 2, End: len(text)}, Kind: corpus.Paragraph},
			},
		})
	}
	return ds
}

// sortedIDs returns the ids of r's hits, sorted.
func sortedIDs(r *search.Result) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

// engineOf indexes documents as explorer build does, encoded and decoded
// again as the module opens them.
func engineOf(t *testing.T, ds []*corpus.Document) *search.Engine {
	t.Helper()
	blob, err := index.Build(ds, summary.Annotate(ds)).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	return search.New(ix)
}

// wantFirst searches q and reports an error unless the first hit is
// want, listing the hits with their scores.
func wantFirst(t *testing.T, e *search.Engine, q, want string) {
	t.Helper()
	r, err := e.Search(q, search.Options{})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	if len(r.Hits) == 0 || r.Hits[0].ID != want {
		var ids []string
		for _, h := range r.Hits {
			ids = append(ids, h.ID+" "+strconv.FormatFloat(h.Score, 'f', 3, 64))
		}
		t.Errorf("%q: first hit want %s, got %v", q, want, ids)
	}
}

// filler returns n documents of other words, the first k mentioning word
// once.
func filler(n, k int, word string) [][3]string {
	var out [][3]string
	for i := range n {
		w := "calcul"
		if i < k {
			w = word
		}
		id := "filler" + strconv.Itoa(i)
		out = append(out, [3]string{id, "Note " + strconv.Itoa(i),
			"Une note sur le réseau, la mémoire et le " + w + " numéro " + strconv.Itoa(i) + " du système."})
	}
	return out
}

// TestDerivationStrict: a quoted or excluded word means that word and
// its inflections, never its derivations.
func TestDerivationStrict(t *testing.T) {
	e := smallEngine(t, append(filler(4, 0, ""),
		[3]string{"a", "Protection", "La protection des cellules."},
		[3]string{"b", "Cellules", "Protéger les cellules."},
	))
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"protéger", []string{"b", "a"}},
		{`"protéger"`, []string{"b"}},
		{"cellules -protéger", []string{"a"}},
	} {
		r, err := e.Search(c.q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range r.Hits {
			got = append(got, h.ID)
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: got %v, want %v", c.q, got, c.want)
		}
	}
}

// TestRankingProperties checks how variants of a query word weigh against
// each other, on small made-up corpora.
func TestRankingProperties(t *testing.T) {
	archive := strings.Repeat("L’archive contient les fichiers ; tar lit l’archive et écrit une archive. ", 4)
	for _, c := range []struct {
		name  string
		docs  [][3]string
		q     string
		first string
	}{
		{
			// The word's forms add up, at the rarity of the commonest:
			// a page on archives beats one using rare inflections once.
			name: "forms of a word add up",
			docs: append(filler(12, 12, "archive"),
				[3]string{"tar", "tar - utilitaire d’archivage", archive},
				[3]string{"mv", "mv - déplacer des fichiers", "mv déplace les fichiers ; les archives sont archivées, comme pour archiver."},
			),
			q:     "archiv",
			first: "tar",
		},
		{
			// The stem of a misspelt word ("permisions" stems to
			// "permis") counts less than its corrections.
			name: "corrections beat a misspelling's stem",
			docs: append(filler(12, 3, "permissions"),
				[3]string{"chmod", "chmod - modifier les bits d’un fichier", "chmod change les permissions du fichier. Les permissions sont en octal."},
				[3]string{"utime", "utime - modifier la date d’un fichier", "utime change la date du fichier, si elle est permise."},
			),
			q:     "permisions fichier",
			first: "chmod",
		},
		{
			// All else equal, the exact form beats another of its stem.
			name: "exact beats stem",
			docs: append(filler(6, 0, ""),
				[3]string{"a", "Première page", "Le texte parle des archives du service."},
				[3]string{"b", "Seconde page", "Le texte parle de l’archive du service."},
			),
			q:     "archive ",
			first: "b",
		},
		{
			// All else equal, a completion beats a typo.
			name: "prefix beats typo",
			docs: append(filler(6, 0, ""),
				[3]string{"a", "Première page", "Le texte parle du cerveau du service."},
				[3]string{"b", "Seconde page", "Le texte parle du cervelet du service."},
			),
			q:     "cervel",
			first: "b",
		},
		{
			// A dropped double letter finds the word with it before a
			// word as common one other edit away (which, all else equal,
			// would win by its smaller document number).
			name: "dropped double letter beats another edit",
			docs: append(filler(8, 1, "colore"),
				[3]string{"a", "Première page", "Une note sur le réseau, la mémoire et le colonne numéro 8 du système."},
			),
			q:     "colone",
			first: "a",
		},
		{
			// So does a doubled letter...
			name: "doubled letter beats another edit",
			docs: append(filler(8, 1, "brasse"),
				[3]string{"a", "Première page", "Une note sur le réseau, la mémoire et le base numéro 8 du système."},
			),
			q:     "basse",
			first: "a",
		},
		{
			// ... and two letters swapped.
			name: "swapped pair beats another edit",
			docs: append(filler(8, 1, "itgae"),
				[3]string{"a", "Première page", "Une note sur le réseau, la mémoire et le image numéro 8 du système."},
			),
			q:     "imgae",
			first: "a",
		},
		{
			// ... and a neighbouring key (AZERTY r and t) beats a letter
			// added.
			name: "neighbouring key beats another edit",
			docs: append(filler(8, 1, "copie"),
				[3]string{"a", "Première page", "Une note sur le réseau, la mémoire et le copier numéro 8 du système."},
			),
			q:     "copiet",
			first: "a",
		},
		{
			// A word finds the nouns of its family that the stemmer keeps
			// apart: "protéger" the page on the sheet's protection,
			// before one that only says "feuille" more often.
			name: "derivation joins verb and noun",
			docs: append(filler(8, 0, ""),
				[3]string{"a", "Protection de la feuille", "La protection de la feuille empêche les modifications."},
				[3]string{"b", "Feuille", "La feuille, une feuille, des feuilles : la feuille active."},
			),
			q:     "protéger la feuille",
			first: "a",
		},
		{
			// ... and a noun the verb: "impression" finds "imprimer".
			name: "derivation joins noun and verb",
			docs: append(filler(8, 0, ""),
				[3]string{"a", "Pages", "Pour imprimer les pages, choisissez Fichier - Imprimer."},
				[3]string{"b", "Pages et pages", "Les pages, des pages, toutes les pages du document."},
			),
			q:     "impression des pages",
			first: "a",
		},
		{
			// A page holding the query's two rarest words twice beats one
			// that mentions every word once in passing: coordination does
			// not drop a page for lacking a less rare word.
			name: "rare words beat a passing mention of all",
			docs: append(filler(12, 3, "ricochet"),
				[3]string{"a", "Coquillages", "La pirogue porte la palourde. Une pirogue, une palourde."},
				[3]string{"b", "Index", strings.Repeat("Une note sur le réseau et la mémoire du système. ", 4) + "pirogue, palourde, ricochet."},
			),
			q:     "pirogue palourde ricochet",
			first: "a",
		},
		{
			// Question words and quantifiers weigh almost nothing: the
			// page on the word asked about beats one that only shares
			// "comment" and "chaque".
			name: "question words and quantifiers weigh little",
			docs: append(filler(12, 4, "ricochet"),
				[3]string{"a", "Ricochet", "Le ricochet d'une pierre sur l'eau : un ricochet, deux ricochets."},
				[3]string{"b", "Note", "Comment ? Chaque pierre, chaque jour, comment faire, pour chaque ricochet."},
			),
			q:     "comment faire un ricochet sur chaque pierre",
			first: "a",
		},
		{
			// A title holding the query's words in its order, as in the
			// query, beats one holding them in another order (which,
			// all else equal, would win by its smaller document number).
			name: "title in the query's order",
			docs: append(filler(8, 0, ""),
				[3]string{"a", "Texte en couleur modifiée", "Le texte, la couleur et le fond."},
				[3]string{"b", "Modification de la couleur du texte", "Le texte, la couleur et le fond."},
			),
			q:     "changer la couleur du texte",
			first: "b",
		},
		{
			// A title made of the query's words only ("5.6. Colonnes")
			// beats one as long with another word.
			name: "title of the query's words only",
			docs: append(filler(8, 0, ""),
				[3]string{"a", "Colonnes et marges", "Le texte de la page en colonnes."},
				[3]string{"b", "5.6. Colonnes", "Le texte de la page en colonnes."},
			),
			q:     "mettre le texte en colonnes",
			first: "b",
		},
		{
			// Of two long pages that have every word, each in a
			// different place or the two rarest in one passage, the
			// second ranks first (the first would win by its smaller
			// document number).
			name: "a passage beats words spread out",
			docs: append(filler(12, 3, "ricochet"),
				[3]string{"a", "Index", "La pirogue porte. " + strings.Repeat("Une note sur le réseau et la mémoire du système. ", 12) +
					"La palourde. " + strings.Repeat("Une note sur le réseau et la mémoire du système. ", 12) + "Le ricochet."},
				[3]string{"b", "Coquillages", "La pirogue porte la palourde. " + strings.Repeat("Une note sur le réseau et la mémoire du système. ", 24) +
					"Le ricochet."},
			),
			q:     "pirogue palourde ricochet",
			first: "b",
		},
		{
			// A passage is about a sentence: a page that says the
			// query's words in one sentence beats one that says them
			// within two or three, though it has two of them twice
			// (with passages of 30 words and the square root of their
			// share, the second won by its counts).
			name: "one sentence beats two",
			docs: append(filler(12, 3, "ricochet"),
				[3]string{"a", "Plage", "La pirogue porte la palourde au ricochet. " + strings.Repeat("Une note sur le réseau et la mémoire du système. ", 3) +
					"La mer est calme."},
				[3]string{"b", "Rivage", "La pirogue porte. " + strings.Repeat("Une note sur le réseau et la mémoire du système. ", 2) +
					"La palourde. Une note sur la palourde. Le ricochet et le ricochet."},
			),
			q:     "pirogue palourde ricochet",
			first: "a",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantFirst(t, smallEngine(t, c.docs), c.q, c.first)
		})
	}
}

// A query is cut after search.MaxQueryLen characters, not bytes: the
// last word of a query of accented letters just under the limit counts.
func TestQueryLimitInCharacters(t *testing.T) {
	e := smallEngine(t, [][3]string{{"z", "Le zèbre", "Un zèbre à rayures."}, {"c", "Le cheval", "Un cheval."}})
	for _, tt := range []struct {
		pad  int // "à " (2 characters, 3 bytes) this many times before "zèbre"
		hits int
	}{
		{497, 1}, // 999 characters, 1,497 bytes
		{500, 0}, // "zèbre" is past the limit
	} {
		q := strings.Repeat("à ", tt.pad) + "zèbre"
		if r, _ := e.Search(q, search.Options{}); len(r.Hits) != tt.hits {
			t.Errorf("%d characters (%d bytes): %d hits, want %d", utf8.RuneCountInString(q), len(q), len(r.Hits), tt.hits)
		}
	}
}

// TestTyposInALargeVocabulary: in a vocabulary of 10,000 terms or more, a
// word two edits from a term matches it only when both edits are common
// typos; in a small one, any two edits do.
func TestTyposInALargeVocabulary(t *testing.T) {
	page := [3]string{"a", "Dessert", "Une recette de tartelette aux fraises."}
	small := smallEngine(t, append(filler(8, 0, ""), page))
	// Made-up words, enough for a large vocabulary, none starting with t.
	var docs [][3]string
	const letters = "abcdefghijklmnopqrsuvwxyz"
	for d := range 25 {
		var b strings.Builder
		for i := range 420 {
			n := d*420 + i
			b.WriteByte("bcdfglmnpr"[n%10])
			for n > 0 {
				b.WriteByte(letters[n%len(letters)])
				n /= len(letters)
			}
			b.WriteString("ox ")
		}
		docs = append(docs, [3]string{"w" + strconv.Itoa(d), "Liste " + strconv.Itoa(d), b.String()})
	}
	large := smallEngine(t, append(docs, page))
	for _, c := range []struct {
		e    *search.Engine
		name string
		q    string
		want int
	}{
		{small, "small", "tartiflette", 1}, // two other edits: admitted
		{large, "large", "tartiflette", 0}, // not in a large vocabulary
		{large, "large", "tartellete", 1},  // a letter doubled, a double dropped
		{large, "large", "tartelete", 1},   // one edit
	} {
		r, err := c.e.Search(c.q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != c.want {
			t.Errorf("%s vocabulary: %q: %d hits, want %d", c.name, c.q, r.Total, c.want)
		}
	}
}
