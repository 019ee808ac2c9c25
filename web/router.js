// State and address: what the page shows, as a small object, and where it
// lives — location.hash and the browser's history for the standalone page
// (useHash), a stack in memory for embeds.
//
//   state = {view, q, author, from, to, sort, doc, s, exact}
//   view  = 'home' | 'search' | 'doc', derived from the rest
//   exact = search q as typed, never its correction ("search instead for")

/** @typedef {{view: 'home'|'search'|'doc', q: string, author: string, from: string, to: string, sort: 'relevance'|'date', doc: string, s: number, exact: boolean}} State */

/**
 * parseHash turns '#q=…&doc=…' into a state.
 * @param {string} hash
 * @returns {State}
 */
export function parseHash(hash) {
  /** @type {State} */
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
  if (st.q) add('q', st.q);
  if (st.author) add('author', st.author);
  if (st.from) add('from', st.from);
  if (st.to) add('to', st.to);
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
  s.view = s.doc ? 'doc' : String(s.q).trim() ? 'search' : 'home';
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
