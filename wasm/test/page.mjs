// The browser side of browser.test.mjs: it records CSP violations and
// errors, and hands the tests the API and the shared expectations.
import { cases } from './expectations.mjs';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
const errors = [];
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason && e.reason.message)));

const explorers = {};

window.explorerTest = {
  violations,
  errors,
  /** Loads explorer.js from base (default: the site root) into slot. */
  async load(slot, options = {}, base = '/') {
    const { load } = await import(new URL('explorer.js', new URL(base, location.href)).href);
    const progress = [];
    const ex = await load({ ...options, onProgress: (n, total) => progress.push([n, total]) });
    explorers[slot] = { ex, load, options, progress };
    const s = await ex.stats();
    return { mode: s.mode, fallback: s.fallback, progress: [progress[0], progress.at(-1)], count: progress.length, wasm_bytes: s.wasm_bytes };
  },
  names: () => cases.map(([name]) => name),
  /** Runs the case called name on the explorer in slot. */
  async run(slot, name) {
    const { ex, load, options } = explorers[slot];
    const fn = cases.find(([n]) => n === name)[1];
    const mode = (await ex.stats()).mode;
    try {
      await fn({ explorer: ex, mode, load: () => load(options) });
      return null;
    } catch (err) {
      return err && err.stack ? err.stack : String(err);
    }
  },
  async stats(slot) {
    return explorers[slot].ex.stats();
  },
  async close(slot) {
    await explorers[slot].ex.close();
    delete explorers[slot];
  },
};
document.documentElement.dataset.ready = 'true';
