// make soak: 100,000 searches with random queries through the explorer's
// worker in headless Chromium. Memory, as stats() reports it after a
// collection, must stay within 10% of its level after the first 1,000
// searches; the exported Go functions (stats().funcs) must stay the same
// and the JavaScript values Go holds (stats().js_refs) must not grow. Prints the figures;
// exits 1 on failure.
//
//   node tools/soak/soak.mjs            (after make site)
//   SOAK_SEARCHES=20000 node tools/soak/soak.mjs
import { serve, launch } from '../../wasm/test/server.mjs';

const TOTAL = Number(process.env.SOAK_SEARCHES || 100000);
const WARMUP = 1000;
const SAMPLES = 20;
const TOLERANCE = 0.10;
const JS_REFS_SLACK = 16;

const server = await serve();
const browser = await launch();
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.goto(`${server.url}/test/page.html`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  console.log(`soak: ${TOTAL} searches through the worker in headless Chromium`);

  const result = await page.evaluate(async ({ total, warmup, samples }) => {
    const { load } = await import('/explorer.js');
    const ex = await load();
    // Words of the corpus, and a seeded generator, for reproducible queries.
    const words = new Set();
    for (const d of await ex.documents()) {
      const doc = await ex.document(d.id);
      for (const w of doc.text.split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) words.add(w);
    }
    const vocab = [...words];
    let seed = 42;
    const rand = (n) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const typo = (w) => {
      const i = rand(w.length);
      return w.slice(0, i) + String.fromCharCode(97 + rand(26)) + w.slice(i + 1);
    };
    const query = () => {
      switch (rand(10)) {
        case 0: return typo(vocab[rand(vocab.length)]);
        case 1: return vocab[rand(vocab.length)].slice(0, 1 + rand(4)); // typing
        case 2: return `"${vocab[rand(vocab.length)]} ${vocab[rand(vocab.length)]}"`;
        case 3: return Array.from({ length: 1 + rand(30) }, () => String.fromCodePoint(rand(0x2fff) + 32)).join('');
        case 4: return 'x'.repeat(500 + rand(2000)); // some over the limit: rejected
        default: return Array.from({ length: 1 + rand(3) }, () => vocab[rand(vocab.length)]).join(' ');
      }
    };
    const options = () => (rand(4) === 0 ? { limit: 1 + rand(50), offset: rand(20), sort: rand(2) ? 'date' : 'relevance' } : undefined);

    const figures = (s, done) => ({ done, memory_bytes: s.memory_bytes, heap_inuse: s.heap_inuse, heap_alloc: s.heap_alloc, go_sys: s.go_sys, funcs: s.funcs, js_refs: s.js_refs, num_gc: s.num_gc, js_heap: performance.memory ? performance.memory.usedJSHeapSize : null });
    const sampleEvery = Math.max(1, Math.floor((total - warmup) / samples));
    const batch = 50;
    let done = 0;
    let answered = 0;
    let rejected = 0;
    let base = null;
    const trace = [];
    const latencies = [];
    const t0 = performance.now();
    while (done < total) {
      const n = Math.min(batch, total - done);
      const t = performance.now();
      const calls = [];
      for (let i = 0; i < n; i++) calls.push(ex.search(query(), options()).then(() => answered++, () => rejected++));
      await Promise.all(calls);
      latencies.push((performance.now() - t) / n);
      const before = done;
      done += n;
      if (before < warmup && done >= warmup) {
        base = figures(await ex.stats({ gc: true }), done);
        trace.push(base);
      } else if (base && Math.floor(before / sampleEvery) !== Math.floor(done / sampleEvery)) {
        trace.push(figures(await ex.stats({ gc: true }), done));
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const last = figures(await ex.stats({ gc: true }), done);
    trace.push(last);
    const final = await ex.stats();
    await ex.close();
    latencies.sort((a, b) => a - b);
    return { trace, answered, rejected, seconds, vocab: vocab.length, mode: final.mode, calls: final.calls, panics: final.panics, p50: latencies[Math.floor(latencies.length / 2)], p95: latencies[Math.floor(latencies.length * 0.95)] };
  }, { total: TOTAL, warmup: WARMUP, samples: SAMPLES });

  const { trace } = result;
  const base = trace[0];
  const last = trace.at(-1);
  const mb = (n) => (n / 1048576).toFixed(2);
  console.log(`mode ${result.mode}; vocabulary ${result.vocab} words; ${result.answered} answered, ${result.rejected} rejected (over-long queries), ${result.panics} panics`);
  console.log(`${(result.answered + result.rejected)} searches in ${result.seconds.toFixed(1)} s: ${((result.answered + result.rejected) / result.seconds).toFixed(0)} searches/s; per search in batches of 50: p50 ${result.p50.toFixed(3)} ms, p95 ${result.p95.toFixed(3)} ms`);
  console.log('  searches  wasm memory MB  heap in use MB  heap alloc MB  funcs  js_refs  GCs  page JS heap MB');
  for (const f of trace) {
    console.log(`  ${String(f.done).padStart(8)}  ${mb(f.memory_bytes).padStart(14)}  ${mb(f.heap_inuse).padStart(14)}  ${mb(f.heap_alloc).padStart(13)}  ${String(f.funcs).padStart(5)}  ${String(f.js_refs).padStart(7)}  ${String(f.num_gc).padStart(3)}  ${f.js_heap === null ? '-' : mb(f.js_heap).padStart(15)}`);
  }
  const checks = [
    ['all searches answered', result.answered + result.rejected === TOTAL],
    ['no panics', result.panics === 0],
    [`wasm memory within ${TOLERANCE * 100}% of its level after ${WARMUP} (${mb(base.memory_bytes)} -> ${mb(last.memory_bytes)} MB)`, last.memory_bytes <= base.memory_bytes * (1 + TOLERANCE)],
    [`Go heap in use within ${TOLERANCE * 100}% (${mb(base.heap_inuse)} -> ${mb(last.heap_inuse)} MB)`, trace.every((f) => f.heap_inuse <= base.heap_inuse * (1 + TOLERANCE))],
    [`exported functions constant (${base.funcs} -> ${last.funcs})`, trace.every((f) => f.funcs === base.funcs)],
    // Go releases its references to JavaScript values in finalizers, after
    // a collection: a handful come and go, a leak would add one per call.
    [`JavaScript values held by Go steady (${base.js_refs} -> ${last.js_refs}, at most ${Math.max(...trace.map((f) => f.js_refs))})`, trace.every((f) => f.js_refs <= base.js_refs + JS_REFS_SLACK)],
  ];
  for (const [what, ok] of checks) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failed = true;
  }
} catch (err) {
  console.error(`soak: ${err.stack || err}`);
  failed = true;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
