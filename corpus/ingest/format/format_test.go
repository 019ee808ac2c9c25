package format

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
)

func TestCleanText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"la ﬁn du ﬂeuve, eﬀet, oﬃce", "la fin du fleuve, effet, office"},
		{"coupure des mots\u00ad et ortho\ufffegraphe", "coupure des mots et orthographe"},
		{"zéro\u200blargeur\ufeff", "zérolargeur"},
		{"a\x00b\x07c\td\r\ne", "a b c\td\n\ne"},
		{"déjà propre", "déjà propre"},
	} {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSafeNameAndResolve(t *testing.T) {
	for _, c := range []struct {
		name string
		safe bool
	}{
		{"word/document.xml", true}, {"OEBPS/../mimetype", false}, {"../x", false}, {"/etc/passwd", false},
		{`..\x`, false}, {"C:/x", false}, {"", false}, {"a\x00b", false}, {"a/./b", true},
	} {
		if got := SafeName(c.name); got != c.safe {
			t.Errorf("SafeName(%q) = %v, want %v", c.name, got, c.safe)
		}
	}
	for _, c := range []struct {
		base, ref, want string
		ok              bool
	}{
		{"OEBPS/content.opf", "text/ch1.xhtml", "OEBPS/text/ch1.xhtml", true},
		{"OEBPS/content.opf", "../ch1.xhtml", "ch1.xhtml", true},
		{"OEBPS/content.opf", "../../ch1.xhtml", "", false},
		{"content.opf", "../ch1.xhtml", "", false},
		{"OEBPS/content.opf", "ch%201.xhtml#p2", "OEBPS/ch 1.xhtml", true},
		{"OEBPS/content.opf", "/etc/passwd", "", false},
		{"OEBPS/content.opf", "http://example.org/x.xhtml", "", false},
	} {
		got, ok := Resolve(c.base, c.ref)
		if got != c.want || ok != c.ok {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q, %v", c.base, c.ref, got, ok, c.want, c.ok)
		}
	}
}

func zipOf(t *testing.T, members map[string]string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, content := range members {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	z.Close()
	return buf.Bytes()
}

func TestArchiveLimits(t *testing.T) {
	big := strings.Repeat("a", 4<<20) // compresses about 1000 times
	a, err := OpenArchive(zipOf(t, map[string]string{"big.xml": big, "small.xml": "<a/>"}), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Read("big.xml"); !errors.Is(err, ErrBomb) {
		t.Errorf("big.xml: %v, want %v", err, ErrBomb)
	}
	if b, err := a.Read("small.xml"); err != nil || string(b) != "<a/>" {
		t.Errorf("small.xml: %q, %v", b, err)
	}
	if _, err := a.Read("missing.xml"); !errors.Is(err, ErrCorrupt) {
		t.Errorf("missing.xml: %v, want %v", err, ErrCorrupt)
	}
	// The total over the members is bounded too.
	a, _ = OpenArchive(zipOf(t, map[string]string{"a": strings.Repeat("ab", 600), "b": strings.Repeat("cd", 600)}), Limits{MaxUnpacked: 2000})
	_, err1 := a.Read("a")
	_, err2 := a.Read("b")
	if err1 != nil || !errors.Is(err2, ErrBomb) {
		t.Errorf("total limit: %v, %v", err1, err2)
	}
	if _, err := OpenArchive([]byte("not a zip"), Limits{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("not a zip: %v", err)
	}
	if _, err := OpenArchive(zipOf(t, map[string]string{"../evil": "x"}), Limits{}); !errors.Is(err, ErrUnsafe) {
		t.Errorf("traversal: %v", err)
	}
}

func TestWalkXML(t *testing.T) {
	for _, c := range []struct {
		name, src string
		ok        bool
	}{
		{"plain", `<a><b>texte &amp; suite</b></a>`, true},
		{"billion laughs", `<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>`, false},
		{"external entity", `<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>`, false},
		{"undeclared entity", `<a>&nbsp;</a>`, false},
		{"truncated", `<a><b>`, false},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, false},
		{"deep", strings.Repeat("<a>", MaxXMLDepth+1) + strings.Repeat("</a>", MaxXMLDepth+1), false},
	} {
		var text strings.Builder
		err := WalkXML(c.name, []byte(c.src), func(tok xml.Token) error {
			if cd, ok := tok.(xml.CharData); ok {
				text.Write(cd)
			}
			return nil
		})
		if (err == nil) != c.ok || (err != nil && !errors.Is(err, ErrXML)) {
			t.Errorf("%s: %v", c.name, err)
		}
		if c.name == "plain" && text.String() != "texte & suite" {
			t.Errorf("plain: text %q", text.String())
		}
	}
}

func TestBuilder(t *testing.T) {
	var b Builder
	b.StartPara(corpus.Heading, "")
	b.Text("Titre")
	b.EndPara()
	b.StartPara(corpus.Paragraph, "")
	b.Text("Avant ")
	b.StartPara(corpus.Paragraph, "") // a text box inside the paragraph
	b.Text("Encadré")
	b.EndPara()
	b.Text("après.")
	b.EndPara()
	b.StartRow()
	b.StartCell()
	b.StartPara(corpus.Paragraph, "")
	b.Text("A1")
	b.EndPara()
	b.EndCell()
	b.StartCell()
	b.EndCell()
	b.StartCell()
	b.StartPara(corpus.Paragraph, "")
	b.Text("C1")
	b.EndPara()
	b.StartPara(corpus.Paragraph, "")
	b.Text("suite")
	b.EndPara()
	b.EndCell()
	b.EndRow()
	b.StartPara(corpus.Paragraph, "• ")
	b.Text("item ouvert")
	got := b.Blocks()
	want := []Block{
		{Text: "Titre", Kind: corpus.Heading},
		{Text: "Avant après."},
		{Text: "Encadré"},
		{Text: "A1 | C1 suite"},
		{Text: "• item ouvert"},
	}
	if len(got) != len(want) {
		t.Fatalf("blocks %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Text != want[i].Text || got[i].Kind != want[i].Kind {
			t.Errorf("block %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestFields(t *testing.T) {
	tests := []struct {
		name, xml string
		want      map[string]string
		err       bool
	}{
		{"core.xml", `<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title> Un titre </dc:title><dc:creator>Ada</dc:creator><dc:language/></cp:coreProperties>`,
			map[string]string{"title": "Un titre", "creator": "Ada"}, false},
		{"twice", `<m><date>2020</date><date>  </date><date>2021</date></m>`, map[string]string{"date": "2021"}, false},
		{"truncated", `<m><title>Avant</title><creator>Ada`, map[string]string{"title": "Avant", "creator": "Ada"}, true},
		{"entities", `<!DOCTYPE m [<!ENTITY a "aaaa">]><m><title>&a;</title></m>`, map[string]string{}, true},
	}
	for _, tt := range tests {
		got, err := Fields(tt.name, []byte(tt.xml))
		if (err != nil) != tt.err || !maps.Equal(got, tt.want) {
			t.Errorf("Fields(%s) = %v, %v; want %v, error %v", tt.name, got, err, tt.want, tt.err)
		}
		if err != nil && !strings.Contains(err.Error(), tt.name) {
			t.Errorf("Fields(%s): error %q does not name the member", tt.name, err)
		}
	}
}
