// A split build of the seeds for the tests of packs (packs.test.mjs,
// held.test.mjs): the index built with each document's text in a pack of
// its own and the search index's postings in packs of about 64 bytes,
// written to dir/packs, and dir/explorer.wasm, a module embedding that
// index, built as make site builds it (tools/wasmbuild). Without the bulk
// files a split build writes by default (bulk.test.mjs asks for them), so
// that every pack loaded is fetched on its own.
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
