// Highlight agreement between a hit's snippet and the reader's text, on
// misspelt and accent-free queries made from the corpus itself.
//
//   node tools/bench/highlight-agreement.mjs [SITE] [--js-highlighter=DOM.JS]
//
// SITE is a built site (default build/site: explorer.js, explorer.wasm).
// The reader's marks come from the engine (highlights(id, query)), or,
// with --js-highlighter, from the termRanges/queryTerms of that dom.js
// (the page's former JavaScript highlighter), to measure before and after.
//
// Queries: the words of 6 letters or more of the first 300 documents that
// most documents share, 40 with an accent written without it ("strategie")
// and 40 of 7 letters or more with the middle letter left out
// ("permisions"). For each hit of each query, every distinct word of the
// snippet that either side marks counts once: it agrees when the snippet
// marks it exactly when the reader marks it somewhere in the text.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const args = process.argv.slice(2);
const site = path.resolve(args.find((a) => !a.startsWith('--')) || 'build/site');
const jsArg = args.find((a) => a.startsWith('--js-highlighter='));
const jsHL = jsArg ? await import(pathToFileURL(path.resolve(jsArg.split('=')[1])).href) : null;

const { load } = await import(pathToFileURL(path.join(site, 'explorer.js')).href);
const ex = await load({ wasm: await readFile(path.join(site, 'explorer.wasm')), worker: false });

const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const wordRe = /[\p{L}\p{N}]+/gu;

const list = await ex.documents();
const docs = (Array.isArray(list) ? list : list.documents).slice(0, 300);
const texts = new Map();
const df = new Map();
for (const m of docs) {
  const d = await ex.document(m.id);
  texts.set(m.id, d.text);
  const seen = new Set();
  for (const [w] of d.text.matchAll(/\p{L}+/gu)) {
    const l = w.toLowerCase();
    if (l.length >= 6 && !seen.has(l)) {
      seen.add(l);
      df.set(l, (df.get(l) || 0) + 1);
    }
  }
}
const byDF = [...df].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
const accentFree = byDF.filter((w) => fold(w) !== w).slice(0, 40).map(fold);
const misspelt = byDF.filter((w) => w.length >= 7 && !df.has(w.slice(0, w.length >> 1) + w.slice((w.length >> 1) + 1)))
  .slice(0, 40).map((w) => w.slice(0, w.length >> 1) + w.slice((w.length >> 1) + 1));

/** marks maps each lower-cased word of text to whether a range covers it somewhere. */
function marks(text, ranges, out = new Map()) {
  const rs = [...ranges].sort((a, b) => a[0] - b[0]);
  let k = 0;
  for (const m of text.matchAll(wordRe)) {
    const s = m.index, e = s + m[0].length;
    while (k < rs.length && rs[k][1] <= s) k++;
    const on = k < rs.length && rs[k][0] < e;
    const w = m[0].toLowerCase();
    out.set(w, (out.get(w) || false) || on);
  }
  return out;
}

async function readerRanges(id, q) {
  const text = texts.get(id) ?? (await ex.document(id)).text;
  if (jsHL) return [text, jsHL.termRanges(text, jsHL.queryTerms(q))];
  return [text, (await ex.highlights(id, q)).text_highlights];
}

async function measure(queries) {
  let words = 0, agree = 0, hits = 0, hitsAgree = 0;
  const misses = [];
  for (const q of queries) {
    const r = await ex.search(q, { limit: 10 });
    for (const h of r.hits) {
      const sm = marks(h.snippet, h.snippet_highlights);
      const [text, rr] = await readerRanges(h.id, q);
      const rm = marks(text, rr);
      let all = true;
      for (const [w, on] of sm) {
        const other = rm.get(w) || false;
        if (!on && !other) continue;
        words++;
        if (on === other) agree++;
        else {
          all = false;
          if (misses.length < 5) misses.push(`${q}: "${w}" ${on ? 'snippet only' : 'reader only'}`);
        }
      }
      hits++;
      if (all) hitsAgree++;
    }
  }
  return { queries: queries.length, hits, words, agree, pct: words ? +(100 * agree / words).toFixed(1) : 100, hitsPct: hits ? +(100 * hitsAgree / hits).toFixed(1) : 100, misses };
}

const out = { site, reader: jsHL ? 'javascript (' + jsArg.split('=')[1] + ')' : 'engine', documents: docs.length,
  misspelt: await measure(misspelt), accentFree: await measure(accentFree) };
console.log(JSON.stringify(out, null, 1));
await ex.close();
