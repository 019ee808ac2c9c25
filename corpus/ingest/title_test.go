package ingest

import (
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

func TestDropBrackets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"l’intelligence artificielle (IA) progresse", "l’intelligence artificielle progresse"},
		{"Alibaba (BABA) et Tencent (TCEHY)", "Alibaba et Tencent"},
		{`"-prompt(8)-"`, `"-prompt(8)-"`},
		{"la fonction f(x) croît", "la fonction f(x) croît"},
		{"(à la une) Le titre", "(à la une) Le titre"},
		{"une parenthèse (non fermée", "une parenthèse (non fermée"},
		{"collé (IA)s", "collé (IA)s"},
		{"init-system-helpers (1.65.2) unstable; urgency=medium", "init-system-helpers (1.65.2) unstable; urgency=medium"},
		{"adwaita-icon-theme (43-1) unstable", "adwaita-icon-theme (43-1) unstable"},
		{"Le budget (2019-2020) est voté", "Le budget est voté"},
	}
	for _, tt := range tests {
		if got := dropBrackets(tt.in); got != tt.want {
			t.Errorf("dropBrackets(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A document read by a format reader, without a title in its metadata,
// is titled by the heading or running header it opens on.
func TestOpeningHeadingTitle(t *testing.T) {
	para := "This manual is for GNU Libtasn1, which is a library for Abstract Syntax Notation One."
	for _, c := range []struct {
		name   string
		blocks []format.Block
		want   string
	}{
		{"a cover's heading", []format.Block{{Text: "Libtasn1", Kind: corpus.Heading, Page: 1}, {Text: "for version 4.19.0, 18 August 2022", Page: 1}, {Text: para, Page: 1}}, "Libtasn1"},
		{"a running header", []format.Block{{Text: "Shared MIME-info Database", Kind: corpus.Boilerplate, Page: 1}, {Text: "X Desktop Group (http://www.freedesktop.org)", Kind: corpus.Heading, Page: 1}, {Text: para, Page: 1}}, "Shared MIME-info Database"},
		{"a paragraph first", []format.Block{{Text: para, Page: 1}, {Text: "Later", Kind: corpus.Heading, Page: 1}}, "This manual is for GNU Libtasn1"},
		{"a page number first", []format.Block{{Text: "12", Kind: corpus.Boilerplate, Page: 1}, {Text: para, Page: 1}}, "This manual is for GNU Libtasn1"},
	} {
		d, _ := fromFormat(&format.Doc{Blocks: c.blocks, Pages: 1})
		d.analyse()
		doc := &corpus.Document{ID: "x", Path: "x.pdf"}
		d.finish(doc)
		if !strings.HasPrefix(doc.Title, c.want) || !doc.TitleDerived {
			t.Errorf("%s: title %q (derived %v), want %q", c.name, doc.Title, doc.TitleDerived, c.want)
		}
	}
}

func TestDropIncisesRunningOn(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Le feu, qui a pris vers midi dans un entrepôt situé rue des Lilas, dans le quartier de la gare, a été maîtrisé dans la soirée",
			"Le feu a été maîtrisé dans la soirée"},
		{"Le ministre, qui était à Lyon, a annoncé la mesure", "Le ministre a annoncé la mesure"},
		{"Le ministre, qui était à Lyon, en visite officielle, a annoncé la mesure", "Le ministre a annoncé la mesure"},
		{"La maire, qui parlait à Paris, dans la soirée", "La maire dans la soirée"},
	} {
		if got := dropIncises(c.in); got != c.want {
			t.Errorf("dropIncises(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
