// Fuse.js: approximate (Bitap) matching of every query word anywhere in
// title (weight 2) and text (ignoreLocation), accents ignored, token search
// (each word but French stop words matched on its own, weighted by inverse
// document frequency), default threshold. Prefixes and typos are what Bitap does.
import Fuse from './lib/fuse.mjs';
import { fetchDocs, FRENCH_STOP_WORDS } from './common.mjs';

export async function open() {
  const docs = await fetchDocs();
  const fuse = new Fuse(docs, {
    keys: [{ name: 'title', weight: 2 }, { name: 'text', weight: 1 }],
    ignoreDiacritics: true,
    ignoreLocation: true,
    useTokenSearch: true,
    // Fuse's own word pattern, less French stop words (it gets folded text).
    tokenize: (text) => (text.match(/[\p{L}\p{M}\p{N}_]+/gu) || []).filter((w) => !FRENCH_STOP_WORDS.has(w)),
  });
  return { search: async (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id) };
}
