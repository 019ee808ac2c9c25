// The concordance: every occurrence in aligned columns (left context, the
// match, right context), sortable, paged, each opening the reader at that
// occurrence; the whole list as CSV.

import { link } from '../ui.js';
import { tx } from './strings.js';
import { choice } from './view.js';

/** @typedef {import('../app.js').App} App */
/** @typedef {import('../router.js').State} State */

/** Lines per page, and the most lines a CSV export holds. */
const PAGE = 50;
const CSV_MAX = 50000;

/**
 * kwicOptions are the engine's options for the address's options.
 * @param {State} st
 * @returns {import('../explorer.js').KWICOptions}
 */
export function kwicOptions(st) {
  const page = Math.max(1, Number(st.xo.page) || 1);
  const sort = /** @type {'document'|'date'|'left'|'right'} */ (['date', 'left', 'right'].includes(st.xo.order) ? st.xo.order : 'document');
  const near = st.xo.near ? { near: st.xo.near, window: Math.min(10, Math.max(1, Number(st.xo.window) || 5)) } : {};
  return { match: st.xo.match === 'forms' ? 'forms' : 'word', sort, offset: (page - 1) * PAGE, limit: PAGE, ...near };
}

/**
 * @param {App} app
 * @param {State} st
 */
export async function renderKWIC(app, st) {
  const h = app.h.bind(app);
  const opt = kwicOptions(st);
  const c = await app.ex.kwic(st.xv, opt);
  const page = opt.offset / PAGE + 1;
  const pages = Math.max(1, Math.ceil(c.total / PAGE));
  const controls = h('div', { class: 'cx-x-controls' },
    choice(app, 'match', tx(app, 'match'), [['word', tx(app, 'matchWord')], ['forms', tx(app, 'matchForms')]]),
    choice(app, 'order', tx(app, 'sort'), [['document', tx(app, 'sortDocument')], ['date', tx(app, 'sortDate')], ['left', tx(app, 'sortLeft')], ['right', tx(app, 'sortRight')]]),
    h('button', { type: 'button', class: 'cx-btn', text: tx(app, 'csv'), on: { click: () => exportCSV(app, st) } }));
  const head = h('p', { class: 'cx-x-count', text: tx(app, c.total === 1 ? 'occurrences1' : c.docs === 1 ? 'occurrencesN1' : 'occurrences', { n: app.fmtNum(c.total), d: app.fmtNum(c.docs) }) + (opt.near ? ' — ' + tx(app, 'near', { w: opt.near, n: opt.window }) : '') });
  if (!c.total) return h('div', {}, controls, head);
  const rows = c.lines.map((l) => h('tr', {},
    h('td', { class: 'cx-kwic-left' }, h('span', { text: l.left })),
    h('td', { class: 'cx-kwic-hit' }, link(app, { doc: l.id, q: st.xv, at: l.start + '-' + l.end }, { dataset: { navItem: '' }, attrs: { 'aria-label': l.hit + ' — ' + (l.title || l.id) } }, l.hit)),
    h('td', { class: 'cx-kwic-right' }, h('span', { text: l.right })),
    h('td', { class: 'cx-kwic-doc' }, h('span', { text: l.title || l.id }), l.date ? h('span', { class: 'cx-muted', text: ' ' + l.date }) : null)));
  const table = h('div', { class: 'cx-table-wrap', tabIndex: 0, attrs: { role: 'region', 'aria-label': tx(app, 'kwic') + ' — ' + tx(app, 'dataTable').toLowerCase() } }, h('table', { class: 'cx-table cx-kwic' },
    h('caption', { class: 'cx-sr', text: tx(app, 'kwic') + ' : ' + st.xv }),
    h('thead', {}, h('tr', {}, ['left', 'hit', 'right', 'document'].map((k) => h('th', { scope: 'col', class: 'cx-kwic-' + k, text: tx(app, k) })))),
    h('tbody', {}, rows)));
  const go = (/** @type {number} */ p) => link(app, { ...st, xo: { ...st.xo, page: String(p) } }, { class: 'cx-btn' }, tx(app, p < page ? 'prev' : 'next'));
  const nav = h('nav', { class: 'cx-x-pages', attrs: { 'aria-label': tx(app, 'lines', { from: '', to: '', n: '' }).replace(/\s+/g, ' ') } },
    page > 1 ? go(page - 1) : null,
    h('span', { text: tx(app, 'lines', { from: app.fmtNum(opt.offset + 1), to: app.fmtNum(opt.offset + c.lines.length), n: app.fmtNum(c.total) }) }),
    page < pages ? go(page + 1) : null);
  return h('div', {}, controls, head, table, nav);
}

/**
 * csvField quotes a field for CSV (RFC 4180), and defuses spreadsheet formulas.
 * @param {unknown} v
 */
export function csvField(v) {
  let s = String(v ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/**
 * exportCSV downloads every line of the concordance (up to CSV_MAX).
 * @param {App} app
 * @param {State} st
 */
async function exportCSV(app, st) {
  const opt = kwicOptions(st);
  const rows = [['document', 'title', 'date', 'left', 'match', 'right', 'start', 'end'].join(',')];
  for (let offset = 0; offset < CSV_MAX; offset += 1000) {
    const c = await app.ex.kwic(st.xv, { ...opt, offset, limit: 1000 });
    for (const l of c.lines) rows.push([l.id, l.title, l.date, l.left.trim(), l.hit, l.right.trim(), l.start, l.end].map(csvField).join(','));
    if (offset + 1000 >= c.total) break;
  }
  const blob = new Blob(['\ufeff' + rows.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const a = /** @type {HTMLAnchorElement} */ (app.h('a', { href: URL.createObjectURL(blob), download: 'concordance-' + st.xv.replace(/[^\p{L}\p{N}]+/gu, '-') + '.csv' }));
  app.shell.top.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
