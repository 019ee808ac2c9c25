// What the peer adapters share: the documents (the explorer's own
// ingestion of the corpus: id, title, repaired text), accent folding, and
// loading a classic script.

/** Fetches docs.json: [{id, title, text}]. */
export async function fetchDocs() {
  const res = await fetch('docs.json');
  if (!res.ok) throw new Error(`docs.json: HTTP ${res.status}`);
  return res.json();
}

/** Lower case without diacritics: "Réseau" -> "reseau". */
export const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Loads a classic (UMD) script beside the page. */
export function loadScript(src) {
  return new Promise((ok, fail) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = ok;
    s.onerror = () => fail(new Error(`cannot load ${src}`));
    document.head.append(s);
  });
}
