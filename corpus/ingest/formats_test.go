package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

// The PDF sandbox takes seconds to start: the tests of this package share
// one set of Readers.
var (
	testReadersOnce sync.Once
	testReaders     *Readers
)

func readers(t *testing.T) *Readers {
	t.Helper()
	testReadersOnce.Do(func() { testReaders = NewReaders(Options{}) })
	return testReaders
}

// makeZip builds a ZIP archive of the members, in order (name, content).
func makeZip(t testing.TB, members ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for i := 0; i+1 < len(members); i += 2 {
		w, err := z.CreateHeader(&zip.FileHeader{Name: members[i], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(members[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makePDF writes a PDF whose pages have the given content streams (an
// empty list makes a document of zero pages), with a correct xref table.
func makePDF(contents ...string) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		b.WriteString(strconv.Itoa(len(offs)) + " 0 obj\n" + s + "\nendobj\n")
	}
	b.WriteString("%PDF-1.4\n")
	kids := make([]string, len(contents))
	for i := range contents {
		kids[i] = strconv.Itoa(4+2*i) + " 0 R"
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [" + strings.Join(kids, " ") + "] /Count " + strconv.Itoa(len(contents)) + " >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for i, c := range contents {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " + strconv.Itoa(5+2*i) + " 0 R >>")
		obj("<< /Length " + strconv.Itoa(len(c)) + " >>\nstream\n" + c + "\nendstream")
	}
	x := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(len(offs)+1) + "\n0000000000 65535 f \n")
	for _, o := range offs {
		s := strconv.Itoa(o)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<< /Size " + strconv.Itoa(len(offs)+1) + " /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(x) + "\n%%EOF\n")
	return b.Bytes()
}

// textPage is a content stream writing lines of text, 14 points apart.
func textPage(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 72 770 Td 14 TL\n")
	for _, l := range lines {
		b.WriteString("(" + l + ") Tj T*\n")
	}
	b.WriteString("ET")
	return b.String()
}

const docxTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`

func docxBody(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
}

// hostileFiles are the files of the hostile folder, with the error each
// must be skipped with (nil: read).
func hostileFiles(t *testing.T) map[string]struct {
	data []byte
	want error
} {
	enc, err := os.ReadFile("testdata/hostile/encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	good := makePDF(textPage("Le chat dort sur le canape du salon.", "Il fait beau ce matin."), textPage("Seconde page du document."))
	billion := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`
	bomb := strings.Repeat("<w:p><w:r><w:t>aaaaaaaa</w:t></w:r></w:p>", 1<<18) // 10 MB, compresses ~1000 times
	return map[string]struct {
		data []byte
		want error
	}{
		"good.pdf":          {good, nil},
		"encrypted.pdf":     {enc, format.ErrEncrypted},
		"corrupt.pdf":       {[]byte("%PDF-1.7\n" + strings.Repeat("garbage \x00\x01 ", 500)), format.ErrCorrupt},
		"truncated.pdf":     {good[:len(good)/3], format.ErrCorrupt},
		"zero-pages.pdf":    {makePDF(), format.ErrNoPages},
		"scanned.pdf":       {makePDF("0 0 1 rg 72 72 400 600 re f", "0 1 0 rg 72 72 400 600 re f"), format.ErrNoText},
		"half-scanned.pdf":  {makePDF(textPage("Une page de texte, puis une page scannee."), "0 0 1 rg 72 72 400 600 re f"), nil},
		"not-a-zip.docx":    {[]byte("PK\x03\x04 not really"), format.ErrCorrupt},
		"bomb.docx":         {makeZip(t, "[Content_Types].xml", docxTypes, "word/document.xml", docxBody(bomb)), format.ErrBomb},
		"traversal.docx":    {makeZip(t, "word/document.xml", docxBody("<w:p><w:r><w:t>x</w:t></w:r></w:p>"), "../../etc/evil.xml", "x"), format.ErrUnsafe},
		"entities.docx":     {makeZip(t, "word/document.xml", billion), format.ErrXML},
		"truncated-xml.odt": {makeZip(t, "content.xml", `<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>début`), format.ErrXML},
		"traversal.epub":    {makeZip(t, "META-INF/container.xml", `<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>`, "OEBPS/content.opf", `<package><manifest><item id="c" href="../../../etc/passwd" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>`), format.ErrUnsafe},
		"no-container.epub": {makeZip(t, "mimetype", "application/epub+zip"), format.ErrCorrupt},
		"empty.odt":         {nil, ErrEmpty},
	}
}

// TestHostileFolder builds a folder of hostile PDF, DOCX, ODT and EPUB
// files beside a good one: each hostile file is skipped with its reason,
// and the good one is read.
func TestHostileFolder(t *testing.T) {
	dir := t.TempDir()
	files := hostileFiles(t)
	for name, f := range files {
		if err := os.WriteFile(filepath.Join(dir, name), f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, rep, err := Dir(dir, Options{Readers: readers(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "good" || docs[1].ID != "half-scanned" {
		t.Fatalf("documents %v, want good and half-scanned", ids(docs))
	}
	if w := strings.Join(docs[1].Warnings, "; "); !strings.Contains(w, "1 of 2 pages have no text") {
		t.Errorf("half-scanned.pdf: warnings %q", w)
	}
	for _, fr := range rep.Files {
		want := files[fr.Path].want
		switch {
		case want == nil && fr.Err != nil:
			t.Errorf("%s: %v, want it read", fr.Path, fr.Err)
		case want != nil && !errors.Is(fr.Err, want):
			t.Errorf("%s: error %v, want %v", fr.Path, fr.Err, want)
		}
		t.Logf("%-18s %v", fr.Path, fr.Err)
	}
	if len(rep.Files) != len(files) {
		t.Errorf("%d reports for %d files", len(rep.Files), len(files))
	}
	d := docs[0]
	if len(d.Pages) != 2 || d.Page(0) != 1 || d.Page(len(d.Text)-1) != 2 || !strings.HasPrefix(d.Text[d.Pages[1]:], "Seconde page") {
		t.Errorf("good.pdf: pages %v in %q", d.Pages, d.Text)
	}
}

func ids(docs []*corpus.Document) []string {
	var s []string
	for _, d := range docs {
		s = append(s, d.ID)
	}
	return s
}

// TestFileTimeout checks that a file over the time limit is reported and
// the next file is still read.
func TestFileTimeout(t *testing.T) {
	dir := t.TempDir()
	pdf := makePDF(textPage("Une page de texte."))
	if err := os.WriteFile(filepath.Join(dir, "slow.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "texte.txt"), []byte("Un texte lisible."), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, rep, err := Dir(dir, Options{FileTimeout: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "texte" {
		t.Errorf("documents %v, want texte", ids(docs))
	}
	if !errors.Is(rep.Files[0].Err, ErrTimeout) {
		t.Errorf("slow.pdf: %v, want %v", rep.Files[0].Err, ErrTimeout)
	}
}

// TestLargeFiles: a 100 MB text is skipped before it is read; a 100 MB
// PDF is read within its limits and reported as corrupt.
func TestLargeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 MB of sparse files")
	}
	dir := t.TempDir()
	for _, name := range []string{"big.txt", "big.pdf"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("%PDF-1.7\n")
		if err := f.Truncate(100 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	_, rep, err := Dir(dir, Options{Readers: readers(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range rep.Files {
		want := ErrTooLarge
		if fr.Path == "big.pdf" {
			want = format.ErrCorrupt
		}
		if !errors.Is(fr.Err, want) {
			t.Errorf("%s: %v, want %v", fr.Path, fr.Err, want)
		}
		t.Logf("%s: %v", fr.Path, fr.Err)
	}
}
