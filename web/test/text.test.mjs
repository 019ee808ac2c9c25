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
