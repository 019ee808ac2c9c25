// The standalone page: mount the explorer into #app, with its state in the
// address (#q=…, #doc=…) and the browser's history.
//
// The explorer starts loading before the page's own modules are imported:
// its module downloads and its worker starts while they arrive, rather
// than once they all have (index.html preloads them all, and the module).
import { load } from './explorer.js';

/** @type {((loaded: number, total: number | null) => void) | null} */
let progress = null;
// A page of a split build (<meta name="corpus-explorer-split">, written by
// make site and explorer dist) opened on a search (#q=…) names its first
// query, so that the query's postings come while the module downloads (a
// hint: read here without the router, which would hold the load for its
// import). An embedded build has no list of them to fetch.
const q = document.querySelector('meta[name="corpus-explorer-split"]') ? /(?:^#|&)q=([^&]*)/.exec(location.hash)?.[1] : undefined;
const early = load({ onProgress: (loaded, total) => progress?.(loaded, total), firstQuery: q && hint(q) });
early.catch(() => {}); // shown by the page, which takes this load below
let first = true;

const { mount } = await import('./app.js');
// <meta name="corpus-originals" content="originals/"> says where the
// original files are published (see the README); the reader links them.
const originals = document.querySelector('meta[name="corpus-originals"]')?.getAttribute('content') || '';
const app = mount(/** @type {HTMLElement} */ (document.getElementById('app')), {
  useHash: true,
  originals,
  // The page's first load is the one started above; after a failure, it
  // loads again.
  load: (options) => {
    if (!first) return load(options);
    first = false;
    progress = options?.onProgress ?? null;
    return early;
  },
});
/** The query of a #q= part, decoded as the router decodes it (a malformed escape left as it is). */
function hint(v) {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

// Tests and the curious can reach the controller from the console.
window.corpusExplorer = app;
