// load({firstQuery}) on a split build in Node: the chunks of the search
// index the query likely reads are fetched from packs/chunks.txt while the
// module downloads, not after it has started and planned the query; the
// first search then answers without another fetch. A guess is a hint
// only: with the list missing, garbled, stale (other files, another
// numbering) or its chunks failing, every answer is the same as without
// it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSplit } from './split.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const { load } = await import(new URL('wasm/explorer.js', new URL(`file://${repo}/`)));
const wasmExec = new URL(`file://${execFileSync('go', ['env', 'GOROOT']).toString().trim()}/lib/wasm/wasm_exec.js`).href;

/** The queries, each with words the seeds have (no typo, so that the module reads no other term's chunk). */
const QUERIES = ['alibaba', 'Coronavirus', 'numérique'];

/**
 * A server of dir that logs each request's path in order. While `hold` is
 * set, explorer.wasm is answered only once a pack has been asked for (or
 * after 3 s), so that a prefetch that waits for the module shows as a
 * module sent before any pack. `chunks` replaces packs/chunks.txt's
 * contents (null: 404); `failPacks` answers 404 for every pack, `slowPacks`
 * answers them after 1.5 s.
 */
async function siteServer(t, dir) {
  const state = { log: [], hold: false, chunks: undefined, failPacks: false, slowPacks: false, wasmSentAfterPack: null };
  /** Resolved by the next pack asked for. */
  let waiters = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    state.log.push(path);
    if (path === '/explorer.wasm') {
      if (state.hold) {
        const packed = state.log.some((p) => p.endsWith('.pack')) ? Promise.resolve() : new Promise((ok) => waiters.push(ok));
        const timedOut = await Promise.race([packed.then(() => false), new Promise((ok) => setTimeout(ok, 3000, true))]);
        state.wasmSentAfterPack = !timedOut;
      }
      return void res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(await readFile(join(dir, 'explorer.wasm')));
    }
    if (path.endsWith('.pack')) {
      for (const ok of waiters) ok();
      waiters = [];
    }
    if (path === '/packs/chunks.txt' && state.chunks !== undefined) {
      if (state.chunks === null) return void res.writeHead(404).end('not found');
      return void res.writeHead(200).end(state.chunks);
    }
    if (state.failPacks && path.endsWith('.pack')) return void res.writeHead(404).end('not found');
    if (state.slowPacks && path.endsWith('.pack')) await new Promise((ok) => setTimeout(ok, 1500));
    let body;
    try {
      body = await readFile(join(dir, path.replace(/[^0-9a-z./-]/g, '').replace(/\.\.+/g, '.')));
    } catch {
      return void res.writeHead(404).end('not found');
    }
    res.writeHead(200).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${server.address().port}/`;
  t.after(() => {
    server.close();
    server.closeAllConnections();
  });
  return state;
}

/** The ids and scores of a search, for comparing answers. */
const answer = (r) => JSON.stringify({ total: r.total, suggestion: r.suggestion, hits: r.hits.map((h) => [h.id, h.score]) });

test('firstQuery: the first search\'s postings come with the module; a wrong list costs fetches only', { timeout: 300_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'cx-prefetch-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await buildSplit(dir);
  const list = await readFile(join(dir, 'packs', 'chunks.txt'), 'utf8');
  assert.match(list, /^corpus-explorer chunks 1 \d+\n/, 'the build writes the list of chunks');
  const srv = await siteServer(t, dir);
  const open = (options) => load({ wasm: `${srv.url}explorer.wasm`, wasmExec, worker: false, packs: `${srv.url}packs/`, ...options });

  // The answers without any guess, each on a cold module.
  const want = new Map();
  for (const q of QUERIES) {
    const ex = await open();
    want.set(q, answer(await ex.search(q, { limit: 5 })));
    await ex.close();
  }

  await t.test('without firstQuery, no pack before the module', async () => {
    srv.log = [];
    srv.hold = true;
    const ex = await open();
    srv.hold = false;
    t.after(() => ex.close());
    assert.equal(srv.wasmSentAfterPack, false, 'the module was sent with no pack asked for (after waiting 3 s)');
    assert.ok(!srv.log.includes('/packs/chunks.txt'), 'no list fetched');
  });

  for (const q of QUERIES) {
    await t.test(`${q}: fetched alongside the module, answered with no other fetch`, async () => {
      srv.log = [];
      srv.hold = true;
      const ex = await open({ firstQuery: q });
      srv.hold = false;
      try {
        assert.equal(srv.wasmSentAfterPack, true, `a pack was asked for while the module was held: ${srv.log.join(' ')}`);
        const before = srv.log.length;
        const r = await ex.search(q, { limit: 5 });
        assert.equal(answer(r), want.get(q), 'the same answer');
        assert.deepEqual(srv.log.slice(before), [], 'the first search fetched nothing more');
        const packs = srv.log.filter((p) => p.endsWith('.pack'));
        assert.ok(packs.length <= 16, `${packs.length} packs guessed`);
        assert.equal(new Set(packs).size, packs.length, 'each pack fetched once');
      } finally {
        await ex.close();
      }
    });
  }

  // A list that is wrong every which way: the answers stay the same.
  const lines = list.split('\n');
  // Each chunk's line naming the next one's file.
  const rotated = [lines[0], lines[1], ...lines.slice(2, -1).map((l, i, a) => l.replace(/\t.*/, a[(i + 1) % a.length].replace(/^[^\t]*/, ''))), ''].join('\n');
  const further = (text) => text.replace(/^(corpus-explorer chunks 1 )(\d+)/, (_, h, n) => h + (Number(n) + 1));
  const cases = [
    ['missing', null, false],
    ['not a list', '<!doctype html><title>Not here</title>', false],
    ['empty', '', false],
    ['numbered one further', further(list), false],
    ['naming other files, numbered one further', further(rotated), false],
    ['right, its packs failing', undefined, 'fail'],
    // Still coming when the module asks for the same numbers under other names.
    ['naming other files, its packs slow', rotated, 'slow'],
  ];
  for (const [name, chunks, packs] of cases) {
    await t.test(`a list ${name}: the same answers`, async () => {
      srv.chunks = chunks;
      try {
        for (const q of QUERIES) {
          srv.failPacks = packs === 'fail';
          srv.slowPacks = packs === 'slow';
          const ex = await open({ firstQuery: q });
          srv.failPacks = false;
          srv.slowPacks = false;
          try {
            assert.equal(answer(await ex.search(q, { limit: 5 })), want.get(q), q);
            // Another query too: nothing the guess left behind gets in its way.
            const other = QUERIES[(QUERIES.indexOf(q) + 1) % QUERIES.length];
            assert.equal(answer(await ex.search(other, { limit: 5 })), want.get(other), `${other} after ${q}`);
          } finally {
            await ex.close();
          }
        }
      } finally {
        srv.chunks = undefined;
      }
    });
  }

  await t.test('firstQuery must be a string', async () => {
    await assert.rejects(open({ firstQuery: 42 }), /options\.firstQuery must be a string, got number/);
  });
});
