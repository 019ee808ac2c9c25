// Our explorer, split build (explorer build -split on): the module holds
// the index and the metadata, the texts are in packs/ beside it, fetched
// on demand. An answer's ids (and titles) come at once; its snippets fill
// in as their packs arrive, as on the page: each distinct query asks for
// its snippets once (snippets()), and settle() waits for them, so that the
// bytes after the queries count the packs a results page fetches.
// Opening a document is the reader's call, document(id). The page's first
// query (the harness's ?q=) is given to load() as a site opened on a
// search gives it (load({firstQuery})), so that its postings come with
// the module.
import { load } from './explorer.js';

export async function open() {
  const ex = await load({ firstQuery: new URLSearchParams(location.search).get('q') ?? undefined });
  const asked = new Set();
  const pending = [];
  return {
    async search(q) {
      const r = await ex.search(q, { limit: 10 });
      if (!asked.has(q)) {
        asked.add(q);
        pending.push(ex.snippets(r).catch(() => {}));
      }
      return r.hits.map((h) => h.id);
    },
    open: (id) => ex.document(id),
    settle: () => Promise.all(pending.splice(0)),
  };
}
