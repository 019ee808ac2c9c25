// The page on a split build whose texts' packs fail to arrive (issue 13's
// "Done when"): a 404, a truncated file, another pack's file (wrong hash),
// the network gone. The results show their titles and, where each snippet
// would be, a message saying why the text is missing; the reader shows the
// same where the text would be; and search keeps working throughout.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, siteDir } from './helpers.mjs';
import { buildSplit } from '../../wasm/test/split.mjs';

const skip = siteBuilt() ? false : 'build/site is missing: run make site';

describe('a split build whose texts cannot be had', { skip }, () => {
  let tmp;
  let srv;
  let browser;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-packfail-'));
    await buildSplit(tmp);
    const site = path.join(tmp, 'site');
    fs.cpSync(siteDir, site, { recursive: true, filter: (f) => !f.endsWith('.pack') });
    fs.rmSync(path.join(site, 'packs'), { recursive: true, force: true });
    fs.cpSync(path.join(tmp, 'packs'), path.join(site, 'packs'), { recursive: true });
    fs.copyFileSync(path.join(tmp, 'explorer.wasm'), path.join(site, 'explorer.wasm'));
    srv = await serve(site);
    browser = await launch();
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  // How each failure is served (pack: a file of site/packs, read from
  // disk), and what the message must say.
  const pack = (name) => fs.readFileSync(path.join(tmp, 'packs', name));
  const cases = [
    ['404', (route) => route.fulfill({ status: 404, body: 'not found' }), /HTTP 404/],
    ['truncated', (route, file) => route.fulfill({ body: pack(file).subarray(0, 20) }), /damaged or truncated file/],
    ['wrong hash', (route, file, other) => route.fulfill({ body: pack(other) }), /wrong content hash|bytes, the index says|truncated: \d+ bytes of \d+/],
    ['offline', (route) => route.abort('internetdisconnected'), /cannot download .* \(offline\?\)/],
  ];

  for (const [name, fail, want] of cases) {
    test(`${name}: a message where each text would be, and search goes on`, async () => {
      const page = await newPage(browser);
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
      const errors = await page.locator('.cx-snippet-error').evaluateAll((ps) => ps.map((p) => p.textContent));
      assert.ok(hits.length >= 1 && hits.every((t) => t.length > 0), `titles shown: ${hits}`);
      assert.equal(errors.length, hits.length, 'a message for each hit');
      for (const e of errors) assert.match(e, /^Text unavailable: text pack \d+ \([0-9a-f]{16}\.pack\): /, e);
      for (const e of errors) assert.match(e, want, e);
      assert.ok(served.length >= 1, 'the failures were served');

      // The reader: the same message where the text would be.
      await page.locator('.cx-hit-link').first().click();
      await page.waitForSelector('.cx-doc-error-title', { timeout: 30000 });
      const alert = await page.locator('[role=alert]:has(.cx-doc-error-title)').innerText();
      assert.match(alert, want, alert);

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
});
