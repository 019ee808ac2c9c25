// The corpus explorer's page, as one module that mounts into any element:
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
//   useHash      true: state lives in location.hash and the browser's
//                history (the standalone page); false: in memory (embeds);
//   keyScope     where the global keys (/, Escape) are heard (default:
//                the document when useHash, else the root);
//   onStateChange(state)  called after every change of view.
//
// Every text that comes from the corpus or the user is inserted as a Text
// node or with textContent; nothing is ever parsed as HTML. Nothing here
// writes inline styles or handler attributes, so the page runs under
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`
// and inside a Shadow DOM (only the root and its descendants are touched).

import { el, clear, normRanges, appendMarked, queryTerms, termRanges } from './dom.js';
import { strings, pickLang, format } from './i18n.js';

const PAGE = 20;
const THEMES = ['auto', 'light', 'dark'];

/** parseHash turns '#q=…&doc=…' into a state object. */
export function parseHash(hash) {
  const st = { view: 'home', q: '', author: '', from: '', to: '', sort: 'relevance', doc: '', s: -1, exact: false };
  let h = String(hash || '');
  if (h.startsWith('#')) h = h.slice(1);
  for (const part of h.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = safeDecode(i < 0 ? part : part.slice(0, i));
    const v = i < 0 ? '' : safeDecode(part.slice(i + 1));
    switch (k) {
      case 'q': st.q = v; break;
      case 'author': st.author = v; break;
      case 'from': st.from = v; break;
      case 'to': st.to = v; break;
      case 'sort': st.sort = v === 'date' ? 'date' : 'relevance'; break;
      case 'doc': st.doc = v; break;
      case 'exact': st.exact = v === '1'; break;
      case 's': { const n = Number(v); st.s = Number.isInteger(n) && n >= 0 ? n : -1; break; }
      default: break;
    }
  }
  st.view = st.doc ? 'doc' : st.q.trim() ? 'search' : 'home';
  return st;
}

/** formatHash is the inverse of parseHash ('' for the landing view). */
export function formatHash(st) {
  const parts = [];
  const add = (k, v) => parts.push(k + '=' + encodeURIComponent(v));
  if (st.doc) add('doc', st.doc);
  if (st.doc && st.s >= 0) add('s', String(st.s));
  if (st.q) add('q', st.q);
  if (st.author) add('author', st.author);
  if (st.from) add('from', st.from);
  if (st.to) add('to', st.to);
  if (st.sort === 'date') add('sort', 'date');
  if (st.exact && st.q) add('exact', '1');
  return parts.length ? '#' + parts.join('&') : '';
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function normState(st) {
  const s = { ...parseHash(''), ...st };
  s.view = s.doc ? 'doc' : String(s.q).trim() ? 'search' : 'home';
  return s;
}

/**
 * mount builds the explorer inside root and returns a controller:
 * {ready, state, navigate(state), search(q), open(id), setLang(l),
 * setTheme(t), destroy()}. ready resolves once the corpus is usable and
 * rejects (after the failure panel is shown) if it cannot load.
 */
export function mount(root, options = {}) {
  return new App(root, options).controller();
}

class App {
  constructor(root, opts) {
    this.root = root;
    this.opts = opts;
    this.doc = root.ownerDocument;
    this.win = this.doc.defaultView;
    this.useHash = opts.useHash === undefined ? true : !!opts.useHash;
    this.lang = opts.lang === 'fr' || opts.lang === 'en' ? opts.lang : pickLang(this.win.navigator.language);
    this.theme = THEMES.includes(opts.theme) ? opts.theme : 'auto';
    this.uid = 'cx' + Math.random().toString(36).slice(2, 8);
    this.ex = null;
    this.docs = [];
    this.docById = new Map();
    this.overview = null;
    this.stack = []; // history when !useHash
    this.seq = { search: 0, qsum: 0, doc: 0, sum: 0 };
    this.lastHits = []; // ids of the latest rendered results
    this.tableSort = { key: 'date', dir: -1 };
    this.summaryLength = 3;
    this.announceTimer = 0;
    this.listeners = [];
    this.reduceMotion = this.win.matchMedia ? this.win.matchMedia('(prefers-reduced-motion: reduce)') : { matches: false };

    const initial = this.useHash ? parseHash(this.win.location.hash) : normState({ q: opts.query || '' });
    if (this.useHash && !this.win.location.hash && opts.query) {
      initial.q = opts.query;
      initial.view = 'search';
    }
    this.state = normState(initial);
    this.build();
    this.listen();
    this.ready = this.start();
    this.ready.catch(() => {});
  }

  controller() {
    const app = this;
    return {
      get ready() { return app.ready; },
      get state() { return { ...app.state }; },
      get explorer() { return app.ex; },
      navigate: (st, o) => app.navigate(normState(st), o),
      search: (q) => { app.input.value = q; app.navigate(normState({ ...app.state, doc: '', s: -1, q }), {}); },
      open: (id) => app.navigate(normState({ ...app.state, doc: id, s: -1 }), {}),
      setLang: (l) => app.setLang(l),
      setTheme: (t) => app.setTheme(t),
      destroy: () => app.destroy(),
    };
  }

  t(key, params) {
    const s = strings[this.lang][key] ?? strings.en[key] ?? key;
    return typeof s === 'string' ? format(s, params) : s;
  }

  h(tag, props, ...children) {
    return el(this.doc, tag, props, ...children);
  }

  // ---- skeleton ------------------------------------------------------

  build() {
    const t = this.t.bind(this);
    const id = (s) => this.uid + '-' + s;
    clear(this.root);
    this.input = this.h('input', {
      type: 'search', id: id('q'), class: 'cx-input', autocomplete: 'off', spellcheck: false,
      attrs: { placeholder: t('searchPlaceholder'), 'aria-describedby': id('keys'), enterkeyhint: 'search' },
    });
    this.input.value = this.state.q;
    this.status = this.h('div', { class: 'cx-sr', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    this.progress = this.h('progress', { class: 'cx-progress', id: id('progress') });
    this.progressLabel = this.h('label', { class: 'cx-progress-label', attrs: { for: id('progress') }, text: t('loading') });
    this.loading = this.h('div', { class: 'cx-loading' }, this.progressLabel, this.progress);
    this.views = {
      home: this.h('div', { class: 'cx-view cx-home' }),
      search: this.h('div', { class: 'cx-view cx-search-view' }),
      doc: this.h('div', { class: 'cx-view cx-doc-view' }),
      error: this.h('div', { class: 'cx-view cx-error-view' }),
    };
    this.main = this.h('main', { class: 'cx-main', id: id('main'), tabIndex: -1 }, this.loading, Object.values(this.views));
    this.langBtn = this.h('button', {
      type: 'button', class: 'cx-btn cx-lang', text: t('switchLang'),
      attrs: { lang: this.lang === 'fr' ? 'en' : 'fr', title: t('switchLangLabel') },
      on: { click: () => this.setLang(this.lang === 'fr' ? 'en' : 'fr') },
    });
    this.themeBtn = this.h('button', {
      type: 'button', class: 'cx-btn cx-theme',
      on: { click: () => this.setTheme(THEMES[(THEMES.indexOf(this.theme) + 1) % THEMES.length]) },
    });
    this.updateThemeButton();
    const form = this.h('form', {
      class: 'cx-search', attrs: { role: 'search' },
      on: { submit: (e) => { e.preventDefault(); this.onInput(true); } },
    },
    this.h('label', { class: 'cx-search-label', attrs: { for: id('q') }, text: t('searchLabel') }),
    this.h('div', { class: 'cx-search-row' }, this.input));
    const home = this.h('a', {
      class: 'cx-brand', href: this.useHash ? '#' : '#', dataset: { route: '' },
    }, this.h('span', { class: 'cx-logo', attrs: { 'aria-hidden': 'true' } }), this.h('span', { text: t('appName') }));
    const header = this.h('header', { class: 'cx-header' },
      this.h('div', { class: 'cx-header-inner' }, home, form, this.h('div', { class: 'cx-tools' }, this.themeBtn, this.langBtn)));
    const skip = this.h('a', {
      class: 'cx-skip', href: '#' + id('main'), text: t('skip'),
      on: { click: (e) => { e.preventDefault(); this.main.focus(); } },
    });
    const footer = this.h('footer', { class: 'cx-footer' }, this.h('p', { id: id('keys'), text: t('keysHelp') }));
    this.top = this.h('div', { class: 'cx cx-theme-' + this.theme, attrs: { lang: this.lang } }, skip, header, this.main, footer, this.status);
    this.root.appendChild(this.top);
    if (this.useHash) this.doc.documentElement.lang = this.lang;
  }

  updateThemeButton() {
    const name = this.t({ auto: 'themeAuto', light: 'themeLight', dark: 'themeDark' }[this.theme]);
    this.themeBtn.textContent = '';
    this.themeBtn.append(this.h('span', { class: 'cx-theme-icon', attrs: { 'aria-hidden': 'true' } }), this.h('span', { class: 'cx-theme-text', text: this.t('themeButton', { name }) }));
  }

  setTheme(theme) {
    if (!THEMES.includes(theme)) return;
    this.theme = theme;
    this.top.classList.remove('cx-theme-auto', 'cx-theme-light', 'cx-theme-dark');
    this.top.classList.add('cx-theme-' + theme);
    this.updateThemeButton();
  }

  setLang(lang) {
    if (lang !== 'fr' && lang !== 'en') return;
    this.lang = lang;
    const hadFocus = this.doc.activeElement === this.langBtn || (this.root.getRootNode().activeElement === this.langBtn);
    this.state.q = this.input.value;
    this.build();
    if (this.ex) {
      this.loading.hidden = true;
      this.render();
    } else if (this.failed) {
      this.showFailure(this.failed);
    } else {
      this.showView(null);
    }
    if (hadFocus) this.langBtn.focus();
  }

  // ---- events --------------------------------------------------------

  on(target, type, fn, opt) {
    target.addEventListener(type, fn, opt);
    this.listeners.push(() => target.removeEventListener(type, fn, opt));
  }

  listen() {
    this.on(this.root, 'input', (e) => { if (e.target === this.input) this.onInput(false); });
    this.on(this.root, 'click', (e) => this.onClick(e));
    const scope = this.opts.keyScope || (this.useHash ? this.doc : this.root);
    this.on(scope, 'keydown', (e) => this.onKey(e));
    if (this.useHash) {
      const sync = () => this.fromLocation();
      this.on(this.win, 'popstate', sync);
      this.on(this.win, 'hashchange', sync);
    }
  }

  destroy() {
    for (const off of this.listeners) off();
    this.listeners = [];
    clearTimeout(this.announceTimer);
    clear(this.root);
  }

  onInput(submit) {
    const q = this.input.value;
    const next = normState({ ...this.state, q, doc: '', s: -1, exact: q === this.state.q && this.state.exact });
    if (!submit && next.q === this.state.q && this.state.view !== 'doc') return;
    // Typing refines the current search: replace, don't stack history.
    const replace = this.state.view === 'search' && next.view === 'search';
    this.navigate(next, { replace });
  }

  onClick(e) {
    if (e.defaultPrevented || e.button !== 0) return;
    const a = e.target.closest && e.target.closest('a[data-route]');
    if (!a || !this.root.contains(a)) return;
    if (this.useHash && (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) return;
    e.preventDefault();
    const st = parseHash(a.getAttribute('href'));
    if (a.dataset.route === 'keep-q') st.q = st.q || '';
    if (st.view !== 'doc') this.input.value = st.q;
    this.navigate(st, {});
  }

  isEditable(node) {
    if (!node || node.nodeType !== 1) return false;
    const tag = node.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || node.isContentEditable) return true;
    if (tag === 'INPUT') return !['button', 'submit', 'checkbox', 'radio', 'range', 'reset'].includes(node.type);
    return false;
  }

  navItems() {
    const v = this.views[this.state.view];
    return v ? [...v.querySelectorAll('[data-nav-item]')].filter((n) => n.offsetParent !== null || n.getClientRects().length) : [];
  }

  onKey(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = (e.composedPath && e.composedPath()[0]) || e.target;
    if (e.key === '/' && !this.isEditable(target)) {
      e.preventDefault();
      this.input.focus();
      this.input.select();
      return;
    }
    if (!this.ex) return;
    if (e.key === 'Escape') {
      if (this.state.view === 'doc') {
        e.preventDefault();
        this.back();
      } else if (this.state.view === 'search' && target !== this.input) {
        e.preventDefault();
        this.input.focus();
      } else if (target === this.input && this.input.value === '') {
        // Escape in an empty box (Chromium clears it first) goes home.
        if (this.state.view !== 'home') this.navigate(normState({ ...this.state, q: '' }), { replace: true });
      }
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = this.navItems();
    if (!items.length) return;
    if (target === this.input) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        items[0].focus();
      }
      return;
    }
    const i = items.indexOf(target);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') items[Math.min(i + 1, items.length - 1)].focus();
    else if (i === 0) this.input.focus();
    else items[i - 1].focus();
  }

  // ---- navigation ----------------------------------------------------

  navigate(next, { replace = false } = {}) {
    next = normState(next);
    if (this.useHash) {
      const h = formatHash(next);
      const url = h || this.win.location.pathname + this.win.location.search;
      const cur = this.win.history.state;
      const depth = cur && typeof cur.cxDepth === 'number' ? cur.cxDepth : 0;
      if (formatHash(this.state) === h && !replace) replace = true;
      try {
        if (replace) this.win.history.replaceState({ cxDepth: depth }, '', url);
        else this.win.history.pushState({ cxDepth: depth + 1 }, '', url);
      } catch {
        // Some file:// contexts refuse history changes: keep going in memory.
      }
    } else if (replace && this.stack.length) {
      this.stack[this.stack.length - 1] = next;
    } else {
      this.stack.push(this.state);
    }
    this.apply(next);
  }

  fromLocation() {
    const st = parseHash(this.win.location.hash);
    if (formatHash(st) === formatHash(this.state)) return;
    if (st.view !== 'doc' || this.input.value !== st.q) this.input.value = st.q;
    this.apply(st, { restoreFocus: true });
  }

  back() {
    if (this.useHash) {
      const cur = this.win.history.state;
      if (cur && cur.cxDepth > 0) {
        this.win.history.back();
        return;
      }
    } else if (this.stack.length) {
      const prev = this.stack.pop();
      this.input.value = prev.q;
      this.apply(prev, { restoreFocus: true });
      return;
    }
    // Opened by a deep link: go up to the results or the overview.
    this.navigate(normState({ ...this.state, doc: '', s: -1 }), {});
  }

  apply(next, { restoreFocus = false } = {}) {
    const prev = this.state;
    this.state = normState(next);
    this.fromDoc = prev.view === 'doc' ? prev.doc : '';
    this.restoreFocus = restoreFocus;
    if (this.ex) this.render(prev);
    if (typeof this.opts.onStateChange === 'function') {
      try { this.opts.onStateChange({ ...this.state }); } catch { /* the host's problem */ }
    }
  }

  showView(name) {
    for (const [k, v] of Object.entries(this.views)) v.hidden = k !== name;
    this.top.dataset.view = name || 'loading';
  }

  render(prev) {
    const st = this.state;
    if (this.useHash) {
      const base = this.t('appName');
      this.doc.title = st.view === 'search' ? st.q + ' — ' + base : st.view === 'doc' ? (this.docById.get(st.doc)?.title || st.doc) + ' — ' + base : base;
    }
    const changedView = !prev || prev.view !== st.view || (st.view === 'doc' && prev.doc !== st.doc);
    this.showView(st.view);
    if (st.view === 'home') this.renderHome();
    else if (st.view === 'search') this.renderSearch(prev);
    else this.renderDoc(prev);
    if (changedView && st.view !== 'doc') this.scrollTop();
  }

  scrollTop() {
    if (this.useHash) this.win.scrollTo(0, 0);
    else this.top.scrollTop = 0;
  }

  announce(text) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => { this.status.textContent = text; }, 350);
  }

  // ---- loading -------------------------------------------------------

  async start() {
    this.failed = null;
    this.showView(null);
    this.loading.hidden = false;
    this.progress.removeAttribute('value');
    this.progressLabel.textContent = this.t('loading');
    try {
      let ex = this.opts.explorer;
      if (!ex) {
        const onProgress = (loaded, total) => this.onProgress(loaded, total);
        const loadOpts = { ...(this.opts.loadOptions || {}), onProgress };
        let load = this.opts.load;
        if (!load) {
          const url = this.opts.explorerURL || new URL('./explorer.js', import.meta.url).href;
          ({ load } = await import(url));
        }
        ex = await load(loadOpts);
      }
      const [overview, docs] = await Promise.all([ex.overview(), ex.documents()]);
      this.ex = ex;
      this.overview = overview || {};
      this.docs = Array.isArray(docs) ? docs : [];
      this.docById = new Map(this.docs.map((d) => [d.id, d]));
    } catch (err) {
      this.failed = err;
      this.showFailure(err);
      throw err;
    }
    this.loading.hidden = true;
    this.state.q = this.input.value || this.state.q;
    this.state = normState(this.state);
    this.render(null);
    this.status.textContent = this.t('ready', { n: this.fmtNum(this.docs.length) });
  }

  onProgress(loaded, total) {
    const mb = (n) => new Intl.NumberFormat(this.lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(n / 1e6);
    if (total > 0 && Number.isFinite(total)) {
      this.progress.max = total;
      this.progress.value = Math.min(loaded, total);
      this.progressLabel.textContent = this.t('loadingBytes', { loaded: mb(loaded), total: mb(total) });
    } else {
      this.progress.removeAttribute('value');
      this.progressLabel.textContent = this.t('loadingBytesUnknown', { loaded: mb(loaded || 0) });
    }
  }

  showFailure(err) {
    this.loading.hidden = true;
    const v = this.views.error;
    clear(v);
    const msg = (err && err.message) || String(err);
    v.append(this.h('section', { class: 'cx-panel cx-failure', attrs: { role: 'alert' } },
      this.h('h1', { text: this.t('failTitle') }),
      this.h('p', {}, this.h('strong', { text: this.t('failWhat') }), ' ', this.h('span', { class: 'cx-failure-msg', text: msg })),
      this.h('p', { text: this.t('failTry') }),
      this.h('ul', {}, ['failTry1', 'failTry2', 'failTry3', 'failTry4'].map((k) => this.h('li', { text: this.t(k) }))),
      this.h('button', {
        type: 'button', class: 'cx-btn cx-btn-primary', text: this.t('retry'),
        on: { click: () => { this.ready = this.start(); this.ready.catch(() => {}); } },
      })));
    this.showView('error');
  }

  // ---- formatting ----------------------------------------------------

  fmtNum(n) {
    return new Intl.NumberFormat(this.lang).format(Number(n) || 0);
  }

  fmtDate(s) {
    s = String(s || '');
    let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    try {
      if (m) return new Intl.DateTimeFormat(this.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      m = /^(\d{4})-(\d{2})$/.exec(s);
      if (m) return new Intl.DateTimeFormat(this.lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(+m[1], +m[2] - 1, 1));
    } catch { /* fall through */ }
    return s;
  }

  docTitle(d, id) {
    return (d && (d.title || d.path)) || id || '';
  }

  docLang(id) {
    const d = this.docById.get(id);
    return (d && d.lang) || '';
  }

  link(st, props, ...children) {
    return this.h('a', { ...props, href: formatHash(normState(st)) || '#', dataset: { route: '', ...(props && props.dataset) } }, ...children);
  }

  searchButton(text, cls, langAttr) {
    return this.h('button', {
      type: 'button', class: 'cx-chip ' + (cls || ''), text,
      attrs: { lang: langAttr || undefined },
      on: { click: () => { this.input.value = text; this.navigate(normState({ q: text }), {}); } },
    });
  }

  // ---- landing -------------------------------------------------------

  renderHome() {
    const v = this.views.home;
    if (v.dataset.lang === this.lang && v.firstChild) {
      this.afterRender();
      return;
    }
    v.dataset.lang = this.lang;
    clear(v);
    const o = this.overview || {};
    const t = this.t.bind(this);
    const n = Number(o.documents ?? this.docs.length) || 0;
    const stats = [n === 1 ? t('statDoc') : t('statDocs', { n: this.fmtNum(n) })];
    if (o.words) stats.push(t('statWords', { n: this.fmtNum(o.words) }));
    if (o.date_from && o.date_to && o.date_from !== o.date_to) stats.push(t('statRange', { from: this.fmtDate(o.date_from), to: this.fmtDate(o.date_to) }));
    else if (o.date_from || o.date_to) stats.push(this.fmtDate(o.date_from || o.date_to));
    const langs = o.languages && typeof o.languages === 'object' ? Object.keys(o.languages) : [];
    if (langs.length) {
      const names = langs.map((l) => { try { return new Intl.DisplayNames([this.lang], { type: 'language' }).of(l) || l; } catch { return l; } });
      stats.push(t('statLangs', { langs: names.join(', ') }));
    }
    const hid = this.uid + '-ov';
    const sec = this.h('section', { class: 'cx-overview', attrs: { 'aria-labelledby': hid } },
      this.h('h1', { id: hid, class: 'cx-title', text: t('overviewTitle') }),
      this.h('ul', { class: 'cx-stats' }, stats.map((s) => this.h('li', { text: s }))));
    const summary = Array.isArray(o.summary) ? o.summary : [];
    if (summary.length) {
      const sid = this.uid + '-digest';
      sec.append(this.h('section', { class: 'cx-digest', attrs: { 'aria-labelledby': sid } },
        this.h('h2', { id: sid, text: t('corpusSummary') }),
        this.h('ul', { class: 'cx-quotes' }, summary.map((s) => this.h('li', {},
          this.h('span', { class: 'cx-quote', text: s.text, attrs: { lang: this.docLang(s.id) || undefined } }), ' ',
          this.link({ doc: s.id, s: Number.isInteger(s.index) ? s.index : -1 }, { class: 'cx-source' },
            this.h('span', { class: 'cx-source-title', text: this.docTitle(this.docById.get(s.id), s.id), attrs: { lang: this.docLang(s.id) || undefined } })))))));
    }
    const chips = (key, items, cls) => {
      if (!Array.isArray(items) || !items.length) return null;
      const cid = this.uid + '-' + key;
      return this.h('section', { class: 'cx-chips-section', attrs: { 'aria-labelledby': cid } },
        this.h('h2', { id: cid, text: t(key) }),
        this.h('ul', { class: 'cx-chips' }, items.slice(0, 24).map((it) => this.h('li', {}, this.searchButton(it.text ?? it.name, cls)))));
    };
    const corpusLang = langs.length === 1 ? langs[0] : undefined;
    const kw = chips('keywords', o.keywords, 'cx-chip-kw');
    const en = chips('entities', o.entities, 'cx-chip-ent');
    for (const c of [kw, en]) if (c && corpusLang) c.querySelector('ul').setAttribute('lang', corpusLang);
    sec.append(this.h('div', { class: 'cx-chip-groups' }, kw, en));
    v.append(sec, this.renderDocTable());
    this.afterRender();
  }

  renderDocTable() {
    const t = this.t.bind(this);
    const tid = this.uid + '-docs';
    const cols = [['title', 'colTitle'], ['date', 'colDate'], ['author', 'colAuthor'], ['words', 'colWords']];
    const { key, dir } = this.tableSort;
    const sorted = [...this.docs].sort((a, b) => {
      let x = a[key] ?? '', y = b[key] ?? '';
      if (key === 'words') return dir * ((Number(x) || 0) - (Number(y) || 0));
      if (key === 'title') { x = this.docTitle(a, a.id); y = this.docTitle(b, b.id); }
      if (!x && y) return 1; // missing values last
      if (x && !y) return -1;
      return dir * String(x).localeCompare(String(y), this.lang);
    });
    this.docOrder = sorted.map((d) => d.id);
    const head = this.h('tr', {}, cols.map(([k, label]) => this.h('th', {
      scope: 'col', class: 'cx-col-' + k,
      attrs: { 'aria-sort': k === key ? (dir > 0 ? 'ascending' : 'descending') : undefined },
    }, this.h('button', {
      type: 'button', class: 'cx-sort',
      on: { click: () => {
        this.tableSort = { key: k, dir: k === key ? -dir : (k === 'date' || k === 'words' ? -1 : 1) };
        const old = this.views.home.querySelector('.cx-docs');
        const fresh = this.renderDocTable();
        old.replaceWith(fresh);
        fresh.querySelector('.cx-col-' + k + ' button').focus();
      } },
    }, t(label), this.h('span', { class: 'cx-sort-icon', attrs: { 'aria-hidden': 'true' }, text: k === key ? (dir > 0 ? ' ▲' : ' ▼') : ' ↕' })))));
    const rows = sorted.map((d) => this.h('tr', {},
      this.h('td', { class: 'cx-col-title' }, this.link({ doc: d.id }, { class: 'cx-doc-link', dataset: { navItem: '' }, attrs: { lang: d.lang || undefined } }, this.docTitle(d, d.id))),
      this.h('td', { class: 'cx-col-date' }, d.date ? this.h('time', { attrs: { datetime: d.date }, text: this.fmtDate(d.date) }) : this.h('span', { class: 'cx-muted', text: '—' })),
      this.h('td', { class: 'cx-col-author', text: d.author || '—' }),
      this.h('td', { class: 'cx-col-words', text: this.fmtNum(d.words) })));
    return this.h('section', { class: 'cx-docs', attrs: { 'aria-labelledby': tid } },
      this.h('h2', { id: tid, text: t('documents') + ' (' + this.fmtNum(this.docs.length) + ')' }),
      this.h('div', { class: 'cx-table-wrap', tabIndex: 0, attrs: { role: 'region', 'aria-label': t('docTableLabel') } },
        this.h('table', { class: 'cx-table' }, this.h('thead', {}, head), this.h('tbody', {}, rows))));
  }

  // ---- search --------------------------------------------------------

  filtersActive(st = this.state) {
    return !!(st.author || st.from || st.to);
  }

  renderSearch(prev) {
    const v = this.views.search;
    if (!this.searchShell || this.searchShell.lang !== this.lang || !v.firstChild) this.buildSearchShell();
    this.syncFilters();
    const st = this.state;
    const same = prev && prev.view === 'search' && prev.q === st.q && prev.author === st.author && prev.from === st.from && prev.to === st.to && prev.sort === st.sort && prev.exact === st.exact && this.searchShell.done;
    if (same && !this.restoreFocus) return;
    if (same && this.restoreFocus) { this.afterRender(); return; }
    this.runSearch(0);
  }

  buildSearchShell() {
    const v = this.views.search;
    clear(v);
    const t = this.t.bind(this);
    const id = (s) => this.uid + '-' + s;
    const authors = [...new Set(this.docs.map((d) => d.author).filter(Boolean))].sort((a, b) => a.localeCompare(b, this.lang));
    const author = this.h('select', { id: id('author'), class: 'cx-field' },
      this.h('option', { value: '', text: t('anyAuthor') }),
      authors.map((a) => this.h('option', { value: a, text: a })));
    const o = this.overview || {};
    const dateAttrs = {};
    if (/^\d{4}-\d{2}-\d{2}$/.test(o.date_from || '')) dateAttrs.min = o.date_from;
    if (/^\d{4}-\d{2}-\d{2}$/.test(o.date_to || '')) dateAttrs.max = o.date_to;
    const from = this.h('input', { type: 'date', id: id('from'), class: 'cx-field', attrs: dateAttrs });
    const to = this.h('input', { type: 'date', id: id('to'), class: 'cx-field', attrs: dateAttrs });
    const sort = this.h('select', { id: id('sort'), class: 'cx-field' },
      this.h('option', { value: 'relevance', text: t('sortRelevance') }),
      this.h('option', { value: 'date', text: t('sortDate') }));
    const onChange = () => {
      const next = normState({ ...this.state, q: this.input.value, author: author.value, from: from.value, to: to.value, sort: sort.value });
      this.navigate(next, { replace: true });
    };
    for (const f of [author, from, to, sort]) f.addEventListener('change', onChange);
    const clearBtn = this.h('button', {
      type: 'button', class: 'cx-btn cx-link-btn', text: t('clearFilters'),
      on: { click: () => this.navigate(normState({ ...this.state, author: '', from: '', to: '' }), { replace: true }) },
    });
    const field = (label, ctl) => this.h('div', { class: 'cx-fieldset' }, this.h('label', { attrs: { for: ctl.id }, text: label }), ctl);
    const details = this.h('details', { class: 'cx-filters' },
      this.h('summary', { text: t('filters') }),
      this.h('div', { class: 'cx-filter-row' },
        field(t('author'), author), field(t('dateFrom'), from), field(t('dateTo'), to), field(t('sort'), sort), clearBtn));
    const hid = id('results-h');
    this.searchShell = {
      lang: this.lang, author, from, to, sort, details, clearBtn, done: false,
      heading: this.h('h1', { id: hid, class: 'cx-count', attrs: { tabindex: '-1' } }),
      dym: this.h('p', { class: 'cx-dym', hidden: true }),
      partial: this.h('p', { class: 'cx-note', hidden: true, text: t('partial') }),
      qsum: this.h('details', { class: 'cx-qsum', hidden: true }),
      list: this.h('ol', { class: 'cx-hits', attrs: { 'aria-labelledby': hid } }),
      more: this.h('button', { type: 'button', class: 'cx-btn cx-more', hidden: true, text: t('showMore'), on: { click: () => this.runSearch(this.lastHits.length) } }),
      empty: this.h('div', { class: 'cx-empty', hidden: true }),
      error: this.h('p', { class: 'cx-error', hidden: true, attrs: { role: 'alert' } }),
    };
    const s = this.searchShell;
    s.qsum.addEventListener('toggle', () => { if (s.qsum.firstChild) this.qsumToggled = true; });
    v.append(this.h('section', { class: 'cx-results', attrs: { 'aria-labelledby': hid } },
      this.h('div', { class: 'cx-results-head' }, s.heading, details), s.dym, s.partial, s.error, s.qsum, s.list, s.more, s.empty));
  }

  syncFilters() {
    const s = this.searchShell, st = this.state;
    if (s.author.value !== st.author) {
      if (st.author && ![...s.author.options].some((o) => o.value === st.author)) s.author.append(this.h('option', { value: st.author, text: st.author }));
      s.author.value = st.author;
    }
    s.from.value = /^\d{4}-\d{2}-\d{2}$/.test(st.from) ? st.from : '';
    s.to.value = /^\d{4}-\d{2}-\d{2}$/.test(st.to) ? st.to : '';
    s.sort.value = st.sort;
    s.clearBtn.hidden = !this.filtersActive();
    if (this.filtersActive()) s.details.open = true;
  }

  async runSearch(offset) {
    const st = this.state;
    const s = this.searchShell;
    const seq = ++this.seq.search;
    const q = st.q;
    const filters = {};
    if (st.author) filters.author = st.author;
    if (st.from) filters.dateFrom = st.from;
    if (st.to) filters.dateTo = st.to;
    let res;
    try {
      res = await this.ex.search(q, { limit: PAGE, offset, sort: st.sort, filters, asTyped: !!st.exact });
    } catch (err) {
      if (seq !== this.seq.search) return;
      s.done = true;
      this.showSearchError(q, err);
      return;
    }
    if (seq !== this.seq.search || !res || res.stale === true || this.state.view !== 'search') return;
    s.done = true;
    this.renderResults(res, q, offset);
    if (offset === 0) {
      // Until its own summary arrives, an older query's one is shown as stale.
      const stale = s.qsum.dataset.q !== q;
      s.qsum.classList.toggle('cx-stale', stale);
      if (stale) s.qsum.setAttribute('aria-busy', 'true');
      this.runQuerySummary(q, seq);
    }
  }

  showSearchError(q, err) {
    const s = this.searchShell;
    s.heading.textContent = this.t('resultsFor', { q });
    s.heading.dataset.q = q;
    s.error.textContent = this.t('searchFailed', { msg: (err && err.message) || String(err) });
    s.error.hidden = false;
    clear(s.list);
    s.more.hidden = s.dym.hidden = s.partial.hidden = s.qsum.hidden = s.empty.hidden = true;
    this.lastHits = [];
    this.announce(s.error.textContent);
  }

  renderResults(res, q, offset) {
    const s = this.searchShell;
    const t = this.t.bind(this);
    const hits = Array.isArray(res.hits) ? res.hits : [];
    const total = Number(res.total) || 0;
    s.error.hidden = true;
    s.heading.dataset.q = q;
    s.heading.textContent = total === 0 ? t('count0') : total === 1 ? t('count1') : t('countN', { n: this.fmtNum(total) });
    s.partial.hidden = !res.partial;
    clear(s.dym);
    if (res.corrected) {
      // "Showing results for X; search instead for Y."
      s.dym.append(t('showingFor') + ' ', this.h('strong', { text: res.corrected }), '. ' + t('searchInstead') + ' ',
        this.link({ ...this.state, q, exact: true }, { class: 'cx-dym-link', attrs: { lang: undefined } }, q), '.');
      s.dym.hidden = false;
    } else if (res.suggestion && res.suggestion !== q) {
      s.dym.append(t('didYouMean') + ' ', this.link({ ...this.state, q: res.suggestion }, { class: 'cx-dym-link', attrs: { lang: undefined } }, res.suggestion), this.t('didYouMeanEnd'));
      s.dym.hidden = false;
    } else s.dym.hidden = true;
    if (offset === 0) {
      clear(s.list);
      this.lastHits = [];
    }
    const terms = queryTerms(q);
    for (const hit of hits) {
      this.lastHits.push(hit.id);
      const d = this.docById.get(hit.id);
      const title = hit.title || this.docTitle(d, hit.id);
      const titleRanges = hit.title ? normRanges(hit.title_highlights, title.length) : termRanges(title, terms);
      const snippet = String(hit.snippet || '');
      const lang = (d && d.lang) || undefined;
      const meta = [];
      if (hit.date) meta.push(this.h('time', { attrs: { datetime: hit.date }, text: this.fmtDate(hit.date) }));
      if (hit.author) meta.push(this.h('span', { class: 'cx-author', text: hit.author }));
      if (d && d.words) meta.push(this.h('span', { text: t('wordsN', { n: this.fmtNum(d.words) }) }));
      s.list.append(this.h('li', { class: 'cx-hit' },
        this.h('h2', { class: 'cx-hit-title' },
          appendMarked(this.link({ ...this.state, doc: hit.id, s: -1 }, { class: 'cx-hit-link', dataset: { navItem: '', id: hit.id }, attrs: { lang } }), title, titleRanges, 'cx-hl')),
        meta.length ? this.h('p', { class: 'cx-hit-meta' }, meta.flatMap((m, i) => (i ? [' · ', m] : [m]))) : null,
        snippet ? appendMarked(this.h('p', { class: 'cx-snippet', attrs: { lang } }), snippet, normRanges(res.hits && hit.snippet_highlights, snippet.length), 'cx-hl') : null));
    }
    s.more.hidden = this.lastHits.length >= total || hits.length === 0;
    s.empty.hidden = total > 0 || this.lastHits.length > 0;
    if (!s.empty.hidden) this.renderEmpty(q, res);
    const announce = total === 0 ? 'countAnnounce0' : total === 1 ? 'countAnnounce1' : 'countAnnounce';
    this.announce(t(announce, { n: this.fmtNum(total), q }));
    if (offset === 0) this.afterRender();
  }

  async renderEmpty(q, res) {
    const s = this.searchShell;
    const t = this.t.bind(this);
    clear(s.empty);
    s.qsum.hidden = true;
    const tips = [t('emptyTip1')];
    if (this.filtersActive()) tips.push(t('emptyTip2'));
    s.empty.append(this.h('h2', { text: t('emptyTitle', { q }) }),
      this.h('ul', { class: 'cx-tips' }, tips.map((x) => this.h('li', { text: x }))));
    if (this.filtersActive()) s.empty.append(this.h('p', {}, this.h('button', { type: 'button', class: 'cx-btn', text: t('clearFilters'), on: { click: () => this.navigate(normState({ ...this.state, author: '', from: '', to: '' }), { replace: true }) } })));
    const seq = this.seq.search;
    let completions = [];
    const last = (q.match(/[\p{L}\p{N}]+$/u) || [''])[0];
    if (last.length >= 2) {
      try { completions = await this.ex.suggest(last); } catch { completions = []; }
    }
    if (seq !== this.seq.search) return;
    const prefix = q.slice(0, q.length - last.length);
    completions = (Array.isArray(completions) ? completions : []).filter((c) => typeof c === 'string' && c && c !== last).slice(0, 8);
    if (completions.length) {
      s.empty.append(this.h('p', { text: t('completions') }),
        this.h('ul', { class: 'cx-chips' }, completions.map((c) => this.h('li', {}, this.searchButton(prefix + c)))));
    }
    const kw = Array.isArray(this.overview.keywords) ? this.overview.keywords.slice(0, 8) : [];
    if (kw.length) {
      s.empty.append(this.h('p', { text: t('emptyTry') }),
        this.h('ul', { class: 'cx-chips' }, kw.map((k) => this.h('li', {}, this.searchButton(k.text)))));
    }
  }

  async runQuerySummary(q, searchSeq) {
    const s = this.searchShell;
    const seq = ++this.seq.qsum;
    let res;
    try {
      res = await this.ex.summarizeQuery(q, { sentences: 3 });
    } catch {
      res = null;
    }
    if (seq !== this.seq.qsum || searchSeq !== this.seq.search || this.state.view !== 'search') return;
    clear(s.qsum);
    s.qsum.dataset.q = q;
    s.qsum.classList.remove('cx-stale');
    s.qsum.removeAttribute('aria-busy');
    const sents = res && Array.isArray(res.sentences) ? res.sentences : [];
    if (!sents.length) {
      s.qsum.hidden = true;
      return;
    }
    const terms = queryTerms(q);
    // Open on wide screens; on a phone it would push the results away.
    if (!this.qsumToggled) s.qsum.open = !this.win.matchMedia || this.win.matchMedia('(min-width: 40rem)').matches;
    s.qsum.append(this.h('summary', {}, this.h('span', { class: 'cx-qsum-title', text: this.t('querySummary', { q }) })),
      this.h('ul', { class: 'cx-quotes' }, sents.map((x) => {
        const d = this.docById.get(x.id);
        const text = String(x.text || '');
        return this.h('li', {},
          this.link({ ...this.state, doc: x.id, s: Number.isInteger(x.index) ? x.index : -1 }, { class: 'cx-qsum-link', attrs: { lang: (d && d.lang) || undefined } },
            appendMarked(this.h('span', { class: 'cx-quote' }), text, termRanges(text, terms), 'cx-hl')),
          ' ', this.h('span', { class: 'cx-source-title', text: '— ' + this.docTitle(d, x.id), attrs: { lang: (d && d.lang) || undefined } }));
      })));
    s.qsum.hidden = false;
  }

  // ---- reader --------------------------------------------------------

  async renderDoc(prev) {
    const st = this.state;
    const v = this.views.doc;
    const seq = ++this.seq.doc;
    const sameDoc = prev && prev.view === 'doc' && prev.doc === st.doc && this.reader && this.reader.id === st.doc && this.reader.lang === this.lang;
    if (sameDoc) {
      this.reader.q = st.q;
      this.renderText();
      this.focusTarget();
      return;
    }
    let d;
    try {
      d = await this.ex.document(st.doc);
    } catch (err) {
      if (seq !== this.seq.doc) return;
      this.reader = null;
      clear(v);
      v.append(this.h('section', { class: 'cx-panel', attrs: { role: 'alert' } },
        this.h('h1', { tabIndex: -1, class: 'cx-doc-error-title', text: this.t('docNotFound', { id: st.doc }) }),
        this.h('p', { text: this.t('docError', { msg: (err && err.message) || String(err) }) }),
        this.h('p', {}, this.backButton())));
      v.querySelector('h1').focus();
      return;
    }
    if (seq !== this.seq.doc || this.state.view !== 'doc') return;
    this.reader = { id: st.doc, lang: this.lang, d, q: st.q, summary: [], text: null };
    this.buildReader(d);
    this.scrollTop();
    this.loadSummary(true);
    this.loadRelated(d);
  }

  backButton() {
    const st = this.state;
    const label = st.q ? this.t('backToResults') : this.t('backToOverview');
    return this.h('button', { type: 'button', class: 'cx-btn cx-back', on: { click: () => this.back() } },
      this.h('span', { attrs: { 'aria-hidden': 'true' }, text: '← ' }), label);
  }

  neighbours(id) {
    const st = this.state;
    let order = st.q && this.lastHits.includes(id) ? this.lastHits : this.docOrder || this.docs.map((d) => d.id);
    if (!order.includes(id)) order = this.docs.map((d) => d.id);
    const i = order.indexOf(id);
    return { prev: i > 0 ? order[i - 1] : '', next: i >= 0 && i < order.length - 1 ? order[i + 1] : '' };
  }

  docNav(id, where) {
    const { prev, next } = this.neighbours(id);
    const t = this.t.bind(this);
    const item = (target, key, cls, arrow) => {
      if (!target) return this.h('span', { class: 'cx-pn cx-pn-none ' + cls });
      const d = this.docById.get(target);
      return this.link({ ...this.state, doc: target, s: -1 }, { class: 'cx-pn ' + cls, attrs: { rel: key } },
        this.h('span', { class: 'cx-pn-label' },
          arrow === '←' ? this.h('span', { attrs: { 'aria-hidden': 'true' }, text: '← ' }) : null,
          this.h('span', { class: 'cx-pn-text', text: t(key) }),
          arrow === '→' ? this.h('span', { attrs: { 'aria-hidden': 'true' }, text: ' →' }) : null),
        this.h('span', { class: 'cx-pn-title', text: this.docTitle(d, target), attrs: { lang: (d && d.lang) || undefined } }));
    };
    return this.h('nav', { class: 'cx-docnav cx-docnav-' + where, attrs: { 'aria-label': t('docNav') + (where === 'bottom' ? ' (2)' : '') } },
      where === 'top' ? this.backButton() : null,
      this.h('div', { class: 'cx-pn-row' }, item(prev, 'prev', 'cx-prev', '←'), item(next, 'next', 'cx-next', '→')));
  }

  buildReader(d) {
    const v = this.views.doc;
    const t = this.t.bind(this);
    const id = (s) => this.uid + '-' + s;
    clear(v);
    const lang = d.lang || undefined;
    const title = d.title || d.path || d.id;
    const meta = [];
    const row = (k, val, vlang) => { if (val !== undefined && val !== null && val !== '') meta.push(this.h('div', { class: 'cx-meta-item' }, this.h('dt', { text: t(k) }), this.h('dd', { text: String(val), attrs: { lang: vlang } }))); };
    row('metaDate', d.date ? this.fmtDate(d.date) : '');
    row('metaAuthor', d.author);
    row('metaWords', d.words ? t('wordsN', { n: this.fmtNum(d.words) }) : '');
    if (d.lang) {
      let name = d.lang;
      try { name = new Intl.DisplayNames([this.lang], { type: 'language' }).of(d.lang) || d.lang; } catch { /* keep the code */ }
      row('metaLang', name);
    }
    row('metaPath', d.path);
    if (d.encoding && !/^utf-?8$/i.test(d.encoding)) row('metaEncoding', d.encoding);
    const repairs = Array.isArray(d.repairs) ? d.repairs.length : Number(d.repairs) || 0;
    if (repairs) row('metaRepairs', Array.isArray(d.repairs) ? d.repairs.join(', ') : this.fmtNum(repairs));
    if (Number(d.invalid_bytes) > 0) row('metaInvalid', this.fmtNum(d.invalid_bytes));
    const warnings = Array.isArray(d.warnings) ? d.warnings.filter(Boolean) : [];

    const h1 = this.h('h1', { class: 'cx-doc-title', tabIndex: -1, text: title, attrs: { lang } });
    const header = this.h('header', { class: 'cx-doc-head' }, h1,
      d.title_derived ? this.h('p', { class: 'cx-muted cx-derived', text: t('derivedTitle') }) : null,
      this.h('dl', { class: 'cx-meta' }, meta),
      warnings.length ? this.h('details', { class: 'cx-warnings' }, this.h('summary', { text: t('warnings') + ' (' + warnings.length + ')' }),
        this.h('ul', {}, warnings.map((w) => this.h('li', { text: String(w) })))) : null);

    const range = this.h('input', { type: 'range', id: id('sumlen'), min: 1, max: 7, step: 1, value: String(this.summaryLength), class: 'cx-range' });
    const out = this.h('output', { class: 'cx-range-out', attrs: { for: id('sumlen') } });
    const setOut = () => { out.textContent = this.summaryLength === 1 ? t('sentences1') : t('sentencesN', { n: this.summaryLength }); range.setAttribute('aria-valuetext', out.textContent); };
    setOut();
    range.addEventListener('input', () => {
      this.summaryLength = Math.max(1, Math.min(7, Number(range.value) || 3));
      setOut();
      this.loadSummary(false);
    });
    const sumList = this.h('ol', { class: 'cx-sumlist', attrs: { lang } });
    const sumSec = this.h('section', { class: 'cx-summary', attrs: { 'aria-labelledby': id('sum-h') } },
      this.h('div', { class: 'cx-summary-head' },
        this.h('h2', { id: id('sum-h'), text: t('summary') }),
        this.h('div', { class: 'cx-range-wrap' }, this.h('label', { attrs: { for: id('sumlen') }, text: t('summaryLength') }), range, out)),
      sumList,
      this.h('p', { class: 'cx-hint', text: t('summaryHint') }));

    const chipSec = (key, items, cls) => {
      if (!Array.isArray(items) || !items.length) return null;
      const cid = id('r-' + key);
      return this.h('section', { class: 'cx-chips-section', attrs: { 'aria-labelledby': cid } },
        this.h('h2', { id: cid, text: t(key) }),
        this.h('ul', { class: 'cx-chips', attrs: { lang } }, items.slice(0, 16).map((it) => this.h('li', {}, this.searchButton(it.text ?? it.name, cls)))));
    };
    const aside = this.h('aside', { class: 'cx-doc-aside', attrs: { 'aria-label': t('keywords') + ', ' + t('entities') } },
      chipSec('keywords', d.keywords, 'cx-chip-kw'), chipSec('entities', d.entities, 'cx-chip-ent'));
    if (!aside.firstChild) aside.hidden = true;

    const textBox = this.h('div', { class: 'cx-text', attrs: { lang } });
    const textSec = this.h('section', { class: 'cx-fulltext', attrs: { 'aria-labelledby': id('text-h') } },
      this.h('h2', { id: id('text-h'), text: t('fullText') }), textBox);
    const relSec = this.h('section', { class: 'cx-related', attrs: { 'aria-labelledby': id('rel-h') } },
      this.h('h2', { id: id('rel-h'), text: t('related') }), this.h('p', { class: 'cx-muted', text: '…' }));

    const article = this.h('article', { class: 'cx-reader', dataset: { id: d.id }, attrs: { 'aria-labelledby': this.uid + '-doc-h1' } },
      header, sumSec, aside, textSec, relSec);
    h1.id = this.uid + '-doc-h1';
    v.append(this.docNav(d.id, 'top'), article, this.docNav(d.id, 'bottom'));
    Object.assign(this.reader, { sumList, textBox, relSec, range, h1 });
    this.renderText();
    this.focusTarget();
  }

  async loadSummary(first) {
    const r = this.reader;
    if (!r) return;
    const seq = ++this.seq.sum;
    let res;
    try {
      res = await this.ex.summarize(r.id, { sentences: this.summaryLength });
    } catch (err) {
      if (seq !== this.seq.sum || r !== this.reader) return;
      clear(r.sumList);
      r.sumList.append(this.h('li', { class: 'cx-error', text: (err && err.message) || String(err) }));
      return;
    }
    if (seq !== this.seq.sum || r !== this.reader) return;
    const len = r.d.text ? r.d.text.length : 0;
    r.summary = (res && Array.isArray(res.sentences) ? res.sentences : [])
      .filter((x) => Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start && x.end <= len);
    clear(r.sumList);
    for (const [i, x] of r.summary.entries()) {
      r.sumList.append(this.h('li', {}, this.h('button', {
        type: 'button', class: 'cx-sum-btn', text: x.text || r.d.text.slice(x.start, x.end),
        dataset: { sum: String(i) },
        on: { click: () => this.scrollToSentence(x.start) },
      })));
    }
    r.sumList.dataset.n = String(r.summary.length);
    this.renderText();
    if (first) this.focusTarget();
  }

  async loadRelated(d) {
    const r = this.reader;
    let rel;
    try {
      rel = await this.ex.related(d.id, { limit: 6 });
    } catch {
      rel = d.related;
    }
    if (r !== this.reader) return;
    rel = Array.isArray(rel) ? rel : [];
    const sec = r.relSec;
    sec.lastChild.remove();
    if (!rel.length) {
      sec.append(this.h('p', { class: 'cx-muted', text: this.t('noRelated') }));
      return;
    }
    sec.append(this.h('ul', { class: 'cx-related-list' }, rel.map((x) => {
      const dd = this.docById.get(x.id);
      const shared = Array.isArray(x.shared) ? x.shared.slice(0, 5).map((w) => (typeof w === 'string' ? w : (w && (w.text || w.name)) || '')).filter(Boolean) : [];
      return this.h('li', {},
        this.link({ ...this.state, doc: x.id, s: -1 }, { class: 'cx-rel-link', attrs: { lang: (dd && dd.lang) || undefined } }, x.title || this.docTitle(dd, x.id)),
        shared.length ? this.h('span', { class: 'cx-rel-shared', text: this.t('relatedShared', { words: shared.join(', ') }) }) : null);
    })));
  }

  // The full text: blocks, with summary sentences and the target sentence
  // as <mark class=cx-sum|cx-target> and query words as <mark class=cx-hl>.
  renderText() {
    const r = this.reader;
    if (!r) return;
    const d = r.d;
    const text = String(d.text || '');
    const box = r.textBox;
    clear(box);
    const spans = [];
    const st = this.state;
    let target = null;
    const sents = Array.isArray(d.sentences) ? d.sentences : [];
    if (st.s >= 0 && sents[st.s]) target = sents[st.s];
    for (const [i, x] of r.summary.entries()) spans.push({ start: x.start, end: x.end, cls: 'cx-sum', sum: i });
    if (target) {
      const same = spans.find((x) => x.start === target.start && x.end === target.end);
      if (same) same.cls += ' cx-target';
      else spans.push({ start: target.start, end: target.end, cls: 'cx-target' });
    }
    spans.sort((a, b) => a.start - b.start);
    const layer = [];
    for (const x of spans) if (!layer.length || x.start >= layer[layer.length - 1].end) layer.push(x);
    const qr = normRanges(termRanges(text, queryTerms(st.q)), text.length);
    r.marks = new Map();

    const fill = (node, start, end) => {
      let pos = start;
      for (const x of layer) {
        const s = Math.max(x.start, start), e = Math.min(x.end, end);
        if (e <= s) continue;
        if (s > pos) appendMarked(node, text, qr, 'cx-hl', pos, s);
        const m = this.h('mark', { class: x.cls, dataset: x.sum !== undefined ? { sum: String(x.sum) } : {} });
        appendMarked(m, text, qr, 'cx-hl', s, e);
        node.appendChild(m);
        if (!r.marks.has(x.start)) {
          m.tabIndex = -1;
          r.marks.set(x.start, m);
        }
        pos = e;
      }
      if (pos < end) appendMarked(node, text, qr, 'cx-hl', pos, end);
      return node;
    };

    const blocks = this.blocks(d, text);
    let group = null;
    for (const b of blocks) {
      let { start, end } = b;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (end <= start) continue;
      if (b.kind === 'boilerplate') {
        if (!group) {
          group = { body: this.h('div', { class: 'cx-boiler-body' }), words: 0 };
          group.el = this.h('details', { class: 'cx-boilerplate' }, this.h('summary'), group.body);
          box.append(group.el);
        }
        group.words += (text.slice(start, end).match(/[\p{L}\p{N}]+/gu) || []).length;
        group.el.firstChild.textContent = this.t('boilerplate', { n: this.fmtNum(group.words) });
        group.body.append(fill(this.h('p', { class: 'cx-block' }), start, end));
        continue;
      }
      group = null;
      let node;
      if (b.kind === 'title') {
        if (text.slice(start, end).trim() === String(d.title || '').trim()) node = this.h('p', { class: 'cx-block cx-block-title' });
        else node = this.h('h3', { class: 'cx-block cx-block-title' });
      } else if (b.kind === 'heading') node = this.h('h3', { class: 'cx-block cx-block-heading' });
      else if (b.kind === 'meta') node = this.h('p', { class: 'cx-block cx-block-meta' });
      else node = this.h('p', { class: 'cx-block' });
      box.append(fill(node, start, end));
    }
    // Keep <details> open if the target or a summary sentence is inside.
    for (const det of box.querySelectorAll('details')) if (det.querySelector('mark.cx-target')) det.open = true;
  }

  // blocks returns the document's blocks in order, covering every
  // non-blank part of the text (parts no block claims become paragraphs).
  blocks(d, text) {
    const kinds = new Set(['paragraph', 'title', 'heading', 'meta', 'boilerplate']);
    const given = (Array.isArray(d.blocks) ? d.blocks : [])
      .filter((b) => b && Number.isFinite(b.start) && Number.isFinite(b.end) && b.end > b.start && b.start >= 0 && b.end <= text.length)
      .map((b) => ({ start: b.start, end: b.end, kind: kinds.has(b.kind) ? b.kind : 'paragraph' }))
      .sort((a, b) => a.start - b.start);
    const out = [];
    let pos = 0;
    const gap = (s, e) => {
      const re = /\n\s*\n/g;
      re.lastIndex = s;
      let p = s;
      for (;;) {
        const m = re.exec(text);
        if (!m || m.index >= e) break;
        if (/\S/.test(text.slice(p, m.index))) out.push({ start: p, end: m.index, kind: 'paragraph' });
        p = m.index + m[0].length;
      }
      if (p < e && /\S/.test(text.slice(p, e))) out.push({ start: p, end: e, kind: 'paragraph' });
    };
    for (const b of given) {
      if (b.start < pos) { if (b.end <= pos) continue; b.start = pos; }
      if (b.start > pos) gap(pos, b.start);
      out.push(b);
      pos = b.end;
    }
    if (pos < text.length) gap(pos, text.length);
    return out;
  }

  focusTarget() {
    const r = this.reader;
    if (!r) return;
    const st = this.state;
    const sents = Array.isArray(r.d.sentences) ? r.d.sentences : [];
    if (st.s >= 0 && sents[st.s] && r.marks && r.marks.has(sents[st.s].start)) {
      this.scrollToSentence(sents[st.s].start);
    } else if (this.doc.activeElement !== r.h1 && !(this.root.getRootNode().activeElement === r.h1)) {
      r.h1.focus({ preventScroll: true });
    }
  }

  scrollToSentence(start) {
    const r = this.reader;
    const m = r && r.marks && r.marks.get(start);
    if (!m) return;
    const det = m.closest('details');
    if (det) det.open = true;
    const smooth = !this.reduceMotion.matches;
    m.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'center' });
    m.focus({ preventScroll: true });
    m.classList.remove('cx-flash');
    void m.offsetWidth;
    if (smooth) m.classList.add('cx-flash');
  }

  // afterRender puts the focus back where the user was after back/forward.
  afterRender() {
    if (!this.restoreFocus) return;
    this.restoreFocus = false;
    const from = this.fromDoc;
    if (!from) return;
    const v = this.views[this.state.view];
    const a = v && [...v.querySelectorAll('a[data-nav-item]')].find((x) => parseHash(x.getAttribute('href')).doc === from);
    if (a) a.focus();
  }
}
