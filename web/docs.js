// The documents' metadata, fetched a page at a time: the first page at
// once, for the first screen, then the rest in the background, one page
// per task, so that no task of the main thread grows with the corpus.
// Views read what has arrived (get, list) and are told when more does.

/** @typedef {import('./explorer.js').Explorer} Explorer */
/** @typedef {import('./explorer.js').DocumentMeta} DocumentMeta */

/** Documents per call: the first screen, then the background pages. */
const FIRST = 200;
const PAGE = 1000;

export class Docs {
  /**
   * @param {Explorer} ex
   * @param {number} total how many documents the corpus has (overview().documents)
   */
  constructor(ex, total) {
    this.ex = ex;
    this.total = Math.max(0, Number(total) || 0);
    /** @type {DocumentMeta[]} */
    this.list = [];
    /** @type {Map<string, DocumentMeta>} */
    this.byId = new Map();
    this.complete = false;
    /** @type {Set<() => void>} */
    this.listeners = new Set();
    this.stopped = false;
  }

  /** first fetches the first page; the rest follows in the background. */
  async first() {
    await this.fetch(FIRST);
    this.rest();
  }

  async rest() {
    while (!this.complete && !this.stopped) {
      // One page per task: let the page paint and answer keys in between.
      await new Promise((r) => setTimeout(r, 0));
      try {
        await this.fetch(PAGE);
      } catch {
        return; // the explorer closed or failed; what arrived stays usable
      }
      for (const fn of this.listeners) fn();
    }
  }

  /** @param {number} limit */
  async fetch(limit) {
    const page = await this.ex.documents({ offset: this.list.length, limit });
    const got = Array.isArray(page) ? page : [];
    for (const d of got) {
      this.list.push(d);
      this.byId.set(d.id, d);
    }
    // The count may be unknown (0): then only a short page ends the list.
    if (got.length < limit || (this.total > 0 && this.list.length >= this.total)) {
      this.complete = true;
      this.total = this.list.length;
    }
  }

  /**
   * get returns a document's metadata, if it has arrived.
   * @param {string} id
   */
  get(id) {
    return this.byId.get(id);
  }

  /**
   * lang returns a document's language code, or '' when unknown.
   * @param {string} id
   */
  lang(id) {
    const d = this.byId.get(id);
    return (d && d.lang) || '';
  }

  /**
   * onChange calls fn whenever more documents arrive; returns a function
   * that stops it.
   * @param {() => void} fn
   */
  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  stop() {
    this.stopped = true;
    this.listeners.clear();
  }
}
