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

/**
 * The tasks of the page's main thread in a trace: how many took over
 * 50 ms of CPU, the longest in CPU and in wall-clock time, and the five
 * longest in CPU time as [cpu, wall] ms.
 */
function cpuTasks(tr, url) {
  const ev = tr.traceEvents || tr;
  const pid = ev.find((e) => e.name === 'FrameCommittedInBrowser' && String(e.args?.data?.url).startsWith(url))?.args.data.processId
    ?? ev.find((e) => e.name === 'TracingStartedInBrowser')?.args.data.frames?.[0]?.processId;
  const tid = ev.find((e) => e.pid === pid && e.name === 'thread_name' && e.args.name === 'CrRendererMain')?.tid;
  const tasks = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined)
    .map((e) => [e.tdur / 1000, e.dur / 1000]).sort((a, b) => b[0] - a[0]);
  const r1 = (x) => Math.round(x * 10) / 10;
  return {
    tasks: tasks.length,
    over50: tasks.filter(([c]) => c > 50).length,
    longestMs: r1(tasks[0]?.[0] ?? 0),
    longestWallMs: r1(Math.max(0, ...tasks.map(([, w]) => w))),
    top: tasks.slice(0, 5).map(([c, w]) => [r1(c), r1(w)]),
  };
}
