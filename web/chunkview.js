// The reader's text drawn a chunk at a time (chunks.js plans them). The
// chunk the reader opens at is drawn first; every other one starts as an
// empty placeholder of its estimated height (so that the scroll bar and
// the place of the text hardly move) and is drawn when it comes near the
// viewport (IntersectionObserver) or in idle time, a few at a time, until
// the whole text is in the page, where find-in-page, copy and assistive
// technology reach all of it. The text box is aria-busy until then. The
// browser skips the layout of drawn chunks away from the viewport
// (content-visibility: auto), so drawing them costs little. What a chunk
// holds is drawn by text.js.

/** @typedef {import('./chunks.js').Chunk} Chunk */

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
   * @param {(dy: number) => void} scrollBy scrolls what the text scrolls in
   */
  constructor(box, chunks, text, render, scrollBy) {
    this.box = box;
    this.scrollBy = scrollBy;
    /** @type {number | null} how far above the viewport's bottom the text ends, while its end is in view */
    this.endGap = null;
    /** @type {ResizeObserver | null} */
    this.ro = null;
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
    this.frame = 0;
    this.idle = false;
    this.stopped = false;
    /** @type {(() => void) | null} */
    this.onScroll = null;
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
    // A first guess at the estimates, set right once the page is laid out
    // (measure): measuring now would lay the page out in this task.
    const guess = { lh: 31, margin: 19, perLine: 80 };
    for (const c of this.list) {
      const el = this.doc.createElement('div');
      el.className = 'cx-chunk cx-pending';
      el.style.height = Math.round(this.estimate(c, guess)) + 'px';
      this.index.set(el, this.els.length);
      this.els.push(el);
      frag.appendChild(el);
    }
    this.box.appendChild(frag);
    this.left = this.list.length;
    if (first >= 0 && first < this.list.length) {
      this.show(first);
      // In view: laid out at once.
      this.els[first].classList.remove('cx-chunk-far');
    }
    if (!this.left) return;
    this.box.setAttribute('aria-busy', 'true');
    // Near the viewport first, in order from where the reader opened.
    this.order = [...this.list.keys()].slice(Math.max(first, 0)).concat([...this.list.keys()].slice(0, Math.max(first, 0)));
    this.watch();
    // Measured when the browser lays the page out for the next frame.
    this.frame = this.win.requestAnimationFrame(() => { this.frame = 0; this.measure(first); });
    // A reader at the end of the text (the End key) stays there while
    // what is drawn above grows or shrinks from its estimate (chunks far
    // away keep it until the browser lays them out), until stop().
    const h = () => this.win.innerHeight || this.doc.documentElement.clientHeight;
    this.onScroll = () => {
      const b = this.box.getBoundingClientRect().bottom;
      this.endGap = b <= h() && b > 0 ? h() - b : null;
    };
    this.doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    if (this.win.ResizeObserver) {
      this.ro = new this.win.ResizeObserver(() => {
        if (this.endGap === null) return;
        const d = this.box.getBoundingClientRect().bottom - (h() - this.endGap);
        if (Math.abs(d) >= 1) this.scrollBy(d);
      });
      this.ro.observe(this.box);
    }
    this.schedule();
  }

  /** watch draws each chunk left to draw as it comes near the viewport. */
  watch() {
    if (!this.io && this.win.IntersectionObserver) {
      this.io = new this.win.IntersectionObserver((entries) => {
        for (const e of entries) if (e.isIntersecting) this.show(/** @type {number} */ (this.index.get(e.target)));
      }, { rootMargin: '50% 0px' });
    }
    for (const [i, el] of this.els.entries()) if (this.list[i].state !== 'done') this.io?.observe(el);
  }

  /**
   * measure sets the placeholders' heights from the text's metrics, scaled
   * by what chunk first, drawn, measures against its own estimate.
   * @param {number} first
   */
  measure(first) {
    if (this.stopped || !this.left) return;
    const m = this.metrics();
    const ref = this.els[first];
    const top = ref ? ref.getBoundingClientRect().top : 0;
    let f = ref ? ref.offsetHeight / this.estimate(this.list[first], m) : 1;
    if (!(f > 0.2 && f < 5)) f = 1;
    for (const [i, el] of this.els.entries()) if (this.list[i].state === 'pending') el.style.height = Math.round(this.estimate(this.list[i], m) * f) + 'px';
    if (ref && !this.anchored) this.scrollBy(ref.getBoundingClientRect().top - top);
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
   * estimate is a chunk's height, from its length and its number of
   * blocks: its characters wrapped at perLine, half a line more a block
   * (the last line's rest), a margin a block.
   * @param {Chunk} c
   * @param {{lh: number, margin: number, perLine: number}} m
   */
  estimate(c, m) {
    const blocks = Math.max(1, c.blocks);
    const lines = Math.max(blocks, (c.to - c.from) / m.perLine + blocks / 2);
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
    // A placeholder gives way to a new element. A text of many chunks
    // keeps the browser from styling and laying out the chunks that are
    // not near the viewport (content-visibility: auto), at the height
    // estimated until they have been laid out once: drawing a chunk far
    // away then costs only its nodes, and find-in-page still reaches it.
    const to = c.state === 'pending' ? this.doc.createElement('div') : el;
    while (to.firstChild) to.removeChild(to.firstChild);
    to.appendChild(nodes);
    if (to !== el) {
      to.className = this.list.length > 1 ? 'cx-chunk cx-chunk-far' : 'cx-chunk';
      if (this.list.length > 1) to.style.containIntrinsicBlockSize = 'auto ' + el.style.height;
      this.io?.unobserve(el);
      el.replaceWith(to);
      this.els[i] = to;
      this.index.delete(el);
      this.index.set(to, i);
    } else if (c.state === 'stale') this.io?.unobserve(el);
    if (c.state !== 'done') this.left--;
    c.state = 'done';
    if (above) this.scrollBy(to.offsetHeight - h0);
    if (!this.left) this.finish();
  }

  /**
   * stale marks every drawn chunk to be drawn again (the query's marks
   * changed): those near the viewport at once, the others in idle time.
   */
  stale() {
    if (this.stopped) return;
    for (const c of this.list) {
      if (c.state !== 'done') continue;
      c.state = 'stale';
      this.left++;
    }
    if (!this.left) return;
    this.watch();
    this.box.setAttribute('aria-busy', 'true');
    this.order = [...this.list.keys()];
    this.next = 0;
    this.schedule();
  }

  /**
   * schedule asks for idle time to draw more. Drawn chunks away from the
   * viewport are not laid out, so ticks need not wait for frames.
   */
  schedule() {
    if (this.timer || this.stopped || !this.left) return;
    const w = /** @type {any} */ (this.win);
    this.idle = !!w.requestIdleCallback;
    if (this.idle) this.timer = w.requestIdleCallback((/** @type {IdleDeadline} */ d) => this.tick(d), { timeout: 1000 });
    else this.timer = this.win.setTimeout(() => this.tick(null), 0);
  }

  /**
   * tick draws chunks in idle time, in order, for at most 10 ms (or what
   * the idle period has left), at least one.
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
    } while (performance.now() - t0 < 10 && (!deadline || deadline.timeRemaining() > 3));
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
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.timer = 0;
    this.frame = 0;
    this.io?.disconnect();
    this.io = null;
    this.unpin();
  }

  /** unpin stops keeping the end of the text in view. */
  unpin() {
    if (this.onScroll) this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
    this.onScroll = null;
    this.ro?.disconnect();
    this.ro = null;
  }
}
