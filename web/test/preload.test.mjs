// The page's index.html preloads every module the page runs (main.js's
// imports, the page's modules from app.js on, and explorer.js's api.js),
// so that none waits for the one that imports it, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const wasm = fileURLToPath(new URL('../../wasm', import.meta.url));

/** Returns the modules f imports (static and dynamic, relative), as paths. */
function imports(f) {
  // Comments out: JSDoc's import('./x.js') names a type, not a module to run.
  const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out = [];
  for (const m of src.matchAll(/(?:^\s*import\s+(?:[^'";]*?\s+from\s+)?|\bimport\()\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    let p = join(dirname(f), m[1]);
    // explorer.js and api.js are the API's, copied beside the page.
    if (!existsSync(p) && existsSync(join(wasm, m[1]))) p = join(wasm, m[1]);
    out.push(p);
  }
  return out;
}

test('index.html preloads every module the page runs, and only those', () => {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const g of imports(f)) walk(g);
  };
  walk(join(web, 'main.js'));
  const name = (f) => (f.startsWith(wasm) ? relative(wasm, f) : relative(web, f));
  const want = [...seen].map(name).filter((n) => n !== 'main.js').sort();
  assert.ok(want.includes('app.js') && want.includes('explorer.js') && want.includes('api.js') && want.includes('explore/view.js'), `the walk found ${want}`);
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  assert.deepEqual(preloaded, want);
  assert.match(html, /<link rel="preload" href="explorer.wasm" as="fetch" type="application\/wasm" crossorigin>/);
});
