// What one search(q, {limit: 10}) costs at the boundary between Go and
// JavaScript, in Node on the main thread, for a built site: the calls Go
// makes into JavaScript (the syscall/js imports of wasm_exec.js, counted
// by name), and the JavaScript values the Go side tracked and then
// released (finalizeRef after forced collections). Each tracked value
// costs a finalizer, which the Go runtime files in a list that grows with
// the values not yet collected, then runs after a collection, with one
// more call into JavaScript. Both counts are exact, whatever the machine's
// load: means over -n searches of the bench's seed and absent-word
// queries, after one pass. A benchmark, not a test.
//
//   node tools/bench/crossings.mjs [-n 2000] [SITE=build/site]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let n = 2000;
let site = 'build/site';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-n') n = Number(args[++i]);
  else site = args[i];
}
const base = pathToFileURL(path.resolve(site) + '/');
await import(new URL('wasm_exec.js', base));
const counts = new Map();
const Go = globalThis.Go;
// Every Go made from here counts the calls to its syscall/js imports.
globalThis.Go = class extends Go {
  constructor() {
    super();
    const imports = this.importObject.gojs;
    for (const [name, f] of Object.entries(imports)) {
      if (name.startsWith('syscall/js.')) {
        imports[name] = (sp) => {
          counts.set(name, (counts.get(name) || 0) + 1);
          return f(sp);
        };
      }
    }
  }
};
const { load } = await import(new URL('explorer.js', base));
const ex = await load({ wasm: await readFile(new URL('explorer.wasm', base)), worker: false });
const queries = [];
for (const f of ['queries-seeds.json', 'queries-absent.json']) {
  queries.push(...JSON.parse(await readFile(new URL(f, import.meta.url), 'utf8')).queries.map((q) => q.q));
}
for (const q of queries) await ex.search(q, { limit: 10 });
const collect = async () => {
  for (let i = 0; i < 3; i++) await ex.stats({ gc: true });
};
await collect();
const before = new Map(counts);
for (let i = 0; i < n; i++) await ex.search(queries[i % queries.length], { limit: 10 });
const after = new Map(counts);
await collect();
const per = (from, to, k) => ((to.get(k) || 0) - (from.get(k) || 0)) / n;
let calls = 0;
const byName = [];
for (const k of counts.keys()) {
  if (k === 'syscall/js.finalizeRef') continue;
  const v = per(before, after, k);
  calls += v;
  if (v > 0) byName.push(`${k.slice('syscall/js.'.length)} ${v.toFixed(2)}`);
}
console.log(`${site}: a search makes ${calls.toFixed(2)} calls into JavaScript (${byName.join(', ')}) and leaves ${per(before, counts, 'syscall/js.finalizeRef').toFixed(2)} tracked JavaScript values to release`);
await ex.close();
