// Command fodt writes a French plain text as a flat OpenDocument file
// (.fodt) that LibreOffice converts to PDF, DOCX, ODT and EPUB: the test
// documents of corpus/ingest (make fidelity, testdata/formats). The first
// line is the Title paragraph; short lines that do not end a sentence are
// headings; the other lines are paragraphs, justified and hyphenated (when
// LibreOffice has the French hyphenation patterns: Debian's hyphen-fr).
// The pages, A5 (A4 with -columns), carry a running header (the title) and
// a "Page N" footer;
// the metadata give the title, an author and a date. With -extras, a
// three-item list and a table follow the eighth paragraph.
//
//	go run ./tools/fodt -author NAME -date 2020-10-12 in.txt > out.fodt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	author := flag.String("author", "Contributeurs", "author in the metadata")
	date := flag.String("date", "2020-10-12", "creation date in the metadata (YYYY-MM-DD)")
	extras := flag.Bool("extras", false, "add a list and a table after the eighth paragraph")
	columns := flag.Int("columns", 1, "text columns on the page (2 or more: A4 pages instead of A5)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: fodt [-author NAME] [-date YYYY-MM-DD] [-extras] file.txt > file.fodt")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "fodt:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	write(w, string(data), *author, *date, *extras, *columns)
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "fodt:", err)
		os.Exit(1)
	}
}

// write writes the flat OpenDocument file of text.
func write(w io.Writer, text, author, date string, extras bool, columns int) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{"(vide)"}
	}
	esc := html.EscapeString
	title := lines[0]
	layout := `<style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>`
	if columns > 1 {
		layout = `<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"><style:columns fo:column-count="` + strconv.Itoa(columns) + `" fo:column-gap="0.8cm"/></style:page-layout-properties>`
	}
	fmt.Fprintf(w, head, esc(title), esc(author), esc(author), date, layout, esc(title))
	fmt.Fprintf(w, "<text:p text:style-name=\"Title\">%s</text:p>\n", esc(title))
	paras := 0
	for _, l := range lines[1:] {
		if utf8.RuneCountInString(l) < 60 && !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, ":") && !strings.HasSuffix(l, "…") {
			fmt.Fprintf(w, "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">%s</text:h>\n", esc(l))
			continue
		}
		fmt.Fprintf(w, "<text:p text:style-name=\"Text_20_body\">%s</text:p>\n", esc(l))
		paras++
		if extras && paras == 8 {
			io.WriteString(w, extra)
		}
	}
	io.WriteString(w, tail)
}

const extra = `<text:p text:style-name="Text_20_body">Les sous-modules :</text:p>
<text:list text:style-name="L1"><text:list-item><text:p text:style-name="Text_20_body">Vérification orthographique</text:p></text:list-item><text:list-item><text:p text:style-name="Text_20_body">Coupure des mots</text:p></text:list-item><text:list-item><text:p text:style-name="Text_20_body">Dictionnaire des synonymes</text:p></text:list-item></text:list>
<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell office:value-type="string"><text:p>Module</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Langues</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Hunspell</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>français, anglais</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Hyphen</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>français</text:p></table:table-cell></table:table-row></table:table>
`

const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%s</dc:title><meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator><meta:creation-date>%sT09:30:00</meta:creation-date><dc:language>fr-FR</dc:language></office:meta>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/><style:text-properties fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.4cm" fo:text-align="center"/><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1">%s</style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Header">%s</text:p></style:header>
<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
`

const tail = `</office:text></office:body></office:document>
`
