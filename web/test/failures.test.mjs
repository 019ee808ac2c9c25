// The page's failures said in the interface's language (issue 16/13): a
// module that cannot be downloaded or is not the explorer's, a search or
// an analysis the explorer refuses, a summary that fails, a document the
// corpus lacks. Each says what happened in French under a French page,
// never the explorer's English message, which stays, whole, in a closed
// "Détails" beside it. Screenshots: build/screenshots/failure-*.png.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, closeBrowser, newPage, ready, siteBuilt, repo, axe } from './helpers.mjs';
import { API } from '../../wasm/api.js';

const skip = siteBuilt() ? false : 'build/site is missing: run make site';
const shotDir = path.join(repo, 'build/screenshots');

/**
 * said returns the text of the alert and of its details (opened) below
 * the element sel, after checking the details start closed.
 * @param {import('playwright-core').Page} page
 * @param {string} sel the element holding the sentence
 * @param {string} details the details beside it
 */
async function said(page, sel, details) {
  const text = (await page.locator(sel).innerText()).trim();
  const d = page.locator(details);
  assert.equal(await d.getAttribute('open'), null, 'details closed');
  assert.equal(await d.locator('code').getAttribute('lang'), 'en');
  await d.locator('summary').click();
  assert.equal((await d.locator('summary').textContent()).trim(), 'Détails');
  return { text, message: (await d.locator('code').textContent()).trim() };
}

/**
 * failCalls makes the explorer's worker answer every call of the methods
 * named in window.__failCalls with that error message, as the module
 * answers a call that fails (set the methods after the page loads).
 * @param {import('playwright-core').Page} page
 */
async function failCalls(page) {
  await page.addInitScript(() => {
    /** @type {Record<string, string>} */
    const fail = (window.__failCalls = {});
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, ...rest) {
      const error = m && m.type === 'call' ? fail[m.method] : undefined;
      if (error === undefined) return post.call(this, m, ...rest);
      setTimeout(() => this.onmessage(new MessageEvent('message', { data: { type: 'answer', id: m.id, error } })));
    };
  });
}

describe('failures said in the interface language', { skip }, () => {
  let srv;
  let browser;
  before(async () => {
    srv = await serve();
    browser = await launch();
  });
  after(async () => {
    await closeBrowser(browser);
    await srv?.close();
  });

  // The module served as each failure: the sentence after "Ce qui s’est
  // passé :", and what the explorer's message must say.
  const starts = [
    ['404', (route) => route.fulfill({ status: 404, body: 'gone' }),
      /^l’explorateur n’a pas pu être téléchargé : le serveur a répondu HTTP 404\.$/, /^load: cannot download \S+explorer\.wasm: HTTP 404/],
    ['offline', (route) => route.abort('internetdisconnected'),
      /^l’explorateur n’a pas pu être téléchargé : pas de réponse du serveur \(hors ligne, ou connexion refusée\)\.$/, /^load: cannot download \S+explorer\.wasm: /],
    ['not a module', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'this is not WebAssembly' }),
      /^le module de l’explorateur \(explorer\.wasm\) est arrivé endommagé, ou n’est pas celui de l’explorateur \(fichier tronqué ou erroné\)\.$/, /^load: cannot compile explorer\.wasm: /],
  ];
  for (const [name, serveWasm, say, message] of starts) {
    test(`start-up, ${name}: what happened in French, the message in the details`, async () => {
      const page = await newPage(browser, { locale: 'fr-FR' });
      await page.route('**/*.wasm', serveWasm);
      await page.goto(srv.url);
      await page.waitForSelector('.cx-failure', { timeout: 20000 });
      const what = (await page.locator('.cx-failure-msg').innerText()).trim();
      assert.match(what, say);
      assert.match((await page.locator('.cx-failure p:has(.cx-failure-msg)').innerText()).trim(), /^Ce qui s’est passé : /);
      const { message: m } = await said(page, '.cx-failure-msg', '.cx-failure details.cx-error-details');
      assert.match(m, message);
      await axe(page, `start-up, ${name}`);
      if (name === '404') {
        fs.mkdirSync(shotDir, { recursive: true });
        await page.screenshot({ path: path.join(shotDir, 'failure-start-fr.png') });
      }
      // Retrying with the module back works.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.click('.cx-failure button');
      await ready(page);
      await page.waitForSelector('.cx-home:not([hidden])');
      await page.context().close();
    });
  }

  test('a search too long: what is wrong, with the limit, in French; the message in the details; the next search hides both', async () => {
    const page = await newPage(browser, { locale: 'fr-FR' });
    await page.goto(srv.url);
    await ready(page);
    await page.evaluate(() => { location.hash = '#q=' + 'chine '.repeat(1000); });
    await page.waitForSelector('.cx-results .cx-error[role=alert]:not([hidden])', { timeout: 30000 });
    const { text, message } = await said(page, '.cx-results .cx-error', '.cx-results details.cx-error-details');
    // The limit is the module's (api.js declares it, checked against the engine).
    assert.equal(text, `Recherche trop longue : ${new Intl.NumberFormat('fr').format(API.limits.text)} caractères au plus.`);
    assert.match(message, /too long: \d+ characters, the limit is \d+ characters/);
    assert.match(await page.locator('.cx-results .cx-error').getAttribute('title'), /too long/);
    // The heading names the query's first words, so that the sentence shows below it.
    assert.equal((await page.locator('.cx-results h1').innerText()).trim(), `Résultats pour « ${'chine '.repeat(13).trim()}… »`);
    assert.ok(await page.locator('.cx-results .cx-error').isVisible() && (await page.locator('.cx-results .cx-error').boundingBox()).y < 600, 'the sentence on the first screen');
    // No links to analyses that would refuse the same words.
    assert.ok(await page.locator('.cx-results nav.cx-x-links').isHidden(), 'no analysis links beside a refused query');
    fs.mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, 'failure-search-fr.png') });
    await page.evaluate(() => { location.hash = '#q=chine'; });
    await page.waitForFunction(() => document.querySelectorAll('.cx-hit-link').length > 0, null, { timeout: 30000 });
    assert.ok(await page.locator('.cx-results .cx-error').isHidden(), 'the error is gone');
    assert.ok(await page.locator('.cx-results details.cx-error-details').isHidden(), 'its details too');
    assert.ok(await page.locator('.cx-results nav.cx-x-links').isVisible(), 'the analysis links are back');
    await page.context().close();
  });

  test('an analysis the explorer refuses: what is wrong with what was typed, in French, its message in the details', async () => {
    const page = await newPage(browser, { locale: 'fr-FR' });
    await page.goto(srv.url);
    await ready(page);
    // want gives the sentence from the explorer's message (its limit).
    const analysis = async (hash, message, want) => {
      await page.evaluate((hash) => { location.hash = hash; }, hash);
      // The analysis's answer (the keyness form has an alert of its own).
      await page.waitForFunction(() => document.querySelector('.cx-explore-view .cx-x-out .cx-error:not(.cx-seen)'), null, { timeout: 30000 });
      const r = await said(page, '.cx-explore-view .cx-x-out .cx-error', '.cx-explore-view .cx-x-out details.cx-error-details');
      await page.locator('.cx-explore-view .cx-x-out .cx-error').evaluate((e) => e.classList.add('cx-seen'));
      const m = message.exec(r.message);
      assert.ok(m, r.message);
      assert.equal(r.text, want(m), hash.slice(0, 60));
    };
    const n = (v) => new Intl.NumberFormat('fr').format(Number(v));
    await analysis('#kwic=' + encodeURIComponent('chine '.repeat(1000)), /too long/, () => `Recherche trop longue : ${n(API.limits.text)} caractères au plus.`);
    await analysis('#kwic=' + encodeURIComponent('un deux trois quatre cinq six sept huit neuf dix onze douze'), /too many words in .*, the limit is (\d+)$/, (m) => `Trop de mots : ${n(m[1])} au plus.`);
    await analysis('#trend=' + encodeURIComponent('chine, cloud, alibaba, ia, monde, pays'), /terms out of range/, () => `Trop de termes : ${n(API.limits.terms)} au plus, séparés par des virgules.`);
    await analysis('#collocates=' + encodeURIComponent('!!!'), /no word to look for/, () => 'Aucun mot à chercher : tapez des lettres ou des chiffres.');
    await analysis('#keyness=' + encodeURIComponent('zzzqqq'), /no document in that part of the corpus/, () => 'Aucun document dans cette partie du corpus : choisissez-en une autre.');
    await axe(page, 'analysis failure');
    fs.mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, 'failure-explore-fr.png') });
    await page.context().close();
  });

  test('a summary that fails: our sentence where the summary would be, the message in its details', async () => {
    const page = await newPage(browser, { locale: 'fr-FR' });
    await failCalls(page);
    await page.goto(srv.url);
    await ready(page);
    const id = await page.evaluate(() => window.corpusExplorer.explorer.documents().then((d) => d[0].id));
    const message = 'summarize: internal error (the module recovered and keeps answering): a test';
    await page.evaluate((message) => { window.__failCalls.summarize = message; }, message);
    await page.evaluate((id) => { location.hash = '#doc=' + encodeURIComponent(id); }, id);
    await page.waitForSelector(`.cx-reader[data-id="${id}"] .cx-summary .cx-error`, { timeout: 30000 });
    const r = await said(page, '.cx-summary .cx-error', '.cx-summary details.cx-error-details');
    assert.equal(r.text, 'Le résumé n’a pas pu être fait.');
    assert.equal(r.message, message);
    await axe(page, 'summary failure');
    fs.mkdirSync(shotDir, { recursive: true });
    await page.locator('.cx-summary').screenshot({ path: path.join(shotDir, 'failure-summary-fr.png') });
    await page.context().close();
  });

  test('a document the corpus lacks: said in French, the message in the details', async () => {
    const page = await newPage(browser, { locale: 'fr-FR' });
    await page.goto(srv.url + '#doc=nothing-of-that-name');
    await ready(page);
    await page.waitForSelector('.cx-doc-error-title', { timeout: 30000 });
    assert.equal((await page.locator('.cx-doc-error-title').innerText()).trim(), 'Impossible d’ouvrir le document « nothing-of-that-name »');
    const r = await said(page, '[role=alert]:has(.cx-doc-error-title) > p:not(:has(button))', '[role=alert]:has(.cx-doc-error-title) details.cx-error-details');
    assert.equal(r.text, 'Ce corpus n’a pas de document de ce nom, ou il n’a pas pu être lu.');
    assert.match(r.message, /no such document/);
    await page.context().close();
  });
});
