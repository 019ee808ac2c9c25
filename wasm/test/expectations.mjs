// What the explorer's JavaScript API must do, written once and run both in
// Node (main-thread mode, api.test.mjs) and in headless Chromium (worker and
// main-thread modes, browser.test.mjs): the same expectations in every mode.
// No Node or browser specifics here; `ctx` gives what differs:
//
//   ctx.explorer  an explorer already loaded in the mode under test
//   ctx.load()    loads another one in the same mode
//   ctx.mode      'worker' or 'main', what stats().mode must say

function fail(msg) {
  throw new Error(msg);
}

function ok(cond, msg) {
  if (!cond) fail(msg);
}

function equal(got, want, what) {
  if (got !== want) fail(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

function keys(obj, want, what) {
  ok(obj !== null && typeof obj === 'object' && !Array.isArray(obj), `${what}: not an object: ${JSON.stringify(obj)}`);
  for (const k of want) ok(k in obj, `${what}: no field "${k}" in ${JSON.stringify(Object.keys(obj))}`);
}

function types(obj, spec, what) {
  for (const [k, t] of Object.entries(spec)) {
    const v = obj[k];
    const got = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
    ok(got === t, `${what}.${k}: ${got}, want ${t}`);
  }
}

/** Awaits p, which must reject with an Error whose message matches want. */
async function rejects(p, want, what) {
  let value;
  try {
    value = await p;
  } catch (err) {
    ok(err instanceof Error, `${what}: rejected with a non-Error: ${String(err)}`);
    if (want instanceof RegExp) ok(want.test(err.message), `${what}: message ${JSON.stringify(err.message)} does not match ${want}`);
    else equal(err.message, want, `${what}: message`);
    return err;
  }
  fail(`${what}: resolved with ${JSON.stringify(value).slice(0, 200)}, want a rejection`);
}

/** The longest word of text, a good query to find its document. */
function longestWord(text) {
  let best = '';
  for (const w of text.split(/[^\p{L}]+/u)) if (w.length > best.length && w.length < 20) best = w;
  return best;
}

const DOC_META = ['id', 'path', 'title', 'title_derived', 'date', 'author', 'lang', 'words'];
const DOCUMENT = [...DOC_META, 'encoding', 'repairs', 'invalid_bytes', 'warnings', 'text', 'blocks', 'paragraphs', 'headings', 'boilerplate', 'sentences', 'keywords', 'entities', 'related'];
const HIT = ['id', 'title', 'date', 'author', 'score', 'snippet', 'snippet_highlights', 'title_highlights'];
const STATS = ['documents', 'words', 'index_bytes', 'heap_alloc', 'heap_inuse', 'heap_sys', 'go_sys', 'num_gc', 'funcs', 'calls', 'errors', 'panics', 'memory_bytes', 'js_refs', 'mode', 'fallback', 'wasm_bytes', 'load_ms'];

function checkRanges(ranges, text, what) {
  ok(Array.isArray(ranges), `${what}: not an array`);
  for (const r of ranges) {
    ok(Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]), `${what}: bad range ${JSON.stringify(r)}`);
    ok(r[0] >= 0 && r[0] < r[1] && r[1] <= text.length, `${what}: range ${JSON.stringify(r)} outside a text of ${text.length} UTF-16 units`);
  }
}

/** Each case: [name, async (ctx) => void]. */
export const cases = [
  ['documents() lists every document with its metadata', async ({ explorer }) => {
    const docs = await explorer.documents();
    ok(Array.isArray(docs) && docs.length > 0, 'documents() is not a non-empty array');
    const ids = new Set();
    for (const d of docs) {
      keys(d, DOC_META, 'documents()[i]');
      types(d, { id: 'string', path: 'string', title: 'string', title_derived: 'boolean', date: 'string', author: 'string', lang: 'string', words: 'number' }, 'documents()[i]');
      ok(!ids.has(d.id), `duplicate id ${d.id}`);
      ids.add(d.id);
    }
    const s = await explorer.stats();
    equal(s.documents, docs.length, 'stats().documents');
    equal((await explorer.overview()).documents, docs.length, 'overview().documents');
    // A page at a time, in the same order.
    const paged = [];
    for (let offset = 0; offset <= docs.length; offset += 2) paged.push(...await explorer.documents({ offset, limit: 2 }));
    equal(JSON.stringify(paged.map((d) => d.id)), JSON.stringify(docs.map((d) => d.id)), 'documents() in pages of 2');
    equal((await explorer.documents({ limit: 0 })).length, 0, 'documents({limit: 0})');
  }],

  ['document(id) returns the whole document with UTF-16 offsets', async ({ explorer }) => {
    for (const meta of await explorer.documents()) {
      const d = await explorer.document(meta.id);
      keys(d, DOCUMENT, `document(${meta.id})`);
      equal(d.id, meta.id, 'document().id');
      equal(d.title, meta.title, 'document().title');
      for (const b of d.blocks) ok(b.start >= 0 && b.start <= b.end && b.end <= d.text.length, `block ${JSON.stringify(b)} outside the text (${d.text.length})`);
      for (const s of d.sentences) equal(d.text.slice(s.start, s.end), s.text, `sentence at ${s.start} of ${meta.id}`);
    }
  }],

  ['search() answers with hits, highlights in UTF-16, seq and stale', async ({ explorer }) => {
    const [first] = await explorer.documents();
    const d = await explorer.document(first.id);
    const q = longestWord(d.text);
    ok(q.length > 3, `no word to search in ${first.id}`);
    const r = await explorer.search(q);
    keys(r, ['query', 'total', 'partial', 'suggestion', 'hits', 'seq', 'stale'], 'search()');
    types(r, { query: 'string', total: 'number', partial: 'boolean', suggestion: 'string', hits: 'array', seq: 'number', stale: 'boolean' }, 'search()');
    equal(r.query, q, 'search().query');
    equal(r.stale, false, 'search().stale of a lone search');
    ok(r.total >= r.hits.length, 'total < hits');
    ok(r.hits.some((h) => h.id === first.id), `searching "${q}" does not find ${first.id}`);
    for (const h of r.hits) {
      keys(h, HIT, 'hit');
      types(h, { id: 'string', title: 'string', score: 'number', snippet: 'string' }, 'hit');
      checkRanges(h.snippet_highlights, h.snippet, 'snippet_highlights');
      checkRanges(h.title_highlights, h.title, 'title_highlights');
    }
    const limited = await explorer.search(q, { limit: 1, offset: 0, sort: 'date', filters: { author: '', dateFrom: '1900', dateTo: '2100-12-31' } });
    ok(limited.hits.length <= 1, 'limit 1 gave more hits');
    const explained = await explorer.search(q, { explain: true });
    ok(Array.isArray(explained.explain), 'explain: true gave no explain array');
    ok(r.seq < limited.seq && limited.seq < explained.seq, 'seq does not increase');
    const none = await explorer.search(q, { offset: 1000000 });
    equal(none.hits.length, 0, 'hits at offset 1,000,000');
    const empty = await explorer.search('');
    ok(Array.isArray(empty.hits), 'empty query');
  }],

  ['only the latest of overlapping searches is current', async ({ explorer }) => {
    const a = explorer.search('premier');
    const b = explorer.search('second');
    const c = explorer.search('x'.repeat(5000)); // rejected, still counts
    const d = explorer.search('dernier');
    const [ra, rb, rc, rd] = await Promise.allSettled([a, b, c, d]);
    equal(ra.value.stale, true, 'first search stale');
    equal(rb.value.stale, true, 'second search stale');
    equal(rc.status, 'rejected', 'long search');
    equal(rc.reason.stale, true, 'rejected search stale');
    equal(rd.value.stale, false, 'last search stale');
    equal(rd.value.seq, ra.value.seq + 3, 'seq of the last search');
    equal(rc.reason.seq, ra.value.seq + 2, 'seq on the rejected search');
  }],

  ['search() with a summary and highlights() mark the same words as the snippets', async ({ explorer }) => {
    const [first] = await explorer.documents();
    const d = await explorer.document(first.id);
    const q = longestWord(d.text);
    const r = await explorer.search(q, { limit: 20, summary: { sentences: 2 } });
    keys(r, ['hits', 'summary'], 'search(q, {summary})');
    keys(r.summary, ['query', 'sentences'], 'search(q, {summary}).summary');
    equal(r.summary.query, q, 'summary.query');
    ok(r.summary.sentences.length > 0 && r.summary.sentences.length <= 2, `${r.summary.sentences.length} summary sentences`);
    const marked = (text, ranges) => ranges.map(([s, e]) => text.slice(s, e).toLowerCase());
    for (const x of r.summary.sentences) {
      checkRanges(x.highlights, x.text, 'summary highlights');
      ok(x.highlights.length > 0, `summary sentence ${JSON.stringify(x.text)} marks nothing`);
    }
    ok(!('summary' in (await explorer.search(q))), 'summary without being asked');
    const hit = r.hits.find((h) => h.id === first.id);
    const h = await explorer.highlights(first.id, q);
    keys(h, ['id', 'query', 'title_highlights', 'text_highlights'], 'highlights()');
    checkRanges(h.text_highlights, d.text, 'text_highlights');
    checkRanges(h.title_highlights, d.title, 'title_highlights');
    const inText = new Set(marked(d.text, h.text_highlights));
    for (const w of marked(hit.snippet, hit.snippet_highlights)) ok(inText.has(w), `the snippet marks ${w}, the text does not`);
    await rejects(explorer.highlights('no such id', q), /no such document/, 'highlights() of an unknown id');
    await rejects(explorer.search(q, { summary: { sentences: 1000 } }), /sentences out of range/, 'search() summary too long');
  }],

  ['summarize() and summarizeQuery() give sentences with UTF-16 offsets', async ({ explorer }) => {
    const [first] = await explorer.documents();
    const d = await explorer.document(first.id);
    const s = await explorer.summarize(first.id);
    keys(s, ['id', 'sentences'], 'summarize()');
    equal(s.id, first.id, 'summarize().id');
    ok(s.sentences.length > 0 && s.sentences.length <= 3, `default summary has ${s.sentences.length} sentences`);
    for (const x of s.sentences) {
      keys(x, ['id', 'index', 'start', 'end', 'text', 'score'], 'summary sentence');
      equal(d.text.slice(x.start, x.end), x.text, 'summary sentence text at its offsets');
    }
    const one = await explorer.summarize(first.id, { sentences: 1 });
    equal(one.sentences.length, 1, 'summarize({sentences: 1})');
    const words = await explorer.summarize(first.id, { words: 40 });
    ok(words.sentences.length >= 1, 'summarize({words: 40}) is empty');
    const q = await explorer.summarizeQuery(longestWord(d.text), { sentences: 2 });
    keys(q, ['query', 'sentences'], 'summarizeQuery()');
    ok(q.sentences.length <= 2, 'summarizeQuery({sentences: 2}) too long');
  }],

  ['related(), overview(), suggest() and stats() answer', async ({ explorer, mode }) => {
    const [first] = await explorer.documents();
    const rel = await explorer.related(first.id);
    ok(Array.isArray(rel), 'related() is not an array');
    for (const r of rel) keys(r, ['id', 'title', 'score', 'shared'], 'related()[i]');
    equal((await explorer.related(first.id, { limit: 0 })).length, 0, 'related(id, {limit: 0})');
    const ov = await explorer.overview();
    keys(ov, ['documents', 'words', 'bytes', 'date_from', 'date_to', 'languages', 'summary', 'keywords', 'entities'], 'overview()');
    const sug = await explorer.suggest('a');
    ok(Array.isArray(sug) && sug.every((s) => typeof s === 'string') && sug.length <= 10, 'suggest() is not a list of at most 10 strings');
    ok((await explorer.suggest('a', { limit: 2 })).length <= 2, 'suggest limit 2');
    const s = await explorer.stats();
    keys(s, STATS, 'stats()');
    equal(s.mode, mode, 'stats().mode');
    equal(s.funcs, 21, 'stats().funcs (exported functions: the methods of wasm/api.js)');
    ok(s.wasm_bytes > 100000, `stats().wasm_bytes = ${s.wasm_bytes}`);
    ok(s.memory_bytes >= s.go_sys / 2 && s.heap_alloc > 0, 'memory figures');
    const g = await explorer.stats({ gc: true });
    ok(g.num_gc >= 1, 'stats({gc: true}) ran no GC');
  }],

  ['bad calls reject with a clear Error and the next call works', async ({ explorer }) => {
    const [first] = await explorer.documents();
    const huge = 'x'.repeat(100000);
    const table = [
      ['search', [], 'search: query must be a string, got undefined'],
      ['search', [42], 'search: query must be a string, got number'],
      ['search', [null], 'search: query must be a string, got null'],
      ['search', [['a']], 'search: query must be a string, got array'],
      ['search', [{ q: 'a' }], 'search: query must be a string, got object'],
      ['search', [huge], 'search: query too long: 100000 characters, the limit is 1000 characters'],
      ['search', ['é'.repeat(1001)], 'search: query too long: 1001 characters, the limit is 1000 characters'],
      ['search', ['q', 'limit'], 'search: options must be an object, got string'],
      ['search', ['q', {}, 'extra'], 'search: takes at most 2 arguments, got 3'],
      ['search', ['q', { limt: 5 }], 'search: unknown option "limt" in options; known: limit, offset, sort, filters, explain, asTyped, summary'],
      ['search', ['q', { limit: NaN }], 'search: options.limit must be a finite number, got NaN'],
      ['search', ['q', { limit: Infinity }], 'search: options.limit must be a finite number, got Infinity'],
      ['search', ['q', { limit: -1 }], 'search: options.limit out of range: -1, want 0 to 1000'],
      ['search', ['q', { limit: 1e300 }], 'search: options.limit out of range: 1e+300, want 0 to 1000'],
      ['search', ['q', { limit: Number.MAX_SAFE_INTEGER }], 'search: options.limit out of range: 9007199254740991, want 0 to 1000'],
      ['search', ['q', { limit: 2.5 }], 'search: options.limit must be an integer, got 2.5'],
      ['search', ['q', { limit: '10' }], 'search: options.limit must be a number, got string'],
      ['search', ['q', { offset: -3 }], 'search: options.offset out of range: -3, want 0 to 1000000'],
      ['search', ['q', { sort: 'size' }], 'search: unknown sort "size": want "relevance" or "date"'],
      ['search', ['q', { explain: 'yes' }], 'search: options.explain must be a boolean, got string'],
      ['search', ['q', { filters: { date: '2020' } }], 'search: unknown option "date" in options.filters; known: author, dateFrom, dateTo, section, tag'],
      ['search', ['q', { filters: { dateFrom: 'yesterday' } }], 'search: dateFrom is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "yesterday"'],
      ['search', ['q', { filters: { dateTo: '2020-01-01T00:00' } }], 'search: options.filters.dateTo too long: 16 characters, the limit is 10 characters'],
      ['search', ['q', { filters: { author: 7 } }], 'search: options.filters.author must be a string, got number'],
      ['search', ['q', { limit: () => 10 }], 'search: options.limit must be plain data, got function'],
      ['search', [Symbol('q')], 'search: query must be plain data, got symbol'],
      ['search', [10n], 'search: query must be plain data, got bigint'],
      ['search', ['q', new Date(0)], 'search: options must be plain data, got Date'],
      ['search', ['q', { a: { b: { c: { d: { e: 1 } } } } }], 'search: options.a.b.c.d is nested too deep'],
      ['summarize', ['no/such/document'], 'summarize: document "no/such/document": no such document'],
      ['summarize', [first.id, { sentences: 1000 }], 'summarize: options.sentences out of range: 1000, want 0 to 100'],
      ['summarize', [first.id, { words: -5 }], 'summarize: options.words out of range: -5, want 0 to 10000'],
      ['summarize', [first.id, { sentences: NaN }], 'summarize: options.sentences must be a finite number, got NaN'],
      ['summarize', [], 'summarize: id must be a string, got undefined'],
      ['summarizeQuery', [huge], 'summarizeQuery: query too long: 100000 characters, the limit is 1000 characters'],
      ['summarizeQuery', [5], 'summarizeQuery: query must be a string, got number'],
      ['document', ['nope'], 'document: document "nope": no such document'],
      ['document', [huge], 'document: id too long: 100000 characters, the limit is 1000 characters'],
      ['document', [{}], 'document: id must be a string, got object'],
      ['document', [first.id, 'extra'], 'document: takes at most 1 argument, got 2'],
      ['documents', ['extra'], 'documents: options must be an object, got string'],
      ['documents', [{}, 1], 'documents: takes at most 1 argument, got 2'],
      ['documents', [{ limit: 1001 }], 'documents: options.limit out of range: 1001, want 0 to 1000'],
      ['related', ['nope'], 'related: document "nope": no such document'],
      ['related', [first.id, { limit: -1 }], 'related: options.limit out of range: -1, want 0 to 1000'],
      ['related', [first.id, { limit: 1e9 }], 'related: options.limit out of range: 1000000000, want 0 to 1000'],
      ['overview', [1], 'overview: takes at most 0 arguments, got 1'],
      ['suggest', [huge], 'suggest: prefix too long: 100000 characters, the limit is 1000 characters'],
      ['suggest', [undefined], 'suggest: prefix must be a string, got undefined'],
      ['suggest', ['a', { limit: NaN }], 'suggest: options.limit must be a finite number, got NaN'],
      ['stats', [{ gc: 1 }], 'stats: options.gc must be a boolean, got number'],
      ['stats', [{ verbose: true }], 'stats: unknown option "verbose" in options; known: gc'],
    ];
    const before = await explorer.stats();
    for (const [method, args, want] of table) {
      await rejects(explorer[method](...args), want, `${method}(${args.map((a) => typeof a === 'string' && a.length > 20 ? `<${a.length} chars>` : typeof a).join(', ')})`);
      const docs = await explorer.documents();
      ok(docs.length > 0, `documents() after a bad ${method}()`);
    }
    const after = await explorer.stats();
    equal(after.panics, before.panics, 'panics during bad calls');
  }],

  ['1,000 calls in flight at once all answer', async ({ explorer }) => {
    const docs = await explorer.documents();
    const calls = [];
    for (let i = 0; i < 1000; i++) {
      const d = docs[i % docs.length];
      switch (i % 8) {
        case 0: calls.push(explorer.search(`q${i}`, { limit: 5 })); break;
        case 1: calls.push(explorer.search(i, { limit: NaN })); break; // rejected
        case 2: calls.push(explorer.summarize(d.id, { sentences: 2 })); break;
        case 3: calls.push(explorer.document(`missing-${i}`)); break; // rejected
        case 4: calls.push(explorer.related(d.id, { limit: 3 })); break;
        case 5: calls.push(explorer.suggest(String.fromCharCode(97 + (i % 26)))); break;
        case 6: calls.push(explorer.document(d.id)); break;
        default: calls.push(explorer.overview());
      }
    }
    const settled = await Promise.all(calls.map((p) => p.then(() => 'ok', (e) => (e instanceof Error ? 'error' : 'other'))));
    equal(settled.length, 1000, 'settled calls');
    equal(settled.filter((s) => s === 'ok').length, 750, 'calls answered');
    equal(settled.filter((s) => s === 'error').length, 250, 'calls rejected with an Error');
    const last = await explorer.search('après');
    equal(last.stale, false, 'the search after the burst');
  }],

  ['two explorers coexist and close() releases everything', async ({ load, mode }) => {
    const a = await load();
    const b = await load();
    const [da, db] = await Promise.all([a.documents(), b.documents()]);
    equal(da.length, db.length, 'documents of two explorers');
    equal((await a.stats()).mode, mode, 'mode');
    const pending = a.search('avant');
    await a.close();
    ok(Array.isArray((await pending).hits), 'a search made before close() is answered');
    await rejects(a.search('après'), 'search: the explorer is closed', 'search after close');
    await rejects(a.stats(), 'stats: the explorer is closed', 'stats after close');
    await a.close(); // twice is fine
    equal((await b.documents()).length, db.length, 'the other explorer after one closed');
    const s = await b.stats();
    equal(s.funcs, 21, 'functions exported by the other explorer');
    await b.close();
  }],
];

/**
 * Runs every case with ctx and returns [{name, ok, message}], for runners
 * that report outside (the browser page).
 */
export async function runAll(ctx) {
  const results = [];
  for (const [name, fn] of cases) {
    try {
      await fn(ctx);
      results.push({ name, ok: true });
    } catch (err) {
      results.push({ name, ok: false, message: err && err.stack ? err.stack : String(err) });
    }
  }
  return results;
}
