// The ways into the Explore view from the other views: the home view's
// link, a search's "analyse this term", a document's distinctive words.

import { formatHash, normState } from '../router.js';
import { link } from '../ui.js';
import { tx } from './strings.js';

/** @typedef {import('../app.js').App} App */

/** @param {Partial<import('../router.js').State>} st */
const hash = (st) => formatHash(normState(st));

/**
 * exploreHome is the home view's way in: the hub and the entity map.
 * @param {App} app
 */
export function exploreHome(app) {
  return app.h('p', { class: 'cx-x-links' }, link(app, { x: 'explore' }, { class: 'cx-btn' }, tx(app, 'openExplore')));
}

/**
 * exploreLinks are a search's links to the concordance, trend and
 * collocates of its query and to the distinctive words of its results;
 * update(q) points them at a new query.
 * @param {App} app
 */
export function exploreLinks(app) {
  const mk = (/** @type {string} */ key) => /** @type {HTMLAnchorElement} */ (app.h('a', { href: '#', dataset: { route: '' }, text: tx(app, key) }));
  const kwic = mk('analyse'), trend = mk('trend'), coll = mk('collocates'), key = mk('keyness');
  const nav = app.h('nav', { class: 'cx-x-links', attrs: { 'aria-label': tx(app, 'explore') } },
    app.h('ul', {}, [kwic, trend, coll, key].map((a) => app.h('li', {}, a))));
  return {
    nav,
    update(/** @type {string} */ q) {
      kwic.href = hash({ x: 'kwic', xv: q });
      trend.href = hash({ x: 'trend', xv: q });
      coll.href = hash({ x: 'collocates', xv: q });
      key.href = hash({ x: 'keyness', xv: q });
    },
  };
}

/**
 * docExplore links a document to its distinctive words and phrases.
 * @param {App} app
 * @param {string} id
 */
export function docExplore(app, id) {
  return app.h('p', { class: 'cx-x-links' }, link(app, { x: 'keyness', xv: 'doc:' + id }, {}, tx(app, 'distinctive')));
}
