// A very large document in the reader (web/chunks.js, chunkview.js): its
// text is drawn in chunks, so the first task draws a small part of it;
// the End key reaches its end before the rest is drawn; a target far into
// it is drawn, marked, focused and in view at once and stays in view
// while the rest is drawn; the whole text ends up in the page (find in
// page reaches its end), with the query's marks where the engine puts
// them; the summary's arrival redraws only the chunks its marks touch.
// A corpus of one 1.5 MB document made of the seeds' paragraphs is built
// into its own .wasm (helpers.mjs corpusSite) and read in Chromium.
import { describe, before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, repo, haveGo, corpusSite } from './helpers.mjs';
import { normRanges } from '../dom.js';

const skip = !siteBuilt() ? 'build/site is missing: run make site' : !haveGo() ? 'go is not installed' : false;
const squash = (/** @type {string} */ s) => s.replace(/\s+/g, '');

/** bigText recombines the seeds' paragraphs, with a fixed seed, into about size characters. */
function bigText(size) {
  const paras = fs.readdirSync(path.join(repo, 'corpus')).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => fs.readFileSync(path.join(repo, 'corpus', f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 60));
  let seed = 11;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const out = ['Un très long recueil'];
  let len = 0;
  for (let i = 1; len < size; i++) {
    const p = `Section ${i}. ` + paras[rand(paras.length)];
    out.push(p);
    len += p.length + 2;
  }
  out.push('Fin du recueil : le dernier mot est zygomorphe.');
  return out.join('\n\n') + '\n';
}

describe('a very large document in the reader', { skip, timeout: 900000 }, () => {
  let tmp, srv, browser, id, d;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-bigtext-'));
    const corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'recueil.txt'), bigText(1_500_000));
    srv = await serve(corpusSite(corpus, tmp));
    browser = await launch();
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    ({ id, d } = await page.evaluate(async () => {
      const ex = window.corpusExplorer.explorer;
      const [m] = await ex.documents();
      const d = await ex.document(m.id);
      return { id: m.id, d: { text: d.text, sentences: d.sentences.map((s) => ({ start: s.start, end: s.end })) } };
    }));
    await page.context().close();
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /**
   * open loads the page, holds the summary back until release() is
   * called in the page (window.__release), records what .cx-text holds
   * when it is first filled (the first task's drawing), and goes to hash.
   */
  async function open(hash, { holdSummary = false, holdIdle = false } = {}) {
    const page = await newPage(browser, { height: 800 });
    // Idle time held back until window.__goIdle(): only what comes near
    // the viewport is drawn until then.
    if (holdIdle) {
      await page.addInitScript(() => {
        const ric = window.requestIdleCallback.bind(window);
        const held = [];
        let go = false;
        window.requestIdleCallback = (f, o) => { if (go) return ric(f, o); held.push([f, o]); return 0; };
        window.__goIdle = () => { go = true; for (const [f, o] of held.splice(0)) ric(f, o); };
      });
    }
    await page.addInitScript(() => {
      window.__first = -1;
      new MutationObserver(() => {
        const box = document.querySelector('.cx-text');
        if (window.__first < 0 && box && box.firstChild) window.__first = box.textContent.length;
      }).observe(document, { childList: true, subtree: true });
      // The first frame a target is marked and in view: how much is left to draw then.
      window.__target = null;
      const frame = () => {
        const m = document.querySelector('.cx-text mark.cx-target');
        const b = m && m.getBoundingClientRect();
        if (b && b.top >= 0 && b.bottom <= innerHeight) {
          window.__target = { text: m.textContent, focused: document.activeElement === m, pending: document.querySelectorAll('.cx-text .cx-pending').length };
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(srv.url);
    await ready(page);
    if (holdSummary) {
      await page.evaluate(() => {
        const ex = window.corpusExplorer.explorer;
        const summarize = ex.summarize.bind(ex);
        const held = new Promise((ok) => { window.__release = ok; });
        ex.summarize = async (...a) => { await held; return summarize(...a); };
      });
    }
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForSelector('.cx-text .cx-block', { timeout: 60000 });
    return page;
  }
  const whole = (page) => page.waitForFunction(() => {
    const box = document.querySelector('.cx-text');
    return box && !box.hasAttribute('aria-busy') && !box.querySelector('.cx-pending');
  }, null, { timeout: 120000, polling: 100 });

  test('the first task draws a small part; the whole text follows, in order, and find in page reaches its end', async () => {
    const page = await open('#doc=' + encodeURIComponent(id), { holdIdle: true });
    const first = await page.evaluate(() => window.__first);
    assert.ok(first > 0 && first < d.text.length / 20, `the first task drew ${first} of ${d.text.length} characters`);
    assert.equal(await page.getAttribute('.cx-text', 'aria-busy'), 'true', 'busy while drawing');
    // The End key goes to the end of the text, drawn as it comes into view.
    const pending = await page.evaluate(() => document.querySelectorAll('.cx-text .cx-pending').length);
    assert.ok(pending > 10, `${pending} chunks to draw`);
    await page.keyboard.press('End');
    await page.waitForFunction(() => {
      const p = [...document.querySelectorAll('.cx-text .cx-block')].find((b) => b.textContent.includes('zygomorphe'));
      const b = p && p.getBoundingClientRect();
      return b && b.bottom > 0 && b.top < innerHeight;
    }, null, { timeout: 10000 }).catch(async () => assert.fail('the end is not in view: ' + JSON.stringify(await page.evaluate(() => ({
      y: scrollY, h: document.documentElement.scrollHeight, pending: document.querySelectorAll('.cx-text .cx-pending').length,
      last: document.querySelector('.cx-text').lastElementChild.getBoundingClientRect().top,
    })))));
    await page.evaluate(() => window.__goIdle());
    await whole(page);
    // The text shown, without the folds' own labels.
    const shown = squash(await page.evaluate(() => {
      const box = /** @type {HTMLElement} */ (document.querySelector('.cx-text').cloneNode(true));
      for (const x of box.querySelectorAll('summary')) x.remove();
      return box.textContent;
    }));
    const want = squash(d.text);
    let k = 0;
    while (k < want.length && shown[k] === want[k]) k++;
    assert.ok(shown === want, `the text shown (${shown.length} characters) differs from the document's (${want.length}) at ${k}: ${shown.slice(k, k + 80)}`);
    assert.equal(await page.evaluate(() => window.find('zygomorphe')), true, 'find in page reaches the last paragraph');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.cx-text .cx-pending').length), 0, 'no placeholder left');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a target far into the text is marked, focused and in view at once, and stays there; so is an occurrence', async () => {
    const n = Math.floor(d.sentences.length * 0.9);
    const s = d.sentences[n];
    const page = await open('#doc=' + encodeURIComponent(id) + '&s=' + n, { holdIdle: true });
    const at = await page.waitForFunction(() => window.__target, null, { timeout: 60000 }).then((h) => h.jsonValue());
    assert.ok(d.text.slice(s.start, s.end).startsWith(at.text) && at.text.length > 0, `marked: ${at.text}`);
    assert.ok(at.pending > 10 && at.focused, `focused and in view before the rest is drawn: ${JSON.stringify(at)}`);
    await page.evaluate(() => window.__goIdle());
    await whole(page);
    await page.waitForSelector('.cx-sumlist[data-n]', { timeout: 60000 });
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => {
      const m = document.querySelectorAll('.cx-text mark.cx-target');
      const b = m[0].getBoundingClientRect();
      return { n: m.length, top: b.top, bottom: b.bottom, h: innerHeight, focused: document.activeElement === m[0] };
    });
    assert.ok(after.n >= 1 && after.top >= 0 && after.bottom <= after.h, `still in view once all is drawn: ${JSON.stringify(after)}`);
    assert.ok(after.focused);
    // An occurrence (a concordance line's &at=) near the start, then
    // back near the end: each marked, focused and in view.
    for (const frac of [0.05, 0.97]) {
      const at = d.text.indexOf('Alibaba', Math.floor(d.text.length * frac));
      await page.evaluate((h) => { location.hash = h; }, '#doc=' + encodeURIComponent(id) + '&at=' + at + '-' + (at + 7));
      await page.waitForFunction(() => {
        const m = document.querySelector('.cx-text mark.cx-occ');
        const b = m && m.getBoundingClientRect();
        return b && m.textContent === 'Alibaba' && b.top >= 0 && b.bottom <= innerHeight && document.activeElement === m;
      }, null, { timeout: 10000 });
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("the query's marks are where the engine puts them, after every chunk is drawn and after the query changes", async () => {
    const page = await open('#q=alibaba&doc=' + encodeURIComponent(id));
    for (const q of ['alibaba', 'président']) {
      if (q !== 'alibaba') await page.evaluate((h) => { location.hash = h; }, '#q=' + q + '&doc=' + encodeURIComponent(id));
      const hl = await page.evaluate(([id, q]) => window.corpusExplorer.explorer.highlights(id, q), [id, q]);
      const want = normRanges(hl.text_highlights, d.text.length);
      assert.ok(want.length > 50, `${want.length} ranges for ${q}`);
      const texts = want.map(([s, e]) => d.text.slice(s, e));
      await page.waitForFunction((texts) => {
        const box = document.querySelector('.cx-text');
        if (box.hasAttribute('aria-busy')) return false;
        const got = [...box.querySelectorAll('mark.cx-hl')].map((m) => m.textContent);
        return got.length === texts.length && got.every((t, i) => t === texts[i]);
      }, texts, { timeout: 120000, polling: 200 })
        .catch(async () => assert.fail(`${q}: ${await page.evaluate(() => document.querySelectorAll('.cx-text mark.cx-hl').length)} marks, want ${want.length}`));
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("the summary's arrival redraws only the chunks its marks touch; its buttons reach their sentences", async () => {
    const page = await open('#doc=' + encodeURIComponent(id), { holdSummary: true });
    await whole(page);
    const blocks = await page.evaluate(() => {
      window.__blocks = [...document.querySelectorAll('.cx-text .cx-block')];
      window.__release();
      return window.__blocks.length;
    });
    await page.waitForSelector('.cx-sumlist[data-n]', { timeout: 60000 });
    const got = await page.evaluate(() => ({
      kept: window.__blocks.filter((b) => b.isConnected).length,
      n: Number(document.querySelector('.cx-sumlist').dataset.n),
      marked: new Set([...document.querySelectorAll('.cx-text mark.cx-sum')].map((m) => m.dataset.sum)).size,
      busy: document.querySelector('.cx-text').hasAttribute('aria-busy'),
    }));
    assert.ok(got.n > 0 && got.marked === got.n, `every summary sentence marked: ${JSON.stringify(got)}`);
    assert.ok(got.kept > blocks * 0.8, `${got.kept} of ${blocks} blocks kept`);
    assert.equal(got.busy, false);
    for (const i of [got.n - 1, 0]) {
      await page.locator('.cx-sum-btn').nth(i).click();
      await page.waitForFunction((i) => {
        const m = document.activeElement;
        if (!m || !m.matches('mark.cx-sum') || m.dataset.sum !== String(i)) return false;
        const b = m.getBoundingClientRect();
        return b.top >= 0 && b.bottom <= innerHeight;
      }, i, { timeout: 10000 });
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
