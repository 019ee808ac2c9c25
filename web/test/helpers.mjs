// Shared helpers for the page's end-to-end tests: a tiny static server on
// 127.0.0.1 and headless Chromium through playwright-core.
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The site the tests run against: $SITE or build/site. */
export const siteDir = process.env.SITE_DIR || path.join(repo, 'build/site');
const axeFile = path.join(repo, 'node_modules/axe-core/axe.min.js');
const fixtures = path.join(repo, 'web/test/fixtures');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ts': 'text/plain; charset=utf-8', '.bin': 'application/octet-stream', '.webmanifest': 'application/manifest+json',
};

/**
 * serve starts a static server for dir on 127.0.0.1 (a free port), sending
 * the strict CSP with a report endpoint; violation reports are collected in
 * server.cspReports. Returns {url, close(), cspReports, setDir(dir)}.
 * Options: csp (true: the strict policy; a string: that policy; false:
 * none); base, the path dir is served under ('/some/path/'; server.url
 * points there); wasmType, the Content-Type of .wasm files; precompressed,
 * serve a file's .br or .gz sibling when the browser accepts it; cors, send
 * Access-Control-Allow-Origin: *; immutable, a RegExp of the paths sent
 * with Cache-Control: max-age=31536000, immutable (the others get
 * no-cache). Every request's path is recorded in server.requests, in order.
 */
export async function serve(dir = siteDir, { csp = true, base = '/', wasmType = 'application/wasm', precompressed = false, cors = false, immutable = null } = {}) {
  const cspReports = [];
  const requests = [];
  const policy = csp === true ? CSP : csp;
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    requests.push(u.pathname);
    if (u.pathname === '/__csp') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { cspReports.push(body); res.writeHead(204).end(); });
      return;
    }
    let p = decodeURIComponent(u.pathname);
    if (p.endsWith('/')) p += 'index.html';
    // axe-core, served same-origin so that the CSP lets the tests inject it.
    let file = path.join(dir, path.normalize(p.startsWith(base) ? p.slice(base.length - 1) : '/__outside_base'));
    if (p === '/__test/axe.min.js') file = axeFile;
    else if (p.startsWith('/__test/')) file = path.join(fixtures, path.basename(p));
    else if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    const type = path.extname(file) === '.wasm' ? wasmType : types[path.extname(file)] || 'application/octet-stream';
    let encoding = null;
    if (precompressed) {
      const accept = String(req.headers['accept-encoding'] || '');
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (accept.includes(enc) && fs.existsSync(file + ext)) {
          encoding = enc;
          file += ext;
          break;
        }
      }
    }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const headers = { 'content-type': type, 'cache-control': immutable && immutable.test(u.pathname) ? 'public, max-age=31536000, immutable' : 'no-cache' };
      if (encoding) { headers['content-encoding'] = encoding; headers.vary = 'Accept-Encoding'; }
      if (cors) headers['access-control-allow-origin'] = '*';
      if (policy) headers['content-security-policy'] = policy + '; report-uri /__csp';
      res.writeHead(200, headers).end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    origin: `http://127.0.0.1:${port}`,
    cspReports,
    requests,
    setDir: (d) => { dir = d; },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export { launch, closeBrowser } from '../../wasm/test/server.mjs';

/**
 * newPage opens a page that records dialogs, page errors, console errors and
 * CSP violations in page.problems (each a string); dialogs are dismissed.
 */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = 'light', locale = 'en-US', reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, locale, reducedMotion });
  const page = await context.newPage();
  page.problems = [];
  page.on('dialog', (d) => { page.problems.push('dialog: ' + d.type() + ' ' + d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => page.problems.push('pageerror: ' + e.message));
  page.on('crash', () => page.problems.push('the page crashed'));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) page.navigations = (page.navigations || 0) + 1; });
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push('console: ' + m.text()); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
    });
    // Any injected call to these fails the test through page.problems.
    for (const name of ['alert', 'confirm', 'prompt']) {
      const orig = window[name];
      window[name] = function (...args) { console.error('XSS: ' + name + '(' + args.join(',') + ')'); return orig.apply(this, args); };
    }
  });
  return page;
}

/**
 * recordCalls makes the page record, in window.__calls, the name of each
 * method it sends to the explorer's worker, from its first script on.
 */
export async function recordCalls(page) {
  await page.addInitScript(() => {
    window.__calls = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, ...rest) {
      if (m && m.type === 'call') window.__calls.push(m.method);
      return post.call(this, m, ...rest);
    };
  });
}

/** ready waits until the explorer has loaded its corpus. */
export async function ready(page) {
  await page.waitForFunction(() => window.corpusExplorer && window.corpusExplorer.explorer !== null, null, { timeout: 60000 });
  await page.evaluate(() => window.corpusExplorer.ready);
}

/** settle waits until no search/summary is in flight and the DOM is quiet. */
export async function settle(page, ms = 250) {
  await page.waitForTimeout(ms);
}

/** Reads the shared XSS payloads (200 lines) or null when ../shared is absent. */
export function xssPayloads() {
  const p = path.join(repo, '../shared/testdata/xss/xss-payloads-200.txt');
  if (!fs.existsSync(p)) return null;
  return fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.length > 0);
}

/** siteBuilt reports whether build/site holds a built explorer. */
/** haveGo says whether the go command is installed. */
export function haveGo() {
  try { execFileSync('go', ['version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

/**
 * corpusSite builds the documents in folder corpus into a copy of the site
 * at tmp/site: the index, compiled into its own .wasm (go build -overlay
 * replaces the embedded index without touching wasm/index.bin). Returns
 * the copy's folder.
 */
export function corpusSite(corpus, tmp) {
  const index = path.join(tmp, 'index.bin');
  execFileSync('go', ['run', './tools/explorer', 'build', '-q', '-corpus', corpus, '-o', index], { cwd: repo, stdio: 'pipe' });
  const site = path.join(tmp, 'site');
  fs.cpSync(siteDir, site, { recursive: true });
  const overlay = path.join(tmp, 'overlay.json');
  fs.writeFileSync(overlay, JSON.stringify({ Replace: { [path.join(repo, 'wasm/index.bin')]: index } }));
  execFileSync('go', ['run', './tools/wasmbuild', '-overlay', overlay, '-o', path.join(site, 'explorer.wasm'), './wasm'], { cwd: repo, stdio: 'pipe' });
  return site;
}

/**
 * splitSite builds the seeds split (wasm/test/split.mjs: a pack a
 * document, tiny chunks of the search index; bulk: with bulk files) into
 * a copy of the site at tmp/site, with its packs/ and module. Returns the
 * copy's folder.
 */
export async function splitSite(tmp, { bulk = false } = {}) {
  const { buildSplit } = await import('../../wasm/test/split.mjs');
  await buildSplit(tmp, 0, { bulk });
  const site = path.join(tmp, 'site');
  fs.cpSync(siteDir, site, { recursive: true, filter: (f) => !f.endsWith('.pack') });
  fs.rmSync(path.join(site, 'packs'), { recursive: true, force: true });
  fs.cpSync(path.join(tmp, 'packs'), path.join(site, 'packs'), { recursive: true });
  fs.copyFileSync(path.join(tmp, 'explorer.wasm'), path.join(site, 'explorer.wasm'));
  return site;
}

export function siteBuilt(dir = siteDir) {
  return fs.existsSync(path.join(dir, 'index.html')) && fs.existsSync(path.join(dir, 'explorer.js'));
}

/**
 * domIsClean checks that nothing in the page came from a payload: no
 * handler attributes anywhere, no elements of kinds the app never makes.
 */
export async function domIsClean(page) {
  return page.evaluate(() => {
    const bad = [];
    for (const e of document.querySelectorAll('*')) {
      for (const a of e.attributes) if (/^on/i.test(a.name)) bad.push(e.tagName + '[' + a.name + ']');
      if (/^(IFRAME|OBJECT|EMBED|IMG|IMAGE|SVG|VIDEO|AUDIO|BASE|FRAME|FRAMESET|ISINDEX|MARQUEE|STYLE)$/i.test(e.tagName)) bad.push(e.tagName);
      if (e.tagName === 'SCRIPT' && !/\/(main|explorer|element|wasm_exec|axe\.min)\.js$|__test/.test(e.src || '')) bad.push('SCRIPT ' + (e.src || e.textContent.slice(0, 40)));
      if (e.tagName === 'A' && /^\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') || '')) bad.push('A[href=' + e.getAttribute('href') + ']');
      if (e.hasAttribute('style')) bad.push(e.tagName + '[style]');
    }
    return bad;
  });
}

/**
 * axe asserts that axe-core finds no violation on the page (a page served
 * by serve(), which serves axe-core at /__test/axe.min.js).
 * @param {import('playwright-core').Page} page
 * @param {string} label
 */
export async function axe(page, label) {
  // Injected by URL: the strict CSP forbids inline scripts, addScriptTag({path}) included.
  await page.addScriptTag({ url: '/__test/axe.min.js' });
  const res = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.failureSummary) }));
  });
  assert.deepEqual(res, [], label + ': axe-core violations:\n' + JSON.stringify(res, null, 2));
}

/**
 * layoutProblems, run in a page (page.evaluate(layoutProblems), in
 * Chromium or Firefox), lists what is cut, too small or on top of something else
 * in the analysis shown: the page wider than the window; a chart past the
 * window's edge, scrolling in its frame, shrunk below 90 % (its text then
 * under 11 px) or with a text past its edge; on the entity map, a name over
 * another name or another entity's dot, an empty band above the drawing,
 * links all drawn alike; a table's box past the window, scrolling sideways
 * in a wide window, or unfocusable when it scrolls; a cell of the first
 * column, or a header of a table that does not scroll, cut. The Explore
 * view's end-to-end tests assert that it finds nothing.
 */
export function layoutProblems() {
  const out = [];
  const vw = window.innerWidth;
  const over = document.documentElement.scrollWidth - vw;
  if (over > 1) out.push(`the page is ${over} px wider than the window`);
  const view = document.querySelector('.cx-explore-view');
  const inside = (b, r) => b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1 && b.bottom <= r.bottom + 1;
  const meets = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (const s of view.querySelectorAll('svg.cx-chart')) {
    const r = s.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1) out.push(`a chart spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
    const frame = s.parentElement;
    if (frame.scrollWidth > frame.clientWidth + 1) out.push(`a chart scrolls in its frame (${frame.scrollWidth} > ${frame.clientWidth} px)`);
    const vb = s.viewBox.baseVal;
    if (vb && vb.width && r.width / vb.width < 0.9) out.push(`a chart is shown at ${Math.round((100 * r.width) / vb.width)} % of its size`);
    for (const t of s.querySelectorAll('text')) {
      if (!inside(t.getBoundingClientRect(), r)) out.push(`"${t.textContent}" is cut by its chart's edge`);
    }
  }
  const net = view.querySelector('svg.cx-network');
  if (net) {
    const nodes = [...net.querySelectorAll('.cx-node')].map((a) => ({ name: a.querySelector('text').textContent, text: a.querySelector('text').getBoundingClientRect(), dot: a.querySelector('circle').getBoundingClientRect() }));
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        if (a.name < b.name && meets(a.text, b.text)) out.push(`the names "${a.name}" and "${b.name}" overlap`);
        if (meets(a.text, b.dot)) out.push(`the name "${a.name}" covers the dot of "${b.name}"`);
      }
    }
    const top = Math.min(...nodes.map((n) => Math.min(n.dot.top, n.text.top))) - net.getBoundingClientRect().top;
    if (top > 24) out.push(`${Math.round(top)} px of empty space above the entity map`);
    const edges = [...net.querySelectorAll('.cx-edge')].map((e) => [Number(e.getAttribute('stroke-width')), Number(getComputedStyle(e).strokeOpacity)]);
    const widths = edges.map((e) => e[0]), alphas = edges.map((e) => e[1]);
    if (edges.length > 1 && (Math.max(...widths) < 3 * Math.min(...widths) || Math.max(...alphas) < 0.6 || Math.min(...alphas) > 0.3)) out.push('the links are drawn alike, whatever their strength');
  }
  for (const wrap of view.querySelectorAll('.cx-table-wrap')) {
    const w = wrap.getBoundingClientRect();
    const name = wrap.getAttribute('aria-label') || 'the table ' + wrap.querySelector('caption')?.textContent;
    if (w.left < -1 || w.right > vw + 1) out.push(`the box of ${name} spans ${Math.round(w.left)}..${Math.round(w.right)} px`);
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && vw >= 1000) out.push(`${name} scrolls sideways in a window ${vw} px wide`);
    if (scrolls && wrap.tabIndex < 0) out.push(`${name} scrolls sideways but cannot be focused to scroll`);
    const cells = [...wrap.querySelectorAll(scrolls ? 'tbody th, thead th:first-child' : 'tbody th, thead th')];
    for (const c of cells) {
      const cut = c.scrollWidth > c.clientWidth + 1 || !inside(c.getBoundingClientRect(), w);
      if (cut) out.push(`in ${name}, the cell "${c.textContent.trim().slice(0, 40)}" is cut`);
    }
  }
  return out;
}
