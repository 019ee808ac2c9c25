// The API surface declared once (wasm/api.js): explorer.js builds its
// methods from it, element.js its list of callable methods; here the
// object load() returns and the Explorer interface of explorer.d.ts are
// held to it, method by method and argument by argument.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { API, METHODS } from '../api.js';

const dts = await readFile(new URL('../explorer.d.ts', import.meta.url), 'utf8');

/** The methods of an interface of explorer.d.ts: [[name, [param, …]], …]. */
function methodsOf(name) {
  const m = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(dts);
  assert.ok(m, `explorer.d.ts: no interface ${name}`);
  const out = [];
  for (const [, n, params] of m[1].matchAll(/^ {2}(\w+)\(([^)]*)\):/gm)) {
    out.push([n, params.split(',').map((p) => p.trim().split(/[?:]/)[0]).filter(Boolean)]);
  }
  return out;
}

test('explorer.d.ts declares the methods of api.js, with the same arguments', () => {
  assert.deepEqual(methodsOf('Explorer'), [...Object.entries(API.methods), ...Object.entries(API.client)]);
});

test('load() answers with the methods of api.js', async () => {
  const site = new URL('../../build/site/', import.meta.url);
  let load;
  try {
    ({ load } = await import(new URL('explorer.js', site)));
  } catch {
    return; // no built site: api.test.mjs says so
  }
  const ex = await load({ wasm: await readFile(new URL('explorer.wasm', site)), worker: false });
  try {
    assert.deepEqual(Object.keys(ex), [...Object.keys(API.methods), ...Object.keys(API.client)]);
    assert.deepEqual(METHODS, Object.keys(API.methods).filter((m) => m !== 'close'));
    assert.equal((await ex.stats()).funcs, Object.keys(API.methods).length, 'functions the module exports');
    // Limits, in characters, as the module checks them.
    await assert.rejects(ex.search('x'.repeat(API.limits.text + 1)), { message: `search: query too long: ${API.limits.text + 1} characters, the limit is ${API.limits.text} characters` });
    assert.ok(Array.isArray((await ex.search('é'.repeat(API.limits.text))).hits), 'a query of the longest length, in accented characters');
    await assert.rejects(ex.search('q', { limit: API.limits.limit + 1 }), /limit out of range/);
  } finally {
    await ex.close();
  }
});
