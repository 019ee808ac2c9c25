// make bench: our explorer side by side with Pagefind, FlexSearch,
// MiniSearch, Lunr (lunr-languages' French) and Fuse.js, in one headless
// Chromium run, on the seed corpus and on ../shared/corpora/fr-manpages and
// fr-docs; with BENCH_LARGE=1, also on a generated corpus of about 100 MB
// (20,000 documents of real paragraphs of ../shared/corpora, tools/gencorpus,
// written to build/corpus-100mb), which takes long: opt-in.
// A benchmark, not a test: it asserts nothing about timings.
//
// Every engine gets the same documents: the explorer's own ingestion of the
// folder (`explorer inspect -raw`: id, title as the explorer derives it,
// repaired text). Every engine ships what a site would: the explorer its
// module; Pagefind the index its binary writes; the others an index built
// ahead by their adapter's build(docs) (page/build.html, in the same
// browser) and serialised, plus one file a document (text/ID.json) that
// opening a document fetches. Each engine's page (page/index.html,
// page/harness.mjs and its adapter page/engines/NAME.mjs) is served from
// its own folder by the tests' static server and opened in a fresh browser
// context, -runs times:
//
//   - bytes the server sent until the first answer, after all queries, and
//     after the queries plus opening 10 documents (raw; gzip -9 and brotli
//     -11 of the same files, as make dist precompresses them: brotli -6
//     for a file over 8 MB, -5 over 32 MB);
//   - time from navigation to the first answer, and to open the index
//     (fetch plus build or load);
//   - memory after the first answer and after the queries: for the page
//     and each of its workers, V8 heap + embedder heap + ArrayBuffer backing
//     stores (CDP Runtime.getHeapUsage) + WebAssembly memories (not counted
//     by the former; found with Runtime.queryObjects), after a GC;
//   - per-query latency (median, p95) over the corpus's judged queries and
//     the absent-word queries,
//     after warming up for at least one pass and one second, for up to 3
//     passes or 30 s;
//   - relevance of the same answers: hit@3 and MRR@10 against the judged
//     queries in queries-NAME.json (the generated corpus has no judgements:
//     it is timed on its own words, queries-corpus-100mb.json, "judged":
//     false; another corpus without a set, on fr-manpages'); junk rate: the share of the
//     queries of queries-absent.json (words found in no corpus) that get
//     any answer; and, on a line of its own, the junk rate of
//     queries-absent-real.json (real everyday words no corpus has, most
//     of them a typo away from a corpus word), answered once after
//     everything else is measured; with -held-out, on a line of its own
//     too, that of the held-out second such set, queries-absent-real-2.json
//     (written blind to check the work tuned on the first);
//   - relevance on the corpus's further judged sets, queries-NAME-*.json
//     (for fr-docs the blind sets -2 to -5 and the typos; for fr-manpages
//     the blind sets -2 and -3 and its typos), answered once after
//     everything else is measured, so that they change no other figure;
//     the held-out sets named in held-out.txt (since the eighth session,
//     queries-fr-docs-6.json and queries-fr-manpages-4.json, written
//     blind; fr-docs-4, -5 and fr-manpages-2, -3, held out before them,
//     are now development sets) only with -held-out (make bench), so
//     that no one tuning sees them;
//   - the longest main-thread task (PerformanceObserver longtask) while
//     loading (until the first answer) and while typing 5 queries into a
//     search box that searches at each keystroke;
//   - cold loads under network emulation (CDP
//     Network.emulateNetworkConditions: 10 Mbit/s down, 100 ms round trip),
//     brotli on the wire, as many as -runs (or -network-runs): median
//     first answer, and bytes.
//
// Writes build/bench/report.json, build/bench/report.md and docs/bench.svg.
//
//   node tools/bench/run.mjs [-runs 3] [-network-runs N] [-engines explorer,lunr] [-no-network] [-held-out] [-site DIR] [name=corpus-dir ...]
//
// -site DIR measures a site built ahead (make site SITE=DIR CORPUS=...
// SPLIT=on|off: explorer.wasm, wasm_exec.js, explorer.js, api.js and
// packs/ for a split build) instead of building the explorer's module
// here: for one corpus, the one the site was built from, and the explorer
// engine of the site's mode (explorer-split if it has packs/, else
// explorer). It spares a second build of a large corpus.
//   BENCH_LARGE=1 node tools/bench/run.mjs   (adds corpus-100mb; BENCH_LARGE_ENGINES=a,b
//                                             chooses its engines: explorer-split,pagefind,minisearch,flexsearch)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { serve, launch } from '../../wasm/test/server.mjs';
import { repo, brotliSize, buildTool, buildExplorerSite } from './explorer-site.mjs';
import { chart } from './chart.mjs';

const here = join(repo, 'tools', 'bench');
const modules = join(repo, 'node_modules');

// Engine name -> npm package and the files its page needs (from -> to).
const ENGINES = {
  explorer: { label: 'corpus explorer, embedded', files: [], split: 'off' },
  'explorer-split': { label: 'corpus explorer, split', files: [], split: 'on' },
  'explorer-main': { label: 'corpus explorer, embedded, main thread', files: [], split: 'off' },
  pagefind: { label: 'Pagefind', pkg: 'pagefind', files: [] },
  flexsearch: {
    label: 'FlexSearch',
    pkg: 'flexsearch',
    files: [['flexsearch/dist/flexsearch.bundle.module.min.mjs', 'lib/flexsearch.mjs'], ['flexsearch/dist/lang/fr.min.js', 'lib/flexsearch-fr.js']],
  },
  minisearch: { label: 'MiniSearch', pkg: 'minisearch', files: [['minisearch/dist/es/index.js', 'lib/minisearch.mjs']] },
  lunr: {
    label: 'Lunr + lunr-languages fr',
    pkg: 'lunr',
    also: ['lunr-languages'],
    files: [['lunr/lunr.min.js', 'lib/lunr.js'], ['lunr-languages/min/lunr.stemmer.support.min.js', 'lib/lunr.stemmer.support.js'], ['lunr-languages/min/lunr.fr.min.js', 'lib/lunr.fr.js']],
  },
  fuse: { label: 'Fuse.js', pkg: 'fuse.js', files: [['fuse.js/dist/fuse.min.mjs', 'lib/fuse.mjs']] },
};

const args = process.argv.slice(2);
let runs = 3;
let engines = Object.keys(ENGINES);
let network = true;
let networkRuns = null;
let prebuilt = null;
let heldOut = false;
const corpora = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-runs') runs = Number(args[++i]);
  else if (args[i] === '-engines') engines = args[++i].split(',');
  else if (args[i] === '-no-network') network = false;
  else if (args[i] === '-held-out') heldOut = true;
  else if (args[i] === '-network-runs') networkRuns = Number(args[++i]);
  else if (args[i] === '-site') prebuilt = resolve(args[++i]);
  else if (args[i].includes('=')) {
    const [name, dir] = args[i].split('=');
    // A corpus without its own judged queries is timed on fr-manpages'
    // queries, or on its own set of queries-NAME.json if that set says
    // "judged": false (queries-corpus-100mb.json), without relevance figures.
    const set = await readFile(join(here, `queries-${name}.json`), 'utf8').then(JSON.parse, () => null);
    corpora.push({ name, dir: resolve(dir), ...(set?.judged === false ? { queries: name } : set ? {} : { queries: 'fr-manpages' }) });
  } else throw new Error(`unknown argument ${args[i]} (want -runs N, -network-runs N, -no-network, -engines a,b, -site DIR or name=corpus-dir)`);
}
for (const e of engines) if (!ENGINES[e]) throw new Error(`unknown engine ${e} (want ${Object.keys(ENGINES).join(', ')})`);
if (corpora.length === 0) {
  corpora.push({ name: 'seeds', dir: join(repo, 'corpus') });
  for (const name of ['fr-manpages', 'fr-docs']) {
    const dir = join(repo, '..', 'shared', 'corpora', name);
    try {
      await access(dir);
      corpora.push({ name, dir });
    } catch {
      console.error(`(no ${dir}: ${name} skipped)`);
    }
  }
  if (process.env.BENCH_LARGE === '1') {
    const dir = join(repo, 'build', 'corpus-100mb');
    execFileSync('go', ['run', './tools/gencorpus', '-o', dir], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    const large = (process.env.BENCH_LARGE_ENGINES || 'explorer-split,pagefind,minisearch,flexsearch').split(',');
    corpora.push({ name: 'corpus-100mb', dir, queries: 'corpus-100mb', engines: large.filter((e) => engines.includes(e)) });
  }
}
for (const c of corpora) for (const e of c.engines || []) if (!ENGINES[e]) throw new Error(`unknown engine ${e}`);
if (prebuilt) {
  if (corpora.length !== 1) throw new Error('-site: give the one corpus the site was built from (name=corpus-dir)');
  const mode = (await access(join(prebuilt, 'packs')).then(() => true, () => false)) ? 'on' : 'off';
  for (const e of engines) if (e.startsWith('explorer') && ENGINES[e].split !== mode) throw new Error(`-site: ${prebuilt} is a ${mode === 'on' ? 'split' : 'embedded'} build; engine ${e} is not`);
  corpora[0].prebuilt = { mode, site: prebuilt };
}

const version = async (pkg) => JSON.parse(await readFile(join(modules, pkg, 'package.json'), 'utf8')).version;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
const median = (xs) => pct([...xs].sort((a, b) => a - b), 0.5);
const log = (s) => process.stderr.write(s);

// Compressed sizes, cached by content (every peer ships the same docs.json).
const sizes = new Map();
function compressed(body) {
  const key = createHash('sha1').update(body).digest('hex');
  let s = sizes.get(key);
  if (!s) {
    const br = brotli(body);
    s = { gzip: gzipSync(body, { level: 9 }).byteLength, brotli: br.byteLength };
    sizes.set(key, s);
  }
  return s;
}
function bytes(served) {
  const t = { raw: 0, gzip: 0, brotli: 0, requests: served.length };
  for (const body of served) {
    const c = compressed(body);
    t.raw += body.byteLength;
    t.gzip += c.gzip;
    t.brotli += c.brotli;
  }
  return t;
}

// Brotli as `make dist` precompresses the files it ships (the .br beside
// each, tools/explorer/dist.go brotliQuality): quality 11 up to 8 MB, 6 up
// to 32 MB, 5 above (quality 11 would take minutes a file); cached by
// content, for the sizes and for the emulated network's wire.
const brotlis = new Map();
function brotli(body) {
  const key = createHash('sha1').update(body).digest('hex');
  let b = brotlis.get(key);
  if (!b) {
    const quality = body.byteLength <= 8 << 20 ? 11 : body.byteLength <= 32 << 20 ? 6 : 5;
    b = brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: quality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength, [zlibConstants.BROTLI_PARAM_LGWIN]: 24 } });
    brotlis.set(key, b);
  }
  return b;
}

/** A site built ahead (-site): the files buildExplorerSite would have made, and their sizes. */
async function prebuiltSite(dir) {
  const site = await mkdtemp(join(work, 'prebuilt-'));
  for (const f of ['explorer.wasm', 'wasm_exec.js', 'explorer.js', 'api.js']) await copyFile(join(dir, f), join(site, f));
  let packs = 0;
  let packBytes = 0;
  if (await access(join(dir, 'packs')).then(() => true, () => false)) {
    await cp(join(dir, 'packs'), join(site, 'packs'), { recursive: true });
    for (const f of await readdir(join(site, 'packs'))) {
      packs++;
      packBytes += (await stat(join(site, 'packs', f))).size;
    }
  }
  const wasm = await readFile(join(site, 'explorer.wasm'));
  return { site, buildSeconds: null, indexBytes: null, wasmRaw: wasm.byteLength, wasmBr: brotliSize(wasm), packs, packBytes, prebuilt: dir };
}

/** The corpus as the explorer ingests it: [{id, title, text}]. */
function documents(tool, dir) {
  const out = execFileSync(tool, ['inspect', '-raw', '-corpus', dir], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  return out.toString().trim().split('\n').map((l) => {
    const d = JSON.parse(l);
    return { id: d.id, title: d.title, text: d.text };
  });
}

const escapeHTML = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Pagefind's index, written by its own binary through its Node API. */
async function pagefindIndex(docs, site) {
  const pagefind = await import(join(modules, 'pagefind', 'lib', 'index.js'));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const d of docs) {
    const paras = d.text.split(/\n\s*\n/).map((p) => `<p>${escapeHTML(p)}</p>`).join('\n');
    const content = `<!doctype html><html lang="fr"><head><title>${escapeHTML(d.title)}</title></head><body><main><h1>${escapeHTML(d.title)}</h1>\n${paras}</main></body></html>`;
    const r = await index.addHTMLFile({ url: `/d/${encodeURIComponent(d.id)}/`, content });
    if (r.errors.length) throw new Error(`pagefind: ${d.id}: ${r.errors.join('; ')}`);
  }
  const w = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (w.errors.length) throw new Error(`pagefind: ${w.errors.join('; ')}`);
  await pagefind.close();
}

/** Builds the engine's page in dir; resolves to {site, buildSeconds, extra}. */
async function buildEngine(name, corpus, docsJSON, docs, tool, dir) {
  let site = join(dir, 'site');
  const t = Date.now();
  let extra = {};
  if (name.startsWith('explorer')) {
    // The explorer rows of one mode (embedded or split: explorer build
    // -split off or on) share one build of the corpus's module.
    const mode = ENGINES[name].split;
    corpus.explorer ??= {};
    if (corpus.prebuilt?.mode === mode) corpus.explorer[mode] ??= await prebuiltSite(corpus.prebuilt.site);
    corpus.explorer[mode] ??= await buildExplorerSite(corpus.dir, tool, join(dir, '..', `${corpus.name}-explorer-${mode}`), { split: mode });
    const built = corpus.explorer[mode];
    await cp(built.site, site, { recursive: true });
    extra = { indexBytes: built.indexBytes, wasmRaw: built.wasmRaw, wasmBr: built.wasmBr, indexBuildSeconds: built.buildSeconds, packs: built.packs, packBytes: built.packBytes };
  } else {
    await mkdir(join(site, 'lib'), { recursive: true });
    for (const [from, to] of ENGINES[name].files) await copyFile(join(modules, from), join(site, to));
    await copyFile(join(here, 'page', 'common.mjs'), join(site, 'common.mjs'));
    await copyFile(join(here, 'page', 'engines', `${name}.mjs`), join(site, 'engine.mjs'));
    // One file a document, as a site serves a page a document.
    for (const d of docs) {
      const f = join(site, 'text', ...d.id.split('/')) + '.json';
      await mkdir(dirname(f), { recursive: true });
      await writeFile(f, JSON.stringify(d));
    }
    if (name === 'pagefind') await pagefindIndex(docs, site);
    else extra = await buildAhead(site, docsJSON);
  }
  const buildSeconds = (Date.now() - t) / 1000;
  await copyFile(join(here, 'page', 'index.html'), join(site, 'index.html'));
  await copyFile(join(here, 'page', 'longtasks.js'), join(site, 'longtasks.js'));
  await copyFile(join(here, 'page', 'harness.mjs'), join(site, 'harness.mjs'));
  await copyFile(join(here, 'page', 'engines', `${name}.mjs`), join(site, 'engine.mjs'));
  return { site, buildSeconds, extra };
}

/**
 * Builds a peer's index ahead in the browser (page/build.html runs the
 * adapter's build(docs)) and writes the files it returns beside the page;
 * docs.json stays only for an adapter that says keepDocs (Fuse).
 */
async function buildAhead(site, docsJSON) {
  await writeFile(join(site, 'docs.json'), docsJSON);
  await copyFile(join(here, 'page', 'build.html'), join(site, 'build.html'));
  await copyFile(join(here, 'page', 'build.mjs'), join(site, 'build.mjs'));
  const server = await serve(site);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/build.html`);
    await page.waitForSelector('html[data-ready], html[data-error]', { state: 'attached', timeout: 1800000 });
    const error = await page.evaluate(() => document.documentElement.dataset.error);
    if (error) throw new Error(`building ahead: ${error.split('\n')[0]}`);
    const { files, keepDocs, buildMs } = await page.evaluate(() => ({ files: window.built, keepDocs: window.keepDocs, buildMs: window.buildMs }));
    let indexBytes = 0;
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(site, name), text);
      indexBytes += Buffer.byteLength(text);
    }
    if (!keepDocs) await rm(join(site, 'docs.json'));
    return { indexBytes, indexBuildSeconds: buildMs / 1000 };
  } finally {
    await context.close();
    await server.close();
    await rm(join(site, 'build.html'));
    await rm(join(site, 'build.mjs'));
  }
}

// Memory of the page and its workers: CDP on the page's own session, and
// on each worker through Target.sendMessageToTarget (non-flat sessions,
// since a playwright CDPSession speaks only to its own target).
async function attach(cdp) {
  const workers = new Map();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, e.targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.fail(new Error(`${m.error.message} (${p.method})`));
    else p.ok(m.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sendTo = (sessionId) => (method, params = {}) =>
    new Promise((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok, fail, method });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail);
    });
  return {
    async measure() {
      const targets = [(method, params) => cdp.send(method, params), ...[...workers.keys()].map(sendTo)];
      const parts = [];
      for (const send of targets) parts.push(await memoryOf(send));
      return { bytes: parts.reduce((s, p) => s + p.heap + p.embedder + p.arrayBuffers + p.wasm, 0), workers: workers.size, parts };
    },
  };
}

async function memoryOf(send) {
  await send('HeapProfiler.collectGarbage');
  const h = await send('Runtime.getHeapUsage');
  let wasm = 0;
  const proto = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const list = await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sum = await send('Runtime.callFunctionOn', {
    objectId: list.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  wasm = sum.result.value || 0;
  await send('Runtime.releaseObjectGroup', { objectGroup: '' }).catch(() => {});
  return { heap: h.usedSize, embedder: h.embedderHeapUsedSize || 0, arrayBuffers: h.backingStorageSize || 0, wasm };
}

/** Junk rate: the share of the absent-word queries that get any answer. */
function junkRate(absent, answers) {
  const junk = absent.filter((_, i) => answers[i].length > 0).map((j) => j.q);
  return { junkRate: junk.length / absent.length, junkQueries: junk };
}

/** Relevance of the answers against the judged queries. */
function relevance(judged, answers) {
  let hit3 = 0;
  let rr = 0;
  const byKind = {};
  judged.forEach((j, i) => {
    const ids = answers[i];
    const rank = ids.findIndex((id) => j.relevant.includes(id));
    const hit = rank >= 0 && rank < 3;
    hit3 += hit ? 1 : 0;
    rr += rank >= 0 && rank < 10 ? 1 / (rank + 1) : 0;
    const k = (byKind[j.kind] ??= { queries: 0, hit3: 0 });
    k.queries++;
    k.hit3 += hit ? 1 : 0;
  });
  for (const k of Object.values(byKind)) k.hit3 /= k.queries;
  return { hit3: hit3 / judged.length, mrr10: rr / judged.length, byKind };
}

// The emulated network: 10 Mbit/s down, 100 ms round trip.
const SLOW = { offline: false, latency: 100, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

/** Types queries into the page's search box, a key every 60 ms, each until answered. */
/**
 * heldOutSets reads held-out.txt: the judged sets written blind that only
 * the evaluation at a merge runs (one file name a line, # comments).
 */
async function heldOutSets() {
  const text = await readFile(join(here, 'held-out.txt'), 'utf8');
  return new Set(text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
}

async function typeQueries(page, qs) {
  for (const q of qs) {
    await page.fill('#q', '');
    await page.type('#q', q, { delay: 60 });
    await page.waitForFunction((q) => window.typed.answered === q, q, { timeout: 120000 });
  }
}

/** The longest of the page's long tasks that start in [from, to) ms, or 0; null if unsupported. */
async function longestTask(page, from, to) {
  return page.evaluate(([from, to]) => {
    if (!window.longTasks) return null;
    return window.longTasks.filter((t) => t.start >= from && t.start < to).reduce((m, t) => Math.max(m, t.duration), 0);
  }, [from, to]);
}

async function measureEngine(browser, site, queries, more = []) {
  let served = [];
  const server = await serve(site, { onResponse: (_path, body) => served.push(body) });
  const loads = [];
  const firsts = [];
  const firstQueries = [];
  let last = null;
  try {
    for (let r = 0; r < runs; r++) {
      const final = r === runs - 1;
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const mem = await attach(cdp);
        served = [];
        await page.goto(`${server.url}/index.html?q=${encodeURIComponent(queries[0].q)}`);
        await page.waitForSelector('html[data-ready], html[data-error]', { state: 'attached', timeout: 600000 });
        const error = await page.evaluate(() => document.documentElement.dataset.error);
        if (error) throw new Error(error.split('\n')[0]);
        const toFirst = bytes(served);
        const b = await page.evaluate(() => ({ ...window.bench, firstIds: undefined }));
        loads.push(b.loadMs);
        firsts.push(b.firstAnswerMs);
        firstQueries.push(b.firstQueryMs);
        if (!final) continue;
        const longLoad = await longestTask(page, 0, b.firstAnswerMs + 1);
        const memLoaded = await mem.measure();
        const qs = queries.map((j) => j.q);
        const t0 = Date.now();
        const warm = await page.evaluate((q) => window.runQueries(q), qs);
        const warmSeconds = (Date.now() - t0) / 1000;
        const answers = warm.map((a) => a.ids);
        let times = [];
        // A slow engine's warm-up pass is its sample: 3 more would take minutes.
        if (warmSeconds > 20) times = warm.map((a) => a.ms);
        else {
          // Warm up for a second in all, as a visitor's session would: a
          // single pass of a short set ends before V8 has finished
          // recompiling the hot code (WebAssembly or JavaScript alike).
          while (Date.now() - t0 < 1000) await page.evaluate((q) => window.runQueries(q), qs);
          const t1 = Date.now();
          for (let pass = 0; pass < 3 && (pass === 0 || Date.now() - t1 < 30000); pass++) {
            times.push(...(await page.evaluate((q) => window.runQueries(q), qs)).map((a) => a.ms));
          }
        }
        await page.evaluate(() => window.settle());
        const memQueried = await mem.measure();
        const afterQueries = bytes(served);
        // Open 10 documents: the first distinct hits of the answers.
        const open = [...new Set(answers.flat())].slice(0, 10);
        await page.evaluate((ids) => window.openDocs(ids), open);
        const afterOpen = bytes(served);
        // Type 5 queries, a keystroke at a time.
        const typingFrom = await page.evaluate(() => performance.now());
        await typeQueries(page, qs.slice(0, 5));
        const longTyping = await longestTask(page, typingFrom, Infinity);
        // The further judged sets, answered last: they change no figure above.
        const moreAnswers = [];
        for (const set of more) moreAnswers.push((await page.evaluate((q) => window.runQueries(q), set.queries.map((j) => j.q))).map((a) => a.ids));
        last = { toFirst, all: afterQueries, afterOpen, opened: open.length, memLoaded, memQueried, times, answers, moreAnswers, longLoad, longTyping };
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
  }
  const times = [...last.times].sort((a, b) => a - b);
  return {
    firstAnswerMs: median(firsts),
    loadMs: median(loads),
    firstQueryMs: median(firstQueries),
    bytesToFirstAnswer: last.toFirst,
    bytesAfterQueries: last.all,
    bytesAfterOpening: last.afterOpen,
    documentsOpened: last.opened,
    memoryAfterLoad: last.memLoaded.bytes,
    memoryParts: last.memLoaded.parts,
    memoryAfterQueries: last.memQueried.bytes,
    workers: last.memLoaded.workers,
    longestTaskLoadingMs: last.longLoad,
    longestTaskTypingMs: last.longTyping,
    latency: { p50: pct(times, 0.5), p95: pct(times, 0.95), max: times[times.length - 1], searches: times.length },
    answers: last.answers,
    moreAnswers: last.moreAnswers,
    times: last.times,
  };
}

/**
 * Cold loads under the emulated network, brotli on the wire, each in a
 * fresh browser context: the median first answer and index open ms (and
 * each load's first answer), and the bytes of the last load.
 */
async function measureSlow(browser, site, queries, n) {
  let wire = 0;
  let served = [];
  const server = await serve(site, {
    onResponse: (_path, body) => {
      served.push(body);
      wire += brotli(body).byteLength;
    },
    encode: brotli,
  });
  const firsts = [];
  const loads = [];
  try {
    for (let r = 0; r < n; r++) {
      wire = 0;
      served = [];
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', SLOW);
        await page.goto(`${server.url}/index.html?q=${encodeURIComponent(queries[0].q)}`, { timeout: 600000 });
        await page.waitForSelector('html[data-ready], html[data-error]', { state: 'attached', timeout: 600000 });
        const error = await page.evaluate(() => document.documentElement.dataset.error);
        if (error) throw new Error(error.split('\n')[0]);
        const b = await page.evaluate(() => ({ ...window.bench, firstIds: undefined }));
        firsts.push(b.firstAnswerMs);
        loads.push(b.loadMs);
      } finally {
        await context.close();
      }
    }
    return { firstAnswerMs: median(firsts), firstAnswers: firsts.map(Math.round), loadMs: median(loads), wireBytes: wire, requests: served.length };
  } finally {
    await server.close();
  }
}

const gitRev = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo }).toString().trim();
  } catch {
    return 'unknown';
  }
};

const work = await mkdtemp(join(tmpdir(), 'bench-'));
const browser = await launch();
const report = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    browser: `Chromium ${browser.version()}`,
    node: process.version,
    go: execFileSync('go', ['env', 'GOVERSION']).toString().trim(),
  },
  versions: { explorer: gitRev() },
  runs,
  networkRuns: network ? networkRuns ?? runs : 0,
  corpora: [],
};
for (const e of engines) {
  const pkgs = [ENGINES[e].pkg, ...(ENGINES[e].also || [])].filter(Boolean);
  for (const p of pkgs) report.versions[p] = await version(p);
}
report.versions['playwright-core'] = await version('playwright-core');

try {
  const tool = buildTool(work);
  // Queries that must return nothing on every corpus (queries-absent.json).
  const absent = JSON.parse(await readFile(join(here, 'queries-absent.json'), 'utf8')).queries;
  // Real everyday words no corpus has, many a typo away from a corpus word
  // (queries-absent-real.json): answered once after the rest, like the
  // further sets, so that the latency figures keep their queries.
  const absentReal = JSON.parse(await readFile(join(here, 'queries-absent-real.json'), 'utf8')).queries;
  // The second such set, held out (held-out.txt): answered only with -held-out.
  const absentReal2File = 'queries-absent-real-2.json';
  const absentReal2 = heldOut || !(await heldOutSets()).has(absentReal2File) ? JSON.parse(await readFile(join(here, absentReal2File), 'utf8')).queries : null;
  const absentSets = [{ name: 'absent-real', queries: absentReal }, ...(absentReal2 ? [{ name: 'absent-real-2', queries: absentReal2 }] : [])];
  for (const corpus of corpora) {
    // A corpus without judgements (the generated one) is timed on another's queries.
    const judgedCorpus = !corpus.queries;
    const judged = JSON.parse(await readFile(join(here, `queries-${corpus.queries || corpus.name}.json`), 'utf8')).queries;
    const docs = documents(tool, corpus.dir);
    const known = new Set(docs.map((d) => d.id));
    if (judgedCorpus) for (const j of judged) for (const id of j.relevant) if (!known.has(id)) throw new Error(`queries-${corpus.name}.json: "${j.q}": no document ${id}`);
    // Further judged sets of the same corpus: queries-NAME-*.json.
    const more = [];
    if (judgedCorpus) {
      const prefix = `queries-${corpus.name}-`;
      const held = heldOut ? new Set() : await heldOutSets();
      for (const f of (await readdir(here)).filter((f) => f.startsWith(prefix) && f.endsWith('.json') && !held.has(f)).sort()) {
        const file = JSON.parse(await readFile(join(here, f), 'utf8'));
        if (file.judged === false) continue;
        const set = { name: f.slice('queries-'.length, -'.json'.length), queries: file.queries };
        for (const j of set.queries) for (const id of j.relevant) if (!known.has(id)) throw new Error(`${f}: "${j.q}": no document ${id}`);
        more.push(set);
      }
    }
    const docsJSON = JSON.stringify(docs);
    const entry = { name: corpus.name, documents: docs.length, textBytes: docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0), queries: judged.length, judged: judgedCorpus, queriesFrom: corpus.queries || corpus.name, sets: more.map((s) => ({ name: s.name, queries: s.queries.length })), engines: [] };
    report.corpora.push(entry);
    for (const name of corpus.engines || engines) {
      log(`${corpus.name}: ${name}: building... `);
      const dir = await mkdtemp(join(work, `${corpus.name}-${name}-`));
      try {
        const built = await buildEngine(name, corpus, docsJSON, docs, tool, dir);
        log('measuring... ');
        const m = await measureEngine(browser, built.site, [...judged, ...absent], [...more, ...absentSets]);
        const answers = m.answers;
        m.answers = answers.slice(0, judged.length);
        const rel = judgedCorpus ? relevance(judged, m.answers) : { hit3: null, mrr10: null, byKind: null };
        rel.sets = Object.fromEntries(more.map((set, i) => [set.name, relevance(set.queries, m.moreAnswers[i])]));
        const real = junkRate(absentReal, m.moreAnswers[more.length]);
        const real2 = absentReal2 && junkRate(absentReal2, m.moreAnswers[more.length + 1]);
        delete m.moreAnswers;
        Object.assign(rel, junkRate(absent, answers.slice(judged.length)));
        rel.junkRateReal = real.junkRate;
        rel.junkQueriesReal = real.junkQueries;
        if (real2) {
          rel.junkRateReal2 = real2.junkRate;
          rel.junkQueriesReal2 = real2.junkQueries;
        }
        if (network) {
          log('under the emulated network... ');
          m.slow = await measureSlow(browser, built.site, judged, networkRuns ?? runs).catch((err) => ({ error: String(err.message || err).slice(0, 200) }));
        }
        const pkg = ENGINES[name].pkg;
        entry.engines.push({ name, label: ENGINES[name].label, version: pkg ? report.versions[pkg] : report.versions.explorer, buildSeconds: built.buildSeconds, ...built.extra, ...m, ...rel });
        log(`p95 ${m.latency.p95.toFixed(2)} ms${rel.mrr10 === null ? '' : `, MRR@10 ${rel.mrr10.toFixed(2)}`}, junk rate ${rel.junkRate.toFixed(2)}, on real words ${rel.junkRateReal.toFixed(2)}${real2 ? `, on held-out real words ${real2.junkRate.toFixed(2)}` : ''}\n`);
      } catch (err) {
        log('FAILED\n');
        entry.engines.push({ name, label: ENGINES[name].label, error: String(err.message || err).slice(0, 300) });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}

const out = join(repo, 'build', 'bench');
await mkdir(out, { recursive: true });
await writeFile(join(out, 'report.json'), JSON.stringify(report, null, 1) + '\n');
const md = markdown(report);
await writeFile(join(out, 'report.md'), md);
await mkdir(join(repo, 'docs'), { recursive: true });
await writeFile(join(repo, 'docs', 'bench.svg'), chart(report));
console.log(md);
console.log(`wrote build/bench/report.json, build/bench/report.md, docs/bench.svg`);

function markdown(rep) {
  const kb = (n) => (n / 1024).toFixed(0);
  const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const mb = (n) => (n / 2 ** 20).toFixed(1);
  const v = rep.versions;
  const lines = [
    `Measured ${rep.date.slice(0, 10)} on ${rep.machine.cpu} (${rep.machine.cores} cores, ${rep.machine.memoryGB} GB), ${rep.machine.browser} headless, Node ${rep.machine.node}, ${rep.machine.go}; ` +
      `explorer ${v.explorer}, ${Object.entries(v).filter(([k]) => k !== 'explorer').map(([k, x]) => `${k} ${x}`).join(', ')}. ` +
      `Median of ${rep.runs} cold loads, each in a fresh browser context; first answer counts from navigation, index open is fetch plus build or load. ` +
      `Latency: each judged query after a warm-up of at least one pass and one second, up to 3 passes, a query repeated until 2 ms pass (the page's timer ticks in 0.1 ms); an engine slower than 20 s a pass is timed on that pass. ` +
      `Bytes: what the server sent (gzip -9 / brotli -11 of the same files, as make dist ships them: brotli -6 over 8 MB, -5 over 32 MB); "+10 docs": after the queries and opening 10 documents. Memory: V8 heap, ArrayBuffers and WebAssembly memory of the page and its workers after a GC. ` +
      `Longest task: the main thread's longest task (PerformanceObserver longtask) until the first answer, and while typing 5 queries a key every 60 ms into a box that searches at each key. ` +
      `Emulated network: median first answer of ${rep.networkRuns} more cold loads under CDP Network.emulateNetworkConditions (10 Mbit/s down, 100 ms round trip), brotli on the wire.`,
    '',
  ];
  for (const c of rep.corpora) {
    const text = c.textBytes < 2 ** 20 ? `${kb(c.textBytes)} KB` : `${mb(c.textBytes)} MB`;
    const judgedNote = c.judged === false ? `${c.queries} queries of ${c.queriesFrom} (timed, not judged)` : `${c.queries} judged queries`;
    lines.push(`**${c.name}**: ${c.documents.toLocaleString('en')} documents, ${text} of text, ${judgedNote}.`, '');
    lines.push('| engine | first answer ms | index open ms | first query ms | KB to first answer (raw / gz / br) | KB after queries (br) | KB +10 docs (br) | p50 ms | p95 ms | memory MB | longest task ms (load / typing) | hit@3 | MRR@10 | junk rate | emulated network: first answer ms (range) / KB br |');
    lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    const fix = (x, d) => (x === null || x === undefined ? '–' : x.toFixed(d));
    for (const e of c.engines) {
      if (e.error) {
        lines.push(`| ${e.label} | failed: ${e.error.replace(/\|/g, '/')} ||||||||||||||`);
        continue;
      }
      const b = e.bytesToFirstAnswer;
      const slow = !e.slow ? '–' : e.slow.error ? `failed: ${e.slow.error.replace(/\|/g, '/').slice(0, 60)}` : `${e.slow.firstAnswerMs.toFixed(0)}${e.slow.firstAnswers?.length > 1 ? ` (${Math.min(...e.slow.firstAnswers)}–${Math.max(...e.slow.firstAnswers)})` : ''} / ${kb(e.slow.wireBytes)}`;
      lines.push(
        `| ${e.label} ${e.version} | ${e.firstAnswerMs.toFixed(0)} | ${e.loadMs.toFixed(0)} | ${e.firstQueryMs.toFixed(0)} | ${kb(b.raw)} / ${kb(b.gzip)} / ${kb(b.brotli)} | ${kb(e.bytesAfterQueries.brotli)} | ${kb(e.bytesAfterOpening.brotli)} | ` +
          `${ms(e.latency.p50)} | ${ms(e.latency.p95)} | ${mb(e.memoryAfterLoad)} | ${fix(e.longestTaskLoadingMs, 0)} / ${fix(e.longestTaskTypingMs, 0)} | ${fix(e.hit3, 2)} | ${fix(e.mrr10, 2)} | ${fix(e.junkRate, 2)} | ${slow} |`,
      );
    }
    const real = c.engines.filter((e) => !e.error && e.junkRateReal !== undefined);
    if (real.length) lines.push('', `Junk rate on real words that ${c.name} lacks (queries-absent-real.json): ${real.map((e) => `${e.label} ${e.junkRateReal.toFixed(2)}`).join(', ')}.`);
    const real2 = c.engines.filter((e) => !e.error && e.junkRateReal2 !== undefined);
    if (real2.length) lines.push('', `Junk rate on held-out real words that ${c.name} lacks (queries-absent-real-2.json): ${real2.map((e) => `${e.label} ${e.junkRateReal2.toFixed(2)}`).join(', ')}.`);
    if (c.judged === false) {
      lines.push('');
      continue;
    }
    const kinds = [...new Set(c.engines.flatMap((e) => Object.keys(e.byKind || {})))];
    lines.push('', `hit@3 by kind of query (${c.name}):`, '');
    lines.push(`| engine | ${kinds.map((k) => `${k} (${c.engines.find((e) => e.byKind)?.byKind[k]?.queries ?? 0})`).join(' | ')} |`);
    lines.push(`|---|${kinds.map(() => '--:').join('|')}|`);
    for (const e of c.engines) if (!e.error) lines.push(`| ${e.label} | ${kinds.map((k) => (e.byKind[k] ? e.byKind[k].hit3.toFixed(2) : '–')).join(' | ')} |`);
    lines.push('');
    if (c.sets?.length) {
      // Further judged sets: hit@3 / MRR@10, and hit@3 on their natural phrasings.
      lines.push(`Further judged sets of ${c.name}: hit@3 / MRR@10 (natural phrasings: hit@3).`, '');
      lines.push(`| engine | ${c.sets.map((s) => `${s.name} (${s.queries})`).join(' | ')} |`);
      lines.push(`|---|${c.sets.map(() => '--:').join('|')}|`);
      for (const e of c.engines) {
        if (e.error || !e.sets) continue;
        const cell = (r) => (r ? `${r.hit3.toFixed(2)} / ${r.mrr10.toFixed(2)}${r.byKind.natural ? ` (${r.byKind.natural.hit3.toFixed(2)})` : ''}` : '–');
        lines.push(`| ${e.label} | ${c.sets.map((s) => cell(e.sets[s.name])).join(' | ')} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
