// originalURL: the reader's link to a document's original file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { originalURL } from '../reader.js';

test('originalURL escapes each segment under the base', () => {
  assert.equal(originalURL('originals/', 'rapports/2020 bilan #1.pdf'), 'originals/rapports/2020%20bilan%20%231.pdf');
  assert.equal(originalURL('originals', 'a.docx'), 'originals/a.docx');
  assert.equal(originalURL('https://example.org/docs/', 'été/à.odt'), 'https://example.org/docs/%C3%A9t%C3%A9/%C3%A0.odt');
});

test('originalURL gives no link without a base or for a path that climbs', () => {
  assert.equal(originalURL('', 'a.pdf'), '');
  assert.equal(originalURL(undefined, 'a.pdf'), '');
  assert.equal(originalURL('originals/', ''), '');
  assert.equal(originalURL('originals/', '../secret.pdf'), '');
  assert.equal(originalURL('originals/', 'a//b.pdf'), '');
});

// Pages: where a PDF's pages start, the reader's page markers, and the
// link to the original at the page of the query's first word. A corpus
// of the PDF fixture is built into its own .wasm (as xss-corpus.test.mjs
// does, helpers.mjs corpusSite) and read in headless Chromium.
import { describe, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageStarts, pageAt, wordEnd } from '../pages.js';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, repo, haveGo, corpusSite } from './helpers.mjs';

test('pageStarts keeps the last of pages sharing a start; pageAt finds the page of an offset', () => {
  const d = { pages: [0, 10, 10, 25, 99] };
  const starts = pageStarts(d, 40);
  assert.deepEqual(starts, [{ at: 0, n: 1 }, { at: 10, n: 3 }, { at: 25, n: 4 }]);
  assert.deepEqual([0, 9, 10, 24, 25, 39].map((o) => pageAt(starts, o)), [1, 1, 3, 3, 4, 4]);
  assert.deepEqual(pageStarts({}, 40), []);
  assert.equal(pageAt([], 5), 0);
  assert.deepEqual([0, 4, 5, 6, 11].map((o) => wordEnd("l'utilisateur peut", o)), [0, 13, 13, 13, 13]);
  assert.equal(wordEnd('fin. Début', 5), 5);
});

const pdf = path.join(repo, 'corpus/ingest/testdata/formats/linguistique.pdf');
const skip = !siteBuilt() ? 'build/site is missing: run make site' : !haveGo() ? 'go is not installed' : false;
const squash = (/** @type {string} */ s) => s.replace(/\s+/g, '');

describe('a PDF in the reader', { skip, timeout: 600000 }, () => {
  let tmp, srv, browser, page;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-pages-'));
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    fs.copyFileSync(pdf, path.join(corpus, 'linguistique.pdf'));
    const site = corpusSite(corpus, tmp);
    const html = path.join(site, 'index.html');
    fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace('</head>', '<meta name="corpus-originals" content="originals/">\n</head>'));
    srv = await serve(site);
    browser = await launch();
    page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('each page has its marker where it starts, and the original opens at the page of the query', async () => {
    const [meta] = await page.evaluate(() => window.corpusExplorer.explorer.documents());
    const d = await page.evaluate((id) => window.corpusExplorer.explorer.document(id), meta.id);
    assert.ok(Array.isArray(d.pages) && d.pages.length >= 2, `a paged document: ${JSON.stringify(d.pages)}`);
    await page.evaluate((h) => { location.hash = h; }, '#doc=' + encodeURIComponent(d.id));
    await page.waitForFunction((id) => document.querySelector('.cx-reader')?.dataset.id === id, d.id, { timeout: 10000 });
    // The summary's arrival draws the text again (its sentences marked):
    // wait for it, so that the markers read below are the ones shown.
    await page.waitForSelector('.cx-sumlist[data-n]', { timeout: 10000 });

    // The markers: one per page holding text, numbered, each where its page starts.
    const want = d.pages.map((at, i) => ({ at, n: i + 1 })).filter((p, i) => d.pages[i + 1] !== p.at);
    const shown = await page.evaluate(() => [...document.querySelectorAll('.cx-text .cx-pagebreak')].map((m) => {
      const r = document.createRange();
      r.setStart(document.querySelector('.cx-text'), 0);
      r.setEndBefore(m);
      const before = r.cloneContents();
      for (const x of before.querySelectorAll('.cx-pagebreak, summary')) x.remove();
      return { n: Number(m.dataset.page), text: m.textContent, label: m.getAttribute('aria-label'), before: before.textContent };
    }));
    assert.deepEqual(shown.map((m) => m.n), want.map((p) => p.n));
    for (const [i, m] of shown.entries()) {
      assert.equal(m.text, `p. ${m.n}`);
      assert.equal(m.label, `Page ${m.n}`);
      // Where the page starts, moved past the rest of a word, blank space and folded boilerplate.
      let at = wordEnd(d.text, want[i].at);
      for (;;) {
        while (/\s/.test(d.text[at] || '')) at++;
        const b = d.blocks.find((b) => b.kind === 'boilerplate' && b.start <= at && at < b.end);
        if (!b) break;
        at = b.end;
      }
      assert.ok(at < (want[i + 1]?.at ?? d.text.length), `page ${m.n} has shown text`);
      assert.equal(squash(m.before).length, squash(d.text.slice(0, at)).length, `page ${m.n} marked where it starts`);
    }
    // Copying the text leaves the markers out.
    assert.equal(await page.locator('.cx-pagebreak').first().evaluate((m) => getComputedStyle(m).userSelect), 'none');

    // The link to the original: the file itself, then at the page of the query's first word.
    const link = page.locator('a.cx-original');
    assert.equal(await link.getAttribute('href'), 'originals/linguistique.pdf');
    // A word whose first occurrence is past page 1.
    const starts = pageStarts(d, d.text.length);
    const last = want[want.length - 1];
    const word = (d.text.slice(last.at).match(/\p{L}{7,}/gu) || []).find((w) => pageAt(starts, d.text.toLowerCase().indexOf(w.toLowerCase())) > 1);
    assert.ok(word, 'a word first found past page 1');
    const n = pageAt(starts, d.text.toLowerCase().indexOf(word.toLowerCase()));
    await page.evaluate((h) => { location.hash = h; }, '#q=' + encodeURIComponent(word) + '&doc=' + encodeURIComponent(d.id));
    await page.waitForFunction(() => document.querySelector('.cx-text mark.cx-hl'), null, { timeout: 10000 });
    // The first mark of the query's word is on that page.
    const marked = await page.evaluate(() => {
      const m = /** @type {Element} */ (document.querySelector('.cx-text mark.cx-hl'));
      let p = 0;
      for (const x of document.querySelectorAll('.cx-text .cx-pagebreak')) if (x.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) p = Number(/** @type {HTMLElement} */ (x).dataset.page);
      return p;
    });
    assert.equal(marked, n);
    await page.waitForFunction((n) => document.querySelector('a.cx-original')?.getAttribute('href') === 'originals/linguistique.pdf#page=' + n, n, { timeout: 10000 })
      .catch(async () => assert.fail(`href ${await link.getAttribute('href')}, want #page=${n}`));
    assert.deepEqual(page.problems, []);
  });
});
