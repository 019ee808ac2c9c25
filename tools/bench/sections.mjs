// What each section of an index weighs (issue 13: the section sizes
// before and after), raw and after brotli at quality 11 with a 16 MB
// window, each section alone; then the whole index, and any module given
// after it, the same way. Brotli of a section alone is what it would cost
// if nothing else were sent; inside a module it costs a little less, as
// brotli finds some of its bytes elsewhere.
//
//   go run ./tools/explorer build -split off -corpus ../shared/corpora/fr-manpages -o /tmp/man.bin
//   go run ./tools/wasmbuild -overlay overlay.json -o /tmp/man.wasm ./wasm   # overlay: wasm/index.bin -> /tmp/man.bin
//   node tools/bench/sections.mjs /tmp/man.bin [/tmp/man.wasm ...]
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

// The sections' names by tag, as corpus/index writes them.
const NAMES = ['', 'documents', 'overview', 'vocabulary', 'stems', 'field lengths', 'chunk table', 'postings', 'pack table', 'packs'];
const HEADER = 24;

/** Returns the size of buf after brotli at quality 11, window 16 MB. */
export function brotli11(buf) {
  return brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.byteLength,
    },
  }).byteLength;
}

/** Returns the sections of an encoded index: [{name, bytes}], content included. */
export function sections(blob) {
  if (blob.subarray(0, 8).toString('latin1') !== 'CXINDEX\0') throw new Error('not an index (bad magic)');
  const out = [];
  let p = HEADER;
  while (p < blob.length) {
    const tag = blob[p++];
    let len = 0;
    let shift = 0;
    for (;;) {
      if (p >= blob.length) throw new Error('truncated section length');
      const c = blob[p++];
      len += (c & 0x7f) * 2 ** shift;
      shift += 7;
      if (c < 0x80) break;
    }
    if (p + len > blob.length) throw new Error(`section ${tag} truncated`);
    out.push({ name: NAMES[tag] || `tag ${tag}`, bytes: blob.subarray(p, p + len) });
    p += len;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [index, ...modules] = process.argv.slice(2);
  if (!index) {
    console.error('usage: node tools/bench/sections.mjs index.bin [module.wasm ...]');
    process.exit(2);
  }
  const blob = readFileSync(index);
  const n = (x) => x.toLocaleString('en');
  console.log(`| section | raw B | brotli 11 B |\n|---|--:|--:|`);
  let sum = 0;
  for (const s of sections(blob)) {
    const b = brotli11(s.bytes);
    sum += b;
    console.log(`| ${s.name} | ${n(s.bytes.byteLength)} | ${n(b)} |`);
  }
  console.log(`| sum of the sections apart | | ${n(sum)} |`);
  console.log(`| whole index | ${n(blob.byteLength)} | ${n(brotli11(blob))} |`);
  for (const m of modules) {
    const buf = readFileSync(m);
    console.log(`| module ${m} | ${n(buf.byteLength)} | ${n(brotli11(buf))} |`);
  }
}
