package ingest

import (
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
)

const htmlSample = `<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Le cloud d’Alibaba - Le Journal</title>
<meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2021-03-04T08:00:00Z">
<style>body { color: red }</style>
<script>var secret = "ne doit pas apparaître";</script>
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/tech">Tech</a></li></ul></nav>
<article>
<h1>Le cloud d’Alibaba</h1>
<p>Alibaba   investit <b>massivement</b> dans le <a href="/cloud">cloud</a>.
Le groupe vise l’Europe.</p>
<h2>Une croissance rapide</h2>
<p>Les recettes ont augmenté de 58,5 %.<br>Elles atteignent 1,5 milliard.</p>
<pre>code   gardé
  tel quel</pre>
<div class="share-buttons">Partager sur Twitter</div>
</article>
<aside><p>Publicité</p></aside>
<footer><p>© 2021 Le Journal. Tous droits réservés.</p></footer>
<noscript>Activez JavaScript</noscript>
</body></html>`

func TestHTML(t *testing.T) {
	d, err := Bytes("page", "page.html", []byte(htmlSample))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if d.Title != "Le cloud d’Alibaba" || d.TitleDerived {
		t.Errorf("title %q derived=%v", d.Title, d.TitleDerived)
	}
	if d.Author != "Jeanne Martin" || d.Date != "2021-03-04" {
		t.Errorf("author %q date %q", d.Author, d.Date)
	}
	for _, bad := range []string{"secret", "color: red", "Activez JavaScript"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q, which is not text", bad)
		}
	}
	want := []struct {
		kind corpus.BlockKind
		text string
	}{
		{corpus.Boilerplate, "Accueil\n\nTech"},
		{corpus.Title, "Le cloud d’Alibaba"},
		{corpus.Paragraph, "Alibaba investit massivement dans le cloud. Le groupe vise l’Europe."},
		{corpus.Heading, "Une croissance rapide"},
		{corpus.Paragraph, "Les recettes ont augmenté de 58,5 %.\nElles atteignent 1,5 milliard."},
		{corpus.Paragraph, "code   gardé\n  tel quel"},
		{corpus.Boilerplate, "Partager sur Twitter\n\nPublicité\n\n© 2021 Le Journal. Tous droits réservés."},
	}
	if len(d.Blocks) != len(want) {
		for _, b := range d.Blocks {
			t.Logf("%v %q", b.Kind, d.Text[b.Start:b.End])
		}
		t.Fatalf("%d blocks, want %d", len(d.Blocks), len(want))
	}
	for i, w := range want {
		b := d.Blocks[i]
		if b.Kind != w.kind || d.Text[b.Start:b.End] != w.text {
			t.Errorf("block %d: %v %q, want %v %q", i, b.Kind, d.Text[b.Start:b.End], w.kind, w.text)
		}
	}
}

func TestHTMLTitleFromHead(t *testing.T) {
	d, err := Bytes("p", "p.htm", []byte(`<title>Seul titre</title><p>Un paragraphe.</p><h1>Autre chose</h1><p>Suite.</p>`))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if d.Title != "Seul titre" || d.Blocks[0].Kind != corpus.Title || d.Text[:10] != "Seul titre" {
		t.Errorf("title %q, first block %v %q", d.Title, d.Blocks[0].Kind, d.Text[d.Blocks[0].Start:d.Blocks[0].End])
	}
	if h := blocksOf(d, corpus.Heading); len(h) != 1 || h[0] != "Autre chose" {
		t.Errorf("headings %q", h)
	}
}

const mdSample = `---
title: "Notes sur le cloud"
date: 2020-10-21
author: Paul Durand
---

# Le cloud

Un paragraphe avec un [lien](https://example.org) et du ` + "`code`" + `,
sur deux lignes. Un \*astérisque\* &amp; une esperluette.

## Détails

- premier point
- second point

` + "```go\nfunc main() {\n\tprintln(\"hi\")\n}\n```" + `

> Une citation.

<div>Du <b>HTML</b> brut.</div>
`

func TestMarkdown(t *testing.T) {
	d, err := Bytes("notes", "notes.md", []byte(mdSample))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if d.Title != "Notes sur le cloud" || d.TitleDerived || d.Date != "2020-10-21" || d.Author != "Paul Durand" {
		t.Errorf("title %q derived=%v date %q author %q", d.Title, d.TitleDerived, d.Date, d.Author)
	}
	want := []struct {
		kind corpus.BlockKind
		text string
	}{
		{corpus.Title, "Le cloud"},
		{corpus.Paragraph, "Un paragraphe avec un lien et du code, sur deux lignes. Un *astérisque* & une esperluette."},
		{corpus.Heading, "Détails"},
		{corpus.Paragraph, "premier point"},
		{corpus.Paragraph, "second point"},
		{corpus.Paragraph, "func main() {\n\tprintln(\"hi\")\n}"},
		{corpus.Paragraph, "Une citation."},
		{corpus.Paragraph, "Du HTML brut."},
	}
	if len(d.Blocks) != len(want) {
		for _, b := range d.Blocks {
			t.Logf("%v %q", b.Kind, d.Text[b.Start:b.End])
		}
		t.Fatalf("%d blocks, want %d", len(d.Blocks), len(want))
	}
	for i, w := range want {
		b := d.Blocks[i]
		if b.Kind != w.kind || d.Text[b.Start:b.End] != w.text {
			t.Errorf("block %d: %v %q, want %v %q", i, b.Kind, d.Text[b.Start:b.End], w.kind, w.text)
		}
	}
}

func TestMarkdownNoTitle(t *testing.T) {
	d, err := Bytes("x", "x.markdown", []byte("Du texte d’abord. Puis une suite.\n\n# Un titre plus loin\n\nEncore.\n"))
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if !d.TitleDerived || d.Title != "Du texte d’abord" {
		t.Errorf("title %q derived=%v", d.Title, d.TitleDerived)
	}
	if h := blocksOf(d, corpus.Heading); len(h) != 1 {
		t.Errorf("headings %q", h)
	}
}

// A front matter is the page's metadata: read, and never in the text that
// the reader and the snippets show.
func TestMarkdownFrontMatter(t *testing.T) {
	for _, c := range []struct {
		name, src                    string
		title, date, author, section string
		tags                         []string
	}{
		{"inline list", "---\ntitle: \"Release checklist\"\nauthor: Jane Doe\ndate: 2024-03-15\ntags: [release, process]\n---\n\nBefore tagging, run the tests.\n",
			"Release checklist", "2024-03-15", "Jane Doe", "", []string{"release", "process"}},
		{"lists below their keys", "---\ntitle: Notes\nauthors:\n  - Ann Lee\n  - Bo Kim\ncategories:\n  - Guides\n  - How-to\nsection: docs\n---\nBody text about giraffes.\n",
			"Notes", "", "Ann Lee, Bo Kim", "docs", []string{"Guides", "How-to"}},
		{"comma-separated keywords, CRLF", "---\r\ntitle: 'Tarifs'\r\nkeywords: prix, tarif, Prix\r\ncategory: Ventes\r\n---\r\nLes tarifs changent.\r\n",
			"Tarifs", "", "", "Ventes", []string{"prix", "tarif"}},
		{"author in brackets", "---\ntitle: X\nauthor: [Paul Durand]\n---\nDu texte.\n",
			"X", "", "Paul Durand", "", nil},
	} {
		d, err := Bytes("a", "a.md", []byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkDoc(t, d)
		if d.Title != c.title || d.Date != c.date || d.Author != c.author || d.Section != c.section || strings.Join(d.Tags, "|") != strings.Join(c.tags, "|") {
			t.Errorf("%s: title %q date %q author %q section %q tags %q", c.name, d.Title, d.Date, d.Author, d.Section, d.Tags)
		}
		if strings.Contains(d.Text, "---") || strings.Contains(d.Text, "title:") {
			t.Errorf("%s: the front matter is in the text: %q", c.name, d.Text)
		}
	}
}

// Badges and logos above a README's heading are no text: boilerplate, and
// the heading after them is the title.
func TestMarkdownBadges(t *testing.T) {
	for _, c := range []struct{ name, src, title, boiler string }{
		{"one badge", "[![Build status](https://x/badge.svg)](https://x/actions)\n\nGit - fast, scalable, distributed revision control system\n=====\n\nGit is a fast version control system.\n",
			"Git - fast, scalable, distributed revision control system", "Build status"},
		{"a row of badges", "[![CI](a.svg)](b) [![Coverage](c.svg)](d)\n![Logo](logo.png)\n\n# Widget\n\nWidget draws widgets.\n",
			"Widget", "CI Coverage\nLogo"},
		{"an image in a sentence is text", "See ![the diagram](d.png) below.\n\n# Later heading\n\nMore text here.\n",
			"", ""},
	} {
		d, err := Bytes("r", "README.md", []byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkDoc(t, d)
		if c.title != "" && (d.Title != c.title || d.TitleDerived) {
			t.Errorf("%s: title %q (derived %v), want %q", c.name, d.Title, d.TitleDerived, c.title)
		}
		if c.title == "" && d.Title == "Later heading" {
			t.Errorf("%s: a heading after text became the title", c.name)
		}
		if got := strings.Join(blocksOf(d, corpus.Boilerplate), "|"); got != strings.ReplaceAll(c.boiler, "\n", " ") && got != c.boiler {
			t.Errorf("%s: boilerplate %q, want %q", c.name, got, c.boiler)
		}
	}
}

func TestNbspSpacing(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"this document\n\u00a0\u00a0\u00a0\u00a0under\u00a0the\u00a0terms\u00a0of the licence", "this document\n\u00a0\u00a0\u00a0\u00a0under\u00a0the\u00a0terms\u00a0of the licence"}, // a space: kept
		{"this document\n\u00a0\u00a0\u00a0\u00a0under\u00a0the\u00a0terms", "this document\n    under the terms"},
		{"Il coûte 50\u00a0€ et dit «\u00a0oui\u00a0»\u00a0!", "Il coûte 50\u00a0€ et dit «\u00a0oui\u00a0»\u00a0!"},
	} {
		if got := nbspSpacing(c.in); got != c.want {
			t.Errorf("nbspSpacing(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	d, err := Bytes("gfdl", "gfdl.html", []byte("<title>GFDL</title><pre>Permission is granted to copy this document\n&nbsp;&nbsp;&nbsp;&nbsp;under&nbsp;the&nbsp;terms&nbsp;of&nbsp;the&nbsp;GNU&nbsp;Free&nbsp;Documentation&nbsp;License.</pre>"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "under\u00a0the") {
		t.Errorf("text %q keeps its no-break spaces", d.Text)
	}
}
