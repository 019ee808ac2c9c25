// The size budget of explorer.wasm, what every visitor downloads: at most
// 650 KB (665,600 bytes) after brotli, built with the seed corpus
// (make site). Prints raw, gzip and brotli sizes; over budget, with
// SIZE_BREAKDOWN=1, it builds the module again with its symbol names and
// prints where the bytes go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { breakdown } from './wasmsize.mjs';

export const BUDGET = 650 * 1024;

/** Returns the raw, gzip -9 and brotli -q 11 sizes of buf. */
export function sizes(buf) {
  return {
    raw: buf.byteLength,
    gzip: gzipSync(buf, { level: 9 }).byteLength,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.byteLength },
    }).byteLength,
  };
}

test('explorer.wasm fits in 650 KB after brotli', async (t) => {
  const wasm = await readFile(new URL('../../build/site/explorer.wasm', import.meta.url));
  const s = sizes(wasm);
  t.diagnostic(`explorer.wasm: raw ${s.raw} B, gzip ${s.gzip} B, brotli ${s.brotli} B (budget ${BUDGET} B)`);
  if (s.brotli > BUDGET && !process.env.SIZE_BREAKDOWN) {
    console.log('over budget: SIZE_BREAKDOWN=1 node --test wasm/test/size.test.mjs prints where the bytes go');
  }
  if (s.brotli > BUDGET && process.env.SIZE_BREAKDOWN) {
    const dir = await mkdtemp(join(tmpdir(), 'wasmsize-'));
    try {
      const out = join(dir, 'named.wasm');
      execFileSync('go', ['build', '-trimpath', '-o', out, './wasm'], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' },
      });
      const { sections, packages } = breakdown(await readFile(out));
      console.log(`sections: ${Object.entries(sections).filter(([, v]) => v > 10000).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log('largest code by Go package (bytes, before compression):');
      for (const [pkg, n] of packages.slice(0, 20)) console.log(`  ${String(n).padStart(9)}  ${pkg}`);
    } catch (err) {
      console.log(`(no breakdown: ${err.message})`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  assert.ok(s.brotli <= BUDGET, `explorer.wasm is ${s.brotli} B after brotli, over the budget of ${BUDGET} B by ${s.brotli - BUDGET} B`);
});
