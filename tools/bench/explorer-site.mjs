// Builds the explorer for any corpus folder into a temporary folder, for the
// benchmarks: the command-line tool once, then per corpus the index and a
// module with that index swapped in by go build -overlay, so wasm/index.bin
// and build/site are left alone for whoever else works in the tree.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** The repository's root folder. */
export const repo = fileURLToPath(new URL('../..', import.meta.url));

// The index build runs under a memory cap (ulimit -v, KB), so that a
// corpus too big for the machine fails here instead of calling the OOM
// killer on everything else.
const MEM_KB = Number(process.env.BENCH_MEM_KB || 6 * 1024 * 1024);

/** Brotli size (quality 11) of a buffer, in bytes. */
export const brotliSize = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.byteLength } }).byteLength;

/** Builds the command-line tool into work/explorer and returns its path. */
export function buildTool(work) {
  const tool = join(work, 'explorer');
  execFileSync('go', ['build', '-o', tool, './tools/explorer'], { cwd: repo, stdio: 'inherit' });
  return tool;
}

/**
 * Builds the index of corpus with tool, then the module around it, into
 * dir/site (explorer.wasm, wasm_exec.js, explorer.js, and packs/ for a
 * split build: split is explorer build's -split, auto, on or off).
 * Resolves to {dir, site, buildSeconds, indexBytes, wasmRaw, wasmBr,
 * packs, packBytes}.
 */
export async function buildExplorerSite(corpus, tool, dir, { split = 'auto' } = {}) {
  const site = join(dir, 'site');
  await mkdir(site, { recursive: true });
  const index = join(dir, 'index.bin');
  let t = Date.now();
  try {
    execFileSync('sh', ['-c', `ulimit -v ${MEM_KB} && exec "$0" build -progress none -split "$3" -packs "$4" -corpus "$1" -o "$2"`, tool, corpus, index, split, join(site, 'packs')], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const why = String(err.stderr || '').trim().split('\n').slice(-2).join(' ') || err.message;
    throw new Error(`index build failed (memory capped at ${(MEM_KB / 1048576).toFixed(0)} GB): ${why.slice(0, 200)}`);
  }
  const buildSeconds = (Date.now() - t) / 1000;
  const overlay = join(dir, 'overlay.json');
  await writeFile(overlay, JSON.stringify({ Replace: { [join(repo, 'wasm', 'index.bin')]: index } }));
  execFileSync('go', ['run', './tools/wasmbuild', '-overlay', overlay, '-o', join(site, 'explorer.wasm'), './wasm'], {
    cwd: repo,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const goroot = execFileSync('go', ['env', 'GOROOT']).toString().trim();
  await copyFile(join(goroot, 'lib', 'wasm', 'wasm_exec.js'), join(site, 'wasm_exec.js'));
  await copyFile(join(repo, 'wasm', 'explorer.js'), join(site, 'explorer.js'));
  await copyFile(join(repo, 'wasm', 'api.js'), join(site, 'api.js'));
  const wasm = await readFile(join(site, 'explorer.wasm'));
  let packs = 0;
  let packBytes = 0;
  for (const f of await readdir(join(site, 'packs')).catch(() => [])) {
    packs++;
    packBytes += (await stat(join(site, 'packs', f))).size;
  }
  return { dir, site, buildSeconds, indexBytes: (await stat(index)).size, wasmRaw: wasm.byteLength, wasmBr: brotliSize(wasm), packs, packBytes };
}
