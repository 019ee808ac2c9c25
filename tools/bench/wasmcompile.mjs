// What V8 compiles of the module in a cold load of the benchmark's page
// (page/index.html, harness.mjs and the explorer's adapter), in Chromium,
// until the first answer: V8 compiles a WebAssembly function with its
// baseline compiler (Liftoff) the first time it is called, on the calling
// thread (the worker's), and recompiles a function with its optimising
// compiler (TurboFan), on a background thread, once the function has run
// enough. Both come from V8's own log (--js-flags=--trace-wasm-compilation-times,
// Chromium's output, read through Playwright's logger): per run, the
// functions compiled, their bytes and the time V8 reports for each; then,
// over the runs, the functions that took longest to compile and every
// one that was recompiled. Lines that arrive after the page has its first
// answer are left out. A benchmark, not a test: times on this machine,
// to see what a change makes V8 compile before the first answer.
//
//   node tools/bench/wasmcompile.mjs [-runs 3] [-engine explorer] [-q query] [-names named.wasm] [-top 15] SITE
//
// -names takes a module built with `go run ./tools/wasmbuild -named` from
// the same code and index: its functions are the site's, in the same
// order, with their names (the site's module has none); without it,
// functions are shown by index.
import { spawn } from 'node:child_process';
import { copyFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, CHROMIUM_ARGS } from '../../wasm/test/server.mjs';
import { breakdown } from '../../wasm/test/wasmsize.mjs';
import { repo } from './explorer-site.mjs';

const args = process.argv.slice(2);
let runs = 3;
let engine = 'explorer';
let query = 'fichier';
let namesFile = null;
let top = 15;
let dir = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-runs') runs = Number(args[++i]);
  else if (args[i] === '-engine') engine = args[++i];
  else if (args[i] === '-q') query = args[++i];
  else if (args[i] === '-names') namesFile = resolve(args[++i]);
  else if (args[i] === '-top') top = Number(args[++i]);
  else if (!args[i].startsWith('-') && dir === null) dir = resolve(args[i]);
  else throw new Error(`unknown argument ${args[i]} (want -runs N, -engine NAME, -q QUERY, -names FILE, -top N and one site folder)`);
}
if (dir === null) throw new Error('usage: node tools/bench/wasmcompile.mjs [-runs 3] [-engine explorer] [-q query] [-names named.wasm] [-top 15] SITE');

// The function names of the -named module's name section, by function index.
const names = namesFile ? breakdown(await readFile(namesFile)).names : new Map();
const nameOf = (idx) => names.get(idx)?.replace('github.com_corpus_explorer_explorer_', '') ?? `#${idx}`;
// "Compiled function 0x...#123 using Liftoff, took 456 μs and ... bodysize 789 codesize ..."
const LINE = /Compiled function \S+#(\d+) using (Liftoff|TurboFan), took (\d+) (μs|ms).*bodysize (\d+)/;

const work = await mkdtemp(join(tmpdir(), 'wasmcompile-'));
const site = join(work, 'site');
await cp(dir, site, { recursive: true });
const page = join(repo, 'tools', 'bench', 'page');
for (const f of ['index.html', 'longtasks.js', 'harness.mjs']) await copyFile(join(page, f), join(site, f));
await copyFile(join(page, 'engines', `${engine}.mjs`), join(site, 'engine.mjs'));
const server = await serve(site);
let listening = false;
const lines = [];
// Chromium started here, its output read (V8 writes its log there), and
// driven over CDP: Playwright's own launch keeps the output to itself.
const profile = join(work, 'profile');
const proc = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--js-flags=--trace-wasm-compilation-times', 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });
let pending = '';
proc.stdout.on('data', (chunk) => {
  const text = pending + chunk;
  const all = text.split('\n');
  pending = all.pop();
  if (listening) lines.push(...all);
});
const endpoint = await new Promise((ok, fail) => {
  let err = '';
  proc.stderr.on('data', (chunk) => {
    err += chunk;
    const m = /DevTools listening on (ws:\S+)/.exec(err);
    if (m) ok(m[1]);
  });
  proc.on('exit', (code) => fail(new Error(`chromium exited (${code}): ${err.slice(-500)}`)));
});
const { chromium } = await import('playwright-core');
const browser = await chromium.connectOverCDP(endpoint);
const perRun = [];
const total = { Liftoff: new Map(), TurboFan: new Map() };
try {
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      lines.length = 0;
      listening = true;
      await tab.goto(`${server.url}/index.html?q=${encodeURIComponent(query)}`);
      await tab.waitForSelector('html[data-ready], html[data-error]', { state: 'attached', timeout: 120000 });
      listening = false;
      const error = await tab.evaluate(() => document.documentElement.dataset.error);
      if (error) throw new Error(`${dir}: ${error.split('\n')[0]}`);
      const run = { Liftoff: { n: 0, bytes: 0, us: 0 }, TurboFan: { n: 0, bytes: 0, us: 0 } };
      for (const line of lines) {
        const m = LINE.exec(line);
        if (!m) continue;
        const us = Number(m[3]) * (m[4] === 'ms' ? 1000 : 1);
        const t = run[m[2]];
        t.n++;
        t.bytes += Number(m[5]);
        t.us += us;
        const f = total[m[2]].get(Number(m[1])) ?? { us: 0, bytes: Number(m[5]), n: 0 };
        f.us += us;
        f.n++;
        total[m[2]].set(Number(m[1]), f);
      }
      perRun.push(run);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close(); // over CDP: disconnects
  if (proc.exitCode === null) {
    const exited = new Promise((ok) => proc.once('exit', ok));
    proc.kill();
    await exited;
  }
  await server.close();
  await rm(work, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`${dir}: what V8 compiled of the module until the first answer, ${runs} cold loads (engine ${engine}, query ${JSON.stringify(query)})`);
for (const tier of ['Liftoff', 'TurboFan']) {
  const row = (k) => median(perRun.map((x) => x[tier][k]));
  console.log(`  ${tier.padEnd(8)} median a load: ${row('n')} functions, ${row('bytes')} bytes, ${(row('us') / 1000).toFixed(1)} ms (each run: ${perRun.map((x) => (x[tier].us / 1000).toFixed(1)).join(', ')} ms)`);
}
const list = (tier, n) => [...total[tier]].sort((a, b) => b[1].us - a[1].us).slice(0, n);
console.log(`  longest to compile with Liftoff (ms a load, bytes):`);
for (const [idx, f] of list('Liftoff', top)) console.log(`    ${(f.us / runs / 1000).toFixed(2).padStart(6)} ${String(f.bytes).padStart(6)} ${nameOf(idx)}`);
console.log(`  recompiled with TurboFan (loads of ${runs}, ms a recompilation, bytes):`);
for (const [idx, f] of list('TurboFan', Infinity)) console.log(`    ${String(f.n).padStart(2)} ${(f.us / f.n / 1000).toFixed(1).padStart(6)} ${String(f.bytes).padStart(6)} ${nameOf(idx)}`);
