// The page on a split build, opened on a search (#q=…): main.js names the
// query to load() (firstQuery), so that the chunks of the search index it
// reads are fetched while the module downloads; only on a page that says
// it is split (<meta name="corpus-explorer-split">), so that an embedded
// build's page asks for no list it does not have (a 404). The module's response is
// held here until a pack has been asked for (5 s at most): a page that
// waits for the module before asking for the query's packs fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, siteBuilt, splitSite } from './helpers.mjs';

const skip = siteBuilt() ? false : 'build/site is missing: run make site';

let tmp;
let srv;
let browser;
before(async () => {
  if (skip) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-firstquery-'));
  const site = await splitSite(tmp);
  // A split build's page says so, as make site writes it.
  const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  fs.writeFileSync(path.join(site, 'split.html'), html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<meta name="corpus-explorer-split" content="">'));
  srv = await serve(site);
  browser = await launch();
});
after(async () => {
  if (browser) await closeBrowser(browser);
  await srv?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('opened on #q=, the page fetches the query\'s postings while the module downloads', { skip, timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  const log = [];
  let packAsked = () => {};
  const asked = new Promise((ok) => (packAsked = ok));
  let wasmAfterPack = null;
  await page.route('**/*', async (route) => {
    const p = new URL(route.request().url()).pathname;
    log.push(p);
    if (p.endsWith('.pack')) packAsked();
    if (p.endsWith('/explorer.wasm')) {
      wasmAfterPack = await Promise.race([asked.then(() => true), new Promise((ok) => setTimeout(ok, 5000, false))]);
    }
    return route.continue();
  });
  await page.goto(`${srv.url}split.html#q=${encodeURIComponent('alibaba')}`);
  await page.waitForFunction(() => document.querySelectorAll('.cx-hit-link').length > 0, null, { timeout: 60000 });
  assert.equal(wasmAfterPack, true, `a pack was asked for while the module was held: ${log.join(' ')}`);
  assert.ok(log.includes('/packs/chunks.txt'), 'the list of chunks fetched');
  const hits = await page.locator('.cx-hit-link').evaluateAll((as) => as.map((a) => a.textContent.trim()));
  assert.ok(hits.length >= 1 && hits.every((t) => t.length > 0), `hits shown: ${hits}`);
  await page.context().close();
});

test('a page that does not say it is split (an embedded build) fetches no list of chunks', { skip, timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  const log = [];
  await page.route('**/*', (route) => {
    log.push(new URL(route.request().url()).pathname);
    return route.continue();
  });
  await page.goto(`${srv.url}#q=${encodeURIComponent('alibaba')}`);
  await page.waitForFunction(() => document.querySelectorAll('.cx-hit-link').length > 0, null, { timeout: 60000 });
  assert.ok(!log.includes('/packs/chunks.txt'), `no list asked for: ${log.join(' ')}`);
  await page.context().close();
});
