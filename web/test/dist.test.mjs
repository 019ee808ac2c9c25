// What `make dist` writes (issue 7), in headless Chromium: the hosted build
// under the strict CSP header with precompressed files, installable; a
// reload with the network cut; a new version replacing the old one; a
// sub-path; a .wasm with the wrong MIME type; the single file from file://
// with the network off; the custom element, the iframe page and the
// headless API from another origin, in a page with hostile CSS.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { serve, launch, closeBrowser, newPage, repo, domIsClean } from './helpers.mjs';

const distDir = process.env.DIST_DIR || path.join(repo, 'dist');
const built = fs.existsSync(path.join(distDir, 'sw.js')) && fs.existsSync(path.join(distDir, 'explorer-standalone.html'));
const skip = built ? false : 'dist/ is missing: run make dist';
const fixtures = path.join(repo, 'web/test/fixtures');

/** Every file under dir, slash-separated, relative to it. */
function files(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...files(path.join(dir, e.name), rel + '/'));
    else out.push(rel);
  }
  return out.sort();
}

/** The version folder of a distribution. */
function version(dir = distDir) {
  return fs.readdirSync(dir, { withFileTypes: true }).find((e) => e.isDirectory()).name;
}

/** Waits until the page's <corpus-explorer> has loaded its corpus. */
async function elementReady(page, selector = 'corpus-explorer') {
  await page.waitForFunction((s) => {
    const e = document.querySelector(s);
    return e && e.app && e.app.explorer !== null;
  }, selector, { timeout: 60000 });
  await page.evaluate((s) => document.querySelector(s).app.ready, selector);
}

/** Types a query into the element's search box and returns the hit count. */
async function searchInElement(page, q, selector = 'corpus-explorer') {
  const el = page.locator(selector);
  await el.locator('input[type=search]').fill(q);
  await page.waitForFunction(([s, q]) => {
    const h = document.querySelector(s).shadowRoot.querySelector('.cx-count');
    return h && h.dataset.q === q;
  }, [selector, q], { timeout: 30000 });
  return el.locator('.cx-hits > li').count();
}

/** A word that finds something: the corpus's first keyword. */
async function someQuery(page, selector = 'corpus-explorer') {
  return page.evaluate(async (s) => {
    const o = await document.querySelector(s).app.explorer.overview();
    return (o.keywords && o.keywords[0] && o.keywords[0].text) || 'alibaba';
  }, selector);
}

/** Searches, opens the first hit with the keyboard and waits for its summary. */
async function searchAndOpen(page) {
  assert.ok(await searchInElement(page, await someQuery(page)) > 0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('corpus-explorer').locator('.cx-reader').waitFor();
  await page.locator('corpus-explorer').locator('.cx-sumlist[data-n]').waitFor();
}

describe('dist/', { skip }, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await closeBrowser(browser);
  });

  /**
   * hosted serves dist/ (serve() options), opens a page, runs fn(page, srv),
   * then checks that nothing went wrong: no page error, no console error
   * (but failed loads, when offline is set) and no CSP report.
   */
  async function hosted(options, fn, { offline = false } = {}) {
    const srv = await serve(distDir, options);
    try {
      const page = await newPage(browser);
      await fn(page, srv);
      assert.deepEqual(page.problems.filter((p) => !(offline && /Failed to load resource/.test(p))), []);
      assert.deepEqual(srv.cspReports, []);
      await page.context().close();
    } finally {
      await srv.close();
    }
  }

  test('fewer than 20 files; every sibling decodes to its file; sizes', (t) => {
    const all = files(distDir);
    assert.ok(all.length < 20, `${all.length} files: ${all.join(' ')}`);
    const v = version();
    for (const f of ['index.html', 'sw.js', 'manifest.webmanifest', 'explorer-standalone.html', `${v}/explorer.js`, `${v}/explorer.wasm`, `${v}/style.css`, `${v}/icon.svg`]) {
      assert.ok(all.includes(f), `${f} missing`);
    }
    const rows = [];
    for (const f of all.filter((f) => !/\.(br|gz)$/.test(f))) {
      const raw = fs.readFileSync(path.join(distDir, f));
      const br = all.includes(f + '.br') ? fs.readFileSync(path.join(distDir, f + '.br')) : null;
      const gz = all.includes(f + '.gz') ? fs.readFileSync(path.join(distDir, f + '.gz')) : null;
      assert.equal(!!br, !!gz, `${f}: both siblings or none`);
      if (br) {
        assert.ok(zlib.brotliDecompressSync(br).equals(raw), `${f}.br`);
        assert.ok(zlib.gunzipSync(gz).equals(raw), `${f}.gz`);
      } else {
        assert.ok(raw.length < 1024 || f === 'explorer-standalone.html', `${f} (${raw.length} bytes) has no siblings`);
      }
      rows.push(`${f}: ${raw.length} raw, ${(gz || zlib.gzipSync(raw, { level: 9 })).length} gzip, ${(br || zlib.brotliCompressSync(raw)).length} brotli${br ? '' : ' (no siblings)'}`);
    }
    t.diagnostic(`${all.length} files\n` + rows.join('\n'));
    // The version folder is named by its contents; the page and the service worker point at it.
    assert.match(v, /^[0-9a-f]{12}$/);
    assert.ok(fs.readFileSync(path.join(distDir, 'index.html'), 'utf8').includes(`${v}/explorer.js`));
    assert.ok(fs.readFileSync(path.join(distDir, 'sw.js'), 'utf8').includes(`'${v}'`));
  });

  test('the bundled explorer.js is the headless API in Node too', async () => {
    const api = await import(pathToFileURL(path.join(distDir, version(), 'explorer.js')).href);
    for (const name of ['load', 'mount', 'define', 'CorpusExplorer', 'listenToParent']) assert.equal(typeof api[name], 'function', name);
    const ex = await api.load();
    const docs = await ex.documents();
    const r = await ex.search(docs[0].title.split(/\s+/)[0]);
    assert.ok(r.hits.length > 0);
    assert.equal((await ex.stats()).mode, 'main');
    await ex.close();
  });

  test('hosted under the strict CSP header, precompressed: no violation, worker mode, installable', () => hosted({ precompressed: true }, async (page, srv) => {
    const encodings = {};
    page.on('response', (r) => { encodings[new URL(r.url()).pathname] = r.headers()['content-encoding'] || null; });
    await page.goto(srv.url);
    await elementReady(page);
    await searchAndOpen(page);
    assert.match(new URL(page.url()).hash, /^#doc=/, 'the page keeps its state in the address');
    const stats = await page.evaluate(() => document.querySelector('corpus-explorer').app.explorer.stats());
    assert.equal(stats.mode, 'worker');
    assert.equal(stats.fallback, null);
    const v = version();
    assert.equal(encodings[`/${v}/explorer.wasm`], 'br');
    assert.equal(encodings[`/${v}/explorer.js`], 'br');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito profiles: nothing else may be missing.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, []);
    assert.deepEqual(await domIsClean(page), []);
  }));

  // A cold visit: what each path was requested, once the service worker
  // controls the page and a document is open.
  async function coldVisit(page, srv) {
    await page.goto(srv.url);
    await elementReady(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await searchAndOpen(page);
    const counts = {};
    for (const p of srv.requests) counts[p] = (counts[p] || 0) + 1;
    const v = version();
    for (const f of ['/', '/sw.js', '/manifest.webmanifest', `/${v}/explorer.js`, `/${v}/explorer.wasm`, `/${v}/style.css`]) {
      assert.ok(counts[f] >= 1, `${f} was never requested: ${JSON.stringify(counts)}`);
    }
    // The precache holds every file, so a reload needs no network.
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const c = await caches.open(keys.find((k) => k.startsWith('corpus-explorer ')));
      return (await c.keys()).map((r) => new URL(r.url).pathname).sort();
    });
    assert.deepEqual(cached, ['/', '/manifest.webmanifest', `/${v}/explorer.js`, `/${v}/explorer.wasm`, `/${v}/icon.svg`, `/${v}/search.svg`, `/${v}/style.css`].sort());
    return counts;
  }

  test('a cold visit fetches each file once: the service worker reuses what the page fetched', () => hosted({ precompressed: true, immutable: /^\/[0-9a-f]{12}\// }, async (page, srv) => {
    // The versioned files as a host should serve them (explorer serve does):
    // immutable, since their folder is named by their contents.
    const counts = await coldVisit(page, srv);
    assert.deepEqual(Object.entries(counts).filter(([, n]) => n > 1), [], 'files requested more than once: ' + JSON.stringify(counts));
  }));

  test('a cold visit from a host that says no-cache: only the worker script and the favicon are asked again (as the host says), the module once', () => hosted({ precompressed: true }, async (page, srv) => {
    const counts = await coldVisit(page, srv);
    const v = version();
    assert.deepEqual(Object.entries(counts).filter(([p, n]) => n > 1 && p !== `/${v}/explorer.js` && p !== `/${v}/icon.svg`), [], JSON.stringify(counts));
    assert.ok(counts[`/${v}/explorer.js`] <= 2 && counts[`/${v}/explorer.wasm`] === 1, JSON.stringify(counts));
  }));

  test('offline: after the first visit, a reload with the network cut works', () => hosted({}, async (page, srv) => {
    await page.goto(srv.url + '#q=x');
    await elementReady(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await page.context().setOffline(true);
    await page.reload();
    await elementReady(page);
    const q = await someQuery(page);
    assert.ok(await searchInElement(page, q) > 0);
    // A navigation to another address of the scope is answered too.
    await page.goto(srv.url + 'index.html#q=' + encodeURIComponent(q));
    await elementReady(page);
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);
  }, { offline: true }));

  test('a new version replaces the old one: new files, old caches deleted, offline again', async () => {
    // Version 2: the same files under another version folder.
    const v1 = version();
    const v2 = 'f'.repeat(12);
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-v2-'));
    for (const f of files(distDir)) {
      const to = path.join(dir2, f.replace(v1 + '/', v2 + '/'));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (/^(index\.html|sw\.js|manifest\.webmanifest)$/.test(f)) fs.writeFileSync(to, fs.readFileSync(path.join(distDir, f), 'utf8').replaceAll(v1, v2));
      else if (!/\.(br|gz)$/.test(f) || f.startsWith(v1)) fs.copyFileSync(path.join(distDir, f), to);
    }
    try {
      await hosted({}, async (page, srv) => {
        await page.goto(srv.url);
        await elementReady(page);
        await page.evaluate(() => navigator.serviceWorker.ready);
        const keys1 = await page.evaluate(() => caches.keys());
        assert.equal(keys1.length, 1);
        assert.ok(keys1[0].endsWith(' ' + v1), keys1[0]);
        srv.setDir(dir2); // deploy: v1 is gone from the host
        await page.reload();
        await elementReady(page);
        assert.ok(await page.evaluate((v2) => !!document.querySelector(`script[src="${v2}/explorer.js"]`), v2));
        // The new worker installs, takes over and deletes the old cache.
        const keys2 = await page.evaluate(async (v2) => {
          for (let i = 0; i < 150; i++) {
            const k = await caches.keys();
            if (k.length === 1 && k[0].endsWith(' ' + v2) && navigator.serviceWorker.controller) return k;
            await new Promise((r) => setTimeout(r, 200));
          }
          return caches.keys();
        }, v2);
        assert.equal(keys2.length, 1, keys2.join(', '));
        assert.ok(keys2[0].endsWith(' ' + v2), keys2[0]);
        await page.context().setOffline(true);
        await page.reload();
        await elementReady(page);
        assert.ok(await page.evaluate((v2) => !!document.querySelector(`script[src="${v2}/explorer.js"]`), v2));
      }, { offline: true });
    } finally {
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });

  test('under a sub-path (https://host/some/path/)', () => hosted({ base: '/some/path/' }, async (page, srv) => {
    await page.goto(srv.url);
    await elementReady(page);
    assert.ok(await searchInElement(page, await someQuery(page)) > 0);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(new URL(scope).pathname, '/some/path/');
    const stats = await page.evaluate(() => document.querySelector('corpus-explorer').app.explorer.stats());
    assert.equal(stats.mode, 'worker');
  }));

  test('a host that serves .wasm as application/octet-stream', () => hosted({ wasmType: 'application/octet-stream' }, async (page, srv) => {
    let type = null;
    page.on('response', (r) => { if (r.url().endsWith('.wasm')) type = r.headers()['content-type']; });
    await page.goto(srv.url);
    await elementReady(page);
    assert.equal(type, 'application/octet-stream');
    assert.ok(await searchInElement(page, await someQuery(page)) > 0);
  }));

  test('the single file opens from file:// with the network off, under its own CSP', async (t) => {
    const file = path.join(distDir, 'explorer-standalone.html');
    const page = await newPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url().slice(0, 60)));
    await page.context().setOffline(true);
    await page.goto('file://' + file);
    await elementReady(page);
    await searchAndOpen(page);
    const stats = await page.evaluate(() => document.querySelector('corpus-explorer').app.explorer.stats());
    assert.equal(stats.mode, 'main');
    assert.deepEqual(requests.filter((u) => !/^(file|data):/.test(u)), []);
    const html = fs.readFileSync(file, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
    assert.doesNotMatch(html, /<script src=|<link rel="stylesheet"/);
    t.diagnostic(`explorer-standalone.html: ${fs.statSync(file).size} bytes, loaded in ${stats.load_ms} ms`);
    await page.screenshot({ path: path.join(repo, 'build/screenshots/dist-standalone.png') });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('from another origin, in a hostile page: the element, the iframe page and the headless API', async () => {
    const host = await serve(distDir, { cors: true });
    // The embedding page's own CSP, what the README tells embedders to allow.
    const A = host.origin;
    const policy = `default-src 'self'; script-src 'self' ${A} 'wasm-unsafe-eval'; style-src 'self' ${A}; img-src 'self' ${A}; connect-src ${A}; worker-src ${A} blob:; frame-src ${A}; object-src 'none'; base-uri 'none'`;
    const demo = await serve(fixtures, { csp: policy });
    try {
      const page = await newPage(browser, { height: 1400 });
      const v = version();
      await page.goto(`${demo.url}embed.html?explorer=${encodeURIComponent(`${A}/${v}/explorer.js`)}`);
      await page.waitForFunction(() => window.demo, null, { timeout: 60000 });
      await elementReady(page);
      const el = page.locator('corpus-explorer');
      // Attributes: query, lang, theme, height.
      await page.waitForFunction(() => {
        const h = document.querySelector('corpus-explorer').shadowRoot.querySelector('.cx-count');
        return h && h.dataset.q === 'alibaba';
      }, null, { timeout: 30000 });
      assert.ok(await el.locator('.cx-hits > li').count() > 0);
      assert.equal(await el.locator('.cx').getAttribute('lang'), 'fr');
      assert.ok((await el.locator('.cx').getAttribute('class')).includes('cx-theme-dark'));
      const box = await el.boundingBox();
      assert.ok(Math.abs(box.height - 30 * 16) < 2, `height ${box.height}`);
      // The host's CSS does not reach in; ours does not leak out.
      assert.notEqual(await el.locator('.cx-brand').evaluate((e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
      assert.equal(await page.locator('#after').evaluate((e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
      await el.evaluate((e) => e.setAttribute('lang', 'en'));
      assert.equal(await el.locator('.cx').getAttribute('lang'), 'en');
      // The explorer runs in a worker made from a Blob URL (another origin).
      const stats = await page.evaluate(() => document.querySelector('corpus-explorer').app.explorer.stats());
      assert.equal(stats.mode, 'worker');
      assert.match(stats.fallback, /^worker from a Blob URL/);
      // 3. The headless API.
      assert.ok(await page.evaluate(() => window.demo.headless.hits.length) > 0);
      assert.equal(await page.locator('#headless li').count(), await page.evaluate(() => window.demo.headless.hits.length));
      // 2. The iframe page answers its parent's origin...
      await page.evaluate(() => window.demo.ready);
      const r = await page.evaluate(() => window.demo.ask('explorer.search', ['cloud', { limit: 3 }]));
      assert.ok(r.hits.length > 0);
      const st = await page.evaluate(() => window.demo.ask('search', ['cloud']));
      assert.equal(st.q, 'cloud');
      const frame = page.frameLocator('iframe');
      await frame.locator('corpus-explorer .cx-count[data-q="cloud"]').waitFor();
      assert.match(await page.evaluate(() => window.demo.ask('nope').catch((e) => e.message)), /^unknown method "nope"/);
      // ...and no other: a frame told another origin stays silent.
      const silent = await page.evaluate(async (src) => {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
        await new Promise((r) => f.addEventListener('load', r, { once: true }));
        await new Promise((r) => setTimeout(r, 500));
        const answer = window.demo.ask('state', [], f).then(() => 'answered', (e) => e.message);
        return Promise.race([answer, new Promise((r) => setTimeout(() => r('silent'), 3000))]);
      }, `${A}/?origin=${encodeURIComponent('http://localhost:1')}`);
      assert.equal(silent, 'silent');
      await page.screenshot({ path: path.join(repo, 'build/screenshots/dist-embed.png'), fullPage: true });
      assert.deepEqual(page.problems, []);
      assert.deepEqual(demo.cspReports, []);
      assert.deepEqual(host.cspReports, []);
      await page.context().close();
    } finally {
      await demo.close();
      await host.close();
    }
  });
});
