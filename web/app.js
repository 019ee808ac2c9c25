// The corpus explorer's page, mounted into any element:
//
//   import {mount} from './app.js';
//   const app = mount(document.getElementById('app'), {useHash: true});
//   await app.ready;
//
// Options:
//   explorer     an explorer already loaded (the object load() returns);
//   load         a load function to call instead of importing explorer.js;
//   loadOptions  options passed to load() (onProgress is added);
//   explorerURL  where explorer.js is (default: next to this module);
//   lang         'fr' or 'en' (default: from navigator.language);
//   query        the initial query (when the address gives none);
//   theme        'auto' (default), 'light' or 'dark';
//   originals    where the original files are published, relative to the
//                page (e.g. 'originals/'): the reader links each document's
//                original there; none by default (no link);
//   useHash      true: state lives in location.hash and the browser's
//                history (the standalone page); false: in memory (embeds);
//   keyScope     where the global keys (/, Escape) are heard (default:
//                the document when useHash, else the root);
//   onStateChange(state)  called after every change of view.
//
// This module is the core: it owns the state and wires the rooms together
// — router.js (state and address), keys.js, shell.js (the frame), the views
// home.js, search.js and reader.js, and the shared helpers dom.js and ui.js.
// Every text from the corpus or the user is inserted as text, never as
// HTML; nothing writes inline styles or handler attributes, so the page
// runs under a strict CSP and inside a Shadow DOM.

import { el } from './dom.js';
import { strings, pickLang, format } from './i18n.js';
import { Router, parseHash, normState } from './router.js';
import { listen } from './keys.js';
import { buildShell, start, setTheme, setLang, THEMES } from './shell.js';
import { HomeView } from './home.js';
import { SearchView } from './search.js';
import { ReaderView } from './reader.js';
import { fmtNum, docTitle } from './ui.js';

export { parseHash, formatHash } from './router.js';

/** @typedef {import('./router.js').State} State */
/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./docs.js').Docs} Docs */

/**
 * mount builds the explorer inside root and returns a controller:
 * {ready, state, explorer, navigate(state), search(q), open(id), setLang(l),
 * setTheme(t), destroy()}. ready resolves once the corpus is usable and
 * rejects (after the failure panel is shown) if it cannot load.
 * @param {HTMLElement} root
 * @param {Record<string, any>} [options]
 */
export function mount(root, options = {}) {
  return new App(root, options).controller();
}

export class App {
  /**
   * @param {HTMLElement} root
   * @param {Record<string, any>} opts
   */
  constructor(root, opts) {
    this.root = root;
    this.opts = opts;
    this.doc = /** @type {Document} */ (root.ownerDocument);
    this.win = /** @type {Window} */ (this.doc.defaultView);
    this.useHash = opts.useHash === undefined ? true : !!opts.useHash;
    this.lang = opts.lang === 'fr' || opts.lang === 'en' ? opts.lang : pickLang(this.win.navigator.language);
    this.theme = THEMES.includes(opts.theme) ? opts.theme : 'auto';
    this.uid = 'cx' + Math.random().toString(36).slice(2, 8);
    /** @type {Explorer | null} */
    this.ex = null;
    /** @type {Docs | null} */
    this.docs = null;
    /** @type {Record<string, any>} */
    this.overview = {};
    /** @type {unknown} */
    this.failed = null;
    this.restoreFocus = false;
    this.fromDoc = '';
    this.announceTimer = 0;
    /** @type {Array<() => void>} */
    this.listeners = [];
    this.reduceMotion = this.win.matchMedia ? this.win.matchMedia('(prefers-reduced-motion: reduce)') : { matches: false };
    this.router = new Router(this.win, this.useHash, (st, o) => this.apply(st, o));
    const initial = this.useHash ? parseHash(this.win.location.hash) : normState({ q: opts.query || '' });
    if (this.useHash && !this.win.location.hash && opts.query) initial.q = opts.query;
    this.router.state = normState(initial);
    this.home = new HomeView(this);
    this.results = new SearchView(this);
    this.reader = new ReaderView(this);
    this.shell = buildShell(this);
    listen(this);
    this.restart();
  }

  /** @returns {State} */
  get state() { return this.router.state; }

  controller() {
    const app = this;
    return {
      get ready() { return app.ready; },
      get state() { return { ...app.state }; },
      get explorer() { return app.ex; },
      navigate: (/** @type {Partial<State>} */ st, /** @type {{replace?: boolean}} */ o) => app.navigate(st, o),
      search: (/** @type {string} */ q) => { app.shell.input.value = q; app.navigate({ ...app.state, doc: '', s: -1, q }); },
      open: (/** @type {string} */ id) => app.navigate({ ...app.state, doc: id, s: -1 }),
      setLang: (/** @type {string} */ l) => app.setLang(l),
      setTheme: (/** @type {string} */ t) => app.setTheme(t),
      destroy: () => app.destroy(),
    };
  }

  /**
   * t returns the interface string key, filled with params.
   * @param {string} key
   * @param {Record<string, unknown>} [params]
   * @returns {string}
   */
  t(key, params) {
    const table = /** @type {Record<string, Record<string, unknown>>} */ (strings);
    const s = table[this.lang][key] ?? table.en[key] ?? key;
    return typeof s === 'string' ? format(s, params) : key;
  }

  /**
   * h makes an element (see dom.js el).
   * @param {string} tag
   * @param {Record<string, any> | null} [props]
   * @param {...any} children
   * @returns {HTMLElement}
   */
  h(tag, props, ...children) { return el(this.doc, tag, props, ...children); }

  /** @param {string} s an id unique to this app */
  id(s) { return this.uid + '-' + s; }

  /** @param {string} id */
  docTitle(id) { return docTitle(this.docs && this.docs.get(id), id); }

  /** @param {unknown} n */
  fmtNum(n) { return fmtNum(this.lang, n); }

  /**
   * @param {EventTarget} target
   * @param {string} type
   * @param {(e: any) => void} fn
   */
  on(target, type, fn) {
    target.addEventListener(type, fn);
    this.listeners.push(() => target.removeEventListener(type, fn));
  }

  destroy() {
    for (const off of this.listeners) off();
    this.listeners = [];
    clearTimeout(this.announceTimer);
    if (this.docs) this.docs.stop();
    this.root.replaceChildren();
  }

  /**
   * @param {Partial<State>} next
   * @param {{replace?: boolean}} [o]
   */
  navigate(next, o) { this.router.navigate(next, o); }

  /** search runs a new search for text, without filters (the chips). @param {string} text */
  search(text) {
    this.shell.input.value = text;
    this.navigate({ q: text });
  }

  /**
   * apply makes next the state and shows it.
   * @param {State} next
   * @param {{restoreFocus?: boolean}} o
   */
  apply(next, { restoreFocus = false }) {
    const prev = this.state;
    this.router.state = normState(next);
    if (restoreFocus && (this.state.view !== 'doc' || this.shell.input.value !== this.state.q)) this.shell.input.value = this.state.q;
    this.fromDoc = prev.view === 'doc' ? prev.doc : '';
    this.restoreFocus = restoreFocus;
    if (this.ex) this.render(prev);
    if (typeof this.opts.onStateChange === 'function') {
      try { this.opts.onStateChange({ ...this.state }); } catch { /* the host's problem */ }
    }
  }

  /** @param {string | null} name */
  showView(name) {
    for (const [k, v] of Object.entries(this.shell.views)) v.hidden = k !== name;
    this.shell.top.dataset.view = name || 'loading';
  }

  /** @param {State | null} prev */
  render(prev) {
    const st = this.state;
    if (this.useHash) {
      const base = this.t('appName');
      this.doc.title = st.view === 'search' ? st.q + ' — ' + base : st.view === 'doc' ? this.docTitle(st.doc) + ' — ' + base : base;
    }
    const changedView = !prev || prev.view !== st.view || (st.view === 'doc' && prev.doc !== st.doc);
    this.showView(st.view);
    if (st.view !== 'search') this.results.leave();
    if (st.view !== 'doc') this.reader.leave();
    if (st.view === 'home') this.home.render();
    else if (st.view === 'search') this.results.render(prev);
    else this.reader.render(prev);
    if (changedView && st.view !== 'doc') this.scrollTop();
  }

  scrollTop() {
    if (this.useHash) this.win.scrollTo(0, 0);
    else this.shell.top.scrollTop = 0;
  }

  /** announce says text in the live region once typing pauses. @param {string} text */
  announce(text) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => { this.shell.status.textContent = text; }, 350);
  }

  /** afterRender puts the focus back on the document the user came from. */
  afterRender() {
    if (!this.restoreFocus) return;
    this.restoreFocus = false;
    const from = this.fromDoc;
    const v = from && this.shell.views[this.state.view];
    const a = v && [...v.querySelectorAll('a[data-nav-item]')].find((x) => parseHash(x.getAttribute('href') || '').doc === from);
    if (a) /** @type {HTMLElement} */ (a).focus();
  }

  /** @param {string} theme */
  setTheme(theme) { setTheme(this, theme); }

  /** @param {string} lang */
  setLang(lang) { setLang(this, lang); }

  restart() {
    this.ready = start(this);
    this.ready.catch(() => {});
  }
}
