// The pages of a paged document (a PDF): where each starts in the text
// (the document's `pages`, offsets in UTF-16 code units like every other
// offset the engine gives), which page holds an offset, and the reader's
// small marker at the start of each page.

/** @typedef {import('./explorer.js').Document} Doc */
/** @typedef {{at: number, n: number}} PageStart */

/**
 * pageStarts returns where the document's pages start, in order, as
 * {at, n} with n 1-based; of pages sharing a start (pages without text),
 * only the last, the one that holds the text. [] for an unpaged document.
 * @param {Doc} d
 * @param {number} len the text's length
 * @returns {PageStart[]}
 */
export function pageStarts(d, len) {
  /** @type {PageStart[]} */
  const out = [];
  const pages = Array.isArray(d.pages) ? d.pages : [];
  for (const [i, at] of pages.entries()) {
    if (!Number.isInteger(at) || at < 0 || at > len) continue;
    while (out.length && out[out.length - 1].at >= at) out.pop();
    out.push({ at, n: i + 1 });
  }
  return out;
}

/**
 * pageAt returns the 1-based number of the page holding offset off, or 0
 * for an unpaged document.
 * @param {PageStart[]} starts
 * @param {number} off
 */
export function pageAt(starts, off) {
  let n = 0;
  for (const p of starts) {
    if (p.at > off) break;
    n = p.n;
  }
  return n;
}

/**
 * wordEnd moves off forward to the end of the word it falls inside (a
 * word rejoined across a page break), so that a marker never splits one.
 * @param {string} text
 * @param {number} off
 */
export function wordEnd(text, off) {
  const inWord = /[\p{L}\p{N}\p{M}'’-]/u;
  while (off > 0 && off < text.length && inWord.test(text[off - 1]) && inWord.test(text[off])) off++;
  return off;
}

/**
 * pageMarker is the reader's marker at the start of page n: "p. 12",
 * muted, a page break to assistive technology ("Page 12").
 * @param {import('./app.js').App} app
 * @param {number} n
 */
export function pageMarker(app, n) {
  return app.h('span', {
    class: 'cx-page cx-pagebreak', text: app.t('pageN', { n: app.fmtNum(n) }), dataset: { page: String(n) },
    attrs: { role: 'doc-pagebreak', 'aria-label': app.t('pageLabel', { n: app.fmtNum(n) }) },
  });
}
