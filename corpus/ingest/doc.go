// Package ingest reads a folder of documents into clean, structured
// corpus.Documents. It runs at build time only: it is not part of the
// WebAssembly module.
//
// # Files
//
// Dir walks a folder recursively, in lexical order, and reads every file
// whose name ends in .txt, .md, .markdown, .html, .htm, .pdf, .docx, .odt
// or .epub (in any case; also .docm, .dotx and .ott). It
// skips hidden files and folders (names starting with "."), and, as the go
// tool does, folders named testdata, vendor and node_modules or starting
// with "_", so the Go sources and test data kept beside the default corpus
// are never taken for documents. Files starting with "_" are read:
// "_exit.2.txt" is a man page.
//
// A document's id is its path relative to the folder, slash-separated,
// without its extension: "cinema/Audiard/0001". When two files map to the
// same id (a.md and a.txt), the first in lexical order keeps it and the
// next one gets its path with the extension as id ("a.txt"; then "a.txt~2"
// and so on if that is taken too), with a warning on both reports.
//
// Files that cannot be used are skipped and reported, and the rest of the
// folder builds: empty files, binary files, files over Options.MaxFileSize
// (64 MiB by default; checked before reading, so a huge file never costs
// memory), special files (pipes, devices), unreadable files, files that
// disappear during the build, and files that keep changing while they are
// read (a file whose size or modification time changes between the stat and
// the end of the read is read a second time; if it changes again it is
// skipped). Symbolic links to files are followed when their target lies
// inside the folder and is not indexed under its own name; links that
// loop, dangle, point outside the folder or point to a folder are reported
// and not followed. Invalid bytes are counted, replaced by U+FFFD and
// reported; they never stop a build.
//
// # Document formats
//
// PDF, DOCX, ODT and EPUB files are read by Readers (formats.go) with the
// packages pdf (PDFium compiled to WebAssembly, run by wazero: no cgo, no
// system library), docx, odt and epub, on the safeguards of package
// format: decompression bounded in size and ratio (zip bombs), archive
// member names and references checked (path traversal), XML read without
// entity expansion, PDF pages bounded. Each reader returns blocks (with
// their kind when the markup gives it: headings, list items, table rows)
// and the metadata (title, author, date), which become the document as for
// the other formats. A PDF keeps its pages: Document.Pages holds the
// offset where each page's text starts, and Document.Page names the page
// of an offset. A file that cannot be read is skipped with the reason
// (format.ErrEncrypted, ErrCorrupt, ErrNoPages, ErrNoText with the page
// count of a scan, ErrBomb, ErrUnsafe, ErrXML), and so is one that takes
// longer than Options.FileTimeout (ErrTimeout; a PDF's sandbox is then
// killed). Such files may be up to Options.MaxBinarySize; the text they
// yield is bounded by Options.MaxFileSize. Readers is safe for concurrent
// use, so that workers reading files in parallel can share one.
//
// # Web sites
//
// An HTML page with a <main> element (or role="main"), or else a single
// <article>, has that element as its content: the rest of the page (site
// header, menus, sidebars, footer) is kept as Boilerplate. <meta> tags and
// data- attributes give the page's section and tags (htmlsite.go).
//
// # Text
//
// Bytes decodes a file with package decode (encoding detection, mojibake
// repair, NFC), then reduces it to text by its extension:
//
//   - .html, .htm: parsed with golang.org/x/net/html. The title comes from
//     <title> (or the first <h1>); headings become Heading blocks; the text
//     of nav, footer and aside elements (and of elements whose class or id
//     says cookie, share, social, newsletter, breadcrumb, sidebar) becomes
//     Boilerplate blocks; script, style, template and noscript content is
//     not text and is dropped. <meta name="author">, <meta name="date">,
//     article:published_time and <time datetime> give the author and date.
//   - .md, .markdown: parsed with github.com/yuin/goldmark. Headings become
//     Heading blocks (a first-level heading that opens the document is its
//     Title), links keep their text, code is kept as it is, a YAML front
//     matter (title, date, author) becomes a Meta block.
//   - anything else: plain text, kept as it is apart from reflowing.
//
// # Reflowing hard-wrapped text
//
// A plain text is hard-wrapped when its lines were broken because the next
// word did not fit. Its wrap width W is the 95th percentile of the widths
// of the lines followed by another line; it must lie between 40 and 200
// columns, at most one line in twenty may be longer than W+8 (long words,
// URLs, tables), and at least a quarter of the lines followed by another
// line must be "full": at least half of W wide, and their width plus a
// space plus the next line's first word exceeds the width of their
// paragraph (W, or the widest line of a paragraph of three lines or more
// when narrower). In such a text a full line is joined to the next one
// when both have the same indentation, or the next is less indented (a
// paragraph's indented first line), or the next starts at the column after
// the line's first word (a hanging paragraph: "EINVAL  La socket ..."), and
// the next does not start a list item, and neither line is part of a
// box-drawn table or looks like code (starts with #, ends with { } or */).
// Blank lines, list items, indented and code blocks, and headings therefore
// stay as they are. Text that is not hard-wrapped is left unchanged. The
// file's report says how many line breaks were joined (FileReport.Reflowed).
//
// A word hyphenated at a line end is joined without the hyphen only when
// that is certain: the joined word occurs elsewhere in the document as a
// whole word without hyphen, and the hyphenated form does not occur. Otherwise the hyphen is kept and
// the parts joined without a space ("Jean-" + "Luc" gives "Jean-Luc"), so a
// real hyphen is never lost.
//
// # Structure
//
// The text is cut into units (lines, or reflowed paragraphs, or the blocks
// of the markup), each of which becomes one block:
//
//   - Title: the first unit when it reads as a heading (at most 150
//     characters, not ending in . , ; : or …, not starting in lower case,
//     followed by more text); quotes around it (“ ” « » " ') are stripped
//     from Document.Title but kept in the text. A man page's header line
//     ("LS(1)  Commandes  LS(1)") is its Title block and the NAME section
//     its title. Otherwise the title is derived, and TitleDerived is
//     set: the first sentence without brackets and relative incises, cut
//     at a clause boundary (before a reported-speech tag, a relative or
//     participial clause, an apposition, an adjunct) so that it keeps at
//     most 14 words where it can; when that sentence leans on what came
//     before it ("Il…", "Mais…"), the first heading of the text's first
//     half. A derived title is never cut after a count of words.
//   - Meta: date markers ("date 2020-10" at the start of a line: the marker
//     is Meta, the rest of the line stays text), bylines ("Par Jean Dupont",
//     "By Jane Doe", "Propos recueillis par ..."), a name line right before
//     "A propos de l'auteur", a closing signature ("-- Name", "-+- Name -+-"),
//     lines that are only a date, a man page's footer.
//   - Heading: a short line (at most 100 characters and 14 words) standing
//     alone between paragraphs, starting with a capital or a digit, not
//     ending in . , ; : … or !, followed by text that does not continue it
//     in lower case. A numbered question ("1/ Qu’est-ce que ... ?") is a
//     heading too: interviews use them as section titles.
//   - News furniture glued into a paragraph is cut out of it: video
//     captions ending in their source ("…l’équilibre ?par franceinfo",
//     "(vidéo)par Non Stop Zapping"), photo credits ("© AFP", "Crédit
//     photo : …"), agency codes ending an article
//     ("rfo-grd-meh-cal/blb/or/swxi"), "Lire aussi" and "[VIDÉO]" lines
//     are Boilerplate; a section heading run into the sentence after it
//     ("…persiste et signeLe sulfureux…") is a Heading.
//   - Boilerplate: share and social lines, newsletter and subscription
//     blurbs, cookie notices, "Lire aussi" / "À lire aussi" lines, copyright
//     and licence lines, breadcrumbs, "Site web :" lines; an author bio
//     ("A propos de l'auteur" and everything after it: the article is over);
//     and short lines next to such a trailing run. Consecutive boilerplate
//     units make one block. A man page's TRADUCTION section is boilerplate.
//   - Paragraph: everything else. Sentences are found with package segment
//     inside Paragraph blocks only.
//
// Dates are normalised to ISO 8601 as precisely as known ("2020-10",
// "2020-03-12"): ISO dates, French dates ("12 mars 2020", "1er janvier
// 2021", "mars 2020"), English dates ("March 12, 2020", "12 March 2020"),
// and day-first numeric dates ("12/03/2020"). Only dates in markers,
// bylines, date lines, footers and markup metadata count: a year in the
// middle of the text is not the document's date.
//
// Blocks are in order, do not overlap, and together cover all the text
// that is not white space.
package ingest
