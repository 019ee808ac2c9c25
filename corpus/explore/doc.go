// Package explore computes the analyses a reader of a whole corpus asks
// for beyond search: concordances (KWIC), trends of terms over documents
// and time, collocates, keyness (distinctive words), repeated phrases,
// the co-occurrence network of named entities, the timeline of the
// documents and the corpus's figures.
//
// The analyses read a corpus through Source, a small interface: the
// number of documents and each document with its text and annotations.
// New cuts every text once into words with package token (the same
// tokenizer and folding as the index) and keeps, per document, each
// word's folded term, its stem, its byte range and flags (stopword,
// sentence break before it, start of a sentence of the document's
// segmentation), and each document's named entities: a Table. Every
// analysis then runs on the Table, and asks the Source again only for the
// text of what it shows (the lines of a concordance page, the examples of
// phrases): a split build whose texts are no longer held needs only
// those few again, named in one error.
//
// Counts are of words as the tokenizer cuts them: the joined form of a
// hyphenated word ("ecommerce" for "e-commerce") is not a word of its
// own, its parts are. Association and keyness use Dunning's
// log-likelihood (G²) on the 2×2 contingency table; see LogLikelihood.
package explore
