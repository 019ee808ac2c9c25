// Where a cold load's time goes before the first answer, stage by stage,
// in Chromium: the benchmark's page (page/index.html, harness.mjs and the
// explorer's adapter, worker mode) on one or more built sites, loaded in
// turn (site 1, site 2, ..., then again), so that a busy machine weighs on
// each alike. The site's explorer.js is served with marks added (a copy;
// the site is left alone): on the page, when load() starts and when the
// worker says it runs and is ready; in the worker, when its script runs,
// each message it gets, when wasm_exec.js is loaded, the module compiled
// and instantiated, Go's entry point returned (the API registered), and
// the first search called and answered. Each mark is a time on the page's
// clock (performance.timeOrigin); each row is the median, over -runs, of
// the time between a mark and the one before it. A benchmark, not a test:
// wall-clock times on this machine, to compare sites side by side, and
// to see which stage a change moved.
//
//   node tools/bench/chain.mjs [-runs 9] [-engine explorer] [-chromium FLAG]... SITE...
//
// -chromium adds a flag to Chromium's command line, such as
// --js-flags=--liftoff-only (V8 without its optimising compiler for
// WebAssembly: what the tier-up costs the first answer).
//
// A mark that explorer.js no longer has the code for stops the tool with
// the text it looked for.
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, CHROMIUM_ARGS } from '../../wasm/test/server.mjs';
import { repo } from './explorer-site.mjs';

const args = process.argv.slice(2);
let runs = 9;
let engine = 'explorer';
const sites = [];
const flags = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-runs') runs = Number(args[++i]);
  else if (args[i] === '-engine') engine = args[++i];
  else if (args[i] === '-chromium') flags.push(args[++i]);
  else if (!args[i].startsWith('-')) sites.push(resolve(args[i]));
  else throw new Error(`unknown argument ${args[i]} (want -runs N, -engine NAME, -chromium FLAG and site folders)`);
}
if (sites.length === 0) throw new Error('usage: node tools/bench/chain.mjs [-runs 9] [-engine explorer] [-chromium FLAG]... SITE...');

/** explorer.js with the marks: [text to find, text to put before it, text to put after it]. */
const MARKS = [
  ['const started = now();', '', " mark('load()');"],
  ["        case 'alive':", "        case 'mark': (globalThis.__chain ??= []).push([m.name, m.t - performance.timeOrigin]); return;\n", " mark('worker runs');"],
  ["        case 'ready':", '', " mark('ready');"],
  ["if (m.type === 'prepare') {", "mark('got ' + m.type); ", ''],
  ['Go = await loadGo(m.wasmExec);', '', " mark('wasm_exec.js loaded');"],
  ['({ module, bytes } = await compiled);', '', " mark('module compiled');"],
  ['  let exited = false;\n  const done = go.run(instance)', "  mark('instantiated');\n", ''],
  ['  const api = globalThis[name];', "  mark('Go registered its API');\n", ''],
  ['    const r = rt ? rt.call(m.method, m.args)', "    mark('call ' + m.method);\n", ''],
  ["scope.postMessage({ type: 'answer', id: m.id, ...r });", "mark('answered ' + m.method); ", ''],
];

/** Adds MARKS to the text of explorer.js. */
function marked(js) {
  for (const [find, before, after] of MARKS) {
    if (!js.includes(find)) throw new Error(`explorer.js no longer has ${JSON.stringify(find)}: update MARKS in tools/bench/chain.mjs`);
    js = js.replace(find, before + find + after);
  }
  const mark = `const mark = (name) => {
  const t = performance.timeOrigin + performance.now();
  if (typeof DedicatedWorkerGlobalScope !== 'undefined' && globalThis instanceof DedicatedWorkerGlobalScope) globalThis.postMessage({ type: 'mark', name: 'worker: ' + name, t });
  else (globalThis.__chain ??= []).push(['page: ' + name, t - performance.timeOrigin]);
};
`;
  return mark + js;
}

const work = await mkdtemp(join(tmpdir(), 'chain-'));
const servers = [];
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...flags] });
const loads = sites.map(() => []);
try {
  for (const [k, dir] of sites.entries()) {
    const site = join(work, String(k));
    await cp(dir, site, { recursive: true });
    const page = join(repo, 'tools', 'bench', 'page');
    for (const f of ['index.html', 'longtasks.js', 'harness.mjs']) await copyFile(join(page, f), join(site, f));
    await copyFile(join(page, 'engines', `${engine}.mjs`), join(site, 'engine.mjs'));
    await writeFile(join(site, 'explorer.js'), marked(await readFile(join(site, 'explorer.js'), 'utf8')));
    servers.push(await serve(site));
  }
  for (let r = 0; r < runs; r++) {
    for (const [k, server] of servers.entries()) {
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        await tab.goto(`${server.url}/index.html?q=${encodeURIComponent('géant')}`);
        await tab.waitForSelector('html[data-ready], html[data-error]', { state: 'attached', timeout: 120000 });
        const error = await tab.evaluate(() => document.documentElement.dataset.error);
        if (error) throw new Error(`${sites[k]}: ${error.split('\n')[0]}`);
        loads[k].push(await tab.evaluate(() => ({ marks: globalThis.__chain || [], start: window.bench.startMs, first: window.bench.firstAnswerMs })));
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
  await rm(work, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-').padStart(8);
console.log(`median ms of ${runs} cold loads (engine ${engine}${flags.length ? `, Chromium ${flags.join(' ')}` : ''}); each stage from the mark before it`);
console.log(''.padEnd(40) + sites.map((_, k) => `site ${k + 1}`.padStart(8)).join(''));
const rows = [['navigation to harness start', (l) => l.start]];
const names = loads[0][0].marks.map((m) => m[0]);
const at = (l, name) => (l.marks.find((m) => m[0] === name) ?? [name, NaN])[1];
rows.push([`... to ${names[0]}`, (l) => at(l, names[0]) - l.start]);
for (let i = 1; i < names.length; i++) rows.push([`... to ${names[i]}`, (l) => at(l, names[i]) - at(l, names[i - 1])]);
rows.push(['load() to the first answer', (l) => l.first - at(l, names[0])]);
rows.push(['first answer (from navigation)', (l) => l.first]);
for (const [label, f] of rows) console.log(label.padEnd(40) + loads.map((ls) => ms(median(ls.map(f)))).join(''));
for (const [k, dir] of sites.entries()) console.log(`site ${k + 1}: ${dir}`);
