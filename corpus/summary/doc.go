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
//     stopwords removed (IDF computed over the document's sentences);
//   - position: news puts the point first, so earlier sentences weigh more;
//   - closeness to the title, when the author gave one;
//   - length: very short sentences say little.
//
// Sentences are then chosen by maximal marginal relevance: each pick
// trades its score against its similarity to the sentences already chosen,
// and a sentence too similar to one of them is never chosen. Headings,
// titles, boilerplate, fragments (fewer than a few words, no lower-case
// word) and code-like lines are never candidates. The weights were tuned
// on a French news summarisation set (see tools/eval).
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
// relatedness and sentence spread), Entities (people, organisations, places
// found by French heuristics, variants merged) and Related documents (TF-IDF
// cosine over stems, candidates drawn from an inverted index, with the
// shared keywords that explain the link), and returns the corpus overview.
package summary
