// Fuse.js: approximate (Bitap) matching of every query word anywhere in
// title (weight 2) and text (ignoreLocation), accents ignored, token search
// (each word matched on its own, weighted by inverse document frequency),
// default threshold. Prefixes and typos are what Bitap does.
import Fuse from './lib/fuse.mjs';
import { fetchDocs } from './common.mjs';

export async function open() {
  const docs = await fetchDocs();
  const fuse = new Fuse(docs, {
    keys: [{ name: 'title', weight: 2 }, { name: 'text', weight: 1 }],
    ignoreDiacritics: true,
    ignoreLocation: true,
    useTokenSearch: true,
  });
  return { search: async (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id) };
}
