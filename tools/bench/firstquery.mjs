// How well load({firstQuery}) guesses a query's packs of the search index
// on a split site (explorer.wasm, wasm_exec.js and packs/ with chunks.txt),
// in Node, each query on two cold modules served from a local server: the
// packs its first search fetches with no guess (needed), then, with the
// query as firstQuery and the module held until the guess has come (as
// on a real link, where the module is the longest download), the packs
// fetched ahead and those its first search still fetches. A query is
// covered when its first search fetches nothing more. A benchmark, not a
// test.
//
//   node tools/bench/firstquery.mjs SITE [SET...]   (SET: fr-manpages for tools/bench/queries-fr-manpages.json; default fr-manpages)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { repo } from './explorer-site.mjs';

const [siteArg, ...sets] = process.argv.slice(2);
if (!siteArg) throw new Error('usage: node tools/bench/firstquery.mjs SITE [SET...]');
const site = resolve(siteArg);
const { load } = await import(join(repo, 'wasm', 'explorer.js'));
const wasmExec = join(execFileSync('go', ['env', 'GOROOT']).toString().trim(), 'lib', 'wasm', 'wasm_exec.js');

let log = [];
const server = createServer(async (req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  log.push(p);
  try {
    const body = await readFile(join(site, p.replace(/\.\.+/g, '.')));
    res.writeHead(200).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const packs = `http://127.0.0.1:${server.address().port}/packs/`;
const wasm = await readFile(join(site, 'explorer.wasm'));
const fetched = (from = 0) => log.slice(from).filter((p) => p.endsWith('.pack'));

const total = { queries: 0, covered: 0, needed: 0, ahead: 0, unread: 0, after: 0 };
for (const set of sets.length ? sets : ['fr-manpages']) {
  const { queries } = JSON.parse(await readFile(join(repo, 'tools', 'bench', `queries-${set}.json`), 'utf8'));
  for (const { q } of queries) {
    log = [];
    let ex = await load({ wasm, wasmExec, worker: false, packs });
    await ex.search(q, { limit: 10 });
    await ex.close();
    const needed = new Set(fetched());
    log = [];
    ex = await load({ wasm, wasmExec, worker: false, packs, firstQuery: q });
    await new Promise((ok) => setTimeout(ok, 300)); // the guess has come, as before a module on a real link
    const ahead = new Set(fetched());
    const at = log.length;
    await ex.search(q, { limit: 10 });
    const after = fetched(at);
    await ex.close();
    total.queries++;
    if (after.length === 0) total.covered++;
    total.needed += needed.size;
    total.ahead += ahead.size;
    total.unread += [...ahead].filter((p) => !needed.has(p)).length;
    total.after += after.length;
    console.log(`${set}\t${JSON.stringify(q)}\tneeded ${needed.size}\tahead ${ahead.size}\tafter ${after.length}`);
  }
}
server.close();
console.log(`${total.queries} queries: ${total.covered} covered (their first search fetched nothing more); packs needed ${total.needed}, fetched ahead ${total.ahead} (${total.unread} not read), fetched by the first searches ${total.after}`);
