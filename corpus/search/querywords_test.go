package search_test

import (
	"strconv"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/search"
)

// notes returns n documents, each holding word once among words of
// their own.
func notes(prefix string, n int, word string) [][3]string {
	var out [][3]string
	for i := range n {
		id := prefix + strconv.Itoa(i)
		out = append(out, [3]string{id, "Note " + strconv.Itoa(i), "Une note sur le réseau et le " + word + " du système."})
	}
	return out
}

// TestKnownWordTypos: a word the corpus has gets as typo variants only
// the terms ten times commoner than its own forms, which its rare
// spelling may be a slip of; a word the corpus lacks gets its typos.
func TestKnownWordTypos(t *testing.T) {
	docs := append(notes("sauf", 6, "sauf"), notes("saut", 30, "saut")...)
	docs = append(docs, notes("histo", 1, "histograme")...)
	docs = append(docs, notes("gram", 12, "histogramme")...)
	e := smallEngine(t, docs)
	for _, c := range []struct {
		q, variant string
		want       bool
	}{
		{"sauf", "saut", false},              // a word of 6 pages is no slip for one of 30
		{"histograme", "histogramme", true},  // one page against twelve: a slip
		{"sautt", "saut", true},              // a word the corpus lacks: a typo
		{"saut", "sauf", false},              // the commoner word, neither
		{"histogramme", "histograme", false}, // nor the rare spelling of a common word
	} {
		r, err := e.Search(c.q, search.Options{Explain: true, AsTyped: true})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, m := range r.Explain {
			if m.Variant == c.variant && m.Kind == "typo" {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: typo variant %q = %v, want %v (%+v)", c.q, c.variant, got, c.want, r.Explain)
		}
	}
}

// TestIntentWordsWeak: verbs that say what the asker knows or wants, and
// interrogatives, weigh almost nothing: the page on what is asked about
// beats the pages that share those words.
func TestIntentWordsWeak(t *testing.T) {
	for _, c := range []struct {
		name  string
		docs  [][3]string
		q     string
		first string
	}{
		{
			name: "savoir",
			docs: append(filler(12, 6, "fichier"),
				[3]string{"a", "file - Déterminer le type", "Le type du fichier : texte, image."},
				[3]string{"b", "Savoir lire un fichier", "Savoir lire un fichier."},
			),
			q:     "savoir de quel type est un fichier",
			first: "a",
		},
		{
			name: "connaitre",
			docs: append(filler(12, 0, ""),
				[3]string{"a", "uname - Informations sur le noyau", "La version du noyau."},
				[3]string{"b", "wcwidth - Connaître le nombre de colonnes", "Connaître la version : connaître les colonnes."},
			),
			q:     "connaitre la version du noyau",
			first: "a",
		},
		{
			name: "quelques",
			docs: append(filler(12, 0, ""),
				[3]string{"a", "sleep - Attendre", "Attendre un nombre de secondes."},
				[3]string{"b", "Quelques secondes", "Quelques secondes, quelques minutes."},
			),
			q:     "attendre quelques secondes",
			first: "a",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantFirst(t, smallEngine(t, c.docs), c.q, c.first)
		})
	}
}

// TestAskedFor: "combien" asks for a number, and the pages that answer
// say "nombre"; in quotes it means the word itself.
func TestAskedFor(t *testing.T) {
	docs := append(filler(12, 0, ""),
		[3]string{"a", "nproc - Afficher le nombre d'unités de traitement", "Le nombre de processeurs disponibles."},
		[3]string{"b", "chcpu - Configurer les processeurs", "Les processeurs : activer les processeurs."},
		[3]string{"c", "Questions", "Combien de fois ? Combien de temps ?"},
	)
	e := smallEngine(t, docs)
	for _, c := range []struct{ q, first string }{
		{"combien de processeurs", "a"},
		{"combien", "a"}, // alone, the noun is the query
		{`"combien"`, "c"},
	} {
		wantFirst(t, e, c.q, c.first)
	}
}

// TestDerivedInflections: a word finds the words of its family by
// derivation with their inflections, not the other words that the
// stemmer joins to them ("impress", which stems as "impression" does).
func TestDerivedInflections(t *testing.T) {
	docs := append(filler(8, 0, ""),
		[3]string{"a", "Impression", "L'impression des pages ; les impressions."},
		[3]string{"b", "Impress", "Impress, le module de présentation : Impress."},
		[3]string{"c", "Pages", "Pour imprimer, imprimez les pages ; la page est imprimée."},
	)
	e := smallEngine(t, docs)
	for _, c := range []struct {
		q, variant string
		want       bool
	}{
		{"imprimer", "impression", true},
		{"imprimer", "impressions", true},
		{"imprimer", "impress", false},
		{"impression", "imprimez", true},
	} {
		r, err := e.Search(c.q, search.Options{Explain: true, AsTyped: true})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, m := range r.Explain {
			if m.Variant == c.variant && m.Kind == "derived" {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: derived variant %q = %v, want %v (%+v)", c.q, c.variant, got, c.want, r.Explain)
		}
	}
}
