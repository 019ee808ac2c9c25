// Shared pieces of the views: numbers, dates and language names in the
// interface language, document titles, links that route, and the chips
// that run a search. Every text goes in as text (see dom.js).

import { formatHash, normState } from './router.js';

/** @typedef {import('./app.js').App} App */
/** @typedef {import('./router.js').State} State */
/** @typedef {import('./explorer.js').DocumentMeta} DocumentMeta */

/** Formatters are costly to make (about 0.1 ms): one per language and kind. */
const formatters = new Map();

/**
 * formatter returns the formatter of kind for lang, made once.
 * @template T
 * @param {string} key
 * @param {() => T} make
 * @returns {T}
 */
function formatter(key, make) {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * @param {string} lang
 * @param {unknown} n
 */
export function fmtNum(lang, n) {
  return formatter('n ' + lang, () => new Intl.NumberFormat(lang)).format(Number(n) || 0);
}

/**
 * fmtMB shows a number of bytes in megabytes (one decimal).
 * @param {string} lang
 * @param {number} bytes
 */
export function fmtMB(lang, bytes) {
  return formatter('mb ' + lang, () => new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })).format(bytes / 1e6);
}

/**
 * fmtDate shows an ISO date (YYYY-MM-DD or YYYY-MM) in the interface
 * language; anything else as it is.
 * @param {string} lang
 * @param {unknown} s
 */
export function fmtDate(lang, s) {
  const str = String(s || '');
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(str);
  try {
    if (m) return formatter('d ' + lang, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })).format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    m = /^(\d{4})-(\d{2})$/.exec(str);
    if (m) return formatter('m ' + lang, () => new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' })).format(Date.UTC(+m[1], +m[2] - 1, 1));
  } catch { /* fall through */ }
  return str;
}

/**
 * langName names a language code in the interface language.
 * @param {string} lang
 * @param {string} code
 */
export function langName(lang, code) {
  try {
    return formatter('l ' + lang, () => new Intl.DisplayNames([lang], { type: 'language' })).of(code) || code;
  } catch {
    return code;
  }
}

/**
 * docTitle is what a document is called: its title, else its path or id.
 * @param {{title?: string, path?: string} | undefined | null} d
 * @param {string} id
 */
export function docTitle(d, id) {
  return (d && (d.title || d.path)) || id || '';
}

/** The most words of a title that names the source of a sentence it repeats. */
const SHORT_WORDS = 4;

/** Words a title's short form does not end on: articles, determiners, prepositions, conjunctions (French and English). */
const DANGLING = new Set(('a à au aux avec ce ces cet cette d dans de des du en et l la le les leur leurs ma mes mon nos notre ou par pour que qui sa ses son sur ta tes ton un une vos votre ' +
  'an and by for from her his in its of on or our the their this to with your').split(' '));

/**
 * wordKeys returns the words of s, lower case, without punctuation.
 * @param {string} s
 */
function wordKeys(s) {
  return String(s).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * within says whether the words a are all words of b, in order.
 * @param {string[]} a
 * @param {string[]} b
 */
function within(a, b) {
  let i = 0;
  for (const w of b) if (i < a.length && w === a[i]) i++;
  return i === a.length;
}

/**
 * sourceName names the document a quoted sentence comes from: its title,
 * unless the title repeats the sentence (its words are all the sentence's,
 * in order: a title derived from that sentence, cut or with a clause left
 * out, or a heading the text repeats). Then it is the
 * title's short form: its first words, at most SHORT_WORDS and a third of
 * the sentence's, cut at the first clause mark (, ; : and the like) and
 * on no dangling article or preposition, with an ellipsis ("Alibaba
 * assure…" for "Alibaba assure que son cloud…"); so a name never repeats
 * the sentence beside it, at most a few of its words. A sentence too
 * short for a short form (under 3 words) is named by the document's path.
 * @param {DocumentMeta | undefined} d
 * @param {string} id
 * @param {string} sentence
 */
export function sourceName(d, id, sentence) {
  const title = docTitle(d, id);
  const said = wordKeys(sentence);
  if (!within(wordKeys(title), said)) return title;
  const max = Math.min(SHORT_WORDS, Math.floor(said.length / 3));
  if (wordKeys(title).length <= max) return title; // short enough not to repeat it
  const words = [];
  let n = 0;
  for (const w of title.split(/\s+/)) {
    const k = wordKeys(w).length;
    if (n + k > max) break;
    if (!k) continue;
    const bare = w.replace(/[,;:.!?…)\]»”"’'-]+$/u, '');
    words.push(bare);
    n += k;
    if (bare !== w) break; // a clause ends here
  }
  while (words.length > 1 && DANGLING.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.length && max > 0 ? words.join(' ') + '…' : (d && d.path) || id;
}

/**
 * link makes an <a> that routes to state st.
 * @param {App} app
 * @param {Partial<State>} st
 * @param {Record<string, any>} props
 * @param {...any} children
 */
export function link(app, st, props, ...children) {
  return app.h('a', { ...props, href: formatHash(normState(st)) || '#', dataset: { route: '', ...(props && props.dataset) } }, ...children);
}

/**
 * searchButton is a chip that searches for its text.
 * @param {App} app
 * @param {string} text
 * @param {string} [cls]
 */
export function searchButton(app, text, cls) {
  return app.h('button', {
    type: 'button', class: 'cx-chip ' + (cls || ''), text,
    on: { click: () => app.search(text) },
  });
}

/**
 * chips is a titled list of search chips, or null when items is empty.
 * @param {App} app
 * @param {string} key the i18n key of the title, also the id's suffix
 * @param {unknown} items keywords ({text}) or entities ({name})
 * @param {string} cls
 * @param {number} max
 * @param {string} [lang] the language of the words
 * @param {string} [idKey] the id's suffix, when key is used twice
 */
export function chips(app, key, items, cls, max, lang, idKey = key) {
  if (!Array.isArray(items) || !items.length) return null;
  const cid = app.id(idKey);
  return app.h('section', { class: 'cx-chips-section', attrs: { 'aria-labelledby': cid } },
    app.h('h2', { id: cid, text: app.t(key) }),
    app.h('ul', { class: 'cx-chips', attrs: { lang } }, items.slice(0, max).map((it) => app.h('li', {}, searchButton(app, String(it.text ?? it.name), cls)))));
}

/**
 * packFailure says, in the interface language, why a file could not be
 * had, from the reason and HTTP status explorer.js gives (a PackError's,
 * or a hit's snippet_error_reason and _status): for kind 'text', a
 * document's text (a sentence whatever the reason); for kind 'index', a
 * part of the search index; 'part', a part of the corpus an analysis
 * reads; 'start', the explorer's module ('' for an unknown reason but
 * with 'text'). The message itself, for developers, goes in the details.
 * @param {App} app
 * @param {'text' | 'index' | 'part' | 'start'} kind
 * @param {unknown} reason
 * @param {unknown} [status]
 * @returns {string}
 */
export function packFailure(app, kind, reason, status) {
  if (reason === 'offline') return app.t(kind + 'FailOffline');
  if (reason === 'http' && Number.isInteger(status)) return app.t(kind + 'FailHTTP', { status: String(status) });
  if (reason === 'damaged') return app.t(kind + 'FailDamaged');
  return kind === 'text' ? app.t('textFailOther') : '';
}

/**
 * refusalText says in the interface language what is wrong with what the
 * person typed, from the refusal, field and limit explorer.js gives a call
 * the module refused (an InputError): a query too long, too many words or
 * terms, no word at all, a part of the corpus without documents; '' for
 * any other error.
 * @param {App} app
 * @param {unknown} err
 * @returns {string}
 */
export function refusalText(app, err) {
  const e = /** @type {Partial<import('./explorer.js').InputError>} */ (err && typeof err === 'object' ? err : {});
  const limit = Number.isInteger(e.limit) ? app.fmtNum(/** @type {number} */ (e.limit)) : '';
  switch (e.refusal) {
    case 'tooLong':
      // The person's text: a query, a prefix, the words of an analysis.
      if (e.field !== 'query' && e.field !== 'prefix' && e.field !== 'terms') return '';
      return limit ? app.t('queryTooLong', { n: limit }) : app.t('queryTooLongNoLimit');
    case 'tooManyWords':
    case 'tooManyTerms':
      return limit ? app.t(e.refusal, { n: limit }) : '';
    case 'noWord':
    case 'emptyPart':
      return app.t(e.refusal);
  }
  return '';
}

/**
 * failureText says in the interface language why err happened: what is
 * wrong with what the person typed (refusalText), or the sentence of
 * packFailure for a file that could not be had (err's reason and status),
 * else other, the sentence of what failed. The explorer's own message, in
 * English, goes in errorDetails beside it.
 * @param {App} app
 * @param {'text' | 'index' | 'part' | 'start'} kind
 * @param {unknown} err
 * @param {string} other
 * @returns {string}
 */
export function failureText(app, kind, err, other) {
  const e = /** @type {import('./explorer.js').PackError} */ (err && typeof err === 'object' ? err : {});
  return refusalText(app, err) || (e.reason && packFailure(app, kind, e.reason, e.status)) || other;
}

/**
 * errorDetails is a closed <details> holding what err says, for
 * developers and bug reports: the explorer's messages are in English.
 * @param {App} app
 * @param {unknown} err
 * @returns {HTMLElement}
 */
export function errorDetails(app, err) {
  return app.h('details', { class: 'cx-error-details' }, app.h('summary', { text: app.t('errorDetails') }), app.h('p', {}, app.h('code', { text: errorText(err), attrs: { lang: 'en' } })));
}

/**
 * errorText is what an error says.
 * @param {unknown} err
 */
export function errorText(err) {
  return (err && typeof err === 'object' && 'message' in err && String(err.message)) || String(err);
}
