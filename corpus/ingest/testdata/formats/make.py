#!/usr/bin/env python3
"""Regenerates the documents of this folder (see SOURCES.md): a flat
OpenDocument file written from a French help page of ../shared/corpora,
with a title, headings, paragraphs, a list, a table, metadata, a running
header and a page-number footer, then converted by LibreOffice to PDF,
DOCX, ODT and EPUB. Needs soffice (Debian's libreoffice-writer-nogui).

    python3 make.py ../../../../../shared/corpora/fr-docs/libreoffice-help-fr/text/shared/optionen/01010400.txt
"""
import subprocess, sys
from xml.sax.saxutils import escape

src = open(sys.argv[1], encoding="utf-8").read().split("\n")
paras = [l.strip() for l in src if l.strip()]
title, body = paras[0], paras[2:]
out = []
for p in body:
    if len(p) < 60 and not p.endswith((".", ":", "…")):
        out.append('<text:h text:style-name="Heading_20_2" text:outline-level="2">%s</text:h>' % escape(p))
    else:
        out.append('<text:p text:style-name="Text_20_body">%s</text:p>' % escape(p))
    if len(out) == 8:
        out.append('<text:p text:style-name="Text_20_body">Les sous-modules :</text:p>')
        out.append('<text:list text:style-name="L1">' + "".join(
            '<text:list-item><text:p text:style-name="Text_20_body">%s</text:p></text:list-item>' % x
            for x in ("Vérification orthographique", "Coupure des mots", "Dictionnaire des synonymes")) + '</text:list>')
        out.append('<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>' + "".join(
            '<table:table-row><table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell></table:table-row>' % r
            for r in (("Module", "Langues"), ("Hunspell", "français, anglais"), ("Hyphen", "français"))) + '</table:table>')

doc = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%(title)s</dc:title><meta:initial-creator>Contributeurs de LibreOffice</meta:initial-creator><dc:creator>Contributeurs de LibreOffice</dc:creator><meta:creation-date>2020-10-12T09:30:00</meta:creation-date><dc:language>fr-FR</dc:language></office:meta>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.4cm" fo:text-align="center"/><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Header">%(title)s — aide de LibreOffice</text:p></style:header>
<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
<text:p text:style-name="Title">%(title)s</text:p>
%(body)s
</office:text></office:body></office:document>
''' % {"title": escape(title), "body": "\n".join(out)}
open("linguistique.fodt", "w", encoding="utf-8").write(doc)
for fmt in ("pdf", "docx", "odt", "epub"):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "linguistique.fodt"], check=True, capture_output=True)
