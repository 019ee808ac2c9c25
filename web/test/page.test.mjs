// End-to-end tests of the page in headless Chromium, doing what a user
// does: type, read, open, change the summary, go back, use only the keys.
// They run against build/site (make site), served with the strict CSP.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, recordCalls, siteBuilt, siteDir, repo, axe } from './helpers.mjs';

const shotDir = path.join(repo, 'build/screenshots');

const skip = siteBuilt() ? false : 'build/site is missing: run make site';

/** A query that finds something in the corpus: the top overview keyword. */
async function goodQuery(page) {
  return page.evaluate(async () => {
    const ex = window.corpusExplorer.explorer;
    const o = await ex.overview();
    const kws = (o.keywords || []).map((k) => k.text).filter((w) => /^[\p{L}]{4,}$/u.test(w));
    for (const w of [...kws, 'alibaba', 'chine']) {
      const r = await ex.search(w, { limit: 5 });
      if (r.total >= 2) return w;
    }
    return kws[0] || 'alibaba';
  });
}

/**
 * noEchoedSources checks every quoted sentence on screen: the name of the
 * document beside it never repeats the sentence. A name whose words are
 * all the sentence's, in order (a title taken from it, cut or with a
 * clause left out), is a short form of the title: at most 4 words, and a
 * third of the sentence's; and a document is named by its title, never by
 * its file (every seed has a title).
 */
async function noEchoedSources(page, label) {
  const pairs = await page.evaluate(() => [...document.querySelectorAll('.cx-quotes > li')]
    .filter((li) => li.offsetParent !== null)
    .map((li) => [li.querySelector('.cx-quote')?.textContent || '', li.querySelector('.cx-source-title')?.textContent || '']));
  const words = (x) => x.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const [quote, source] of pairs) {
    const name = words(source);
    const said = words(quote);
    assert.ok(name.length, `${label}: no name beside ${quote}`);
    assert.doesNotMatch(source, /\.txt$/, `${label}: a file name beside ${quote}`);
    let i = 0;
    for (const w of said) if (i < name.length && w === name[i]) i++;
    if (i === name.length) assert.ok(name.length <= 4 && name.length <= said.length / 3, `${label}: "${source}" repeats the sentence beside it: ${quote}`);
  }
  return pairs.length;
}

/** waitResults waits until the results for q are on screen. */
async function waitResults(page, q) {
  await page.waitForFunction((q) => {
    const h = document.querySelector('.cx-count');
    return h && h.dataset.q === q && !h.closest('.cx-view').hidden;
  }, q, { timeout: 15000 });
}

function noProblems(page, label) {
  assert.deepEqual(page.problems, [], label + ': dialogs, page errors, console errors or CSP violations');
}

describe('the page', { skip }, () => {
  let srv, browser;
  before(async () => {
    srv = await serve(siteDir);
    browser = await launch();
    fs.mkdirSync(shotDir, { recursive: true });
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
  });

  test('landing: overview, keywords that search, sortable document list', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    // The progress bar is there while the module loads, then goes away.
    await ready(page);
    assert.equal(await page.locator('.cx-loading').isHidden(), true);
    const docs = await page.evaluate(() => window.corpusExplorer.explorer.documents());
    assert.ok(docs.length > 0);
    await page.waitForSelector('.cx-overview h1');
    await noEchoedSources(page, 'the corpus summary');
    const rows = page.locator('.cx-table tbody tr');
    assert.equal(await rows.count(), docs.length);
    assert.match(await page.locator('.cx-stats').innerText(), new RegExp(String(docs.length)));
    // Every title is shown, literally.
    const titles = await page.locator('.cx-doc-link').allTextContents();
    for (const d of docs) assert.ok(titles.includes(d.title || d.path || d.id), 'title listed: ' + d.title);
    // Sorting by length puts the longest first, then the shortest.
    await page.click('.cx-col-words .cx-sort');
    const words = async () => (await page.locator('tbody .cx-col-words').allTextContents()).map((s) => Number(s.replace(/\D/g, '')));
    let w = await words();
    assert.deepEqual(w, [...w].sort((a, b) => b - a));
    assert.equal(await page.getAttribute('th.cx-col-words', 'aria-sort'), 'descending');
    await page.click('.cx-col-words .cx-sort');
    w = await words();
    assert.deepEqual(w, [...w].sort((a, b) => a - b));
    // A keyword button runs a search for it.
    const chip = page.locator('.cx-chip').first();
    if (await chip.count()) {
      const text = await chip.innerText();
      await chip.click();
      await waitResults(page, text);
      assert.match(decodeURIComponent(page.url()), new RegExp('#q=' + text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    noProblems(page, 'landing');
    await page.context().close();
  });

  test('search as you type: counts, highlights, query summary, only the latest answer', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    const q = await goodQuery(page);
    await page.focus('input[type=search]');
    await page.keyboard.type(q, { delay: 60 });
    await waitResults(page, q);
    const expected = await page.evaluate((q) => window.corpusExplorer.explorer.search(q, { limit: 20 }), q);
    const count = await page.locator('.cx-count').innerText();
    assert.match(count.replace(/\s/g, ''), new RegExp(String(expected.total)));
    const hits = page.locator('.cx-hits > li');
    assert.equal(await hits.count(), Math.min(20, expected.total));
    // Results are a list of links; titles and snippets carry <mark>s built from the ranges.
    assert.equal(await page.locator('.cx-hits > li a.cx-hit-link').count(), await hits.count());
    const marks = await page.locator('.cx-hits mark').allTextContents();
    const wantMarks = expected.hits.reduce((n, h) => n + (h.snippet_highlights || []).length + (h.title_highlights || []).length, 0);
    assert.ok(marks.length > 0 && marks.length <= wantMarks, `marks shown ${marks.length}, ranges given ${wantMarks}`);
    const first = expected.hits[0];
    const snippet = await page.locator('.cx-hits > li').first().locator('.cx-snippet').innerText();
    assert.equal(snippet.replace(/\s+/g, ' ').trim(), first.snippet.replace(/\s+/g, ' ').trim());
    const firstMarks = await page.locator('.cx-hits > li').first().locator('.cx-snippet mark').allTextContents();
    assert.deepEqual(firstMarks, (first.snippet_highlights || []).map(([s, e]) => first.snippet.slice(s, e)).filter(Boolean));
    // The live region says how many.
    // (It first said the corpus was ready; the count is announced once typing pauses.)
    await page.waitForFunction((q) => {
      const t = document.querySelector('[role=status]').textContent;
      return /\d/.test(t) && t.includes(q);
    }, q, { timeout: 5000 }).catch(() => {});
    assert.match(await page.locator('[role=status]').innerText(), new RegExp(q));
    assert.ok(decodeURIComponent(page.url()).endsWith('#q=' + q));
    // The query summary links to sentences in documents.
    const qs = page.locator('.cx-qsum:not([hidden]) a');
    await page.waitForTimeout(300);
    if (await qs.count()) assert.match(await qs.first().getAttribute('href'), /#doc=[^&]+&s=\d+/);
    await noEchoedSources(page, 'the query summary');
    // A derived title is its sentence's opening words: searching for them
    // quotes that sentence, and the source beside it must not repeat it.
    const derived = (await page.evaluate(() => window.corpusExplorer.explorer.documents())).find((d) => d.title_derived);
    if (derived) {
      const dq = derived.title.split(/\s+/).slice(0, 2).join(' ');
      await page.fill('input[type=search]', dq);
      await waitResults(page, dq);
      await page.waitForFunction((dq) => { const b = document.querySelector('.cx-qsum'); return b && b.dataset.q === dq; }, dq, { timeout: 5000 }).catch(() => {});
      assert.ok(await noEchoedSources(page, `the query summary of ${dq}`) > 0, `a summary for ${dq}`);
    }

    // Typing fast, letter by letter: only the last query's answer stays.
    await page.fill('input[type=search]', '');
    await page.keyboard.type('zz' + q, { delay: 0 });
    await page.keyboard.press('Backspace');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    const final = await page.inputValue('input[type=search]');
    await waitResults(page, final);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.cx-count').getAttribute('data-q'), final);
    const want = await page.evaluate((q) => window.corpusExplorer.explorer.search(q, { limit: 20 }), final);
    assert.equal(await page.locator('.cx-hits > li').count(), Math.min(20, want.hits.length));

    // Nothing found: a helpful empty state that names the query.
    await page.fill('input[type=search]', 'qxzjwvkq');
    await waitResults(page, 'qxzjwvkq');
    const res = await page.evaluate(() => window.corpusExplorer.explorer.search('qxzjwvkq', {}));
    if (res.total === 0) {
      await page.waitForSelector('.cx-empty:not([hidden])');
      assert.match(await page.locator('.cx-empty h2').innerText(), /qxzjwvkq/);
      assert.ok(await page.locator('.cx-empty .cx-chip').count() > 0, 'suggestions to try');
    }
    // A real word the seeds lack, one edit from their "campagnes" (the
    // word list make site reads: /usr/share/dict/french): the empty state
    // says the documents never use it, not to check its spelling.
    await page.fill('input[type=search]', 'champagne');
    await waitResults(page, 'champagne');
    const ab = await page.evaluate(() => window.corpusExplorer.explorer.search('champagne', {}));
    assert.deepEqual([ab.total, ab.absent, ab.suggestion, ab.corrected], [0, ['champagne'], '', '']);
    await page.waitForSelector('.cx-empty:not([hidden])');
    const tips = await page.locator('.cx-empty .cx-tips').innerText();
    assert.match(tips, /«\u00a0?champagne\u00a0?»|“champagne”/);
    assert.doesNotMatch(tips, /spelling|orthographe/);
    // Did you mean: a misspelt keyword offers the suggestion when the engine has one.
    const typo = q.slice(0, -2) + q.slice(-1) + q.slice(-2, -1);
    await page.fill('input[type=search]', typo);
    await waitResults(page, typo);
    const tr = await page.evaluate((q) => window.corpusExplorer.explorer.search(q, {}), typo);
    if (tr.corrected) {
      // Showing results for the correction; the link searches the query as typed.
      assert.equal(await page.locator('.cx-dym strong').innerText(), tr.corrected);
      assert.equal(await page.locator('.cx-dym a').innerText(), typo);
      const own = await page.evaluate((q) => window.corpusExplorer.explorer.search(q, { asTyped: true }), typo);
      assert.equal(own.corrected, '');
      await page.locator('.cx-dym a').click();
      await page.waitForFunction(() => location.hash.includes('exact=1'));
      await page.waitForFunction((want) => document.querySelector('.cx-dym:not([hidden]) a')?.textContent === want, tr.corrected);
      assert.equal(await page.locator('.cx-dym strong').count(), 0, 'as typed: no "showing results for"');
    } else if (tr.suggestion && tr.suggestion !== typo) assert.equal(await page.locator('.cx-dym a').innerText(), tr.suggestion);
    noProblems(page, 'search');
    await page.context().close();
  });

  test('one search per keystroke at most; the reader marks what the snippet marks', async () => {
    const page = await newPage(browser);
    await recordCalls(page);
    await page.goto(srv.url);
    await ready(page);
    await page.evaluate(() => { window.__calls.length = 0; });
    const typed = 'strategie numerique';
    await page.focus('input[type=search]');
    await page.keyboard.type(typed, { delay: 0 });
    await waitResults(page, typed);
    await page.waitForTimeout(300);
    const calls = await page.evaluate(() => window.__calls);
    const searches = calls.filter((m) => m === 'search').length;
    assert.ok(searches >= 1 && searches <= typed.length, `${searches} searches for ${typed.length} keys`);
    assert.deepEqual(calls.filter((m) => m !== 'search'), [], 'nothing but searches while typing (the summary comes with them)');
    // A misspelt query: the snippet and the reader mark the same words.
    for (const q of ['Gnasingbe', 'oeuvre']) {
      const res = await page.evaluate((q) => window.corpusExplorer.explorer.search(q, { limit: 20 }), q);
      if (!res.total) continue;
      await page.fill('input[type=search]', q);
      await waitResults(page, q);
      const first = page.locator('.cx-hits > li').first();
      const snippetMarks = await first.locator('.cx-snippet mark').allTextContents();
      assert.ok(snippetMarks.length > 0, `${q}: the snippet marks nothing`);
      await first.locator('.cx-hit-link').click();
      await page.waitForSelector(`.cx-reader[data-id="${res.hits[0].id}"]`);
      await page.waitForSelector('.cx-text mark.cx-hl');
      const readerMarks = new Set(await page.locator('.cx-text mark.cx-hl').allTextContents());
      for (const m of snippetMarks) assert.ok(readerMarks.has(m), `${q}: the snippet marks ${m}, the reader does not (${[...readerMarks]})`);
      await page.goBack();
      await waitResults(page, q);
    }
    noProblems(page, 'one search per keystroke');
    await page.context().close();
  });

  test('a page opened on a query asks for that search first, before the overview (a split build fetches its index packs meanwhile)', async () => {
    const page = await newPage(browser);
    await recordCalls(page);
    await page.goto(srv.url + '#q=strategie');
    await ready(page);
    await waitResults(page, 'strategie');
    const calls = await page.evaluate(() => window.__calls);
    assert.deepEqual(calls.slice(0, 2), ['search', 'overview'], `calls: ${calls.join(', ')}`);
    noProblems(page, 'opened on a query');
    await page.context().close();
  });

  test('filters and sort go into the address and reach the engine', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    const q = await goodQuery(page);
    await page.evaluate((h) => { location.hash = h; }, '#q=' + encodeURIComponent(q) + '&sort=date');
    await waitResults(page, q);
    assert.equal(await page.inputValue('select[id$=-sort]'), 'date');
    const dates = await page.evaluate(async (q) => (await window.corpusExplorer.explorer.search(q, { sort: 'date', limit: 20 })).hits.map((h) => h.id), q);
    const shown = await page.locator('.cx-hit-link').evaluateAll((as) => as.map((a) => a.dataset.id));
    assert.deepEqual(shown, dates);
    const authors = await page.evaluate(async () => [...new Set((await window.corpusExplorer.explorer.documents()).map((d) => d.author).filter(Boolean))]);
    if (authors.length) {
      await page.click('.cx-filters summary');
      await page.selectOption('select[id$=-author]', authors[0]);
      await page.waitForFunction((a) => location.hash.includes('author=' + encodeURIComponent(a)), authors[0]);
      await page.waitForTimeout(300);
      const want = await page.evaluate(async ([q, a]) => (await window.corpusExplorer.explorer.search(q, { sort: 'date', limit: 20, filters: { author: a } })).total, [q, authors[0]]);
      assert.equal(await page.locator('.cx-hits > li').count(), Math.min(20, want));
    }
    noProblems(page, 'filters');
    await page.context().close();
  });

  test('reader: summary length, highlighted sentences, boilerplate, back', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    const q = await goodQuery(page);
    await page.fill('input[type=search]', q);
    await waitResults(page, q);
    const firstId = await page.locator('.cx-hit-link').first().getAttribute('data-id');
    await page.locator('.cx-hit-link').first().click();
    await page.waitForSelector(`.cx-reader[data-id="${firstId}"]`);
    await page.waitForSelector('.cx-sumlist[data-n]');
    // The title has the focus; the text carries the document's language.
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cx-doc-title')), true);
    const d = await page.evaluate((id) => window.corpusExplorer.explorer.document(id), firstId);
    if (d.lang) assert.equal(await page.getAttribute('.cx-text', 'lang'), d.lang);
    assert.equal((await page.locator('.cx-doc-title').textContent()).trim(), (d.title || d.path || d.id).trim());
    // Query words highlighted in the text.
    assert.ok(await page.locator('.cx-text mark.cx-hl').count() > 0, 'query words marked in the text');
    // Summary length 1..7 with the keyboard on the slider; highlighted sentences follow.
    const check = async (n) => {
      await page.waitForFunction((n) => {
        const l = document.querySelector('.cx-sumlist');
        return l && l.dataset.n !== undefined && document.querySelector('.cx-range').value === String(n) && l.children.length === Number(l.dataset.n);
      }, n);
      await page.waitForTimeout(150);
      const want = await page.evaluate(([id, n]) => window.corpusExplorer.explorer.summarize(id, { sentences: n }), [firstId, n]);
      const items = await page.locator('.cx-sumlist li').count();
      assert.equal(items, want.sentences.length, `summary of ${n}`);
      const marked = await page.locator('.cx-text mark.cx-sum').evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.sum))].length);
      assert.equal(marked, want.sentences.length, `highlighted sentences for ${n}`);
      const firstMark = await page.locator('.cx-text mark.cx-sum[data-sum="0"]').first().textContent();
      if (want.sentences.length) assert.ok(d.text.slice(want.sentences[0].start, want.sentences[0].end).startsWith(firstMark));
      return want.sentences.length;
    };
    await page.focus('.cx-range');
    await page.keyboard.press('Home');
    assert.equal(await check(1), 1);
    await page.keyboard.press('End');
    const seven = await check(7);
    assert.ok(seven >= 1 && seven <= 7);
    await page.keyboard.press('ArrowLeft');
    await check(6);
    // Choosing a summary sentence moves focus (and the view) to it.
    await page.locator('.cx-sum-btn').last().click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.matches('mark.cx-sum'));
    assert.equal(await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }), true, 'the chosen sentence is in view');
    // Boilerplate is shown collapsed, never dropped.
    const bp = (d.blocks || []).filter((b) => b.kind === 'boilerplate');
    if (bp.length) {
      assert.ok(await page.locator('details.cx-boilerplate').count() > 0);
      assert.equal(await page.locator('details.cx-boilerplate').first().getAttribute('open'), null);
      const bodyText = (await page.locator('.cx-text').textContent()).replace(/\s+/g, '');
      for (const b of bp) assert.ok(bodyText.includes(d.text.slice(b.start, b.end).replace(/\s+/g, '')), 'boilerplate kept');
    }
    // Related documents and previous/next lead to other documents.
    await page.waitForSelector('.cx-related ul, .cx-related p:not(:empty)');
    const next = page.locator('.cx-docnav-top a[rel=next]');
    if (await next.count()) {
      await next.click();
      await page.waitForFunction((id) => document.querySelector('.cx-reader') && document.querySelector('.cx-reader').dataset.id !== id, firstId);
      await page.goBack();
      await page.waitForSelector(`.cx-reader[data-id="${firstId}"]`);
    }
    // Back returns to the results, focus on the document's link.
    await page.goBack();
    await waitResults(page, q);
    await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, firstId);
    noProblems(page, 'reader');
    await page.context().close();
  });

  test('deep links open the right view; back and forward work', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    const docs = await page.evaluate(() => window.corpusExplorer.explorer.documents());
    const d = await page.evaluate((id) => window.corpusExplorer.explorer.document(id), docs[docs.length - 1].id);
    const si = Math.min(2, (d.sentences || []).length - 1);
    await page.goto(srv.url + '#doc=' + encodeURIComponent(d.id) + (si >= 0 ? '&s=' + si : ''));
    await page.reload();
    await ready(page);
    await page.waitForSelector(`.cx-reader[data-id="${d.id}"]`);
    if (si >= 0) {
      await page.waitForSelector('.cx-text mark.cx-target');
      const want = d.text.slice(d.sentences[si].start, d.sentences[si].end);
      assert.equal((await page.locator('.cx-text mark.cx-target').first().textContent()), want.slice(0, (await page.locator('.cx-text mark.cx-target').first().textContent()).length));
    }
    const q = await goodQuery(page);
    await page.goto(srv.url + '#q=' + encodeURIComponent(q));
    await waitResults(page, q);
    assert.equal(await page.inputValue('input[type=search]'), q);
    await page.goBack();
    await page.waitForSelector(`.cx-reader[data-id="${d.id}"]`);
    assert.equal(await page.locator('.cx-search-view').isHidden(), true);
    await page.goForward();
    await waitResults(page, q);
    // Escape from a deep-linked document goes up to the overview.
    await page.goto(srv.url + '#doc=' + encodeURIComponent(d.id));
    await page.waitForSelector(`.cx-reader[data-id="${d.id}"]`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.cx-home:not([hidden])');
    // An unknown document says so, with the id shown literally.
    await page.goto(srv.url + '#doc=' + encodeURIComponent('no such <doc>'));
    await page.waitForSelector('.cx-doc-error-title');
    assert.match(await page.locator('.cx-doc-error-title').innerText(), /no such <doc>/);
    noProblems(page, 'deep links');
    await page.context().close();
  });

  test('keyboard only: Tab, /, arrows, Enter, Escape; visible focus', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    const q = await goodQuery(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'cx-skip');
    // The focus ring is visible.
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.type), 'search');
    await page.keyboard.press('Tab');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.type), 'search');
    await page.keyboard.type(q, { delay: 40 });
    await waitResults(page, q);
    await page.keyboard.press('ArrowDown');
    const ids = await page.locator('.cx-hit-link').evaluateAll((as) => as.map((a) => a.dataset.id));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), ids[0]);
    if (ids.length > 1) {
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.id), ids[1]);
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement, '::after').outlineStyle), 'none');
      await page.keyboard.press('ArrowUp');
    }
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), ids[0]);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.cx-reader[data-id="${ids[0]}"]`);
    await page.keyboard.press('Escape');
    await waitResults(page, q);
    await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, ids[0]);
    // / from a link goes back to the box; Escape from the results returns there too.
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.type), 'search');
    noProblems(page, 'keyboard');
    await page.context().close();
  });

  test('French or English from the browser, with a switch', async () => {
    const page = await newPage(browser, { locale: 'fr-FR' });
    await page.goto(srv.url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.locator('label.cx-search-label').textContent(), 'Rechercher dans le corpus');
    await page.click('.cx-lang');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('label.cx-search-label').textContent(), 'Search the corpus');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cx-lang')), true);
    noProblems(page, 'language');
    await page.context().close();
  });

  test('loading: a progress bar, then a failure panel that says what to try', async () => {
    const page = await newPage(browser);
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route('**/*.wasm', async (route) => { await gate; await route.fulfill({ status: 404, body: 'gone' }); });
    await page.goto(srv.url);
    await page.waitForSelector('progress.cx-progress');
    assert.equal(await page.locator('progress.cx-progress').isVisible(), true);
    release();
    await page.waitForSelector('.cx-failure', { timeout: 20000 });
    const text = await page.locator('.cx-failure').innerText();
    assert.ok(text.length > 80, 'the panel explains');
    assert.ok(await page.locator('.cx-failure button').count() === 1, 'a retry button');
    await page.unroute('**/*.wasm');
    await page.click('.cx-failure button');
    await ready(page);
    await page.waitForSelector('.cx-home:not([hidden])');
    // The 404 itself is logged by Chromium; nothing else may be.
    page.problems = page.problems.filter((p) => !/404|Failed to load resource|explorer|wasm/i.test(p));
    noProblems(page, 'loading');
    await page.context().close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no violations (${scheme}); screenshots at 1440 and 360 px`, async () => {
      const page = await newPage(browser, { width: 1440, height: 900, colorScheme: scheme });
      await page.goto(srv.url);
      await ready(page);
      const q = await goodQuery(page);
      for (const width of [1440, 360]) {
        await page.setViewportSize({ width, height: width > 500 ? 900 : 780 });
        await page.evaluate(() => { location.hash = ''; });
        await page.waitForSelector('.cx-home:not([hidden]) .cx-overview');
        await axe(page, `landing ${scheme} ${width}`);
        await page.screenshot({ path: path.join(shotDir, `landing-${width}-${scheme}.png`) });
        await page.fill('input[type=search]', q);
        await waitResults(page, q);
        await page.waitForTimeout(300);
        await page.evaluate(() => document.activeElement.blur());
        await axe(page, `results ${scheme} ${width}`);
        await page.screenshot({ path: path.join(shotDir, `results-${width}-${scheme}.png`) });
        await page.locator('.cx-hit-link').first().click();
        await page.waitForSelector('.cx-sumlist[data-n]');
        await page.waitForSelector('.cx-related ul, .cx-related p:not(:empty)');
        await axe(page, `reader ${scheme} ${width}`);
        await page.screenshot({ path: path.join(shotDir, `reader-${width}-${scheme}.png`) });
        await page.locator('.cx-sum-btn').first().click();
        await page.waitForTimeout(200);
        await page.screenshot({ path: path.join(shotDir, `reader-text-${width}-${scheme}.png`) });
      }
      noProblems(page, `axe ${scheme}`);
      await page.context().close();
    });
  }
});
