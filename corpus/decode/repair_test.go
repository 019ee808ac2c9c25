package decode

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

func TestRepair(t *testing.T) {
	tests := []struct {
		name, in, want string
		n              int
	}{
		{"empty", "", "", 0},
		{"ascii", "plain text", "plain text", 0},
		{"correct French", "Déjà, où, être, cœur, « à »", "Déjà, où, être, cœur, « à »", 0},
		{"windows-1250", "Le gĂ©ant", "Le géant", 1},
		{"windows-1250 ê", "en tĂŞte", "en tête", 1},
		{"windows-1250 ù", "une période oĂą le", "une période où le", 1},
		{"lost 0xA0 after a word", "a dĂ©jĂ un impact", "a déjà un impact", 2},
		{"lost 0xA0 alone", "fondé en 1999 Ă Hangzhou, et dĂ©jĂ lĂ ", "fondé en 1999 à Hangzhou, et déjà là ", 4},
		{"windows-1252", "HÃ´tel de Police", "Hôtel de Police", 1},
		{"latin-1 C1", "Ecuadorâ\u0080\u0099s", "Ecuador’s", 1},
		{"double", "Iggy Pop (nÃƒÂ© Jim Osterberg)", "Iggy Pop (né Jim Osterberg)", 1},
		{"triple", "doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t", "doesn’t", 1},
		{"mixed with correct", "déjà vu, rĂ©gulation, café", "déjà vu, régulation, café", 1},
		{"each line on its own", "ok é\nHÃ´tel\nNICIODATĂ™", "ok é\nHôtel\nNICIODATĂ™", 1},
		{"C1 controls", "\u0084Hallo\u0093", "„Hallo“", 2},
		{"undefined C1 kept", "odd \u0081 byte", "odd \u0081 byte", 0},
		{"CESU-8 emoji", "Hi í\u00a0½í¸\u008d", "Hi 😍", 1},
		{"replacement char", "ï¿½ here", "\uFFFD here", 1},
		{"negative: Romanian", "CASĂ MARE, NICIODATĂ\u00a0", "CASĂ MARE, NICIODATĂ\u00a0", 0},
		{"negative: spaced capitals", "C O N C L U S Ã O", "C O N C L U S Ã O", 0},
		{"negative: currency", "Offering 5×£35 pin ups", "Offering 5×£35 pin ups", 0},
		{"negative: brand", "NESTLÉ® requiere", "NESTLÉ® requiere", 0},
		{"negative: possessive", "a lot of Ã’s", "a lot of Ã’s", 0},
		{"negative: Russian", "В Москве и Г. Петров", "В Москве и Г. Петров", 0},
		{"negative: Czech", "Příliš žluťoučký kůň úpěl ďábelské ódy", "Příliš žluťoučký kůň úpěl ďábelské ódy", 0},
		{"negative: Polish", "Zażółć gęślą jaźń", "Zażółć gęślą jaźń", 0},
		{"invalid UTF-8 passes through", "a\xffb HÃ´tel", "a\xffb Hôtel", 1},
		{"CRLF kept", "gĂ©ant\r\nok", "géant\r\nok", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := Repair(tt.in)
			if got != tt.want || n != tt.n {
				t.Errorf("Repair(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
			}
			if again, m := Repair(got); again != got || m != 0 {
				t.Errorf("Repair not idempotent: %q -> %q, %d", got, again, m)
			}
		})
	}
}

// TestSeeds checks the five seed documents: 003 is repaired completely and
// keeps its correct accents; the other four come out unchanged apart from
// NFC.
func TestSeeds(t *testing.T) {
	files, err := filepath.Glob("../*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seed documents: %v, %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Bytes(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if r.Encoding != "utf-8" || r.Invalid != 0 || len(r.Warnings) != 0 {
			t.Errorf("%s: encoding %s, invalid %d, warnings %q", f, r.Encoding, r.Invalid, r.Warnings)
		}
		if !strings.Contains(f, "003_") {
			if r.Text != nfc(string(b)) || r.Repairs != 0 {
				t.Errorf("%s: changed (%d repairs)", f, r.Repairs)
			}
			continue
		}
		for _, bad := range []string{"Ă", "Ş", "ą", "©", "´"} {
			if strings.Contains(r.Text, bad) {
				i := strings.Index(r.Text, bad)
				t.Errorf("%s: %q left at %q", f, bad, r.Text[max(0, i-20):min(len(r.Text), i+20)])
			}
		}
		for _, want := range []string{"géant", "déjà un", "où", "à Hangzhou", "en tête", "plutôt", "dévoilé",
			// correct accents already in the file stay
			"après une rencontre", "perçue comme", "L’IA : un secteur clé"} {
			if !strings.Contains(r.Text, want) {
				t.Errorf("%s: %q missing", f, want)
			}
		}
		if strings.Count(r.Text, "\n") != strings.Count(string(b), "\n") {
			t.Errorf("%s: line count changed", f)
		}
		t.Logf("%s: %d segments repaired", filepath.Base(f), r.Repairs)
	}
}

// TestRepairCleanCorpora runs Repair over the shared corpora, 6,495 clean
// French documents (man pages, help pages with code samples, quotations):
// it must leave every one of them alone.
func TestRepairCleanCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	root := shared.Path(t, "corpora")
	docs, changed := 0, 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		docs++
		if out, n := Repair(string(b)); n > 0 || out != string(b) {
			changed++
			t.Logf("changed: %s (%d)", p, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d changed", docs, changed)
	if changed > 0 {
		t.Errorf("%d of %d clean documents changed", changed, docs)
	}
}
