package decode

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// sentences are correct text in the languages the legacy charsets serve,
// with their capitals, punctuation and symbols.
var sentences = []string{
	"Le gâteau était déjà là où tu l’avais laissé, près de la fenêtre.",
	"Il a été créé à Besançon en 1999 ; ça coûte 12 €.",
	"Noël à l’hôtel, un été très réussi, des élèves épuisés.",
	"voilà, déjà, là-bas, au-delà, à côté",
	"« Ça va ? » — Oui… « À bientôt ! » L’Œuvre, cœur, ŒUVRE, Ÿ, naïve, NAÏVE",
	"Prix : 10 € HT, 5 £, 3 ¥, © 2020 Société™, n° 5, 2½ tasses, 30°C, ±2 %, µm",
	"NÃO É VERDADE, SÃO PAULO, AÇÃO, CORAÇÃO, Não há ações, irmã é órfã.",
	"ÎN ȚARĂ ȘI ÎN LUME, Ăsta e, CASĂ ÎNALTĂ, MAMĂ, ȘCOALĂ",
	"Tiếng Việt có dấu: ăn ĂN đẹp ĐẸP ơn ƠN ưu",
	"ŐSZI ÜZLETÁG, Árvíztűrő tükörfúrógép, ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP",
	"İSTANBUL ŞİŞLİ, Çağrı ÇAĞRI, Öğüt ÖĞÜT",
	"Příliš žluťoučký kůň úpěl ďábelské ódy. PŘÍLIŠ ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY",
	"ZAŻÓŁĆ GĘŚLĄ JAŹŃ, Łódź, Świętokrzyskie, ŁÓDŹ",
	"Съешь же ещё этих мягких французских булок, да выпей чаю. В Москве. ВСЁ ЕЩЁ",
	"Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. ΞΕΣΚΕΠΆΖΩ",
	"Falsches Üben von Xylophonmusik quält jeden größeren Zwerg. ÄÖÜß",
	"El pingüino Wenceslao hizo kilómetros bajo exhaustiva lluvia y frío, añoraba a su querido cachorro. ¿Qué? ¡Sí! AÑO",
	"Høj bør, blåbær og Ærø. ÆØÅ æøå. Smörgåsbord, ÅÄÖ",
}

// mojibake returns s as UTF-8 read in cm (undefined bytes as C1 controls).
func mojibake(cm *charmap.Charmap, s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		r := cm.DecodeByte(c)
		if r == 0xFFFD {
			r = rune(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}

var damaging = []*charmap.Charmap{charmap.Windows1252, charmap.Windows1250, charmap.ISO8859_1}

func TestRepairLeavesTextAlone(t *testing.T) {
	for _, s := range sentences {
		if got, n := Repair(s); got != s || n != 0 {
			t.Errorf("Repair changed correct text (%d):\n %q\n %q", n, s, got)
		}
	}
}

// TestRepairRoundTrip damages every sentence once, twice, or in half of a
// line, and checks that Repair undoes it.
func TestRepairRoundTrip(t *testing.T) {
	check := func(name string, min int, damage func(s string, i int) (in, want string)) {
		ok := 0
		for i, s := range sentences {
			in, want := damage(s, i)
			if got, _ := Repair(in); got == want {
				ok++
			} else {
				t.Logf("%s: not repaired:\n %q\n %q", name, in, got)
			}
		}
		t.Logf("%s: %d/%d", name, ok, len(sentences))
		if ok < min {
			t.Errorf("%s: %d/%d repaired, want at least %d", name, ok, len(sentences), min)
		}
	}
	for _, cm := range damaging {
		check("once "+cm.String(), len(sentences), func(s string, _ int) (string, string) {
			return mojibake(cm, s), s
		})
	}
	for _, a := range damaging {
		for _, b := range damaging {
			// Greek and Czech through Windows-1250 twice are not all undone.
			check("twice "+a.String()+" then "+b.String(), len(sentences)-1, func(s string, _ int) (string, string) {
				return mojibake(b, mojibake(a, s)), s
			})
		}
	}
	// Correct text and damaged text in one line: three capitals at the
	// start of words (Åš, Å’, Å\u00a0) stay, being ambiguous.
	check("half a line", len(sentences)-3, func(s string, i int) (string, string) {
		u := sentences[(i+1)%len(sentences)]
		return s + " " + mojibake(charmap.Windows1252, u), s + " " + u
	})
}
