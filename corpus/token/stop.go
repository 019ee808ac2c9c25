package token

// frStop is the Snowball French stopword list
// (snowballstem.org/algorithms/french/stop.txt, BSD licence), including
// its "later additions", folded and sorted, plus the elided forms jusqu,
// lorsqu, puisqu, quoiqu, quelqu and presqu that the tokenizer splits off.
var frStop = [...]string{
	"a", "ai", "aie", "aient", "aies", "ait", "as", "au", "aura", "aurai",
	"auraient", "aurais", "aurait", "auras", "aurez", "auriez", "aurions",
	"aurons", "auront", "aux", "avaient", "avais", "avait", "avec", "avez",
	"aviez", "avions", "avons", "ayant", "ayez", "ayons", "c", "ce", "ceci",
	"cela", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle", "en",
	"es", "est", "et", "etaient", "etais", "etait", "etant", "ete", "etee",
	"etees", "etes", "etiez", "etions", "eu", "eue", "eues", "eumes", "eurent",
	"eus", "eusse", "eussent", "eusses", "eussiez", "eussions", "eut", "eutes",
	"eux", "fumes", "furent", "fus", "fusse", "fussent", "fusses", "fussiez",
	"fussions", "fut", "futes", "ici", "il", "ils", "j", "je", "jusqu", "l",
	"la", "le", "les", "leur", "leurs", "lorsqu", "lui", "m", "ma", "mais",
	"me", "meme", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "on",
	"ont", "ou", "par", "pas", "pour", "presqu", "puisqu", "qu", "que", "quel",
	"quelle", "quelles", "quelqu", "quels", "qui", "quoiqu", "s", "sa", "sans",
	"se", "sera", "serai", "seraient", "serais", "serait", "seras", "serez",
	"seriez", "serions", "serons", "seront", "ses", "soi", "soient", "sois",
	"soit", "sommes", "son", "sont", "soyez", "soyons", "suis", "sur", "t",
	"ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
	"y",
}

// enStop is the Snowball English stopword list
// (snowballstem.org/algorithms/english/stop.txt, BSD licence) without its
// apostrophe forms, folded and sorted, plus the clitics d, ll, m, re, s, t
// and ve that the tokenizer splits off ("it's" -> "it", "s").
var enStop = [...]string{
	"a", "about", "above", "after", "again", "against", "all", "am", "an",
	"and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
	"below", "between", "both", "but", "by", "cannot", "could", "d", "did",
	"do", "does", "doing", "down", "during", "each", "few", "for", "from",
	"further", "had", "has", "have", "having", "he", "her", "here", "hers",
	"herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
	"it", "its", "itself", "ll", "m", "me", "more", "most", "my", "myself",
	"no", "nor", "not", "of", "off", "on", "once", "only", "or", "other",
	"ought", "our", "ours", "ourselves", "out", "over", "own", "re", "s",
	"same", "she", "should", "so", "some", "such", "t", "than", "that", "the",
	"their", "theirs", "them", "themselves", "then", "there", "these", "they",
	"this", "those", "through", "to", "too", "under", "until", "up", "ve",
	"very", "was", "we", "were", "what", "when", "where", "which", "while",
	"who", "whom", "why", "with", "would", "you", "your", "yours", "yourself",
	"yourselves",
}

// maxStopLen is the length in bytes of the longest stopword.
const maxStopLen = 10

// inSorted reports whether s is in the sorted table t.
func inSorted(t []string, s string) bool {
	if len(s) > maxStopLen || s == "" {
		return false
	}
	lo, hi := 0, len(t)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t[m] < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(t) && t[lo] == s
}
