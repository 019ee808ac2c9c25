// tools/bench/sections.mjs reads every section of the seeds' index
// (wasm/index.bin, made by make index) and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sections, brotli11 } from './sections.mjs';

test('sections.mjs cuts an index into its sections', async () => {
  const blob = await readFile(new URL('../../wasm/index.bin', import.meta.url));
  const ss = sections(blob);
  assert.deepEqual(ss.map((s) => s.name), ['documents', 'overview', 'vocabulary', 'stems', 'field lengths', 'chunk table', 'postings', 'pack table', 'packs']);
  const content = ss.reduce((n, s) => n + s.bytes.byteLength, 0);
  assert.ok(content > blob.byteLength - 24 - 9 * 5 && content < blob.byteLength - 24, 'the sections and their headers fill the blob');
  assert.ok(brotli11(ss[2].bytes) < ss[2].bytes.byteLength, 'the vocabulary compresses');
  assert.throws(() => sections(Buffer.from('not an index at all, longer than 24 bytes')), /bad magic/);
  assert.throws(() => sections(blob.subarray(0, blob.byteLength - 1)), /truncated/);
});
