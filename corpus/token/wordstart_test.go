package token

import (
	"os"
	"path/filepath"
	"testing"
)

// checkWordStarts checks WordStart against the tokens AppendTokens finds
// in text: word n starts where the n-th token that is not a compound does,
// and there is no word past the last.
func checkWordStarts(t *testing.T, a *Analyzer, text string) {
	t.Helper()
	n := 0
	for _, tok := range a.Tokens(text) {
		if tok.Compound {
			continue
		}
		if got, ok := a.WordStart(text, n); !ok || got != tok.Start {
			t.Fatalf("WordStart(%q, %d) = %d, %v; want %d, true (token %q)", text, n, got, ok, tok.Start, tok.Term)
		}
		n++
	}
	for _, k := range []int{n, n + 1, -1} {
		if got, ok := a.WordStart(text, k); ok {
			t.Fatalf("WordStart(%q, %d) = %d, true; the text has %d words", text, k, got, n)
		}
	}
}

// checkTerms checks AppendTerms against AppendTokens on text: the same
// tokens, each with its term as its stem.
func checkTerms(t *testing.T, a *Analyzer, text string) {
	t.Helper()
	got := a.AppendTerms(nil, text) // first: words the cache may not have
	want := a.Tokens(text)
	for i := range want {
		want[i].Stem = want[i].Term
	}
	if len(got) != len(want) {
		t.Fatalf("AppendTerms(%q): %d tokens, AppendTokens %d", text, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("AppendTerms(%q), token %d: %+v, want %+v", text, i, got[i], want[i])
		}
	}
	// The words AppendTerms put in the cache have their stems after it.
	cached, uncached := a.Tokens(text), a.appendTokens(nil, text, nil)
	for i := range cached {
		if cached[i] != uncached[i] {
			t.Fatalf("Tokens(%q) after AppendTerms, token %d: %+v, want %+v", text, i, cached[i], uncached[i])
		}
	}
}

func TestWordStart(t *testing.T) {
	texts := []string{
		"", "   ", "un", "L’homme d'État qu’il jusqu’à l'e-commerce",
		"COVID-19 Jean-Marc aujourd’hui rock'n'roll it's",
		"85.000 85 000 1,5 1\u00a0234,56 192.168.1.1 2020-2021 1,234.5",
		"Ἀθῆναι Ёлка 𐐀 北京 カタカナ e\u0301te\u0301 électro\u00adnique ﬁ",
		"a-'-b l'' l'-x qu’-est -'a' 1.-2 1,,2 ..1 \xff\xfe",
		"a-b-c-d-e-f-g-h-i-j xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	}
	// The seed corpus: real French news text.
	files, _ := filepath.Glob("../../corpus/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(files) == 0 {
		t.Fatal("no seed corpus in ../../corpus")
	}
	for _, lang := range Languages() {
		for _, text := range texts {
			checkTerms(t, For(lang), text)
			checkWordStarts(t, For(lang), text)
			checkTerms(t, For(lang), text) // the words in the cache
		}
	}
}
