// Fuse.js: approximate (Bitap) matching of every query word anywhere in
// title (weight 2) and text (ignoreLocation), accents ignored, token search
// (each word but French stop words matched on its own, weighted by inverse
// document frequency), default threshold. Prefixes and typos are what Bitap
// does. Fuse searches the documents themselves: a site ships them
// (docs.json) with the index built ahead (Fuse.createIndex, build).
import Fuse from './lib/fuse.mjs';
import { fetchDocs, fetchText, openDoc, FRENCH_STOP_WORDS } from './common.mjs';

const KEYS = [{ name: 'title', weight: 2 }, { name: 'text', weight: 1 }];
const OPTIONS = {
  keys: KEYS,
  ignoreDiacritics: true,
  ignoreLocation: true,
  useTokenSearch: true,
  // Fuse's own word pattern, less French stop words (it gets folded text).
  tokenize: (text) => (text.match(/[\p{L}\p{M}\p{N}_]+/gu) || []).filter((w) => !FRENCH_STOP_WORDS.has(w)),
};

/** Fuse needs docs.json at run time: run.mjs keeps it. */
export const keepDocs = true;

export async function build(docs) {
  return { 'fuse-index.json': JSON.stringify(Fuse.createIndex(KEYS, docs).toJSON()) };
}

export async function open() {
  const [docs, index] = await Promise.all([fetchDocs(), fetchText('fuse-index.json')]);
  const fuse = new Fuse(docs, OPTIONS, Fuse.parseIndex(JSON.parse(index)));
  return { search: async (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id), open: openDoc };
}
