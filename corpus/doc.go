// Package corpus models the documents of a corpus: their cleaned text, the
// blocks and sentences it is made of, and what was learnt about them
// (title, date, author, language, keywords, entities, related documents).
//
// The folder that holds this package is also the default corpus: the text
// files beside this source are the documents. Ingestion (package
// corpus/ingest) skips Go sources and, as the go tool does, directories
// named testdata or vendor and names starting with "." or "_", so the Go
// code below this folder is never mistaken for a document.
//
// All offsets held in a Document are byte offsets into Document.Text.
// Everything written as JSON for a program or a web page (the command-line
// tool, the JavaScript API) gives offsets in UTF-16 code units instead, so
// that JavaScript's text.slice(start, end) returns the intended part; see
// UTF16Offsets.
package corpus
