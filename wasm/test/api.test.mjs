// The explorer's JavaScript API in Node, on the main thread, held to the
// same expectations as in headless Chromium (expectations.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { cases } from './expectations.mjs';

const site = new URL('../../build/site/', import.meta.url);
const { load } = await import(new URL('explorer.js', site));
const wasm = await readFile(new URL('explorer.wasm', site));

test('the API on the main thread in Node', async (t) => {
  const progress = [];
  const explorer = await load({ wasm, worker: false, onProgress: (n, total) => progress.push([n, total]) });
  assert.deepEqual(progress.at(-1), [wasm.byteLength, wasm.byteLength], 'onProgress reports the bytes');
  const ctx = { explorer, mode: 'main', load: () => load({ wasm, worker: false }) };
  for (const [name, fn] of cases) await t.test(name, () => fn(ctx));
  await explorer.close();
});

test('load() defaults and fallbacks in Node', async (t) => {
  await t.test('the default URL beside explorer.js; no Worker here means the main thread', async () => {
    let last = null;
    const ex = await load({ onProgress: (n, total) => { last = [n, total]; } });
    const s = await ex.stats();
    assert.equal(s.mode, 'main');
    assert.match(s.fallback, /Web Workers are not available/);
    assert.equal(s.wasm_bytes, wasm.byteLength);
    assert.deepEqual(last, [wasm.byteLength, wasm.byteLength]);
    await ex.close();
  });
  await t.test('a Response and a Promise<Response> are accepted', async () => {
    for (const src of [new Response(wasm), Promise.resolve(new Response(wasm)), new Uint8Array(wasm).buffer]) {
      const ex = await load({ wasm: src, worker: false });
      assert.ok((await ex.documents()).length > 0);
      await ex.close();
    }
  });
  await t.test('bad options and bad modules are clear errors', async () => {
    await assert.rejects(load({ wasm, worker: 'yes' }), { message: 'load: options.worker must be a boolean, got string' });
    await assert.rejects(load({ wasm, wokrer: false }), { message: /^load: unknown option "wokrer"; known: / });
    for (const held of [0, -1, 1.5, 2 ** 33, '1000', NaN]) {
      await assert.rejects(load({ wasm, worker: false, heldBytes: held }), { message: `load: options.heldBytes must be a whole number of bytes from 1 to 4294967296, got ${String(held)}` });
    }
    await assert.rejects(load({ wasm: 42 }), { message: /^load: options.wasm must be a URL, a string, an ArrayBuffer, a typed array or a Response, got number/ });
    await assert.rejects(load({ wasm: new Uint8Array([1, 2, 3]), worker: false }), { message: /^load: cannot compile explorer.wasm: /, reason: 'damaged' });
    const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    await assert.rejects(load({ wasm: empty, worker: false }), { message: 'load: this .wasm is not the explorer module (no Go entry point)' });
    await assert.rejects(load({ wasm: new Response('nope', { status: 404 }), worker: false }), { message: /^load: cannot download .*HTTP 404/, reason: 'http', status: 404 });
    await assert.rejects(load({ wasm: new URL('no-such.wasm', site), worker: false }), { message: /no-such.wasm/ });
  });
  await t.test('the Go program ends on close()', async () => {
    const ex = await load({ wasm, worker: false });
    await ex.close();
    await assert.rejects(ex.documents(), { message: 'documents: the explorer is closed' });
  });
});

