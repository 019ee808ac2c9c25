// The frame around the views: skip link, header (brand, search box, theme
// and language switches), the main region with its loading bar and the
// view containers, the key help and the live region; loading the explorer
// with its progress, and the failure panel.

import { clear } from './dom.js';
import { errorDetails, failureText, fmtMB } from './ui.js';
import { normState } from './router.js';
import { Docs } from './docs.js';
import { onInput } from './keys.js';

/** @typedef {import('./app.js').App} App */

export const THEMES = ['auto', 'light', 'dark'];

/**
 * buildShell (re)builds the frame inside app.root, in app.lang, and
 * returns its parts.
 * @param {App} app
 */
export function buildShell(app) {
  const t = app.t.bind(app);
  const h = app.h.bind(app);
  const id = app.id.bind(app);
  clear(app.root);
  const input = /** @type {HTMLInputElement} */ (h('input', {
    type: 'search', id: id('q'), class: 'cx-input', autocomplete: 'off', spellcheck: false,
    attrs: { placeholder: t('searchPlaceholder'), 'aria-describedby': id('keys'), enterkeyhint: 'search' },
  }));
  input.value = app.state.q;
  const status = h('div', { class: 'cx-sr', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
  const progress = /** @type {HTMLProgressElement} */ (h('progress', { class: 'cx-progress', id: id('progress') }));
  const progressLabel = h('label', { class: 'cx-progress-label', attrs: { for: id('progress') }, text: t('loading') });
  const loading = h('div', { class: 'cx-loading' }, progressLabel, progress);
  const views = {
    home: h('div', { class: 'cx-view cx-home' }),
    search: h('div', { class: 'cx-view cx-search-view' }),
    doc: h('div', { class: 'cx-view cx-doc-view' }),
    explore: h('div', { class: 'cx-view cx-explore-view' }),
    error: h('div', { class: 'cx-view cx-error-view' }),
  };
  const main = h('main', { class: 'cx-main', id: id('main'), tabIndex: -1 }, loading, Object.values(views));
  const langBtn = h('button', {
    type: 'button', class: 'cx-btn cx-lang', text: t('switchLang'),
    attrs: { lang: app.lang === 'fr' ? 'en' : 'fr', title: t('switchLangLabel') },
    on: { click: () => app.setLang(app.lang === 'fr' ? 'en' : 'fr') },
  });
  const themeBtn = h('button', {
    type: 'button', class: 'cx-btn cx-theme',
    on: { click: () => app.setTheme(THEMES[(THEMES.indexOf(app.theme) + 1) % THEMES.length]) },
  });
  const form = h('form', {
    class: 'cx-search', attrs: { role: 'search' },
    on: { submit: (/** @type {Event} */ e) => { e.preventDefault(); onInput(app, true); } },
  },
  h('label', { class: 'cx-search-label', attrs: { for: id('q') }, text: t('searchLabel') }),
  h('div', { class: 'cx-search-row' }, input));
  const brand = h('a', { class: 'cx-brand', href: '#', dataset: { route: '' } },
    h('span', { class: 'cx-logo', attrs: { 'aria-hidden': 'true' } }), h('span', { text: t('appName') }));
  const header = h('header', { class: 'cx-header' },
    h('div', { class: 'cx-header-inner' }, brand, form, h('div', { class: 'cx-tools' }, themeBtn, langBtn)));
  const skip = h('a', {
    class: 'cx-skip', href: '#' + id('main'), text: t('skip'),
    on: { click: (/** @type {Event} */ e) => { e.preventDefault(); main.focus(); } },
  });
  const footer = h('footer', { class: 'cx-footer' }, h('p', { id: id('keys'), text: t('keysHelp') }));
  const top = h('div', { class: 'cx cx-theme-' + app.theme, attrs: { lang: app.lang } }, skip, header, main, footer, status);
  app.root.appendChild(top);
  if (app.useHash) app.doc.documentElement.lang = app.lang;
  const shell = { input, status, progress, progressLabel, loading, views, main, langBtn, themeBtn, top };
  updateThemeButton(app, shell);
  return shell;
}

/**
 * @param {App} app
 * @param {{themeBtn: HTMLElement}} shell
 */
export function updateThemeButton(app, shell) {
  const name = app.t({ auto: 'themeAuto', light: 'themeLight', dark: 'themeDark' }[app.theme] || 'themeAuto');
  clear(shell.themeBtn);
  shell.themeBtn.append(app.h('span', { class: 'cx-theme-icon', attrs: { 'aria-hidden': 'true' } }), app.h('span', { class: 'cx-theme-text', text: app.t('themeButton', { name }) }));
}

/**
 * showProgress shows how much of the module has arrived.
 * @param {App} app
 * @param {number} loaded
 * @param {number | null} total
 */
export function showProgress(app, loaded, total) {
  const { progress, progressLabel } = app.shell;
  const mb = (/** @type {number} */ n) => fmtMB(app.lang, n);
  if (total && total > 0 && Number.isFinite(total)) {
    progress.max = total;
    progress.value = Math.min(loaded, total);
    progressLabel.textContent = app.t('loadingBytes', { loaded: mb(loaded), total: mb(total) });
  } else {
    progress.removeAttribute('value');
    progressLabel.textContent = app.t('loadingBytesUnknown', { loaded: mb(loaded || 0) });
  }
}

/**
 * showFailure replaces everything with a panel that says what failed, in
 * the interface language (the explorer's message in its details), and
 * what to try, with a retry button.
 * @param {App} app
 * @param {unknown} err
 */
export function showFailure(app, err) {
  const h = app.h.bind(app);
  app.shell.loading.hidden = true;
  const v = app.shell.views.error;
  clear(v);
  v.append(h('section', { class: 'cx-panel cx-failure', attrs: { role: 'alert' } },
    h('h1', { text: app.t('failTitle') }),
    h('p', {}, h('strong', { text: app.t('failWhat') }), ' ', h('span', { class: 'cx-failure-msg', text: failureText(app, 'start', err, app.t('startFailOther')) })),
    errorDetails(app, err),
    h('p', { text: app.t('failTry') }),
    h('ul', {}, ['failTry1', 'failTry2', 'failTry3', 'failTry4'].map((k) => h('li', { text: app.t(k) }))),
    h('button', { type: 'button', class: 'cx-btn cx-btn-primary', text: app.t('retry'), on: { click: () => app.restart() } })));
  app.showView('error');
}

/**
 * start loads the explorer, the overview and the first page of documents
 * (all the first screen needs), then shows the view the state names.
 * @param {App} app
 */
export async function start(app) {
  app.failed = null;
  const sh = app.shell;
  app.showView(null);
  sh.loading.hidden = false;
  sh.progress.removeAttribute('value');
  sh.progressLabel.textContent = app.t('loading');
  let docs;
  try {
    let ex = app.opts.explorer;
    if (!ex) {
      // A page of a split build (its <meta name="corpus-explorer-split">)
      // opened on a query (#q=…) names it, so that its postings come while
      // the module downloads (load()'s firstQuery).
      const split = app.doc.querySelector('meta[name="corpus-explorer-split"]');
      const first = split && app.state.q && app.state.q.trim() ? { firstQuery: app.state.q } : {};
      const loadOpts = { ...first, ...(app.opts.loadOptions || {}), onProgress: (/** @type {number} */ n, /** @type {number|null} */ total) => showProgress(app, n, total) };
      let load = app.opts.load;
      if (!load) ({ load } = await import(app.opts.explorerURL || new URL('./explorer.js', import.meta.url).href));
      ex = await load(loadOpts);
    }
    // A page opened on a query (#q=…): the packs of the search index that
    // it needs (a split build) are fetched now, while the overview and the
    // first page of documents are read, rather than after them.
    const q = app.shell.input.value || app.state.q;
    if (q && q.trim()) ex.search(q, { limit: 1 }).catch(() => {});
    const overview = (await ex.overview()) || {};
    docs = new Docs(ex, overview.documents);
    await docs.first();
    app.ex = ex;
    app.overview = overview;
    app.docs = docs;
  } catch (err) {
    app.failed = err;
    showFailure(app, err);
    throw err;
  }
  app.shell.loading.hidden = true;
  app.router.state = normState({ ...app.state, q: app.shell.input.value || app.state.q });
  app.render(null);
  app.shell.status.textContent = app.t('ready', { n: app.fmtNum(docs.total) });
}

/**
 * @param {App} app
 * @param {string} theme
 */
export function setTheme(app, theme) {
  if (!THEMES.includes(theme)) return;
  app.theme = theme;
  app.shell.top.classList.remove('cx-theme-auto', 'cx-theme-light', 'cx-theme-dark');
  app.shell.top.classList.add('cx-theme-' + theme);
  updateThemeButton(app, app.shell);
}

/**
 * setLang rebuilds the page in the interface language lang.
 * @param {App} app
 * @param {string} lang
 */
export function setLang(app, lang) {
  if (lang !== 'fr' && lang !== 'en') return;
  app.lang = lang;
  const btn = app.shell.langBtn;
  const hadFocus = app.doc.activeElement === btn || /** @type {Document | ShadowRoot} */ (app.root.getRootNode()).activeElement === btn;
  app.router.state = normState({ ...app.state, q: app.shell.input.value });
  app.shell = buildShell(app);
  if (app.ex) {
    app.shell.loading.hidden = true;
    app.render(null);
  } else if (app.failed) showFailure(app, app.failed);
  else app.showView(null);
  if (hadFocus) app.shell.langBtn.focus();
}
