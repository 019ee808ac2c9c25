// A split build in headless Chromium, in a worker (the default): with
// load({heldBytes: 1}), each text the module is given drops the one
// before it, and a text read again is fetched again by explorer.js, once,
// over the network (the test server says no-store), and shown whole. The
// entity map, drawn from the explore table, needs no text again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSplit, splitFolder } from './split.mjs';

/** Serves a split build of the seeds, counting the fetches of each pack, and opens the test page. */
async function open(t) {
  const fetched = new Map();
  const { page, errors } = await openSplit(t, await splitFolder(t), (name) => fetched.set(name, (fetched.get(name) ?? 0) + 1));
  return { page, fetched, errors };
}

test('in a worker, a text the module dropped is fetched again when read again', { timeout: 180_000 }, async (t) => {
  const { page, fetched, errors } = await open(t);

  const mode = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    const ex = await load({ heldBytes: 1 });
    window.held = ex;
    return (await ex.stats()).mode;
  });
  assert.equal(mode, 'worker');
  const list = await page.evaluate(() => window.held.packs());
  const docs = (await page.evaluate(() => window.held.documents())).filter((d) => list[d.pack].kind === 'text');
  const [a, b] = [docs[0], docs.find((d) => d.pack !== docs[0].pack)];
  assert.ok(a && b, 'two documents in two packs');
  const read = (id) => page.evaluate((i) => window.held.document(i).then((d) => d.text), id);
  const fetches = (d) => fetched.get(list[d.pack].name) ?? 0;

  const first = await read(a.id);
  assert.ok(first.length > 0);
  assert.equal(fetches(a), 1);
  assert.ok((await read(b.id)).length > 0);
  assert.equal(fetches(b), 1);
  assert.equal(await read(a.id), first, 'the same text, read again');
  assert.equal(fetches(a), 2, `${list[a.pack].name} fetched again, once`);
  assert.equal(fetches(b), 1);
  await page.evaluate(() => window.held.close());
  assert.deepEqual(errors, []);
});

test('with one text held at a time, the entity map of a split build is drawn without reading texts again', { timeout: 180_000 }, async (t) => {
  const { page, fetched, errors } = await open(t);
  const got = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    const held = await load({ heldBytes: 1 });
    const list = await held.packs();
    const sentence = await held.network({ scope: 'sentence' });
    const document = await held.network({ scope: 'document' });
    await held.close();
    return { list, sentence, document };
  });
  assert.ok(got.sentence.nodes.length > 0 && got.sentence.edges.length > 0, JSON.stringify(got.sentence).slice(0, 200));
  for (const p of got.list.filter((p) => p.kind === 'text')) {
    assert.equal(fetched.get(p.name), 1, `${p.name} fetched once`);
  }
  const whole = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    const ex = await load();
    const r = { sentence: await ex.network({ scope: 'sentence' }), document: await ex.network({ scope: 'document' }) };
    await ex.close();
    return r;
  });
  assert.deepEqual(got.sentence, whole.sentence, 'the same map as with every text held');
  assert.deepEqual(got.document, whole.document);
  assert.deepEqual(errors, []);
});
