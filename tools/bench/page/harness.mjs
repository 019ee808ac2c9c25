// The page every engine is measured in (make bench): engine.mjs, the
// engine's adapter, exports open(), which fetches and loads the index its
// site ships and resolves to {search(query) -> ids of the top 10,
// open(id) -> the document}. The harness records when the index was ready
// and when the first answer came, then lets the runner time queries, open
// documents, and type into the search box (each keystroke searches, the
// latest answer is shown as a list of ids) while longtasks.js records the
// main thread's long tasks. performance.now() counts from navigation;
// without cross-origin isolation it ticks in 0.1 ms, so a query is
// repeated until 2 ms have passed (at most 100 times) and timed as the mean.
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
  // What an answer still fetches after it is shown (a split build's
  // snippets): waited for before the bytes are counted.
  window.settle = async () => {
    if (engine.settle) await engine.settle();
  };
  window.openDocs = async (ids) => {
    for (const id of ids) {
      const d = await engine.open(id);
      if (!d || typeof d.text !== 'string') throw new Error(`open(${id}): no text`);
    }
  };
  // Typing: every input searches; an answer older than the box is dropped.
  const box = document.getElementById('q');
  const list = document.getElementById('hits');
  let asked = 0;
  window.typed = { answered: '' };
  box.addEventListener('input', async () => {
    const q = box.value;
    const n = ++asked;
    const ids = q.trim() ? await engine.search(q) : [];
    if (n !== asked) return;
    list.replaceChildren(...ids.map((id) => Object.assign(document.createElement('li'), { textContent: id })));
    window.typed.answered = q;
  });
  document.documentElement.dataset.ready = 'true';
} catch (err) {
  document.documentElement.dataset.error = String(err && err.stack || err);
}
