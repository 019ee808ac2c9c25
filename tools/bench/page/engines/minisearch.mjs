// MiniSearch: BM25 over title (boost 2) and text, terms folded (case and
// accents), French stop words dropped, prefix search from 3 letters and
// fuzzy matching (edit distance up to 20% of the term) from 4, any term
// may match (OR, the default). The index is built ahead (build) and
// shipped serialised, with the titles stored, as a site would ship it.
import MiniSearch from './lib/minisearch.mjs';
import { fetchText, fold, openDoc, FRENCH_STOP_WORDS } from './common.mjs';

const OPTIONS = {
  fields: ['title', 'text'],
  storeFields: ['title'],
  processTerm: (t) => {
    const f = fold(t);
    return f && !FRENCH_STOP_WORDS.has(f) ? f : null;
  },
  searchOptions: { boost: { title: 2 }, prefix: (t) => t.length > 2, fuzzy: (t) => (t.length > 3 ? 0.2 : false) },
};

export async function build(docs) {
  const ms = new MiniSearch(OPTIONS);
  ms.addAll(docs);
  return { 'index.json': JSON.stringify(ms) };
}

export async function open() {
  const ms = MiniSearch.loadJSON(await fetchText('index.json'), OPTIONS);
  return { search: async (q) => ms.search(q).slice(0, 10).map((r) => r.id), open: openDoc };
}
