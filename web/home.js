// The landing view: the corpus overview (figures, summary, keywords and
// entities that search) and the table of documents (table.js).

import { clear } from './dom.js';
import { fmtDate, langName, link, chips, sourceName } from './ui.js';
import { DocTable } from './table.js';
import { exploreHome } from './explore/links.js';

/** @typedef {import('./app.js').App} App */

export class HomeView {
  /** @param {App} app */
  constructor(app) {
    this.app = app;
    this.table = new DocTable(app);
    /** @type {(() => void) | null} */
    this.unlisten = null;
  }

  /** The ids of the documents in the table's order, as far as they arrived. */
  order() {
    return this.table.order();
  }

  render() {
    const app = this.app;
    const v = app.shell.views.home;
    // Shown again when the language or the period (#from=…&to=…) changes.
    const key = app.lang + ' ' + app.state.from + ' ' + app.state.to;
    if (v.dataset.key === key && v.firstChild) {
      app.afterRender();
      return;
    }
    v.dataset.key = key;
    clear(v);
    // A period chosen on a timeline: its documents, under its own title.
    if (app.state.from || app.state.to) v.append(this.period(), this.table.build());
    else v.append(this.overview(), this.table.build());
    if (!this.unlisten && app.docs && !app.docs.complete) {
      // The rest of the list arrives in the background: the table shows
      // it all once it is there.
      this.unlisten = app.docs.onChange(() => { if (app.docs && app.docs.complete) this.table.refresh(); });
    }
    app.afterRender();
  }

  /** period is the title of the documents of a period (#from=…&to=…). */
  period() {
    const app = this.app;
    const h = app.h.bind(app);
    const t = app.t.bind(app);
    const { from, to } = app.state;
    const hid = app.id('period');
    return h('section', { class: 'cx-overview', attrs: { 'aria-labelledby': hid } },
      h('h1', { id: hid, class: 'cx-title', text: t('docsPeriod', { from: fmtDate(app.lang, from) || '…', to: fmtDate(app.lang, to) || '…' }) }),
      h('p', { class: 'cx-muted' }, t('periodHint'), ' ', link(app, {}, {}, t('allDocs'))));
  }

  overview() {
    const app = this.app;
    const h = app.h.bind(app);
    const t = app.t.bind(app);
    const o = app.overview || {};
    const n = Number(o.documents ?? (app.docs ? app.docs.total : 0)) || 0;
    const stats = [n === 1 ? t('statDoc') : t('statDocs', { n: app.fmtNum(n) })];
    if (o.words) stats.push(t('statWords', { n: app.fmtNum(o.words) }));
    if (o.date_from && o.date_to && o.date_from !== o.date_to) stats.push(t('statRange', { from: fmtDate(app.lang, o.date_from), to: fmtDate(app.lang, o.date_to) }));
    else if (o.date_from || o.date_to) stats.push(fmtDate(app.lang, o.date_from || o.date_to));
    const langs = o.languages && typeof o.languages === 'object' ? Object.keys(o.languages) : [];
    if (langs.length) stats.push(t('statLangs', { langs: langs.map((l) => langName(app.lang, l)).join(', ') }));
    const hid = app.id('ov');
    const sec = h('section', { class: 'cx-overview', attrs: { 'aria-labelledby': hid } },
      h('h1', { id: hid, class: 'cx-title', text: t('overviewTitle') }),
      h('ul', { class: 'cx-stats' }, stats.map((s) => h('li', { text: s }))),
      exploreHome(app));
    const summary = Array.isArray(o.summary) ? o.summary : [];
    if (summary.length) {
      const sid = app.id('digest');
      sec.append(h('section', { class: 'cx-digest', attrs: { 'aria-labelledby': sid } },
        h('h2', { id: sid, text: t('corpusSummary') }),
        h('ul', { class: 'cx-quotes' }, summary.map((s) => {
          const lang = (app.docs && app.docs.lang(s.id)) || undefined;
          const name = sourceName(app.docs && app.docs.get(s.id), s.id, s.text);
          return h('li', {},
            h('span', { class: 'cx-quote', text: s.text, attrs: { lang } }), ' ',
            link(app, { doc: s.id, s: Number.isInteger(s.index) ? s.index : -1 }, { class: 'cx-source' },
              h('span', { class: 'cx-source-title', text: name, attrs: { lang } })));
        }))));
    }
    const corpusLang = langs.length === 1 ? langs[0] : undefined;
    sec.append(h('div', { class: 'cx-chip-groups' },
      chips(app, 'keywords', o.keywords, 'cx-chip-kw', 24, corpusLang),
      chips(app, 'entities', o.entities, 'cx-chip-ent', 24, corpusLang)));
    return sec;
  }
}
