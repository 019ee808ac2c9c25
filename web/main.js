// The standalone page: mount the explorer into #app, with its state in the
// address (#q=…, #doc=…) and the browser's history.
//
// The explorer starts loading before the page's own modules are imported:
// its module downloads and its worker starts while they arrive, rather
// than once they all have (index.html preloads them all, and the module).
import { load } from './explorer.js';

/** @type {((loaded: number, total: number | null) => void) | null} */
let progress = null;
const early = load({ onProgress: (loaded, total) => progress?.(loaded, total) });
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
// Tests and the curious can reach the controller from the console.
window.corpusExplorer = app;
