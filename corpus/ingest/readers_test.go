package ingest

import (
	"os"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
)

// TestFormats reads the test document in each format (testdata/formats,
// made by LibreOffice from one French help page) and checks its metadata
// and structure.
func TestFormats(t *testing.T) {
	r := readers(t)
	for _, c := range []struct {
		ext   string
		date  string
		pages int
	}{
		{"pdf", "", 8}, // the PDF's date is the conversion's
		{"docx", "2020-10-12", 0},
		{"odt", "2020-10-12", 0},
		{"epub", "", 0}, // LibreOffice writes no dc:date
	} {
		t.Run(c.ext, func(t *testing.T) {
			data, err := os.ReadFile("testdata/formats/linguistique." + c.ext)
			if err != nil {
				t.Fatal(err)
			}
			d, err := r.Document("linguistique", "linguistique."+c.ext, data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != "Linguistique" || d.TitleDerived || d.Author != "Contributeurs de LibreOffice" || d.Lang != "fr" {
				t.Errorf("title %q (derived %v), author %q, lang %q", d.Title, d.TitleDerived, d.Author, d.Lang)
			}
			if c.date != "" && d.Date != c.date {
				t.Errorf("date %q, want %q", d.Date, c.date)
			}
			if len(d.Pages) != c.pages {
				t.Errorf("%d pages, want %d", len(d.Pages), c.pages)
			}
			kinds := map[corpus.BlockKind][]string{}
			for _, b := range d.Blocks {
				kinds[b.Kind] = append(kinds[b.Kind], d.Text[b.Start:b.End])
			}
			has := func(kind corpus.BlockKind, s string) bool {
				for _, x := range kinds[kind] {
					if strings.Contains(x, s) {
						return true
					}
				}
				return false
			}
			if !has(corpus.Heading, "Modules de langue disponibles") || !has(corpus.Heading, "Dictionnaires de l'utilisateur") {
				t.Errorf("headings %q", kinds[corpus.Heading])
			}
			for _, item := range []string{"Vérification orthographique", "Coupure des mots", "Dictionnaire des synonymes"} {
				if !strings.Contains(d.Text, item) {
					t.Errorf("list item %q missing", item)
				}
			}
			if !strings.Contains(d.Text, "Hunspell") || !strings.Contains(d.Text, "français, anglais") {
				t.Errorf("table missing")
			}
			if c.ext == "docx" || c.ext == "odt" {
				if !strings.Contains(d.Text, "• Coupure des mots") || !strings.Contains(d.Text, "Hunspell | français, anglais") {
					t.Errorf("list or table not flattened: %q", d.Text[:min(len(d.Text), 3000)])
				}
			}
			if c.ext == "pdf" {
				// The running header (the title) and the page numbers are
				// boilerplate, never body text; the title under the
				// header on page 1 is kept.
				for _, k := range []corpus.BlockKind{corpus.Paragraph, corpus.Heading, corpus.Title} {
					for _, x := range kinds[k] {
						if strings.Contains(x, "Page ") {
							t.Errorf("%s block %q is page furniture", k, x)
						}
					}
				}
				if !has(corpus.Heading, "Linguistique") {
					t.Errorf("title under the running header lost: headings %q", kinds[corpus.Heading])
				}
				furniture := strings.Join(kinds[corpus.Boilerplate], "\n")
				if strings.Count(furniture, "Linguistique") < 7 || !strings.Contains(furniture, "Page 7") {
					t.Errorf("boilerplate %q", kinds[corpus.Boilerplate])
				}
				// A word hyphenated at a line end, across a page break.
				if !strings.Contains(d.Text, "L'utilisateur peut seulement") {
					t.Errorf("hyphenation across pages not resolved")
				}
				// Each page starts where its text does.
				for i := 1; i < len(d.Pages); i++ {
					if d.Pages[i] < d.Pages[i-1] || d.Page(d.Pages[i]) != i+1 {
						t.Errorf("pages %v", d.Pages)
						break
					}
				}
			}
		})
	}
}
