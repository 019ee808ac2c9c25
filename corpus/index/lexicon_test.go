package index_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/index"
)

// TestLexicon checks that a split index writes its lexicon (each term's
// occurrences and display form) as its last file, knows it apart until
// it is added (Freq 0, Display the term), refuses a wrong file, and once
// it is added answers as the index built in memory does; an embedded
// index has it at hand.
func TestLexicon(t *testing.T) {
	ix, blob := seedIndex(t)
	split, files, err := ix.Marshal(index.MarshalOptions{Split: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := index.Decode(split)
	if err != nil {
		t.Fatal(err)
	}
	lex := files[len(files)-1]
	switch {
	case got.HasLexicon() || !got.LexiconApart():
		t.Fatalf("split: HasLexicon %v, LexiconApart %v; want false, true", got.HasLexicon(), got.LexiconApart())
	case got.LexiconPack() != len(files)-1 || got.LexiconPack() != got.NumPacks()+got.NumChunks()+got.NumParts():
		t.Errorf("LexiconPack %d, want the last of %d files, after %d packs, %d chunks and %d parts", got.LexiconPack(), len(files), got.NumPacks(), got.NumChunks(), got.NumParts())
	case got.LexiconName() != lex.Name || got.LexiconSize() != len(lex.Data):
		t.Errorf("lexicon: table says %s, %d bytes; file %s, %d bytes", got.LexiconName(), got.LexiconSize(), lex.Name, len(lex.Data))
	}
	display := 0
	for i := 0; i < ix.NumTerms(); i++ {
		if ix.Display(i) != ix.Term(i) {
			display++
		}
		if got.Freq(i) != 0 || got.Display(i) != got.Term(i) {
			t.Fatalf("term %q before the lexicon: Freq %d, Display %q", got.Term(i), got.Freq(i), got.Display(i))
		}
	}
	if display == 0 {
		t.Fatal("no term of the seeds has a display form: the test tests nothing")
	}
	for _, c := range []struct{ name, data, want string }{
		{"truncated", string(lex.Data[:len(lex.Data)-1]), "truncated"},
		{"longer", string(lex.Data) + "x", "bytes, the index says"},
		{"damaged", string(append([]byte{lex.Data[0] ^ 1}, lex.Data[1:]...)), "wrong content hash"},
	} {
		err := got.AddLexicon(c.data)
		var pe *index.PackError
		if !errors.As(err, &pe) || !pe.Index || pe.Pack != got.LexiconPack() || pe.Name != lex.Name || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s lexicon: error %v, want an index pack error naming %s with %q", c.name, err, lex.Name, c.want)
		}
		if got.HasLexicon() {
			t.Fatalf("%s lexicon: taken", c.name)
		}
	}
	if err := got.AddLexicon(string(lex.Data)); err != nil {
		t.Fatal(err)
	}
	if !got.HasLexicon() {
		t.Fatal("HasLexicon false once added")
	}
	for i := 0; i < ix.NumTerms(); i++ {
		if got.Freq(i) != ix.Freq(i) || got.Display(i) != ix.Display(i) {
			t.Fatalf("term %q: Freq %d, Display %q; built in memory %d, %q", got.Term(i), got.Freq(i), got.Display(i), ix.Freq(i), ix.Display(i))
		}
	}
	emb, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	if !emb.HasLexicon() || emb.LexiconApart() || emb.LexiconName() != "" || emb.AddLexicon(string(lex.Data)) == nil {
		t.Errorf("embedded: HasLexicon %v, LexiconApart %v, LexiconName %q; want true, false, \"\" and AddLexicon refused", emb.HasLexicon(), emb.LexiconApart(), emb.LexiconName())
	}
	for i := 0; i < ix.NumTerms(); i++ {
		if emb.Freq(i) != ix.Freq(i) || emb.Display(i) != ix.Display(i) {
			t.Fatalf("embedded, term %q: Freq %d, Display %q; built in memory %d, %q", emb.Term(i), emb.Freq(i), emb.Display(i), ix.Freq(i), ix.Display(i))
		}
	}
}

// TestAbsentWords: the words given to SetAbsentWords come back from an
// embedded index and, once its lexicon is added, from a split one; before
// that, a split index says it does not know.
func TestAbsentWords(t *testing.T) {
	_, blob := seedIndex(t)
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"confiture", "lapin", "montagne", "poulet"}
	ix.SetAbsentWords(words)
	if ix.NumAbsentWords() != len(words) {
		t.Fatalf("NumAbsentWords %d, want %d", ix.NumAbsentWords(), len(words))
	}
	emb, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	split, files, err := ix.Marshal(index.MarshalOptions{Split: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := index.Decode(emb)
	if err != nil {
		t.Fatal(err)
	}
	s, err := index.Decode(split)
	if err != nil {
		t.Fatal(err)
	}
	if absent, known := s.AbsentWord("lapin"); absent || known {
		t.Errorf("split, before its lexicon: AbsentWord = %v, %v; want false, false", absent, known)
	}
	if err := s.AddLexicon(string(files[len(files)-1].Data)); err != nil {
		t.Fatal(err)
	}
	for _, got := range []*index.Index{e, s} {
		for _, w := range words {
			if absent, known := got.AbsentWord(w); !absent || !known {
				t.Errorf("%q: AbsentWord = %v, %v; want true, true", w, absent, known)
			}
		}
		if absent, known := got.AbsentWord("montgae"); absent || !known {
			t.Errorf("montgae: AbsentWord = %v, %v; want false, true", absent, known)
		}
	}
}
