// FlexSearch: a Document index of title and text, forward tokenization
// (prefixes), the LatinBalance charset (accents folded, letters
// deduplicated, basic phonetics for typos) merged with the package's
// French preset (elisions, stop words, stemmer), suggestions on (a
// document may miss a word of the query). The index is built ahead (build)
// and shipped as FlexSearch's own export, one JSON file of its parts.
import { Document, Encoder, Charset } from './lib/flexsearch.mjs';
import { fetchText, loadScript, openDoc } from './common.mjs';

async function index() {
  self.FlexSearch ??= { Language: {} };
  await loadScript('lib/flexsearch-fr.js');
  const encoder = new Encoder(Charset.LatinBalance, self.FlexSearch.Language.fr);
  return new Document({
    document: { id: 'id', index: [{ field: 'title', tokenize: 'forward', encoder }, { field: 'text', tokenize: 'forward', encoder }] },
  });
}

export async function build(docs) {
  const ix = await index();
  for (const d of docs) ix.add(d);
  const parts = [];
  await ix.export((key, data) => {
    parts.push([key, data]);
  });
  return { 'index.json': JSON.stringify(parts) };
}

export async function open() {
  const [ix, text] = await Promise.all([index(), fetchText('index.json')]);
  for (const [key, data] of JSON.parse(text)) await ix.import(key, data);
  return { search: async (q) => ix.search(q, { limit: 10, suggest: true, merge: true }).slice(0, 10).map((r) => r.id), open: openDoc };
}
