// Builds an engine's index ahead, as a site's build step would, in the
// same browser and with the same adapter code that later loads it:
// engine.mjs's build(docs) returns the files to ship ({name: text}), which
// run.mjs reads from window.built and writes beside the page.
import * as engine from './engine.mjs';
import { fetchDocs } from './common.mjs';

try {
  const start = performance.now();
  window.built = await engine.build(await fetchDocs());
  window.keepDocs = !!engine.keepDocs;
  window.buildMs = performance.now() - start;
  document.documentElement.dataset.ready = 'true';
} catch (err) {
  document.documentElement.dataset.error = String(err && err.stack || err);
}
