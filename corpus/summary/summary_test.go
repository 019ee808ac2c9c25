package summary

import (
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/token"
)

var article = []block{
	{corpus.Title, []string{"Le géant chinois Alibaba investit dans le cloud"}},
	{corpus.Meta, []string{"Publié le 21 octobre 2020"}},
	{corpus.Paragraph, []string{
		"Le groupe chinois Alibaba a annoncé mercredi un investissement de 25 milliards d’euros dans le cloud computing.",
		"Le cloud est devenu la principale activité de croissance du groupe, selon son directeur général Daniel Zhang.",
		"Photo : AFP",
		"Les recettes du cloud d’Alibaba ont augmenté de 58 % entre juin et septembre.",
	}},
	{corpus.Heading, []string{"Une concurrence mondiale"}},
	{corpus.Paragraph, []string{
		"Le groupe chinois Alibaba a annoncé mercredi un investissement de 25 milliards d’euros dans le cloud computing.",
		"Alibaba reste derrière Amazon, Microsoft et Google sur le marché mondial du cloud.",
		"window.pvp = new Pvp({autoplay: false}); var x = y;",
		"Le groupe veut recruter cinq mille experts du cloud à l’international d’ici 2021.",
	}},
	{corpus.Boilerplate, []string{
		"Abonnez-vous à notre newsletter gratuite pour recevoir chaque jour toute l’actualité du cloud et d’Alibaba.",
		"Suivez-nous sur Twitter, Facebook et LinkedIn pour ne rien manquer de l’actualité du cloud chinois.",
	}},
}

func TestDocument(t *testing.T) {
	d := build("a", "Le géant chinois Alibaba investit dans le cloud", article, true)
	tests := []struct {
		name     string
		opt      Options
		maxSents int
		maxWords int // 0: no budget
	}{
		{"default", Options{}, 3, 0},
		{"one", Options{Sentences: 1}, 1, 0},
		{"two", Options{Sentences: 2}, 2, 0},
		{"all", Options{Sentences: 100}, 100, 0},
		{"budget 40", Options{Words: 40}, 100, 40},
		{"budget 1", Options{Words: 1}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Document(d, tt.opt)
			if s.ID != "a" || s.Query != "" {
				t.Errorf("summary id %q query %q", s.ID, s.Query)
			}
			if len(s.Sentences) == 0 || len(s.Sentences) > tt.maxSents {
				t.Fatalf("%d sentences, want 1 to %d", len(s.Sentences), tt.maxSents)
			}
			words := 0
			seen := map[string]bool{}
			for k, x := range s.Sentences {
				checkSentence(t, d, x)
				if k > 0 && x.Index <= s.Sentences[k-1].Index {
					t.Errorf("sentences not in document order: %d after %d", x.Index, s.Sentences[k-1].Index)
				}
				if kind, _ := blockKindAt(d, d.Sentences[x.Index]); kind != corpus.Paragraph {
					t.Errorf("chose a sentence of a %s block: %q", kind, x.Text)
				}
				for _, bad := range []string{"Photo", "window.pvp", "Abonnez", "Suivez"} {
					if strings.Contains(x.Text, bad) {
						t.Errorf("chose a fragment, code or boilerplate: %q", x.Text)
					}
				}
				if seen[x.Text] {
					t.Errorf("chose the same sentence twice: %q", x.Text)
				}
				seen[x.Text] = true
				words += corpus.CountWords(x.Text)
			}
			if tt.maxWords > 0 && words > tt.maxWords {
				t.Errorf("%d words, budget %d", words, tt.maxWords)
			}
		})
	}
	// The lead sentence of a news article comes first. Here the title and
	// date line are sentences 0 and 1, the lead is 2.
	if s := Document(d, Options{Sentences: 1}); s.Sentences[0].Index != 2 {
		t.Errorf("one-sentence summary is sentence %d, want the lead (2): %q", s.Sentences[0].Index, s.Sentences[0].Text)
	}
}

func TestDocumentEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		d    *corpus.Document
		want int // sentences
	}{
		{"nil", nil, 0},
		{"empty", &corpus.Document{ID: "e"}, 0},
		{"only fragments", build("f", "", []block{{corpus.Paragraph, []string{"Oui.", "Non merci.", "Photo : AFP"}}}, false), 0},
		{"only boilerplate", build("b", "", []block{{corpus.Boilerplate, []string{"Abonnez-vous à notre newsletter gratuite pour tout savoir de l’actualité."}}}, true), 0},
		{"bad spans", &corpus.Document{ID: "x", Text: "abc", Sentences: []corpus.Span{{Start: 2, End: 10}, {Start: 3, End: 1}}}, 0},
		{"one sentence", build("o", "", []block{{corpus.Paragraph, []string{"Le président a annoncé une réforme des retraites mercredi soir."}}}, false), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Document(tt.d, Options{})
			if len(s.Sentences) != tt.want {
				t.Errorf("%d sentences, want %d: %+v", len(s.Sentences), tt.want, s.Sentences)
			}
		})
	}
}

func TestRedundancy(t *testing.T) {
	d := build("r", "", []block{{corpus.Paragraph, []string{
		"La mairie de Lyon a voté mardi la gratuité des transports en commun pour les moins de vingt ans.",
		"La mairie de Lyon a voté mardi soir la gratuité des transports en commun pour les moins de vingt ans.",
		"Les commerçants du centre-ville craignent une baisse de fréquentation pendant les travaux du tramway.",
		"Le coût de la mesure est estimé à douze millions d’euros par an pour la métropole.",
	}}}, false)
	s := Document(d, Options{Sentences: 2})
	if len(s.Sentences) != 2 {
		t.Fatalf("%d sentences, want 2", len(s.Sentences))
	}
	if s.Sentences[0].Index == 0 && s.Sentences[1].Index == 1 {
		t.Errorf("chose two sentences saying the same thing: %q, %q", s.Sentences[0].Text, s.Sentences[1].Text)
	}
}

// TestLead: without an author's title, the sentences like the lead weigh
// more (here the third; the second and fourth share no word with the
// lead); the lead itself gains nothing, nor does anything in a document
// with a title.
func TestLead(t *testing.T) {
	sents := []string{
		"Le ministre a reporté le lancement de son mouvement politique prévu samedi à Marseille.",
		"Les commerçants du centre-ville craignent une baisse de fréquentation pendant les travaux du tramway.",
		"Le lancement du mouvement politique du ministre aura lieu plus tard, loin de Marseille.",
		"Le coût de la mesure est estimé à douze millions d’euros par an pour la métropole.",
	}
	for _, title := range []string{"", "Un report à Marseille"} {
		d := build("l", title, []block{{corpus.Paragraph, sents}}, false)
		with, without := UntitledParams(), UntitledParams()
		without.Lead = 0
		sw := analyse(d, &with).scores(&with)
		so := analyse(d, &without).scores(&without)
		for i := range sents {
			gain := sw[i] - so[i]
			switch {
			case title == "" && i == 2:
				if gain <= 0.1 {
					t.Errorf("untitled: sentence like the lead gains %.3f", gain)
				}
			case gain > 1e-9 || gain < -1e-9:
				t.Errorf("title %q: sentence %d gains %.3f, want 0", title, i, gain)
			}
		}
	}
}

func TestSeedSummaries(t *testing.T) {
	docs := seeds(t)
	for id, d := range docs {
		for _, opt := range []Options{{}, {Sentences: 1}, {Words: 60}} {
			s := Document(d, opt)
			if len(s.Sentences) == 0 {
				t.Errorf("%s: empty summary", id)
			}
			for _, x := range s.Sentences {
				checkSentence(t, d, x)
				if kind, ok := blockKindAt(d, d.Sentences[x.Index]); ok && kind != corpus.Paragraph {
					t.Errorf("%s: chose a sentence of a %s block: %q", id, kind, x.Text)
				}
				if strings.ContainsAny(x.Text, "Ă\uFFFD") || strings.Contains(x.Text, "Ã©") {
					t.Errorf("%s: mojibake in summary: %q", id, x.Text)
				}
				if n := corpus.CountWords(x.Text); n < DefaultParams().MinWords {
					t.Errorf("%s: fragment of %d words in summary: %q", id, n, x.Text)
				}
				for _, bad := range []string{"Newsletter", "Twitter LinkedIn", "A propos de l'auteur", "Site web"} {
					if strings.Contains(x.Text, bad) {
						t.Errorf("%s: boilerplate in summary: %q", id, x.Text)
					}
				}
			}
		}
	}
}

func TestAppendJSON(t *testing.T) {
	s := &Summary{ID: "doc", Sentences: []Sentence{{ID: "doc", Index: 2, Start: 3, End: 9, Text: "« Oui »", Score: 0.5}}}
	var w jsonw.Writer
	s.AppendJSON(&w)
	want := `{"id":"doc","sentences":[{"id":"doc","index":2,"start":3,"end":9,"text":"« Oui »","score":0.5}]}`
	if got := w.Text(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	w.Reset()
	(&Summary{Query: "cloud"}).AppendJSON(&w)
	if got, want := w.Text(), `{"query":"cloud","sentences":[]}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestMaxAnalysed checks that a document larger than maxAnalysed is read
// only up to it: no word, keyword or summary sentence from further on.
func TestMaxAnalysed(t *testing.T) {
	early := "Le géant chinois Alibaba annonce un plan d'investissement dans le cloud."
	late := "Les licornes violettes dansent sous la pluie d'Ouagadougou chaque mardi."
	var sents []string
	n := 0
	for n < maxAnalysed {
		sents = append(sents, early)
		n += len(early) + 1
	}
	for i := 0; i < 2000; i++ {
		sents = append(sents, late)
	}
	d := build("big", "", []block{{corpus.Paragraph, sents}}, false)
	us := docWords(d, token.For("fr"))
	for _, u := range us {
		if u.span.Start >= maxAnalysed {
			t.Fatalf("a unit starts at %d, past maxAnalysed %d", u.span.Start, maxAnalysed)
		}
	}
	if len(us) == 0 || len(us) >= len(d.Sentences) {
		t.Fatalf("%d units of %d sentences", len(us), len(d.Sentences))
	}
	for _, x := range Document(d, Options{Sentences: 3}).Sentences {
		if x.Text == late {
			t.Errorf("summary sentence %d from past maxAnalysed", x.Index)
		}
	}
	kws, _ := keywords(d.Text, us, docKeywords)
	for _, k := range kws {
		if strings.Contains(strings.ToLower(k.Text), "licorne") || strings.Contains(k.Text, "Ouagadougou") {
			t.Errorf("keyword %q from past maxAnalysed", k.Text)
		}
	}
}
