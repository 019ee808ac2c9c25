// A split build with bulk files (tools/explorer/bulk.go), in headless
// Chromium, in a worker: makeAvailableOffline() (and so the first
// analysis of the whole corpus) fetches the list and the bulk files, not
// the packs they hold, and the analyses then answer as they do when every
// pack is fetched on its own (the same site without its list of bulk
// files, as an older build, or a host that dropped them, serves it). A
// bulk file missing, damaged, or holding one wrong pack costs the
// fetches of its packs (or of that one pack) one by one, and nothing
// else. Texts the module dropped come again from the bulk files when an
// analysis needs them all, and one whose own file cannot be had
// (offline, where the service worker kept only the bulk file) from its
// bulk file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { openSplit, splitFolder } from './split.mjs';

/**
 * Serves a split build of the seeds with bulk files, logging the files
 * fetched from packs/, and opens the test page. The build writes one bulk
 * file for so small a corpus: the test cuts it in two, A and B, at a
 * pack's end, as a larger corpus has several. write(part, raw) writes a
 * bulk file from its packs' bytes; restore() puts everything back.
 */
async function open(t) {
  const dir = await splitFolder(t, { bulk: true });
  const packs = join(dir, 'packs');
  const lines = (await readFile(join(packs, 'bulk.txt'), 'utf8')).trim().split('\n');
  assert.equal(lines[0], 'corpus-explorer bulk 1');
  assert.equal(lines.length, 2, `one bulk file for the seeds: ${lines}`);
  const [first, count] = lines[1].split('\t').map(Number);
  const raw = inflateSync(await readFile(join(packs, `${lines[1].split('\t')[2]}.bulk`)));
  await unlink(join(packs, `${lines[1].split('\t')[2]}.bulk`));

  const log = [];
  const { page, errors } = await openSplit(t, dir, (name) => log.push(name));
  const list = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    const ex = await load();
    const l = await ex.packs();
    await ex.close();
    return l;
  });
  assert.ok(count >= 10 && first + count <= list.length, `${count} packs in the bulk file, from ${first}, of ${list.length}`);
  // A: the texts' packs, B: the search index's (they follow).
  const mid = list.findIndex((p) => p.kind !== 'text');
  assert.ok(first === 0 && mid >= 2 && first + count - mid >= 2, `texts' packs 0 to ${mid - 1}, bulk file from ${first}, ${count} packs`);
  let cut = 0;
  for (let n = first; n < mid; n++) cut += list[n].size;
  const A = { first, count: mid - first, name: 'a'.repeat(16), raw: raw.subarray(0, cut) };
  const B = { first: mid, count: first + count - mid, name: 'b'.repeat(16), raw: raw.subarray(cut) };
  const write = (part, bytes = part.raw) => writeFile(join(packs, `${part.name}.bulk`), deflateSync(bytes));
  const restore = async () => {
    await write(A);
    await write(B);
    await writeFile(join(packs, 'bulk.txt'), `corpus-explorer bulk 1\n${[A, B].map((b) => `${b.first}\t${b.count}\t${b.name}\n`).join('')}`);
  };
  await restore();
  /** The packs of a bulk file, by number. */
  const numbers = (b) => Array.from({ length: b.count }, (_, i) => b.first + i);
  /** The files of packs/ fetched since log was emptied, each with its count. */
  const fetched = () => {
    const m = new Map();
    for (const f of log.splice(0)) m.set(f, (m.get(f) ?? 0) + 1);
    return m;
  };
  t.after(() => assert.deepEqual(errors, []));
  return { page, list, packs, A, B, write, restore, numbers, fetched };
}

/** Loads the explorer anew in the page (options: load()'s), makes it available offline and runs the analyses. */
function offlineThenAnalyses(page, options = {}) {
  return page.evaluate(async (options) => {
    const { load } = await import('/explorer.js');
    const ex = await load(options);
    const offline = await ex.makeAvailableOffline();
    const answers = {
      figures: await ex.figures(),
      network: await ex.network({ scope: 'sentence' }),
      phrases: await ex.phrases({ n: 2 }),
      kwic: await ex.kwic('la'),
      collocates: await ex.collocates('la'),
    };
    await ex.close();
    return { offline, answers };
  }, options);
}

test('makeAvailableOffline fetches the bulk files, not their packs, and the analyses answer the same', { timeout: 240_000 }, async (t) => {
  const { page, list, packs, A, B, numbers, fetched, restore } = await open(t);
  const covered = new Set([...numbers(A), ...numbers(B)]);
  const wanted = list.filter((p) => p.kind !== 'part');

  // Without the list (an older build): every pack fetched on its own.
  await rename(join(packs, 'bulk.txt'), join(packs, 'bulk.off'));
  fetched();
  const ref = await offlineThenAnalyses(page);
  let got = fetched();
  assert.deepEqual(ref.offline, { packs: wanted.length, loaded: wanted.length, failed: [] });
  for (const p of wanted) assert.equal(got.get(p.name), 1, `${p.name} fetched once without bulk files`);
  assert.ok(![...got.keys()].some((f) => f.endsWith('.bulk')));
  assert.ok(ref.answers.kwic.total > 0 && ref.answers.network.nodes.length > 0 && ref.answers.phrases.phrases.length > 0, JSON.stringify(ref.answers).slice(0, 300));
  await rename(join(packs, 'bulk.off'), join(packs, 'bulk.txt'));

  // With it: the list and the two bulk files, once each; of the packs,
  // only those no bulk file holds.
  const bulk = await offlineThenAnalyses(page);
  got = fetched();
  assert.deepEqual(bulk.offline, ref.offline);
  assert.equal(got.get('bulk.txt'), 1);
  assert.equal(got.get(`${A.name}.bulk`), 1);
  assert.equal(got.get(`${B.name}.bulk`), 1);
  list.forEach((p, n) => {
    if (covered.has(n)) assert.ok(!got.has(p.name), `pack ${n} (${p.name}) fetched though a bulk file holds it`);
    else if (p.kind !== 'part') assert.equal(got.get(p.name), 1, `pack ${n} (${p.name}), in no bulk file, fetched on its own`);
  });
  assert.ok([...got.keys()].filter((f) => f.endsWith('.pack')).length <= 2, `packs fetched on their own: ${[...got.keys()]}`);
  assert.deepEqual(bulk.answers, ref.answers, 'the same answers');

  // The first analysis of the whole corpus loads the packs the same way.
  const first = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    const ex = await load();
    const f = await ex.figures();
    await ex.close();
    return f;
  });
  got = fetched();
  assert.deepEqual(first, ref.answers.figures);
  assert.equal(got.get(`${A.name}.bulk`), 1);
  assert.equal(got.get(`${B.name}.bulk`), 1);
  list.forEach((p, n) => assert.ok(!covered.has(n) || !got.has(p.name), `pack ${n} fetched by figures() though a bulk file holds it`));

  // A bulk file damaged, missing, or with one wrong pack: its packs (or
  // that one) come one by one, the others from the bulk files; the same
  // answers, nothing failed.
  const cases = [
    {
      what: 'B damaged',
      break: async () => {
        const z = deflateSync(B.raw);
        z.fill(0x61, z.length >> 1, (z.length >> 1) + 40);
        await writeFile(join(packs, `${B.name}.bulk`), z);
      },
      single: numbers(B),
    },
    { what: 'A missing', break: () => unlink(join(packs, `${A.name}.bulk`)), single: numbers(A) },
    {
      what: 'B holding a wrong pack',
      break: async () => {
        // A byte of pack B.first+1 changed: the zlib stream is sound, the module refuses that pack (its hash).
        const raw = Buffer.from(B.raw);
        raw[list[B.first].size + 3] ^= 0x20;
        await writeFile(join(packs, `${B.name}.bulk`), deflateSync(raw));
      },
      single: [B.first + 1],
    },
  ];
  for (const c of cases) {
    await c.break();
    fetched();
    const r = await offlineThenAnalyses(page);
    got = fetched();
    assert.deepEqual(r.offline, ref.offline, c.what);
    assert.deepEqual(r.answers, ref.answers, `${c.what}: the same answers`);
    for (const n of covered) {
      assert.equal(got.get(list[n].name) ?? 0, c.single.includes(n) ? 1 : 0, `${c.what}: pack ${n} fetched on its own ${c.single.includes(n) ? 'once' : 'never'}`);
    }
    await restore();
  }
});

test('texts the module dropped are loaded again from the bulk files: by an analysis after makeAvailableOffline, and offline', { timeout: 180_000 }, async (t) => {
  const { page, list, packs, A, B, numbers, fetched } = await open(t);
  const figures = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    const ex = await load();
    const f = await ex.figures();
    await ex.close();
    return f;
  });
  const docs = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    // One text held at a time: each read drops the one before.
    window.held = await load({ heldBytes: 1 });
    await window.held.makeAvailableOffline();
    return window.held.documents();
  });
  // The analyses' first call needs every text again: the first it names
  // comes on its own, the others from the bulk files.
  fetched();
  assert.deepEqual(await page.evaluate(() => window.held.figures()), figures);
  let got = fetched();
  assert.equal(got.get(`${A.name}.bulk`), 1, `A fetched again: ${[...got.keys()]}`);
  assert.ok(!got.has(`${B.name}.bulk`), 'B, the search index, not fetched again: the module keeps it');
  const alone = [...numbers(A), ...numbers(B)].filter((n) => got.has(list[n].name));
  assert.ok(alone.length <= 1, `packs fetched on their own: ${alone}`);

  const inA = (d) => d.pack >= A.first && d.pack < A.first + A.count && list[d.pack].kind === 'text';
  const d = docs.find(inA);
  const e = docs.find((x) => x.pack !== d.pack && list[x.pack].kind === 'text');
  assert.ok(d && e, 'two documents in two packs, one in A');
  const read = (id) => page.evaluate((i) => window.held.document(i).then((x) => x.text), id);
  const text = await read(d.id);
  assert.ok(text.length > 0);
  assert.ok((await read(e.id)).length > 0);
  // Its own file gone (as offline, where the service worker kept the bulk file only).
  await unlink(join(packs, list[d.pack].name));
  fetched();
  assert.equal(await read(d.id), text, 'the same text, from the bulk file');
  got = fetched();
  assert.equal(got.get(`${A.name}.bulk`), 1, `A fetched again: ${[...got.keys()]}`);
  // And with no bulk file either: the pack's own error.
  assert.ok((await read(e.id)).length > 0);
  await unlink(join(packs, `${A.name}.bulk`));
  const err = await page.evaluate((i) => window.held.document(i).then(() => 'read', (x) => x.message), d.id);
  assert.match(err, new RegExp(`text pack ${d.pack} \\(${list[d.pack].name}\\): cannot download .*HTTP 404`));
  await page.evaluate(() => window.held.close());
});
