// A split build in Node: the seeds' texts in packs beside the module, one
// document a pack, and the search index's postings in small packs, fetched
// on demand from a local server that can answer 404, a truncated, damaged
// or wrong file, or go away (offline). Every failure shows as a clear
// snippet_error, a rejected document() or a rejected search() for the
// query that needed the pack, and search keeps working throughout for the
// others; a pack is fetched once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSplit } from './split.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const { load } = await import(new URL('wasm/explorer.js', new URL(`file://${repo}/`)));
const wasmExec = new URL(`file://${execFileSync('go', ['env', 'GOROOT']).toString().trim()}/lib/wasm/wasm_exec.js`).href;

/**
 * A split build of the seeds in a temporary folder, removed after t
 * (buildSplit: partBytes cuts long texts in parts): its folder and its
 * packs' file names.
 */
async function splitBuild(t, partBytes) {
  const dir = await mkdtemp(join(tmpdir(), 'cx-packs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await buildSplit(dir, partBytes);
  const names = (await readdir(join(dir, 'packs'))).filter((n) => n.endsWith('.pack'));
  return { dir, names };
}

/** A server of dir/packs/ that counts requests and, while `failing` is set, fails every pack not in `good`. */
async function packServer(t, dir, names) {
  const state = { requests: new Map(), failing: null, good: new Set(), sockets: new Set() };
  const server = createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/packs\//, '');
    state.requests.set(name, (state.requests.get(name) || 0) + 1);
    let body;
    try {
      body = await readFile(join(dir, 'packs', name.replace(/[^0-9a-z.-]/g, '')));
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const how = state.failing && !state.good.has(name) ? state.failing : null;
    if (how === '404') return void res.writeHead(404).end('<!doctype html><title>404</title>');
    if (how === 'truncated') body = body.subarray(0, body.length - 7);
    if (how === 'damaged') body = Buffer.from(body).fill(0x61, 10, 20);
    if (how === 'wrong') body = await readFile(join(dir, 'packs', names.find((n) => n !== name)));
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
  });
  server.on('connection', (s) => {
    state.sockets.add(s);
    s.on('close', () => state.sockets.delete(s));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  state.base = `http://127.0.0.1:${server.address().port}/packs/`;
  state.offline = () => {
    server.close();
    for (const s of state.sockets) s.destroy();
  };
  t.after(() => server.close());
  return state;
}

test('a split build: texts fetched on demand, failures shown, search unharmed', async (t) => {
  const { dir, names } = await splitBuild(t);
  assert.ok(names.length >= 5, `${names.length} packs for the seeds, one a document`);

  const srv = await packServer(t, dir, names);

  const wasm = await readFile(join(dir, 'explorer.wasm'));
  const ex = await load({ wasm, wasmExec, worker: false, packs: srv.base });
  t.after(() => ex.close());
  const table = await ex.documents();
  assert.ok(table.every((d) => Number.isInteger(d.pack) && d.pack >= 0), 'every document names its pack');

  await t.test('titles at once, snippets when their packs arrive', async () => {
    const r = await ex.search('numérique', { limit: 5 });
    assert.ok(r.hits.length > 0);
    for (const h of r.hits) {
      assert.equal(h.pending, true, `${h.id}: pending before its pack`);
      assert.equal(h.snippet, '');
      assert.ok(h.title.length > 0, 'the title is there at once');
    }
    const same = await ex.snippets(r);
    assert.equal(same, r, 'filled in place');
    for (const h of r.hits) {
      assert.equal(h.pending, false);
      assert.ok(h.snippet.length > 20, `${h.id}: a snippet (${h.snippet_error})`);
      assert.ok(h.snippet_highlights.length > 0, `${h.id}: highlights`);
      assert.equal(h.snippet_error, undefined);
    }
    const again = await ex.search('numérique', { limit: 5 });
    assert.ok(again.hits.every((h) => !h.pending && h.snippet), 'loaded packs serve the next searches');
    for (const [name, n] of srv.requests) assert.equal(n, 1, `${name} fetched ${n} times`);
  });

  await t.test('completions and a did-you-mean fetch the lexicon, once', async () => {
    const lexicon = (await ex.packs()).at(-1);
    assert.equal(lexicon.kind, 'index', 'the lexicon is the last pack of the index');
    assert.equal(srv.requests.get(lexicon.name), undefined, 'not fetched before it is needed');
    const words = await ex.suggest('numér');
    assert.ok(words.includes('numérique'), `completions as written, accents and all: ${words}`);
    assert.equal(srv.requests.get(lexicon.name), 1);
    const typo = await ex.search('numériqeu');
    assert.equal(typo.suggestion || typo.corrected, 'numérique', `did-you-mean: ${JSON.stringify(typo.suggestion)}`);
    assert.deepEqual(await ex.suggest('numér'), words);
    assert.equal(srv.requests.get(lexicon.name), 1, 'fetched once');
  });

  /** The packs asked for so far. */
  const fetched = () => new Set(srv.requests.keys());

  await t.test('a 404, a truncated, damaged or wrong file: clear messages; search goes on', async () => {
    for (const n of fetched()) srv.good.add(n);
    const all = await ex.search('-zzzzqqq');
    const waiting = all.hits.filter((h) => h.pending);
    assert.ok(waiting.length >= 1, `${waiting.length} documents still to load`);
    const id = waiting[0].id;
    const hows = ['404', 'truncated', 'damaged', 'wrong'];
    const want = [/: cannot download \S+: the server answered HTTP 404 Not Found$/, /damaged or truncated file/, /damaged or truncated file/, /wrong content hash|bytes, the index says|truncated: \d+ bytes of \d+/];
    // Why, for a page to say it in its own words: a reason, and the HTTP status.
    const reason = [{ reason: 'http', status: 404 }, { reason: 'damaged' }, { reason: 'damaged' }, { reason: 'damaged' }];
    for (let i = 0; i < hows.length; i++) {
      srv.failing = hows[i];
      await assert.rejects(ex.document(id), (err) => {
        assert.match(err.message, want[i], hows[i]);
        assert.match(err.message, /text pack \d+ \([0-9a-f]{16}\.pack\)/);
        assert.deepEqual({ reason: err.reason, status: err.status }, { status: undefined, ...reason[i] }, hows[i]);
        return true;
      });
      // The same in the hits whose snippets wait for such packs.
      const some = await ex.snippets(await ex.search('-zzzzqqq'));
      const failed = some.hits.filter((h) => h.snippet_error);
      assert.ok(failed.length >= 1, `${hows[i]}: some snippets failed`);
      for (const h of failed) {
        assert.match(h.snippet_error, want[i], `${hows[i]}: ${h.snippet_error}`);
        assert.deepEqual({ reason: h.snippet_error_reason, status: h.snippet_error_status }, { status: undefined, ...reason[i] }, hows[i]);
      }
      const r = await ex.search('numérique');
      assert.ok(r.total > 0, 'search still answers');
      srv.failing = null;
    }
    // Fixed on the server, the same pack loads on a later try; the
    // reader's highlights need it too.
    const doc = await ex.document(id);
    assert.ok(doc.text.length > 0);
    const hl = await ex.highlights(waiting[waiting.length - 1].id, 'numérique');
    assert.ok(Array.isArray(hl.text_highlights), 'highlights() fetches the text it marks');
  });

  await t.test('offline mid-session: a clear message where the text would be', async () => {
    const all = await ex.search('-zzzzqqq');
    const waiting = all.hits.filter((h) => h.pending);
    assert.ok(waiting.length > 0, 'some packs still unloaded');
    srv.offline();
    await ex.snippets(all);
    for (const h of waiting) {
      assert.equal(h.pending, false);
      // What failed, then the runtime's own words, apart from ours.
      assert.match(h.snippet_error, /^text pack \d+ \([0-9a-f]{16}\.pack\): cannot download \S+: no answer \(offline, or the server refused the connection\); the browser said: \S/, h.snippet_error);
      assert.equal(h.snippet_error_reason, 'offline');
      assert.equal(h.snippet_error_status, undefined);
    }
    await assert.rejects(ex.document(waiting[0].id), (err) => err.reason === 'offline' && /no answer \(offline/.test(err.message));
    const r = await ex.search('numérique');
    assert.ok(r.total > 0, 'search works offline');
    assert.ok(r.hits.some((h) => h.snippet), 'the texts already loaded too');
    assert.ok(r.hits.every((h) => h.snippet || h.pending), 'the others wait for the network');
  });
});

test('makeAvailableOffline fetches every pack once', async (t) => {
  const { dir, names } = await splitBuild(t);
  const got = [];
  const ex = await load({
    wasm: await readFile(join(dir, 'explorer.wasm')),
    worker: false,
    wasmExec,
    packs: async (name) => {
      got.push(name);
      return readFile(join(dir, 'packs', name));
    },
  });
  t.after(() => ex.close());
  const progress = [];
  const r = await ex.makeAvailableOffline({ onProgress: (done, total) => progress.push([done, total]) });
  assert.deepEqual(r, { packs: names.length, loaded: names.length, failed: [] });
  assert.deepEqual(got.sort(), names.sort());
  assert.deepEqual(progress.at(-1), [names.length, names.length]);
  const again = await ex.makeAvailableOffline();
  assert.equal(again.loaded, names.length);
  assert.equal(got.length, names.length, 'nothing fetched twice');
  const s = await ex.search('numérique');
  assert.ok(s.hits.every((h) => !h.pending && h.snippet));
  const sum = await ex.summarizeQuery('numérique');
  assert.ok(sum.sentences.length > 0, 'the query summary reads the texts');
});

/**
 * Checks that a first search on a fresh load fetches the packs the
 * module's error names, at once: the module is asked nothing else (no
 * list of every pack) in between. Clears srv's requests after.
 */
async function coldSearch(wasm, srv) {
  const cold = await load({ wasm, wasmExec, worker: false, packs: srv.base });
  assert.ok((await cold.search('alibaba', { limit: 3 })).total > 0, 'alibaba found');
  const coldPacks = [...srv.requests.keys()];
  assert.ok(coldPacks.length >= 1, 'index packs fetched');
  const calls = (await cold.stats()).calls;
  assert.equal(calls, 1 + coldPacks.length + 1 + 1, `search, addPack for each of the ${coldPacks.length} packs, search, stats: ${calls} calls`);
  await cold.close();
  srv.requests.clear();
}

test('a split build: the search index fetched per query; a failing pack fails that query only', async (t) => {
  const { dir, names } = await splitBuild(t);
  const srv = await packServer(t, dir, names);
  const wasm = await readFile(join(dir, 'explorer.wasm'));

  await coldSearch(wasm, srv);

  const ex = await load({ wasm, wasmExec, worker: false, packs: srv.base });
  t.after(() => ex.close());
  const list = await ex.packs();
  const index = list.filter((p) => p.kind === 'index');
  assert.ok(index.length >= 5, `${index.length} packs of the search index`);
  assert.ok(index.every((p) => !p.loaded), 'none loaded before a search');

  // One search call: the packs it needs come in one round, then the answer.
  const r = await ex.search('alibaba', { limit: 3 });
  assert.ok(r.total > 0, 'alibaba found');
  const first = new Set(srv.requests.keys());
  assert.ok(first.size >= 1 && first.size < index.length, `${first.size} index packs of ${index.length} for one word`);
  for (const n of first) srv.good.add(n);

  const hows = ['404', 'truncated', 'damaged', 'wrong'];
  const want = [/HTTP 404/, /damaged or truncated file/, /damaged or truncated file/, /wrong content hash|bytes, the index says|truncated: \d+ bytes of \d+|corrupt/];
  for (let i = 0; i < hows.length; i++) {
    srv.failing = hows[i];
    await assert.rejects(ex.search('coronavirus'), (err) => {
      assert.match(err.message, want[i], hows[i]);
      assert.match(err.message, /^search: index pack \d+ \([0-9a-f]{16}\.pack\): /, hows[i]);
      assert.deepEqual({ reason: err.reason, status: err.status }, i === 0 ? { reason: 'http', status: 404 } : { reason: 'damaged', status: undefined }, hows[i]);
      return true;
    });
    const again = await ex.search('alibaba', { limit: 3 });
    assert.deepEqual(again.hits.map((h) => h.id), r.hits.map((h) => h.id), `${hows[i]}: a query whose packs are loaded still answers`);
  }
  // Fixed on the server, the next try loads it.
  srv.failing = null;
  const fixed = await ex.search('coronavirus');
  assert.ok(fixed.total > 0, 'coronavirus found once its packs arrive');
  // The same words again fetch nothing more.
  const before = [...srv.requests.values()].reduce((a, b) => a + b, 0);
  await ex.search('coronavirus alibaba');
  assert.equal([...srv.requests.values()].reduce((a, b) => a + b, 0), before, 'loaded packs are not fetched again');

  // Offline: queries needing new packs fail clearly, the others answer.
  srv.offline();
  await assert.rejects(ex.search('gouvernement'), (err) => {
    assert.match(err.message, /^search: index pack \d+ \([0-9a-f]{16}\.pack\): cannot download \S+: no answer \(offline, or the server refused the connection\); the browser said: \S/);
    assert.equal(err.reason, 'offline');
    return true;
  });
  assert.ok((await ex.search('alibaba')).total > 0, 'alibaba still answers offline');
});

test('a split build with long documents in parts: a snippet fetches only its part, or the whole pack when the part fails', async (t) => {
  const { dir, names } = await splitBuild(t, 300);
  const srv = await packServer(t, dir, names);
  const wasm = await readFile(join(dir, 'explorer.wasm'));

  await coldSearch(wasm, srv);

  const ex = await load({ wasm, wasmExec, worker: false, packs: srv.base });
  t.after(() => ex.close());
  const list = await ex.packs();
  const parts = list.filter((p) => p.kind === 'part');
  assert.ok(parts.length >= 10, `${parts.length} parts`);
  assert.ok(parts.every((p) => /^[0-9a-f]{16}-\d+-\d+\.pack$/.test(p.name)), 'parts are named after their pack');

  const r = await ex.search('alibaba', { limit: 5 });
  const onParts = r.hits.filter((h) => h.pending && list[h.pack].kind === 'part');
  assert.ok(onParts.length >= 1, 'a hit waits for a part');
  await ex.snippets(r);
  assert.ok(r.hits.every((h) => !h.pending && h.snippet && !h.snippet_error), 'every snippet filled');
  const fetched = [...srv.requests.keys()];
  for (const h of onParts) {
    const part = list[h.pack].name;
    assert.ok(fetched.includes(part), `${part} fetched`);
    assert.ok(!fetched.includes(part.replace(/(-\d+)+\.pack$/, '.pack')), `not the whole pack of ${h.id}`);
  }

  // Parts that cannot be had: the whole pack serves the snippet.
  srv.failing = '404';
  for (const n of fetched) srv.good.add(n);
  for (const p of list) if (p.kind !== 'part') srv.good.add(p.name);
  const q = await ex.search('chine', { limit: 5 });
  const waiting = q.hits.filter((h) => h.pending && list[h.pack].kind === 'part');
  assert.ok(waiting.length >= 1, 'a hit waits for a part');
  await ex.snippets(q);
  for (const h of waiting) assert.ok(h.snippet && !h.snippet_error, `${h.id}: snippet from its whole pack (${h.snippet_error})`);
  // The reader reads the whole pack.
  const d = await ex.document(waiting[0].id);
  assert.ok(d.text.length > 600, 'the whole text');
});

test('a text the module dropped (load({heldBytes})) is fetched again when read again', async (t) => {
  const { dir, names } = await splitBuild(t);
  const srv = await packServer(t, dir, names);
  // A bound of one byte: each text added drops the one before it.
  const ex = await load({ wasm: await readFile(join(dir, 'explorer.wasm')), wasmExec, worker: false, packs: srv.base, heldBytes: 1 });
  t.after(() => ex.close());
  const list = await ex.packs();
  const docs = (await ex.documents()).filter((d) => list[d.pack].kind === 'text');
  const [a, b] = [docs[0], docs.find((d) => d.pack !== docs[0].pack)];
  assert.ok(a && b, 'two documents in two packs');
  const fetches = (d) => srv.requests.get(list[d.pack].name) ?? 0;

  const first = await ex.document(a.id);
  assert.ok(first.text.length > 0);
  assert.equal(fetches(a), 1, 'fetched once');
  assert.ok((await ex.document(a.id)).text === first.text && fetches(a) === 1, 'held: read again without a fetch');
  assert.ok((await ex.document(b.id)).text.length > 0);
  assert.equal((await ex.packs())[a.pack].loaded, false, `pack ${a.pack} dropped once pack ${b.pack} came`);

  const again = await ex.document(a.id);
  assert.equal(again.text, first.text, 'the same text, read again');
  assert.equal(fetches(a), 2, 'fetched again, once');
  assert.equal(fetches(b), 1);
  assert.equal((await ex.packs())[a.pack].loaded, true, 'held again');
  assert.equal((await ex.packs())[b.pack].loaded, false, `pack ${b.pack} dropped in turn`);
  // A snippet too: the hit whose text was dropped is filled again.
  const r = await ex.snippets(await ex.search(b.title, { limit: 1 }));
  assert.equal(r.hits[0].id, b.id);
  assert.ok(r.hits[0].snippet && !r.hits[0].snippet_error, `a snippet (${r.hits[0].snippet_error})`);
  assert.equal(fetches(b), 2, 'fetched again, once');
  // A page of results whose texts exceed the bound: each text the module
  // drops while the others come is fetched again, until every snippet is
  // filled.
  const page = await ex.snippets(await ex.search('-zzzzqqq', { limit: 5 }));
  assert.ok(page.hits.length === 5, `${page.hits.length} hits`);
  for (const h of page.hits) assert.ok(!h.pending && h.snippet && !h.snippet_error, `${h.id}: a snippet (${h.snippet_error})`);
});
