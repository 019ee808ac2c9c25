// The reader's text in chunks, so that a very large document opens at
// once (chunkview.js draws them): the text is cut into chunks of about
// CHUNK characters where its blocks start (planChunks, which reads only
// the starts of the block list; a chunk's blocks are found when it is
// drawn, chunkBlocks), a block longer than a chunk into parts.

/** @typedef {{start: number, end: number, kind: string}} Block */
/** @typedef {{start: number, end: number, kind: string, cut?: boolean}} Shown */
/**
 * @typedef {{from: number, to: number, cut: boolean, blocks: number, pageFrom: number, state: 'pending' | 'done' | 'stale'}} Chunk
 * from..to tiles the text; cut: its last block goes on in the next
 * chunk; blocks: how many of the document's blocks start in it.
 */

/**
 * Characters of text a chunk holds, about: drawing one takes a few
 * milliseconds, and so does laying it out (a frame of Chromium spent
 * 150 ms of CPU laying out 40 chunks of 12,000 drawn at once).
 */
export const CHUNK = 8_000;

/**
 * The most chunks a text is cut into: past that, chunks grow (25,000
 * characters for 30 MB), as the browser's work each frame grows with
 * the number of elements it watches (Chromium spent over 50 ms a frame
 * on a text of 3,750 chunks; 1,250 were fine).
 */
export const MAX_CHUNKS = 1200;

const KINDS = new Set(['paragraph', 'title', 'heading', 'meta', 'boilerplate']);

/** blank says whether text[i] is white space. */
const blank = (/** @type {string} */ text, /** @type {number} */ i) => {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i]));
};

/**
 * blockList returns the document's blocks sorted, never overlapping and
 * inside the text: the engine's own list when it is so (one pass,
 * nothing copied), else a mended copy.
 * @param {import('./explorer.js').Document} d
 * @param {string} text
 * @returns {Block[]}
 */
export function blockList(d, text) {
  const given = Array.isArray(d.blocks) ? d.blocks : [];
  // Only what the chunks' binary searches need is checked here, at the
  // least cost (380,000 blocks for a text of 30 MB): that blocks are in
  // order and inside the text. A kind the reader does not know is drawn
  // as a paragraph.
  const len = text.length;
  let pos = 0;
  let clean = true;
  for (let i = 0; i < given.length; i++) {
    const b = given[i];
    if (!b || !(b.start >= pos && b.end > b.start && b.end <= len)) { clean = false; break; }
    pos = b.end;
  }
  if (clean) return given;
  const sorted = given
    .filter((b) => b && Number.isFinite(b.start) && Number.isFinite(b.end) && b.end > b.start && b.start >= 0 && b.end <= text.length)
    .map((b) => ({ start: Math.floor(b.start), end: Math.floor(b.end), kind: KINDS.has(b.kind) ? b.kind : 'paragraph' }))
    .sort((a, b) => a.start - b.start);
  /** @type {Block[]} */
  const out = [];
  pos = 0;
  for (const b of sorted) {
    if (b.start < pos) { if (b.end <= pos) continue; b.start = pos; }
    out.push(b);
    pos = b.end;
  }
  return out;
}

/** search returns the first i in [0, n) for which ok(i), n if none: ok is false, then true. */
function search(/** @type {number} */ n, /** @type {(i: number) => boolean} */ ok) {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** firstEnding returns the index of the first block of list ending after off. */
const firstEnding = (/** @type {Block[]} */ list, /** @type {number} */ off) => search(list.length, (i) => list[i].end > off);

/** firstStarting returns the index of the first block of list starting at or after off. */
const firstStarting = (/** @type {Block[]} */ list, /** @type {number} */ off) => search(list.length, (i) => list[i].start >= off);

/**
 * blocksIn returns the blocks of text[from:to], in order: the listed
 * ones (cut to the range) and, in the text no block claims, paragraphs
 * cut at its blank lines.
 * @param {Block[]} list from blockList
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @returns {Block[]}
 */
export function blocksIn(list, text, from, to) {
  /** @type {Block[]} */
  const out = [];
  // gap cuts text[s:e] at its blank lines. It searches that slice alone:
  // a search of the whole text from s would run on to the next blank line,
  // which in a text of single lines is its end, for every gap (a 3 MB
  // list of lines took 100 s to open).
  const gap = (/** @type {number} */ s, /** @type {number} */ e) => {
    const part = text.slice(s, e);
    const re = /\n\s*\n/g;
    let p = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      if (/\S/.test(part.slice(p, m.index))) out.push({ start: s + p, end: s + m.index, kind: 'paragraph' });
      p = m.index + m[0].length;
    }
    if (p < part.length && /\S/.test(part.slice(p))) out.push({ start: s + p, end: e, kind: 'paragraph' });
  };
  let pos = from;
  for (let i = firstEnding(list, from); i < list.length && list[i].start < to; i++) {
    const b = list[i];
    const s = Math.max(b.start, from), e = Math.min(b.end, to);
    if (s > pos) gap(pos, s);
    out.push({ start: s, end: e, kind: KINDS.has(b.kind) ? b.kind : 'paragraph' });
    pos = e;
  }
  if (pos < to) gap(pos, to);
  return out;
}

/**
 * shownBlocks trims each block's blank edges, drops blocks left empty and
 * cuts a block longer than CHUNK into parts (at a line break, else after
 * a sentence's end, else at a space), every part but the last marked cut:
 * each part is drawn as its own element, joined to the next without a gap.
 * @param {string} text
 * @param {Block[]} blocks
 * @returns {Shown[]}
 */
export function shownBlocks(text, blocks) {
  /** @type {Shown[]} */
  const out = [];
  for (const b of blocks) {
    let { start, end } = b;
    while (start < end && blank(text, start)) start++;
    while (end > start && blank(text, end - 1)) end--;
    if (end <= start) continue;
    const long = b.kind !== 'title' && b.kind !== 'heading';
    while (long && end - start > CHUNK) {
      const cut = cutAt(text, start + CHUNK);
      let e = cut;
      while (e > start && blank(text, e - 1)) e--;
      out.push({ start, end: e, kind: b.kind, cut: true });
      start = cut;
      while (start < end && blank(text, start)) start++;
    }
    if (end > start) out.push({ start, end, kind: b.kind });
  }
  return out;
}

/**
 * cutAt chooses where to cut a text near limit, in the CHUNK / 2
 * characters before it: after a line break, else after a sentence's end,
 * else after a space, else anywhere but inside a surrogate pair.
 * @param {string} text
 * @param {number} limit
 */
export function cutAt(text, limit) {
  const from = Math.max(0, limit - (CHUNK >> 1));
  const part = text.slice(from, limit);
  for (const s of ['\n', '. ', '? ', '! ', ' ']) {
    const i = part.lastIndexOf(s);
    if (i > 0) return from + i + s.length;
  }
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}

/**
 * planChunks cuts the text into chunks of about size characters (CHUNK,
 * or more for a text of over MAX_CHUNKS chunks, but CHUNK around the
 * offset the reader opens at, so that the chunk drawn first is small), without
 * reading their blocks (a chunk's blocks are found when it is drawn,
 * blocksIn): a chunk ends where a block starts, unless that is more than
 * size / 2 further (a long block or a long text no block claims: cut as
 * shownBlocks cuts), and a run of boilerplate blocks (folded together)
 * is not cut unless it grows past four chunks. pageFrom is the first of
 * pages (their starts, in order) whose marker the chunk may hold: a
 * page's marker goes in the first unfolded block ending after the page's
 * start.
 * @param {string} text
 * @param {Block[]} list from blockList
 * @param {Array<{at: number}>} pages
 * @param {number} [around] where the reader opens
 * @param {number} [size]
 * @returns {Chunk[]}
 */
export function planChunks(text, list, pages, around = 0, size = Math.max(CHUNK, Math.ceil(text.length / MAX_CHUNKS))) {
  /** @type {Chunk[]} */
  const out = [];
  const len = text.length;
  let from = 0;
  const big = size;
  while (from < len) {
    let to = len;
    let cut = false;
    // Chunks of CHUNK around where the reader opens: the first drawn stays small.
    size = from >= around - 2 * CHUNK && from < around + 2 * CHUNK ? Math.min(CHUNK, big) : big;
    if (from + size < len) {
      let i = firstStarting(list, from + size);
      let run = false;
      for (; i > 0 && i < list.length && list[i].kind === 'boilerplate' && list[i - 1].kind === 'boilerplate' && list[i].end <= from + 4 * size && onlyBlank(text, list[i - 1].end, list[i].start); i++) run = true;
      to = i < list.length ? list[i].start : len;
      if (run && to - from > 4 * size) to = list[i - 1].end;
      else if (!run && to - from > size + (size >> 1)) {
        to = cutAt(text, from + size);
        cut = !paragraphBreak(text, to);
      }
    }
    if (to <= from) to = Math.min(len, from + size);
    out.push({ from, to, cut, blocks: firstStarting(list, to) - firstStarting(list, from), pageFrom: pagesBefore(pages, shownEnd(text, list, from)), state: 'pending' });
    from = to;
  }
  return out;
}

/** onlyBlank says whether text[a:b] is all white space (it reads up to the first other character). */
function onlyBlank(/** @type {string} */ text, /** @type {number} */ a, /** @type {number} */ b) {
  while (a < b && blank(text, a)) a++;
  return a >= b;
}

/** paragraphBreak says whether the blank space around off holds a blank line. */
function paragraphBreak(/** @type {string} */ text, /** @type {number} */ off) {
  let a = off, b = off, n = 0;
  while (a > 0 && blank(text, a - 1)) a--;
  while (b < text.length && blank(text, b)) b++;
  for (let i = a; i < b && n < 2; i++) if (text.charCodeAt(i) === 10) n++;
  return n >= 2;
}

/**
 * shownEnd is where the shown text before off ends: off moved back over
 * blank space and folded boilerplate.
 */
function shownEnd(/** @type {string} */ text, /** @type {Block[]} */ list, /** @type {number} */ off) {
  for (;;) {
    while (off > 0 && blank(text, off - 1)) off--;
    const i = firstEnding(list, off - 1);
    if (off <= 0 || i >= list.length || list[i].start > off - 1 || list[i].kind !== 'boilerplate') return off;
    off = list[i].start;
  }
}

/** pagesBefore counts the pages starting before off. */
const pagesBefore = (/** @type {Array<{at: number}>} */ pages, /** @type {number} */ off) => search(pages.length, (i) => pages[i].at >= off);

/**
 * chunkBlocks returns the shown blocks of chunk c, the last marked cut
 * when it goes on in the next chunk.
 * @param {Block[]} list
 * @param {string} text
 * @param {Chunk} c
 */
export function chunkBlocks(list, text, c) {
  const shown = shownBlocks(text, blocksIn(list, text, c.from, c.to));
  if (c.cut && shown.length) shown[shown.length - 1].cut = true;
  return shown;
}

/**
 * chunkAt returns the index of the chunk whose from..to holds offset
 * (the last one for an offset past the end), -1 when there is none.
 * @param {Chunk[]} chunks
 * @param {number} offset
 */
export function chunkAt(chunks, offset) {
  return chunks.length ? Math.max(0, search(chunks.length, (i) => chunks[i].from > offset) - 1) : -1;
}
