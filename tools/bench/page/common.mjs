// What the peer adapters share: the documents (the explorer's own
// ingestion of the corpus: id, title, repaired text) for building an index
// ahead, fetching the serialised index, opening one document (its own file,
// text/ID.json, as a static site would serve a page a document), accent
// folding, and loading a classic script.

/** Fetches docs.json: [{id, title, text}] (building, and Fuse). */
export async function fetchDocs() {
  return JSON.parse(await fetchText('docs.json'));
}

/** Fetches a file beside the page as text. */
export async function fetchText(name) {
  const res = await fetch(name);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res.text();
}

/** Opens one document: fetches text/ID.json, {id, title, text}. */
export async function openDoc(id) {
  const res = await fetch('text/' + id.split('/').map(encodeURIComponent).join('/') + '.json');
  if (!res.ok) throw new Error(`document ${id}: HTTP ${res.status}`);
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

/**
 * French function words (Snowball's French stop list, folded), for the
 * engines that take a stop list but ship none.
 */
export const FRENCH_STOP_WORDS = new Set(
  ('au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous ' +
    'on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y a ete etee etees etes ' +
    'etant suis es est sommes sont serai sera seront serait etais etait etaient fut ayant eu eue eues eus ai as avons avez ont aura ' +
    'aurait avais avait avaient ceci cela cet cette ici quel quels quelle quelles sans soi').split(' '),
);
