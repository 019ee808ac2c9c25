// FlexSearch: a Document index of title and text, built in the page,
// forward tokenization (prefixes), the LatinBalance charset (accents
// folded, letters deduplicated, basic phonetics for typos) merged with the
// package's French preset (elisions, stop words, stemmer), suggestions on
// (a document may miss a word of the query).
import { Document, Encoder, Charset } from './lib/flexsearch.mjs';
import { fetchDocs, loadScript } from './common.mjs';

export async function open() {
  self.FlexSearch ??= { Language: {} };
  const [docs] = await Promise.all([fetchDocs(), loadScript('lib/flexsearch-fr.js')]);
  const encoder = new Encoder(Charset.LatinBalance, self.FlexSearch.Language.fr);
  const index = new Document({
    document: { id: 'id', index: [{ field: 'title', tokenize: 'forward', encoder }, { field: 'text', tokenize: 'forward', encoder }] },
  });
  for (const d of docs) index.add(d);
  return { search: async (q) => index.search(q, { limit: 10, suggest: true, merge: true }).slice(0, 10).map((r) => r.id) };
}
