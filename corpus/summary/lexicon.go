package summary

import (
	"sync"
	"unicode"
)

// Read-only word lists for the entity heuristics, as folded terms
// (lower case, no accents). They are cues, not gazetteers: an entity's kind
// is voted by every cue around its occurrences.

// fields returns the words of s, cut at runs of white space
// (unicode.IsSpace), as strings.Fields does: this loop is smaller in the
// module than strings.Fields with strings.FieldsFunc (3.6 KB of code).
func fields(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case !unicode.IsSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// set returns the set of the words of list, separated by white space.
// One string rather than a list of literals keeps the module smaller.
func set(list string) map[string]bool {
	words := fields(list)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lexicon holds the word lists, each a set of folded words.
type lexicon struct {
	personTitles, speechVerbs, orgNouns, orgWords, instHeads, numberWords, placeWords, places, placeNouns, placePreps, edgeStop, connectors, ofWords, articles, contracted, commonAcronyms, commonCaps, firstNames map[string]bool
}

// lex returns the word lists, built on first use: only the build's
// annotation (entities, keywords, related documents) reads them, so the
// module, which summarises at query time but annotates nothing, neither
// builds them at start nor carries them (a package-level sync.OnceValue
// would: its initialiser runs at start and keeps the lists linked).
func lex() *lexicon {
	lexOnce.Do(func() { lexWords = newLexicon() })
	return lexWords
}

// The word lists once built, never changed after.
var (
	lexOnce  sync.Once
	lexWords *lexicon
)

func newLexicon() *lexicon {
	return &lexicon{
		// personTitles precede a person's name: "M. Ma", "le président Xi Jinping".
		personTitles: set(`m mme mmes mlle mm me dr pr mr mrs ms sir
			monsieur madame mademoiselle docteur maitre
			president presidente pdg ceo directeur directrice ministre premier
			fondateur fondatrice cofondateur cofondatrice co-fondateur co-fondatrice
			professeur professeure chanteur chanteuse acteur actrice journaliste
			secretaire porte-parole senateur senatrice depute deputee maire
			patron patronne animateur animatrice entraineur entraineuse joueur joueuse
			avocat avocate juge general roi reine pape prince princesse
			candidat candidate chroniqueur chroniqueuse ecrivain ecrivaine auteur autrice
			realisateur realisatrice dirigeant dirigeante economiste analyste
			chercheur chercheuse commissaire procureur prefet prefete ambassadeur
			ambassadrice gouverneur chancelier chanceliere vice-president vice-presidente
			eveque cardinal capitaine colonel lieutenant sergent inspecteur artiste`),

		// speechVerbs hint at a person when right before a
		// name ("explique Jean Dupont"); they vote less than a real title.
		speechVerbs: set(`ecrit selon explique affirme declare indique raconte confie estime`),

		// orgNouns precede an organisation's name: "le groupe Alibaba".
		orgNouns: set(`groupe societe entreprise firme geant filiale plateforme plate-forme
			marque banque compagnie constructeur start-up startup operateur chaine
			journal quotidien hebdomadaire magazine site application fabricant
			enseigne parti syndicat club equipe agence association organisation
			cabinet reseau institut universite ecole fondation ministere mouvement
			conglomerat editeur studio label federation laboratoire assureur
			distributeur service media radio television titre concurrent rival
			mastodonte leader specialiste holding`),

		// orgWords inside a name make it an organisation: "Royal Bank of Canada".
		orgWords: set(`group groupe inc sa sas sarl corp corporation ltd llc
			gmbh ag plc co company bank banque financial finance research school
			university universite institute institut foundation fondation times
			magazine news post journal services service airlines motors technologies
			technology capital partners holding holdings systems labs lab media
			press cloud pay club fc association agency agence ministere conseil
			commission parlement assemblee tribunal cour parti union federation
			organisation organization societe compagnie nations assurance assurances
			informatique network networks studios records pictures entertainment
			web microsoft google amazon facebook apple intelligence
			palace house hall center centre school college online shipping
			auctions airways airlines press studio records`),

		// instHeads are the capitalised heads of institutions named by an
		// adjective after them: "Parti socialiste", "Front national".
		instHeads: set(`parti front rassemblement assemblee conseil cour union banque
			fonds mouvement comite federation confederation ligue eglise armee
			agence autorite haute office caisse tribunal republique communaute`),

		// numberWords are numbers written in letters: "Trois Français".
		numberWords: set(`un une deux trois quatre cinq six sept huit neuf dix onze douze
			vingt cent mille premier premiere second seconde`),

		// placeWords end the names of places: "Long Island", "Downing Street".
		placeWords: set(`street avenue boulevard square park island islands beach bay
			lake river mount mountains valley bridge tower memorial city county
			village plaza`),

		// places are countries, continents, regions and large cities.
		places: set(`france chine europe afrique asie amerique oceanie etats-unis
			japon inde russie allemagne italie espagne royaume-uni angleterre
			ecosse irlande belgique suisse luxembourg canada bresil mexique
			turquie israel iran irak syrie egypte maroc algerie tunisie libye
			senegal togo benin ghana nigeria australie coree vietnam ukraine
			pologne grece portugal pays-bas suede norvege danemark finlande
			autriche hongrie roumanie bulgarie serbie croatie argentine chili
			colombie perou venezuela cuba haiti pakistan afghanistan arabie
			qatar liban jordanie kenya ethiopie cameroun mali niger congo
			madagascar indonesie malaisie thailande philippines singapour taiwan
			hong kong paris londres berlin rome madrid bruxelles geneve pekin
			shanghai tokyo moscou washington new york los angeles marseille
			lyon toulouse bordeaux lille nice nantes strasbourg rennes montpellier
			hangzhou shenzhen wuhan mumbai dubai caire alger tunis dakar lome
			abidjan montreal quebec pacifique atlantique mediterranee hexagone
			ile-de-france bretagne normandie provence corse alsace occident orient
			zhejiang californie texas floride sud nord est ouest asie-pacifique
			siberie kremlin troie gaza cisjordanie crimee guyane reunion martinique
			guadeloupe outre-mer`),

		// placeNouns precede "de" and a place: "près de Lorient", "le maire de
		// Lyon", "le tribunal de Nanterre", "les habitants de Caudan".
		placeNouns: set(`pres proche habitants habitant ville commune region departement
			banlieue environs alentours peripherie prefecture mairie maire tribunal
			parquet aeroport gare port large nord sud est ouest centre-ville
			agglomeration quartier village capitale sous-prefecture metropole
			faubourgs abords province canton`),

		// placePreps precede places: "à Hangzhou", "en Chine", "au Sénégal".
		placePreps: set(`a en au aux vers in`),

		// edgeStop are function words beyond the analyzer's stopwords that
		// neither start nor end a keyphrase.
		edgeStop: set(`tout tous toute toutes plus moins tres aussi depuis comme
			ainsi alors encore deja bien fait faire etre avoir dont ou
			apres avant entre chez vers selon sous autre autres peu trop
			car donc puis si non oui ni cependant notamment egalement leur
			leurs celui celle ceux celles chaque plusieurs certains certaines
			quelques quelque ici la voici voila afin lors pendant durant
			contre parmi sans toujours jamais souvent desormais actuellement
			aujourd hui aujourd-hui hier demain mme mlle dit ete peut doit
			va vont sera serait pourrait devrait faut entend assure annonce
			explique affirme indique declare selon veut
			derriere devant pres loin malgre hors outre via aupres envers
			jusqu jusque environ surtout seulement enfin pourtant toutefois
			neanmoins ensuite lorsque puisque quand autour parfois beaucoup
			assez tant tellement presque the of and to in`),

		// connectors may join the words of one name: "Afrique du Sud",
		// "Royal Bank of Canada". Elided d' and l' are left out: "le cheval de
		// Troie d'Alibaba" is more common than "Côte d'Ivoire".
		connectors: set(`de du des la le les of the and & y van von der di da el al bin ben`),

		// ofWords link a title or a noun to what it belongs to: "directeur de
		// X", "cofondateur d'Alibaba".
		ofWords: set(`de du des d`),

		// articles may stand between a name and its apposition: "Jack Ma, le
		// cofondateur".
		articles: set(`le la l les un une son sa leur`),

		// contracted are articles fused with a preposition, and determiners:
		// "du Massif Central", "au Cap Canaveral", "ce Black Book".
		contracted: set(`du des au aux ce cet cette ces the`),

		// commonAcronyms are acronyms of common nouns, not names.
		commonAcronyms: set(`ia ai pdg ceo cfo cto pib tva pme tpe eti sms gps adn
			vih ogm hlm rer tgv cdi cdd smic rsa usd eur pc tv qr
			it ndlr ok ttc ht km kg mw gw kw rh b2b b2c bd cv dj
			vip faq pdf usb wifi led saas api url html http https www
			ii iii iv vi vii viii ix xi xii xx xxi id ip ssd cpu
			gpu ram suv vtc spac ipo ko mo go to pv rdv afp ps nb`),

		// commonCaps are common nouns often capitalised in French news.
		commonCaps: set(`etat etats web net internet ancien nouveau bourse gouvernement
			dieu premier republique senat ndlr newsletter inscription twitter linkedin
			google+ site critique directeur president chaque decouvrir vous`),

		// firstNames are common given names: a capitalised run starting with
		// one is a person.
		firstNames: set(`jean pierre marie michel jacques philippe nicolas francois
			francoise emmanuel marine daniel david jack martin howard jeff bill
			elon mark steve tim donald joe barack angela vladimir alain anne
			catherine christine christophe claude sophie isabelle julien laurent
			luc louis paul patrick eric olivier thomas sebastien stephane
			sylvie nathalie valerie bruno cyril matthieu mathieu pascal gerard
			bernard rene robert richard henri andre antoine arnaud benoit
			bertrand caroline cecile celine charles edouard emilie fabien frederic
			gilles guillaume helene hugo jerome julie julia laure laura lea
			lucas manuel marc mathilde maxime nadia nicole pauline raphael remi
			segolene simone thierry vincent xavier yves zinedine kylian lionel
			cristiano john james michael george william peter paul susan mary
			hillary kamala boris theresa justin xi faure ali mohamed mohammed
			ahmed fatima karim rachid sarah emma lina chloe manon camille
			agnes brigitte edith jean-claude jean-pierre jean-luc jean-marie
			jean-michel jean-yves jean-francois marie-france anne-marie`),
	}
}
