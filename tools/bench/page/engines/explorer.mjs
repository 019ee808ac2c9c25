// Our explorer: the module with the corpus embedded, in its default
// worker mode. Opening a document is the reader's call, document(id).
import { load } from './explorer.js';

export async function open() {
  const ex = await load();
  return { search: async (q) => (await ex.search(q, { limit: 10 })).hits.map((h) => h.id), open: (id) => ex.document(id) };
}
