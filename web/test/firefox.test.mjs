// The page's end-to-end walks in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi, keyboard only: load, type a query,
// open a result, change the summary length, go back; then into Explore, a
// concordance line opened in the reader at its occurrence, back, every
// other analysis by its address, each at 360 and 1440 px with nothing cut
// or overlapping, and the entity map's arrow keys. It runs against
// build/site (make site), served with the strict CSP, in a fresh profile.
// Firefox is never downloaded: without /usr/bin/firefox-esr (make setup
// installs it) the test says so and skips.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { serve, closeBrowser, siteBuilt, siteDir, layoutProblems } from './helpers.mjs';
import { tx } from '../explore/strings.js';

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
    await closeBrowser(browser);
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

  /** shown waits until the Explore analysis on screen has answered, and returns its error text if any. */
  async function shown() {
    await page.waitForFunction(() => {
      const v = document.querySelector('.cx-explore-view');
      const out = v && v.querySelector('.cx-x-out');
      return v && !v.hidden && (!out || out.getAttribute('aria-busy') === 'false');
    }, { timeout: 30000 });
    return page.evaluate(() => document.querySelector('.cx-explore-view .cx-error')?.textContent || '');
  }

  test('Explore, keyboard only: a concordance line in the reader, back, every analysis, the entity map', async () => {
    await page.goto(srv.url);
    await page.waitForFunction(() => window.corpusExplorer && window.corpusExplorer.explorer !== null, { timeout: 60000 });
    await page.evaluate(() => window.corpusExplorer.ready);
    await page.waitForSelector('.cx-home:not([hidden]) .cx-overview h1');
    const lang = await page.evaluate(() => document.documentElement.lang.slice(0, 2));
    const app = { lang };
    const heading = () => page.evaluate(() => document.querySelector('.cx-explore-view h1')?.textContent);

    // Home → Explore → Concordance, by Tab and Enter.
    await tabTo('.cx-home .cx-x-links a');
    await page.keyboard.press('Enter');
    await shown();
    assert.equal(await heading(), tx(app, 'exploreTitle'));
    await tabTo('.cx-x-hub a[href^="#kwic"]');
    await page.keyboard.press('Enter');
    await shown();
    assert.equal(await heading(), tx(app, 'kwic'));
    await tabTo('.cx-x-input');
    await page.keyboard.type('commerce', { delay: 20 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#kwic=commerce/.test(location.hash));
    assert.equal(await shown(), '');
    const total = await page.evaluate(() => window.corpusExplorer.explorer.kwic('commerce').then((c) => c.total));
    assert.ok(total > 0, 'commerce occurs in the corpus');
    assert.equal(await page.$$eval('.cx-kwic tbody tr', (rs) => rs.length), Math.min(50, total), 'one line per occurrence on the first page');

    // A line opens the reader at its occurrence, marked and focused.
    await tabTo('.cx-kwic-hit a');
    const line = await page.evaluate(() => ({ word: document.activeElement.textContent.trim(), hash: location.hash }));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.cx-reader mark.cx-occ');
    assert.equal(await page.$$eval('mark.cx-occ', (ms) => ms.length), 1, 'one occurrence is marked');
    assert.equal(await page.$eval('mark.cx-occ', (m) => m.textContent.trim()), line.word);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cx-occ')), true, 'the occurrence has the focus');

    // Back, from the keyboard, to the same concordance.
    await page.keyboard.press('Escape');
    await page.waitForFunction((h) => location.hash === h, {}, line.hash);
    assert.equal(await shown(), '');
    assert.equal(await heading(), tx(app, 'kwic'));
    assert.equal(await page.$$eval('.cx-kwic tbody tr', (rs) => rs.length), Math.min(50, total));

    // Every other analysis by its address: its heading, its data table, and
    // the text alternative of its chart.
    const views = [
      ['trend', '#trend=commerce%2C%20Chine', true],
      ['collocates', '#collocates=chinois', false],
      ['keyness', '#keyness=num%C3%A9rique', false],
      ['phrases', '#phrases=&n=2', false],
      ['timeline', '#timeline=', true],
      ['figures', '#figures=', true],
      ['network', '#network=&scope=document', true],
    ];
    for (const [name, hash, chart] of views) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForFunction((h) => location.hash === h, {}, hash);
      assert.equal(await shown(), '', name + ': error');
      assert.equal(await heading(), tx(app, name), name + ': heading');
      const rows = await page.$$eval('.cx-explore-view table tbody tr', (rs) => rs.filter((r) => r.textContent.trim() !== '').length);
      assert.ok(rows > 0, name + ': no data table');
      if (chart) {
        const alt = await page.$$eval('.cx-explore-view svg.cx-chart', (ss) => ss.map((s) => [s.getAttribute('role'), s.getAttribute('aria-label') || '']));
        assert.ok(alt.length > 0, name + ': no chart');
        for (const [role, label] of alt) {
          assert.match(role, /^(img|group)$/, name + ': chart role');
          assert.match(label, /\d/, name + ': the chart\'s text alternative gives its figures: ' + label);
        }
      }
    }

    // Every analysis at 360 and 1440 px, re-drawn at each width (the last
    // of one width is not the first of the next): nothing cut or
    // overlapping (helpers.mjs's layoutProblems, as in Chromium).
    const size = page.viewport();
    const cut = [];
    for (const width of [360, 1440]) {
      await page.setViewport({ width, height: 800 });
      for (const [name, hash] of [['kwic', '#kwic=chinois'], ['trend', '#trend=num%C3%A9rique%2C%20Chine%2C%20commerce'], ...views]) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.waitForFunction((h) => location.hash === h, {}, hash);
        assert.equal(await shown(), '', name);
        for (const p of await page.evaluate(layoutProblems)) cut.push(`${name} at ${width} px: ${p}`);
      }
    }
    assert.deepEqual(cut, [], 'nothing cut or overlapping');
    await page.setViewport(size);
    await page.evaluate(() => { location.hash = '#figures='; });
    await shown();
    await page.evaluate(() => { location.hash = '#network=&scope=document'; });
    await page.waitForFunction(() => location.hash === '#network=&scope=document');
    assert.equal(await shown(), '');

    // The entity map: arrows move between entities, Enter opens their mentions.
    await tabTo('.cx-network a');
    const names = await page.$$eval('.cx-network a.cx-node', (as) => as.map((a) => a.getAttribute('aria-label')));
    assert.ok(names.length >= 2, 'the map has entities');
    const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.equal(second, names[(names.indexOf(first) + 1) % names.length], 'ArrowRight moves to the next entity');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), first, 'ArrowLeft moves back');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), names[names.length - 1], 'End moves to the last entity');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#kwic=/.test(location.hash));
    assert.equal(await shown(), '');
    assert.ok((await page.$$eval('.cx-kwic tbody tr', (rs) => rs.length)) > 0, 'the entity has mentions');
    assert.deepEqual(problems, [], 'page errors, console errors or dialogs');
  });
});
