// The reader's text in chunks, so that a very large document opens at
// once: its shown blocks are cut into chunks of about CHUNK characters;
// the chunk the reader opens at is drawn first, every other one starts as
// an empty placeholder of its estimated height (so that the scroll bar
// and the place of the text hardly move), and is drawn when it comes near
// the viewport (IntersectionObserver) or in idle time, a few at a time,
// until the whole text is in the page, where find-in-page, copy and
// assistive technology reach all of it. The text box is aria-busy until
// then. What a chunk holds is drawn by text.js.

/** @typedef {{start: number, end: number, kind: string, cut?: boolean}} Shown */
/** @typedef {{from: number, to: number, blocks: Shown[], pageFrom: number, state: 'pending' | 'done' | 'stale'}} Chunk */

/** Characters of text a chunk holds, about: drawing one takes a few milliseconds. */
export const CHUNK = 12_000;

/**
 * shownBlocks trims each block's blank edges, drops blocks left empty and
 * cuts a block longer than CHUNK into parts (at a line break, else after
 * a sentence's end, else at a space), every part but the last marked cut:
 * each part is drawn as its own element, joined to the next without a gap.
 * @param {string} text
 * @param {Array<{start: number, end: number, kind: string}>} blocks
 * @returns {Shown[]}
 */
export function shownBlocks(text, blocks) {
  /** @type {Shown[]} */
  const out = [];
  const blank = (/** @type {number} */ i) => { const c = text.charCodeAt(i); return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(text[i])); };
  for (const b of blocks) {
    let { start, end } = b;
    while (start < end && blank(start)) start++;
    while (end > start && blank(end - 1)) end--;
    if (end <= start) continue;
    const long = b.kind !== 'title' && b.kind !== 'heading';
    while (long && end - start > CHUNK) {
      const cut = cutAt(text, start, start + CHUNK);
      let e = cut;
      while (e > start && blank(e - 1)) e--;
      out.push({ start, end: e, kind: b.kind, cut: true });
      start = cut;
      while (start < end && blank(start)) start++;
    }
    if (end > start) out.push({ start, end, kind: b.kind });
  }
  return out;
}

/** cutAt chooses where to cut text before limit and after the middle of [start, limit). */
function cutAt(text, start, limit) {
  const half = start + ((limit - start) >> 1);
  for (const s of ['\n', '. ', '? ', '! ', ' ']) {
    const i = text.lastIndexOf(s, limit - s.length);
    if (i >= half) return i + s.length;
  }
  // No space at all: cut anywhere but inside a surrogate pair.
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}

/**
 * planChunks groups shown blocks into chunks of about size characters. A
 * chunk's from..to tiles the text (the blank space after its last block
 * is its own); a run of boilerplate blocks (folded together) is not cut
 * unless it grows past four chunks. pageFrom is the first of pages (their
 * starts, in order) whose marker the chunk may hold: a page's marker goes
 * in the first unfolded block ending after the page's start.
 * @param {string} text
 * @param {Shown[]} shown
 * @param {Array<{at: number}>} pages
 * @param {number} [size]
 * @returns {Chunk[]}
 */
export function planChunks(text, shown, pages, size = CHUNK) {
  /** @type {Chunk[]} */
  const out = [];
  let pi = 0;
  let cur = /** @type {Chunk | null} */ (null);
  let chars = 0;
  for (const b of shown) {
    const boiler = b.kind === 'boilerplate';
    const prev = cur && cur.blocks[cur.blocks.length - 1];
    const inRun = boiler && prev && prev.kind === 'boilerplate' && chars < 4 * size;
    if (!cur || (chars >= size && !inRun)) {
      if (cur) cur.to = b.start;
      cur = { from: cur ? b.start : 0, to: text.length, blocks: [], pageFrom: pi, state: 'pending' };
      out.push(cur);
      chars = 0;
    }
    cur.blocks.push(b);
    chars += b.end - b.start;
    if (!boiler) while (pi < pages.length && pages[pi].at < b.end) pi++;
  }
  return out;
}

/**
 * chunkAt returns the index of the chunk whose from..to holds offset
 * (the last one for an offset past the end), -1 when there is none.
 * @param {Chunk[]} chunks
 * @param {number} offset
 */
export function chunkAt(chunks, offset) {
  let lo = 0, hi = chunks.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].from <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Chunks draws a text's chunks into box: one wrapper element a chunk, in
 * order, each an empty placeholder (class cx-pending, its estimated
 * height) until drawn by render(chunk), which returns its nodes.
 */
export class Chunks {
  /**
   * @param {HTMLElement} box
   * @param {Chunk[]} chunks
   * @param {string} text
   * @param {(c: Chunk) => Node} render
   */
  constructor(box, chunks, text, render) {
    this.box = box;
    this.list = chunks;
    this.text = text;
    this.render = render;
    this.doc = /** @type {Document} */ (box.ownerDocument);
    this.win = /** @type {Window & typeof globalThis} */ (this.doc.defaultView);
    /** @type {HTMLElement[]} */
    this.els = [];
    /** @type {Map<Element, number>} */
    this.index = new Map();
    /** chunks not drawn, or drawn with marks since changed */
    this.left = 0;
    this.next = 0;
    this.timer = 0;
    this.idle = false;
    this.stopped = false;
    /** @type {number[] | null} the order chunks are drawn in idle time */
    this.order = null;
    /** @type {IntersectionObserver | null} */
    this.io = null;
    // Where the browser keeps the text in view when something above it
    // changes height (scroll anchoring), nothing is done; elsewhere the
    // page is scrolled by the change of a chunk drawn above the viewport.
    this.anchored = !!(this.win.CSS && this.win.CSS.supports && this.win.CSS.supports('overflow-anchor', 'auto'));
  }

  /**
   * mount puts every chunk's placeholder in the box, draws chunk first
   * (where the reader opens), and schedules the rest.
   * @param {number} first
   */
  mount(first) {
    const frag = this.doc.createDocumentFragment();
    const m = this.metrics();
    for (const [i, c] of this.list.entries()) {
      const el = this.doc.createElement('div');
      el.className = 'cx-chunk cx-pending';
      el.style.height = Math.round(this.estimate(c, m)) + 'px';
      this.els.push(el);
      this.index.set(el, i);
      frag.appendChild(el);
    }
    this.box.appendChild(frag);
    this.left = this.list.length;
    if (first >= 0 && first < this.list.length) this.show(first);
    if (!this.left) return;
    this.box.setAttribute('aria-busy', 'true');
    // Near the viewport first, in order from where the reader opened.
    this.order = [...this.list.keys()].slice(Math.max(first, 0)).concat([...this.list.keys()].slice(0, Math.max(first, 0)));
    if (this.win.IntersectionObserver) {
      this.io = new this.win.IntersectionObserver((entries) => {
        for (const e of entries) if (e.isIntersecting) this.show(/** @type {number} */ (this.index.get(e.target)));
      }, { rootMargin: '50% 0px' });
      for (const [i, el] of this.els.entries()) if (this.list[i].state !== 'done') this.io.observe(el);
    }
    this.schedule();
  }

  /**
   * metrics reads the box's line height, block margin and characters a
   * line (from the width of a sample of the text), for the estimates.
   */
  metrics() {
    const cs = this.win.getComputedStyle(this.box);
    const font = parseFloat(cs.fontSize) || 16;
    const lh = parseFloat(cs.lineHeight) || font * 1.5;
    const probe = this.doc.createElement('span');
    const sample = this.text.slice(0, 4000).replace(/\s+/g, ' ').slice(0, 400) || 'x';
    probe.textContent = sample;
    this.box.appendChild(probe);
    const w = probe.getBoundingClientRect().width / sample.length || font / 2;
    probe.remove();
    const width = this.box.clientWidth || 600;
    return { lh, margin: font * 1.05, perLine: Math.max(10, Math.floor(width / w)) };
  }

  /**
   * estimate is a chunk's height: each block's lines (its line breaks
   * kept, each line wrapped at perLine characters) and margin; a run of
   * folded boilerplate, its one summary line.
   * @param {Chunk} c
   * @param {{lh: number, margin: number, perLine: number}} m
   */
  estimate(c, m) {
    let lines = 0, blocks = 0, prevBoiler = false;
    for (const b of c.blocks) {
      const boiler = b.kind === 'boilerplate';
      if (boiler) {
        if (!prevBoiler) { lines += 1.5; blocks++; }
        prevBoiler = true;
        continue;
      }
      prevBoiler = false;
      if (!b.cut) blocks++;
      for (let a = b.start; a < b.end;) {
        let e = this.text.indexOf('\n', a);
        if (e < 0 || e > b.end) e = b.end;
        lines += Math.max(1, Math.ceil((e - a) / m.perLine));
        a = e + 1;
      }
    }
    return lines * m.lh + blocks * m.margin;
  }

  /**
   * show draws chunk i now, unless it is drawn and up to date (or force).
   * @param {number} i
   * @param {boolean} [force]
   */
  show(i, force = false) {
    const c = this.list[i];
    const el = this.els[i];
    if (!c || this.stopped || (c.state === 'done' && !force)) return;
    const above = !this.anchored && el.isConnected && el.getBoundingClientRect().bottom <= 0;
    const h0 = above ? el.offsetHeight : 0;
    const nodes = this.render(c);
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(nodes);
    if (c.state === 'pending') {
      el.classList.remove('cx-pending');
      el.removeAttribute('style');
    }
    if (c.state !== 'done') {
      this.left--;
      this.io?.unobserve(el);
    }
    c.state = 'done';
    if (above) this.win.scrollBy(0, el.offsetHeight - h0);
    if (!this.left) this.finish();
  }

  /**
   * stale marks every drawn chunk to be drawn again (the query's marks
   * changed): those near the viewport at once, the others in idle time.
   */
  stale() {
    if (this.stopped) return;
    for (const [i, c] of this.list.entries()) {
      if (c.state !== 'done') continue;
      c.state = 'stale';
      this.left++;
      this.io?.observe(this.els[i]);
    }
    if (!this.left) return;
    this.box.setAttribute('aria-busy', 'true');
    this.order = [...this.list.keys()];
    this.next = 0;
    this.schedule();
  }

  schedule() {
    if (this.timer || this.stopped || !this.left) return;
    const w = /** @type {any} */ (this.win);
    this.idle = !!w.requestIdleCallback;
    if (this.idle) this.timer = w.requestIdleCallback((/** @type {IdleDeadline} */ d) => this.tick(d), { timeout: 500 });
    else this.timer = this.win.setTimeout(() => this.tick(null), 0);
  }

  /**
   * tick draws chunks in idle time, in order, for at most about 12 ms (or
   * what the idle period has left), then waits for the next.
   * @param {IdleDeadline | null} deadline
   */
  tick(deadline) {
    this.timer = 0;
    const t0 = performance.now();
    const order = this.order || [];
    do {
      while (this.next < order.length && this.list[order[this.next]].state === 'done') this.next++;
      if (this.next >= order.length) break;
      this.show(order[this.next]);
    } while (performance.now() - t0 < 12 && (!deadline || deadline.timeRemaining() > 2));
    this.schedule();
  }

  finish() {
    this.box.removeAttribute('aria-busy');
    this.io?.disconnect();
    this.io = null;
  }

  /** stop ends the drawing: the document was left or drawn anew. */
  stop() {
    this.stopped = true;
    const w = /** @type {any} */ (this.win);
    if (this.timer && this.idle) w.cancelIdleCallback(this.timer);
    else if (this.timer) this.win.clearTimeout(this.timer);
    this.timer = 0;
    this.io?.disconnect();
    this.io = null;
  }
}
