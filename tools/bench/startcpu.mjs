// Where a cold start's CPU time goes, before the first answer, in Node (V8,
// the engine of Chromium): each run is a fresh Node process that compiles
// the module (WebAssembly.compile: with V8's lazy compilation, mostly
// validation), instantiates it, runs the Go program until it has
// registered its API (go.run: the Go runtime's start, package inits,
// opening the index, exporting the functions), then answers one search.
// CPU time (process.cpuUsage, every thread of the process) rather than wall
// time, so that a busy machine changes the figures less; medians over
// -runs. A benchmark, not a test.
//
// V8 compiles each function with Liftoff when it is first called, on the
// calling thread, and recompiles the hot ones with TurboFan on background
// threads: -v8 --liftoff-only leaves TurboFan out, which tells the work on
// the module's own thread from the background recompilation. For a split
// build, whose packs are not read here, the search is the first call's
// plan: the answer that names the packs of the search index it needs.
//
//   node tools/bench/startcpu.mjs [-runs 9] [-v8 '--liftoff-only'] [-q query] [SITE=build/site]
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
let runs = 9;
let v8 = [];
let query = 'Xi Jinping';
let site = 'build/site';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-runs') runs = Number(args[++i]);
  else if (args[i] === '-v8') v8 = args[++i].split(' ').filter(Boolean);
  else if (args[i] === '-q') query = args[++i];
  else site = args[i];
}
site = path.resolve(site);

// One cold start, in the child process: its phases' CPU ms as JSON.
const child = `
const fs = require('node:fs'), path = require('node:path');
const site = process.argv[1], query = process.argv[2];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
(async () => {
  await import(path.join(site, 'wasm_exec.js'));
  const bytes = fs.readFileSync(path.join(site, 'explorer.wasm'));
  const out = {};
  let t = cpu();
  const mod = await WebAssembly.compile(bytes);
  out.compile = cpu() - t;
  const go = new globalThis.Go();
  go.argv = ['explorer', 'startcpuAPI'];
  go.env = {};
  t = cpu();
  const inst = await WebAssembly.instantiate(mod, go.importObject);
  out.instantiate = cpu() - t;
  t = cpu();
  go.run(inst);
  out.run = cpu() - t;
  const api = globalThis.startcpuAPI;
  if (!api || typeof api.search !== 'function') throw new Error('the module registered no API: ' + api);
  // A split build's search answers, until its packs are added, with the
  // error that names them: timed all the same (its plan).
  const search = () => {
    const r = api.search(query, { limit: 10 });
    if (typeof r === 'string') JSON.parse(r);
  };
  t = cpu();
  search();
  out.search = cpu() - t;
  t = cpu();
  search();
  out.again = cpu() - t;
  console.log(JSON.stringify(out));
  process.exit(0);
})().catch((err) => { console.error(err.message); process.exit(1); });
`;
const rows = [];
for (let i = 0; i < runs; i++) {
  rows.push(JSON.parse(execFileSync(process.execPath, [...v8, '-e', child, site, query]).toString()));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const phases = ['compile', 'instantiate', 'run', 'search', 'again'];
const f = (k) => median(rows.map((r) => r[k])).toFixed(1);
const total = median(rows.map((r) => r.compile + r.instantiate + r.run + r.search)).toFixed(1);
console.log(`${site}${v8.length ? ' (' + v8.join(' ') + ')' : ''}: median CPU ms of ${runs} cold starts: ${phases.map((k) => `${k} ${f(k)}`).join(', ')}; to the first answer ${total}`);
