// The page on a split build whose texts' packs fail to arrive (issue 13's
// "Done when"): a 404, a truncated file, another pack's file (wrong hash),
// the network gone. The results show their titles and, where each snippet
// would be, a sentence of ours, in the interface's language, saying why
// the text is missing (the explorer's message, for developers, in its
// tooltip); the reader keeps the document's title as its heading and
// says the same, with the message in its details; and search keeps
// working throughout. Screenshots of the reader: build/screenshots.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, splitSite, repo, axe } from './helpers.mjs';

const skip = siteBuilt() ? false : 'build/site is missing: run make site';

describe('a split build whose texts cannot be had', { skip }, () => {
  let tmp;
  let srv;
  let browser;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-packfail-'));
    srv = await serve(await splitSite(tmp));
    browser = await launch();
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  // How each failure is served (pack: a file of site/packs, read from
  // disk), what the explorer's message must say (want), and the page's
  // sentence (say: English, and French for the offline case).
  const pack = (name) => fs.readFileSync(path.join(tmp, 'packs', name));
  const offline = /^The text of this document could not be downloaded: no answer from the server \(offline, or the connection was refused\)\.$/;
  const cases = [
    ['404', (route) => route.fulfill({ status: 404, body: 'not found' }), /: the server answered HTTP 404/, /^The text of this document could not be downloaded: the server answered HTTP 404\.$/],
    ['truncated', (route, file) => route.fulfill({ body: pack(file).subarray(0, 20) }), /damaged or truncated file/, /^The text of this document arrived damaged \(a truncated or wrong file\)\.$/],
    ['wrong hash', (route, file, other) => route.fulfill({ body: pack(other) }), /wrong content hash|bytes, the index says|truncated: \d+ bytes of \d+/, /^The text of this document arrived damaged/],
    ['offline', (route) => route.abort('internetdisconnected'), /cannot download \S+: no answer \(offline, or the server refused the connection\); the browser said: \S/, offline],
    ['offline, in French', (route) => route.abort('internetdisconnected'), /cannot download \S+: no answer \(offline, or the server refused the connection\); the browser said: \S/,
      /^Le texte de ce document n’a pas pu être téléchargé : pas de réponse du serveur \(hors ligne, ou connexion refusée\)\.$/, 'fr-FR'],
  ];

  for (const [name, fail, want, say, locale] of cases) {
    test(`${name}: a message where each text would be, the title in the reader, and search goes on`, async () => {
      const page = await newPage(browser, { locale: locale || 'en-US' });
      await page.goto(srv.url);
      await ready(page);
      const texts = await page.evaluate(async () => (await window.corpusExplorer.explorer.packs()).filter((p) => p.kind === 'text').map((p) => p.name));
      assert.ok(texts.length >= 5, `${texts.length} text packs`);
      const served = [];
      await page.route('**/packs/*.pack', (route) => {
        const file = new URL(route.request().url()).pathname.split('/').pop();
        if (!texts.includes(file)) return route.continue();
        served.push(file);
        return fail(route, file, texts.find((t) => t !== file));
      });

      await page.evaluate(() => { location.hash = '#q=numérique'; });
      await page.waitForFunction(() => document.querySelectorAll('.cx-snippet-error').length > 0 && document.querySelectorAll('.cx-snippet[aria-busy]').length === 0, null, { timeout: 30000 });
      const hits = await page.locator('.cx-hit-link').evaluateAll((as) => as.map((a) => a.textContent.trim()));
      const errors = await page.locator('.cx-snippet-error').evaluateAll((ps) => ps.map((p) => ({ text: p.textContent, title: p.title, lang: p.lang })));
      assert.ok(hits.length >= 1 && hits.every((t) => t.length > 0), `titles shown: ${hits}`);
      assert.equal(errors.length, hits.length, 'a message for each hit');
      for (const e of errors) {
        // Our sentence alone, in the interface's language: no browser's
        // words ("Failed to fetch"), no pack file, no URL.
        assert.match(e.text, say, e.text);
        assert.equal(e.lang, locale ? 'fr' : 'en');
        // The explorer's message, for developers, in the tooltip.
        assert.match(e.title, /^text pack \d+ \([0-9a-f]{16}\.pack\): /, e.title);
        assert.match(e.title, want, e.title);
      }
      assert.ok(served.length >= 1, 'the failures were served');
      await axe(page, `${name}: results`);
      const shot = name.replace(/\W+/g, '-');
      if (name.startsWith('offline')) {
        fs.mkdirSync(path.join(repo, 'build/screenshots'), { recursive: true });
        await page.screenshot({ path: path.join(repo, `build/screenshots/packfail-results-${shot}.png`) });
      }

      // The reader: the document's title as its heading (known from the
      // documents' list), not its id; the same sentence where the text
      // would be; the explorer's message in the details.
      const link = page.locator('.cx-hit-link').first();
      const title = (await link.textContent()).trim();
      const id = await link.getAttribute('data-id');
      assert.notEqual(title, id);
      await link.click();
      await page.waitForSelector('.cx-doc-error-title', { timeout: 30000 });
      assert.equal((await page.locator('.cx-doc-error-title').textContent()).trim(), title);
      assert.ok(await page.locator('.cx-doc-error-title').evaluate((h) => document.activeElement === h), 'the heading has the focus');
      const alert = page.locator('[role=alert]:has(.cx-doc-error-title)');
      assert.match((await alert.locator('.cx-doc-error').textContent()).trim(), say);
      assert.doesNotMatch(await alert.innerText(), /Failed to fetch|internet_disconnected|\.pack\b/, 'the browser\'s words and the pack stay in the closed details');
      const details = alert.locator('details.cx-error-details');
      assert.equal(await details.getAttribute('open'), null, 'details closed');
      await details.locator('summary').click();
      assert.match(await details.locator('code').textContent(), want);
      assert.match(await details.locator('code').textContent(), /text pack \d+ \([0-9a-f]{16}\.pack\)/);
      await axe(page, `${name}: reader`);
      if (name.startsWith('offline') || name === '404') {
        fs.mkdirSync(path.join(repo, 'build/screenshots'), { recursive: true });
        await page.screenshot({ path: path.join(repo, `build/screenshots/packfail-reader-${shot}.png`) });
      }

      // Search goes on: another query answers, with its titles.
      await page.evaluate(() => { location.hash = '#q=alibaba'; });
      await page.waitForFunction(() => {
        const h = document.querySelector('.cx-count');
        return h && h.dataset.q === 'alibaba' && !h.closest('.cx-view').hidden;
      }, null, { timeout: 30000 });
      assert.ok(await page.locator('.cx-hit-link').count() >= 1, 'alibaba found');
      const problems = page.problems.filter((p) => !/Failed to load resource|404/.test(p));
      assert.deepEqual(problems, []);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.context().close();
    });
  }
  test('an analysis whose texts cannot be had: our sentence in French, the message in the details', async () => {
    const page = await newPage(browser, { locale: 'fr-FR' });
    await page.goto(srv.url);
    await ready(page);
    await page.route('**/packs/*.pack', (route) => route.abort('internetdisconnected'));
    await page.evaluate(() => { location.hash = '#kwic=chine'; });
    const error = page.locator('.cx-explore-view .cx-error');
    await error.waitFor({ state: 'visible', timeout: 30000 });
    assert.equal((await error.textContent()).trim(), 'Une partie du corpus n’a pas pu être téléchargée : pas de réponse du serveur (hors ligne, ou connexion refusée).');
    const details = page.locator('.cx-explore-view details.cx-error-details');
    assert.equal(await details.getAttribute('open'), null, 'details closed');
    await details.locator('summary').click();
    assert.match(await details.locator('code').textContent(), /^text pack \d+ \([0-9a-f]{16}\.pack\): cannot download \S+: no answer \(offline, or the server refused the connection\)/);
    await axe(page, 'analysis without its texts');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.context().close();
  });
  test('a part of the search index that cannot be had: our sentence, the message in its tooltip; the next try answers', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    const index = await page.evaluate(async () => (await window.corpusExplorer.explorer.packs()).filter((p) => p.kind === 'index' && !p.loaded).map((p) => p.name));
    assert.ok(index.length >= 1, `${index.length} index packs still to load`);
    await page.route('**/packs/*.pack', (route) => (index.includes(new URL(route.request().url()).pathname.split('/').pop()) ? route.abort('internetdisconnected') : route.continue()));
    await page.evaluate(() => { location.hash = '#q=gouvernement'; });
    const error = page.locator('.cx-error[role=alert]');
    await error.waitFor({ state: 'visible', timeout: 30000 });
    assert.match((await error.textContent()).trim(), /^This search needs a part of the index that could not be downloaded: no answer from the server \(offline, or the connection was refused\)\.$/);
    assert.match(await error.getAttribute('title'), /^search: index pack \d+ \([0-9a-f]{16}\.pack\): cannot download \S+: no answer \(offline, or the server refused the connection\); the browser said: \S/);
    // Back online, the same search answers.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.evaluate(() => { location.hash = '#q=alibaba'; });
    await page.waitForFunction(() => document.querySelectorAll('.cx-hit-link').length > 0, null, { timeout: 30000 });
    assert.ok(await error.isHidden(), 'the error is gone');
    await page.context().close();
  });
});
