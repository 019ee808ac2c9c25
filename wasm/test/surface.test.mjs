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

/** The built site's explorer (the seeds) on this thread, or null without a built site. */
async function seeds() {
  const site = new URL('../../build/site/', import.meta.url);
  let load;
  try {
    ({ load } = await import(new URL('explorer.js', site)));
  } catch {
    return null;
  }
  return load({ wasm: await readFile(new URL('explorer.wasm', site)), worker: false });
}

test('load() answers with the methods of api.js', async () => {
  const ex = await seeds();
  if (!ex) return; // no built site: api.test.mjs says so
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

test('what a person typed that the module refuses: the refusal, the field and the limit, from the module\'s message', async () => {
  const ex = await seeds();
  if (!ex) return; // no built site: api.test.mjs says so
  try {
    const refused = async (call, want) => {
      const err = await call.then(() => assert.fail('not refused'), (e) => e);
      assert.deepEqual({ refusal: err.refusal, field: err.field, limit: err.limit }, want, err.message);
      assert.equal(err.reason, undefined, 'no pack failure');
      if (want.limit !== undefined) assert.match(err.message, new RegExp(`\\b${want.limit}\\b`), 'the limit is the message\'s');
    };
    const long = 'chine '.repeat(API.limits.text);
    await refused(ex.search(long), { refusal: 'tooLong', field: 'query', limit: API.limits.text });
    await refused(ex.suggest(long), { refusal: 'tooLong', field: 'prefix', limit: API.limits.text });
    await refused(ex.kwic(long), { refusal: 'tooLong', field: 'query', limit: API.limits.text });
    await refused(ex.trend(long), { refusal: 'tooLong', field: 'terms', limit: API.limits.text });
    await refused(ex.search('q', { filters: { author: long } }), { refusal: 'tooLong', field: 'options.filters.author', limit: API.limits.text });
    // Over explorer.js's own bound, refused before the module: no limit said.
    await refused(ex.search('x'.repeat((1 << 20) + 1)), { refusal: 'tooLong', field: 'query', limit: undefined });
    await refused(ex.trend('chine, cloud, alibaba, ia, monde, pays'), { refusal: 'tooManyTerms', field: 'terms', limit: API.limits.terms });
    const words = await ex.kwic('un deux trois quatre cinq six sept huit neuf dix onze douze').then(() => null, (e) => e);
    assert.equal(words?.refusal, 'tooManyWords', words?.message);
    assert.ok(Number.isInteger(words.limit) && words.limit > 1 && words.limit < 12, `limit ${words.limit}`);
    await refused(ex.kwic('!!!'), { refusal: 'noWord', field: undefined, limit: undefined });
    await refused(ex.collocates('« ! »'), { refusal: 'noWord', field: undefined, limit: undefined });
    await refused(ex.keyness({ query: 'zzzqqq', hits: 100 }), { refusal: 'emptyPart', field: undefined, limit: undefined });
    await refused(ex.keyness({ dateFrom: '1900', dateTo: '1901' }), { refusal: 'emptyPart', field: undefined, limit: undefined });
    // What the page, not the person, got wrong is no refusal.
    await refused(ex.search('q', { limit: API.limits.limit + 1 }), { refusal: undefined, field: undefined, limit: undefined });
    await refused(ex.search('q', { sort: 'x' }), { refusal: undefined, field: undefined, limit: undefined });
  } finally {
    await ex.close();
  }
});
