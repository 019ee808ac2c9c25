// Package summary summarises documents, query results and whole corpora
// by extraction, and finds keywords, named entities and related documents.
//
// # Document summaries
//
// [Document] picks a document's best sentences and returns them in
// document order. Each sentence of the document's Paragraph blocks is scored
// by a weighted sum of
//
//   - centrality: its LexRank score, PageRank over the graph of cosine
//     similarities between sentences, each a TF-IDF vector of stems with
//     stopwords removed (IDF computed over the document's sentences), and
//     its similarity to the document's centroid;
//   - position: news puts the point first, so earlier sentences weigh more;
//   - closeness to the title, when the author gave one;
//   - length: very short sentences say little, very long ones dilute;
//   - names and numbers (who, where, how many), against the share of the
//     sentence in quotation marks (reported speech).
//
// A summary never cuts the text where a reader would notice: a quotation
// that runs over several sentences is one unit, taken whole or not at all,
// and so is a sentence that leans on the one before it ("Mais…", "Il…",
// "Cette décision…", "Selon lui…") with that sentence. Units are then
// chosen by maximal marginal relevance: each pick trades its score against
// its similarity to the units already chosen, and a unit too similar to
// one of them is never chosen. A summary's length is a number of
// sentences, a budget of words, or both. Headings, titles, boilerplate
// (news furniture included: captions, credits, agency codes), fragments
// (fewer than a few words, no lower-case word) and code-like lines are
// never candidates. The weights were tuned on the tuning half of a French
// news summarisation set (see tools/eval).
//
// # Query summaries
//
// [Query] runs a search and gathers, across the top results, the sentences
// that best answer the query: those matching most query terms (exactly, by
// stem, by prefix or as the variants the search matched), weighted by the
// result's rank and the sentence's centrality, without repetition.
//
// # Build-time annotations
//
// [Annotate] runs once when the index is built. It fills each document's
// Keywords (multi-word keyphrases ranked by statistical features in the
// spirit of YAKE: casing, position, normalised frequency, context
// relatedness and sentence spread; a word said once in a long document,
// a generic word such as "Web", a family name already kept with its
// given name, the structural words of the corpus such as the section
// headers of every man page, never lead), Entities (people,
// organisations, places found by French heuristics: variants and
// spellings of one name merged, "M. Pasquier" into "Martin Pasquier",
// "Troyes" into "Troie" when written in the same phrase; kinds voted by
// the words around each occurrence, the head of its noun phrase ("la
// banque BNP Paribas", "l'application de paiement Alipay") and the names
// it is listed with) and Related documents (TF-IDF
// cosine over stems, candidates drawn from an inverted index, with the
// shared keywords that explain the link), and returns the corpus overview.
package summary
