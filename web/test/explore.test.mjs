// End-to-end tests of the Explore view in headless Chromium: each
// analysis reached by its address, by the mouse and by the keyboard alone,
// checked by axe-core, and photographed at 1440 and 360 px, light and dark.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, newPage, ready, siteBuilt, siteDir, repo } from './helpers.mjs';

const shotDir = path.join(repo, 'build/screenshots');
const skip = siteBuilt() ? false : 'build/site is missing: run make site';

async function axe(page, label) {
  await page.addScriptTag({ url: '/__test/axe.min.js' });
  const res = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.failureSummary) }));
  });
  assert.deepEqual(res, [], label + ': axe-core violations:\n' + JSON.stringify(res, null, 2));
}

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
    await browser?.close();
    await srv?.close();
  });

  test('every analysis by its address: an answer, no axe violation, screenshots', async () => {
    for (const scheme of ['light', 'dark']) {
      for (const width of [1440, 360]) {
        const page = await newPage(browser, { width, height: 900, colorScheme: scheme });
        await page.goto(srv.url + VIEWS[0][1]);
        await ready(page);
        for (const [name, hash] of VIEWS) {
          await page.evaluate((h) => { location.hash = h; }, hash);
          assert.equal(await shown(page), '', name + ': error');
          assert.ok(await page.locator('.cx-explore-view table tbody tr').count() > 0 || name === 'timeline', name + ': no data table');
          if (scheme === 'light' && width === 1440) await axe(page, name);
          if (width === 360) {
            const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(over <= 1, name + ': the page is ' + over + ' px wider than 360 px');
          }
          if (['kwic', 'trend', 'network', 'figures'].includes(name) || width === 1440) {
            await page.screenshot({ path: path.join(shotDir, `explore-${name}-${width}-${scheme}.png`), fullPage: width === 360 });
          }
        }
        assert.deepEqual(page.problems, [], 'problems');
        await page.context().close();
      }
    }
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
    assert.ok(await page.locator('.cx-network .cx-edge.cx-on').count() >= 0);
    await page.keyboard.press('Enter');
    assert.equal(await shown(page), '');
    assert.match(await page.evaluate(() => location.hash), /^#kwic=/);
    assert.ok(await page.locator('.cx-kwic tbody tr').count() > 0, 'the entity has mentions');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
