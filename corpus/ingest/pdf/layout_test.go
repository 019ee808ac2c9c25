package pdf

import (
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
)

func TestJoin(t *testing.T) {
	words := map[string]bool{"orthographe": true, "jean-luc": true}
	for _, c := range []struct {
		a, b string
		soft bool
		want string
	}{
		{"la vérification", "des mots", false, "la vérification des mots"},
		{"la vérification ortho-", "graphe des mots", false, "la vérification orthographe des mots"}, // known whole
		{"le chemin de l'utilisa-", "teur courant", true, "le chemin de l'utilisateur courant"},      // soft
		{"écrit par Jean-", "Luc Godard", false, "écrit par Jean-Luc Godard"},                        // capital: kept
		{"merci à jean-", "luc pour", true, "merci à jean-luc pour"},                                 // the hyphenated form is known
		{"un mot bien-", "aimé du public", false, "un mot bien-aimé du public"},                      // unknown: kept
		{"RESPON-", "SABILITÉ LIMITÉE", true, "RESPONSABILITÉ LIMITÉE"},
		{"un tiret --", "suivi", false, "un tiret -- suivi"},
	} {
		var b strings.Builder
		b.WriteString(c.a)
		join(&b, line{text: c.a, soft: c.soft}, line{text: c.b}, words)
		if b.String() != c.want {
			t.Errorf("join(%q, %q) = %q, want %q", c.a, c.b, b.String(), c.want)
		}
	}
}

func TestPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"12": true, "Page 12": true, "- 12 -": true, "12/40": true, "page 3 sur 10": true, "(4)": true, "p. 7": true,
		"12 mars 2020": false, "Chapitre 3": false, "2. Utilisation": false,
	} {
		if got := reNumber.MatchString(s); got != want {
			t.Errorf("page number %q: %v, want %v", s, got, want)
		}
	}
}

// lines makes a page of lines 14 points apart, 11-point text from x=72 to
// x=500 (a line ending in "/" stops short, at x=300).
func linesPage(texts ...string) page {
	var p page
	y := 780.0
	for _, s := range texts {
		right := 500.0
		if strings.HasSuffix(s, "/") {
			s, right = strings.TrimSuffix(s, "/"), 300
		}
		left := 72.0
		if strings.HasPrefix(s, ">") {
			s, left = s[1:], 90
		}
		p.lines = append(p.lines, line{text: s, left: left, right: right, top: y, bottom: y - 9, size: 11, firstWord: 30})
		y -= 14
	}
	return p
}

func TestLayout(t *testing.T) {
	pages := []page{
		linesPage("Rapport annuel", "Le premier paragraphe commence ici et", "continue sur cette ligne./", ">Un second paragraphe, en retrait,", "se poursuit jusqu'au bas de la", "1"),
		linesPage("Rapport annuel", "page suivante, où il finit./", "2"),
		linesPage("Rapport annuel", "Dernière page du rapport./", "3"),
	}
	blocks := layout(pages)
	var got []string
	for _, b := range blocks {
		got = append(got, b.Kind.String()+"@"+string(rune('0'+b.Page))+": "+b.Text)
	}
	want := []string{
		"boilerplate@1: Rapport annuel",
		"paragraph@1: Le premier paragraphe commence ici et continue sur cette ligne.",
		"paragraph@1: Un second paragraphe, en retrait, se poursuit jusqu'au bas de la page suivante, où il finit.",
		"boilerplate@1: 1",
		"boilerplate@2: Rapport annuel",
		"boilerplate@2: 2",
		"boilerplate@3: Rapport annuel",
		"paragraph@3: Dernière page du rapport.",
		"boilerplate@3: 3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, b := range blocks {
		if strings.HasPrefix(b.Text, "Un second") {
			if len(b.PageStarts) != 1 || !strings.HasPrefix(b.Text[b.PageStarts[0]:], "page suivante") {
				t.Errorf("page starts %v in %q", b.PageStarts, b.Text)
			}
		}
		if b.Kind == corpus.Heading {
			t.Errorf("heading %q", b.Text)
		}
	}
}

// TestLayoutColumns: on a page of two columns, each column's lines are
// measured against the column's right edge, and a paragraph goes on from
// the foot of one column to the top of the next.
func TestLayoutColumns(t *testing.T) {
	var p page
	add := func(x, y float64, s string, short bool) {
		right := x + 240
		if short {
			right = x + 120
		}
		p.lines = append(p.lines, line{text: s, left: x, right: right, top: y, bottom: y - 9, size: 11, firstWord: 30})
	}
	add(72, 780, "Le premier paragraphe de la colonne", false)
	add(72, 766, "de gauche se termine ici.", true)
	add(72, 752, "Le second paragraphe commence en", false)
	add(72, 738, "bas de la colonne de gauche et conti-", false)
	add(330, 780, "nue en haut de la colonne de droite.", true)
	add(330, 766, "Un troisième paragraphe, assez long pour", false)
	add(330, 752, "finir ici.", true)
	blocks := layout([]page{p})
	var got []string
	for _, b := range blocks {
		got = append(got, b.Text)
	}
	want := []string{
		"Le premier paragraphe de la colonne de gauche se termine ici.",
		"Le second paragraphe commence en bas de la colonne de gauche et conti-nue en haut de la colonne de droite.",
		"Un troisième paragraphe, assez long pour finir ici.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
