// Hostile queries and addresses: the 200 XSS payloads of
// ../shared/testdata/xss typed into the search box and put in #q= and #doc=.
// No dialog may open, no injected code may run (alert/confirm/prompt are
// trapped, console errors and CSP violations collected), no element or
// handler attribute may appear, and the payload must show literally.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, siteDir, xssPayloads, domIsClean } from './helpers.mjs';

const payloads = xssPayloads();
const skip = !siteBuilt() ? 'build/site is missing: run make site' : !payloads ? '../shared/testdata/xss is absent' : false;

describe('XSS payloads as queries and addresses', { skip }, () => {
  let srv, browser, page;
  before(async () => {
    srv = await serve(siteDir);
    browser = await launch();
    page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
  });

  const waitQ = (q) => page.waitForFunction((q) => {
    const h = document.querySelector('.cx-count');
    return h && h.dataset.q === q && !h.closest('.cx-view').hidden;
  }, q, { timeout: 30000 });

  test('typed into the search box', async () => {
    for (const [i, p] of payloads.entries()) {
      if (i % 10 === 0 && p.length <= 60) {
        // Some letter by letter, as a user types.
        await page.fill('input[type=search]', '');
        await page.focus('input[type=search]');
        await page.keyboard.type(p, { delay: 0 });
      } else {
        await page.fill('input[type=search]', p);
      }
      if (!p.trim()) continue;
      try {
        await waitQ(p);
        assert.equal(await page.inputValue('input[type=search]', { timeout: 5000 }), p);
      } catch (err) {
        throw new Error(`typed payload ${i} ${JSON.stringify(p)}: ${err.message}; problems: ${page.problems.join('; ')}; url ${page.url()}`);
      }
      // Where the query is echoed (empty state, query summary), it is the literal text.
      const echoes = await page.evaluate((q) => [...document.querySelectorAll('.cx-empty:not([hidden]) h2, .cx-qsum:not([hidden])')]
        .filter((e) => !e.matches('.cx-qsum') || e.dataset.q === q).map((e) => (e.matches('.cx-qsum') ? e.querySelector('.cx-qsum-title') : e).textContent), p);
      for (const e of echoes) assert.ok(e.includes(p), `payload ${i} shown literally: ${e}`);
    }
    assert.deepEqual(await domIsClean(page), []);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(srv.cspReports, []);
  });

  test('in #q= and #doc=', async () => {
    for (const [i, p] of payloads.entries()) {
      await page.evaluate((h) => { location.hash = h; }, '#q=' + encodeURIComponent(p));
      if (p.trim()) {
        await waitQ(p);
        assert.equal(await page.inputValue('input[type=search]'), p, `payload ${i} in the box`);
      }
      await page.evaluate((h) => { location.hash = h; }, '#doc=' + encodeURIComponent(p));
      try {
        await page.waitForFunction((p) => {
          const h = document.querySelector('.cx-doc-view:not([hidden]) .cx-doc-error-title');
          return h && h.textContent.includes(p);
        }, p, { timeout: 30000 });
      } catch (err) {
        const seen = await page.evaluate(() => [location.hash, document.querySelector('.cx-doc-view')?.innerText.slice(0, 200)]);
        throw new Error(`#doc= payload ${i} ${JSON.stringify(p)} not shown: ${JSON.stringify(seen)}: ${err.message}`);
      }
    }
    assert.deepEqual(await domIsClean(page), []);
    assert.deepEqual(page.problems, []);
  });

  test('deep links loaded from scratch', async () => {
    const sample = payloads.filter((_, i) => i % 40 === 3);
    const p2 = await newPage(browser);
    for (const [i, p] of sample.entries()) {
      await p2.goto(srv.url + '?n=' + i + '#q=' + encodeURIComponent(p));
      await ready(p2);
      await p2.waitForFunction((q) => document.querySelector('.cx-count')?.dataset.q === q, p);
      assert.equal(await p2.inputValue('input[type=search]'), p);
      await p2.goto(srv.url + '?m=' + i + '#doc=' + encodeURIComponent(p));
      await ready(p2);
      await p2.waitForFunction((p) => document.querySelector('.cx-doc-error-title')?.textContent.includes(p), p);
    }
    assert.deepEqual(await domIsClean(p2), []);
    assert.deepEqual(p2.problems, []);
    assert.deepEqual(srv.cspReports, []);
    await p2.context().close();
  });
});
