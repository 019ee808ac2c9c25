package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/corpus-explorer/explorer/corpus"
)

// The default corpus is the folder above this package: the five seeds,
// beside Go packages that must not be taken for documents.
func seeds(t *testing.T) map[string]*corpus.Document {
	t.Helper()
	docs, rep, err := Dir("..", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"000_51c7cdee7153bd3e", "001_118958dc49fbdea0", "002_a9405f81dff46907", "003_b2b9600c9bae120f", "004_dbc9545f7f49c75c"}
	if len(docs) != len(want) || rep.Documents != len(want) || rep.Skipped != 0 {
		var ids []string
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		t.Fatalf("Dir(..) = %d documents %v (report %d, %d skipped), want exactly the 5 seeds", len(docs), ids, rep.Documents, rep.Skipped)
	}
	m := map[string]*corpus.Document{}
	for i, d := range docs {
		if d.ID != want[i] {
			t.Errorf("document %d: id %q, want %q", i, d.ID, want[i])
		}
		checkDoc(t, d)
		m[d.ID[:3]] = d
	}
	return m
}

func TestSeedsMetadata(t *testing.T) {
	m := seeds(t)
	tests := []struct {
		doc, title string
		derived    bool
		date       string
		author     string
	}{
		// The title rule: the first sentence without its incise.
		{"000", "Le président Faure Gnassingbé s'est rendu vendredi à Hangzhou, la capitale du Zhejiang", true, "", ""},
		// A first sentence that leans on what is not there ("Il ne fait
		// pas partie des GAFA"): the heading that names the subject.
		{"001", "Un cheval de Troie nommé AliExpress", true, "", "Emmanuel Mayega"},
		// Cut before the reported-speech tag (", annonce le PDG…").
		{"002", "Alibaba assure que son cloud sera désormais la principale activité", true, "2020-10", ""},
		// Brackets dropped, cut before the adjunct ("dans le domaine de…").
		{"003", "Le géant technologique chinois Alibaba a dévoilé un plan ambitieux d’investissement de 50 milliards d’euros", true, "", ""},
		{"004", "Le rôle d’Alibaba dans l’épidémie du covid-19 en Chine", false, "", ""},
	}
	for _, tt := range tests {
		d := m[tt.doc]
		if d.Title != tt.title || d.TitleDerived != tt.derived {
			t.Errorf("%s: title %q derived=%v, want %q derived=%v", tt.doc, d.Title, d.TitleDerived, tt.title, tt.derived)
		}
		if d.Date != tt.date {
			t.Errorf("%s: date %q, want %q", tt.doc, d.Date, tt.date)
		}
		if d.Author != tt.author {
			t.Errorf("%s: author %q, want %q", tt.doc, d.Author, tt.author)
		}
		if d.Lang != "fr" {
			t.Errorf("%s: lang %q, want fr", tt.doc, d.Lang)
		}
		if len(d.Sentences) < 5 {
			t.Errorf("%s: %d sentences", tt.doc, len(d.Sentences))
		}
	}
}

func TestSeedsText(t *testing.T) {
	m := seeds(t)
	for _, id := range []string{"000", "001", "002", "004"} {
		d := m[id]
		raw, err := os.ReadFile(filepath.Join("..", d.Path))
		if err != nil {
			t.Fatal(err)
		}
		if want := norm.NFC.String(string(raw)); d.Text != want {
			t.Errorf("%s: text is not the NFC of the file (%d bytes, want %d)", id, len(d.Text), len(want))
		}
		if d.Repairs != 0 || d.InvalidBytes != 0 {
			t.Errorf("%s: %d repairs, %d invalid bytes, want none", id, d.Repairs, d.InvalidBytes)
		}
	}
	d := m["003"]
	if strings.Contains(d.Text, "Ă") {
		i := strings.Index(d.Text, "Ă")
		t.Errorf("003: mojibake left: %q", d.Text[max(0, i-20):min(len(d.Text), i+20)])
	}
	for _, w := range []string{"géant", "déjà un", "où", "à Hangzhou"} {
		if !strings.Contains(d.Text, w) {
			t.Errorf("003: %q missing from the repaired text", w)
		}
	}
	if d.Repairs == 0 {
		t.Errorf("003: no repairs counted")
	}
}

func TestSeedsStructure(t *testing.T) {
	m := seeds(t)

	// 001: the byline is Meta, the bio and all that follows is boilerplate,
	// and nothing of the article is.
	d := m["001"]
	bp := blocksOf(d, corpus.Boilerplate)
	if len(bp) != 1 {
		t.Fatalf("001: %d boilerplate blocks %q, want 1", len(bp), bp)
	}
	start := strings.Index(d.Text, "A propos de l'auteur")
	if got := d.Text[start:]; strings.TrimSpace(got) != bp[0] {
		t.Errorf("001: boilerplate %q, want from \"A propos de l'auteur\" to the end", bp[0])
	}
	if meta := blocksOf(d, corpus.Meta); len(meta) != 1 || meta[0] != "Emmanuel Mayega" {
		t.Errorf("001: meta blocks %q, want [Emmanuel Mayega]", meta)
	}
	for _, b := range d.Blocks {
		if b.Kind == corpus.Paragraph && b.End > start {
			t.Errorf("001: paragraph after the bio: %q", d.Text[b.Start:b.End])
		}
	}
	if h := blocksOf(d, corpus.Heading); len(h) != 1 || h[0] != "Un cheval de Troie nommé AliExpress" {
		t.Errorf("001: headings %q", h)
	}

	// 002: the date marker is Meta, the rest of its line is a paragraph.
	d = m["002"]
	if d.Blocks[0].Kind != corpus.Meta || d.Text[d.Blocks[0].Start:d.Blocks[0].End] != "date 2020-10" {
		t.Errorf("002: first block %v %q, want meta \"date 2020-10\"", d.Blocks[0].Kind, d.Text[d.Blocks[0].Start:d.Blocks[0].End])
	}
	if d.Blocks[1].Kind != corpus.Paragraph || !strings.HasPrefix(d.Text[d.Blocks[1].Start:], "Alibaba assure") {
		t.Errorf("002: second block should be the paragraph after the marker")
	}
	if h := blocksOf(d, corpus.Heading); len(h) != 2 {
		t.Errorf("002: headings %q, want 2", h)
	}

	// 003: six section headings between paragraphs.
	d = m["003"]
	wantH := []string{
		"Un investissement stratégique pour renforcer la position d’Alibaba",
		"L’IA : un secteur clé pour le futur d’Alibaba",
		"Le Cloud : Un moteur de croissance durable",
		"Contexte Politique et Rencontre avec Xi Jinping",
		"Un engagement en faveur de l’innovation et de la durabilité",
		"Une vision d’avenir ambitieuse pour Alibaba",
	}
	if h := blocksOf(d, corpus.Heading); strings.Join(h, "|") != strings.Join(wantH, "|") {
		t.Errorf("003: headings\n%q\nwant\n%q", h, wantH)
	}

	// 004: a quoted title line, numbered questions as headings.
	d = m["004"]
	if d.Blocks[0].Kind != corpus.Title || !strings.HasPrefix(d.Text, "“Le rôle") {
		t.Errorf("004: first block is %v, want the title line", d.Blocks[0].Kind)
	}
	h := blocksOf(d, corpus.Heading)
	if len(h) != 3 || !strings.HasPrefix(h[0], "1/ Qu’est-ce qui") || !strings.HasPrefix(h[2], "3/ – Quel sera") {
		t.Errorf("004: headings %q, want the three numbered questions", h)
	}
	for _, id := range []string{"000", "002", "003", "004"} {
		if bp := blocksOf(m[id], corpus.Boilerplate); len(bp) != 0 {
			t.Errorf("%s: boilerplate %q, want none", id, bp)
		}
	}
}
