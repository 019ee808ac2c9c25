// The explorer's JavaScript API in headless Chromium: in a worker (the
// default) and on the main thread, held to the same expectations as in
// Node (expectations.mjs), under the strict CSP of the hosted build; plus
// what only a browser shows: a .wasm served with the wrong MIME type, a
// sub-path, another origin (Blob URL worker), a worker that stops answering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, closeBrowser } from './server.mjs';
import { cases } from './expectations.mjs';

const wasmFile = new URL('../../build/site/explorer.wasm', import.meta.url);
let server;
let browser;
let page;
const consoleErrors = [];
const failedRequests = [];

before(async () => {
  server = await serve();
  browser = await launch();
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failedRequests.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${server.url}/test/page.html`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
});

after(async () => {
  await closeBrowser(browser);
  await server?.close();
});

async function runCases(t, slot, mode) {
  for (const [name] of cases) {
    await t.test(name, async () => {
      const err = await page.evaluate(([s, n]) => window.explorerTest.run(s, n), [slot, name]);
      assert.equal(err, null);
    });
  }
  assert.equal((await page.evaluate((s) => window.explorerTest.stats(s), slot)).mode, mode);
  await page.evaluate((s) => window.explorerTest.close(s), slot);
}

test('worker mode (the default) in Chromium', async (t) => {
  const bytes = (await stat(wasmFile)).size;
  const info = await page.evaluate(() => window.explorerTest.load('w'));
  assert.equal(info.mode, 'worker');
  assert.equal(info.fallback, null);
  assert.equal(info.wasm_bytes, bytes);
  assert.ok(info.count >= 2, `onProgress called ${info.count} times`);
  assert.deepEqual(info.progress[1], [bytes, bytes], 'last progress');
  assert.equal(info.progress[0][1], bytes, 'total from Content-Length');
  await runCases(t, 'w', 'worker');
});

test('main-thread mode in Chromium', async (t) => {
  const info = await page.evaluate(() => window.explorerTest.load('m', { worker: false }));
  assert.equal(info.mode, 'main');
  await runCases(t, 'm', 'main');
});

test('a .wasm served as application/octet-stream still loads', async () => {
  const info = await page.evaluate(() => window.explorerTest.load('mime', { wasm: '/mime/explorer.wasm' }));
  assert.equal(info.mode, 'worker');
  const err = await page.evaluate(() => window.explorerTest.run('mime', 'documents() lists every document with its metadata'));
  assert.equal(err, null);
  await page.evaluate(() => window.explorerTest.close('mime'));
});

test('under a sub-path, everything is found beside explorer.js', async () => {
  const info = await page.evaluate(() => window.explorerTest.load('sub', {}, '/sub/path/'));
  assert.equal(info.mode, 'worker');
  assert.equal(info.fallback, null);
  assert.equal(await page.evaluate(() => window.explorerTest.run('sub', 'search() answers with hits, highlights in UTF-16, seq and stale')), null);
  await page.evaluate(() => window.explorerTest.close('sub'));
});

test('a relative wasmExec URL is resolved against the page, not the worker', async () => {
  const info = await page.evaluate(() => window.explorerTest.load('rel', { wasmExec: '../wasm_exec.js' }));
  assert.equal(info.mode, 'worker');
  assert.equal(info.fallback, null);
  await page.evaluate(() => window.explorerTest.close('rel'));
});

test('a worker that stops answering fails every pending call, clearly', { timeout: 60_000 }, async () => {
  const r = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    const ex = await load({ timeout: 200, wasmExec: '/test/hang_exec.mjs' });
    const calls = [];
    for (let i = 0; i < 300; i++) calls.push(ex.search(`mot${i}`, { limit: 50 }));
    const settled = await Promise.allSettled(calls);
    const rejected = settled.filter((s) => s.status === 'rejected').map((s) => s.reason.message);
    let after = null;
    try {
      await ex.documents();
    } catch (err) {
      after = err.message;
    }
    await ex.close();
    return { settled: settled.length, rejected: rejected.length, first: rejected[0], after };
  });
  assert.equal(r.settled, 300);
  assert.equal(r.rejected, 299, 'every search after the first was failed by the watchdog');
  assert.match(r.first, /^search: the explorer's worker did not answer for 0\.2 s and was stopped$/);
  assert.match(r.after, /^documents: the explorer's worker did not answer/);
});

test('a module that cannot start rejects load() from the worker, without a fallback', async () => {
  const msg = await page.evaluate(async () => {
    const { load } = await import('/explorer.js');
    try {
      await load({ wasm: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) });
      return 'loaded';
    } catch (err) {
      return err.message;
    }
  });
  assert.equal(msg, 'load: this .wasm is not the explorer module (no Go entry point)');
});

test('from another origin, the worker is made from a Blob URL', async () => {
  const other = await browser.newPage();
  try {
    await other.goto(`${server.url}/test/page.html?nocsp`);
    await other.waitForSelector('html[data-ready]', { state: 'attached' });
    const info = await other.evaluate((base) => window.explorerTest.load('x', {}, base), `${server.altURL}/`);
    assert.equal(info.mode, 'worker');
    assert.match(info.fallback, /^worker from a Blob URL \(worker http:\/\/localhost:\d+\/explorer\.js: /);
    assert.equal(await other.evaluate(() => window.explorerTest.run('x', 'summarize() and summarizeQuery() give sentences with UTF-16 offsets')), null);
    await other.evaluate(() => window.explorerTest.close('x'));
  } finally {
    await other.close();
  }
});

test('load() starts downloading the module before api.js has arrived', async () => {
  // api.js is imported by load(), not before explorer.js runs: a page
  // that imports explorer.js gets its module a round trip sooner.
  const other = await browser.newPage();
  try {
    let apiHeld = true;
    let wasmWhileHeld = null;
    await other.route('**/api.js', async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      apiHeld = false;
      await route.continue();
    });
    other.on('request', (r) => {
      if (new URL(r.url()).pathname === '/explorer.wasm' && wasmWhileHeld === null) wasmWhileHeld = apiHeld;
    });
    await other.goto(`${server.url}/test/page.html`);
    await other.waitForSelector('html[data-ready]', { state: 'attached' });
    const info = await other.evaluate(() => window.explorerTest.load('slow-api'));
    assert.equal(info.mode, 'worker');
    assert.equal(wasmWhileHeld, true, 'explorer.wasm was requested while api.js was still on its way');
  } finally {
    await other.close();
  }
});

test('from file://, everything inline, it falls back to the main thread and works', async (t) => {
  // What a single offline HTML file does (issue 7): wasm_exec.js as a
  // classic inline script, explorer.js inlined in the module script, the
  // .wasm as base64.
  const dir = await mkdtemp(join(tmpdir(), 'explorer-file-'));
  const other = await browser.newPage();
  try {
    const goroot = execFileSync('go', ['env', 'GOROOT']).toString().trim();
    const wasmExec = await readFile(join(goroot, 'lib', 'wasm', 'wasm_exec.js'), 'utf8');
    // One inline module, as a bundler makes it: api.js before it, its import() answered with it.
    const api = (await readFile(new URL('../api.js', import.meta.url), 'utf8')).replaceAll(/^export /gm, '');
    const source = await readFile(new URL('../explorer.js', import.meta.url), 'utf8');
    assert.match(source, /import\('\.\/api\.js'\)/);
    const explorer = api + source.replaceAll(/import\('\.\/api\.js'\)/g, 'Promise.resolve({ API, METHODS })');
    const b64 = (await readFile(wasmFile)).toString('base64');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>standalone</title>
<script>${wasmExec.replaceAll('</script', '<\\/script')}</script>
<script type="module">
${explorer}
const bytes = Uint8Array.from(atob(document.getElementById('wasm').textContent), (c) => c.charCodeAt(0));
window.result = (async () => {
  const ex = await load({ wasm: bytes });
  const s = await ex.stats();
  const docs = await ex.documents();
  const r = await ex.search(docs[0].title.split(' ')[0] || 'le');
  let bad = null;
  try { await ex.document('nope'); } catch (err) { bad = err.message; }
  await ex.close();
  return { mode: s.mode, fallback: s.fallback, load_ms: s.load_ms, docs: docs.length, hits: Array.isArray(r.hits), bad };
})().catch((err) => ({ error: err.message }));
</script></head><body><main>standalone</main><script type="application/octet-stream" id="wasm">${b64}</script></body></html>`;
    const file = join(dir, 'standalone.html');
    await writeFile(file, html);
    await other.goto(`file://${file}`);
    const r = await other.evaluate(() => window.result);
    t.diagnostic(`file:// load: ${r.load_ms} ms, ${r.fallback}`);
    assert.equal(r.error, undefined);
    assert.equal(r.mode, 'main');
    assert.match(r.fallback, /^no worker \(/);
    assert.ok(r.docs > 0);
    assert.equal(r.hits, true);
    assert.equal(r.bad, 'document: document "nope": no such document');
  } finally {
    await other.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('no CSP violation and no uncaught error on the page', async () => {
  const { violations, errors } = await page.evaluate(() => ({ violations: window.explorerTest.violations, errors: window.explorerTest.errors }));
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(failedRequests, []);
  assert.deepEqual(consoleErrors.filter((e) => !/^Failed to load resource/.test(e)), []);
});
