// The part of the corpus whose distinctive words (keyness) are asked: the
// results of a search, a folder, an author or a period, as the address
// names it (#keyness=…), and the form that chooses it. The folders and
// authors offered are those of the corpus's documents, the dates those of
// its span.

import { tx } from './strings.js';

/** @typedef {import('../app.js').App} App */

/** The address of a part: "doc:ID", "folder:F", "author:A", "dates:FROM..TO", or a query. */
const PART = /^(doc|folder|author|dates):(.*)$/s;

/**
 * keynessOptions reads the subject of #keyness=… into keyness() options.
 * @param {string} v
 */
export function keynessOptions(v) {
  const m = PART.exec(v);
  if (!m) return { query: v, hits: 100, limit: 50 };
  if (m[1] === 'dates') {
    const [from, to] = m[2].split('..');
    return { dateFrom: from || undefined, dateTo: to || undefined, limit: 50 };
  }
  return { [m[1] === 'doc' ? 'id' : m[1]]: m[2], limit: 50 };
}

/**
 * choices returns the folders (each with its parents: a folder holds its
 * subfolders) and the authors of the documents that have arrived.
 * @param {App} app
 */
function choices(app) {
  const folders = new Set(), authors = new Set();
  for (const d of app.docs ? app.docs.list : []) {
    const p = String(d.path || '');
    for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) folders.add(p.slice(0, i));
    if (d.author) authors.add(String(d.author));
  }
  const coll = new Intl.Collator(app.lang);
  return { folders: [...folders].sort(coll.compare), authors: [...authors].sort(coll.compare) };
}

/**
 * partForm is the keyness view's form: one radio button per kind of part
 * (those the corpus has), each beside its own field; choosing a field
 * chooses its part. Submitting it goes to the part's address.
 * @param {App} app
 * @param {string} v the current subject
 */
export function partForm(app, v) {
  const h = app.h.bind(app);
  const m = PART.exec(v) || ['', 'query', v];
  const { folders, authors } = choices(app);
  const o = app.overview || {};
  const day = (/** @type {unknown} */ s) => (/^\d{4}-\d{2}-\d{2}/.test(String(s || '')) ? String(s).slice(0, 10) : '');
  const span = { min: day(o.date_from) || undefined, max: day(o.date_to) || undefined };
  const name = app.id('xpart');
  /** @type {Array<{kind: string, radio: HTMLInputElement, fields: Array<HTMLInputElement|HTMLSelectElement>, row: HTMLElement}>} */
  const parts = [];
  /**
   * @param {string} kind
   * @param {Array<HTMLInputElement|HTMLSelectElement>} fields
   * @param {Array<Node>} [labelled] the fields with their own labels, when there are several
   */
  const part = (kind, fields, labelled) => {
    const id = app.id('xpart-' + kind);
    const radio = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name, id, value: kind, checked: m[1] === kind, class: 'cx-x-radio' }));
    if (!labelled) fields[0].setAttribute('aria-label', tx(app, 'part_' + kind));
    const row = h('div', { class: 'cx-x-part' }, radio, h('label', { attrs: { for: id }, text: tx(app, 'part_' + kind) }), ...(labelled || fields));
    // Changing a field chooses its part (passing through it with Tab does not).
    for (const f of fields) for (const type of ['input', 'change']) f.addEventListener(type, () => { radio.checked = true; });
    parts.push({ kind, radio, fields, row });
  };
  const query = /** @type {HTMLInputElement} */ (h('input', { type: 'text', class: 'cx-input cx-x-input', value: m[1] === 'query' ? v : '', autocomplete: 'off', spellcheck: false }));
  part('query', [query]);
  /** @param {string[]} list @param {string} cur */
  const select = (list, cur) => /** @type {HTMLSelectElement} */ (h('select', { class: 'cx-select' }, list.map((x) => h('option', { value: x, text: x, selected: x === cur }))));
  if (folders.length) part('folder', [select(folders, m[1] === 'folder' ? m[2] : '')]);
  if (authors.length) part('author', [select(authors, m[1] === 'author' ? m[2] : '')]);
  if (span.min || span.max) {
    const [f0, t0] = m[1] === 'dates' ? m[2].split('..') : ['', ''];
    const date = (/** @type {string} */ key, /** @type {string} */ val) => {
      const id = app.id('xpart-' + key);
      const input = /** @type {HTMLInputElement} */ (h('input', { type: 'date', id, class: 'cx-field', value: day(val), attrs: span }));
      return { input, node: h('span', { class: 'cx-x-choice' }, h('label', { attrs: { for: id }, text: tx(app, key) }), ' ', input) };
    };
    const from = date('dateFrom', f0 || span.min || ''), to = date('dateTo', t0 || span.max || '');
    part('dates', [from.input, to.input], [from.node, to.node]);
  }
  if (!parts.some((p) => p.radio.checked) && m[1] !== 'doc') parts[0].radio.checked = true;
  const error = h('p', { class: 'cx-error', attrs: { role: 'alert' }, hidden: true });
  return h('form', {
    class: 'cx-x-form cx-x-partform',
    on: {
      submit: (/** @type {Event} */ e) => {
        e.preventDefault();
        const p = parts.find((x) => x.radio.checked);
        if (!p) return;
        const [a, b] = p.fields.map((f) => f.value.trim());
        const xv = p.kind === 'query' ? a : p.kind === 'dates' ? 'dates:' + a + '..' + b : p.kind + ':' + a;
        if (p.kind === 'dates' ? !a && !b : !a) {
          error.textContent = tx(app, 'partMissing');
          error.hidden = false;
          p.fields[0].focus();
          return;
        }
        app.navigate({ x: 'keyness', xv, xo: {} });
      },
    },
  }, h('fieldset', { class: 'cx-x-parts' }, h('legend', { text: tx(app, 'partLegend') }), parts.map((p) => p.row)),
  h('button', { type: 'submit', class: 'cx-btn', text: tx(app, 'go') }), error);
}
