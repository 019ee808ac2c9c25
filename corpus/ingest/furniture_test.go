package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/shared"
)

// The caption rule: a video caption, a credit, an agency code, a
// related-link line glued into a paragraph is cut out as boilerplate; the
// text around it stays paragraph, its sentences whole.
func TestFurniture(t *testing.T) {
	tests := []struct {
		name, text string
		boiler     []string // boilerplate blocks, in order
		heading    []string
		sentence   string // a sentence the paragraphs must have, exactly
	}{
		{
			name:     "caption glued on both sides",
			text:     "Le syndicat a réagi mardi. Retraites : comment parvenir à l'équilibre ?par franceinfoSelon le secrétaire général, la grève continue.",
			boiler:   []string{"Retraites : comment parvenir à l'équilibre ?par franceinfo"},
			sentence: "Selon le secrétaire général, la grève continue.",
		},
		{
			name:     "video caption",
			text:     "Il poursuit son récit. Des rats filmés dans le rayon d'un supermarché (vidéo)par Non Stop ZappingÀ l'origine, il ne voulait rien publier.",
			boiler:   []string{"Des rats filmés dans le rayon d'un supermarché (vidéo)par Non Stop Zapping"},
			sentence: "À l'origine, il ne voulait rien publier.",
		},
		{
			name:     "caption without punctuation, source in capitals",
			text:     "La cote remonte. Le président regagne un point selon un sondagepar BFMTVQuant au Premier ministre, il gagne aussi un point.",
			boiler:   []string{"Le président regagne un point selon un sondagepar BFMTV"},
			sentence: "Quant au Premier ministre, il gagne aussi un point.",
		},
		{
			name:     "agency code",
			text:     "Aux portes de la ville, le quartier compte 200.000 employés.rfo-grd-meh-cal/blb/or/swxi",
			boiler:   []string{"rfo-grd-meh-cal/blb/or/swxi"},
			sentence: "Aux portes de la ville, le quartier compte 200.000 employés.",
		},
		{
			name:     "credit and related link",
			text:     "Le maire a inauguré le pont. © AFP/Archives\n\nLire aussi : Le pont rouvre enfin\n\nLes travaux ont duré deux ans.",
			boiler:   []string{"© AFP/Archives\n\nLire aussi : Le pont rouvre enfin"}, // one block
			sentence: "Le maire a inauguré le pont.",
		},
		{
			name:     "heading glued",
			text:     "Les enquêteurs ont avancé. Un témoin persiste et signeLe témoin a répété ses accusations.",
			heading:  []string{"Un témoin persiste et signe"},
			sentence: "Le témoin a répété ses accusations.",
		},
		{
			name:     "dashed heading",
			text:     "Deux autres débats sont prévus avant le scrutin. - Auditions parlementaires -Sauf énorme surprise, la juge sera confirmée.",
			heading:  []string{"- Auditions parlementaires -"},
			sentence: "Sauf énorme surprise, la juge sera confirmée.",
		},
		{
			name:     "byline glued",
			text:     "Par Jean DupontLe président a annoncé mardi une réforme des retraites.",
			sentence: "Le président a annoncé mardi une réforme des retraites.",
		},
		{
			name:     "names in camel case are not glue",
			text:     "Le service WeChat Pay et l'iPhone de McDonald ont été cités. Le LeBron du basket est venu.",
			sentence: "Le service WeChat Pay et l'iPhone de McDonald ont été cités.",
		},
		{
			name:     "a quotation opening with par is no caption",
			text:     "Il lui a fait ce cadeau \"par amour et gratitude\" et pas pour cacher l'argent.La justice suisse se tait.",
			sentence: "Il lui a fait ce cadeau \"par amour et gratitude\" et pas pour cacher l'argent.",
		},
		{
			name:     "source in capitals glued to an uncommon word",
			text:     "Le cerf est sorti du bois samedi. Faut-il un référendum ? - 02/07par BFMTVSauf que la forêt a disparu depuis.",
			boiler:   []string{"Faut-il un référendum ? - 02/07par BFMTV"},
			sentence: "Sauf que la forêt a disparu depuis.",
		},
		{
			name:     "par inside a sentence is no caption",
			text:     "Le film réalisé par Gaspar Noé sort mercredi. Il a été salué par la critique.",
			sentence: "Le film réalisé par Gaspar Noé sort mercredi.",
		},
	}
	for _, tt := range tests {
		d, err := Bytes("x", "x.txt", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d)
		if got := blocksOf(d, corpus.Boilerplate); strings.Join(got, "\n") != strings.Join(tt.boiler, "\n") {
			t.Errorf("%s: boilerplate %q, want %q", tt.name, got, tt.boiler)
		}
		if got := blocksOf(d, corpus.Heading); strings.Join(got, "\n") != strings.Join(tt.heading, "\n") {
			t.Errorf("%s: headings %q, want %q", tt.name, got, tt.heading)
		}
		found := false
		for i := range d.Sentences {
			found = found || d.SentenceText(i) == tt.sentence
		}
		if !found {
			var ss []string
			for i := range d.Sentences {
				ss = append(ss, d.SentenceText(i))
			}
			t.Errorf("%s: no sentence %q in %q", tt.name, tt.sentence, ss)
		}
	}
}

// The caption rule on the real articles of the evaluation set (read from
// ../shared, never copied): every glued caption and the agency code the
// issue names are boilerplate, and no paragraph sentence holds one.
func TestFurnitureOrangeSum(t *testing.T) {
	dir, err := shared.Find()
	if err != nil {
		t.Skip(err)
	}
	f, err := os.Open(dir + "/eval/orangesum-abstract-test-500.jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	want := map[string]string{
		"orangesum-19309": "Réforme des retraites : comment parvenir à l'équilibre ?par franceinfo",
		"orangesum-30362": "Des rats de nouveau filmés dans le rayon boulangerie du Carrefour d'Evry (vidéo)par Non Stop Zapping",
		"orangesum-258":   "rfo-grd-meh-cal/blb/or/swxi",
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		d, err := Bytes(a.ID, a.ID+".txt", []byte(a.Text))
		if err != nil {
			t.Fatal(err)
		}
		n++
		if w, ok := want[a.ID]; ok {
			found := false
			for _, b := range blocksOf(d, corpus.Boilerplate) {
				found = found || b == w
			}
			if !found {
				t.Errorf("%s: %q not boilerplate: %q", a.ID, w, blocksOf(d, corpus.Boilerplate))
			}
			delete(want, a.ID)
		}
		for i := range d.Sentences {
			s := d.SentenceText(i)
			if strings.Contains(s, "?par franceinfo") || strings.Contains(s, "(vidéo)par") || strings.Contains(s, "/blb/") {
				t.Errorf("%s: furniture in sentence %q", a.ID, s)
			}
		}
	}
	if n < 500 || len(want) > 0 {
		t.Errorf("read %d articles; not found: %v", n, want)
	}
}

func TestFurnitureByline(t *testing.T) {
	d, err := Bytes("x", "x.txt", []byte("Par Jean DupontLe président a annoncé mardi une réforme des retraites. Elle sera votée en mai."))
	if err != nil {
		t.Fatal(err)
	}
	if d.Author != "Jean Dupont" || len(d.Blocks) == 0 || d.Blocks[0].Kind != corpus.Meta || d.Text[d.Blocks[0].Start:d.Blocks[0].End] != "Par Jean Dupont" {
		t.Errorf("author %q, blocks %+v", d.Author, d.Blocks)
	}
}

// The cheap tests that spare furnitureCuts its regular expressions never
// skip a paragraph that holds a match it keeps: checked on the 500
// OrangeSum articles and on made-up cases.
func TestFurniturePrefilters(t *testing.T) {
	paras := []string{
		"Un titre (Vidéo)par Non Stop ZappingÀ l'origine",
		"Une question ?par BFMTVQuant au reste",
		"(photo) par AFP",
		"Crédits photos : AFP",
		"© Reuters",
		"Fin de l'article. afp-grd/blb",
		"Fin. rfo-grd-meh-cal/blb/or/swxi \t\n",
		"Il a parlé mardi. - Auditions parlementaires -Sauf surprise",
	}
	if dir, err := shared.Find(); err == nil {
		if data, err := os.ReadFile(dir + "/eval/orangesum-abstract-test-500.jsonl"); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				var a struct{ Text string }
				if json.Unmarshal([]byte(line), &a) == nil {
					paras = append(paras, strings.Split(a.Text, "\n")...)
				}
			}
		}
	}
	for _, p := range paras {
		for _, m := range reCaptionSource.FindAllStringIndex(p, -1) {
			if a := m[0]; a > 0 && (p[a] == '(' || p[a-1] != ' ' && p[a-1] != '\n') && !mayCaption(p) {
				t.Errorf("mayCaption(%q) = false, but a caption may start at %d", p, a)
			}
		}
		if reCredit.MatchString(p) && !mayCredit(p) {
			t.Errorf("mayCredit(%q) = false, but it matches", p)
		}
		if reAgencyCode.MatchString(p) && !mayAgencyCode(p) {
			t.Errorf("mayAgencyCode(%q) = false, but it matches", p)
		}
		if reDashHeading.MatchString(p) && !strings.Contains(p, " -") {
			t.Errorf("%q matches a dashed heading without \" -\"", p)
		}
	}
	if len(paras) < 1000 {
		t.Logf("only %d paragraphs (../shared/eval not found)", len(paras))
	}
}
