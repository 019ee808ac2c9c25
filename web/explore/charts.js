// The analyses drawn as charts: trends of terms (per period as lines, per
// folder or author as bars, and the documents where they are most
// frequent), the timeline of the documents, and the corpus's figures.

import { formatHash, normState } from '../router.js';
import { link } from '../ui.js';
import { tx } from './strings.js';
import { choice } from './view.js';
import { chart } from './chart.js';
import { table } from './lists.js';

/** @typedef {import('../app.js').App} App */
/** @typedef {import('../router.js').State} State */

/** @param {App} app */
const width = (app) => Math.min(1000, app.shell.views.explore.querySelector('.cx-x-out')?.clientWidth || 640);

/** @param {Partial<State>} st */
const hash = (st) => formatHash(normState(st)) || '#';

/**
 * period returns the first and last days of a period "YYYY" or "YYYY-MM",
 * the bounds of the search filter it chooses.
 * @param {string} key
 */
export function period(key) {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(key);
  if (!m) return { from: key, to: key };
  if (!m[2]) return { from: m[1] + '-01-01', to: m[1] + '-12-31' };
  const last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
  return { from: key + '-01', to: key + '-' + String(last).padStart(2, '0') };
}

/** How many documents the trend lists. */
const TOP_DOCS = 20;

/** @param {App} app @param {number} x */
const num = (app, x) => app.fmtNum(Math.round(x * 100) / 100);

/**
 * rate is a table cell's rate and, muted after it, its count in brackets;
 * on a narrow screen the count goes under the rate.
 * @param {App} app @param {number} x @param {number} n
 */
const rate = (app, x, n) => app.h('span', {}, num(app, x) + ' ', app.h('span', { class: 'cx-muted', text: '(' + app.fmtNum(n) + ')' }));

/**
 * @param {App} app
 * @param {State} st
 */
export async function renderTrend(app, st) {
  const h = app.h.bind(app);
  const by = /** @type {'month'|'year'|'folder'|'author'|''} */ (['month', 'year', 'folder', 'author'].includes(st.xo.by) ? st.xo.by : '');
  const r = await app.ex.trend(st.xv, { match: st.xo.match === 'forms' ? 'forms' : 'word', by: by || undefined, limit: TOP_DOCS });
  const controls = h('div', { class: 'cx-x-controls' },
    choice(app, 'match', tx(app, 'match'), [['word', tx(app, 'matchWord')], ['forms', tx(app, 'matchForms')]]),
    choice(app, 'by', tx(app, 'by'), [['', tx(app, 'byAuto')], ['month', tx(app, 'byMonth')], ['year', tx(app, 'byYear')], ['folder', tx(app, 'byFolder')], ['author', tx(app, 'byAuthor')]]));
  const dated = r.by === 'month' || r.by === 'year';
  // A folder is named by its last part: man1, not manpages-fr/man1.
  const labels = r.groups.map((g) => (r.by === 'folder' ? g.key.split('/').pop() : g.key) || tx(app, 'root'));
  const series = r.terms.map((t, i) => ({ name: t + ' (' + app.fmtNum(r.totals[i]) + ')', values: r.groups.map((g) => g.per10k[i]) }));
  // The columns of the terms are named by their term alone, the unit said once above them.
  const note = tx(app, 'per10kNote');
  const data = table(app, tx(app, 'trend'), ['group', 'docs#', 'words#', ...r.terms.map(() => 'per10k#')],
    r.groups.map((g, gi) => [labels[gi], app.fmtNum(g.docs), app.fmtNum(g.words), ...g.per10k.map((x, i) => rate(app, x, g.counts[i]))]),
    { heads: ['', '', '', ...r.terms], note });
  const fig = chart(app, {
    title: tx(app, 'trend') + ' — ' + tx(app, 'per10k'), labels, series, lines: dated, unit: tx(app, 'per10k'), table: data,
    href: (i, s) => hash({ q: r.terms[s], ...(dated ? period(r.groups[i].key) : {}) }),
  }, width(app));
  // The module gives the documents where a term is most frequent, highest first.
  const docs = table(app, tx(app, 'perDoc'), ['document', ...r.terms.map(() => 'per10k#')],
    r.docs.map((d) => [link(app, { doc: d.id, q: r.terms[d.per10k.indexOf(Math.max(...d.per10k))] }, {}, d.title || d.id), ...d.per10k.map((x, i) => rate(app, x, d.counts[i]))]),
    { heads: ['', ...r.terms], note });
  const holding = r.holding > r.docs.length ? h('p', { class: 'cx-muted', text: tx(app, 'holding', { n: app.fmtNum(r.docs.length), d: app.fmtNum(r.holding) }) }) : null;
  return h('div', {}, controls, fig, h('h2', { class: 'cx-x-h2', text: tx(app, 'perDoc') }), holding, docs);
}

/**
 * @param {App} app
 * @param {State} st
 */
export async function renderTimeline(app, st) {
  const h = app.h.bind(app);
  const by = st.xo.by === 'month' || st.xo.by === 'year' ? st.xo.by : undefined;
  const tl = await app.ex.timeline({ query: st.xv || undefined, by });
  const controls = h('div', { class: 'cx-x-controls' }, choice(app, 'by', tx(app, 'by'), [['', tx(app, 'byAuto')], ['month', tx(app, 'byMonth')], ['year', tx(app, 'byYear')]]));
  const note = tl.undated ? h('p', { class: 'cx-muted', text: tx(app, 'undated', { n: app.fmtNum(tl.undated) }) }) : null;
  if (!tl.periods.length) return h('div', {}, controls, note, h('p', { text: tx(app, 'none') }));
  const data = table(app, tx(app, 'timeline'), ['period', 'docs#', 'words#'], tl.periods.map((p) => [p.key, app.fmtNum(p.docs), app.fmtNum(p.words)]));
  const fig = chart(app, {
    title: tx(app, 'timeline') + (st.xv ? ' — ' + st.xv : ''), labels: tl.periods.map((p) => p.key),
    series: [{ name: tx(app, 'docs'), values: tl.periods.map((p) => p.docs) }], table: data,
    // A bar chooses its period: the search of the timeline's query within it,
    // or, for the corpus's timeline, the documents of the period (where a
    // search then looks).
    href: (i) => hash({ q: st.xv, ...period(tl.periods[i].key) }),
  }, width(app));
  const pick = h('p', { class: 'cx-muted', text: tx(app, st.xv ? 'pickPeriodQuery' : 'pickPeriod') });
  return h('div', {}, controls, note, fig, pick);
}

/**
 * @param {App} app
 */
export async function renderFigures(app) {
  const h = app.h.bind(app);
  const f = await app.ex.figures();
  const dl = h('dl', { class: 'cx-x-figures' }, [
    ['docs', app.fmtNum(f.documents)], ['tokens', app.fmtNum(f.tokens)], ['types', app.fmtNum(f.types)],
    ['ttr', num(app, f.ttr * 100) + ' %'], ['sttr', num(app, f.sttr * 100) + ' %'], ['hapax', app.fmtNum(f.hapax)],
    ['median', app.fmtNum(f.median_words)],
  ].map(([k, v]) => h('div', {}, h('dt', { text: tx(app, k) }), h('dd', { text: v }))));
  const labels = f.lengths.map((b) => app.fmtNum(b.min) + '–' + app.fmtNum(b.max));
  const data = table(app, tx(app, 'lengths'), ['words', 'docs#'], f.lengths.map((b, i) => [labels[i], app.fmtNum(b.docs)]));
  const fig = chart(app, { title: tx(app, 'lengths'), labels, series: [{ name: tx(app, 'docs'), values: f.lengths.map((b) => b.docs) }], table: data }, width(app));
  const langs = table(app, tx(app, 'languages'), ['lang', 'docs#', 'words#'], f.languages.map((l) => [l.lang, app.fmtNum(l.docs), app.fmtNum(l.words)]));
  return h('div', {}, dl, fig, h('h2', { class: 'cx-x-h2', text: tx(app, 'languages') }), langs);
}
