package segment

// abbreviations maps a word written before a full stop (case-sensitive,
// without the stop) to its class. French and English entries are
// together: the English titles occur in French text too. Words that are
// not listed follow the general rules (see wordClass).
var abbreviations = map[string]uint8{
	// Titles and forms of address: never at the end of a sentence.
	"M": never, "MM": never, "Mme": never, "Mmes": never, "Mlle": never, "Mlles": never,
	"Me": never, "Mgr": never, "Mgrs": never, "Dr": never, "Drs": never, "Pr": never,
	"Prof": never, "St": never, "Ste": never, "Sts": never, "Stes": never, "Gal": never,
	"Gén": never, "Cdt": never, "Cne": never, "Lt": never, "Lieut": never, "Sgt": never,
	"Vve": never, "Mr": never, "Mrs": never, "Ms": never, "Messrs": never, "Mx": never,
	"Mt": never, "Rev": never, "Hon": never, "Gen": never, "Gov": never, "Sen": never,
	"Rep": never, "Capt": never, "Maj": never, "Adm": never, "Cmdr": never,
	// Abbreviations that stand before what they qualify.
	"av": never, "Av": never, "apr": never, "cf": never, "Cf": never, "ex": never,
	"Ex": never, "env": never, "resp": never, "vs": never, "Vs": never, "op": never,
	"ibid": never, "Ibid": never, "coll": never, "éd": never, "éds": never, "dir": never,
	"trad": never, "Trad": never, "bd": never, "Bd": never, "boul": never, "al": never,
	"ca": never, "approx": never, "viz": never, "esp": never, "fig": never, "Fig": never,
	"N.B": never, "P.-S": never, "P.S": never, "c.-à-d": never, "c-à-d": never,
	"càd": never, "p.ex": never, "e.g": never, "i.e": never,
	"cit": never, "réf": never, "Réf": never,
	// Abbreviations for a number, a page, a date: not before a number.
	"n°": number, "N°": number, "nº": number, "Nº": number, "no": number, "No": number,
	"nos": number, "Nos": number, "vol": number, "Vol": number, "vols": number,
	"chap": number, "Chap": number, "ch": number, "art": number, "Art": number,
	"pp": number, "tél": number, "Tél": number, "tel": number, "Tel": number,
	"sect": number, "sec": number, "Sec": number, "min": number, "max": number,
	"janv": number, "févr": number, "fév": number, "avr": number, "juil": number,
	"sept": number, "oct": number, "nov": number, "déc": number,
	"Jan": number, "Feb": number, "Mar": number, "Apr": number, "Jun": number,
	"Jul": number, "Aug": number, "Sep": number, "Sept": number, "Oct": number,
	"Nov": number, "Dec": number, "fasc": number, "liv": number, "tit": number,
	"J.-C": initial,
}

// starterFR lists the French words that usually start a sentence, which
// lets an initial or a dotted abbreviation end one (`la vitamine C. Elle`).
// Words that also begin surnames (Le, La, De, Du, Des) are left out.
var starterFR = map[string]struct{}{
	"Il": {}, "Elle": {}, "Ils": {}, "Elles": {}, "On": {}, "Nous": {}, "Vous": {},
	"Je": {}, "Ce": {}, "Cet": {}, "Cette": {}, "Ces": {}, "Cela": {}, "Ceci": {},
	"Mais": {}, "Pour": {}, "Dans": {}, "En": {}, "Selon": {}, "Après": {}, "Avant": {},
	"Lors": {}, "Depuis": {}, "Ainsi": {}, "Alors": {}, "Puis": {}, "Enfin": {},
	"Donc": {}, "Toutefois": {}, "Cependant": {}, "Pourtant": {}, "Par": {}, "Sur": {},
	"Une": {}, "Un": {}, "Les": {}, "Aux": {}, "Au": {}, "Si": {}, "Quand": {},
	"Comme": {}, "Et": {}, "Or": {}, "Son": {}, "Sa": {}, "Ses": {}, "Leur": {},
	"Leurs": {}, "Notre": {}, "Nos": {}, "Votre": {}, "Aujourd": {}, "Pendant": {},
	"Entre": {}, "Avec": {}, "Sans": {}, "Dès": {}, "Désormais": {},
}

// starterEN lists the English words that usually start a sentence
// (`I live in the U.S. How about you?`).
var starterEN = map[string]struct{}{
	"The": {}, "A": {}, "An": {}, "This": {}, "That": {}, "These": {}, "Those": {},
	"It": {}, "Its": {}, "He": {}, "She": {}, "We": {}, "They": {}, "I": {}, "You": {},
	"His": {}, "Her": {}, "Our": {}, "Their": {}, "There": {}, "Here": {}, "What": {},
	"When": {}, "Where": {}, "Why": {}, "Who": {}, "How": {}, "Which": {}, "Did": {},
	"Do": {}, "Does": {}, "Is": {}, "Are": {}, "Was": {}, "Were": {}, "Has": {},
	"Have": {}, "Had": {}, "Can": {}, "Will": {}, "But": {}, "And": {}, "So": {},
	"Then": {}, "If": {}, "In": {}, "On": {}, "At": {}, "As": {}, "After": {},
	"Before": {}, "Yet": {}, "However": {}, "Also": {}, "Please": {}, "Let": {},
	"My": {}, "Your": {}, "No": {}, "Not": {}, "For": {}, "From": {}, "To": {},
	"With": {}, "Since": {}, "While": {},
}

// openEnded lists words (lower case) after which a line cannot end a
// sentence: articles, prepositions, conjunctions.
var openEnded = map[string]struct{}{
	"de": {}, "du": {}, "des": {}, "d": {}, "la": {}, "le": {}, "les": {}, "l": {},
	"un": {}, "une": {}, "et": {}, "ou": {}, "à": {}, "au": {}, "aux": {}, "en": {},
	"dans": {}, "par": {}, "pour": {}, "sur": {}, "avec": {}, "sans": {}, "sous": {},
	"que": {}, "qui": {}, "dont": {}, "ne": {}, "se": {}, "ce": {}, "cette": {},
	"ces": {}, "son": {}, "sa": {}, "ses": {}, "leur": {}, "leurs": {}, "mais": {},
	"car": {}, "donc": {}, "ni": {}, "chez": {}, "vers": {}, "entre": {},
	"the": {}, "of": {}, "and": {}, "or": {}, "to": {}, "in": {}, "for": {},
	"with": {}, "on": {}, "at": {}, "by": {}, "from": {}, "an": {}, "a": {},
	"its": {}, "their": {}, "his": {}, "her": {}, "our": {}, "that": {}, "which": {},
}
