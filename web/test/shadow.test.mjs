// The app mounted inside a Shadow DOM by <corpus-explorer> (element.js), in
// memory (useHash: false), under the strict CSP, in a host page with
// aggressive CSS, from the plain site (dist.test.mjs tests the bundled
// one). Fixture: web/test/fixtures/shadow.html.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, closeBrowser, newPage, siteBuilt, siteDir, domIsClean } from './helpers.mjs';

const skip = siteBuilt() ? false : 'build/site is missing: run make site';

describe('mounted in a Shadow DOM', { skip }, () => {
  let srv, browser;
  before(async () => {
    srv = await serve(siteDir);
    browser = await launch();
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
  });

  test('styles stay apart, search and reader work, the address is left alone', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url + '__test/shadow.html');
    await page.waitForFunction(() => { const a = document.querySelector('corpus-explorer').app; return a && a.explorer !== null; }, null, { timeout: 60000 });
    await page.evaluate(() => document.querySelector('corpus-explorer').app.ready);
    const el = page.locator('corpus-explorer');
    await el.locator('.cx-overview').waitFor();
    // The host's `.cx { display: none }` and colours do not reach inside; ours do not leak out.
    assert.ok((await el.locator('.cx').boundingBox()).height > 200);
    assert.notEqual(await el.locator('.cx-title').evaluate((e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
    assert.equal(await page.locator('#after').evaluate((e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
    assert.equal(await el.locator('.cx').getAttribute('lang'), 'fr');
    assert.ok((await el.locator('.cx').getAttribute('class')).includes('cx-theme-dark'));
    const q = await page.evaluate(async () => {
      const o = await document.querySelector('corpus-explorer').app.explorer.overview();
      return (o.keywords && o.keywords[0] && o.keywords[0].text) || 'alibaba';
    });
    await el.locator('input[type=search]').click();
    await page.keyboard.type(q, { delay: 30 });
    await page.waitForFunction((q) => {
      const h = document.querySelector('corpus-explorer').shadowRoot.querySelector('.cx-count');
      return h && h.dataset.q === q;
    }, q);
    assert.ok(await el.locator('.cx-hits > li').count() > 0);
    assert.ok(await el.locator('.cx-hits mark').count() > 0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await el.locator('.cx-reader').waitFor();
    await el.locator('.cx-sumlist[data-n]').waitFor();
    assert.ok(await el.locator('.cx-text mark.cx-sum').count() > 0);
    await page.keyboard.press('Escape');
    await el.locator('.cx-search-view:not([hidden]) .cx-hits').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the host page address is untouched');
    assert.deepEqual(await domIsClean(page), []);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(srv.cspReports, []);
    await page.context().close();
  });
});
