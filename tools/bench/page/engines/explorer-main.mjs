// Our explorer on the page's own thread (load({worker: false})): the same
// module without the worker's message round trips.
import { load } from './explorer.js';

export async function open() {
  const ex = await load({ worker: false });
  return { search: async (q) => (await ex.search(q, { limit: 10 })).hits.map((h) => h.id), open: (id) => ex.document(id) };
}
