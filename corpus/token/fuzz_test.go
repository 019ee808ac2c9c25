package token

import (
	"testing"
	"unicode/utf8"
)

// FuzzTokens checks that tokenising never panics and keeps its
// invariants: offsets within bounds, on rune boundaries, starts never
// decreasing; terms and stems non-empty and folded; Fold idempotent.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"", "L’homme d'État qu’il jusqu’à l'e-commerce",
		"COVID-19 Jean-Marc aujourd’hui rock'n'roll it's",
		"85.000 85 000 1,5 1\u00a0234,56 192.168.1.1 2020-2021 1,234.5",
		"Ἀθῆναι Ёлка 𐐀 北京 カタカナ e\u0301te\u0301 électro\u00adnique ﬁ",
		"a-'-b l'' l'-x qu’-est -'a' 1.-2 1,,2 ..1 \xff\xfe",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, en bool) {
		lang := "fr"
		if en {
			lang = "en"
		}
		a := For(lang)
		toks := a.Tokens(text)
		checkTokens(t, text, toks)
		checkWordStarts(t, a, text)
		checkTerms(t, a, text)
		for _, tok := range toks {
			if !utf8.ValidString(tok.Term) && utf8.ValidString(text) {
				t.Errorf("term %q invalid UTF-8", tok.Term)
			}
			_ = a.Stem(text[tok.Start:tok.End])
		}
		if st := a.Stem(text); Fold(st) != st {
			t.Errorf("Stem(%q) = %q, not folded", text, st)
		}
		f1 := Fold(text)
		if f2 := Fold(f1); f2 != f1 {
			t.Errorf("Fold not idempotent on %q: %q then %q", text, f1, f2)
		}
		if utf8.ValidString(text) && !utf8.ValidString(f1) {
			t.Errorf("Fold(%q) = %q, invalid UTF-8", text, f1)
		}
		if l := Detect(text); l != "fr" && l != "en" {
			t.Errorf("Detect = %q", l)
		}
	})
}
