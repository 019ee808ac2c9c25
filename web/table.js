// The table of documents on the landing view, sortable by any column and
// shown a page of rows at a time ("show more" adds a page), so that its
// cost on the main thread never grows with the corpus.

import { fmtDate, docTitle, link } from './ui.js';

/** @typedef {import('./app.js').App} App */
/** @typedef {import('./explorer.js').DocumentMeta} DocumentMeta */

/** Rows shown at first and added by each "show more": a screenful or two, so the first render lays out little. */
const ROWS = 50;

const COLS = [['title', 'colTitle'], ['date', 'colDate'], ['author', 'colAuthor'], ['words', 'colWords']];

export class DocTable {
  /** @param {App} app */
  constructor(app) {
    this.app = app;
    this.sort = { key: 'date', dir: -1 };
    this.shown = ROWS;
    /** @type {DocumentMeta[]} */
    this.sorted = [];
    /** @type {HTMLElement | null} */
    this.section = null;
  }

  /** The ids of the documents in the table's order. */
  order() {
    return this.sorted.map((d) => d.id);
  }

  sortDocs() {
    const app = this.app;
    const { key, dir } = this.sort;
    const coll = new Intl.Collator(app.lang);
    /** @param {DocumentMeta} d */
    const val = (d) => (key === 'title' ? docTitle(d, d.id) : String(/** @type {any} */ (d)[key] ?? ''));
    const { from, to } = app.state;
    // A period chosen on a timeline (#from=…&to=…) keeps the documents dated within it.
    const inPeriod = (/** @type {DocumentMeta} */ d) => !!d.date && (!from || d.date.slice(0, from.length) >= from) && (!to || d.date.slice(0, to.length) <= to);
    const all = app.docs ? app.docs.list : [];
    this.sorted = (from || to ? all.filter(inPeriod) : [...all]).sort((a, b) => {
      if (key === 'words') return dir * ((Number(a.words) || 0) - (Number(b.words) || 0));
      const x = val(a), y = val(b);
      if (!x && y) return 1; // missing values last
      if (x && !y) return -1;
      return dir * (key === 'date' ? (x < y ? -1 : x > y ? 1 : 0) : coll.compare(x, y));
    });
  }

  /** build returns the table's section, sorted, with its first rows. */
  build() {
    const app = this.app;
    const h = app.h.bind(app);
    const t = app.t.bind(app);
    this.sortDocs();
    const tid = app.id('docs');
    const { key, dir } = this.sort;
    const head = h('tr', {}, COLS.map(([k, label]) => h('th', {
      scope: 'col', class: 'cx-col-' + k,
      attrs: { 'aria-sort': k === key ? (dir > 0 ? 'ascending' : 'descending') : undefined },
    }, h('button', { type: 'button', class: 'cx-sort', on: { click: () => this.sortBy(k) } },
      t(label), h('span', { class: 'cx-sort-icon', attrs: { 'aria-hidden': 'true' }, text: k === key ? (dir > 0 ? ' ▲' : ' ▼') : ' ↕' })))));
    this.body = h('tbody', {});
    this.more = h('button', { type: 'button', class: 'cx-btn cx-more cx-more-docs', on: { click: () => this.showMore() } });
    this.addRows(0, this.shown);
    const total = app.state.from || app.state.to ? this.sorted.length : app.docs ? app.docs.total : 0;
    this.section = h('section', { class: 'cx-docs', attrs: { 'aria-labelledby': tid } },
      h('h2', { id: tid, text: t('documents') + ' (' + app.fmtNum(total) + ')' }),
      h('div', { class: 'cx-table-wrap', tabIndex: 0, attrs: { role: 'region', 'aria-label': t('docTableLabel') } },
        h('table', { class: 'cx-table' }, h('thead', {}, head), this.body)),
      this.more);
    return this.section;
  }

  /**
   * addRows appends the rows from..to of the sorted list.
   * @param {number} from
   * @param {number} to
   */
  addRows(from, to) {
    const app = this.app;
    const h = app.h.bind(app);
    for (const d of this.sorted.slice(from, to)) {
      this.body.append(h('tr', {},
        h('td', { class: 'cx-col-title' }, link(app, { doc: d.id }, { class: 'cx-doc-link', dataset: { navItem: '' }, attrs: { lang: d.lang || undefined } }, docTitle(d, d.id))),
        h('td', { class: 'cx-col-date' }, d.date ? h('time', { attrs: { datetime: d.date }, text: fmtDate(app.lang, d.date) }) : h('span', { class: 'cx-muted', text: '—' })),
        h('td', { class: 'cx-col-author', text: d.author || '—' }),
        h('td', { class: 'cx-col-words', text: app.fmtNum(d.words) })));
    }
    const all = app.docs && !app.state.from && !app.state.to ? app.docs.total : this.sorted.length;
    const left = all - Math.min(to, this.sorted.length);
    this.more.hidden = left <= 0;
    this.more.textContent = app.t('showMoreDocs', { n: app.fmtNum(Math.min(left, ROWS)) });
  }

  showMore() {
    const from = this.body.children.length;
    this.shown = from + ROWS;
    this.addRows(from, this.shown);
    const next = /** @type {HTMLElement | undefined} */ (this.body.children[from]?.querySelector('a'));
    if (next) next.focus();
  }

  /** @param {string} k */
  sortBy(k) {
    const { key, dir } = this.sort;
    this.sort = { key: k, dir: k === key ? -dir : (k === 'date' || k === 'words' ? -1 : 1) };
    this.replace();
    const btn = /** @type {HTMLElement | null | undefined} */ (this.section?.querySelector('.cx-col-' + k + ' button'));
    if (btn) btn.focus();
  }

  /** refresh rebuilds the table once more documents arrived, keeping the focus. */
  refresh() {
    const active = this.app.doc.activeElement;
    const inside = this.section && active && this.section.contains(active);
    if (inside) return; // not under the user's hands: the next sort shows them all
    this.replace();
  }

  replace() {
    const old = this.section;
    if (!old || !old.parentNode) return;
    old.replaceWith(this.build());
  }
}
