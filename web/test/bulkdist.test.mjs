// The distribution of a split build with bulk files (explorer dist), in
// headless Chromium, served as a static host serves it: "make available
// offline" fetches the bulk files, not the texts' packs they hold; the
// service worker keeps them; and, with the network cut, a text never
// fetched on its own and an analysis of the whole corpus come from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, closeBrowser, newPage, repo, siteBuilt, splitSite } from './helpers.mjs';

/** Waits until the page's <corpus-explorer> has loaded its corpus. */
async function elementReady(page) {
  await page.waitForFunction(() => {
    const e = document.querySelector('corpus-explorer');
    return e && e.app && e.app.explorer !== null;
  }, null, { timeout: 60000 });
  await page.evaluate(() => document.querySelector('corpus-explorer').app.ready);
}

test('a split dist with bulk files: made available offline through them, and read from them offline', { skip: siteBuilt() ? false : 'build/site is missing: run make site', timeout: 300_000 }, async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-bulkdist-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const site = await splitSite(tmp, { bulk: true });
  const dist = path.join(tmp, 'dist');
  execFileSync('go', ['run', './tools/explorer', 'dist', '-site', site, '-o', dist], { cwd: repo, stdio: 'pipe', env: { ...process.env, GOFLAGS: '-buildvcs=false' } });
  const v = fs.readdirSync(dist, { withFileTypes: true }).find((e) => e.isDirectory()).name;
  const bulkFiles = fs.readdirSync(path.join(dist, v, 'packs')).filter((f) => f.endsWith('.bulk'));
  assert.ok(bulkFiles.length > 0 && fs.existsSync(path.join(dist, v, 'packs', 'bulk.txt')), 'the bulk files and their list in VERSION/packs/');
  const srv = await serve(dist);
  t.after(() => srv.close());
  const browser = await launch();
  t.after(() => closeBrowser(browser));
  const page = await newPage(browser);
  await page.goto(srv.url);
  await elementReady(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  const ex = 'document.querySelector("corpus-explorer").app.explorer';
  const list = await page.evaluate(`${ex}.packs()`);
  const from = srv.requests.length;
  const offline = await page.evaluate(`${ex}.makeAvailableOffline()`);
  assert.deepEqual(offline.failed, []);
  const asked = srv.requests.slice(from).map((p) => p.replace(`/${v}/packs/`, ''));
  assert.ok(asked.includes('bulk.txt'), asked.join(' '));
  for (const f of bulkFiles) assert.equal(asked.filter((a) => a === f).length, 1, `${f} fetched once: ${asked.join(' ')}`);
  const texts = list.filter((p) => p.kind === 'text');
  assert.deepEqual(asked.filter((a) => texts.some((p) => p.name === a)), [], 'no text pack fetched on its own');
  const figures = await page.evaluate(`${ex}.figures()`);
  const kept = await page.evaluate(async () => {
    const c = await caches.open((await caches.keys()).find((k) => k.startsWith('corpus-explorer ')));
    return (await c.keys()).map((r) => new URL(r.url).pathname.split('/').pop());
  });
  for (const f of [...bulkFiles, 'bulk.txt']) assert.ok(kept.includes(f), `the service worker keeps ${f}: ${kept.join(' ')}`);

  // Offline: a document whose pack was never fetched on its own, and an analysis.
  const single = new Set(srv.requests.map((p) => p.split('/').pop()));
  const docs = await page.evaluate(`${ex}.documents()`);
  const d = docs.find((x) => list[x.pack]?.kind === 'text' && !single.has(list[x.pack].name));
  assert.ok(d, 'a document whose pack came only in a bulk file');
  await page.context().setOffline(true);
  await page.reload();
  await elementReady(page);
  const text = await page.evaluate((id) => document.querySelector('corpus-explorer').app.explorer.document(id).then((x) => x.text), d.id);
  assert.ok(text.length > 100, `the text of ${d.id}, offline: ${text.length} characters`);
  assert.deepEqual(await page.evaluate(`${ex}.figures()`), figures, 'an analysis offline, as online');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await page.context().close();
});
