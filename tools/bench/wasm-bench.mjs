// The explorer's browser benchmark (not a test): in headless Chromium, the
// time from navigation to load() resolved, and per-query latency (p50, p95)
// for a query set, in worker and main-thread modes, on the seed corpus and
// on indexes built from ../shared/corpora. Each corpus gets its own module,
// built into a temporary folder (the index is swapped in with go build
// -overlay, so wasm/index.bin is left alone). Prints a table.
//
//   node tools/bench/wasm-bench.mjs [-runs 5] [corpus-dir ...]
import { mkdtemp, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { serve, launch } from '../../wasm/test/server.mjs';
import { repo, buildTool, buildExplorerSite } from './explorer-site.mjs';

const args = process.argv.slice(2);
let runs = 5;
const corpora = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-runs') runs = Number(args[++i]);
  else corpora.push(resolve(args[i]));
}
if (corpora.length === 0) {
  corpora.push(join(repo, 'corpus'));
  for (const c of ['fr-fortunes', 'fr-manpages', 'fr-docs']) {
    const dir = join(repo, '..', 'shared', 'corpora', c);
    try {
      await access(dir);
      corpora.push(dir);
    } catch {
      console.error(`(no ${dir}: skipped)`);
    }
  }
}

// Queries of every kind: plain words, accents left out, typos, prefixes as
// typed, several words, a phrase; then words from the corpus's own keywords.
const QUERIES = [
  'fichier', 'configuration', 'réseau', 'reseau', 'impression', 'mot de passe', 'commande', 'options', 'utilisateur',
  'liberté', 'amour', 'temps', 'géant', 'gouvernement', 'président', 'fichierr', 'confguration', 'imprimante',
  'conf', 'impr', 'util', 'la vie est belle', '"ligne de commande"', 'image calque', 'sauvegarder document',
  'xyzzyq', 'été', 'français', 'base de données', 'écran',
];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="bench.mjs"></script></head><body><main>bench</main></body></html>`;

// Runs in the page: loads, records when load() resolved, then times queries.
const PAGE_JS = `import { load } from './explorer.js';
const params = new URLSearchParams(location.search);
const worker = params.get('worker') !== '0';
const ex = await load({ worker });
const loaded = performance.now();
window.bench = { loaded, ex, stats: await ex.stats() };
window.runQueries = async (queries, rounds) => {
  const times = [];
  let hits = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      const res = await ex.search(q, { limit: 10 });
      times.push(performance.now() - t);
      hits += res.hits.length;
    }
  }
  return { times, hits };
};
document.documentElement.dataset.ready = 'true';
`;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function buildSite(corpus, tool, dir) {
  const built = await buildExplorerSite(corpus, tool, dir);
  await writeFile(join(built.site, 'bench.html'), PAGE);
  await writeFile(join(built.site, 'bench.mjs'), PAGE_JS);
  return built;
}

async function measure(browser, url, worker) {
  const loads = [];
  let result = null;
  let stats = null;
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage();
    await page.goto(`${url}/bench.html?worker=${worker ? 1 : 0}`);
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 300000 });
    loads.push(await page.evaluate(() => window.bench.loaded));
    if (r === runs - 1) {
      const keywords = await page.evaluate(async () => (await window.bench.ex.overview()).keywords.slice(0, 20).map((k) => k.text));
      await page.evaluate((qs) => window.runQueries(qs, 1), QUERIES); // warm up
      result = await page.evaluate((qs) => window.runQueries(qs, 3), [...QUERIES, ...keywords]);
      stats = await page.evaluate(() => window.bench.ex.stats({ gc: true }));
    }
    await page.close();
  }
  const times = result.times.sort((a, b) => a - b);
  return { load: median(loads), p50: pct(times, 0.5), p95: pct(times, 0.95), queries: times.length, stats };
}

const rows = [];
const failures = [];
const work = await mkdtemp(join(tmpdir(), 'wasm-bench-'));
const browser = await launch();
try {
  const tool = buildTool(work);
  for (const corpus of corpora) {
    const name = basename(corpus);
    const dir = await mkdtemp(join(work, `${name}-`));
    process.stderr.write(`${name}: building the index and the module... `);
    try {
      const built = await buildSite(corpus, tool, dir);
      process.stderr.write('measuring... ');
      const server = await serve(built.site);
      try {
        const w = await measure(browser, server.url, true);
        const m = await measure(browser, server.url, false);
        rows.push({ name, built, w, m });
        process.stderr.write('done\n');
      } finally {
        await server.close();
      }
    } catch (err) {
      process.stderr.write(`FAILED\n`);
      failures.push(`${name}: ${err.message}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const mb = (n) => (n / 1048576).toFixed(1);
console.log(`\nheadless Chromium, median of ${runs} navigations; latency over ${rows[0]?.w.queries ?? 0}+ searches (limit 10), round trip from the page`);
const header = ['corpus', 'docs', 'index KB', 'wasm KB', 'wasm br KB', 'build s', 'nav->load worker ms', 'nav->load main ms', 'worker p50 ms', 'worker p95 ms', 'main p50 ms', 'main p95 ms', 'wasm memory MB', 'Go heap MB'];
const table = rows.map(({ name, built, w, m }) => [
  name, String(w.stats.documents), (built.indexBytes / 1024).toFixed(0), (built.wasmRaw / 1024).toFixed(0), (built.wasmBr / 1024).toFixed(0), f1(built.buildSeconds),
  w.load.toFixed(0), m.load.toFixed(0), f2(w.p50), f2(w.p95), f2(m.p50), f2(m.p95), mb(w.stats.memory_bytes), mb(w.stats.heap_inuse),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table) console.log(line(r));
for (const f of failures) console.log(`not measured: ${f}`);
