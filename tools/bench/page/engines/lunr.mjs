// Lunr with lunr-languages' French (trimmer, stop words, Snowball stemmer),
// elisions split (l'utilisateur), accents folded after stemming on both
// sides; each query word but stop words is looked up stemmed (boost 10),
// as a prefix from 3 letters and within edit distance 1 from 4, any word
// may match.
import { fetchDocs, fold, loadScript, FRENCH_STOP_WORDS } from './common.mjs';

export async function open() {
  const [docs] = await Promise.all([
    fetchDocs(),
    loadScript('lib/lunr.js').then(() => loadScript('lib/lunr.stemmer.support.js')).then(() => loadScript('lib/lunr.fr.js')),
  ]);
  const lunr = self.lunr;
  lunr.tokenizer.separator = /[\s\-'’]+/;
  const unaccent = (token) => token.update((s) => fold(s));
  lunr.Pipeline.registerFunction(unaccent, 'unaccent');
  const idx = lunr(function () {
    this.use(lunr.fr);
    this.pipeline.add(unaccent);
    this.searchPipeline.add(unaccent);
    this.ref('id');
    this.field('title', { boost: 2 });
    this.field('text');
    for (const d of docs) this.add(d);
  });
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
  };
}
