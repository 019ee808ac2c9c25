package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
)

func TestHTMLSite(t *testing.T) {
	for _, c := range []struct {
		name, src       string
		body, boiler    []string // text in Paragraph blocks, text in Boilerplate blocks
		section, author string
		date            string
		tags            []string
	}{
		{
			name: "main",
			src: `<!doctype html><html lang="fr" data-section="Culture"><head><title>Le festival s’ouvre</title>
<meta name="author" content="Jeanne Martin"><meta property="article:published_time" content="2021-07-06T10:00:00Z">
<meta name="keywords" content="cinéma, Cannes ,festival"></head>
<body><div class="top">Mon site — Accueil — Contact</div>
<div class="menu"><a href="/">Politique</a> <a href="/">Sport</a></div>
<main><h1>Le festival s’ouvre</h1><p>Le festival de Cannes s’ouvre ce mardi sous le soleil.</p><p>Les films sont attendus.</p></main>
<div class="bas">Tous droits réservés, mentions légales et plan du site.</div></body></html>`,
			body:    []string{"Le festival de Cannes s’ouvre", "Les films sont attendus."},
			boiler:  []string{"Mon site — Accueil — Contact", "Politique Sport", "Tous droits réservés"},
			section: "Culture", author: "Jeanne Martin", date: "2021-07-06",
			tags: []string{"cinéma", "Cannes", "festival"},
		},
		{
			name: "article",
			src: `<html><head><title>Pluie</title><meta property="article:section" content="Météo"><meta property="article:tag" content="pluie"><meta property="article:tag" content="orage"></head>
<body><header>Journal du matin</header><article data-tags="Bretagne"><h2>Il pleut</h2><p>Il pleut depuis trois jours sur la Bretagne.</p></article>
<section><p>Articles les plus lus cette semaine sur le site.</p></section></body></html>`,
			body:    []string{"Il pleut depuis trois jours"},
			boiler:  []string{"Journal du matin", "Articles les plus lus"},
			section: "Météo",
			tags:    []string{"pluie", "orage", "Bretagne"},
		},
		{
			name:   "no main",
			src:    `<html><body><nav>Menu principal</nav><p>Un paragraphe sans élément principal, lu comme avant.</p><p>Un second paragraphe du texte.</p></body></html>`,
			body:   []string{"Un paragraphe sans élément principal", "Un second paragraphe"},
			boiler: []string{"Menu principal"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Bytes("p", "p.html", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			in := func(kind corpus.BlockKind, s string) bool {
				for _, b := range d.Blocks {
					if b.Kind == kind && strings.Contains(d.Text[b.Start:b.End], s) {
						return true
					}
				}
				return false
			}
			for _, s := range c.body {
				if !in(corpus.Paragraph, s) {
					t.Errorf("%q not in a paragraph", s)
				}
			}
			for _, s := range c.boiler {
				if !in(corpus.Boilerplate, s) {
					t.Errorf("%q not boilerplate", s)
				}
			}
			if d.Section != c.section || d.Author != c.author || d.Date != c.date || !slices.Equal(d.Tags, c.tags) {
				t.Errorf("section %q author %q date %q tags %q, want %q %q %q %q", d.Section, d.Author, d.Date, d.Tags, c.section, c.author, c.date, c.tags)
			}
		})
	}
}
