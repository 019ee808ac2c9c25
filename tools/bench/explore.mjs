// The Explore analyses timed in the page, in Debian's headless Chromium:
// the time an explorer call takes, as the page sees it (worker round trip
// included), for the figures the issue names.
//
//   make site SITE=build/site-man CORPUS=../shared/corpora/fr-manpages
//   node tools/bench/explore.mjs build/site-man [--runs=15]
//
// The first call of any analysis cuts the corpus into the analyses' table
// (and, in a split build, loads every text pack): it is reported apart,
// as "first"; then each analysis is called once more (its "first_ms": in
// a split build, the texts a concordance page quotes may have to be
// fetched again, since the module holds a bounded number of them) and
// RUNS times, and the median and the fastest are reported, in
// milliseconds.
import path from 'node:path';
import { serve, launch, newPage, ready } from '../../web/test/helpers.mjs';

const args = process.argv.slice(2);
const site = path.resolve(args.find((a) => !a.startsWith('--')) || 'build/site');
const opt = (k, d) => (args.find((a) => a.startsWith(`--${k}=`)) || '').split('=').slice(1).join('=') || d;
const runs = Number(opt('runs', '15'));

const srv = await serve(site);
const browser = await launch();
try {
  const page = await newPage(browser);
  await page.goto(srv.url);
  await ready(page);
  const out = await page.evaluate(async (runs) => {
    const ex = window.corpusExplorer.explorer;
    const t0 = performance.now();
    await ex.figures();
    const first = performance.now() - t0;
    const cases = {
      'kwic fichier, forms, first page': () => ex.kwic('fichier', { match: 'forms' }),
      'kwic fichier, forms, sorted on the left': () => ex.kwic('fichier', { match: 'forms', sort: 'left' }),
      'collocates processus': () => ex.collocates('processus'),
      'keyness of 100 hits (fichier)': () => ex.keyness({ query: 'fichier', hits: 100 }),
      'trend of 3 terms': () => ex.trend('fichier, processus, mémoire'),
      'phrases of 3 words': () => ex.phrases({ n: 3 }),
      'entity network': () => ex.network(),
      'figures': () => ex.figures(),
    };
    const res = { first_call_ms: Math.round(first) };
    for (const [name, f] of Object.entries(cases)) {
      const s0 = performance.now();
      const a = await f();
      const once = performance.now() - s0;
      const ms = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await f();
        ms.push(performance.now() - s);
      }
      ms.sort((x, y) => x - y);
      res[name] = { first_ms: +once.toFixed(1), median_ms: +ms[ms.length >> 1].toFixed(1), min_ms: +ms[0].toFixed(1), total: typeof a.total === 'number' ? a.total : typeof a.hits === 'number' ? a.hits : typeof a.docs === 'number' ? a.docs : undefined };
    }
    return res;
  }, runs);
  console.log(JSON.stringify({ site, runs, ...out }, null, 1));
  if (page.problems.length) console.error(page.problems.join('\n'));
} finally {
  await browser.close();
  await srv.close();
}
