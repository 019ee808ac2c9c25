// The longest main-thread tasks of the page while a corpus loads and while
// a query is typed, in Debian's headless Chromium (PerformanceObserver,
// entry type "longtask": every task over 50 ms, in wall-clock time).
// The same tasks are also read from a Chromium trace (category toplevel)
// in the main thread's own CPU time ("cpu"): on a machine busy with other
// work, a task's wall-clock time counts the time it waited for a core,
// its CPU time does not. "cpu.top" lists the five longest.
//
//   node tools/bench/longtask.mjs [SITE] [--query="strategie numerique"] [--delay=60]
//
// Make a big corpus with tools/bench/many-docs.mjs and build its site
// (make site CORPUS=… SITE=…) first.
import path from 'node:path';
import { serve, launch, newPage, ready } from '../../web/test/helpers.mjs';
import { cpuTasks } from './cputasks.mjs';

const args = process.argv.slice(2);
const site = path.resolve(args.find((a) => !a.startsWith('--')) || 'build/site');
const opt = (k, d) => (args.find((a) => a.startsWith(`--${k}=`)) || '').split('=').slice(1).join('=') || d;
const query = opt('query', 'strategie numerique');
const delay = Number(opt('delay', '60'));

const srv = await serve(site);
const browser = await launch();
try {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
  });
  // The page's main thread: the renderer process of its frame.
  const trace = async (fn) => {
    await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
    await fn();
    return cpuTasks(JSON.parse(String(await browser.stopTracing())), srv.url);
  };
  const t0 = Date.now();
  let readyMs = 0;
  const loadCPU = await trace(async () => {
    await page.goto(srv.url);
    await ready(page);
    readyMs = Date.now() - t0;
    // The rest of the document list arrives in the background: let it.
    await page.waitForTimeout(5000);
  });
  const load = await page.evaluate(() => window.__long.splice(0));
  const rows = await page.evaluate(() => document.querySelectorAll('.cx-table tbody tr').length);
  await page.focus('.cx-input');
  const typingCPU = await trace(async () => {
    await page.keyboard.type(query, { delay });
    await page.waitForFunction((q) => document.querySelector('.cx-count')?.dataset.q === q, query, { timeout: 60000 });
    await page.waitForTimeout(1000);
  });
  const typing = await page.evaluate(() => window.__long.splice(0));
  const docs = await page.evaluate(async () => (await window.corpusExplorer.explorer.stats()).documents);
  const sum = (xs) => ({ count: xs.length, longestMs: xs.length ? Math.max(...xs) : 0, totalMs: xs.reduce((a, b) => a + b, 0) });
  console.log(JSON.stringify({ site, documents: docs, readyMs, tableRows: rows, load: { ...sum(load), cpu: loadCPU }, typing: { query, delayMs: delay, ...sum(typing), cpu: typingCPU } }));
  if (page.problems.length) console.error(page.problems.join('\n'));
} finally {
  await browser.close();
  await srv.close();
}
