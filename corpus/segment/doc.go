// Package segment splits text into sentences, with rules made for French
// (the default) and English.
//
// Sentences returns byte spans into the text, in order, trimmed of white
// space; together they cover every character of the text that is not white
// space. It runs in one pass over the bytes, in time linear in the text
// (hostile input included), without regular expressions, and allocates
// little besides the result.
//
// # Rules
//
// A sentence ends after a cluster of final punctuation (".", "!", "?",
// "…", "...", "?!", French spaced "? !", the spaced ellipsis ". . .", the
// CJK full stops) together with the closing quotes and brackets that follow
// it (`."`, `! »` with a normal, non-breaking or narrow non-breaking space,
// `.)`), when what follows starts a sentence:
//
//   - A lower-case letter never starts a sentence on the same line: `etc. et`,
//     `« Quoi ? » dit-il`, `Yahoo! in`.
//   - Final punctuation glued to what follows ends a sentence only when it
//     reads as a missing space between a word or a number and a capitalised
//     word, a title or a heading in capitals (`Pyrénées.Alors`, `en 2012.Il`,
//     `"paix".Les`, `Sénat.M. Larcher`, `bureau.HOLLANDE`, `Où ?Ensuite`):
//     numbers (`85.000`, `3.5`), domains and URLs (`www.site.fr`, `JD.com`,
//     `site.fr/Page?Id=3`), e-mail addresses, abbreviations (`St.Étienne`)
//     and dotted abbreviations (`e.g.`, `U.S.A.`, `LL.AA.`) stay whole.
//   - After a full stop the word before it decides. Titles and abbreviations
//     that stand before a name or a term never end a sentence (`M.`, `MM.`,
//     `Mme`, `Dr`, `Mr.`, `St.`, `cf.`, `av.`, `p. 55`, single lower-case
//     letters); abbreviations that stand before a number do not end one
//     before a number or a roman numeral (`n° 5`, `vol. 2`, `chap. IV`,
//     `sept. 2020`); initials (`J.`, `J.-M.`, `U.S.`, `LL.AA.`) end one only
//     before a word that usually starts a sentence (`Il`, `Elle`, `The`,
//     `How`...), never before a name (`J. Chirac`, `J. Le Pen`); `av. J.-C.`
//     ends one like any word, and so does a letter after a number, a unit
//     (`300 m.`, `30 F.`; but `500 p.` is pages). A number of one to three digits (or a roman
//     numeral) opening a sentence is a list number (`1. Introduction`).
//     Every other word ends the sentence before anything but a lower-case
//     letter, including `etc.`: `…, etc. Ces villes` is two sentences.
//   - A line break after final punctuation ends the sentence (unless the
//     word before is a title or an abbreviation that cannot end one).
//   - A blank line (a paragraph break) always ends the sentence.
//   - A single line break without final punctuation ends the sentence when
//     the line reads as a heading and the next line starts a sentence: the
//     next line starts with an upper-case letter, a digit, a quote or a list
//     bullet, and the line does not end in a comma, a colon, a hyphen or a
//     word such as `de` or `the` that cannot end a sentence. Hard-wrapped
//     text whose next line starts in lower case or with a decimal number
//     (`37,99`) is not cut.
//   - List bullets (`•`, `‣`, `⁃`, `◦`, `▪`, and `-`, `–`, `—`, `*` followed by
//     a space at the start of a line) start a new sentence, and so do the
//     next numbers of a list that opens a sentence, on the same line
//     (`1) Un point 2) Un autre`, `a. Un b. Deux`).
//   - An ellipsis inside brackets (`[...]`, `(…)`) marks a cut in a
//     quotation and ends nothing; nor does one before a number (`à
//     savoir... 30 F`) or a bracket (`[OPTION] ... [FILE]`). A quotation
//     followed by its source stays one sentence (`."  (Le Monde, 2006).`).
//     Final punctuation that opens a sentence (a leading `..`) is kept with
//     what follows.
//
// For "en" the English titles and abbreviations apply too (they are
// recognised in French text as well), and a single capital `I.` is the
// pronoun when a sentence starter follows.
package segment
