// Hostile documents: XSS payloads as a document's body, as its title line
// and as its file name. A corpus is built from them in a temporary folder,
// compiled into its own .wasm (go build -overlay replaces the embedded
// index without touching wasm/index.bin), and browsed in headless Chromium:
// every title and text shows literally, nothing runs.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, xssPayloads, domIsClean, haveGo, corpusSite } from './helpers.mjs';

const payloads = xssPayloads();
const skip = !siteBuilt() ? 'build/site is missing: run make site'
  : !payloads ? '../shared/testdata/xss is absent'
  : !haveGo() ? 'go is not installed' : false;

/** fileName turns a payload into a file name the file system accepts. */
function fileName(i, p) {
  let s = p.replace(/[/\0]/g, '_').replace(/^\.+/, '_');
  while (Buffer.byteLength(s) > 180) s = s.slice(0, -1);
  return String(i).padStart(3, '0') + '-' + s + '.txt';
}

const squash = (s) => s.replace(/\s+/g, '');

describe('XSS payloads inside the corpus', { skip, timeout: 600000 }, () => {
  let tmp, site, srv, browser, page;
  // Every payload, three times: as a body, as a title line, as a file name.
  const sample = payloads || [];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-xss-'));
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    for (const [i, p] of sample.entries()) {
      const n = String(i).padStart(3, '0');
      fs.writeFileSync(path.join(corpus, `body-${n}.txt`),
        `Document de test numéro ${n}\n\nCe document contient une charge hostile dans son texte.\n\n${p}\n\nLe reste du texte parle du commerce en ligne et de la recherche.\n`);
      fs.writeFileSync(path.join(corpus, `title-${n}.txt`),
        `${p}\n\nUn paragraphe ordinaire sur le commerce en ligne, numéro ${n}.\n`);
      try {
        fs.writeFileSync(path.join(corpus, fileName(i, p)), `Un texte ordinaire dont le nom de fichier est hostile, numéro ${n}.\n`);
      } catch { /* a name this file system refuses: the others still count */ }
    }
    site = corpusSite(corpus, tmp);
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

  test('the overview lists every hostile title literally', async () => {
    const docs = await page.evaluate(() => window.corpusExplorer.explorer.documents());
    assert.ok(docs.length >= 2 * sample.length, `${docs.length} documents built`);
    await page.waitForSelector('.cx-table tbody tr');
    // The table shows a page of rows at a time: show them all.
    while (await page.locator('.cx-more-docs:not([hidden])').count()) await page.click('.cx-more-docs');
    const shown = await page.locator('.cx-doc-link').allTextContents();
    for (const d of docs) assert.ok(shown.includes(d.title || d.path || d.id), 'listed literally: ' + d.title);
    // Title lines that are payloads stay payloads, word for word (long ones
    // are cut with an ellipsis, never rewritten; a line that does not read
    // as a heading gives a derived title, its first sentence, which may end
    // before the payload does).
    for (const d of docs.filter((d) => d.path.startsWith('title-'))) {
      const p = sample[Number(d.path.slice(6, 9))];
      const t = squash(d.title);
      const cut = t.endsWith('…') ? t.slice(0, -1) : t;
      const ok = t === squash(p) || ((t.endsWith('…') || d.title_derived) && squash(p).startsWith(cut));
      assert.ok(ok, `title of ${d.path}: ${JSON.stringify(d.title)} from ${JSON.stringify(p)}`);
    }
    assert.deepEqual(await domIsClean(page), []);
    assert.deepEqual(page.problems, []);
  });

  test('every document opens and shows its title and text literally', async () => {
    const docs = await page.evaluate(() => window.corpusExplorer.explorer.documents());
    for (const meta of docs) {
      if (process.env.CX_DEBUG) console.log('open', JSON.stringify(meta.id));
      await page.evaluate((h) => { location.hash = h; }, '#doc=' + encodeURIComponent(meta.id));
      await page.waitForFunction((id) => document.querySelector('.cx-reader')?.dataset.id === id, meta.id, { timeout: 10000 });
      const d = await page.evaluate((id) => window.corpusExplorer.explorer.document(id), meta.id);
      assert.equal((await page.locator('.cx-doc-title').textContent()).trim(), (d.title || d.path || d.id).trim());
      const shown = await page.locator('.cx-text').textContent();
      assert.equal(squash(shown).length >= squash(d.text).length - squash(d.title).length, true, 'text shown in full: ' + d.id);
      if (meta.path && (meta.path.startsWith('body-') || meta.path.startsWith('title-'))) {
        const p = sample[Number(meta.path.replace(/^\D+-/, '').slice(0, 3))];
        assert.ok(squash(shown).includes(squash(p)), 'payload shown literally in the text of ' + meta.path);
      }
    }
    assert.deepEqual(await domIsClean(page), []);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(srv.cspReports, []);
  });

  test('searching hostile documents shows their snippets as text', async () => {
    for (const q of ['charge hostile', 'alert', 'script', 'onerror', 'prompt']) {
      await page.fill('input[type=search]', q);
      await page.waitForFunction((q) => document.querySelector('.cx-count')?.dataset.q === q, q, { timeout: 10000 });
    }
    await page.waitForTimeout(300);
    assert.deepEqual(await domIsClean(page), []);
    assert.deepEqual(page.problems, []);
  });
});
