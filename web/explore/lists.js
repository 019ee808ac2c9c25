// The analyses that are ranked lists: collocates, distinctive words
// (keyness) and repeated phrases, each a table whose words open their
// concordance.

import { link } from '../ui.js';
import { tx } from './strings.js';
import { choice } from './view.js';
import { keynessOptions } from './part.js';

/** @typedef {import('../app.js').App} App */
/** @typedef {import('../router.js').State} State */

/**
 * table makes a data table in a box that scrolls sideways when the table
 * is wider than the screen (a region the keyboard can focus and scroll):
 * the first cell of each row heads it; cells are nodes or text.
 * @param {App} app
 * @param {string} caption said to screen readers
 * @param {string[]} cols i18n keys of the column headers; numeric ones end
 *   in '#'; an entry of heads, when given, replaces the header's text
 * @param {Array<Array<Node|string>>} rows
 * @param {{heads?: string[], note?: string}} [opt] note: what the numbers
 *   are (a unit), shown above the table once for all its columns
 */
export function table(app, caption, cols, rows, opt = {}) {
  const h = app.h.bind(app);
  const head = (/** @type {string} */ c, /** @type {number} */ i) => opt.heads?.[i] || tx(app, c.replace('#', ''));
  const wrap = h('div', { class: 'cx-table-wrap', tabIndex: 0, attrs: { role: 'region', 'aria-label': caption + ' — ' + tx(app, 'dataTable').toLowerCase() } }, h('table', { class: 'cx-table cx-x-table' },
    h('caption', { class: 'cx-sr', text: caption + (opt.note ? ' — ' + opt.note : '') }),
    h('thead', {}, h('tr', {}, cols.map((c, i) => h('th', { scope: 'col', class: c.endsWith('#') ? 'cx-num' : '', text: head(c, i) })))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((cell, i) => h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: cols[i].endsWith('#') ? 'cx-num' : '' }, cell)))))));
  // The note is the caption's end, shown outside the box that scrolls (and said once).
  return opt.note ? h('div', {}, h('p', { class: 'cx-x-note', attrs: { 'aria-hidden': 'true' }, text: opt.note }), wrap) : wrap;
}

/** @param {App} app @param {number} x */
const num = (app, x) => app.fmtNum(Math.round(x * 100) / 100);

/**
 * @param {App} app
 * @param {State} st
 */
export async function renderCollocates(app, st) {
  const h = app.h.bind(app);
  const win = Math.min(10, Math.max(1, Number(st.xo.window) || 5));
  const r = await app.ex.collocates(st.xv, { match: st.xo.match === 'forms' ? 'forms' : 'word', window: win, limit: 50 });
  const controls = h('div', { class: 'cx-x-controls' },
    choice(app, 'match', tx(app, 'match'), [['word', tx(app, 'matchWord')], ['forms', tx(app, 'matchForms')]]),
    choice(app, 'window', tx(app, 'window'), Array.from({ length: 10 }, (_, i) => [String(i + 1), '±' + (i + 1)]), String(win)));
  const note = h('p', { class: 'cx-muted', text: tx(app, 'measure', { m: tx(app, 'll').toLowerCase(), hits: app.fmtNum(r.hits), w: app.fmtNum(r.window_words) }) });
  if (!r.words.length) return h('div', {}, controls, note, h('p', { text: tx(app, 'none') }));
  const rows = r.words.map((c) => [
    link(app, { x: 'kwic', xv: st.xv, xo: { match: st.xo.match || '', near: c.word, window: String(win) } }, { attrs: { 'aria-label': st.xv + ' … ' + c.word } }, c.word), app.fmtNum(c.count), app.fmtNum(c.left), app.fmtNum(c.right), app.fmtNum(c.freq), num(app, c.ll)]);
  return h('div', {}, controls, note, table(app, tx(app, 'collocates') + ' : ' + st.xv, ['inWindow', 'count#', 'leftCount#', 'rightCount#', 'corpusFreq#', 'll#'], rows));
}

/**
 * @param {App} app
 * @param {State} st
 */
export async function renderKeyness(app, st) {
  const h = app.h.bind(app);
  const k = await app.ex.keyness(keynessOptions(st.xv));
  const note = h('p', { class: 'cx-muted', text: tx(app, 'keyWords', { d: app.fmtNum(k.docs), w: app.fmtNum(k.words), r: app.fmtNum(k.rest) }) });
  if (!k.keys.length) return h('div', {}, note, h('p', { text: tx(app, 'none') }));
  const rows = k.keys.map((x) => [link(app, { x: 'kwic', xv: x.word, xo: {} }, {}, x.word), app.fmtNum(x.count), app.fmtNum(x.rest), num(app, x.per10k), num(app, x.ref10k), num(app, x.ll)]);
  return h('div', {}, note, table(app, tx(app, 'keyness') + ' : ' + st.xv, ['keyness', 'inPart#', 'inRest#', 'partRate#', 'restRate#', 'll#'], rows));
}

/**
 * @param {App} app
 * @param {State} st
 */
export async function renderPhrases(app, st) {
  const h = app.h.bind(app);
  const n = Math.min(6, Math.max(2, Number(st.xo.n) || 3));
  const r = await app.ex.phrases({ n, limit: 100 });
  const controls = h('div', { class: 'cx-x-controls' },
    choice(app, 'n', tx(app, 'n'), ['2', '3', '4', '5', '6'].map((x) => [x, x]), String(n)));
  if (!r.phrases.length) return h('div', {}, controls, h('p', { text: tx(app, 'none') }));
  const rows = r.phrases.map((p) => [link(app, { x: 'kwic', xv: p.text, xo: {} }, {}, p.text), app.fmtNum(p.count), app.fmtNum(p.docs)]);
  return h('div', {}, controls, table(app, tx(app, 'phrases'), ['phrase', 'count#', 'docs#'], rows));
}
