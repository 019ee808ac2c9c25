// Where a search's time goes in the browser, per query of a judged set:
// the whole search() call, an empty call (documents({limit: 0}): the
// round trip to the worker, reading the arguments and writing the answer,
// with no engine work), and JSON.parse of the answer; in worker and
// main-thread modes, after one warm-up pass; with the Go collections
// (stats().num_gc) the queries caused. Each figure is a query's mean over
// -reps repetitions; p50, p95 and max over the queries.
//
//   node tools/bench/breakdown.mjs [-reps 30] [SITE=build/site] [QUERIES.json ...]
//
// SITE is a folder with explorer.js, explorer.wasm and wasm_exec.js
// (make site); the queries default to tools/bench/queries-seeds.json and
// queries-absent.json.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, newPage, repo } from '../../web/test/helpers.mjs';

const args = process.argv.slice(2);
let reps = 30;
let site = path.join(repo, 'build/site');
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-reps') reps = Number(args[++i]);
  else if (args[i].endsWith('.json')) files.push(path.resolve(args[i]));
  else site = path.resolve(args[i]);
}
if (files.length === 0) files.push(path.join(repo, 'tools/bench/queries-seeds.json'), path.join(repo, 'tools/bench/queries-absent.json'));
const queries = files.flatMap((f) => JSON.parse(fs.readFileSync(f, 'utf8')).queries.map((q) => q.q));

const srv = await serve(site, { csp: false });
const browser = await launch();
try {
  const page = await newPage(browser);
  // A blank page of the site's origin: the explorer alone, no page around it.
  await page.route('**/__blank.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>breakdown</title>' }));
  await page.goto(srv.url + '__blank.html');
  const out = await page.evaluate(async ([qs, reps]) => {
    const { load } = await import('./explorer.js');
    const pct = (xs, p) => {
      const s = [...xs].sort((a, b) => a - b);
      return Math.round(s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)] * 1000) / 1000;
    };
    const sum = (xs) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95), max: pct(xs, 1) });
    const res = {};
    for (const worker of [true, false]) {
      const ex = await load({ worker });
      for (const q of qs) await ex.search(q, { limit: 10 }); // warm-up
      const s0 = await ex.stats();
      const search = [], empty = [], parse = [];
      for (const q of qs) {
        let t = performance.now();
        let r;
        for (let i = 0; i < reps; i++) r = await ex.search(q, { limit: 10 });
        search.push((performance.now() - t) / reps);
        t = performance.now();
        for (let i = 0; i < reps; i++) await ex.documents({ offset: 0, limit: 0 });
        empty.push((performance.now() - t) / reps);
        const json = JSON.stringify(r);
        t = performance.now();
        for (let i = 0; i < reps; i++) JSON.parse(json);
        parse.push((performance.now() - t) / reps);
      }
      const s1 = await ex.stats();
      res[worker ? 'worker' : 'main'] = {
        search: sum(search), emptyCall: sum(empty), jsonParse: sum(parse),
        goCollections: s1.num_gc - s0.num_gc, calls: s1.calls - s0.calls,
        slowest: qs.map((q, i) => [q, Math.round(search[i] * 1000) / 1000]).sort((a, b) => b[1] - a[1]).slice(0, 3),
      };
      await ex.close();
    }
    return res;
  }, [queries, reps]);
  console.log(JSON.stringify({ site, queries: queries.length, reps, ...out }));
} finally {
  await browser.close();
  await srv.close();
}
