// The reader's full text: its blocks (paragraphs, headings, boilerplate
// folded away), with the summary's sentences and the target sentence as
// <mark class=cx-sum|cx-target> and the query's words, at the ranges the
// engine gave, as <mark class=cx-hl>; a paged document (a PDF) has a
// page marker (pages.js) where each page starts.

import { clear, normRanges, appendMarked } from './dom.js';
import { pageStarts, pageMarker, wordEnd } from './pages.js';

/** @typedef {import('./reader.js').ReaderView} ReaderView */
/** @typedef {import('./explorer.js').Document} Doc */
/** @typedef {{start: number, end: number, kind: string}} Block */

/** @param {ReaderView} view */
export function renderText(view) {
  const r = view.r;
  if (!r) return;
  const app = view.app;
  const d = r.d;
  const text = String(d.text || '');
  const box = r.textBox;
  clear(box);
  /** @type {Array<{start: number, end: number, cls: string, sum?: number}>} */
  const spans = [];
  const st = app.state;
  const sents = Array.isArray(d.sentences) ? d.sentences : [];
  const target = st.s >= 0 && sents[st.s] ? sents[st.s] : null;
  for (const [i, x] of r.summary.entries()) spans.push({ start: x.start, end: x.end, cls: 'cx-sum', sum: i });
  if (target) {
    const same = spans.find((x) => x.start === target.start && x.end === target.end);
    if (same) same.cls += ' cx-target';
    else spans.push({ start: target.start, end: target.end, cls: 'cx-target' });
  }
  const occ = occurrence(st.at, text.length);
  if (occ) {
    // An occurrence a concordance line opened: marked, and first.
    for (let i = spans.length - 1; i >= 0; i--) if (spans[i].start < occ.end && occ.start < spans[i].end) spans.splice(i, 1);
    spans.push({ start: occ.start, end: occ.end, cls: 'cx-target cx-occ' });
  }
  spans.sort((a, b) => a.start - b.start);
  /** @type {typeof spans} */
  const layer = [];
  for (const x of spans) if (!layer.length || x.start >= layer[layer.length - 1].end) layer.push(x);
  const qr = normRanges(r.hl, text.length);
  r.marks = new Map();

  // Each page's marker goes where the page starts, or, when that is in
  // blank space or folded boilerplate, at the start of the next shown
  // block; one that falls inside a word, after the word.
  const pages = pageStarts(d, text.length).map((p) => ({ at: wordEnd(text, p.at), n: p.n }));
  let pi = 0; // the next page to mark
  /** put appends text[a:b] with the query's marks, and the markers of the pages starting before b when paged. */
  const put = (/** @type {HTMLElement} */ parent, /** @type {number} */ a, /** @type {number} */ b, /** @type {boolean} */ paged) => {
    for (; paged && pi < pages.length && pages[pi].at < b; pi++) {
      const p = Math.max(pages[pi].at, a);
      if (p > a) appendMarked(parent, text, qr, 'cx-hl', a, p);
      parent.appendChild(pageMarker(app, pages[pi].n));
      a = p;
    }
    if (b > a) appendMarked(parent, text, qr, 'cx-hl', a, b);
  };

  const fill = (/** @type {HTMLElement} */ node, /** @type {number} */ start, /** @type {number} */ end, paged = true) => {
    let pos = start;
    for (const x of layer) {
      const s = Math.max(x.start, start), e = Math.min(x.end, end);
      if (e <= s) continue;
      if (s > pos) put(node, pos, s, paged);
      // A page starting with the mark gets its marker before it, not inside.
      for (; paged && pi < pages.length && pages[pi].at <= s; pi++) node.appendChild(pageMarker(app, pages[pi].n));
      const m = app.h('mark', { class: x.cls, dataset: x.sum !== undefined ? { sum: String(x.sum) } : {} });
      put(m, s, e, paged);
      node.appendChild(m);
      if (!r.marks.has(x.start)) {
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
  for (const b of blocks(d, text)) {
    let { start, end } = b;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
    if (b.kind === 'boilerplate') {
      if (!group) {
        const body = app.h('div', { class: 'cx-boiler-body' });
        group = { body, words: 0, el: app.h('details', { class: 'cx-boilerplate' }, app.h('summary'), body) };
        box.append(group.el);
      }
      group.words += (text.slice(start, end).match(/[\p{L}\p{N}]+/gu) || []).length;
      /** @type {HTMLElement} */ (group.el.firstChild).textContent = app.t('boilerplate', { n: app.fmtNum(group.words) });
      group.body.append(fill(app.h('p', { class: 'cx-block' }), start, end, false));
      continue;
    }
    group = null;
    let node;
    if (b.kind === 'title') {
      const asTitle = text.slice(start, end).trim() === String(d.title || '').trim();
      node = app.h(asTitle ? 'p' : 'h3', { class: 'cx-block cx-block-title' });
    } else if (b.kind === 'heading') node = app.h('h3', { class: 'cx-block cx-block-heading' });
    else if (b.kind === 'meta') node = app.h('p', { class: 'cx-block cx-block-meta' });
    else node = app.h('p', { class: 'cx-block' });
    box.append(fill(node, start, end));
  }
  // Keep <details> open if the target is inside.
  for (const det of box.querySelectorAll('details')) if (det.querySelector('mark.cx-target')) /** @type {HTMLDetailsElement} */ (det).open = true;
}

/**
 * blocks returns the document's blocks in order, covering every non-blank
 * part of the text (parts no block claims become paragraphs).
 * @param {Doc} d
 * @param {string} text
 * @returns {Block[]}
 */
export function blocks(d, text) {
  const kinds = new Set(['paragraph', 'title', 'heading', 'meta', 'boilerplate']);
  const given = (Array.isArray(d.blocks) ? d.blocks : [])
    .filter((b) => b && Number.isFinite(b.start) && Number.isFinite(b.end) && b.end > b.start && b.start >= 0 && b.end <= text.length)
    .map((b) => ({ start: b.start, end: b.end, kind: kinds.has(b.kind) ? b.kind : 'paragraph' }))
    .sort((a, b) => a.start - b.start);
  /** @type {Block[]} */
  const out = [];
  let pos = 0;
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
  for (const b of given) {
    if (b.start < pos) { if (b.end <= pos) continue; b.start = pos; }
    if (b.start > pos) gap(pos, b.start);
    out.push(b);
    pos = b.end;
  }
  if (pos < text.length) gap(pos, text.length);
  return out;
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
  if (occ && r.marks.has(occ.start)) {
    scrollToSentence(view, occ.start);
  } else if (st.s >= 0 && sents[st.s] && r.marks.has(sents[st.s].start)) {
    scrollToSentence(view, sents[st.s].start);
  } else if (view.app.doc.activeElement !== r.h1 && /** @type {Document | ShadowRoot} */ (view.app.root.getRootNode()).activeElement !== r.h1) {
    r.h1.focus({ preventScroll: true });
  }
}

/**
 * scrollToSentence brings the sentence starting at start into view and
 * focuses it.
 * @param {ReaderView} view
 * @param {number} start
 */
export function scrollToSentence(view, start) {
  const m = view.r && view.r.marks.get(start);
  if (!m) return;
  const det = m.closest('details');
  if (det) det.open = true;
  const smooth = !view.app.reduceMotion.matches;
  m.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'center' });
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
