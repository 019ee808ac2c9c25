package ingest

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/shared"
)

const (
	para1 = "Le groupe Alibaba a dévoilé un plan ambitieux d’investissement de cinquante milliards d’euros dans le domaine de l’intelligence artificielle et du cloud. Cette annonce intervient après une rencontre avec le président chinois, un moment symbolique."
	para2 = "Le second paragraphe est lui aussi coupé par un outil de mise en page, à soixante-douze colonnes, comme le font les outils de courrier."
)

// wrapText wraps s greedily at width columns.
func wrapText(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		l := len([]rune(w))
		if i > 0 && n+1+l > width {
			b.WriteByte('\n')
			n = 0
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}

func TestReflow(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unwrapped lines stay", "Une ligne.\nUne autre ligne.\n", "Une ligne.\nUne autre ligne.\n"},
		{"verse stays",
			"Mignonne, allons voir si la rose\nQui ce matin avait déclose\nSa robe de pourpre au soleil,\n",
			"Mignonne, allons voir si la rose\nQui ce matin avait déclose\nSa robe de pourpre au soleil,\n"},
		{"wrapped paragraphs",
			wrapText(para1, 72) + "\n\n" + wrapText(para2, 72) + "\n",
			para1 + "\n\n" + para2 + "\n"},
		{"list items and code kept",
			"Les options suivantes sont reconnues par le programme lorsqu’il démarre\n" +
				"sans argument :\n" +
				"- la première option, qui est longue et qui remplit presque la ligne\n" +
				"- la seconde\n" +
				"\n" +
				"    code();\n" +
				"    autre();\n",
			"Les options suivantes sont reconnues par le programme lorsqu’il démarre sans argument :\n" +
				"- la première option, qui est longue et qui remplit presque la ligne\n" +
				"- la seconde\n" +
				"\n" +
				"    code();\n" +
				"    autre();\n"},
		{"hyphen joined when certain, kept otherwise",
			"Le traitement se fait en deux temps : la lecture puis la\n" +
				"vérification de la configuration, puis celle de la configu-\n" +
				"ration. Les contributeurs sont Jean-Luc Dupont et Jean-\n" +
				"Pierre Durand, et d’autres dont la liste est bien trop en-\n" +
				"tête compris.\n",
			"Le traitement se fait en deux temps : la lecture puis la vérification de la configuration, puis celle de la configuration. Les contributeurs sont Jean-Luc Dupont et Jean-Pierre Durand, et d’autres dont la liste est bien trop en-tête compris.\n"},
	}
	for _, tt := range tests {
		got, _, _ := reflow(tt.in)
		if got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestReflowManPages reflows real man pages (hard-wrapped at 80 columns).
func TestReflowManPages(t *testing.T) {
	dir := shared.Path(t, "corpora/fr-manpages")
	tests := []struct {
		file   string
		title  string
		joined []string // phrases that were split across lines
		kept   []string // lines that must stay as they are
	}{
		{"manpages-fr-dev/man2/accept.2.txt", "accept, accept4 - Accepter une connexion sur une socket",
			[]string{
				"L'argument sockfd est une socket qui a été créée avec la fonction socket(2), attachée à une adresse",
				"SOCK_NONBLOCK   Placer l'attribut d'état de fichier O_NONBLOCK sur la description du fichier ouvert",
				"EINVAL La socket n'est pas en attente de connexions, ou addrlen est non autorisée",
			},
			[]string{"       int accept(int sockfd, struct sockaddr *_Nullable restrict addr,\n                  socklen_t *_Nullable restrict addrlen);"}},
		{"manpages-fr/man5/terminal-colors.d.5.txt", "terminal-colors.d - configure output colorization for various utilities",
			[]string{
				"Les fichiers de ce répertoire déterminent le comportement par défaut pour les utilitaires lors de la coloration de la sortie.",
				"Jean-Luc Coulon (f5ibh) <jean-luc.coulon@wanadoo.fr>",
			},
			[]string{"┌───┬──────────────────────────┐\n"}},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Bytes("x", tt.file, b)
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d)
		if d.Title != tt.title || d.TitleDerived {
			t.Errorf("%s: title %q", tt.file, d.Title)
		}
		if d.Date == "" {
			t.Errorf("%s: no date from the footer", tt.file)
		}
		for _, s := range tt.joined {
			if !strings.Contains(d.Text, s) {
				t.Errorf("%s: %q not joined", tt.file, s)
			}
		}
		for _, s := range tt.kept {
			if !strings.Contains(d.Text, s) {
				t.Errorf("%s: %q not kept", tt.file, s)
			}
		}
		if _, dr, _ := build("x", tt.file, b); dr.joins < 50 || dr.width < 70 || dr.width > 80 {
			t.Errorf("%s: %d line breaks joined, width %d", tt.file, dr.joins, dr.width)
		}
		h := blocksOf(d, corpus.Heading)
		if len(h) < 4 || h[0] != "NOM" {
			t.Errorf("%s: headings %q", tt.file, h)
		}
		if bp := blocksOf(d, corpus.Boilerplate); len(bp) != 1 || !strings.HasPrefix(bp[0], "TRADUCTION") {
			t.Errorf("%s: boilerplate should be the TRADUCTION section", tt.file)
		}
	}
}

func TestStructure(t *testing.T) {
	tests := []struct {
		name, in             string
		title                string
		derived              bool
		date, author         string
		kinds                string // one letter per block: p t h m b
		wantWarningSubstring string
	}{
		{"byline and date line", "Le titre de l’article\nPar Jean Dupont, le 12 mars 2020\nLe texte commence ici. Il continue.\n",
			"Le titre de l’article", false, "2020-03-12", "Jean Dupont", "tmp", ""},
		{"english byline", "A Title Here\n\nBy Jane Doe\n\nMarch 3, 2021\n\nThe text starts here. It goes on.\n",
			"A Title Here", false, "2021-03-03", "Jane Doe", "tmmp", ""},
		{"date marker alone", "Date : 1er janvier 2021\nUn texte. Qui continue.\n",
			"Un texte. Qui continue", true, "2021-01-01", "", "mp", ""},
		{"signature", "Il faut toujours dire ce que l’on voit. Surtout il faut toujours voir ce que l’on voit.\n\t-+- Charles Péguy, Notre jeunesse -+-\n",
			"Il faut toujours dire ce que l’on voit", true, "", "Charles Péguy", "pm", ""},
		{"no title when the first line is a sentence", "Une phrase complète.\nUne autre.\n",
			"Une phrase complète", true, "", "", "pp", ""},
		{"par ailleurs is no byline", "Par ailleurs, le groupe a grandi.\nSuite du texte.\n",
			"Par ailleurs, le groupe a grandi", true, "", "", "pp", ""},
		{"trailing boilerplate", "Titre\n\nLe texte de l’article est ici. Il est long.\n\nLire aussi : un autre article\n\nPartager\n\nFacebook Twitter\n\nInscrivez-vous à notre newsletter\n\n© 2024 Le Site\n",
			"Titre", false, "", "", "tpb", ""},
		{"short trailing lines after boilerplate", "Titre\n\nLe texte de l’article est ici. Il est long.\n\nNewsletter\n\nNos offres\n\nLe magazine\n",
			"Titre", false, "", "", "tpb", ""},
		{"cookie notice", "Ce site utilise des cookies pour améliorer votre navigation. En continuant, vous acceptez.\n\nLe vrai texte. Qui suit.\n",
			"Le vrai texte. Qui suit", true, "", "", "bp", ""},
		{"long derived title", "Un très long premier paragraphe sans point qui continue encore et encore bien au-delà de quatre-vingts caractères pour voir\n",
			"Un très long premier paragraphe sans point", true, "", "", "p", ""},
		{"bullets joined to their item", "Titre de la page\n\n•\n Premier point\n\n•\n Second point\n",
			"Titre de la page", false, "", "", "tpp", ""},
	}
	letter := map[corpus.BlockKind]byte{corpus.Paragraph: 'p', corpus.Title: 't', corpus.Heading: 'h', corpus.Meta: 'm', corpus.Boilerplate: 'b'}
	for _, tt := range tests {
		d, err := Bytes("x", "x.txt", []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		checkDoc(t, d)
		var kinds []byte
		for _, b := range d.Blocks {
			kinds = append(kinds, letter[b.Kind])
		}
		if d.Title != tt.title || d.TitleDerived != tt.derived || d.Date != tt.date || d.Author != tt.author || string(kinds) != tt.kinds {
			t.Errorf("%s: title %q derived=%v date %q author %q kinds %s\nwant title %q derived=%v date %q author %q kinds %s",
				tt.name, d.Title, d.TitleDerived, d.Date, d.Author, kinds, tt.title, tt.derived, tt.date, tt.author, tt.kinds)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"date 2020-10", "2020-10"},
		{"2020-03-12T10:00:00Z", "2020-03-12"},
		{"le 12 mars 2020 à Paris", "2020-03-12"},
		{"1er janvier 2021", "2021-01-01"},
		{"Publié en février 2019", "2019-02"},
		{"11 mai 2022", "2022-05-11"},
		{"4 décembre 2022", "2022-12-04"},
		{"March 12, 2020", "2020-03-12"},
		{"12th March 2020", "2020-03-12"},
		{"Updated Sept. 3, 2019", "2019-09-03"},
		{"May 2020", "2020-05"},
		{"12/03/2020", "2020-03-12"},
		{"2020-13-01", ""},
		{"31 février 2020", ""},
		{"29 février 2020", "2020-02-29"},
		{"version 2.38.1", ""},
		{"en 1999", ""},
		{"Dec 26, 2099", "2099-12-26"},
		{"Dec 26, 2922", ""}, // a number after a month's name, in a changelog
		{"10/11/2922", ""},
	}
	for _, tt := range tests {
		got, _, _, _ := findDate(tt.in)
		if got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFindDatePrefilter: no date pattern matches a line that hasYear
// turns away, over crafted lines and the paragraphs of the 500 OrangeSum
// articles, so that findDate finds the same dates with the test first.
func TestFindDatePrefilter(t *testing.T) {
	lines := []string{"", "2020", "x2020y", "12/03/20", "１２/０３/２０２０", "mars 2020", "March 12, 202", "1er janvier 2021", "version 2.38.1"}
	if dir, err := shared.Find(); err == nil {
		if data, err := os.ReadFile(dir + "/eval/orangesum-abstract-test-500.jsonl"); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				var a struct{ Text string }
				if json.Unmarshal([]byte(line), &a) == nil {
					// Sentences, most of them without a year.
					lines = append(lines, strings.Split(a.Text, ". ")...)
				}
			}
		}
	}
	if len(lines) < 1000 {
		t.Logf("%d lines only: the OrangeSum articles are missing", len(lines))
	}
	for _, s := range lines {
		if hasYear(s) {
			continue
		}
		for _, re := range []*regexp.Regexp{reISO, reFR, reENMDY, reENDMY, reENMY, reNumeric} {
			if re.MatchString(s) {
				t.Errorf("%q has no year for hasYear, but %v matches it", s, re)
			}
		}
	}
}

// TestCorpora builds each shared corpus and checks every document's
// invariants. The two large corpora take some seconds: they are built with
// INGEST_CORPORA=1 only.
func TestCorpora(t *testing.T) {
	// fr-fortunes has 2,136 files, 9 of them a quotation already filed
	// under another category: indexed once.
	want := map[string]int{"corpora/fr-fortunes/docs": 2127, "corpora/fr-manpages": 1214, "corpora/fr-docs": 3145}
	for _, c := range []string{"corpora/fr-fortunes/docs", "corpora/fr-manpages", "corpora/fr-docs"} {
		if c != "corpora/fr-fortunes/docs" && os.Getenv("INGEST_CORPORA") == "" {
			t.Logf("skipping %s: set INGEST_CORPORA=1 to build it", c)
			continue
		}
		dir := shared.Path(t, c)
		docs, rep, err := Dir(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		dups := 0
		for _, f := range rep.Files {
			if errors.Is(f.Err, ErrDuplicate) {
				dups++
			}
		}
		if rep.Skipped != dups || len(docs) != want[c] {
			t.Errorf("%s: %d documents, %d skipped (%d duplicates); want %d documents", c, len(docs), rep.Skipped, dups, want[c])
		}
		derived := 0
		for _, d := range docs {
			checkDoc(t, d)
			if d.TitleDerived {
				derived++
			}
		}
		t.Logf("%s: %d documents, %d titles derived, %.1f MB", c, len(docs), derived, float64(rep.Bytes)/1e6)
	}
}

// The title rule: a derived title is the first sentence cut at a clause
// boundary (never after a count of words: no "…"), or a heading when the
// first sentence leans on what precedes it.
func TestDerivedTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Le ministre, qui était en visite à Lyon, a annoncé mardi un plan de relance de dix milliards d’euros pour les transports publics régionaux.",
			"Le ministre a annoncé mardi un plan de relance de dix milliards d’euros"},
		{"La grève continuera jusqu’à la fin du mois dans toutes les gares du pays, a déclaré mercredi le secrétaire général du syndicat.",
			"La grève continuera jusqu’à la fin du mois dans toutes les gares du pays"},
		{"Elle a tout changé dans la ville depuis son élection il y a deux ans et demi, pour le meilleur.\n\nUne maire qui bouscule Lyon\n\nLe texte continue ici avec d’autres phrases.\n\nEt encore une autre phrase pour finir le texte.",
			"Une maire qui bouscule Lyon"},
		{"Le conseil municipal a voté la gratuité des cantines scolaires.", "Le conseil municipal a voté la gratuité des cantines scolaires"},
		{"L’intelligence artificielle (IA) progresse.", "L’intelligence artificielle progresse"},
	}
	for _, tt := range tests {
		d, err := Bytes("x", "x.txt", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != tt.want || !d.TitleDerived {
			t.Errorf("title %q derived=%v, want %q", d.Title, d.TitleDerived, tt.want)
		}
	}
}

// TestHeaderlessManPage reads man pages rendered without their header line
// (they open on "NOM"): their NAME line is the title, not "NOM".
func TestHeaderlessManPage(t *testing.T) {
	dir := shared.Path(t, "corpora/fr-manpages")
	tests := []struct {
		file  string
		title string
	}{
		{"manpages-fr/man1/file.1.txt", "file — Déterminer le type d'un fichier"},
		{"manpages-fr-dev/man3/crypt.3.txt", "crypt, crypt_r, crypt_rn, crypt_ra — hachage des mot de passe"},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Bytes("x", tt.file, b)
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d)
		if d.Title != tt.title || d.TitleDerived {
			t.Errorf("%s: title %q, derived %v; want %q", tt.file, d.Title, d.TitleDerived, tt.title)
		}
		if h := blocksOf(d, corpus.Heading); len(h) < 3 || h[0] != "NOM" {
			t.Errorf("%s: headings %q", tt.file, h)
		}
		if bp := blocksOf(d, corpus.Boilerplate); len(bp) == 0 || !strings.HasPrefix(bp[len(bp)-1], "TRADUCTION") {
			t.Errorf("%s: boilerplate %q, want the TRADUCTION section last", tt.file, bp)
		}
	}
	// Not man pages: a text that opens on "NOM" without a NAME line.
	for _, text := range []string{
		"NOM\n\nJean Dupont, né à Lyon.\n\nADRESSE\n\n3 rue des Lilas.\n",
		"NOM\n\n   ls - lister\n\nLa suite est un paragraphe ordinaire.\n\nEt un autre.\n",
	} {
		d, err := Bytes("x", "a.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(d.Title, " - ") && !d.TitleDerived && d.Title != "NOM" {
			t.Errorf("%q: read as a man page, title %q", text, d.Title)
		}
	}
}
