// Around a document in the reader: the back button and the links to the
// previous and next documents — of the results when it was opened from
// them, else of the table on the landing view.

import { link } from './ui.js';

/** @typedef {import('./app.js').App} App */

/**
 * backButton goes back to the results or the overview.
 * @param {App} app
 */
export function backButton(app) {
  const label = app.state.q ? app.t('backToResults') : app.t('backToOverview');
  return app.h('button', { type: 'button', class: 'cx-btn cx-back', on: { click: () => app.router.back() } },
    app.h('span', { attrs: { 'aria-hidden': 'true' }, text: '← ' }), label);
}

/**
 * neighbours returns the ids before and after id.
 * @param {App} app
 * @param {string} id
 */
export function neighbours(app, id) {
  const hits = app.results.hits;
  let order = app.state.q && hits.includes(id) ? hits : app.home.order();
  if (!order.includes(id)) order = app.docs ? app.docs.list.map((d) => d.id) : [];
  const i = order.indexOf(id);
  return { prev: i > 0 ? order[i - 1] : '', next: i >= 0 && i < order.length - 1 ? order[i + 1] : '' };
}

/**
 * docNav is the back button (at the top) and the previous/next links.
 * @param {App} app
 * @param {string} id
 * @param {'top' | 'bottom'} where
 */
export function docNav(app, id, where) {
  const h = app.h.bind(app);
  const t = app.t.bind(app);
  const { prev, next } = neighbours(app, id);
  const item = (/** @type {string} */ target, /** @type {string} */ key, /** @type {string} */ cls, /** @type {string} */ arrow) => {
    if (!target) return h('span', { class: 'cx-pn cx-pn-none ' + cls });
    const lang = (app.docs && app.docs.lang(target)) || undefined;
    return link(app, { ...app.state, doc: target, s: -1 }, { class: 'cx-pn ' + cls, attrs: { rel: key } },
      h('span', { class: 'cx-pn-label' },
        arrow === '←' ? h('span', { attrs: { 'aria-hidden': 'true' }, text: '← ' }) : null,
        h('span', { class: 'cx-pn-text', text: t(key) }),
        arrow === '→' ? h('span', { attrs: { 'aria-hidden': 'true' }, text: ' →' }) : null),
      h('span', { class: 'cx-pn-title', text: app.docTitle(target), attrs: { lang } }));
  };
  return h('nav', { class: 'cx-docnav cx-docnav-' + where, attrs: { 'aria-label': t('docNav') + (where === 'bottom' ? ' (2)' : '') } },
    where === 'top' ? backButton(app) : null,
    h('div', { class: 'cx-pn-row' }, item(prev, 'prev', 'cx-prev', '←'), item(next, 'next', 'cx-next', '→')));
}
