// The reader's blocks (web/text.js), in Node: every non-blank part of the
// text is in one block, in order, and texts of many single lines are cut
// with one pass over their text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blocks } from '../text.js';

const cases = [
  { name: 'no blocks: paragraphs at blank lines', text: 'one\n\ntwo\n \n\nthree', given: [],
    want: [[0, 3, 'paragraph'], [5, 8, 'paragraph'], [12, 17, 'paragraph']] },
  { name: 'blocks on single lines, no blank line anywhere', text: 'a\nb\nc\nd', given: [[0, 1, 'heading'], [2, 3], [4, 5], [6, 7]],
    want: [[0, 1, 'heading'], [2, 3, 'paragraph'], [4, 5, 'paragraph'], [6, 7, 'paragraph']] },
  { name: 'unclaimed text between blocks, cut at its blank lines', text: 'T\nx\n\ny\nB', given: [[0, 1, 'title'], [7, 8, 'boilerplate']],
    want: [[0, 1, 'title'], [1, 3, 'paragraph'], [5, 7, 'paragraph'], [7, 8, 'boilerplate']] },
  { name: 'unclaimed tail', text: 'a\n\nrest\n\nmore', given: [[0, 1]],
    want: [[0, 1, 'paragraph'], [3, 7, 'paragraph'], [9, 13, 'paragraph']] },
  { name: 'overlapping and unknown kinds', text: 'abcdef', given: [[0, 4, 'odd'], [2, 6, 'meta']],
    want: [[0, 4, 'paragraph'], [4, 6, 'meta']] },
];

test('blocks: every non-blank part once, in order', () => {
  for (const c of cases) {
    const d = { blocks: c.given.map(([start, end, kind = 'paragraph']) => ({ start, end, kind })) };
    const got = blocks(d, c.text).map((b) => [b.start, b.end, b.kind]);
    assert.deepEqual(got, c.want, c.name);
  }
});

// A list of 20,000 lines with no blank line, a block each (a log, a word
// list, a text file of one sentence a line): each gap between two blocks
// was searched for a blank line up to the end of the text, so that a 3 MB
// file took 100 s to open in the reader. The test counts the characters
// the regular expressions scan (RegExp.prototype.exec, wrapped): about the
// text's length once, not its square.
test('blocks: a text of 20,000 single lines is scanned once, not once a line', () => {
  const n = 20_000;
  const line = 'word word word';
  const text = Array.from({ length: n }, () => line).join('\n');
  const given = Array.from({ length: n }, (_, i) => ({ start: i * (line.length + 1), end: i * (line.length + 1) + line.length, kind: 'paragraph' }));
  const exec = RegExp.prototype.exec;
  let scanned = 0;
  RegExp.prototype.exec = function (s) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, s);
    scanned += (m ? m.index + m[0].length : String(s).length) - from;
    return m;
  };
  let got;
  try {
    got = blocks({ blocks: given }, text);
  } finally {
    RegExp.prototype.exec = exec;
  }
  assert.equal(got.length, n);
  assert.deepEqual(got[n - 1], { start: (n - 1) * (line.length + 1), end: text.length, kind: 'paragraph' });
  assert.ok(scanned <= 2 * text.length, `scanned ${scanned} characters of a text of ${text.length}`);
});

// The chunks a large text is drawn in (web/chunks.js).
import { blockList, blocksIn, shownBlocks, planChunks, chunkBlocks, chunkAt, CHUNK } from '../chunks.js';

/**
 * A text of n paragraphs of varied length (a tenth of them long), with
 * runs of boilerplate, headings, and paragraphs no block claims (one
 * long run of them), from a fixed seed.
 */
function sample(n) {
  let seed = 7;
  const rand = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const parts = [];
  const given = [];
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const words = rand(10) === 0 ? 2500 + rand(3000) : 5 + rand(200);
    let p = Array.from({ length: words }, (_, j) => 'mot' + ((i + j) % 97) + (j % 13 === 12 ? '.' : '') + (j % 61 === 60 ? '\n' : '')).join(' ');
    p = '  ' + p + ' ';
    const kind = rand(8) === 0 ? 'boilerplate' : rand(20) === 0 ? 'heading' : 'paragraph';
    if (rand(6) && !(i > n / 2 && i < n / 2 + 30)) given.push({ start: pos, end: pos + p.length, kind });
    parts.push(p);
    pos += p.length + 2;
  }
  return { text: parts.join('\n\n'), given };
}

const squash = (/** @type {string} */ s) => { let o = ''; for (const c of s) if (c.trim()) o += c; return o; };

test('shownBlocks: trimmed, long blocks cut into parts that cover them, at a line break or a sentence end', () => {
  const { text, given } = sample(120);
  const shown = shownBlocks(text, blocks({ blocks: given }, text));
  let covered = '';
  for (const b of shown) {
    assert.ok(b.end - b.start <= CHUNK, `a part of ${b.end - b.start} characters`);
    assert.ok(!/\s/.test(text[b.start]) && !/\s/.test(text[b.end - 1]), 'trimmed');
    covered += text.slice(b.start, b.end);
  }
  assert.ok(squash(covered) === squash(text), 'the parts hold every non-blank character, once, in order');
  assert.ok(shown.some((b) => b.cut), 'some blocks are cut');
  assert.ok(shown.filter((b) => b.cut).every((b) => /[.\n]\s*$/.test(text.slice(b.start, b.end + 1))), 'cut after a sentence or at a line break');
});

test('planChunks: chunks tile the text, near CHUNK characters, and draw every block once with each page where the whole text would', () => {
  const { text, given } = sample(250);
  const list = blockList({ blocks: given }, text);
  assert.equal(list, given, 'a clean list is used as it is');
  const pages = [];
  for (let at = 0; at < text.length; at += 5000 + (at % 7) * 300) pages.push({ at, n: pages.length + 1 });
  const chunks = planChunks(text, list, pages);
  assert.ok(chunks.length > 10, `${chunks.length} chunks`);
  assert.equal(chunks[0].from, 0);
  assert.equal(chunks[chunks.length - 1].to, text.length);
  const drawn = [];
  for (const [i, c] of chunks.entries()) {
    if (i) assert.equal(c.from, chunks[i - 1].to);
    assert.equal(chunkAt(chunks, c.from), i);
    assert.equal(chunkAt(chunks, c.to - 1), i);
    const bs = chunkBlocks(list, text, c);
    const run = bs.some((b, j) => j && b.kind === 'boilerplate' && bs[j - 1].kind === 'boilerplate');
    if (i < chunks.length - 1) assert.ok(c.to - c.from >= CHUNK / 2 && c.to - c.from <= (run ? 4 : 1.5) * CHUNK, `chunk ${i}: ${c.to - c.from} characters`);
    for (const b of bs) assert.ok(c.from <= b.start && b.end <= c.to);
    drawn.push({ c, bs });
  }
  const all = drawn.flatMap((x) => x.bs);
  assert.ok(squash(all.map((b) => text.slice(b.start, b.end)).join('')) === squash(text), 'every non-blank character once, in order');
  // A part marked cut goes on in the next one, with no blank line between.
  for (const [j, b] of all.entries()) if (b.cut) assert.doesNotMatch(text.slice(b.end, all[j + 1].start), /\n\s*\n/);
  assert.ok(chunks.some((c) => c.cut), 'some chunks end inside a block');
  // The whole text drawn at once marks page p in the first unfolded block ending after it.
  let pi = 0;
  for (const { c, bs } of drawn) {
    assert.equal(c.pageFrom, pi, `chunk at ${c.from}`);
    for (const b of bs) if (b.kind !== 'boilerplate') while (pi < pages.length && pages[pi].at < b.end) pi++;
  }
  assert.deepEqual(planChunks('', [], []), []);
  assert.equal(chunkAt([], 5), -1);
  assert.deepEqual(blocksIn(list, text, 0, text.length), blocks({ blocks: given }, text));
});

test('planChunks: a very large text is cut into at most about MAX_CHUNKS chunks, small where the reader opens', async () => {
  const { MAX_CHUNKS } = await import('../chunks.js');
  const text = 'mot '.repeat(3_000_000);
  const around = 6_000_001;
  const chunks = planChunks(text, [], [], around);
  assert.ok(chunks.length <= MAX_CHUNKS + 10, `${chunks.length} chunks`);
  for (const [i, c] of chunks.entries()) if (i) assert.equal(c.from, chunks[i - 1].to);
  assert.equal(chunks.at(-1).to, text.length);
  const at = chunks[chunkAt(chunks, around)];
  assert.ok(at.to - at.from <= 1.5 * CHUNK, `the chunk drawn first holds ${at.to - at.from} characters`);
  assert.ok(chunks[0].to - chunks[0].from > 1.2 * CHUNK, `the others ${chunks[0].to - chunks[0].from}`);
  assert.ok(chunks.slice(0, -1).every((c) => c.cut), 'every chunk of one endless paragraph goes on in the next');
});
