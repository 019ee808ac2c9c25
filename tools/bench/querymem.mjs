// Memory of a built site over many distinct queries, in headless Chromium
// through the worker, as a results page uses it: each query's top 10,
// then its snippets (which, in a split build, fetch and decode the text
// packs they need). Prints the module's linear memory and the Go heap in
// use (stats({gc: true}), after a collection) after the load and after
// each checkpoint, so that one sees whether memory stays bounded. With
// -held, also the bytes of the packs the module holds, by kind (packs():
// texts, the search index's chunks, parts of long texts); listing them
// costs memory itself (34,276 packs on the 100 MB corpus: about 2.4 MB
// of JSON a call), so the figures of a run with -held are higher. A
// benchmark, not a test: it asserts nothing.
//
// The queries are drawn from the corpus's own words with a fixed seed:
// one to three words of a document, a word's first letters as typed, a
// word with one letter changed.
//
//   node tools/bench/querymem.mjs SITE CORPUS-DIR [-n 1000] [-at 100,300,600,1000] [-held] [-dump FILE]
//
// -dump writes the queries as a query set (for nodelat.mjs) and stops.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, launch } from '../../wasm/test/server.mjs';

const args = process.argv.slice(2);
const pos = [];
let n = 1000;
let at = [100, 300, 600, 1000];
let dump = null;
let held = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-n') n = Number(args[++i]);
  else if (args[i] === '-at') at = args[++i].split(',').map(Number);
  else if (args[i] === '-dump') dump = args[++i];
  else if (args[i] === '-held') held = true;
  else pos.push(args[i]);
}
if (pos.length !== 2) throw new Error('usage: querymem.mjs SITE CORPUS-DIR [-n 1000] [-at 100,300,600,1000] [-held] [-dump FILE]');
const [site, corpus] = pos.map((p) => resolve(p));

// A seeded generator, for the same queries every run.
let seed = 7;
const rand = (k) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % k;
};
const files = [];
const walk = async (dir) => {
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) await walk(join(dir, e.name));
    else files.push(join(dir, e.name));
  }
};
await walk(corpus);
const queries = new Set();
while (queries.size < n) {
  const words = (await readFile(files[rand(files.length)], 'utf8')).split(/[^\p{L}\p{N}'-]+/u).filter((w) => w.length > 2 && w.length < 20);
  if (words.length < 3) continue;
  const i = rand(words.length - 2);
  const w = words[i].toLowerCase();
  switch (rand(6)) {
    case 0: queries.add(w.slice(0, 2 + rand(3))); break; // typing
    case 1: { const j = rand(w.length); queries.add(w.slice(0, j) + 'aeiourst'[rand(8)] + w.slice(j + 1)); break; } // a typo
    default: queries.add(words.slice(i, i + 1 + rand(3)).join(' ').toLowerCase());
  }
}

if (dump) {
  await writeFile(dump, JSON.stringify({ about: `querymem.mjs: ${n} queries from ${corpus}`, queries: [...queries].map((q) => ({ q })) }) + '\n');
  process.exit(0);
}

const server = await serve(site);
const browser = await launch();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.goto(`${server.url}/test/page.html`);
  const result = await page.evaluate(async ({ qs, at, withHeld }) => {
    const { load } = await import('/explorer.js');
    const t0 = performance.now();
    const ex = await load();
    const first = await ex.search(qs[0], { limit: 10 });
    await ex.snippets(first);
    const loadMs = performance.now() - t0;
    const fig = async (done) => {
      // What the module holds of the packs it was given, by kind.
      const kinds = {};
      if (withHeld) for (const p of await ex.packs()) if (p.loaded) kinds[p.kind] = (kinds[p.kind] || 0) + p.size;
      const s = await ex.stats({ gc: true });
      return { done, memory: s.memory_bytes, heap: s.heap_inuse, sys: s.go_sys, held: kinds };
    };
    const trace = [await fig(1)];
    const times = [];
    for (let i = 1; i < qs.length; i++) {
      const t = performance.now();
      const r = await ex.search(qs[i], { limit: 10 });
      times.push(performance.now() - t);
      await ex.snippets(r);
      if (at.includes(i + 1)) trace.push(await fig(i + 1));
    }
    const mode = (await ex.stats()).mode;
    await ex.close();
    times.sort((a, b) => a - b);
    return { mode, loadMs, trace, p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], max: times.at(-1) };
  }, { qs: [...queries], at, withHeld: held });
  const mb = (x) => (x / 1048576).toFixed(1);
  console.log(`${site}: ${queries.size} distinct queries from ${corpus}, mode ${result.mode}; load and first answer with snippets ${result.loadMs.toFixed(0)} ms; search (wall, without snippets) p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(0)} ms`);
  console.log(`  queries  wasm memory MB  Go heap in use MB  Go sys MB${held ? '  packs held MB: text / index / part' : ''}`);
  for (const f of result.trace) {
    const h = f.held;
    console.log(`  ${String(f.done).padStart(7)}  ${mb(f.memory).padStart(14)}  ${mb(f.heap).padStart(17)}  ${mb(f.sys).padStart(9)}${held ? `  ${[h.text || 0, h.index || 0, h.part || 0].map(mb).join(' / ')}` : ''}`);
  }
} finally {
  await browser.close();
  await server.close();
}
