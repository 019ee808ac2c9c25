// State and address: what the page shows, as a small object, and where it
// lives — location.hash and the browser's history for the standalone page
// (useHash), a stack in memory for embeds.
//
//   state = {view, q, author, from, to, section, tag, sort, doc, s, exact, at, x, xv, xo}
//   view  = 'home' | 'search' | 'doc' | 'explore', derived from the rest
//   exact = search q as typed, never its correction ("search instead for")
//   x, xv = an analysis and its subject (#kwic=fichier, #trend=a,b), xo its
//           options (match, order, page, window, near, by, n, scope); at = the
//           UTF-16 range "start-end" of an occurrence the reader marks

/** @typedef {{view: 'home'|'search'|'doc'|'explore', q: string, author: string, from: string, to: string, section: string, tag: string, sort: 'relevance'|'date', doc: string, s: number, exact: boolean, at: string, x: string, xv: string, xo: Record<string, string>}} State */

/** The analyses of the Explore view, as address keys. */
export const ANALYSES = ['explore', 'kwic', 'trend', 'collocates', 'keyness', 'phrases', 'network', 'timeline', 'figures'];
/** The options of an analysis the address keeps. */
export const ANALYSIS_OPTIONS = ['match', 'order', 'page', 'window', 'near', 'by', 'n', 'scope'];

/** @param {Partial<State>} st */
function viewOf(st) {
  return st.doc ? 'doc' : st.x ? 'explore' : String(st.q || '').trim() ? 'search' : 'home';
}

/**
 * parseHash turns '#q=…&doc=…' into a state.
 * @param {string} hash
 * @returns {State}
 */
export function parseHash(hash) {
  /** @type {State} */
  const st = { view: 'home', q: '', author: '', from: '', to: '', section: '', tag: '', sort: 'relevance', doc: '', s: -1, exact: false, at: '', x: '', xv: '', xo: {} };
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
      case 'section': st.section = v; break;
      case 'tag': st.tag = v; break;
      case 'sort': st.sort = v === 'date' ? 'date' : 'relevance'; break;
      case 'doc': st.doc = v; break;
      case 'exact': st.exact = v === '1'; break;
      case 's': { const n = Number(v); st.s = Number.isInteger(n) && n >= 0 ? n : -1; break; }
      case 'at': st.at = /^\d+-\d+$/.test(v) ? v : ''; break;
      default:
        if (ANALYSES.includes(k)) { st.x = k; st.xv = v; } else if (ANALYSIS_OPTIONS.includes(k)) st.xo[k] = v;
        break;
    }
  }
  st.view = viewOf(st);
  return st;
}

/**
 * formatHash is the inverse of parseHash ('' for the landing view).
 * @param {State} st
 */
export function formatHash(st) {
  const parts = [];
  /** @param {string} k @param {string} v */
  const add = (k, v) => parts.push(k + '=' + encodeURIComponent(v));
  if (st.doc) add('doc', st.doc);
  if (st.doc && st.s >= 0) add('s', String(st.s));
  if (st.doc && st.at) add('at', st.at);
  if (!st.doc && st.x) {
    add(st.x, st.xv || '');
    for (const k of ANALYSIS_OPTIONS) if (st.xo && st.xo[k]) add(k, st.xo[k]);
  }
  if (st.q) add('q', st.q);
  if (st.author) add('author', st.author);
  if (st.from) add('from', st.from);
  if (st.to) add('to', st.to);
  if (st.section) add('section', st.section);
  if (st.tag) add('tag', st.tag);
  if (st.sort === 'date') add('sort', 'date');
  if (st.exact && st.q) add('exact', '1');
  return parts.length ? '#' + parts.join('&') : '';
}

/** @param {string} s */
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * normState completes a partial state and derives its view.
 * @param {Partial<State>} st
 * @returns {State}
 */
export function normState(st) {
  const s = { ...parseHash(''), ...st };
  s.view = viewOf(s);
  return s;
}

/**
 * Router keeps the state in the address (or in memory) and calls
 * apply(next, {restoreFocus}) whenever it changes.
 */
export class Router {
  /**
   * @param {Window} win
   * @param {boolean} useHash
   * @param {(next: State, o: {restoreFocus?: boolean}) => void} apply
   */
  constructor(win, useHash, apply) {
    this.win = win;
    this.useHash = useHash;
    this.apply = apply;
    /** @type {State[]} history when !useHash */
    this.stack = [];
    /** @type {State} */
    this.state = normState({});
  }

  /**
   * navigate goes to next, a new history entry unless replace.
   * @param {Partial<State>} next
   * @param {{replace?: boolean}} [o]
   */
  navigate(next, { replace = false } = {}) {
    const st = normState(next);
    if (this.useHash) {
      const h = formatHash(st);
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
      this.stack[this.stack.length - 1] = st;
    } else {
      this.stack.push(this.state);
    }
    this.apply(st, {});
  }

  /** fromLocation follows the address after back, forward or a typed hash. */
  fromLocation() {
    const st = parseHash(this.win.location.hash);
    if (formatHash(st) === formatHash(this.state)) return;
    this.apply(st, { restoreFocus: true });
  }

  /** back goes to the previous state, or up to the results or the overview. */
  back() {
    if (this.useHash) {
      const cur = this.win.history.state;
      if (cur && cur.cxDepth > 0) {
        this.win.history.back();
        return;
      }
    } else if (this.stack.length) {
      const prev = /** @type {State} */ (this.stack.pop());
      this.apply(prev, { restoreFocus: true });
      return;
    }
    // Opened by a deep link: go up to the results or the overview.
    this.navigate({ ...this.state, doc: '', s: -1 });
  }
}
