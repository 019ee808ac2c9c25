// Pagefind: the index its own binary wrote (pagefind/), French stemming
// from the lang attribute, diacritics folded (exactDiacritics: false, the
// default), prefix matching built in; no typo tolerance. A result's id
// needs its fragment (data()), as any page that shows results does.
import { openDoc } from './common.mjs';

export async function open() {
  const pf = await import('./pagefind/pagefind.js');
  await pf.options({ exactDiacritics: false });
  await pf.init();
  return {
    async search(q) {
      const r = await pf.search(q);
      const top = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return top.map((d) => decodeURIComponent(d.url.replace(/^.*?\/d\//, '').replace(/\/$/, '')));
    },
    open: openDoc,
  };
}
