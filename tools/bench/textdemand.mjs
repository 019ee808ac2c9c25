// Bytes and memory of a build, in Node (issue 13: a lean index, texts on
// demand): the module's size raw and brotli, the bytes before the first
// answer (the module, explorer.js and wasm_exec.js after brotli, and the
// packs of the search index that the first query needs, as served: zlib)
// and after a judged query set plus 10 opened documents (their snippets,
// texts, summaries and related documents), the module's memory
// after load and after, and search latency over the set (three passes).
//
//   go run ./tools/wasmbuild -o /tmp/x.wasm ./wasm   # after make index
//   node tools/bench/textdemand.mjs /tmp/x.wasm build/index.packs tools/bench/queries-fr-manpages.json
//
// EXPLORER_JS=path/explorer.js measures with another explorer.js (an
// older build, which knows no packs).
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const [wasmPath, packDir, queriesPath] = process.argv.slice(2);
if (!queriesPath) {
  console.error('usage: node tools/bench/textdemand.mjs MODULE.wasm PACKS-FOLDER QUERIES.json');
  process.exit(2);
}
const explorerJS = process.env.EXPLORER_JS || fileURLToPath(new URL('../../wasm/explorer.js', import.meta.url));
const { load } = await import(explorerJS);
const wasmExec = `${execFileSync('go', ['env', 'GOROOT']).toString().trim()}/lib/wasm/wasm_exec.js`;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;

const wasm = await readFile(wasmPath);
const moduleBr = brotli(wasm);
let jsBr = 0;
for (const f of [explorerJS, wasmExec]) jsBr += brotli(await readFile(f));
let packBytes = 0;
let packFiles = 0;
const packs = async (name) => {
  const b = await readFile(`${packDir}/${name}`);
  packBytes += b.length;
  packFiles++;
  return b;
};
const t0 = performance.now();
const ex = await load({ wasm, wasmExec: `file://${wasmExec}`, worker: false, ...(process.env.EXPLORER_JS ? {} : { packs }) });
const queries = JSON.parse(await readFile(queriesPath, 'utf8')).queries.map((q) => q.q);
const first = await ex.search(queries[0], { limit: 10 });
const firstMs = performance.now() - t0;
const firstIndex = packBytes; // the search index's packs the first query needed (a split build)
if (ex.snippets) await ex.snippets(first);
const firstPacks = packBytes - firstIndex;
const loaded = await ex.stats({ gc: true });
for (const q of queries) {
  const r = await ex.search(q, { limit: 10 });
  if (ex.snippets) await ex.snippets(r);
}
const opened = [];
for (const q of queries) {
  const r = await ex.search(q, { limit: 1 });
  if (r.hits[0] && !opened.includes(r.hits[0].id)) opened.push(r.hits[0].id);
  if (opened.length === 10) break;
}
for (const id of opened) {
  await ex.document(id);
  await ex.summarize(id);
  await ex.related(id);
}
const lat = [];
for (let k = 0; k < 3; k++) {
  for (const q of queries) {
    const t = performance.now();
    await ex.search(q, { limit: 10 });
    lat.push(performance.now() - t);
  }
}
lat.sort((a, b) => a - b);
const after = await ex.stats({ gc: true });
await ex.close();
const kb = (n) => Math.round(n / 1024);
const mb = (n) => (n / 1048576).toFixed(1);
console.log(JSON.stringify({
  module_raw_KB: kb(wasm.length),
  module_br_KB: kb(moduleBr),
  before_first_answer_KB_br: kb(moduleBr + jsBr + firstIndex),
  first_answer_index_packs_KB: kb(firstIndex),
  first_page_packs_KB: kb(firstPacks),
  after_queries_and_10_docs_KB: kb(moduleBr + jsBr + packBytes),
  pack_files: packFiles,
  first_answer_ms: Math.round(firstMs),
  memory_after_load_MB: mb(loaded.memory_bytes),
  memory_after_MB: mb(after.memory_bytes),
  search_p50_ms: lat[Math.floor(lat.length / 2)].toFixed(2),
  search_p95_ms: lat[Math.floor(lat.length * 0.95)].toFixed(2),
}, null, 1));
