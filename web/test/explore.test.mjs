// End-to-end tests of the Explore view in headless Chromium: each
// analysis reached by its address, by the mouse and by the keyboard alone,
// checked by axe-core (1440 px light, 360 px dark) and for anything cut or
// overlapping (helpers.mjs's layoutProblems), and photographed at 1440 and
// 360 px, light and dark.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, siteDir, repo, haveGo, corpusSite, axe, layoutProblems } from './helpers.mjs';

const shotDir = path.join(repo, 'build/screenshots');
const skip = siteBuilt() ? false : 'build/site is missing: run make site';

/** shown waits until the analysis on screen has answered, and returns its error text if any. */
async function shown(page) {
  await page.waitForFunction(() => {
    const v = document.querySelector('.cx-explore-view');
    const out = v && v.querySelector('.cx-x-out');
    return v && !v.hidden && (!out || out.getAttribute('aria-busy') === 'false');
  }, null, { timeout: 30000 });
  return page.evaluate(() => document.querySelector('.cx-explore-view .cx-error')?.textContent || '');
}

/** tabTo presses Tab until the focused element matches sel. */
async function tabTo(page, sel, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), sel)) return;
  }
  throw new Error('Tab never reached ' + sel);
}

const VIEWS = [
  ['kwic', '#kwic=num%C3%A9rique&match=forms'],
  ['trend', '#trend=num%C3%A9rique%2C%20Chine%2C%20commerce'],
  ['collocates', '#collocates=chinois'],
  ['keyness', '#keyness=num%C3%A9rique'],
  ['phrases', '#phrases=&n=2'],
  ['network', '#network=&scope=document'],
  ['timeline', '#timeline='],
  ['figures', '#figures='],
];

describe('the Explore view', { skip }, () => {
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

  test('every analysis by its address: an answer, no axe violation, nothing cut or overlapping at 1440 and 360 px, screenshots', async () => {
    const cut = [];
    for (const scheme of ['light', 'dark']) {
      for (const width of [1440, 360]) {
        const page = await newPage(browser, { width, height: 900, colorScheme: scheme });
        await page.goto(srv.url + VIEWS[0][1]);
        await ready(page);
        for (const [name, hash] of VIEWS) {
          await page.evaluate((h) => { location.hash = h; }, hash);
          assert.equal(await shown(page), '', name + ': error');
          assert.ok(await page.locator('.cx-explore-view table tbody tr').count() > 0 || name === 'timeline', name + ': no data table');
          if ((scheme === 'light') === (width === 1440)) await axe(page, `${name} at ${width} px, ${scheme}`);
          for (const p of await page.evaluate(layoutProblems)) cut.push(`${name} at ${width} px, ${scheme}: ${p}`);
          // The charts' data tables too, opened.
          if (await page.evaluate(() => [...document.querySelectorAll('.cx-explore-view details')].map((d) => { d.open = true; return d; }).length)) {
            for (const p of await page.evaluate(layoutProblems)) cut.push(`${name} at ${width} px, ${scheme}, data table open: ${p}`);
            await page.evaluate(() => { for (const d of document.querySelectorAll('.cx-explore-view details')) d.open = false; });
          }
          await page.screenshot({ path: path.join(shotDir, `explore-${name}-${width}-${scheme}.png`), fullPage: true });
        }
        assert.deepEqual(page.problems, [], 'problems');
        await page.context().close();
      }
    }
    assert.deepEqual(cut, [], 'nothing cut or overlapping');
  });

  test('with the mouse: home, hub, concordance, sort, a line opens the reader at its occurrence, back', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    await page.click('.cx-home .cx-x-links a');
    await shown(page);
    await page.click('.cx-x-hub a[href^="#kwic"]');
    await shown(page);
    await page.fill('.cx-x-input', 'chinois');
    await page.click('.cx-x-form button');
    assert.equal(await shown(page), '');
    const total = await page.evaluate(() => window.corpusExplorer.explorer.kwic('chinois').then((c) => c.total));
    assert.equal(await page.locator('.cx-kwic tbody tr').count(), Math.min(50, total));
    await page.selectOption('#' + (await page.locator('.cx-x-controls select').nth(1).getAttribute('id')), 'right');
    await page.waitForFunction(() => location.hash.includes('order=right'));
    assert.equal(await shown(page), '');
    // The whole concordance as CSV: a header, then one row per occurrence.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.cx-x-controls button')]);
    const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(csv[0], 'document,title,date,left,match,right,start,end');
    assert.equal(csv.length, total + 1);
    const hit = page.locator('.cx-kwic-hit a').first();
    const word = (await hit.textContent()).trim();
    await hit.click();
    await page.waitForSelector('mark.cx-occ');
    assert.equal((await page.locator('mark.cx-occ').textContent()).trim(), word);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cx-occ')), true, 'the occurrence has the focus');
    await page.goBack();
    await shown(page);
    assert.match(await page.evaluate(() => location.hash), /kwic=chinois.*order=right/);
    // A collocate opens the concordance of the pair.
    await page.evaluate(() => { location.hash = '#collocates=chinois&window=4'; });
    assert.equal(await shown(page), '');
    const coll = page.locator('.cx-x-table tbody th a').first();
    const cword = (await coll.textContent()).trim();
    await coll.click();
    assert.equal(await shown(page), '');
    assert.match(await page.evaluate(() => decodeURIComponent(location.hash)), new RegExp('^#kwic=chinois.*near=' + cword + '.*'));
    const pairLines = await page.locator('.cx-kwic tbody tr').count();
    assert.ok(pairLines > 0, 'the pair has lines');
    // The entity map: a node pointed at lights its links; clicked, it opens its mentions.
    await page.evaluate(() => { location.hash = '#network=&scope=document'; });
    assert.equal(await shown(page), '');
    const node = page.locator('.cx-network a.cx-node').first();
    await node.hover();
    assert.ok(await page.evaluate(() => document.querySelector('.cx-network').classList.contains('cx-lit') && document.querySelectorAll('.cx-network .cx-edge.cx-on').length > 0), 'pointing at a node lights its links');
    await page.mouse.move(1, 1);
    assert.equal(await page.evaluate(() => document.querySelector('.cx-network').classList.contains('cx-lit')), false, 'the links go dark again');
    const name = (await node.getAttribute('aria-label')).replace(/ \(.*$/, '');
    await node.click();
    assert.equal(await shown(page), '');
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), '#kwic=' + name);
    // From a search: analyse this term.
    await page.fill('.cx-input[type=search]', 'chinois');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.cx-search-view .cx-x-links a');
    await page.click('.cx-search-view .cx-x-links a >> nth=0');
    assert.equal(await shown(page), '');
    assert.match(await page.evaluate(() => location.hash), /^#kwic=chinois/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('with the keyboard alone: into Explore, a concordance, a line, the entity map', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url);
    await ready(page);
    await tabTo(page, '.cx-home .cx-x-links a');
    await page.keyboard.press('Enter');
    await shown(page);
    await tabTo(page, '.cx-x-hub a[href^="#kwic"]');
    await page.keyboard.press('Enter');
    await shown(page);
    await tabTo(page, '.cx-x-input');
    await page.keyboard.type('commerce');
    await page.keyboard.press('Enter');
    assert.equal(await shown(page), '');
    await tabTo(page, '.cx-kwic-hit a');
    await page.keyboard.press('Enter');
    await page.waitForSelector('mark.cx-occ');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.goBack();
    await page.evaluate(() => { location.hash = '#network=&scope=document'; });
    assert.equal(await shown(page), '');
    await tabTo(page, '.cx-network a');
    const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.notEqual(first, second, 'the arrow moves to another entity');
    // The entity focused lights up its links, exactly those, and dims the rest.
    const lit = await page.evaluate(() => {
      const n = document.activeElement.getAttribute('data-node');
      const edges = [...document.querySelectorAll('.cx-network .cx-edge')];
      const own = edges.filter((e) => e.getAttribute('data-a') === n || e.getAttribute('data-b') === n);
      return { own: own.length, on: edges.filter((e) => e.classList.contains('cx-on')).length, allOwnOn: own.every((e) => e.classList.contains('cx-on')), lit: document.querySelector('.cx-network').classList.contains('cx-lit') };
    });
    assert.ok(lit.own > 0 && lit.on === lit.own && lit.allOwnOn && lit.lit, 'the focused entity lights its links: ' + JSON.stringify(lit));
    // The map is one Tab stop: Tab leaves it for its table, Shift+Tab comes back to the entity last focused.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('.cx-network')), false, 'Tab leaves the map');
    assert.equal(await page.evaluate(() => document.querySelector('.cx-network').classList.contains('cx-lit')), false, 'the links are dimmed no more');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), second, 'Shift+Tab comes back to the entity last focused');
    await page.keyboard.press('Enter');
    assert.equal(await shown(page), '');
    assert.match(await page.evaluate(() => location.hash), /^#kwic=/);
    assert.ok(await page.locator('.cx-kwic tbody tr').count() > 0, 'the entity has mentions');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

// A corpus of two folders, two authors and two years, for the parts of the
// corpus the keyness form offers and the timeline's periods.
const PARTS = {
  'lettres/vendanges.md': ['Jeanne Martin', '2021-03-04', 'Les vendanges commencent. Le raisin mûrit sur la vigne, la vigne donne le raisin, et les vendanges finissent au pressoir.'],
  'lettres/cave.md': ['Jeanne Martin', '2021-05-10', 'La cave garde le vin. Le raisin des vendanges devient vin dans la cave, près de la vigne.'],
  'rapports/budget.md': ['Paul Durand', '2022-01-15', 'Le budget prévoit des dépenses. Les dépenses du budget dépassent les recettes du budget.'],
  'rapports/audit.md': ['Paul Durand', '2022-02-20', 'L’audit du budget compte les dépenses et les recettes. Le budget reste fragile.'],
};

describe('the parts of a corpus: keyness of a folder, an author, a period; a timeline period filters the search', { skip: skip || (haveGo() ? false : 'no go') }, () => {
  let tmp, srv, browser;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-parts-'));
    for (const [file, [author, date, text]] of Object.entries(PARTS)) {
      const p = path.join(tmp, 'corpus', file);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, `---\ntitle: ${path.basename(file, '.md')}\nauthor: ${author}\ndate: ${date}\n---\n\n${text}\n`);
    }
    srv = await serve(corpusSite(path.join(tmp, 'corpus'), tmp));
    browser = await launch();
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** keyWords returns the distinctive words shown and the note above them. */
  const keyWords = (page) => page.evaluate(() => ({
    words: [...document.querySelectorAll('.cx-explore-view .cx-x-table tbody th')].map((th) => th.textContent.trim()),
    note: document.querySelector('.cx-explore-view .cx-x-out .cx-muted')?.textContent || '',
  }));

  test('the keyness form, with the keyboard alone and the mouse', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url + '#keyness=');
    await ready(page);
    await shown(page);
    // The choices are the corpus's: its folders, its authors, its span of dates.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.cx-x-parts input[type=radio]')].map((r) => r.value)), ['query', 'folder', 'author', 'dates']);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.cx-x-part select')].map((s) => [...s.options].map((o) => o.value))), [['lettres', 'rapports'], ['Jeanne Martin', 'Paul Durand']]);
    await axe(page, 'keyness form');
    fs.mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, 'explore-keyness-form-1440-light.png') });
    await page.setViewportSize({ width: 360, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 1, 'the keyness form is ' + over + ' px wider than 360 px');
    // A folder or an author with a long name stays within the screen too.
    const longOver = await page.evaluate(() => {
      const added = [...document.querySelectorAll('.cx-x-part select')].map((s) => s.appendChild(new Option('manpages-fr/une-traduction-au-nom-bien-long/'.repeat(3))));
      const o = document.documentElement.scrollWidth - window.innerWidth;
      for (const a of added) a.remove();
      return o;
    });
    assert.ok(longOver <= 1, 'with a long folder name, the keyness form is ' + longOver + ' px wider than 360 px');
    await page.screenshot({ path: path.join(shotDir, 'explore-keyness-form-360-dark.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    // Keyboard: the folder part, its second folder, submitted.
    await tabTo(page, '.cx-x-parts input[type=radio]');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'folder');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SELECT');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '.cx-x-partform button[type=submit]');
    await page.keyboard.press('Enter');
    assert.equal(await shown(page), '');
    assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), '#keyness=folder:rapports');
    let k = await keyWords(page);
    assert.ok(k.words.includes('budget') && !k.words.includes('raisin'), 'folder rapports: ' + k.words);
    assert.match(k.note, /\b2 documents/);
    // The mouse: an author, then a period.
    await page.click('.cx-x-parts input[value=author]');
    await page.selectOption('.cx-x-part select >> nth=1', 'Jeanne Martin');
    await page.click('.cx-x-partform button[type=submit]');
    await page.waitForFunction(() => decodeURIComponent(location.hash) === '#keyness=author:Jeanne Martin');
    assert.equal(await shown(page), '');
    k = await keyWords(page);
    assert.ok(k.words.includes('raisin') && !k.words.includes('budget'), 'author Jeanne Martin: ' + k.words);
    assert.equal(await page.evaluate(() => document.querySelector('.cx-x-parts input[value=author]').checked), true, 'the form shows the part asked');
    await page.fill('.cx-x-part input[type=date] >> nth=0', '2022-01-01');
    await page.fill('.cx-x-part input[type=date] >> nth=1', '2022-02-20');
    assert.equal(await page.evaluate(() => document.querySelector('.cx-x-parts input[value=dates]').checked), true, 'a date chooses the period');
    await page.click('.cx-x-partform button[type=submit]');
    await page.waitForFunction(() => decodeURIComponent(location.hash) === '#keyness=dates:2022-01-01..2022-02-20');
    assert.equal(await shown(page), '');
    k = await keyWords(page);
    assert.ok(k.words.includes('budget') && !k.words.includes('raisin'), '2022: ' + k.words);
    // An empty search says what is missing and asks nothing.
    await page.click('.cx-x-parts input[value=query]');
    await page.click('.cx-x-partform button[type=submit]');
    assert.ok(await page.locator('.cx-x-partform .cx-error').isVisible(), 'an empty search is refused');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a period of the corpus timeline lists its documents, and a search then looks only there; a query timeline filters its search', async () => {
    const page = await newPage(browser);
    await page.goto(srv.url + '#timeline=&by=year');
    await ready(page);
    assert.equal(await shown(page), '');
    const bars = page.locator('.cx-explore-view svg a');
    assert.deepEqual(await bars.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#from=2021-01-01&to=2021-12-31', '#from=2022-01-01&to=2022-12-31']);
    // With the keyboard: the 2022 bar.
    await tabTo(page, '.cx-explore-view svg a[href*="2022"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.cx-home .cx-docs');
    assert.equal(await page.evaluate(() => location.hash), '#from=2022-01-01&to=2022-12-31');
    assert.deepEqual(await page.locator('.cx-docs tbody .cx-doc-link').allTextContents(), ['audit', 'budget']);
    assert.match(await page.locator('.cx-docs h2').textContent(), /\(2\)$/);
    await axe(page, 'a period of the corpus');
    await page.screenshot({ path: path.join(shotDir, 'explore-period-1440-light.png'), fullPage: true });
    // A search from there keeps the period.
    await page.fill('.cx-input[type=search]', 'dépenses');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#q=d%C3%A9penses&from=2022-01-01&to=2022-12-31/.test(location.hash));
    await page.waitForSelector('.cx-search-view .cx-hit');
    // A word of both years, searched within one: only that year's documents.
    await page.fill('.cx-input[type=search]', 'budget vigne');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#q=budget%20vigne&from=2022/.test(location.hash));
    await page.waitForFunction(() => document.querySelectorAll('.cx-search-view .cx-hit').length > 0 && !document.querySelector('.cx-search-view [aria-busy=true]'));
    for (const t of await page.locator('.cx-search-view .cx-hit-link').allTextContents()) assert.ok(/audit|budget/.test(t), 'a hit outside 2022: ' + t);
    await page.evaluate(() => { location.hash = '#timeline=vigne&by=year'; });
    assert.equal(await shown(page), '');
    assert.deepEqual(await bars.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#q=vigne&from=2021-01-01&to=2021-12-31']);
    await bars.first().click();
    await page.waitForFunction(() => location.hash === '#q=vigne&from=2021-01-01&to=2021-12-31');
    await page.waitForSelector('.cx-search-view .cx-hit');
    // All documents again.
    await page.evaluate(() => { location.hash = '#from=2022-01-01&to=2022-12-31'; });
    await page.click('.cx-home .cx-overview a[href="#"]');
    await page.waitForFunction(() => document.querySelectorAll('.cx-docs tbody tr').length === 4);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
