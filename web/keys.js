// Keys and input: / focuses the search box; Escape goes back from a
// document, to the box from the results, home from an empty box; the
// arrows walk the box and the view's list of links (results, documents).
// Typing in the box searches; a click on a link that routes navigates.

import { parseHash, normState } from './router.js';

/** @typedef {import('./app.js').App} App */

/**
 * listen wires the app's events: typing, clicks on links, keys, and the
 * address changing under it.
 * @param {App} app
 */
export function listen(app) {
  app.on(app.root, 'input', (e) => { if (e.target === app.shell.input) onInput(app, false); });
  app.on(app.root, 'click', (e) => onClick(app, e));
  app.on(app.opts.keyScope || (app.useHash ? app.doc : app.root), 'keydown', (e) => onKey(app, e));
  if (app.useHash) {
    for (const type of ['popstate', 'hashchange']) app.on(app.win, type, () => app.router.fromLocation());
  }
}

/**
 * onInput searches what the box holds.
 * @param {App} app
 * @param {boolean} submit the form was submitted (Enter)
 */
export function onInput(app, submit) {
  const q = app.shell.input.value;
  const next = normState({ ...app.state, q, doc: '', s: -1, exact: q === app.state.q && app.state.exact });
  if (!submit && next.q === app.state.q && app.state.view !== 'doc') return;
  // Typing refines the current search: replace, don't stack history.
  app.navigate(next, { replace: app.state.view === 'search' && next.view === 'search' });
}

/**
 * onClick routes a plain click on one of the app's links.
 * @param {App} app
 * @param {MouseEvent} e
 */
function onClick(app, e) {
  if (e.defaultPrevented || e.button !== 0) return;
  const a = /** @type {Element} */ (e.target).closest?.('a[data-route]');
  if (!a || !app.root.contains(a)) return;
  if (app.useHash && (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) return;
  e.preventDefault();
  const st = parseHash(a.getAttribute('href') || '');
  if (st.view !== 'doc') app.shell.input.value = st.q;
  app.navigate(st);
}

/**
 * isEditable reports whether keys typed in node are text.
 * @param {any} node
 */
export function isEditable(node) {
  if (!node || node.nodeType !== 1) return false;
  const tag = node.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || node.isContentEditable) return true;
  if (tag === 'INPUT') return !['button', 'submit', 'checkbox', 'radio', 'range', 'reset'].includes(node.type);
  return false;
}

/**
 * navItems lists the visible links of the current view the arrows walk.
 * @param {App} app
 * @returns {HTMLElement[]}
 */
export function navItems(app) {
  const v = app.shell.views[app.state.view];
  return v ? [...v.querySelectorAll('[data-nav-item]')].filter((n) => /** @type {HTMLElement} */ (n).offsetParent !== null || n.getClientRects().length > 0).map((n) => /** @type {HTMLElement} */ (n)) : [];
}

/**
 * onKey handles a keydown heard in the app's key scope.
 * @param {App} app
 * @param {KeyboardEvent} e
 */
export function onKey(app, e) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = (e.composedPath && e.composedPath()[0]) || e.target;
  const input = app.shell.input;
  if (e.key === '/' && !isEditable(target)) {
    e.preventDefault();
    input.focus();
    input.select();
    return;
  }
  if (!app.ex) return;
  const view = app.state.view;
  if (e.key === 'Escape') {
    if (view === 'doc') {
      e.preventDefault();
      app.router.back();
    } else if (view === 'search' && target !== input) {
      e.preventDefault();
      input.focus();
    } else if (target === input && input.value === '') {
      // Escape in an empty box (Chromium clears it first) goes home.
      if (view !== 'home') app.navigate({ ...app.state, q: '' }, { replace: true });
    }
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const items = navItems(app);
  if (!items.length) return;
  if (target === input) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      items[0].focus();
    }
    return;
  }
  const i = items.indexOf(/** @type {HTMLElement} */ (target));
  if (i < 0) return;
  e.preventDefault();
  if (e.key === 'ArrowDown') items[Math.min(i + 1, items.length - 1)].focus();
  else if (i === 0) input.focus();
  else items[i - 1].focus();
}
