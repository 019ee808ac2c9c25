// Per-query CPU time of the explorer's search() in Node (V8, the engine
// of Chromium), on the main thread, for a built site: the module's work
// and the bridge, without the worker's round trip. A benchmark, not a
// test. CPU time (process.cpuUsage) rather than wall time, so that a busy
// machine changes the figures less; each query's figure is its mean over
// -reps calls, after one warm-up pass over the set (which also fetches a
// split build's index packs and its hits' text packs, from SITE/packs). Prints p50, p95 and max
// over the queries, the slowest queries, and the Go collections; first,
// the CPU time of the load (compile, start, index decode) and of the
// first query with its snippets (cold: the packs it needs are read from
// disk, inflated and added), the CPU side of the first answer.
//
//   node tools/bench/nodelat.mjs [-reps 30] [-passes 3] [SITE=build/site] [QUERIES.json ...]
//
// The queries default to tools/bench/queries-seeds.json and
// queries-absent.json, as in make bench.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let reps = 30;
let passes = 3;
let site = 'build/site';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-reps') reps = Number(args[++i]);
  else if (args[i] === '-passes') passes = Number(args[++i]);
  else if (args[i].endsWith('.json')) files.push(args[i]);
  else site = args[i];
}
if (files.length === 0) files.push('tools/bench/queries-seeds.json', 'tools/bench/queries-absent.json');
const queries = [];
for (const f of files) queries.push(...JSON.parse(await readFile(f, 'utf8')).queries.map((q) => q.q));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const base = pathToFileURL(path.resolve(site) + '/');
const c0 = cpu();
const { load } = await import(new URL('explorer.js', base));
const wasm = await readFile(new URL('explorer.wasm', base));
const ex = await load({ wasm, worker: false, packs: (name) => readFile(new URL('packs/' + name, base)) });
const c1 = cpu();
// The warm-up pass also fills the snippets of a split build, as the
// bench's split adapter does: the timed searches then find the texts.
for (const [i, q] of queries.entries()) {
  await ex.snippets(await ex.search(q, { limit: 10 }));
  if (i === 0) console.log(`${site}: load ${(c1 - c0).toFixed(0)} ms CPU, then the first query (${JSON.stringify(q)}) with its snippets ${(cpu() - c1).toFixed(0)} ms CPU`);
}

const s0 = await ex.stats();
const per = queries.map(() => []);
for (let p = 0; p < passes; p++) {
  for (const [i, q] of queries.entries()) {
    const t = cpu();
    for (let r = 0; r < reps; r++) await ex.search(q, { limit: 10 });
    per[i].push((cpu() - t) / reps);
  }
}
const s1 = await ex.stats();
const all = per.flat().sort((a, b) => a - b);
const pct = (p) => all[Math.min(all.length - 1, Math.ceil(all.length * p) - 1)];
const f = (x) => x.toFixed(3);
console.log(`${site}: ${queries.length} queries × ${passes} passes × ${reps} reps, CPU ms a search: p50 ${f(pct(0.5))}, p95 ${f(pct(0.95))}, max ${f(all.at(-1))}; Go collections ${s1.num_gc - s0.num_gc} in ${s1.calls - s0.calls} calls`);
const worst = queries.map((q, i) => [Math.min(...per[i]), q]).sort((a, b) => b[0] - a[0]).slice(0, 10);
for (const [ms, q] of worst) console.log(`  ${f(ms)}  ${q}`);
await ex.close();
