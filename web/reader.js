// The reader: one document with its metadata, a summary whose length the
// reader chooses, its keywords and entities, the full text (text.js) with
// the query's words marked as the engine marks them in snippets, related
// documents, and previous/next (docnav.js).

import { clear, normRanges } from './dom.js';
import { Lane } from './lane.js';
import { fmtDate, langName, link, chips, errorDetails, failureText } from './ui.js';
import { docNav, backButton } from './docnav.js';
import { renderText, refreshMarks, focusTarget, scrollToSentence, occurrence } from './text.js';
import { pageStarts, pageAt } from './pages.js';
import { docExplore } from './explore/links.js';

/** @typedef {import('./app.js').App} App */
/** @typedef {import('./router.js').State} State */
/** @typedef {import('./explorer.js').Document} Doc */
/** @typedef {import('./explorer.js').Range} Range */
/**
 * @typedef {{id: string, lang: string, d: Doc, q: string, hl: Range[], summary: Array<{start: number, end: number, text: string}>,
 *   textBox: HTMLElement, sumList: HTMLElement, relSec: HTMLElement, h1: HTMLElement, marks: Map<number, HTMLElement>,
 *   original: {a: HTMLAnchorElement, href: string} | null, drawn?: import('./text.js').Drawn}} Reading
 */

/**
 * originalURL is the link to a document's original file: base (the
 * originals option, e.g. 'originals/') followed by the document's path,
 * each segment escaped; '' without a base or for a path that climbs.
 * @param {unknown} base
 * @param {unknown} path
 * @returns {string}
 */
export function originalURL(base, path) {
  if (typeof base !== 'string' || !base || typeof path !== 'string' || !path) return '';
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return '';
  return (base.endsWith('/') ? base : base + '/') + parts.map(encodeURIComponent).join('/');
}

export class ReaderView {
  /** @param {App} app */
  constructor(app) {
    this.app = app;
    this.lanes = { doc: new Lane(), summary: new Lane(), related: new Lane() };
    /** @type {Reading | null} */
    this.r = null;
    this.summaryLength = 3;
    /** @type {(() => void) | null} stops waiting for the title of a document that failed to open */
    this.untitled = null;
  }

  leave() {
    for (const l of Object.values(this.lanes)) l.cancel();
    this.r?.drawn?.view?.stop();
    this.untitled?.();
  }

  /**
   * failure is the panel shown when a document cannot be opened. A
   * document of the corpus whose text could not be had (a split build's
   * pack: offline, refused, damaged) keeps its title, from the documents'
   * list (filled in when that part of the list arrives), and says why in
   * the interface's language, with the explorer's message in the details;
   * an id the corpus does not know says so.
   * @param {string} id
   * @param {unknown} err
   * @returns {HTMLElement}
   */
  failure(id, err) {
    const app = this.app;
    const h = app.h.bind(app);
    const e = /** @type {import('./explorer.js').PackError} */ (err && typeof err === 'object' ? err : {});
    this.untitled?.();
    this.untitled = null;
    if (!e.reason && !(app.docs && app.docs.get(id))) {
      return h('section', { class: 'cx-panel', attrs: { role: 'alert' } },
        h('h1', { tabIndex: -1, class: 'cx-doc-error-title', text: app.t('docNotFound', { id }) }),
        h('p', { text: app.t('docError') }),
        errorDetails(app, err),
        h('p', {}, backButton(app)));
    }
    const h1 = h('h1', { tabIndex: -1, class: 'cx-doc-error-title', text: app.docTitle(id), attrs: { lang: (app.docs && app.docs.lang(id)) || undefined } });
    const docs = app.docs;
    if (docs && !docs.get(id) && !docs.complete) {
      const stop = docs.onChange(() => {
        if (!docs.get(id)) return;
        h1.textContent = app.docTitle(id);
        const lang = docs.lang(id);
        if (lang) h1.lang = lang;
        stop();
      });
      this.untitled = stop;
    }
    return h('section', { class: 'cx-panel', attrs: { role: 'alert' } }, h1,
      h('p', { class: 'cx-doc-error', text: failureText(app, 'text', err, app.t('textFailOther')) }),
      errorDetails(app, err),
      h('p', {}, backButton(app)));
  }

  /**
   * highlights fetches the ranges of the query's words in the text.
   * @param {string} id
   * @param {string} q
   * @returns {Promise<Range[]>}
   */
  async highlights(id, q) {
    if (!q.trim() || !this.app.ex) return [];
    return (await this.app.ex.highlights(id, q)).text_highlights;
  }

  /** @param {State | null} prev */
  async render(prev) {
    const app = this.app;
    const st = app.state;
    const v = app.shell.views.doc;
    const r = this.r;
    const ex = /** @type {import('./explorer.js').Explorer} */ (app.ex);
    if (prev && prev.view === 'doc' && prev.doc === st.doc && r && r.id === st.doc && r.lang === app.lang && v.contains(r.textBox)) {
      // The same document: only the query's marks or the target change.
      const out = await this.lanes.doc.run(() => this.highlights(st.doc, st.q));
      if (!out || !this.r) return;
      Object.assign(this.r, { q: st.q, hl: out.value || [] });
      refreshMarks(this);
      this.linkPage();
      focusTarget(this);
      return;
    }
    // A task boundary between the answer (parsed from JSON on this
    // thread: hundreds of milliseconds for a text of tens of MB) and the
    // drawing, so that the page may draw and take input in between.
    const out = await this.lanes.doc.run(() => Promise.all([ex.document(st.doc), this.highlights(st.doc, st.q)])
      .then((v) => new Promise((ok) => { setTimeout(ok, 0, v); })));
    if (!out) return;
    if (out.error !== undefined || !out.value) {
      this.r = null;
      clear(v);
      v.append(this.failure(st.doc, out.error));
      /** @type {HTMLElement} */ (v.querySelector('h1')).focus();
      return;
    }
    const [d, hl] = out.value;
    this.build(d, hl);
    this.loadSummary(true);
    this.loadRelated(d);
  }

  /**
   * @param {Doc} d
   * @param {Range[]} hl
   */
  build(d, hl) {
    const app = this.app;
    const h = app.h.bind(app);
    const t = app.t.bind(app);
    const v = app.shell.views.doc;
    this.untitled?.();
    this.untitled = null;
    this.r?.drawn?.view?.stop();
    clear(v);
    const lang = d.lang || undefined;
    const meta = [];
    const row = (/** @type {string} */ k, /** @type {unknown} */ val) => { if (val !== undefined && val !== null && val !== '') meta.push(h('div', { class: 'cx-meta-item' }, h('dt', { text: t(k) }), h('dd', { text: String(val) }))); };
    row('metaDate', d.date ? fmtDate(app.lang, d.date) : '');
    row('metaAuthor', d.author);
    row('metaWords', d.words ? t('wordsN', { n: app.fmtNum(d.words) }) : '');
    if (d.lang) row('metaLang', langName(app.lang, d.lang));
    row('metaPath', d.path);
    if (Array.isArray(d.pages) && d.pages.length) row('metaPages', app.fmtNum(d.pages.length));
    const orig = originalURL(app.opts.originals, d.path);
    const origLink = orig ? /** @type {HTMLAnchorElement} */ (h('a', { href: orig, class: 'cx-original', text: t('openOriginal') })) : null;
    if (origLink) meta.push(h('div', { class: 'cx-meta-item' }, h('dt', { text: t('metaOriginal') }), h('dd', {}, origLink)));
    if (d.encoding && !/^utf-?8$/i.test(d.encoding)) row('metaEncoding', d.encoding);
    if (Number(d.repairs) > 0) row('metaRepairs', app.fmtNum(d.repairs));
    if (Number(d.invalid_bytes) > 0) row('metaInvalid', app.fmtNum(d.invalid_bytes));
    const warnings = Array.isArray(d.warnings) ? d.warnings.filter(Boolean) : [];
    const h1 = h('h1', { class: 'cx-doc-title', tabIndex: -1, text: d.title || d.path || d.id, attrs: { lang } });
    h1.id = app.id('doc-h1');
    const header = h('header', { class: 'cx-doc-head' }, h1, docExplore(app, d.id),
      d.title_derived ? h('p', { class: 'cx-muted cx-derived', text: t('derivedTitle') }) : null,
      h('dl', { class: 'cx-meta' }, meta),
      warnings.length ? h('details', { class: 'cx-warnings' }, h('summary', { text: t('warnings') + ' (' + warnings.length + ')' }),
        h('ul', {}, warnings.map((w) => h('li', { text: String(w) })))) : null);
    const sumList = h('ol', { class: 'cx-sumlist', attrs: { lang } });
    const aside = h('aside', { class: 'cx-doc-aside', attrs: { 'aria-label': t('keywords') + ', ' + t('entities') } },
      chips(app, 'keywords', d.keywords, 'cx-chip-kw', 16, lang, 'r-keywords'), chips(app, 'entities', d.entities, 'cx-chip-ent', 16, lang, 'r-entities'));
    if (!aside.firstChild) aside.hidden = true;
    const textBox = h('div', { class: 'cx-text', attrs: { lang } });
    const relSec = h('section', { class: 'cx-related', attrs: { 'aria-labelledby': app.id('rel-h') } },
      h('h2', { id: app.id('rel-h'), text: t('related') }), h('p', { class: 'cx-muted', text: '…' }));
    const article = h('article', { class: 'cx-reader', dataset: { id: d.id }, attrs: { 'aria-labelledby': h1.id } },
      header, this.summarySection(sumList, lang), aside,
      h('section', { class: 'cx-fulltext', attrs: { 'aria-labelledby': app.id('text-h') } }, h('h2', { id: app.id('text-h'), text: t('fullText') }), textBox),
      relSec);
    v.append(docNav(app, d.id, 'top'), article, docNav(app, d.id, 'bottom'));
    this.r = { id: d.id, lang: app.lang, d, q: app.state.q, hl, summary: [], textBox, sumList, relSec, h1, marks: new Map(),
      original: origLink ? { a: origLink, href: orig } : null };
    // At the top before the text is drawn, so that the target is then
    // scrolled to at once, not only when the summary arrives.
    app.scrollTop();
    renderText(this);
    this.linkPage();
    focusTarget(this);
  }

  /**
   * linkPage points the link to a paged original (a PDF) at the page of
   * the place the reader was opened at: the occurrence, else the target
   * sentence, else the first of the query's words (#page=N, which PDF
   * viewers honour); at the file itself when there is no such place.
   */
  linkPage() {
    const r = this.r;
    if (!r || !r.original) return;
    const text = String(r.d.text || '');
    const st = this.app.state;
    const sents = Array.isArray(r.d.sentences) ? r.d.sentences : [];
    const occ = occurrence(st.at, text.length);
    const hl = normRanges(r.hl, text.length);
    const off = occ ? occ.start : st.s >= 0 && sents[st.s] ? sents[st.s].start : hl.length ? hl[0][0] : -1;
    const n = off >= 0 ? pageAt(pageStarts(r.d, text.length), off) : 0;
    r.original.a.href = n ? r.original.href + '#page=' + n : r.original.href;
  }

  /**
   * summarySection is the summary with its length slider (1 to 7 sentences).
   * @param {HTMLElement} sumList
   * @param {string | undefined} lang
   */
  summarySection(sumList, lang) {
    const app = this.app;
    const h = app.h.bind(app);
    const t = app.t.bind(app);
    const range = /** @type {HTMLInputElement} */ (h('input', { type: 'range', id: app.id('sumlen'), min: 1, max: 7, step: 1, value: String(this.summaryLength), class: 'cx-range' }));
    const out = h('output', { class: 'cx-range-out', attrs: { for: app.id('sumlen') } });
    const setOut = () => { out.textContent = this.summaryLength === 1 ? t('sentences1') : t('sentencesN', { n: this.summaryLength }); range.setAttribute('aria-valuetext', out.textContent); };
    setOut();
    range.addEventListener('input', () => {
      this.summaryLength = Math.max(1, Math.min(7, Number(range.value) || 3));
      setOut();
      this.loadSummary(false);
    });
    return h('section', { class: 'cx-summary', attrs: { 'aria-labelledby': app.id('sum-h') } },
      h('div', { class: 'cx-summary-head' }, h('h2', { id: app.id('sum-h'), text: t('summary') }),
        h('div', { class: 'cx-range-wrap' }, h('label', { attrs: { for: app.id('sumlen') }, text: t('summaryLength') }), range, out)),
      sumList, h('p', { class: 'cx-hint', text: t('summaryHint') }));
  }

  /** @param {boolean} first the document was just opened */
  async loadSummary(first) {
    const r = this.r;
    const ex = this.app.ex;
    if (!r || !ex) return;
    const out = await this.lanes.summary.run(() => ex.summarize(r.id, { sentences: this.summaryLength }));
    if (!out || r !== this.r) return;
    clear(r.sumList);
    if (out.error !== undefined || !out.value) {
      // Said in the interface language: a text that could not be had
      // as the reader says it, else that the summary failed.
      r.sumList.append(this.app.h('li', {},
        this.app.h('p', { class: 'cx-error', text: failureText(this.app, 'text', out.error, this.app.t('summaryFailed')) }),
        errorDetails(this.app, out.error)));
      return;
    }
    const len = r.d.text ? r.d.text.length : 0;
    r.summary = (Array.isArray(out.value.sentences) ? out.value.sentences : [])
      .filter((x) => Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start && x.end <= len);
    for (const [i, x] of r.summary.entries()) {
      r.sumList.append(this.app.h('li', {}, this.app.h('button', {
        type: 'button', class: 'cx-sum-btn', text: x.text || r.d.text.slice(x.start, x.end),
        dataset: { sum: String(i) }, on: { click: () => scrollToSentence(this, x.start) },
      })));
    }
    r.sumList.dataset.n = String(r.summary.length);
    refreshMarks(this);
    if (first) focusTarget(this);
  }

  /** @param {Doc} d */
  async loadRelated(d) {
    const app = this.app;
    const r = this.r;
    const ex = /** @type {import('./explorer.js').Explorer} */ (app.ex);
    const out = await this.lanes.related.run(() => ex.related(d.id, { limit: 6 }));
    if (!out || !r || r !== this.r) return;
    // Without titles, the document's own list still helps.
    const rel = out.error === undefined ? out.value || [] : d.related.map((x) => ({ ...x, title: '' }));
    const h = app.h.bind(app);
    r.relSec.lastChild?.remove();
    if (!rel.length) {
      r.relSec.append(h('p', { class: 'cx-muted', text: app.t('noRelated') }));
      return;
    }
    r.relSec.append(h('ul', { class: 'cx-related-list' }, rel.map((x) => {
      const lang = (app.docs && app.docs.lang(x.id)) || undefined;
      const shared = Array.isArray(x.shared) ? x.shared.slice(0, 5).filter((w) => typeof w === 'string' && w) : [];
      return h('li', {},
        link(app, { ...app.state, doc: x.id, s: -1 }, { class: 'cx-rel-link', attrs: { lang } }, x.title || app.docTitle(x.id)),
        shared.length ? h('span', { class: 'cx-rel-shared', text: app.t('relatedShared', { words: shared.join(', ') }) }) : null);
    })));
  }
}
