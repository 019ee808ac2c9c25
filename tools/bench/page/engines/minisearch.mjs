// MiniSearch: BM25 over title (boost 2) and text, built in the page, terms
// folded (case and accents), French stop words dropped, prefix search from
// 3 letters and fuzzy matching (edit distance up to 20% of the term) from
// 4, any term may match (OR, the default).
import MiniSearch from './lib/minisearch.mjs';
import { fetchDocs, fold, FRENCH_STOP_WORDS } from './common.mjs';

export async function open() {
  const docs = await fetchDocs();
  const ms = new MiniSearch({
    fields: ['title', 'text'],
    processTerm: (t) => {
      const f = fold(t);
      return f && !FRENCH_STOP_WORDS.has(f) ? f : null;
    },
    searchOptions: { boost: { title: 2 }, prefix: (t) => t.length > 2, fuzzy: (t) => (t.length > 3 ? 0.2 : false) },
  });
  ms.addAll(docs);
  return { search: async (q) => ms.search(q).slice(0, 10).map((r) => r.id) };
}
