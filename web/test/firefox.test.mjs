// The page's end-to-end walk in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi, keyboard only: load, type a query,
// open a result, change the summary length, go back. It runs against
// build/site (make site), served with the strict CSP, in a fresh profile.
// Firefox is never downloaded: without /usr/bin/firefox-esr (make setup
// installs it) the test says so and skips.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { serve, siteBuilt, siteDir } from './helpers.mjs';

const firefox = process.env.FIREFOX || '/usr/bin/firefox-esr';
const skip = !siteBuilt() ? 'build/site is missing: run make site' : !fs.existsSync(firefox) ? `${firefox} is missing: run make setup` : false;

describe('the page in Firefox ESR', { skip }, () => {
  let srv, browser, page;
  const problems = [];
  before(async () => {
    srv = await serve(siteDir);
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true, protocol: 'webDriverBiDi' });
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
    page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss().catch(() => {}); });
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return a ? { tag: a.tagName, cls: a.className, type: a.type || '', id: a.dataset ? a.dataset.id || '' : '' } : null;
  });

  /** press presses key until the focus is on an element matching sel. */
  async function tabTo(sel, max = 60) {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), sel)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${sel}`);
  }

  test('load, type, open, summary length, back: keyboard only', async () => {
    await page.goto(srv.url);
    await page.waitForFunction(() => window.corpusExplorer && window.corpusExplorer.explorer !== null, { timeout: 60000 });
    await page.evaluate(() => window.corpusExplorer.ready);
    await page.waitForSelector('.cx-home:not([hidden]) .cx-overview h1');
    const rows = await page.$$eval('.cx-table tbody tr', (rs) => rs.length);
    assert.ok(rows > 0, 'the landing view lists documents');
    // A query that finds something: the first keyword of the overview with hits.
    const q = await page.evaluate(async () => {
      const ex = window.corpusExplorer.explorer;
      const o = await ex.overview();
      for (const w of [...(o.keywords || []).map((k) => k.text), 'chine']) {
        if (/^\p{L}{4,}$/u.test(w) && (await ex.search(w)).total >= 2) return w;
      }
      return 'chine';
    });

    // / puts the focus in the box; typing searches.
    await page.keyboard.press('/');
    assert.equal((await active()).type, 'search');
    await page.keyboard.type(q, { delay: 40 });
    await page.waitForFunction((q) => {
      const h = document.querySelector('.cx-count');
      return h && h.dataset.q === q && !h.closest('.cx-view').hidden && document.querySelectorAll('.cx-hits > li').length > 0;
    }, {}, q);
    assert.ok((await page.$$eval('.cx-hits mark.cx-hl', (ms) => ms.length)) > 0, 'the results mark the query');

    // ↓ walks to the first result; Enter opens it.
    await page.keyboard.press('ArrowDown');
    const first = await active();
    assert.equal(first.cls, 'cx-hit-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => { const r = document.querySelector(".cx-reader"); return r && r.dataset.id === id; }, {}, first.id);
    await page.waitForSelector('.cx-sumlist[data-n]');
    assert.ok((await page.$$eval('.cx-text mark.cx-hl', (ms) => ms.length)) > 0, 'the reader marks the query');

    // The summary's length, from the keyboard on its slider.
    await tabTo('.cx-range');
    await page.keyboard.press('End');
    const want = await page.evaluate((id) => window.corpusExplorer.explorer.summarize(id, { sentences: 7 }), first.id);
    await page.waitForFunction((n) => {
      const l = document.querySelector('.cx-sumlist');
      return document.querySelector('.cx-range').value === '7' && l.dataset.n === String(n) && l.children.length === n;
    }, {}, want.sentences.length);
    const marked = await page.$$eval('.cx-text mark.cx-sum', (ms) => new Set(ms.map((m) => m.dataset.sum)).size);
    assert.equal(marked, want.sentences.length, 'the summary sentences are marked in the text');

    // Escape goes back to the results, the focus on the document left.
    await page.keyboard.press('Escape');
    await page.waitForFunction((q) => {
      const h = document.querySelector('.cx-count');
      return h && h.dataset.q === q && !h.closest('.cx-view').hidden;
    }, {}, q);
    await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, {}, first.id);
    assert.deepEqual(problems, [], 'page errors, console errors or dialogs');
  });
});
