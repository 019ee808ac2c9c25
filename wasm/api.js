// The explorer's JavaScript API surface, declared once: its methods, the
// names of their arguments, the options each takes, and the limits of
// their values. explorer.js and element.js are built from it; the Go
// bridge (wasm/bridge/surface_test.go), the engine's limits and
// explorer.d.ts (wasm/test/surface.test.mjs) are checked against it.
// "client" lists the methods explorer.js answers itself, from the
// module's (the texts' packs of a split build).
//
// Lengths are in characters: UTF-16 code units, as String.length counts
// them. The object between the markers is strict JSON, so that Go reads it.

export const API = Object.freeze(/* api.json */ {
  "methods": {
    "search": ["query", "options"],
    "highlights": ["id", "query"],
    "summarize": ["id", "options"],
    "summarizeQuery": ["query", "options"],
    "document": ["id"],
    "documents": ["options"],
    "related": ["id", "options"],
    "overview": [],
    "suggest": ["prefix", "options"],
    "stats": ["options"],
    "kwic": ["query", "options"],
    "trend": ["terms", "options"],
    "collocates": ["query", "options"],
    "keyness": ["options"],
    "phrases": ["options"],
    "network": ["options"],
    "timeline": ["options"],
    "figures": [],
    "packs": [],
    "addPack": ["pack", "bytes"],
    "close": []
  },
  "client": {
    "snippets": ["result"],
    "makeAvailableOffline": ["options"]
  },
  "options": {
    "search": ["limit", "offset", "sort", "filters", "explain", "asTyped", "summary"],
    "search.filters": ["author", "dateFrom", "dateTo", "section", "tag"],
    "search.summary": ["sentences", "words"],
    "summarize": ["sentences", "words"],
    "summarizeQuery": ["sentences", "words"],
    "documents": ["offset", "limit"],
    "related": ["limit"],
    "suggest": ["limit"],
    "stats": ["gc"],
    "kwic": ["match", "sort", "offset", "limit", "context", "id", "near", "window"],
    "trend": ["match", "by", "limit"],
    "collocates": ["match", "window", "limit", "min", "id"],
    "keyness": ["id", "query", "hits", "folder", "author", "dateFrom", "dateTo", "limit", "min"],
    "phrases": ["n", "min", "limit", "id"],
    "network": ["scope", "limit", "min"],
    "timeline": ["query", "folder", "author", "dateFrom", "dateTo", "by"]
  },
  "limits": {
    "text": 1000,
    "limit": 1000,
    "offset": 1000000,
    "sentences": 100,
    "words": 10000,
    "context": 30,
    "window": 10,
    "terms": 5,
    "ngram": 6
  }
} /* end api.json */);

/** The methods that answer questions (all but close), in order. */
export const METHODS = Object.freeze(Object.keys(API.methods).filter((m) => m !== 'close'));
