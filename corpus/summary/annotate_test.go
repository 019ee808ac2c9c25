package summary

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/token"
)

func annotatedSeeds(t *testing.T) (map[string]*corpus.Document, corpus.Overview) {
	t.Helper()
	m := seeds(t)
	docs := make([]*corpus.Document, 0, len(m))
	for _, d := range m {
		docs = append(docs, d)
	}
	return m, Annotate(docs)
}

func entityNamed(es []corpus.Entity, name string) *corpus.Entity {
	for i := range es {
		if es[i].Name == name {
			return &es[i]
		}
	}
	return nil
}

func keywordTexts(ks []corpus.Keyword) []string {
	var out []string
	for _, k := range ks {
		out = append(out, k.Text)
	}
	return out
}

func TestSeedKeywords(t *testing.T) {
	docs, _ := annotatedSeeds(t)
	for id, d := range docs {
		if len(d.Keywords) == 0 || len(d.Keywords) > docKeywords {
			t.Errorf("%s: %d keywords, want 1 to %d", id, len(d.Keywords), docKeywords)
		}
		an := token.For(d.Lang)
		seen := map[string]bool{}
		for k, kw := range d.Keywords {
			if k > 0 && kw.Score > d.Keywords[k-1].Score {
				t.Errorf("%s: keywords not in decreasing score: %v", id, d.Keywords)
			}
			// Written as in the text (a sentence-initial capital may be lowered).
			if !strings.Contains(d.Text, kw.Text) && !strings.Contains(d.Text, upperFirst(kw.Text)) {
				t.Errorf("%s: keyword %q is not written so in the text", id, kw.Text)
			}
			words := strings.Fields(kw.Text)
			if len(words) > maxKeywordWords+1 {
				t.Errorf("%s: keyword %q too long", id, kw.Text)
			}
			toks := an.Tokens(kw.Text)
			stopEdge := func(t token.Token) bool {
				r, _ := utf8.DecodeRuneInString(kw.Text[t.Start:])
				// "Ma" in "Jack Ma" is a name; "derrière" in "derrière
				// Amazon" is a function word all the same.
				return (t.Stop || lex().edgeStop[t.Term]) && !unicode.IsUpper(r)
			}
			if stopEdge(toks[0]) || stopEdge(toks[len(toks)-1]) {
				t.Errorf("%s: keyword %q starts or ends with a function word", id, kw.Text)
			}
			key := foldKey(kw.Text)
			if seen[key] {
				t.Errorf("%s: keyword %q twice", id, kw.Text)
			}
			seen[key] = true
		}
	}
	want := map[string][]string{
		"000_51c7cdee7153bd3e": {"Alibaba", "Jack Ma"},
		"002_a9405f81dff46907": {"cloud"},
		"003_b2b9600c9bae120f": {"intelligence artificielle", "Alibaba"},
	}
	// Phrases once found, cut at a function word the stopword lists lack;
	// a family name beside the full name ("Pasquier", "Martin Pasquier").
	notWant := map[string][]string{
		"002_a9405f81dff46907": {"derrière Amazon"},
		"004_dbc9545f7f49c75c": {"Pasquier", "M. Pasquier"},
	}
	// Generic words the text mentions in passing never lead.
	for _, k := range docs["001_118958dc49fbdea0"].Keywords[:5] {
		if k.Text == "Net" || k.Text == "Web" {
			t.Errorf("001: generic word %q among the first keywords %q", k.Text, keywordTexts(docs["001_118958dc49fbdea0"].Keywords))
		}
	}
	for id, ws := range notWant {
		for _, g := range keywordTexts(docs[id].Keywords) {
			if slices.Contains(ws, g) {
				t.Errorf("%s: keyword %q", id, g)
			}
		}
	}
	for id, ws := range want {
		got := keywordTexts(docs[id].Keywords)
		for _, w := range ws {
			found := false
			for _, g := range got {
				if strings.Contains(g, w) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no keyword with %q among %q", id, w, got)
			}
		}
	}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func TestSeedEntities(t *testing.T) {
	docs, ov := annotatedSeeds(t)
	tests := []struct {
		id, name, kind string
		variant        string // a variant that must be merged in, "" if none
	}{
		{"000_51c7cdee7153bd3e", "Alibaba", corpus.Organization, ""},
		{"000_51c7cdee7153bd3e", "Jack Ma", corpus.Person, "M. Ma"},
		{"000_51c7cdee7153bd3e", "Faure Gnassingbé", corpus.Person, ""},
		{"000_51c7cdee7153bd3e", "Hangzhou", corpus.Place, ""},
		{"002_a9405f81dff46907", "Daniel Zhang", corpus.Person, ""},
		{"002_a9405f81dff46907", "Alibaba Cloud", corpus.Organization, ""},
		{"003_b2b9600c9bae120f", "Alibaba", corpus.Organization, ""},
		{"003_b2b9600c9bae120f", "Xi Jinping", corpus.Person, ""},
		{"004_dbc9545f7f49c75c", "Martin Pasquier", corpus.Person, "M. Pasquier"},
		{"004_dbc9545f7f49c75c", "Chine", corpus.Place, ""},
		// Organisations typed from the text: the names they are listed
		// with, the head of their noun phrase.
		{"000_51c7cdee7153bd3e", "BNP Paribas", corpus.Organization, ""},
		{"000_51c7cdee7153bd3e", "Goldman Sachs", corpus.Organization, ""},
		{"000_51c7cdee7153bd3e", "Tmall", corpus.Organization, ""},
		{"000_51c7cdee7153bd3e", "Tencent", corpus.Organization, ""},
		{"000_51c7cdee7153bd3e", "Alipay", corpus.Organization, ""},
		// Spellings of one name: "cheval de Troyes", "cheval de Troie".
		{"001_118958dc49fbdea0", "Troie", corpus.Place, "Troyes"},
		{"001_118958dc49fbdea0", "AliExpress", corpus.Organization, "AliExpresss"},
	}
	for _, tt := range tests {
		d := docs[tt.id]
		e := entityNamed(d.Entities, tt.name)
		if e == nil {
			t.Errorf("%s: no entity %q among %v", tt.id, tt.name, d.Entities)
			continue
		}
		if e.Kind != tt.kind {
			t.Errorf("%s: %q is a %s, want %s", tt.id, tt.name, e.Kind, tt.kind)
		}
		if tt.variant != "" && !containsString(e.Variants, tt.variant) {
			t.Errorf("%s: %q has variants %q, want %q among them", tt.id, tt.name, e.Variants, tt.variant)
		}
	}
	for id, d := range docs {
		for _, e := range d.Entities {
			if e.Count < 1 || e.Name == "" || !strings.Contains(d.Text, e.Name) {
				t.Errorf("%s: bad entity %+v", id, e)
			}
			for _, bad := range []string{"Le", "La", "Cette", "Il", "Newsletter", "IA", "PDG"} {
				if e.Name == bad {
					t.Errorf("%s: %q taken for an entity", id, bad)
				}
			}
			// An inhabitants' name is no entity ("offert aux Troyens").
			if e.Name == "Troyens" || e.Name == "Troyes" {
				t.Errorf("%s: %q listed as an entity", id, e.Name)
			}
			// Jack Ma's surname alone must be merged, not listed.
			if e.Name == "Ma" {
				t.Errorf("%s: %q not merged into Jack Ma", id, e.Name)
			}
		}
	}
	if e := entityNamed(ov.Entities, "Alibaba"); e == nil || e.Kind != corpus.Organization {
		t.Errorf("overview entities lack Alibaba as an organisation: %v", ov.Entities)
	}
}

func TestSeedRelated(t *testing.T) {
	docs, _ := annotatedSeeds(t)
	for id, d := range docs {
		if len(d.Related) == 0 {
			t.Errorf("%s: no related documents (all five seeds are about Alibaba)", id)
		}
		if len(d.Related) > maxRelated {
			t.Errorf("%s: %d related documents", id, len(d.Related))
		}
		for k, r := range d.Related {
			if r.ID == id || docs[r.ID] == nil {
				t.Errorf("%s: related to %q", id, r.ID)
			}
			if k > 0 && r.Score > d.Related[k-1].Score {
				t.Errorf("%s: related not by decreasing score", id)
			}
			if r.Score <= 0 || r.Score > 1.0001 {
				t.Errorf("%s: related score %v", id, r.Score)
			}
			if len(r.Shared) == 0 {
				t.Errorf("%s: related to %s with no shared keyword", id, r.ID)
			}
		}
	}
}

func TestSeedOverview(t *testing.T) {
	docs, ov := annotatedSeeds(t)
	if ov.Documents != 5 || ov.Words < 2000 || ov.Bytes < 10000 {
		t.Errorf("counts: %d documents, %d words, %d bytes", ov.Documents, ov.Words, ov.Bytes)
	}
	if ov.Languages["fr"] != 5 {
		t.Errorf("languages %v, want fr: 5", ov.Languages)
	}
	if len(ov.Summary) == 0 || len(ov.Summary) > overviewLen {
		t.Fatalf("%d overview sentences", len(ov.Summary))
	}
	ids := map[string]bool{}
	for _, s := range ov.Summary {
		d := docs[s.ID]
		if d == nil || s.Index < 0 || s.Index >= len(d.Sentences) || d.SentenceText(s.Index) != s.Text {
			t.Errorf("bad overview sentence %+v", s)
			continue
		}
		if ids[s.ID] {
			t.Errorf("two overview sentences from %s", s.ID)
		}
		ids[s.ID] = true
	}
	if len(ov.Keywords) == 0 || len(ov.Keywords) > corpusKeywords || !strings.EqualFold(ov.Keywords[0].Text, "Alibaba") {
		t.Errorf("overview keywords %v: want Alibaba first", keywordTexts(ov.Keywords))
	}
	if len(ov.Entities) == 0 || len(ov.Entities) > corpusEntities {
		t.Errorf("%d overview entities", len(ov.Entities))
	}
}

func TestAnnotateDates(t *testing.T) {
	docs := []*corpus.Document{
		{ID: "a", Date: "2020-10", Lang: "fr", Text: "Un texte."},
		{ID: "b", Date: "", Lang: "en", Text: "A text."},
		{ID: "c", Date: "2019-03-02", Lang: "fr", Text: "Encore un texte."},
	}
	ov := Annotate(docs)
	if ov.DateFrom != "2019-03-02" || ov.DateTo != "2020-10" {
		t.Errorf("date range %q to %q", ov.DateFrom, ov.DateTo)
	}
	if ov.Languages["fr"] != 2 || ov.Languages["en"] != 1 || ov.Documents != 3 {
		t.Errorf("overview %+v", ov)
	}
	if ov := Annotate(nil); ov.Documents != 0 {
		t.Errorf("Annotate(nil) = %+v", ov)
	}
}

// Structural words: the section headers every document of a corpus
// repeats, a running header, identifiers, are never corpus keywords.
func TestStructuralKeywords(t *testing.T) {
	var docs []*corpus.Document
	topics := []string{"fichiers", "processus", "signaux", "sockets", "threads", "tubes", "horloges", "mémoire", "terminaux", "répertoires", "permissions", "sémaphores"}
	for i, topic := range topics {
		text := "LIB(3)  Library Functions Manual  LIB(3)\n\nNOM\n\n       lib" + topic + " - gérer les " + topic + "\n\nSOURCE\n\n       Définir _GNU_SOURCE avant toute inclusion pour les " + topic + ".\n\nDESCRIPTION\n\n       Cette fonction gère les " + topic + " du système et renvoie une valeur. Les " + topic + " sont partagés entre les " + topic + " du noyau.\n\nVOIR AUSSI\n\n       intro(3)\n\nLinux 2024-05-02  LIB(3)\n"
		d, err := ingest.Bytes(fmt.Sprintf("m%02d", i), fmt.Sprintf("m%02d.3.txt", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	ov := Annotate(docs)
	for _, k := range ov.Keywords {
		for _, bad := range []string{"NOM", "SOURCE", "DESCRIPTION", "VOIR AUSSI", "Library", "Functions", "Manual", "GNU"} {
			if strings.EqualFold(k.Text, bad) || strings.Contains(k.Text, bad) {
				t.Errorf("structural word %q among the corpus keywords %v", k.Text, ov.Keywords)
			}
		}
	}
	if len(ov.Keywords) == 0 {
		t.Error("no corpus keywords")
	}
}

// TestEntityCues pins the cues that type names in news text, on sentences
// written in the style of the OrangeSum articles (whose text stays out of
// the project).
func TestEntityCues(t *testing.T) {
	text := `Le chauffard a été arrêté mardi dans un hôtel de Lanester (Morbihan), a indiqué la procureure de la République de Lorient. ` +
		`Selon Le Monde, plusieurs témoins ont été entendus. ` +
		`Également entendu, Brice Hortefeux a quitté les locaux mardi soir. ` +
		`Sa passagère s'est rendue chez des habitants de Caudan, près de Lorient. ` +
		`Les enquêteurs soupçonnent un financement venu de la Libye de Mouammar Kadhafi. ` +
		`Un homme armé est entré dans un lycée de Santa Fe au Texas. ` +
		`Il avait commandé un repas sur la plateforme de livraison Ele.me, rachetée par Alibaba. ` +
		`La randonnée traverse le Massif Central. ` +
		`Le ministre de l'Economie Bruno Le Maire a reçu les élus du Parti socialiste.`
	d, err := ingest.Bytes("cues", "cues.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	Annotate([]*corpus.Document{d})
	tests := []struct{ name, kind string }{
		{"Lanester", corpus.Place},
		{"Morbihan", corpus.Place},
		{"Lorient", corpus.Place},
		{"Caudan", corpus.Place},
		{"Le Monde", ""},
		{"Brice Hortefeux", corpus.Person},
		{"Mouammar Kadhafi", corpus.Person},
		{"Libye", corpus.Place},
		{"Santa Fe", corpus.Place},
		{"Ele.me", corpus.Organization},
		{"Bruno Le Maire", corpus.Person},
		{"Parti socialiste", corpus.Organization},
	}
	for _, tt := range tests {
		e := entityNamed(d.Entities, tt.name)
		if e == nil {
			t.Errorf("no entity %q among %v", tt.name, d.Entities)
			continue
		}
		if tt.kind != "" && e.Kind != tt.kind {
			t.Errorf("%q is a %s, want %s", tt.name, e.Kind, tt.kind)
		}
	}
	for _, e := range d.Entities {
		switch {
		case strings.HasPrefix(e.Name, "Selon"), strings.Contains(e.Name, "République de"), strings.Contains(e.Name, "Libye de"), e.Name == "Ele":
			t.Errorf("%q: a name cut in the wrong place", e.Name)
		case e.Name == "Massif Central" && e.Kind == corpus.Person, e.Name == "Le Monde" && e.Kind == corpus.Person:
			t.Errorf("%q typed as a person", e.Name)
		}
	}
}

// A licence's disclaimer in capitals names nobody; acronyms in a sentence
// still do.
func TestEntitiesShouting(t *testing.T) {
	text := "Copyright 2020 The Widget Authors. Permission is granted by Acme Corporation to use this software.\n\n" +
		"THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.\n\n" +
		"This program is distributed WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n" +
		"IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE.\n\n" +
		"The NASA and the UNESCO signed with Acme Corporation in Paris.\n"
	d, err := ingest.Bytes("mit", "LICENSE.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	Annotate([]*corpus.Document{d})
	for _, name := range []string{"MERCHANTABILITY", "LIABILITY", "CONTRACT", "NONINFRINGEMENT", "FITNESS", "WARRANTY"} {
		if e := entityNamed(d.Entities, name); e != nil {
			t.Errorf("%q is an entity", name)
		}
	}
	for _, name := range []string{"Acme Corporation", "NASA", "UNESCO", "Paris"} {
		if entityNamed(d.Entities, name) == nil {
			t.Errorf("no entity %q among %v", name, d.Entities)
		}
	}
}
