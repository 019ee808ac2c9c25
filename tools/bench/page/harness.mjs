// The page every engine is measured in (make bench): engine.mjs, the
// engine's adapter, exports open(), which fetches and loads (or builds) the
// index and resolves to {search(query) -> ids of the top 10}. The harness
// records when the index was ready and when the first answer came, then
// lets the runner time queries. performance.now() counts from navigation;
// without cross-origin isolation it ticks in 0.1 ms, so a query is repeated
// until 2 ms have passed (at most 100 times) and timed as the mean.
import { open } from './engine.mjs';

const first = new URLSearchParams(location.search).get('q') || 'fichier';
try {
  const start = performance.now();
  const engine = await open();
  const loaded = performance.now();
  const firstIds = await engine.search(first);
  const firstAnswer = performance.now();
  window.bench = { startMs: start, loadMs: loaded - start, firstQueryMs: firstAnswer - loaded, firstAnswerMs: firstAnswer, firstIds };
  window.runQueries = async (queries) => {
    const out = [];
    for (const q of queries) {
      const t = performance.now();
      let ids;
      let n = 0;
      do {
        ids = await engine.search(q);
        n++;
      } while (performance.now() - t < 2 && n < 100);
      out.push({ ms: (performance.now() - t) / n, ids });
    }
    return out;
  };
  document.documentElement.dataset.ready = 'true';
} catch (err) {
  document.documentElement.dataset.error = String(err && err.stack || err);
}
