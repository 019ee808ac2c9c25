// The reader's full text: its blocks (paragraphs, headings, boilerplate
// folded away), with the summary's sentences and the target sentence as
// <mark class=cx-sum|cx-target> and the query's words, at the ranges the
// engine gave, as <mark class=cx-hl>; a paged document (a PDF) has a
// page marker (pages.js) where each page starts. The text is drawn in
// chunks (chunks.js): a very large document opens at once, and a change
// of marks draws again only the chunks it touches.

import { clear, normRanges, appendMarked } from './dom.js';
import { pageStarts, pageMarker, wordEnd } from './pages.js';
import { planChunks, chunkAt, blockList, blocksIn, chunkBlocks } from './chunks.js';
import { Chunks } from './chunkview.js';

/** @typedef {import('./reader.js').ReaderView} ReaderView */
/** @typedef {import('./explorer.js').Document} Doc */
/** @typedef {{start: number, end: number, kind: string}} Block */

/**
 * @typedef {{start: number, end: number, cls: string, sum?: number}} Span
 * @typedef {{text: string, list: import('./chunks.js').Block[], layer: Span[], qr: number[][], pages: Array<{at: number, n: number}>, chunks: import('./chunks.js').Chunk[], view: Chunks | null}} Drawn
 */

/**
 * layerOf is the marks over the text's sentences, sorted and never
 * overlapping: the summary's sentences, the target sentence (one with a
 * summary sentence it coincides with) and an occurrence a concordance
 * line opened (before all the others it overlaps).
 * @param {ReaderView} view
 * @param {string} text
 * @returns {Span[]}
 */
function layerOf(view, text) {
  const r = /** @type {NonNullable<ReaderView['r']>} */ (view.r);
  const st = view.app.state;
  /** @type {Span[]} */
  const spans = [];
  const sents = Array.isArray(r.d.sentences) ? r.d.sentences : [];
  const target = st.s >= 0 && sents[st.s] ? sents[st.s] : null;
  for (const [i, x] of r.summary.entries()) spans.push({ start: x.start, end: x.end, cls: 'cx-sum', sum: i });
  if (target) {
    const same = spans.find((x) => x.start === target.start && x.end === target.end);
    if (same) same.cls += ' cx-target';
    else spans.push({ start: target.start, end: target.end, cls: 'cx-target' });
  }
  const occ = occurrence(st.at, text.length);
  if (occ) {
    for (let i = spans.length - 1; i >= 0; i--) if (spans[i].start < occ.end && occ.start < spans[i].end) spans.splice(i, 1);
    spans.push({ start: occ.start, end: occ.end, cls: 'cx-target cx-occ' });
  }
  spans.sort((a, b) => a.start - b.start);
  /** @type {Span[]} */
  const layer = [];
  for (const x of spans) if (!layer.length || x.start >= layer[layer.length - 1].end) layer.push(x);
  return layer;
}

/**
 * renderText draws the document's text anew: the chunk holding the place
 * the reader opens at (the occurrence, else the target sentence, else the
 * start) at once, the rest as the reader scrolls or in idle time
 * (chunks.js, chunkview.js).
 * @param {ReaderView} view
 */
export function renderText(view) {
  const r = view.r;
  if (!r) return;
  r.drawn?.view?.stop();
  const d = r.d;
  const text = String(d.text || '');
  clear(r.textBox);
  r.marks = new Map();
  // Each page's marker goes where the page starts, or, when that is in
  // blank space or folded boilerplate, at the start of the next shown
  // block; one that falls inside a word, after the word.
  const pages = pageStarts(d, text.length).map((p) => ({ at: wordEnd(text, p.at), n: p.n }));
  const list = blockList(d, text);
  const layer = layerOf(view, text);
  const occ = occurrence(view.app.state.at, text.length);
  const target = layer.find((x) => x.cls.includes('cx-target'));
  const around = occ ? occ.start : target ? target.start : 0;
  const chunks = planChunks(text, list, pages, around);
  /** @type {Drawn} */
  const drawn = { text, list, layer, qr: normRanges(r.hl, text.length), pages, chunks, view: null };
  r.drawn = drawn;
  const app = view.app;
  const scrollBy = (/** @type {number} */ dy) => { if (app.useHash) app.win.scrollBy(0, dy); else app.shell.top.scrollTop += dy; };
  drawn.view = new Chunks(r.textBox, chunks, text, (c) => drawChunk(view, drawn, c), scrollBy);
  drawn.view.mount(chunkAt(chunks, around));
}

/**
 * refreshMarks brings the drawn text's marks up to date (the summary
 * arrived or changed length, the query or the target changed) without
 * drawing it all again: the chunks a changed sentence mark touches are
 * drawn again at once; when the query's marks changed, every drawn chunk
 * is, those near the viewport first.
 * @param {ReaderView} view
 */
export function refreshMarks(view) {
  const r = view.r;
  const drawn = r && r.drawn;
  if (!r || !drawn || !drawn.view || drawn.view.stopped) { renderText(view); return; }
  const layer = layerOf(view, drawn.text);
  const qr = normRanges(r.hl, drawn.text.length);
  const key = (/** @type {Span} */ x) => x.start + ':' + x.end + ':' + x.cls + ':' + x.sum;
  const was = new Set(drawn.layer.map(key));
  const now = new Set(layer.map(key));
  const changed = [...drawn.layer.filter((x) => !now.has(key(x))), ...layer.filter((x) => !was.has(key(x)))];
  const sameQuery = qr.length === drawn.qr.length && qr.every((x, i) => x[0] === drawn.qr[i][0] && x[1] === drawn.qr[i][1]);
  drawn.layer = layer;
  drawn.qr = qr;
  const starts = new Set(layer.map((x) => x.start));
  for (const k of [...r.marks.keys()]) if (!starts.has(k)) r.marks.delete(k);
  const redo = new Set();
  for (const x of changed) for (let i = chunkAt(drawn.chunks, x.start); i >= 0 && i < drawn.chunks.length && drawn.chunks[i].from < x.end; i++) redo.add(i);
  for (const i of redo) if (drawn.chunks[i].state !== 'pending') drawn.view.show(i, true);
  if (!sameQuery) drawn.view.stale();
}

/**
 * drawChunk returns the nodes of a chunk's blocks: paragraphs, headings,
 * folded boilerplate, with the sentence marks, the query's marks and the
 * page markers; each sentence mark first drawn is kept in view.r.marks.
 * @param {ReaderView} view
 * @param {Drawn} drawn
 * @param {import('./chunks.js').Chunk} c
 */
function drawChunk(view, drawn, c) {
  const r = /** @type {NonNullable<ReaderView['r']>} */ (view.r);
  const app = view.app;
  const d = r.d;
  const { text, layer, qr, pages } = drawn;
  const frag = app.doc.createDocumentFragment();
  let pi = c.pageFrom; // the next page to mark
  /** put appends text[a:b] with the query's marks, and the markers of the pages starting before b when paged. */
  const put = (/** @type {Node} */ parent, /** @type {number} */ a, /** @type {number} */ b, /** @type {boolean} */ paged) => {
    for (; paged && pi < pages.length && pages[pi].at < b; pi++) {
      const p = Math.max(pages[pi].at, a);
      if (p > a) appendMarked(parent, text, qr, 'cx-hl', a, p);
      parent.appendChild(pageMarker(app, pages[pi].n));
      a = p;
    }
    if (b > a) appendMarked(parent, text, qr, 'cx-hl', a, b);
  };
  const kept = new Set();
  const fill = (/** @type {HTMLElement} */ node, /** @type {number} */ start, /** @type {number} */ end, paged = true) => {
    let pos = start;
    for (const x of layer) {
      if (x.start >= end) break;
      const s = Math.max(x.start, start), e = Math.min(x.end, end);
      if (e <= s) continue;
      if (s > pos) put(node, pos, s, paged);
      // A page starting with the mark gets its marker before it, not inside.
      for (; paged && pi < pages.length && pages[pi].at <= s; pi++) node.appendChild(pageMarker(app, pages[pi].n));
      const m = app.h('mark', { class: x.cls, dataset: x.sum !== undefined ? { sum: String(x.sum) } : {} });
      put(m, s, e, paged);
      node.appendChild(m);
      // The first part of each mark: in this chunk when the mark starts
      // in it; one started before, when no earlier part is drawn.
      if (!kept.has(x.start) && (x.start >= c.from || !r.marks.has(x.start) || !r.marks.get(x.start)?.isConnected)) {
        kept.add(x.start);
        m.tabIndex = -1;
        r.marks.set(x.start, m);
      }
      pos = e;
    }
    if (pos < end) put(node, pos, end, paged);
    return node;
  };

  /** @type {{el: HTMLElement, body: HTMLElement, words: number} | null} */
  let group = null;
  for (const b of chunkBlocks(drawn.list, text, c)) {
    const { start, end } = b;
    if (b.kind === 'boilerplate') {
      if (!group) {
        const body = app.h('div', { class: 'cx-boiler-body' });
        group = { body, words: 0, el: app.h('details', { class: 'cx-boilerplate' }, app.h('summary'), body) };
        frag.append(group.el);
      }
      group.words += (text.slice(start, end).match(/[\p{L}\p{N}]+/gu) || []).length;
      /** @type {HTMLElement} */ (group.el.firstChild).textContent = app.t('boilerplate', { n: app.fmtNum(group.words) });
      group.body.append(fill(app.h('p', { class: b.cut ? 'cx-block cx-block-cut' : 'cx-block' }), start, end, false));
      continue;
    }
    group = null;
    let node;
    const cls = b.cut ? ' cx-block-cut' : '';
    if (b.kind === 'title') {
      const asTitle = text.slice(start, end).trim() === String(d.title || '').trim();
      node = app.h(asTitle ? 'p' : 'h3', { class: 'cx-block cx-block-title' });
    } else if (b.kind === 'heading') node = app.h('h3', { class: 'cx-block cx-block-heading' });
    else if (b.kind === 'meta') node = app.h('p', { class: 'cx-block cx-block-meta' + cls });
    else node = app.h('p', { class: 'cx-block' + cls });
    frag.append(fill(node, start, end));
  }
  // Keep <details> open if the target is inside.
  for (const det of frag.querySelectorAll('details')) if (det.querySelector('mark.cx-target')) /** @type {HTMLDetailsElement} */ (det).open = true;
  return frag;
}

/**
 * blocks returns the document's blocks in order, covering every non-blank
 * part of the text (parts no block claims become paragraphs).
 * @param {Doc} d
 * @param {string} text
 * @returns {Block[]}
 */
export function blocks(d, text) {
  return blocksIn(blockList(d, text), text, 0, text.length);
}

/**
 * markAt returns the mark of the sentence (or occurrence) starting at
 * start, drawing its chunk first when it is not drawn yet; null when no
 * mark starts there.
 * @param {ReaderView} view
 * @param {number} start
 * @returns {HTMLElement | null}
 */
export function markAt(view, start) {
  const r = view.r;
  if (!r) return null;
  const m = r.marks.get(start);
  if (m && m.isConnected) return m;
  const drawn = r.drawn;
  if (!drawn || !drawn.view || !drawn.layer.some((x) => x.start === start)) return null;
  // Its chunk, or the next when the mark starts in blank space before it.
  const i = chunkAt(drawn.chunks, start);
  for (const j of [i, i + 1]) {
    if (j < 0 || j >= drawn.chunks.length) continue;
    drawn.view.show(j);
    const got = r.marks.get(start);
    if (got && got.isConnected) return got;
  }
  return null;
}

/**
 * focusTarget scrolls to the sentence the address names, else focuses
 * the title.
 * @param {ReaderView} view
 */
export function focusTarget(view) {
  const r = view.r;
  if (!r) return;
  const st = view.app.state;
  const sents = Array.isArray(r.d.sentences) ? r.d.sentences : [];
  const occ = occurrence(st.at, String(r.d.text || '').length);
  if (occ && markAt(view, occ.start)) {
    scrollToSentence(view, occ.start);
  } else if (st.s >= 0 && sents[st.s] && markAt(view, sents[st.s].start)) {
    scrollToSentence(view, sents[st.s].start);
  } else if (view.app.doc.activeElement !== r.h1 && /** @type {Document | ShadowRoot} */ (view.app.root.getRootNode()).activeElement !== r.h1) {
    r.h1.focus({ preventScroll: true });
  }
}

/**
 * scrollToSentence brings the sentence starting at start into view and
 * focuses it; smoothly unless the reader prefers reduced motion or the
 * sentence is more than a few screens away (a long smooth scroll would
 * draw every chunk it passes).
 * @param {ReaderView} view
 * @param {number} start
 */
export function scrollToSentence(view, start) {
  const m = markAt(view, start);
  if (!m) return;
  const det = m.closest('details');
  if (det) det.open = true;
  const win = view.app.win;
  const far = Math.abs(m.getBoundingClientRect().top) > 3 * (win.innerHeight || 800);
  const smooth = !view.app.reduceMotion.matches;
  m.scrollIntoView({ behavior: smooth && !far ? 'smooth' : 'auto', block: 'center' });
  m.focus({ preventScroll: true });
  m.classList.remove('cx-flash');
  void m.offsetWidth;
  if (smooth) m.classList.add('cx-flash');
}

/**
 * occurrence reads the address's "start-end" range of an occurrence, or
 * null when it is absent or outside a text of len characters.
 * @param {string} at
 * @param {number} len
 */
export function occurrence(at, len) {
  const m = /^(\d+)-(\d+)$/.exec(at || '');
  if (!m) return null;
  const start = Number(m[1]), end = Number(m[2]);
  return end > start && end <= len ? { start, end } : null;
}
