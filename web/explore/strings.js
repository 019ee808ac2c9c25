// The Explore view's words, in French and English.

/** @type {Record<string, Record<string, string>>} */
const S = {
  en: {
    explore: 'Explore', exploreTitle: 'Explore the corpus', exploreIntro: 'Analyses computed in your browser from the whole corpus.',
    kwic: 'Concordance', trend: 'Trends', collocates: 'Collocates', keyness: 'Distinctive words', phrases: 'Phrases',
    network: 'Entity map', timeline: 'Timeline', figures: 'Corpus figures',
    kwicHelp: 'Every occurrence of a word or phrase in its context.', trendHelp: 'How often up to five terms (separated by commas) appear, per document and over time.',
    collocatesHelp: 'The words found near a word more often than chance.', keynessHelp: 'The words of a search’s results, a folder, an author or a period, compared with the rest of the corpus.',
    phrasesHelp: 'Sequences of words repeated in the corpus.', networkHelp: 'People, organisations and places named together.',
    timelineHelp: 'The documents over time.', figuresHelp: 'Vocabulary, lengths and languages.',
    subject: 'Word or phrase', terms: 'Terms, separated by commas', query: 'Search', go: 'Show',
    match: 'Match', matchWord: 'this word', matchForms: 'all its forms', sort: 'Sort by', sortDocument: 'document', sortDate: 'date', sortLeft: 'left context', sortRight: 'right context',
    occurrences: '{n} occurrences in {d} documents', occurrences1: '1 occurrence in 1 document', occurrencesN1: '{n} occurrences in 1 document', lines: 'Lines {from}–{to} of {n}', prev: 'Previous', next: 'Next', csv: 'Download CSV',
    left: 'Left context', hit: 'Match', right: 'Right context', document: 'Document', count: 'Count', per10k: 'per 10,000 words', per10kNote: 'Each term: per 10,000 words (occurrences in brackets).', words: 'Words', docs: 'Documents',
    window: 'Window (words each side)', ll: 'Log-likelihood', inWindow: 'Near', leftCount: 'Before', rightCount: 'After', corpusFreq: 'In corpus',
    measure: 'Ranked by {m}: {hits} occurrences, {w} words in their windows.', keyWords: 'Words more frequent in {d} documents ({w} words) than in the rest ({r} words), ranked by log-likelihood.',
    inPart: 'In the part', inRest: 'In the rest', partRate: 'Part, per 10,000 words', restRate: 'Rest, per 10,000 words', phrase: 'Phrase', n: 'Words per phrase', scope: 'Together in the same', scopeSentence: 'sentence', scopeDocument: 'document',
    entity: 'Entity', kind: 'Kind', mentions: 'Mentions', linked: 'Named with', period: 'Period', undated: '{n} documents without a date.',
    dataTable: 'Data table', group: 'Group', perDoc: 'Documents where the terms are most frequent', holding: 'The {n} highest of the {d} documents that hold a term.', none: 'Nothing to show.', loading: 'Computing…',
    chartAlt: '{title}: {n} values, the highest {max} ({label}).', types: 'Vocabulary (distinct words)', tokens: 'Words', ttr: 'Type/token ratio', sttr: 'Type/token ratio per 1,000 words',
    hapax: 'Words seen once', lengths: 'Document lengths (words)', median: 'Median length', languages: 'Languages', lang: 'Language',
    analyse: 'Analyse this term', distinctive: 'Distinctive words of this document', openExplore: 'Explore: concordance, trends, collocates, entity map…',
    firstTime: 'Reading the whole corpus, once: the first analysis takes a few seconds on a large corpus…',
    near: 'with “{w}” within {n} words',
    netAlt: 'Entity map: {n} entities, {e} links; the most mentioned is {top}.',
    person: 'person', organization: 'organisation', place: 'place', edges: 'Links', networkKeys: 'Arrow keys move between entities; Enter shows their mentions.',
    pickPeriod: 'Choose a bar to list the documents of its period, and search within them.', pickPeriodQuery: 'Choose a bar to search within its period.',
    partLegend: 'Distinctive words of', part_query: 'the results of a search', part_folder: 'the folder', part_author: 'the author', part_dates: 'the period',
    dateFrom: 'from', dateTo: 'to', partMissing: 'Type a search or choose what to compare with the rest of the corpus.',
    failed: 'This analysis could not be computed.',
    by: 'Group by', byAuto: 'automatic', byMonth: 'month', byYear: 'year', byFolder: 'folder', byAuthor: 'author', root: '(top folder)',
  },
  fr: {
    explore: 'Explorer', exploreTitle: 'Explorer le corpus', exploreIntro: 'Des analyses calculées dans votre navigateur sur tout le corpus.',
    kwic: 'Concordance', trend: 'Tendances', collocates: 'Cooccurrents', keyness: 'Mots caractéristiques', phrases: 'Expressions',
    network: 'Carte des entités', timeline: 'Chronologie', figures: 'Chiffres du corpus',
    kwicHelp: 'Chaque occurrence d’un mot ou d’une expression dans son contexte.', trendHelp: 'La fréquence de cinq termes au plus (séparés par des virgules), par document et dans le temps.',
    collocatesHelp: 'Les mots trouvés près d’un mot plus souvent que le hasard ne le voudrait.', keynessHelp: 'Les mots des résultats d’une recherche, d’un dossier, d’un auteur ou d’une période, comparés au reste du corpus.',
    phrasesHelp: 'Les suites de mots répétées dans le corpus.', networkHelp: 'Les personnes, organisations et lieux nommés ensemble.',
    timelineHelp: 'Les documents dans le temps.', figuresHelp: 'Vocabulaire, longueurs et langues.',
    subject: 'Mot ou expression', terms: 'Termes, séparés par des virgules', query: 'Recherche', go: 'Afficher',
    match: 'Correspondance', matchWord: 'ce mot', matchForms: 'toutes ses formes', sort: 'Trier par', sortDocument: 'document', sortDate: 'date', sortLeft: 'contexte gauche', sortRight: 'contexte droit',
    occurrences: '{n} occurrences dans {d} documents', occurrences1: '1 occurrence dans 1 document', occurrencesN1: '{n} occurrences dans 1 document', lines: 'Lignes {from} à {to} sur {n}', prev: 'Précédentes', next: 'Suivantes', csv: 'Télécharger en CSV',
    left: 'Contexte gauche', hit: 'Occurrence', right: 'Contexte droit', document: 'Document', count: 'Nombre', per10k: 'pour 10 000 mots', per10kNote: 'Chaque terme : pour 10 000 mots (occurrences entre parenthèses).', words: 'Mots', docs: 'Documents',
    window: 'Fenêtre (mots de chaque côté)', ll: 'Log-vraisemblance', inWindow: 'Proches', leftCount: 'Avant', rightCount: 'Après', corpusFreq: 'Dans le corpus',
    measure: 'Classés par {m} : {hits} occurrences, {w} mots dans leurs fenêtres.', keyWords: 'Mots plus fréquents dans {d} documents ({w} mots) que dans le reste ({r} mots), classés par log-vraisemblance.',
    inPart: 'Dans la partie', inRest: 'Dans le reste', partRate: 'Partie, pour 10 000 mots', restRate: 'Reste, pour 10 000 mots', phrase: 'Expression', n: 'Mots par expression', scope: 'Ensemble dans la même', scopeSentence: 'phrase', scopeDocument: 'document',
    entity: 'Entité', kind: 'Type', mentions: 'Mentions', linked: 'Nommée avec', period: 'Période', undated: '{n} documents sans date.',
    dataTable: 'Tableau des données', group: 'Groupe', perDoc: 'Documents où les termes sont les plus fréquents', holding: 'Les {n} premiers des {d} documents qui contiennent un terme.', none: 'Rien à montrer.', loading: 'Calcul…',
    chartAlt: '{title} : {n} valeurs, la plus haute {max} ({label}).', types: 'Vocabulaire (mots distincts)', tokens: 'Mots', ttr: 'Rapport types/occurrences', sttr: 'Rapport types/occurrences par tranche de 1 000 mots',
    hapax: 'Mots vus une fois', lengths: 'Longueur des documents (mots)', median: 'Longueur médiane', languages: 'Langues', lang: 'Langue',
    analyse: 'Analyser ce terme', distinctive: 'Mots caractéristiques de ce document', openExplore: 'Explorer : concordance, tendances, cooccurrents, carte des entités…',
    firstTime: 'Lecture de tout le corpus, une seule fois : la première analyse prend quelques secondes sur un grand corpus…',
    near: 'avec « {w} » à {n} mots au plus',
    netAlt: 'Carte des entités : {n} entités, {e} liens ; la plus mentionnée est {top}.',
    person: 'personne', organization: 'organisation', place: 'lieu', edges: 'Liens', networkKeys: 'Les flèches passent d’une entité à l’autre ; Entrée montre ses mentions.',
    pickPeriod: 'Choisissez une barre pour lister les documents de sa période et y chercher.', pickPeriodQuery: 'Choisissez une barre pour chercher dans sa période.',
    partLegend: 'Mots caractéristiques de', part_query: 'les résultats d’une recherche', part_folder: 'le dossier', part_author: 'l’auteur', part_dates: 'la période',
    dateFrom: 'du', dateTo: 'au', partMissing: 'Tapez une recherche ou choisissez ce qui sera comparé au reste du corpus.',
    failed: 'Cette analyse n’a pas pu être calculée.',
    by: 'Grouper par', byAuto: 'automatique', byMonth: 'mois', byYear: 'année', byFolder: 'dossier', byAuthor: 'auteur', root: '(dossier principal)',
  },
};

/**
 * tx returns the Explore string key in the app's language, filled with params.
 * @param {{lang: string}} app
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 */
export function tx(app, key, params) {
  const s = (S[app.lang] || S.en)[key] ?? S.en[key] ?? key;
  return params ? s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m)) : s;
}
