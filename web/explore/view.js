// The Explore view: a hub of the analyses and, for the one the address
// names (#kwic=…, #trend=…, #collocates=…, #keyness=…, #phrases, #network,
// #timeline, #figures), its form and its answer. Each analysis is a module
// of this folder that renders into a section.

import { clear } from '../dom.js';
import { link, errorDetails, failureText } from '../ui.js';
import { tx } from './strings.js';
import { renderKWIC } from './kwic.js';
import { renderCollocates, renderKeyness, renderPhrases } from './lists.js';
import { renderTrend, renderTimeline, renderFigures } from './charts.js';
import { renderNetwork } from './network.js';
import { partForm } from './part.js';

/** @typedef {import('../app.js').App} App */
/** @typedef {import('../router.js').State} State */

/** The analyses, in the hub's order, and what each asks for. */
export const KINDS = [
  { x: 'kwic', ask: 'subject', render: renderKWIC },
  { x: 'trend', ask: 'terms', render: renderTrend },
  { x: 'collocates', ask: 'subject', render: renderCollocates },
  { x: 'keyness', ask: 'query', render: renderKeyness },
  { x: 'phrases', ask: '', render: renderPhrases },
  { x: 'network', ask: '', render: renderNetwork },
  { x: 'timeline', ask: 'query?', render: renderTimeline },
  { x: 'figures', ask: '', render: renderFigures },
];

export class ExploreView {
  /** @param {App} app */
  constructor(app) {
    this.app = app;
    this.seq = 0;
  }

  leave() { this.seq++; }

  async render() {
    const app = this.app;
    const st = app.state;
    const v = app.shell.views.explore;
    const seq = ++this.seq;
    const h = app.h.bind(app);
    clear(v);
    const kind = KINDS.find((k) => k.x === st.x);
    const titleId = app.id('xtitle');
    const title = h('h1', { id: titleId, class: 'cx-title', tabIndex: -1, text: kind ? tx(app, kind.x) : tx(app, 'exploreTitle') });
    const nav = h('nav', { class: 'cx-x-nav', attrs: { 'aria-label': tx(app, 'explore') } },
      h('ul', {}, KINDS.map((k) => h('li', {}, link(app, { x: k.x, xv: k.ask === 'subject' || k.ask === 'terms' ? st.xv : '' }, { attrs: { 'aria-current': k === kind ? 'page' : null } }, tx(app, k.x))))));
    const sec = h('section', { class: 'cx-x', attrs: { 'aria-labelledby': titleId } }, title, nav);
    v.append(sec);
    app.doc.title = (kind ? tx(app, kind.x) + (st.xv ? ' : ' + st.xv : '') : tx(app, 'exploreTitle')) + ' — ' + app.t('appName');
    if (!kind) {
      sec.append(h('p', { class: 'cx-muted', text: tx(app, 'exploreIntro') }),
        h('ul', { class: 'cx-x-hub' }, KINDS.map((k) => h('li', {},
          link(app, { x: k.x }, { class: 'cx-x-hub-link' }, tx(app, k.x)), ' ',
          h('span', { class: 'cx-muted', text: tx(app, k.x + 'Help') })))));
      this.focus(title);
      return;
    }
    sec.append(h('p', { class: 'cx-muted', text: tx(app, kind.x + 'Help') }));
    if (kind.x === 'keyness') sec.append(partForm(app, st.xv));
    else if (kind.ask) sec.append(this.form(kind.x, kind.ask));
    const out = h('div', { class: 'cx-x-out', attrs: { 'aria-live': 'polite', 'aria-busy': 'true' } }, h('p', { class: 'cx-muted', text: tx(app, 'loading') }));
    sec.append(out);
    this.focus(title);
    if (kind.ask && !kind.ask.endsWith('?') && !st.xv.trim()) {
      out.replaceChildren();
      out.setAttribute('aria-busy', 'false');
      return;
    }
    // The first analysis reads the whole corpus once: say so when it lasts.
    const slow = setTimeout(() => { if (seq === this.seq && out.firstChild) out.firstChild.textContent = tx(app, 'firstTime'); }, 1000);
    try {
      const body = await kind.render(app, st);
      if (seq !== this.seq) return;
      out.replaceChildren(body);
    } catch (err) {
      if (seq !== this.seq) return;
      // Said in the interface language (a part of a split build that
      // could not be had, or that the analysis failed), the explorer's
      // message in the details.
      out.replaceChildren(h('p', { class: 'cx-error', attrs: { role: 'alert' }, text: failureText(app, 'part', err, tx(app, 'failed')) }), errorDetails(app, err));
    } finally {
      clearTimeout(slow);
    }
    out.setAttribute('aria-busy', 'false');
  }

  /** @param {HTMLElement} title */
  focus(title) {
    const app = this.app;
    if (app.shell.input !== app.doc.activeElement) title.focus({ preventScroll: true });
  }

  /**
   * form asks for the analysis's subject.
   * @param {string} x
   * @param {string} ask
   */
  form(x, ask) {
    const app = this.app;
    const h = app.h.bind(app);
    const id = app.id('xsubject');
    const label = ask === 'terms' ? tx(app, 'terms') : ask.startsWith('query') ? tx(app, 'query') : tx(app, 'subject');
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'text', id, class: 'cx-input cx-x-input', value: app.state.xv, autocomplete: 'off', spellcheck: false }));
    return h('form', {
      class: 'cx-x-form',
      on: { submit: (/** @type {Event} */ e) => { e.preventDefault(); app.navigate({ x, xv: input.value.trim(), xo: { ...app.state.xo, page: '' } }); } },
    }, h('label', { attrs: { for: id }, text: label }), input, h('button', { type: 'submit', class: 'cx-btn', text: tx(app, 'go') }));
  }
}

/**
 * choice is a select that changes one option of the address.
 * @param {App} app
 * @param {string} key the option (xo key)
 * @param {string} label
 * @param {Array<[string, string]>} choices [value, text]
 * @param {string} [def] the value chosen when the address names none
 */
export function choice(app, key, label, choices, def = choices[0][0]) {
  const h = app.h.bind(app);
  const id = app.id('xo-' + key);
  const cur = app.state.xo[key] || def;
  const sel = /** @type {HTMLSelectElement} */ (h('select', { id, class: 'cx-select' }, choices.map(([v, t]) => h('option', { value: v, text: t, selected: v === cur }))));
  sel.addEventListener('change', () => app.navigate({ ...app.state, xo: { ...app.state.xo, [key]: sel.value, page: '' } }));
  return h('span', { class: 'cx-x-choice' }, h('label', { attrs: { for: id }, text: label }), ' ', sel);
}
