package token

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders tokens as "written→term", with "*" for a stopword and "+"
// for a compound.
func show(text string, toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[t.Start:t.End])
		if t.Term != text[t.Start:t.End] {
			b.WriteString("→" + t.Term)
		}
		if t.Stop {
			b.WriteByte('*')
		}
		if t.Compound {
			b.WriteByte('+')
		}
	}
	return b.String()
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, lang, text, want string
	}{
		{"empty", "fr", "", ""},
		{"punctuation only", "fr", " ,;!? — « » ", ""},
		{"words", "fr", "Le chat dort.", "Le→le* chat dort"},
		{"accents", "fr", "Électronique déjà où Œuvre", "Électronique→electronique déjà→deja où→ou* Œuvre→oeuvre"},
		{"elision typographic", "fr", "l’homme d’État qu’il", "l* homme d* État→etat qu* il*"},
		{"elision ascii", "fr", "L'homme D'abord QU'IL", "L→l* homme D→d* abord QU→qu* IL→il*"},
		{"elision all", "fr", "j’ai n’est s’il c’est m’a t’as", "j* ai* n* est* s* il* c* est* m* a* t* as*"},
		{"elision long", "fr", "jusqu’à lorsqu’il puisqu'on quelqu’un presqu’île", "jusqu* à→a* lorsqu* il* puisqu* on* quelqu* un* presqu* île→ile"},
		{"elision modifier letter", "fr", "lʼarbre", "l* arbre"},
		{"modifier apostrophe alone", "fr", "ʼʼaʼ ʼb", "a* b"},
		{"apostrophe at end", "fr", "l' homme", "l* homme"},
		{"aujourd'hui", "fr", "aujourd’hui", "aujourd’hui→aujourdhui+ aujourd hui"},
		{"hyphen", "fr", "e-commerce", "e-commerce→ecommerce+ e commerce"},
		{"hyphen number", "fr", "COVID-19", "COVID-19→covid19+ COVID→covid 19"},
		{"hyphen names", "fr", "Jean-Marc", "Jean-Marc→jeanmarc+ Jean→jean Marc→marc"},
		{"hyphen unicode", "fr", "e‐commerce e‑commerce", "e‐commerce→ecommerce+ e commerce e‑commerce→ecommerce+ e commerce"},
		{"hyphen stop parts", "fr", "qu’est-ce", "qu* est-ce→estce*+ est* ce*"},
		{"elision then hyphen", "fr", "l’e-commerce", "l* e-commerce→ecommerce+ e commerce"},
		{"hyphen digits only", "fr", "2020-2021", "2020 2021"},
		{"hyphen alone", "fr", "a - b -c d-", "a* b c* d*"},
		{"em dash", "fr", "mot—mot", "mot mot"},
		{"numbers fr", "fr", "85.000 et 85 000 et 1,5 et 2020.", "85.000→85000 et* 85 000→85000 et* 1,5→1.5 et* 2020"},
		{"numbers fr nbsp", "fr", "1\u00a0234,56 €", "1\u00a0234,56→1234.56"},
		{"numbers fr big", "fr", "1.234.567", "1.234.567→1234567"},
		{"numbers fr decimal point", "fr", "12.30 3,14159", "12.30 3,14159→3.14159"},
		{"numbers dotted", "fr", "192.168.1.1 v2.10.34 2.10.34", "192.168.1.1 v2 10.34 2.10.34"},
		{"numbers en", "en", "85,000 and 1.5 and 1,234.5", "85,000→85000 and* 1.5 and* 1,234.5→1234.5"},
		{"number then letters", "fr", "1,5km 3D", "1,5→1.5 km 3D→3d"},
		{"sentence dot", "fr", "En 2020.Alors", "En→en* 2020 Alors→alors"},
		{"clitics en", "en", "It's John's; don't we'll", "It→it* s* John→john s* don t* we* ll*"},
		{"rock'n'roll", "en", "rock'n'roll", "rock'n'roll→rocknroll+ rock n roll"},
		{"o'clock", "en", "O'Neill", "O'Neill→oneill+ O→o Neill→neill"},
		{"greek", "fr", "Ἀθῆναι", "Ἀθῆναι→αθηναι"},
		{"cyrillic", "fr", "Ёлка", "Ёлка→елка"},
		{"non-BMP letters", "fr", "𐐀𐐁 x𝐀y", "𐐀𐐁→𐐨𐐩 x𝐀y"},
		{"han", "fr", "北京欢迎你abc", "北 京 欢 迎 你 abc"},
		{"kana", "fr", "カタカナ", "カ タ カ ナ"},
		{"decomposed", "fr", "e\u0301te\u0301 cafe\u0301", "e\u0301te\u0301→ete* cafe\u0301→cafe"},
		{"orphan mark", "fr", "\u0301a", "a*"},
		{"soft hyphen", "fr", "électro\u00adnique", "électro\u00adnique→electronique"},
		{"emoji", "fr", "👍bien👍", "bien"},
		{"ligature", "fr", "ﬁnance", "ﬁnance→finance"},
		{"invalid utf8", "fr", "ab\xffcd", "ab cd"},
		{"guillemets nbsp", "fr", "«\u00a0Sésame\u00a0»", "Sésame→sesame"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := For(tt.lang).Tokens(tt.text)
			if got := show(tt.text, toks); got != tt.want {
				t.Errorf("Tokens(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
			checkTokens(t, tt.text, toks)
		})
	}
}

func TestTokensLongWord(t *testing.T) {
	w := strings.Repeat("é", 150)
	toks := For("fr").Tokens(w)
	if len(toks) != 3 {
		t.Fatalf("%d tokens for a 150-rune word, want 3", len(toks))
	}
	for i, n := range []int{64, 64, 22} {
		if got := utf8.RuneCountInString(w[toks[i].Start:toks[i].End]); got != n {
			t.Errorf("piece %d: %d runes, want %d", i, got, n)
		}
		if toks[i].Term != strings.Repeat("e", n) {
			t.Errorf("piece %d: term %q", i, toks[i].Term)
		}
	}
}

func TestTokensStems(t *testing.T) {
	const text = "Les stratégies numériques de l’e-commerce électronique"
	got := []string{}
	for _, tok := range For("fr").Tokens(text) {
		got = append(got, tok.Stem)
	}
	want := "les strateg numer de l ecommerc e commerc electron"
	if strings.Join(got, " ") != want {
		t.Errorf("stems %q, want %q", strings.Join(got, " "), want)
	}
}

// TestTokensSeeds checks the invariants on the seed documents: every
// token's Term is the folded word (or its normalised number), its Stem is
// Stem of the word, offsets are exact.
func TestTokensSeeds(t *testing.T) {
	for _, p := range seedFiles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		a := For(Detect(text))
		toks := a.Tokens(text)
		if len(toks) < 100 {
			t.Errorf("%s: only %d tokens", p, len(toks))
		}
		checkTokens(t, text, toks)
		for _, tok := range toks {
			w := text[tok.Start:tok.End]
			if tok.Compound || tok.Term != Fold(w) {
				continue // compounds and numbers are checked elsewhere
			}
			if s := a.Stem(w); s != tok.Stem {
				t.Errorf("%s: Stem(%q) = %q, token stem %q", p, w, s, tok.Stem)
			}
		}
		// Reuse of a slice gives the same tokens.
		again := a.AppendTokens(toks[:0], text)
		if show(text, again) != show(text, a.Tokens(text)) {
			t.Errorf("%s: AppendTokens on a reused slice differs", p)
		}
	}
}

func TestAppendTokens(t *testing.T) {
	a := For("fr")
	dst := a.Tokens("un")
	dst = a.AppendTokens(dst, "deux trois")
	if got := show("", nil); got != "" {
		t.Fatal(got)
	}
	if len(dst) != 3 || dst[0].Term != "un" || dst[2].Term != "trois" {
		t.Errorf("AppendTokens appended %v", dst)
	}
}

// checkTokens checks the invariants of the tokens of text.
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	// Rune boundaries are where ranging over text stops (an invalid byte
	// is a rune of its own).
	boundary := make([]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.Start >= tok.End || tok.End > len(text) {
			t.Fatalf("token %d %+v: bad offsets (previous start %d, text length %d)", i, tok, prev, len(text))
		}
		prev = tok.Start
		if !boundary[tok.Start] || !boundary[tok.End] {
			t.Errorf("token %d %+v: offsets not on rune boundaries", i, tok)
		}
		if tok.Term == "" || Fold(tok.Term) != tok.Term {
			t.Errorf("token %d %+v: term empty or not folded", i, tok)
		}
		if tok.Stem == "" || Fold(tok.Stem) != tok.Stem {
			t.Errorf("token %d %+v: stem empty or not folded", i, tok)
		}
		if tok.Compound && (i+1 >= len(toks) || toks[i+1].Start != tok.Start) {
			t.Errorf("token %d %+v: compound not followed by its first part", i, tok)
		}
	}
}
