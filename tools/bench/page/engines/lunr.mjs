// Lunr with lunr-languages' French (trimmer, stop words, Snowball stemmer),
// elisions split (l'utilisateur), accents folded after stemming on both
// sides; each query word but stop words is looked up stemmed (boost 10),
// as a prefix from 3 letters and within edit distance 1 from 4, any word
// may match. The index is built ahead (build) and shipped serialised
// (lunr.Index.load).
import { fetchText, fold, loadScript, openDoc, FRENCH_STOP_WORDS } from './common.mjs';

async function lunrFr() {
  await loadScript('lib/lunr.js').then(() => loadScript('lib/lunr.stemmer.support.js')).then(() => loadScript('lib/lunr.fr.js'));
  const lunr = self.lunr;
  lunr.tokenizer.separator = /[\s\-'’]+/;
  const unaccent = (token) => token.update((s) => fold(s));
  lunr.Pipeline.registerFunction(unaccent, 'unaccent');
  return { lunr, unaccent };
}

export async function build(docs) {
  const { lunr, unaccent } = await lunrFr();
  const idx = lunr(function () {
    this.use(lunr.fr);
    this.pipeline.add(unaccent);
    this.searchPipeline.add(unaccent);
    this.ref('id');
    this.field('title', { boost: 2 });
    this.field('text');
    for (const d of docs) this.add(d);
  });
  return { 'index.json': JSON.stringify(idx) };
}

export async function open() {
  const [{ lunr }, text] = await Promise.all([lunrFr(), fetchText('index.json')]);
  const idx = lunr.Index.load(JSON.parse(text));
  return {
    async search(q) {
      const words = lunr.tokenizer(q).map((t) => fold(t.toString()).replace(/^\W+|\W+$/g, '')).filter((w) => w && !FRENCH_STOP_WORDS.has(w));
      const r = idx.query((b) => {
        for (const w of words) {
          b.term(w, { boost: 10 });
          if (w.length > 2) b.term(w, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
          if (w.length > 3) b.term(w, { usePipeline: false, editDistance: 1 });
        }
      });
      return r.slice(0, 10).map((x) => x.ref);
    },
    open: openDoc,
  };
}
