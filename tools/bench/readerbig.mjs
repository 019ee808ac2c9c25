// Opening one very large document in the reader, in Debian's headless
// Chromium, from the address change (#doc=ID): the time until the first
// screen of its text shows (firstMs), until the whole text is in the page
// (textMs: no placeholder left, the text box no longer aria-busy), until
// the summary's marks are in it too (summaryMs: the summary is computed
// in the explorer's worker, and takes long on such texts), the page's
// longest main-thread task (PerformanceObserver "longtask", wall clock)
// from the address change to one second after the end, the same in CPU
// time from a trace (longestCpuMs, and over50Cpu, tasks over 50 ms of
// CPU: cputasks.mjs; --explain traces what each did too, which slows
// DOM work down; on a busy machine wall-clock tasks count the time
// spent waiting for a core), and the longest JSON.parse on the page in
// that time (parseMs: the explorer's answer, the document, is parsed on
// the main thread, in a task before the reader's own). documentMs is the
// time explorer.document() takes alone, in a fresh page before the runs.
//
//   node tools/bench/readerbig.mjs build [--work=/tmp/readerbig] [--sizes=3,10,30] [--shapes=prose,lines,long]
//   node tools/bench/readerbig.mjs run [--work=…] [--web=web] [--runs=3] [--sizes=…] [--shapes=…] [--target] [--explain]
//
// build writes, per shape and size (MB of text), a corpus folder of one
// document made of real paragraphs of ../shared/corpora (fr-docs and
// fr-manpages) drawn with a fixed seed, and builds its index and module
// (tools/bench/explorer-site.mjs; split above 4.2 MB, as `make site`):
//   prose  paragraphs separated by blank lines;
//   lines  one sentence a line, no blank line anywhere;
//   long   paragraphs of about 50 KB (a hundred real ones joined).
// run copies the page (--web, a folder holding the page's modules, e.g.
// from `git archive`, so that two versions compare on the same modules)
// into each site and opens the document from the home view with
// #doc=ID (--target: #doc=ID&s=N, N the sentence at 90% of the text, and
// the first screen then counts only once the target is marked and in
// view). Prints one JSON line per site: medians over the runs, and each
// run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, repo } from '../../web/test/helpers.mjs';
import { buildTool, buildExplorerSite } from './explorer-site.mjs';
import { cpuTasks } from './cputasks.mjs';

const [cmd = 'run', ...args] = process.argv.slice(2);
const opt = (k, d) => { const a = args.find((x) => x === `--${k}` || x.startsWith(`--${k}=`)); return a === undefined ? d : a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true'; };
const work = path.resolve(opt('work', path.join(os.tmpdir(), 'readerbig')));
const sizes = opt('sizes', '3,10,30').split(',').map(Number);
const shapes = opt('shapes', 'prose,lines,long').split(',');
const name = (shape, mb) => `${shape}-${mb}mb`;

/** paragraphs reads the real paragraphs (over 80 characters) of fr-docs and fr-manpages, in a fixed order. */
function paragraphs() {
  const shared = path.join(repo, '../shared/corpora');
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const out = [];
  for (const c of ['fr-docs', 'fr-manpages']) {
    for (const f of walk(path.join(shared, c)).filter((f) => f.endsWith('.txt')).sort()) {
      for (const p of fs.readFileSync(f, 'utf8').split(/\n\s*\n/)) if (p.trim().length > 80) out.push(p.trim());
    }
  }
  return out;
}

/** text writes about mb MB of one shape from paras, drawn with a fixed seed. */
function text(paras, shape, mb) {
  let seed = 42;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const flat = (p) => p.replace(/\s+/g, ' ');
  const parts = [`Un très long document (${shape}, ${mb} Mo)`];
  let size = parts[0].length;
  while (size < mb * 1e6) {
    let part;
    if (shape === 'lines') part = flat(paras[rand(paras.length)]).split(/(?<=[.!?;:])\s+/).join('\n');
    else if (shape === 'long') part = Array.from({ length: 100 }, () => flat(paras[rand(paras.length)])).join(' ');
    else part = paras[rand(paras.length)];
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join(shape === 'lines' ? '\n' : '\n\n') + '\n';
}

async function build() {
  fs.mkdirSync(work, { recursive: true });
  const paras = paragraphs();
  const tool = buildTool(work);
  for (const shape of shapes) {
    for (const mb of sizes) {
      const dir = path.join(work, name(shape, mb));
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(path.join(dir, 'corpus'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'corpus', `long-${shape}.txt`), text(paras, shape, mb));
      const b = await buildExplorerSite(path.join(dir, 'corpus'), tool, dir);
      console.log(JSON.stringify({ site: name(shape, mb), buildSeconds: b.buildSeconds, packs: b.packs, wasmRaw: b.wasmRaw }));
    }
  }
}

/** page copies the page's modules from web into site (as `make site` does). */
function page(web, site) {
  for (const f of fs.readdirSync(web, { withFileTypes: true })) {
    if (f.name === 'test') continue;
    fs.cpSync(path.join(web, f.name), path.join(site, f.name), { recursive: true });
  }
  for (const f of ['explorer.js', 'api.js']) fs.copyFileSync(path.join(repo, 'wasm', f), path.join(site, f));
  if (fs.existsSync(path.join(site, 'packs/chunks.txt'))) {
    const html = path.join(site, 'index.html');
    fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace(/^<meta name="color-scheme".*$/m, '$&\n<meta name="corpus-explorer-split" content="">'));
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1] : NaN; };

async function measure(browser, url, hash, target) {
  const p = await newPage(browser, { reducedMotion: 'no-preference' });
  await p.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
    // The explorer's answers are JSON parsed on the page's main thread:
    // the longest parse, to tell the reader's own tasks from the API's.
    window.__parse = 0;
    const parse = JSON.parse;
    JSON.parse = function (...a) { const t = performance.now(); try { return parse.apply(this, a); } finally { window.__parse = Math.max(window.__parse, performance.now() - t); } };
  });
  await p.goto(url);
  await ready(p);
  await p.waitForTimeout(500);
  await browser.startTracing(p, { categories: opt('explain', '') === 'true' ? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] : ['toplevel'] });
  const out = await p.evaluate(({ hash, target }) => new Promise((resolve) => {
    const t0 = performance.now();
    window.__parse = 0;
    let first = 0, text = 0, summary = 0;
    const inView = (el) => { const b = el.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight; };
    const done = () => resolve({
      firstMs: Math.round(first), textMs: Math.round(text), summaryMs: Math.round(summary),
      long: window.__long.filter((x) => x.at >= t0).map((x) => Math.round(x.ms)).sort((a, b) => b - a),
      parseMs: Math.round(window.__parse),
    });
    // Each time is taken in a frame, once its layout is done (inView
    // forces it), so that it counts laying out what was drawn.
    const frame = () => {
      const box = document.querySelector('.cx-text');
      if (!first && box) {
        const m = target ? box.querySelector('mark.cx-target') : box.querySelector('.cx-block');
        if (m && inView(m)) first = performance.now() - t0;
      }
      const whole = box && !box.querySelector('.cx-pending') && !box.hasAttribute('aria-busy');
      if (whole) box.getBoundingClientRect();
      if (first && !text && whole) text = performance.now() - t0;
      if (first && text && !summary && whole && document.querySelector('.cx-sumlist[data-n]')) summary = performance.now() - t0;
      if (summary) setTimeout(done, 1000);
      else if (performance.now() - t0 > 300000) done();
      else requestAnimationFrame(frame);
    };
    location.hash = hash;
    requestAnimationFrame(frame);
  }), { hash, target });
  out.cpu = cpuTasks(JSON.parse(String(await browser.stopTracing())), url);
  // Read after the trace: the text of 30 MB takes 150 ms to read.
  out.chars = await p.evaluate(() => document.querySelector('.cx-text')?.textContent.length);
  out.problems = p.problems;
  await p.context().close();
  return out;
}

async function run() {
  const web = path.resolve(opt('web', path.join(repo, 'web')));
  const runs = Number(opt('runs', '3'));
  const target = opt('target', '') === 'true';
  for (const shape of shapes) {
    for (const mb of sizes) {
      const site = path.join(work, name(shape, mb), 'site');
      if (!fs.existsSync(path.join(site, 'explorer.wasm'))) { console.error(`${site}: missing, run build first`); continue; }
      page(web, site);
      const srv = await serve(site);
      const browser = await launch();
      try {
        const p = await newPage(browser);
        await p.goto(srv.url);
        await ready(p);
        // The explorer's answer alone (fetch, decode, JSON), for scale.
        const { id, n, len, documentMs } = await p.evaluate(async () => {
          const ex = window.corpusExplorer.explorer;
          const [m] = await ex.documents();
          const t = performance.now();
          const d = await ex.document(m.id);
          return { id: m.id, n: d.sentences.length, len: d.text.length, documentMs: Math.round(performance.now() - t) };
        });
        await p.context().close();
        const hash = '#doc=' + encodeURIComponent(id) + (target ? '&s=' + Math.floor(n * 0.9) : '');
        const all = [];
        for (let i = 0; i < runs; i++) all.push(await measure(browser, srv.url, hash, target));
        console.log(JSON.stringify({
          site: name(shape, mb), chars: len, sentences: n, target, documentMs,
          firstMs: median(all.map((x) => x.firstMs)), textMs: median(all.map((x) => x.textMs)), summaryMs: median(all.map((x) => x.summaryMs)),
          longestMs: median(all.map((x) => x.long[0] || 0)), longestCpuMs: median(all.map((x) => x.cpu.longestMs)), over50Cpu: median(all.map((x) => x.cpu.over50)),
          parseMs: median(all.map((x) => x.parseMs)),
          runs: all.map((x) => ({ firstMs: x.firstMs, textMs: x.textMs, summaryMs: x.summaryMs, long: x.long.slice(0, 5), cpuTop: x.cpu.top, over50Cpu: x.cpu.over50, parseMs: x.parseMs, chars: x.chars, problems: x.problems.slice(0, 2) })),
        }));
      } finally {
        await closeBrowser(browser);
        await srv.close();
      }
    }
  }
}

if (cmd === 'build') await build();
else if (cmd === 'run') await run();
else throw new Error('usage: node tools/bench/readerbig.mjs build|run [--work=DIR] [--sizes=3,10,30] [--shapes=prose,lines,long] [--web=DIR] [--runs=N] [--target]');
