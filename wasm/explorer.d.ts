// Types of explorer.js, the corpus explorer's JavaScript API. Field names
// are those of the command-line tool's JSON (snake_case); every offset and
// highlight range is in UTF-16 code units of the string it belongs to, so
// `text.slice(start, end)` works directly.

/** Where the .wasm comes from: a URL, its bytes, or a (promised) Response. */
export type WasmSource = string | URL | ArrayBuffer | ArrayBufferView | Response | PromiseLike<Response>;

export interface LoadOptions {
  /** The module. Default: `explorer.wasm` beside explorer.js. */
  wasm?: WasmSource;
  /**
   * Run the module in a dedicated Web Worker (default true), so typing never
   * waits for a search; false runs it on the main thread. When no worker can
   * be made (no Worker, a file:// page, a CSP that forbids it), the explorer
   * runs on the main thread and `stats().fallback` says why.
   */
  worker?: boolean;
  /** The worker's script. Default: explorer.js itself (worker.js does the same). */
  workerURL?: string | URL;
  /** Go's wasm_exec.js. Default: beside explorer.js; unused if `globalThis.Go` exists. */
  wasmExec?: string | URL;
  /**
   * Called as the module downloads; `totalBytes` is null when unknown
   * (no Content-Length, or a compressed transfer). The last call has
   * `loadedBytes === totalBytes`.
   */
  onProgress?: (loadedBytes: number, totalBytes: number | null) => void;
  /**
   * Milliseconds the worker may leave calls unanswered before it is declared
   * dead and every pending call rejected (default 30000).
   */
  timeout?: number;
  /**
   * Where the texts' packs of a split build are: the URL of their folder
   * (default: packs/ beside explorer.wasm), or a function that returns a
   * pack's bytes from its file name.
   */
  packs?: string | URL | ((name: string) => Promise<Uint8Array | ArrayBuffer>);
  /**
   * In a split build, the most bytes of fetched texts the module keeps in
   * memory (default 16 MB, `index.HeldBytes`): beyond it, the texts
   * fetched first are dropped and fetched again (from the browser's
   * cache) when something reads them. Lower it for small devices, but
   * keep it well above the texts one call reads at once (a query's
   * summary reads its hits' texts).
   */
  heldBytes?: number;
  /**
   * The query the page will search first, when it knows it at load (a
   * page opened on `#q=…`). In a split build, the chunks of the search
   * index that query likely reads are fetched while the module
   * downloads, from `packs/chunks.txt` (written by `explorer build`), so
   * that the first search need not wait for them after the module has
   * started. A hint: answers are the same with or without it, and a
   * wrong guess (or a missing list: an embedded build, or a `packs`
   * function) costs only its fetches.
   */
  firstQuery?: string;
}

/** A [start, end) range in UTF-16 code units. */
export type Range = [number, number];

export interface SearchFilters {
  /** Substring of the author, case and accents ignored. */
  author?: string;
  /** ISO date prefix, inclusive: "2020", "2020-10" or "2020-10-21". */
  dateFrom?: string;
  /** ISO date prefix, inclusive. */
  dateTo?: string;
  /** The document's section (from a site's meta tags or data- attributes), whole; case and accents ignored. */
  section?: string;
  /** One of the document's tags, whole; case and accents ignored. */
  tag?: string;
}

export interface SearchOptions {
  /** Hits to return, 0 to 1000; 0 or absent means 10. */
  limit?: number;
  /** Hits to skip, 0 to 1,000,000. */
  offset?: number;
  /** "relevance" (default) or "date" (newest first). */
  sort?: 'relevance' | 'date';
  filters?: SearchFilters;
  /** Fill `explain`: how each query term matched. */
  explain?: boolean;
  /** Search the query as typed, never its correction ("search instead for"). */
  asTyped?: boolean;
  /**
   * Also summarise what the hits say about the query (in `summary`), from
   * this same search: no second search. `{}` gives the default length.
   */
  summary?: SummaryOptions;
}

export interface Hit {
  id: string;
  title: string;
  date: string;
  author: string;
  score: number;
  snippet: string;
  snippet_highlights: Range[];
  title_highlights: Range[];
  /** The pack holding the document's text (-1 when the index was built in memory); while the snippet is pending, the pack it waits for. */
  pack: number;
  /** The snippet waits for the text's pack (split build): see Explorer.snippets. */
  pending?: boolean;
  /** Why there is no snippet: its pack could not be loaded (a message for developers, in English). */
  snippet_error?: string;
  /** Why, for a page to say it in its own words: see PackError.reason. */
  snippet_error_reason?: PackFailure;
  /** The HTTP status the packs' server answered, when snippet_error_reason is "http". */
  snippet_error_status?: number;
  /** The page (from 1) the snippet is on, for a paged document such as a PDF. */
  page?: number;
}

export interface TermMatch {
  term: string;
  variant: string;
  /** "exact", "stem", "prefix", "truncation", "typo" or "fuzzy". */
  kind: string;
  docs: number;
}

export interface SearchResult {
  query: string;
  total: number;
  /** Not every term matched: these are the best partial matches. */
  partial: boolean;
  /** A did-you-mean query, "" if none. */
  suggestion: string;
  /**
   * When the query found nothing or only typo matches: the suggestion,
   * whose hits these are ("Showing results for corrected; search instead
   * for query"); "" when the hits are the query's own.
   */
  corrected: string;
  /**
   * The query's words, as typed, that are real words the corpus lacks (a
   * word list's, given at build time): they match nothing and get no
   * did-you-mean. Absent when there are none.
   */
  absent?: string[];
  hits: Hit[];
  explain?: TermMatch[];
  /** With the `summary` option: what the first hits say about the query. */
  summary?: Summary;
  /** The number of this search() call, counting from 1. */
  seq: number;
  /** A newer search() was called before this one was answered: do not show it. */
  stale: boolean;
}

/**
 * Why a pack of a split build could not be had: "offline" (no answer:
 * offline, or the server refused the connection), "http" (the server
 * answered an error), "damaged" (a truncated, damaged or wrong file),
 * "source" (the `packs` function given to load() failed).
 */
export type PackFailure = 'offline' | 'http' | 'damaged' | 'source';

/**
 * A call rejected because a pack could not be had (document(),
 * highlights(), search() on a split build...): its message, for
 * developers, names the pack and ends with the browser's own words;
 * reason and status let a page say it in its own language.
 */
export interface PackError extends Error {
  reason?: PackFailure;
  /** The HTTP status, when reason is "http". */
  status?: number;
}

/**
 * What a person typed that the explorer refuses: "tooLong" (a query, or
 * another text, over its limit of characters), "tooManyWords" (a phrase
 * of the Explore analyses over its limit of words), "tooManyTerms" (more
 * words than trend() compares), "noWord" (no word to look for: only
 * punctuation), "emptyPart" (keyness() of a part of the corpus that holds
 * no document: a search that finds nothing, a period without documents).
 */
export type InputRefusal = 'tooLong' | 'tooManyWords' | 'tooManyTerms' | 'noWord' | 'emptyPart';

/**
 * A call rejected for what a person typed: its message, for developers,
 * in English; refusal, field and limit let a page say it in its own
 * language ("Search too long: 1,000 characters at most"). (A PackError's
 * reason says why a file could not be had: a refusal is not that.)
 */
export interface InputError extends Error {
  refusal: InputRefusal;
  /** The argument or option at fault: "query", "terms", "options.filters.author"… */
  field?: string;
  /** The limit the module holds it to (characters, words or terms), when the message gives it. */
  limit?: number;
}

/** A rejected search() carries the same `seq` and `stale`. */
export interface SearchError extends Error {
  seq: number;
  stale: boolean;
}

export interface SummaryOptions {
  /** Sentences, 0 to 100; 0 or absent: a default length. */
  sentences?: number;
  /** A budget of words, 0 to 10000, used when `sentences` is not given. */
  words?: number;
}

export interface SummarySentence {
  id: string;
  index: number;
  start: number;
  end: number;
  text: string;
  score: number;
  /** Query summaries: the query words in `text`, marked as in the hits. */
  highlights?: Range[];
}

/** A query's words in one document, marked as search() marks its snippets. */
export interface Highlights {
  id: string;
  query: string;
  title_highlights: Range[];
  /** Ranges of the document's whole `text`. */
  text_highlights: Range[];
}

export interface Summary {
  /** The document summarised (summarize). */
  id?: string;
  /** The query summarised (summarizeQuery). */
  query?: string;
  sentences: SummarySentence[];
}

export interface DocumentMeta {
  id: string;
  path: string;
  title: string;
  /** The title was derived from the text, not written by the author. */
  title_derived: boolean;
  /** ISO 8601 as precise as known, "" if unknown. */
  date: string;
  author: string;
  /** ISO 639-1 code. */
  lang: string;
  words: number;
  /** The pack holding the document's text (-1 when the index was built in memory). */
  pack: number;
  /** The section a site owner gave the page (HTML meta or data-section), when set. */
  section?: string;
  /** The tags a site owner gave the page (HTML meta keywords, article:tag, data-tags), when set. */
  tags?: string[];
}

export interface Span {
  start: number;
  end: number;
}

export interface Keyword {
  text: string;
  score: number;
}

export interface Entity {
  name: string;
  /** "person", "organization", "place" or "other". */
  kind: string;
  count: number;
  variants: string[];
}

export interface Related {
  id: string;
  title: string;
  score: number;
  /** Keywords both documents share. */
  shared: string[];
}

export interface Document extends DocumentMeta {
  encoding: string;
  repairs: number;
  invalid_bytes: number;
  warnings: string[];
  text: string;
  blocks: Array<Span & { kind: 'paragraph' | 'title' | 'heading' | 'meta' | 'boilerplate' }>;
  paragraphs: Span[];
  headings: Span[];
  boilerplate: Span[];
  sentences: Array<Span & { text: string }>;
  keywords: Keyword[];
  entities: Entity[];
  /** Related documents without titles; related(id) adds them. */
  related: Array<Omit<Related, 'title'>>;
  /** For a paged source (PDF): where each page starts in text (UTF-16 offsets); page n starts at pages[n-1]. */
  pages?: number[];
}

export interface Overview {
  documents: number;
  words: number;
  bytes: number;
  date_from: string;
  date_to: string;
  languages: Record<string, number>;
  summary: Array<{ id: string; index: number; text: string }>;
  keywords: Keyword[];
  entities: Entity[];
}

export interface Stats {
  documents: number;
  words: number;
  /** Size of the embedded index. */
  index_bytes: number;
  /** Go heap figures from runtime.MemStats, in bytes. */
  heap_alloc: number;
  heap_inuse: number;
  heap_sys: number;
  go_sys: number;
  num_gc: number;
  /** The module's linear memory, in bytes: what the browser holds for it. */
  memory_bytes: number;
  /** Go functions exported to JavaScript and not released (11 while open). */
  funcs: number;
  /** JavaScript values the Go side holds references to. */
  js_refs: number;
  /** Calls answered, failed, and panics recovered, since load. */
  calls: number;
  errors: number;
  panics: number;
  mode: 'worker' | 'main';
  /** Why the mode or the worker is not the one asked for, else null. */
  fallback: string | null;
  wasm_bytes: number;
  /** Milliseconds from load() called to resolved. */
  load_ms: number;
}

/** How a query matches words: the word itself, or every word of its stem. */
export type Match = 'word' | 'forms';

/** Options of kwic(): `limit` 0 to 1000 (default 50), `context` words each side 0 to 30 (default 8). */
export interface KWICOptions {
  match?: Match;
  sort?: 'document' | 'date' | 'left' | 'right';
  offset?: number;
  limit?: number;
  context?: number;
  /** Only this document. */
  id?: string;
  /** Only the occurrences with this word within `window` words (1 to 10, default 5): the concordance of a collocate pair. */
  near?: string;
  window?: number;
}

/** One occurrence: its contexts, and its UTF-16 range in the document's text. */
export interface ConcordanceLine {
  id: string;
  title: string;
  date: string;
  left: string;
  hit: string;
  right: string;
  start: number;
  end: number;
  /** Word number of the occurrence in its document. */
  pos: number;
}

/** A page of a concordance. */
export interface Concordance {
  query: string;
  match: Match;
  sort: string;
  /** Occurrences in all. */
  total: number;
  /** Documents holding one. */
  docs: number;
  offset: number;
  lines: ConcordanceLine[];
}

/** Options of trend(): `by` chooses the groups (by default months or years when dated, else folders). */
export interface TrendOptions {
  match?: Match;
  by?: 'month' | 'year' | 'folder' | 'author';
  /** Documents returned, the most frequent first (default 50). */
  limit?: number;
}

/** Counts of the terms, in the order asked, and per 10,000 words. */
export interface TrendCounts {
  words: number;
  counts: number[];
  per10k: number[];
}

/** A trend: per group, and in the documents where the terms are most frequent. */
export interface Trend {
  terms: string[];
  by: string;
  totals: number[];
  /** Documents holding one of the terms. */
  holding: number;
  /** The `limit` documents with the highest rate of one of the terms, highest first. */
  docs: (TrendCounts & { id: string; title: string })[];
  groups: (TrendCounts & { key: string; docs: number })[];
}

/** Options of collocates(): `window` 1 to 10 words each side (default 5), `min` least co-occurrences (default 2). */
export interface CollocateOptions {
  match?: Match;
  window?: number;
  limit?: number;
  min?: number;
  id?: string;
}

/** A collocate, with its raw counts and its log-likelihood. */
export interface Collocate {
  word: string;
  count: number;
  left: number;
  right: number;
  /** Occurrences in the corpus. */
  freq: number;
  ll: number;
}

/** The collocates of a word and the figures they were computed from. */
export interface Collocates {
  query: string;
  window: number;
  measure: string;
  hits: number;
  window_words: number;
  tokens: number;
  words: Collocate[];
}

/** The part of the corpus whose keyness is asked: a document, a query's first `hits` hits (default 100), or a folder, author or date range. */
export interface KeynessOptions {
  id?: string;
  query?: string;
  hits?: number;
  folder?: string;
  author?: string;
  dateFrom?: string;
  dateTo?: string;
  limit?: number;
  min?: number;
}

/** A distinctive word. */
export interface Key {
  word: string;
  count: number;
  rest: number;
  ll: number;
  per10k: number;
  ref10k: number;
}

/** The distinctive words of a part of the corpus. */
export interface Keyness {
  measure: string;
  docs: number;
  words: number;
  rest: number;
  keys: Key[];
}

/** Options of phrases(): `n` 2 to 6 (default 3), `min` least occurrences (default 2). */
export interface PhraseOptions {
  n?: number;
  min?: number;
  limit?: number;
  id?: string;
}

/** Repeated phrases, most frequent first. */
export interface Phrases {
  n: number;
  total: number;
  phrases: { text: string; count: number; docs: number }[];
}

/** Options of network(): entities together in a `sentence` (default) or `document`; `limit` entities (default 30). */
export interface NetworkOptions {
  scope?: 'sentence' | 'document';
  limit?: number;
  min?: number;
}

/** The entity network: edges name nodes by index. */
export interface Network {
  scope: string;
  nodes: { name: string; kind: string; mentions: number; docs: number }[];
  edges: { a: number; b: number; count: number }[];
}

/** Options of timeline(): a query's hits or a folder, author or dates; `by` month or year. */
export interface TimelineOptions {
  query?: string;
  folder?: string;
  author?: string;
  dateFrom?: string;
  dateTo?: string;
  by?: 'month' | 'year';
}

/** Documents per period, empty periods included. */
export interface Timeline {
  by: string;
  undated: number;
  periods: { key: string; docs: number; words: number }[];
}

/** The corpus's figures. */
export interface Figures {
  documents: number;
  tokens: number;
  types: number;
  ttr: number;
  /** Mean type/token ratio of 1,000-word stretches. */
  sttr: number;
  hapax: number;
  min_words: number;
  median_words: number;
  mean_words: number;
  max_words: number;
  lengths: { min: number; max: number; docs: number }[];
  languages: { lang: string; docs: number; words: number }[];
}

export interface Explorer {
  /** Searches the corpus. */
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** A query's words in one document's title and text. Rejects for an unknown id. */
  highlights(id: string, query: string): Promise<Highlights>;
  /** Summarises one document. */
  summarize(id: string, options?: SummaryOptions): Promise<Summary>;
  /** Summarises what the corpus says about a query. */
  summarizeQuery(query: string, options?: SummaryOptions): Promise<Summary>;
  /** One whole document. Rejects for an unknown id. */
  document(id: string): Promise<Document>;
  /**
   * Every document's metadata, or a page of it in corpus order: `limit` 0 to
   * 1000 (default 1000), `offset` 0 to 1,000,000. overview().documents is the count.
   */
  documents(options?: { offset?: number; limit?: number }): Promise<DocumentMeta[]>;
  /** Documents related to one, most similar first; `limit` 0 to 1000, all by default. */
  related(id: string, options?: { limit?: number }): Promise<Related[]>;
  /** The corpus overview. */
  overview(): Promise<Overview>;
  /** Completions of the word being typed, most frequent first; `limit` 0 to 1000, default 10. */
  suggest(prefix: string, options?: { limit?: number }): Promise<string[]>;
  /** Corpus, memory and module figures; `gc: true` collects garbage first. */
  stats(options?: { gc?: boolean }): Promise<Stats>;
  /** The concordance of a word or phrase, a page of lines; rejects for an unknown id. */
  kwic(query: string, options?: KWICOptions): Promise<Concordance>;
  /** One to five terms, "a, b, c", per document and per period, folder or author. */
  trend(terms: string, options?: TrendOptions): Promise<Trend>;
  /** The words most associated with a word, by log-likelihood. */
  collocates(query: string, options?: CollocateOptions): Promise<Collocates>;
  /** The words distinctive of a part of the corpus against the rest. */
  keyness(options: KeynessOptions): Promise<Keyness>;
  /** The repeated phrases of n words. */
  phrases(options?: PhraseOptions): Promise<Phrases>;
  /** The co-occurrence network of the named entities. */
  network(options?: NetworkOptions): Promise<Network>;
  /** The documents per month or year. */
  timeline(options?: TimelineOptions): Promise<Timeline>;
  /** Vocabulary, type/token ratios, lengths, languages. */
  figures(): Promise<Figures>;
  /** The texts' packs: file names, sizes, loaded or not (all loaded when embedded). */
  packs(): Promise<Pack[]>;
  /** Gives the module the bytes of a pack (its file, decompressed), checked by size and hash. */
  addPack(pack: number, bytes: Uint8Array): Promise<null>;
  /** Stops the module; calls made before are answered, later ones rejected. */
  close(): Promise<void>;
  /**
   * Fills in place the snippets of the `pending` hits of a search answer
   * (their packs fetched first, in parallel), or their `snippet_error`.
   * Never rejects for a pack.
   */
  snippets(result: SearchResult): Promise<SearchResult>;
  /**
   * Fetches every pack not loaded yet (split build: texts and search index), for offline use,
   * through the build's bulk files (packs/bulk.txt: runs of packs, a file each) where it has
   * them, else one by one: the site's service worker keeps each file fetched. The module holds all the search index
   * but at most 16 MB of texts (index.HeldBytes); a text it dropped is fetched again when needed.
   */
  makeAvailableOffline(options?: OfflineOptions): Promise<OfflineResult>;
}

/** Options of Explorer.makeAvailableOffline. */
export interface OfflineOptions {
  /** Called after each pack, fetched or failed. */
  onProgress?: (done: number, total: number) => void;
}

/** What Explorer.makeAvailableOffline did: packs in all, loaded now, and why others failed. */
export interface OfflineResult {
  packs: number;
  loaded: number;
  failed: string[];
}

/** A pack of a split build (see Explorer.packs): documents' texts, or a chunk of the search index. */
export interface Pack {
  /** Its file name, a content hash: NAME.pack, zlib-compressed, in packs/ beside the module. */
  name: string;
  /** Bytes, decompressed. */
  size: number;
  loaded: boolean;
  /**
   * What it holds: documents' texts, the postings of a range of the search
   * index's terms (fetched by the searches that need them), or a part of a
   * long document's text (fetched for a snippet while the document's text
   * pack is not loaded; the text packs hold everything the parts do).
   */
  kind: 'text' | 'index' | 'part';
}

/**
 * Downloads, compiles and starts the explorer. Rejects with an Error that
 * says what failed (download, compile, start); when the module could not
 * be downloaded or does not compile, a PackError whose reason ("offline",
 * "http" with its status, "damaged") lets a page say it in its own words.
 */
export function load(options?: LoadOptions): Promise<Explorer>;

/** What the explorer's workers run; not for other use. */
export function serveWorker(scope: unknown): void;
