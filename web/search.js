// The search view: the results of the query in the box, with filters
// (author, dates, sort) and the query summary. One search per change of
// query: the engine answers the hits and their summary in one call, and
// a Lane keeps at most one search in flight, the latest query next.

import { clear } from './dom.js';
import { Lane } from './lane.js';
import { errorDetails, errorText, failureText, refusalText } from './ui.js';
import { renderResults, renderQuerySummary } from './results.js';
import { exploreLinks } from './explore/links.js';

/** @typedef {import('./app.js').App} App */
/** @typedef {import('./router.js').State} State */

/** Hits per page of results. */
export const PAGE = 20;

/** Sentences of the query summary. */
const SUMMARY_SENTENCES = 3;

/** Characters of the query a failed search's heading names: about a line. */
const HEADING_QUERY = 80;

/**
 * headingQuery is the query as a heading names it: whole, or, when longer
 * than a line (a query too long, pasted), its first words and "…", so
 * that what went wrong shows below it, not a screen further down.
 * @param {string} q
 */
function headingQuery(q) {
  if (q.length <= HEADING_QUERY) return q;
  const cut = q.slice(0, HEADING_QUERY);
  const space = cut.lastIndexOf(' ');
  return (space > HEADING_QUERY / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

export class SearchView {
  /** @param {App} app */
  constructor(app) {
    this.app = app;
    this.lane = new Lane();
    /** @type {any} the view's parts, built once per language */
    this.shell = null;
    /** @type {string[]} ids of the rendered results, in order */
    this.hits = [];
    this.qsumToggled = false;
  }

  /** @param {State} [st] */
  filtersActive(st = this.app.state) {
    return !!(st.author || st.from || st.to || st.section || st.tag);
  }

  leave() {
    this.lane.cancel();
  }

  /** @param {State | null} prev */
  render(prev) {
    const app = this.app;
    const v = app.shell.views.search;
    if (!this.shell || this.shell.lang !== app.lang || this.shell.view !== v) this.build();
    this.syncFilters();
    const st = app.state;
    this.shell.analyse.update(st.q);
    const same = prev && prev.view === 'search' && prev.q === st.q && prev.author === st.author && prev.from === st.from && prev.to === st.to && prev.section === st.section && prev.tag === st.tag && prev.sort === st.sort && prev.exact === st.exact && this.shell.done;
    if (same) {
      app.afterRender();
      return;
    }
    this.shell.analyse.nav.hidden = false;
    this.run(0);
  }

  build() {
    const app = this.app;
    const h = app.h.bind(app);
    const t = app.t.bind(app);
    const v = app.shell.views.search;
    clear(v);
    const list = app.docs ? app.docs.list : [];
    /** A select of the values the documents have, the first meaning any. @param {string} id @param {string} any @param {string[]} values */
    const choice = (id, any, values) => /** @type {HTMLSelectElement} */ (h('select', { id: app.id(id), class: 'cx-field' },
      h('option', { value: '', text: any }), [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, app.lang)).map((a) => h('option', { value: a, text: a }))));
    const author = choice('author', t('anyAuthor'), list.map((d) => d.author));
    // Sections and tags a site sets in its pages' meta tags or data- attributes.
    const section = choice('section', t('anySection'), list.map((d) => d.section || ''));
    const tag = choice('tag', t('anyTag'), list.flatMap((d) => d.tags || []));
    const o = app.overview || {};
    /** @type {Record<string, string>} */
    const dateAttrs = {};
    if (/^\d{4}-\d{2}-\d{2}$/.test(o.date_from || '')) dateAttrs.min = o.date_from;
    if (/^\d{4}-\d{2}-\d{2}$/.test(o.date_to || '')) dateAttrs.max = o.date_to;
    const from = /** @type {HTMLInputElement} */ (h('input', { type: 'date', id: app.id('from'), class: 'cx-field', attrs: dateAttrs }));
    const to = /** @type {HTMLInputElement} */ (h('input', { type: 'date', id: app.id('to'), class: 'cx-field', attrs: dateAttrs }));
    const sort = /** @type {HTMLSelectElement} */ (h('select', { id: app.id('sort'), class: 'cx-field' },
      h('option', { value: 'relevance', text: t('sortRelevance') }), h('option', { value: 'date', text: t('sortDate') })));
    const onChange = () => app.navigate({ ...app.state, q: app.shell.input.value, author: author.value, from: from.value, to: to.value, section: section.value, tag: tag.value, sort: sort.value === 'date' ? 'date' : 'relevance' }, { replace: true });
    for (const f of [author, from, to, section, tag, sort]) f.addEventListener('change', onChange);
    const clearBtn = h('button', {
      type: 'button', class: 'cx-btn cx-link-btn', text: t('clearFilters'),
      on: { click: () => this.clearFilters() },
    });
    const field = (/** @type {string} */ label, /** @type {HTMLElement} */ ctl) => h('div', { class: 'cx-fieldset' }, h('label', { attrs: { for: ctl.id }, text: label }), ctl);
    const details = /** @type {HTMLDetailsElement} */ (h('details', { class: 'cx-filters' }, h('summary', { text: t('filters') }),
      h('div', { class: 'cx-filter-row' }, field(t('author'), author), field(t('dateFrom'), from), field(t('dateTo'), to),
        section.options.length > 1 ? field(t('section'), section) : null, tag.options.length > 1 ? field(t('tag'), tag) : null, field(t('sort'), sort), clearBtn)));
    const hid = app.id('results-h');
    const s = this.shell = {
      lang: app.lang, view: v, author, from, to, section, tag, sort, details, clearBtn, done: false,
      heading: h('h1', { id: hid, class: 'cx-count', attrs: { tabindex: '-1' } }),
      dym: h('p', { class: 'cx-dym', hidden: true }),
      partial: h('p', { class: 'cx-note', hidden: true, text: t('partial') }),
      qsum: /** @type {HTMLDetailsElement} */ (h('details', { class: 'cx-qsum', hidden: true })),
      list: h('ol', { class: 'cx-hits', attrs: { 'aria-labelledby': hid } }),
      more: h('button', { type: 'button', class: 'cx-btn cx-more', hidden: true, text: t('showMore'), on: { click: () => this.run(this.hits.length) } }),
      empty: h('div', { class: 'cx-empty', hidden: true }),
      error: h('p', { class: 'cx-error', hidden: true, attrs: { role: 'alert' } }),
      why: h('div', { hidden: true }), // the error's details
      analyse: exploreLinks(app),
    };
    s.qsum.addEventListener('toggle', () => { if (s.qsum.firstChild) this.qsumToggled = true; });
    v.append(h('section', { class: 'cx-results', attrs: { 'aria-labelledby': hid } },
      h('div', { class: 'cx-results-head' }, s.heading, details), s.analyse.nav, s.dym, s.partial, s.error, s.why, s.qsum, s.list, s.more, s.empty));
  }

  clearFilters() {
    this.app.navigate({ ...this.app.state, author: '', from: '', to: '', section: '', tag: '' }, { replace: true });
  }

  syncFilters() {
    const s = this.shell, st = this.app.state;
    for (const [sel, v] of /** @type {[HTMLSelectElement, string][]} */ ([[s.author, st.author], [s.section, st.section], [s.tag, st.tag]])) {
      if (sel.value === v) continue;
      if (v && ![...sel.options].some((o) => o.value === v)) sel.append(this.app.h('option', { value: v, text: v }));
      sel.value = v;
    }
    s.from.value = /^\d{4}-\d{2}-\d{2}$/.test(st.from) ? st.from : '';
    s.to.value = /^\d{4}-\d{2}-\d{2}$/.test(st.to) ? st.to : '';
    s.sort.value = st.sort;
    s.clearBtn.hidden = !this.filtersActive();
    if (this.filtersActive()) s.details.open = true;
  }

  /**
   * run searches the current state's query from hit offset: the first page
   * comes with the query summary, from the same search.
   * @param {number} offset
   */
  async run(offset) {
    const app = this.app;
    const st = app.state;
    const s = this.shell;
    const q = st.q;
    /** @type {import('./explorer.js').SearchFilters} */
    const filters = {};
    if (st.author) filters.author = st.author;
    if (st.from) filters.dateFrom = st.from;
    if (st.to) filters.dateTo = st.to;
    if (st.section) filters.section = st.section;
    if (st.tag) filters.tag = st.tag;
    if (offset === 0 && s.qsum.dataset.q !== q) {
      // Until its own summary arrives, an older query's one is shown as stale.
      s.qsum.classList.add('cx-stale');
      s.qsum.setAttribute('aria-busy', 'true');
    }
    const ex = /** @type {import('./explorer.js').Explorer} */ (app.ex);
    const out = await this.lane.run(() => ex.search(q, { limit: PAGE, offset, sort: st.sort, filters, asTyped: st.exact, summary: offset === 0 ? { sentences: SUMMARY_SENTENCES } : undefined }));
    if (!out) return; // a newer search superseded this one
    s.done = true;
    if (out.error !== undefined || !out.value) {
      this.showError(q, out.error);
      return;
    }
    renderResults(this, out.value, q, offset);
    if (offset === 0) renderQuerySummary(this, out.value.summary, q);
  }

  /**
   * @param {string} q
   * @param {unknown} err
   */
  showError(q, err) {
    const s = this.shell;
    s.heading.textContent = this.app.t('resultsFor', { q: headingQuery(q) });
    s.heading.dataset.q = q;
    // Said in the interface's language (a part of the index that could
    // not be had, in a split build, or that the search failed); the
    // explorer's message in the tooltip and the details.
    s.error.textContent = failureText(this.app, 'index', err, this.app.t('searchFailed'));
    s.error.title = errorText(err);
    s.why.replaceChildren(errorDetails(this.app, err));
    s.error.hidden = s.why.hidden = false;
    // What was refused here (a query too long, no word) the analyses
    // would refuse too: no links to them.
    s.analyse.nav.hidden = !!refusalText(this.app, err);
    clear(s.list);
    s.more.hidden = s.dym.hidden = s.partial.hidden = s.qsum.hidden = s.empty.hidden = true;
    this.hits = [];
    this.app.announce(s.error.textContent);
  }
}
