// What a search answered, on screen: the count, did-you-mean, the hits
// with their marked titles and snippets, the empty state, and the query
// summary. Every mark comes from the engine's ranges.

import { clear, normRanges, appendMarked } from './dom.js';
import { fmtDate, link, searchButton, sourceName, packFailure } from './ui.js';

/** @typedef {import('./search.js').SearchView} SearchView */
/** @typedef {import('./explorer.js').SearchResult} SearchResult */
/** @typedef {import('./explorer.js').Summary} Summary */

/**
 * renderResults shows a page of results (offset 0 replaces the list).
 * @param {SearchView} view
 * @param {SearchResult} res
 * @param {string} q
 * @param {number} offset
 */
export function renderResults(view, res, q, offset) {
  const app = view.app;
  const s = view.shell;
  const h = app.h.bind(app);
  const t = app.t.bind(app);
  const hits = Array.isArray(res.hits) ? res.hits : [];
  const total = Number(res.total) || 0;
  s.error.hidden = s.why.hidden = true;
  s.heading.dataset.q = q;
  s.heading.textContent = total === 0 ? t('count0') : total === 1 ? t('count1') : t('countN', { n: app.fmtNum(total) });
  s.partial.hidden = !res.partial;
  clear(s.dym);
  if (res.corrected) {
    // "Showing results for X. Search instead for Y."
    s.dym.append(t('showingFor') + ' ', h('strong', { text: res.corrected }), '. ' + t('searchInstead') + ' ',
      link(app, { ...app.state, q, exact: true }, { class: 'cx-dym-link' }, q), '.');
    s.dym.hidden = false;
  } else if (res.suggestion && res.suggestion !== q) {
    s.dym.append(t('didYouMean') + ' ', link(app, { ...app.state, q: res.suggestion }, { class: 'cx-dym-link' }, res.suggestion), t('didYouMeanEnd'));
    s.dym.hidden = false;
  } else s.dym.hidden = true;
  if (offset === 0) {
    clear(s.list);
    view.hits = [];
  }
  /** @type {Map<import('./explorer.js').Hit, HTMLElement>} */
  const waiting = new Map(); // hit -> its snippet's place, while its text's pack loads
  for (const hit of hits) {
    view.hits.push(hit.id);
    const d = app.docs && app.docs.get(hit.id);
    const title = hit.title || app.docTitle(hit.id);
    const snippet = String(hit.snippet || '');
    const lang = (d && d.lang) || undefined;
    const meta = [];
    if (hit.date) meta.push(h('time', { attrs: { datetime: hit.date }, text: fmtDate(app.lang, hit.date) }));
    if (hit.author) meta.push(h('span', { class: 'cx-author', text: hit.author }));
    if (d && d.words) meta.push(h('span', { text: t('wordsN', { n: app.fmtNum(d.words) }) }));
    s.list.append(h('li', { class: 'cx-hit' },
      h('h2', { class: 'cx-hit-title' },
        appendMarked(link(app, { ...app.state, doc: hit.id, s: -1 }, { class: 'cx-hit-link', dataset: { navItem: '', id: hit.id }, attrs: { lang } }),
          title, hit.title ? normRanges(hit.title_highlights, title.length) : [], 'cx-hl')),
      meta.length ? h('p', { class: 'cx-hit-meta' }, meta.flatMap((m, i) => (i ? [' · ', m] : [m]))) : null,
      snippet ? markSnippet(view, h('p', { class: 'cx-snippet', attrs: { lang } }), hit, snippet) : snippetPlace(view, hit, waiting, lang)));
  }
  if (waiting.size > 0 && app.ex) {
    // A split build: the titles now, each snippet when its text's pack
    // arrives, in a place of the same height.
    const gen = view.lane.gen;
    app.ex.snippets(res).then(() => {
      for (const [hit, p] of waiting) fillSnippet(view, p, hit);
      // The query summary could read only the texts at hand: again, whole.
      if (offset === 0 && res.summary && view.lane.current(gen)) renderQuerySummary(view, res.summary, q);
    });
  }
  s.more.hidden = view.hits.length >= total || hits.length === 0;
  s.empty.hidden = total > 0 || view.hits.length > 0;
  if (!s.empty.hidden) renderEmpty(view, q, Array.isArray(res.absent) ? res.absent : []);
  app.announce(t(total === 0 ? 'countAnnounce0' : total === 1 ? 'countAnnounce1' : 'countAnnounce', { n: app.fmtNum(total), q }));
  if (offset === 0) app.afterRender();
}

/**
 * snippetPlace is the place of a snippet not there yet (its pack loading)
 * or that cannot be had; null when the hit has neither.
 * @param {SearchView} view
 * @param {import('./explorer.js').Hit} hit
 * @param {Map<import('./explorer.js').Hit, HTMLElement>} waiting
 * @param {string | undefined} lang
 */
function snippetPlace(view, hit, waiting, lang) {
  if (!hit.pending && !hit.snippet_error) return null;
  const p = view.app.h('p', { class: 'cx-snippet cx-snippet-wait', attrs: { lang } });
  if (hit.pending) {
    p.setAttribute('aria-busy', 'true');
    p.textContent = view.app.t('snippetLoading');
    waiting.set(hit, p);
  } else fillSnippet(view, p, hit);
  return p;
}

/**
 * markSnippet appends to p the snippet with its marks, after the page it
 * is on for a paged document (a PDF).
 * @param {SearchView} view
 * @param {HTMLElement} p
 * @param {import('./explorer.js').Hit} hit
 * @param {string} snippet
 * @returns {HTMLElement}
 */
function markSnippet(view, p, hit, snippet) {
  if (hit.page) p.append(view.app.h('span', { class: 'cx-page', text: view.app.t('pageN', { n: view.app.fmtNum(hit.page) }) }), ' ');
  return appendMarked(p, snippet, normRanges(hit.snippet_highlights, snippet.length), 'cx-hl');
}

/**
 * fillSnippet puts in p the snippet that arrived, or why there is none.
 * @param {SearchView} view
 * @param {HTMLElement} p
 * @param {import('./explorer.js').Hit} hit
 */
function fillSnippet(view, p, hit) {
  p.removeAttribute('aria-busy');
  clear(p);
  const snippet = String(hit.snippet || '');
  if (snippet) {
    markSnippet(view, p, hit, snippet);
  } else {
    // Our sentence, in the interface's language; what went wrong, for
    // developers, in its tooltip (the reader shows it in full).
    p.classList.add('cx-snippet-error');
    p.lang = view.app.lang;
    p.textContent = packFailure(view.app, 'text', hit.snippet_error_reason, hit.snippet_error_status);
    if (hit.snippet_error) p.title = String(hit.snippet_error);
  }
}

/**
 * renderEmpty says nothing was found, with what to try: completions of the
 * last word, the corpus's keywords, clearing the filters. A word the
 * engine knows for a real word the corpus lacks (absent) is said to be
 * absent, not misspelt.
 * @param {SearchView} view
 * @param {string} q
 * @param {string[]} absent
 */
async function renderEmpty(view, q, absent) {
  const app = view.app;
  const s = view.shell;
  const h = app.h.bind(app);
  const t = app.t.bind(app);
  clear(s.empty);
  s.qsum.hidden = true;
  const unused = absent.filter((w) => typeof w === 'string' && w);
  const tips = unused.length ? [...unused.map((w) => t('emptyAbsent', { w })), t('emptyAbsentTry')] : [t('emptyTip1')];
  if (view.filtersActive()) tips.push(t('emptyTip2'));
  s.empty.append(h('h2', { text: t('emptyTitle', { q }) }), h('ul', { class: 'cx-tips' }, tips.map((x) => h('li', { text: x }))));
  if (view.filtersActive()) s.empty.append(h('p', {}, h('button', { type: 'button', class: 'cx-btn', text: t('clearFilters'), on: { click: () => view.clearFilters() } })));
  const gen = view.lane.gen;
  /** @type {unknown} */
  let completions = [];
  const last = (q.match(/[\p{L}\p{N}]+$/u) || [''])[0];
  if (last.length >= 2 && app.ex) {
    try { completions = await app.ex.suggest(last); } catch { completions = []; }
  }
  if (!view.lane.current(gen)) return; // another search started meanwhile
  const prefix = q.slice(0, q.length - last.length);
  const words = (Array.isArray(completions) ? completions : []).filter((c) => typeof c === 'string' && c && c !== last).slice(0, 8);
  if (words.length) {
    s.empty.append(h('p', { text: t('completions') }), h('ul', { class: 'cx-chips' }, words.map((c) => h('li', {}, searchButton(app, prefix + c)))));
  }
  const kw = Array.isArray(app.overview.keywords) ? app.overview.keywords.slice(0, 8) : [];
  if (kw.length) {
    s.empty.append(h('p', { text: t('emptyTry') }), h('ul', { class: 'cx-chips' }, kw.map((k) => h('li', {}, searchButton(app, k.text)))));
  }
}

/**
 * renderQuerySummary shows what the first hits say about the query, its
 * words marked with the engine's ranges.
 * @param {SearchView} view
 * @param {Summary | undefined} sum
 * @param {string} q
 */
export function renderQuerySummary(view, sum, q) {
  const app = view.app;
  const s = view.shell;
  const h = app.h.bind(app);
  clear(s.qsum);
  s.qsum.dataset.q = q;
  s.qsum.classList.remove('cx-stale');
  s.qsum.removeAttribute('aria-busy');
  const sents = sum && Array.isArray(sum.sentences) ? sum.sentences : [];
  if (!sents.length || !s.empty.hidden) {
    s.qsum.hidden = true;
    return;
  }
  // Open on wide screens; on a phone it would push the results away.
  if (!view.qsumToggled) s.qsum.open = !app.win.matchMedia || app.win.matchMedia('(min-width: 40rem)').matches;
  s.qsum.append(h('summary', {}, h('span', { class: 'cx-qsum-title', text: app.t('querySummary', { q }) })),
    h('ul', { class: 'cx-quotes' }, sents.map((x) => {
      const lang = (app.docs && app.docs.lang(x.id)) || undefined;
      const text = String(x.text || '');
      return h('li', {},
        link(app, { ...app.state, doc: x.id, s: Number.isInteger(x.index) ? x.index : -1 }, { class: 'cx-qsum-link', attrs: { lang } },
          appendMarked(h('span', { class: 'cx-quote' }), text, normRanges(x.highlights, text.length), 'cx-hl')),
        ' ', h('span', { class: 'cx-source-title', text: '— ' + sourceName(app.docs && app.docs.get(x.id), x.id, text), attrs: { lang } }));
    })));
  s.qsum.hidden = false;
}
