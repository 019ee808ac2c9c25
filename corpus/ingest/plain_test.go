package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/decode"
	"github.com/corpus-explorer/explorer/corpus/ingest/format"
)

func TestTextExt(t *testing.T) {
	for _, c := range []struct {
		name, ext string
		ok        bool
	}{
		{"a.txt", ".txt", true},
		{"notes.TEXT", ".TEXT", true},
		{"guide.rst", ".rst", true},
		{"report.pdf", ".pdf", true},
		{"README", "", true},
		{"GPL-3", "", true},
		{"Makefile", "", true},
		{"README.Debian", "", true},
		{"changelog.Debian", "", true},
		{"NEWS.old", "", true},
		{"Apache-2.0", "", true},
		{"LGPL-2.1", "", true},
		{"ls.1", ".1", false}, // a man page's source, not a version
		{"data.csv", ".csv", false},
		{"photo.png", ".png", false},
		{"code.go", ".go", false},
		{"changelog.Debian.gz", ".gz", true},
		{"NEWS.md.GZ", ".md.GZ", true},
		{"README.gz", ".gz", true},
		{"manual.pdf.gz", ".pdf.gz", true},
		{"backup.tar.gz", ".tar.gz", false},
		{"ls.1.gz", ".1.gz", false},
	} {
		ext, ok := textExt(c.name)
		if ext != c.ext || ok != c.ok {
			t.Errorf("textExt(%q) = %q, %v; want %q, %v", c.name, ext, ok, c.ext, c.ok)
		}
	}
}

func gz(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A folder as packages ship their documentation (/usr/share/doc): plain
// texts without extension, licences named by version, gzipped change
// logs and READMEs; and files of other types, counted as not read.
func TestDirPlainAndGzipped(t *testing.T) {
	root := t.TempDir()
	write(t, root, "pkg/README", "The package reads lighthouses.\n")
	write(t, root, "pkg/copyright", "Copyright 2020 Jane Doe. Licensed under the GPL.\n")
	write(t, root, "licenses/Apache-2.0", "Apache License, Version 2.0, about patents.\n")
	write(t, root, "pkg/changelog.Debian.gz", gz(t, "pkg (1.2-1) unstable; urgency=low\n\n  * New upstream release about walruses.\n"))
	write(t, root, "pkg/NEWS.md.gz", gz(t, "# News\n\nVersion 2 adds *penguins*.\n"))
	write(t, root, "pkg/program", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00")
	write(t, root, "pkg/broken.txt.gz", "\x1f\x8b\x08\x00garbage")
	write(t, root, "pkg/bomb.txt.gz", gz(t, strings.Repeat("a", 5000)))
	write(t, root, "pkg/big.txt", strings.Repeat("b", 100)) // under the limit
	write(t, root, "pkg/data.csv", "a,b\n")
	write(t, root, "pkg/logo.png", "\x89PNG")
	write(t, root, "pkg/logo2.PNG", "\x89PNG")

	docs, rep, err := Dir(root, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range docs {
		got[d.ID] = d.Path + " | " + d.Text
	}
	for id, want := range map[string]string{
		"pkg/README":           "pkg/README | The package reads lighthouses.",
		"pkg/copyright":        "pkg/copyright | Copyright 2020 Jane Doe.",
		"licenses/Apache-2.0":  "licenses/Apache-2.0 | Apache License, Version 2.0, about patents.",
		"pkg/changelog.Debian": "pkg/changelog.Debian.gz | pkg (1.2-1) unstable; urgency=low",
		"pkg/NEWS":             "pkg/NEWS.md.gz | News",
		"pkg/big":              "pkg/big.txt | bbbb",
	} {
		if !strings.HasPrefix(got[id], want) {
			t.Errorf("%s: got %q, want it to start with %q", id, got[id], want)
		}
	}
	if d := docs[0]; len(docs) != 6 {
		t.Errorf("%d documents, want 6 (first %s)", len(docs), d.ID)
	}
	for _, d := range docs {
		if d.ID == "pkg/NEWS" && (d.Title != "News" || strings.Contains(d.Text, "*")) {
			t.Errorf("NEWS.md.gz not read as Markdown: title %q, text %q", d.Title, d.Text)
		}
	}
	for path, want := range map[string]error{
		"pkg/program":       decode.ErrBinary,
		"pkg/broken.txt.gz": format.ErrCorrupt,
		"pkg/bomb.txt.gz":   ErrTooLarge,
	} {
		fr := reportOf(rep, path)
		if fr == nil || !errors.Is(fr.Err, want) {
			t.Errorf("%s: report %+v, want an error wrapping %v", path, fr, want)
		}
	}
	if u := rep.Unread; len(u) != 2 || u[".csv"] != 1 || u[".png"] != 2 {
		t.Errorf("unread %v, want 1 .csv and 2 .png", u)
	}
}

// The same document in several files (the licence every package ships, a
// copy, the same text gzipped) is indexed once, the others reported.
func TestDirDuplicates(t *testing.T) {
	root := t.TempDir()
	licence := "Apache License\n\nVersion 2.0, January 2004. Terms and conditions for use.\n"
	write(t, root, "a/LICENSE", licence)
	write(t, root, "b/LICENSE", licence)
	write(t, root, "c/LICENSE.gz", gz(t, licence))
	write(t, root, "d/LICENSE", licence+"Appendix.\n")                             // another text
	write(t, root, "e/page.html", "<title>One</title><p>Same body text here.</p>") // same text, another title
	write(t, root, "f/page.html", "<title>Two</title><p>Same body text here.</p>")
	docs, rep, err := Dir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "a/LICENSE d/LICENSE e/page f/page" {
		t.Errorf("documents %s", got)
	}
	for _, p := range []string{"b/LICENSE", "c/LICENSE.gz"} {
		if fr := reportOf(rep, p); fr == nil || !errors.Is(fr.Err, ErrDuplicate) || !strings.Contains(fr.Err.Error(), "a/LICENSE") {
			t.Errorf("%s: report %+v, want a duplicate of a/LICENSE", p, fr)
		}
	}
	if fr := reportOf(rep, "a/LICENSE"); fr == nil || len(fr.Warnings) != 2 {
		t.Errorf("a/LICENSE: report %+v, want a warning for each copy", fr)
	}
}

// Rules drawn with punctuation are not text: never joined to a line by
// reflowing, never a title.
func TestTextRules(t *testing.T) {
	long := "Each cluster is run as a separate service, called by its version and its name, and\nlogging still goes to the usual place on the system, as it did before this change.\n"
	for _, c := range []struct{ name, src, title, notInText string }{
		{"underlined title", "systemd unit files for PostgreSQL on Debian\n--------------------------------------------\n\n" + long, "systemd unit files for PostgreSQL on Debian", "---"},
		{"title between rules", "======================================================================\nLibreOffice 7.4 ReadMe\n======================================================================\n\n\n" + long, "LibreOffice 7.4 ReadMe", "==="},
		{"section break", long + "\n* * *\n\n" + long, "", "* * *"},
		{"a table's border", "Prices\n\n+-----+-----+\n| tea | 2 € |\n+-----+-----+\n", "Prices", "+--"},
		{"not a rule", "Options -- the flags ---\n\nUse -v for more.\n", "", ""},
	} {
		d, err := Bytes("x", "x.txt", []byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkDoc(t, d)
		if c.title != "" && d.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.name, d.Title, c.title)
		}
		if c.notInText != "" && strings.Contains(d.Text, c.notInText) {
			t.Errorf("%s: text %q holds %q", c.name, d.Text, c.notInText)
		}
		if c.notInText == "" && !strings.Contains(d.Text, "Options -- the flags ---") && c.name == "not a rule" {
			t.Errorf("%s: text %q lost its line", c.name, d.Text)
		}
	}
}

// Debian's machine-readable copyright files: their header lines are not
// joined, and they are titled by what they cover.
func TestDebianCopyright(t *testing.T) {
	header := "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
	body := "\nFiles: *\nCopyright: 2001-2017, The Apache Software Foundation\n           2001-2006, The Codehaus Foundation\nLicense: Apache-2.0\n\nLicense: Apache-2.0\n On Debian systems, the full text of the Apache License can be found in the file\n `/usr/share/common-licenses/Apache-2.0'.\n"
	for _, c := range []struct{ name, path, src, title, line string }{
		{"with an upstream name", "maven/copyright", header + "Upstream-Name: Apache Maven\nSource: http://maven.apache.org\nFiles-Excluded: *.jar\n" + body,
			"Apache Maven copyright", "Upstream-Name: Apache Maven\nSource: http://maven.apache.org\n"},
		{"without", "git/copyright", header + "Upstream-Contact: git@vger.kernel.org\nSource: https://www.kernel.org/pub/software/scm/git/\n" + body,
			"git copyright", "Upstream-Contact: git@vger.kernel.org\nSource:"},
	} {
		d, err := Bytes("x", c.path, []byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkDoc(t, d)
		if d.Title != c.title || !d.TitleDerived {
			t.Errorf("%s: title %q (derived %v), want %q", c.name, d.Title, d.TitleDerived, c.title)
		}
		if !strings.Contains(d.Text, c.line) {
			t.Errorf("%s: text %q does not keep the lines %q apart", c.name, d.Text, c.line)
		}
	}
	// Any other text starting with a field is left alone.
	d, err := Bytes("x", "notes.txt", []byte("Format: A4, landscape\n\nThe poster shows a lighthouse at night.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(d.Title, "copyright") {
		t.Errorf("title %q", d.Title)
	}
}

// Change logs written by git log or in the GNU format open on a hash or
// a date and an address: titled by their package's folder.
func TestChangeLogTitles(t *testing.T) {
	entry := "\n\n    Fix the build on big-endian machines, where the tests failed.\n\n"
	for _, c := range []struct{ name, path, src, title string }{
		{"git log", "fontconfig/changelog", "commit a919700fbde28c29ccdb1d2a8bceba80ade19e73\nAuthor: Jane Doe <jane@example.org>\nDate:   Fri Oct 21 10:00:00 2022 +0900" + entry, "fontconfig changelog"},
		{"GNU", "gnupg/changelog", "2022-10-10  Werner Koch  <wk@example.org>\n\n\tRelease 2.2.40.\n\t* agent/call-scd.c (start_scd): Fix the error code." + entry, "gnupg changelog"},
		{"no folder", "ChangeLog", "2022-10-10  Jane Doe  <jane@example.org>\n\n\t* main.c: Fix a leak." + entry, "Changelog"},
		{"prose that starts with a date", "notes/diary.txt", "2022-10-10 was a rainy day, and the lighthouse keeper wrote a long letter to his sister.\n", ""},
	} {
		d, err := Bytes("x", c.path, []byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.title != "" && d.Title != c.title || c.title == "" && strings.HasSuffix(d.Title, "changelog") {
			t.Errorf("%s: title %q, want %q", c.name, d.Title, c.title)
		}
	}
}
