// Two corpora built split into one folder, as a site publishing them side
// by side would: each index keeps its packs in its own folder
// (NAME.packs beside NAME.bin, explorer build's default), so the second
// build leaves the first's alone. Served over HTTP, each module finds its
// first query's chunks, searches with snippets, opens a document and
// makes every pack available offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const { load } = await import(new URL('wasm/explorer.js', new URL(`file://${repo}/`)));
const wasmExec = new URL(`file://${execFileSync('go', ['env', 'GOROOT']).toString().trim()}/lib/wasm/wasm_exec.js`).href;

test('two split indexes built into one folder both work, each with its own packs', async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'cx-two-'));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const other = join(tmp, 'other');
  await mkdir(other);
  await writeFile(join(other, 'timer.txt'), 'Systemd timers\n\nA systemd timer starts a service unit on a calendar schedule, like cron does.\n');
  await writeFile(join(other, 'mount.txt'), 'Mounting disks\n\nThe mount command attaches a filesystem to the directory tree.\n');
  const out = join(tmp, 'out');
  const env = { ...process.env, GOFLAGS: '-buildvcs=false' };
  const tool = join(tmp, 'explorer');
  execFileSync('go', ['build', '-o', tool, './tools/explorer'], { cwd: repo, env, stdio: 'pipe' });
  for (const [name, corpus] of [['a', join(repo, 'corpus')], ['b', other]]) {
    // No -packs: the default folder is the point.
    execFileSync(tool, ['build', '-q', '-progress', 'none', '-split', 'on', '-chunk-bytes', '64', '-corpus', corpus, '-o', join(out, `${name}.bin`)], { cwd: repo, env, stdio: 'pipe' });
  }
  for (const name of ['a', 'b']) {
    const overlay = join(tmp, `${name}.json`);
    await writeFile(overlay, JSON.stringify({ Replace: { [join(repo, 'wasm', 'index.bin')]: join(out, `${name}.bin`) } }));
    execFileSync('go', ['run', './tools/wasmbuild', '-overlay', overlay, '-o', join(out, `${name}.wasm`), './wasm'], { cwd: repo, env, stdio: 'pipe' });
  }
  const served = [];
  const srv = await serve(out, { onResponse: (path) => served.push(path) });
  t.after(() => srv.close());

  for (const { name, query, word } of [
    { name: 'a', query: 'alibaba cloud', word: 'Alibaba' },
    { name: 'b', query: 'systemd timer', word: 'calendar' },
  ]) {
    served.length = 0;
    const ex = await load({ wasm: `${srv.url}/${name}.wasm`, packs: `${name}.packs/`, wasmExec, worker: false, firstQuery: query });
    t.after(() => ex.close());
    assert.ok(served.includes(`/${name}.packs/chunks.txt`), `${name}: its own list of chunks: ${served.join(' ')}`);
    const r = await ex.snippets(await ex.search(query));
    assert.ok(r.hits.length >= 1, `${name}: ${query}: no hit`);
    for (const h of r.hits) assert.ok(h.snippet && !h.snippet_error, `${name}: ${h.id}: ${h.snippet_error}`);
    const doc = await ex.document(r.hits[0].id);
    assert.match(doc.text, new RegExp(word), `${name}: the document's text`);
    const offline = await ex.makeAvailableOffline();
    assert.deepEqual(offline.failed, [], `${name}: every pack available`);
    assert.equal(offline.loaded, offline.packs);
    const elsewhere = served.filter((p) => p.endsWith('.pack') && !p.startsWith(`/${name}.packs/`));
    assert.deepEqual(elsewhere, [], `${name}: packs fetched only from its own folder`);
  }
});
