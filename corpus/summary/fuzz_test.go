package summary

import (
	"testing"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
)

func FuzzDocumentSummary(f *testing.F) {
	for _, s := range []string{
		"",
		"Le président a annoncé mercredi une réforme. M. Ma a démissionné. Le géant chinois Alibaba investit 85.000 euros.",
		"Titre\n\nLe gĂ©ant chinois a dĂ©voilĂ© un plan.\n\nNewsletter\nTwitter LinkedIn",
		"\xff\xfe\x00a\x00b",
		"« Oui » — non ! ... ? 😀 𝒳 e-commerce l’IA d'Alibaba",
		"window.pvp = new Pvp({a: 1}); var x = 2;",
	} {
		f.Add([]byte(s), 2, 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, n, words int) {
		d, err := ingest.Bytes("fuzz", "fuzz.txt", data)
		if err != nil {
			return
		}
		s := Document(d, Options{Sentences: n % 20, Words: words % 500})
		n16 := corpus.UTF16Len(d.Text)
		for k, x := range s.Sentences {
			if x.Index < 0 || x.Index >= len(d.Sentences) {
				t.Fatalf("sentence index %d of %d", x.Index, len(d.Sentences))
			}
			if x.Start < 0 || x.Start > x.End || x.End > n16 {
				t.Fatalf("offsets [%d, %d) outside %d UTF-16 units", x.Start, x.End, n16)
			}
			if x.Text != d.SentenceText(x.Index) || !utf8.ValidString(x.Text) {
				t.Fatalf("sentence text %q", x.Text)
			}
			if k > 0 && x.Index <= s.Sentences[k-1].Index {
				t.Fatalf("not in document order")
			}
		}
		Annotate([]*corpus.Document{d, d})
		for _, kw := range d.Keywords {
			if !utf8.ValidString(kw.Text) || kw.Text == "" {
				t.Fatalf("keyword %q", kw.Text)
			}
		}
	})
}
