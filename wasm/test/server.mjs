// A tiny static server for the browser tests, the soak and the benchmark:
// build/site at /, this folder at /test/, the site again under a sub-path
// (/sub/path/) and, at /mime/, with .wasm served as
// application/octet-stream, as careless hosts do. Every response carries
// the strict Content-Security-Policy the hosted build must live under
// (issue 7) unless the URL has ?nocsp; CORS is open, so another origin
// (localhost vs 127.0.0.1) can load the module.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Starts the server on 127.0.0.1 on a free port and resolves to
 * {url, altURL, close}; altURL is the same server as another origin.
 * @param {string} site folder served at /
 * @param {{onResponse?: (path: string, body: Buffer) => void, encode?: (body: Buffer) => Buffer}} [options]
 *   onResponse sees every file served (the benchmark counts bytes with it);
 *   encode, if given, brotli-compresses a body for a client that accepts
 *   br (the benchmark's emulated network carries brotli, as a host would)
 */
export function serve(site = fileURLToPath(new URL('../../build/site/', import.meta.url)), options = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = decodeURIComponent(url.pathname);
    let root = site;
    let wrongMime = false;
    if (path.startsWith('/test/')) {
      root = here;
      path = path.slice('/test'.length);
    } else if (path.startsWith('/sub/path/')) {
      path = path.slice('/sub/path'.length);
    } else if (path.startsWith('/mime/')) {
      path = path.slice('/mime'.length);
      wrongMime = true;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, '.' + normalize(path));
    if (!file.startsWith(resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = wrongMime && extname(file) === '.wasm' ? 'application/octet-stream' : TYPES[extname(file)] || 'application/octet-stream';
      let sent = body;
      const headers = {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'Access-Control-Allow-Origin': '*',
      };
      if (!url.searchParams.has('nocsp')) headers['Content-Security-Policy'] = CSP;
      if (options.encode && /\bbr\b/.test(String(req.headers['accept-encoding'] || ''))) {
        sent = options.encode(body);
        headers['Content-Encoding'] = 'br';
        headers.Vary = 'Accept-Encoding';
      }
      headers['Content-Length'] = sent.byteLength;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
      if (req.method !== 'HEAD') options.onResponse?.(path, body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`no ${path}\n`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({
        url: `http://127.0.0.1:${port}`,
        altURL: `http://localhost:${port}`,
        // Open keep-alive connections would hold close() forever.
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      });
    });
  });
}

/** Chromium's flags here (DEVELOPERS.md). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches Debian's Chromium (or $CHROMIUM) through playwright-core. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Closes a browser (Playwright's or Puppeteer's), giving up after ms.
 * A browser that never answers its close, a rare fault drivers know well,
 * once held a CI run until it was killed after 90 minutes. After ms the
 * browser's process is killed if the driver gives access to it
 * (Puppeteer); otherwise the test runner's --test-force-exit ends the
 * run and the driver kills the browser as Node exits.
 * @param {{close(): Promise<void>, process?: () => ({kill(signal: string): boolean} | null)} | undefined} browser
 */
export async function closeBrowser(browser, ms = 20_000) {
  if (!browser) return;
  let timer;
  const late = new Promise((ok) => { timer = setTimeout(() => ok(true), ms); });
  const hung = await Promise.race([browser.close().then(() => false, () => false), late]);
  clearTimeout(timer);
  if (hung) {
    browser.process?.()?.kill('SIGKILL');
    process.emitWarning(`the browser did not close within ${ms} ms; killed or left to the runner's exit`);
  }
}

