// Calls to the engine while a query is typed letter by letter in the page.
//
//   node tools/bench/calls-per-query.mjs [SITE] [--query="strategie numerique"] [--delay=60]
//
// SITE is a built site (default build/site), served on 127.0.0.1 and
// opened in Debian's headless Chromium. The query is typed one key every
// DELAY ms, as a quick typist does; once the page is quiet, the calls the
// page sent to the worker are counted by method, and the searches the
// engine ran (search(), plus summarizeQuery(), which searched again).
import path from 'node:path';
import { serve, launch, newPage, ready, recordCalls } from '../../web/test/helpers.mjs';

const args = process.argv.slice(2);
const site = path.resolve(args.find((a) => !a.startsWith('--')) || 'build/site');
const opt = (k, d) => (args.find((a) => a.startsWith(`--${k}=`)) || '').split('=').slice(1).join('=') || d;
const query = opt('query', 'strategie numerique');
const delay = Number(opt('delay', '60'));

const srv = await serve(site);
const browser = await launch();
try {
  const page = await newPage(browser);
  await recordCalls(page);
  await page.goto(srv.url);
  await ready(page);
  await page.waitForTimeout(500);
  await page.evaluate(() => { window.__calls.length = 0; });
  await page.focus('.cx-input');
  await page.keyboard.type(query, { delay });
  // Quiet: no new call for a second.
  let n = -1;
  for (;;) {
    await page.waitForTimeout(1000);
    const m = await page.evaluate(() => window.__calls.length);
    if (m === n) break;
    n = m;
  }
  const calls = await page.evaluate(() => window.__calls);
  const byMethod = {};
  for (const m of calls) byMethod[m] = (byMethod[m] || 0) + 1;
  const searches = (byMethod.search || 0) + (byMethod.summarizeQuery || 0);
  console.log(JSON.stringify({ site, query, keys: query.length, delayMs: delay, calls: calls.length, byMethod, engineSearches: searches, searchesPerKey: +(searches / query.length).toFixed(2) }, null, 1));
  if (page.problems.length) console.error(page.problems.join('\n'));
} finally {
  await browser.close();
  await srv.close();
}
