// The request waterfall of cold loads of the benchmark's page (page/index.html,
// harness.mjs and an engine's adapter), under the benchmark's emulated
// network (10 Mbit/s down, 100 ms round trip, brotli on the wire) or on
// loopback (-fast): every request of the page and of its workers (CDP
// Network events; a worker's through its own target), with when it was
// sent, when its first byte and its last arrived (ms from navigation) and
// its bytes on the wire (for a body handed on as a stream, the module's,
// from its data events), then the harness's figures (index open, first
// answer); and, before the first answer, the requests and their bytes, the
// chain of dependent requests that led to the last of them (each sent
// once the one that ended last before it had arrived), and how long after
// the module's last byte the index opened and the first answer came. A
// tool for finding round trips and serial waits, not a test.
//
//   node tools/bench/waterfall.mjs [-runs 3] [-fast] [-engine explorer-split] [-all] [-app] (CORPUS-DIR | SITE-DIR)
//
// -app loads the explorer's own page (the index.html of a site or of
// dist/, opened on #q=QUERY) instead of the benchmark's, and its first
// answer is when the first hit is shown.
//
// A corpus folder is built first (explorer build -split on, or off for
// -engine explorer, into a temporary folder, as make bench does); a site
// folder (one with explorer.wasm, or a peer's site kept from make bench)
// is served as it is. Requests for text packs sent after the first answer
// (a split build's snippets) are left out unless -all.
import { createHash } from 'node:crypto';
import { access, copyFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as Z } from 'node:zlib';
import { serve, launch } from '../../wasm/test/server.mjs';
import { repo, buildTool, buildExplorerSite } from './explorer-site.mjs';

const args = process.argv.slice(2);
let runs = 3;
let slow = true;
let engine = 'explorer-split';
let all = false;
let app = false;
let dir = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-runs') runs = Number(args[++i]);
  else if (args[i] === '-fast') slow = false;
  else if (args[i] === '-engine') engine = args[++i];
  else if (args[i] === '-all') all = true;
  else if (args[i] === '-app') app = true;
  else if (!args[i].startsWith('-') && dir === null) dir = resolve(args[i]);
  else throw new Error(`unknown argument ${args[i]} (want -runs N, -fast, -engine NAME, -all, -app, and a corpus or site folder)`);
}
if (dir === null) throw new Error('usage: node tools/bench/waterfall.mjs [-runs 3] [-fast] [-engine explorer-split] [-all] [-app] (CORPUS-DIR | SITE-DIR)');

const page = join(repo, 'tools', 'bench', 'page');
const work = await mkdtemp(join(tmpdir(), 'waterfall-'));
const site = join(work, 'site');
const isSite = app || await access(join(dir, 'explorer.wasm')).then(() => true, () => access(join(dir, 'engine.mjs')).then(() => true, () => false));
if (isSite) await cp(dir, site, { recursive: true });
else {
  const built = await buildExplorerSite(dir, buildTool(work), join(work, 'build'), { split: engine === 'explorer-split' ? 'on' : 'off' });
  await cp(built.site, site, { recursive: true });
}
if (!app) {
  for (const f of ['index.html', 'longtasks.js', 'harness.mjs']) await copyFile(join(page, f), join(site, f));
  await copyFile(join(page, 'engines', `${engine}.mjs`), join(site, 'engine.mjs'));
}

// Brotli 11 as a host would precompress, each file once; the page's own
// files are compressed before the first load, so that no load waits for it.
const brotlis = new Map();
const brotli = (body) => {
  const key = createHash('sha1').update(body).digest('hex');
  if (!brotlis.has(key)) brotlis.set(key, brotliCompressSync(body, { params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_SIZE_HINT]: body.byteLength, [Z.BROTLI_PARAM_LGWIN]: 24 } }));
  return brotlis.get(key);
};
if (slow) for (const f of await readdir(site, { recursive: true })) if (/\.(wasm|m?js|json|html|css)$/.test(f)) brotli(await readFile(join(site, f)));
const server = await serve(site, { encode: slow ? brotli : undefined });

const SLOW = { offline: false, latency: 100, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
const query = JSON.parse(await readFile(join(repo, 'tools', 'bench', 'queries-fr-manpages.json'), 'utf8')).queries[0].q;
const browser = await launch();
const ms = (x) => String(Math.round(x)).padStart(6);
try {
  const firsts = [];
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      const requests = new Map();
      let t0 = null;
      const record = (who) => (method, p) => {
        const key = who + p.requestId;
        if (method === 'Network.requestWillBeSent') {
          t0 ??= p.timestamp;
          requests.set(key, { who, url: p.request.url.replace(server.url + '/', ''), sent: p.timestamp });
        }
        const q = requests.get(key);
        if (!q) return;
        if (method === 'Network.responseReceived') q.first = p.timestamp;
        // A body handed on as a stream (the module, to the worker) may
        // never report loadingFinished: its data events say when and how
        // much arrived.
        if (method === 'Network.dataReceived') {
          q.lastData = p.timestamp;
          q.dataBytes = (q.dataBytes ?? 0) + p.encodedDataLength;
        }
        if (method === 'Network.loadingFinished') {
          q.last = q.end = p.timestamp;
          q.bytes = p.encodedDataLength;
        }
      };
      for (const m of ['Network.requestWillBeSent', 'Network.responseReceived', 'Network.dataReceived', 'Network.loadingFinished']) cdp.on(m, (p) => record('page')(m, p));
      let id = 1;
      cdp.on('Target.attachedToTarget', (e) => {
        if (e.targetInfo.type !== 'worker') return;
        const msgs = [{ method: 'Network.enable' }, ...(slow ? [{ method: 'Network.emulateNetworkConditions', params: SLOW }] : [])];
        for (const m of msgs) cdp.send('Target.sendMessageToTarget', { sessionId: e.sessionId, message: JSON.stringify({ id: id++, ...m }) }).catch(() => {});
      });
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        const m = JSON.parse(e.message);
        if (m.method) record('worker')(m.method, m.params);
      });
      await cdp.send('Network.enable');
      if (slow) await cdp.send('Network.emulateNetworkConditions', SLOW);
      await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
      let b;
      if (app) {
        // The explorer's own page, opened on the query: its first answer
        // is when the first hit is shown.
        // (dist's page renders into the Shadow DOM of <corpus-explorer>.)
        await tab.addInitScript(() => {
          const timer = setInterval(() => {
            const root = document.querySelector('corpus-explorer')?.shadowRoot ?? document;
            if (root.querySelector('.cx-hits > li')) {
              window.firstHitMs = performance.now();
              clearInterval(timer);
            }
          }, 2);
        });
        await tab.goto(`${server.url}/index.html#q=${encodeURIComponent(query)}`, { timeout: 600000 });
        await tab.waitForFunction(() => window.firstHitMs !== undefined, null, { timeout: 600000 });
        b = await tab.evaluate(() => ({ startMs: 0, loadMs: NaN, firstAnswerMs: window.firstHitMs }));
      } else {
        await tab.goto(`${server.url}/index.html?q=${encodeURIComponent(query)}`, { timeout: 600000 });
        await tab.waitForSelector('html[data-ready], html[data-error]', { state: 'attached', timeout: 600000 });
        const error = await tab.evaluate(() => document.documentElement.dataset.error);
        if (error) throw new Error(error.split('\n')[0]);
        b = await tab.evaluate(() => ({ ...window.bench, firstIds: undefined }));
      }
      firsts.push(Math.round(b.firstAnswerMs));
      console.log(`load ${r + 1} (${slow ? 'emulated network' : 'loopback'}, ${app ? "the explorer's page" : engine}, "${query}"): first answer ${b.firstAnswerMs.toFixed(0)} ms` + (app ? '' : `; index open from ${b.startMs.toFixed(0)} to ${(b.startMs + b.loadMs).toFixed(0)} ms`));
      console.log('  thread     sent  first   last  wire B  file   (~: from its data events)');
      const rows = [...requests.values()].sort((a, b) => a.sent - b.sent);
      for (const q of rows) {
        q.end ??= q.lastData;
        q.wire = q.bytes ?? q.dataBytes;
        const since = (t) => (t === undefined ? '     -' : ms((t - t0) * 1000));
        if (!all && /^packs\//.test(q.url) && (q.sent - t0) * 1000 > b.firstAnswerMs) continue;
        const approx = q.last === undefined && q.lastData !== undefined ? '~' : ' ';
        console.log(`  ${q.who.padEnd(7)} ${since(q.sent)} ${since(q.first)} ${since(q.end)}${approx}${String(q.wire ?? '-').padStart(7)}  ${q.url.slice(0, 70)}`);
      }
      // Before the first answer: the bytes, and the chain of requests
      // that led to the last of them, each sent once the one that ended
      // last before it had arrived (what it most likely waited for): the
      // dependent levels, which a faster link would not shorten.
      const answer = t0 + b.firstAnswerMs / 1000;
      const before = rows.filter((q) => q.end !== undefined && q.end <= answer);
      const longest = [];
      for (let q = before.reduce((a, r) => (!a || r.sent > a.sent ? r : a), null); q; ) {
        longest.unshift(q);
        q = before.filter((p) => p.end <= q.sent).reduce((a, p) => (!a || p.end > a.end ? p : a), null);
      }
      const wire = before.reduce((n, q) => n + (q.wire ?? 0), 0);
      console.log(`  before the first answer: ${before.length} requests, ${wire} B on the wire; ${longest.length} dependent levels: ${longest.map((q) => q.url.replace(/\?.*/, '')).join(' -> ')}`);
      const wasm = rows.find((q) => q.url.endsWith('.wasm') && q.end !== undefined);
      if (wasm) {
        const at = (wasm.end - t0) * 1000;
        console.log(`  the module's last byte at ${ms(at).trim()} ms; then` + (app ? '' : ` the index open +${Math.round(b.startMs + b.loadMs - at)} ms,`) + ` the first answer +${Math.round(b.firstAnswerMs - at)} ms`);
      }
    } finally {
      await context.close();
    }
  }
  console.log(`first answers: ${firsts.join(', ')} ms`);
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
