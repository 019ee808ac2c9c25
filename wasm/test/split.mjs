// A split build of the seeds for the tests of packs (packs.test.mjs, bulk.test.mjs,
// held.test.mjs): the index built with each document's text in a pack of
// its own and the search index's postings in packs of about 64 bytes,
// written to dir/packs, and dir/explorer.wasm, a module embedding that
// index, built as make site builds it (tools/wasmbuild). Without the bulk
// files a split build writes by default (bulk.test.mjs asks for them), so
// that every pack loaded is fetched on its own.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, closeBrowser } from './server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the seeds split into dir; partBytes > 0 cuts long documents' texts
 * into parts of about that size; bulk writes bulk files too.
 */
export async function buildSplit(dir, partBytes = 0, { bulk = false } = {}) {
  const env = { ...process.env, GOFLAGS: '-buildvcs=false' };
  execFileSync('go', ['run', './tools/explorer', 'build', '-q', '-corpus', 'corpus', '-split', 'on', '-pack-bytes', '1', '-chunk-bytes', '64', '-part-bytes', String(partBytes), '-bulk', bulk ? 'on' : 'off', '-packs', join(dir, 'packs'), '-o', join(dir, 'index.bin')], { cwd: repo, env, stdio: 'pipe' });
  const overlay = join(dir, 'overlay.json');
  await writeFile(overlay, JSON.stringify({ Replace: { [join(repo, 'wasm', 'index.bin')]: join(dir, 'index.bin') } }));
  execFileSync('go', ['run', './tools/wasmbuild', '-overlay', overlay, '-o', join(dir, 'explorer.wasm'), './wasm'], { cwd: repo, env, stdio: 'pipe' });
}

/**
 * A split build of the seeds (buildSplit's options) in a temporary folder
 * removed after t, with explorer.js, api.js and wasm_exec.js beside it, to
 * be served with the test page: its folder.
 */
export async function splitFolder(t, { bulk = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'cx-split-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await buildSplit(dir, 0, { bulk });
  for (const f of ['explorer.js', 'api.js']) await copyFile(join(repo, 'wasm', f), join(dir, f));
  await copyFile(join(execFileSync('go', ['env', 'GOROOT']).toString().trim(), 'lib', 'wasm', 'wasm_exec.js'), join(dir, 'wasm_exec.js'));
  return dir;
}

/**
 * Serves dir (splitFolder), calling onPack(name) for each file fetched
 * from packs/, and opens the test page in headless Chromium: the page and
 * the errors it raises. Server and browser close after t.
 */
export async function openSplit(t, dir, onPack) {
  const server = await serve(dir, { onResponse: (path) => path.startsWith('/packs/') && onPack(path.slice(7)) });
  t.after(() => server.close());
  const browser = await launch();
  t.after(() => closeBrowser(browser));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/test/page.html`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  return { page, errors };
}
