// MiniSearch: BM25 over title (boost 2) and text, built in the page, terms
// folded (case and accents), prefix search and fuzzy matching (edit
// distance up to 20% of the term), any term may match (OR, the default).
import MiniSearch from './lib/minisearch.mjs';
import { fetchDocs, fold } from './common.mjs';

export async function open() {
  const docs = await fetchDocs();
  const ms = new MiniSearch({
    fields: ['title', 'text'],
    processTerm: (t) => fold(t) || null,
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
  });
  ms.addAll(docs);
  return { search: async (q) => ms.search(q).slice(0, 10).map((r) => r.id) };
}
