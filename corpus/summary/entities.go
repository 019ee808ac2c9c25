package summary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
)

// Entity kinds as vote indices.
const (
	vPerson = iota
	vOrg
	vPlace
	nVotes
)

var kindNames = [nVotes]string{corpus.Person, corpus.Organization, corpus.Place}

// ent is an entity being gathered in one document.
type ent struct {
	key      string         // folded words, one space apart
	surfaces map[string]int // forms without titles
	variants map[string]int // forms with titles: "M. Ma"
	count    int
	first    int // byte offset of the first occurrence
	votes    [nVotes]float64
	prep     int // occurrences right after "à", "en", "au"...
	words    int
	ctx      map[string]bool // the two words before an occurrence: "cheval de"
}

// maxNameWords is the longest name, in words.
const maxNameWords = 6

// findEntities returns the named entities of a document cut into units:
// capitalised runs of words, a sentence's first word only when the
// document capitalises it elsewhere too, with connectors such as "de" or
// "du" allowed inside; each voted a kind by the cues around its
// occurrences. One-word names that end a longer person's name are merged
// into it ("Ma" and "M. Ma" into "Jack Ma").
func findEntities(text string, us []unit) []*ent {
	// How each term is written inside sentences, where capitals mean names.
	capMid, lowMid := map[string]int{}, map[string]int{}
	for k := range us {
		if us[k].kind != corpus.Paragraph {
			continue
		}
		for _, w := range us[k].w {
			if w.first {
				continue
			}
			if w.upper {
				capMid[w.term]++
			} else {
				lowMid[w.term]++
			}
		}
	}
	ents := map[string]*ent{}
	var pairs [][2]*ent // names listed together: "BNP Paribas et Goldman Sachs"
	for k := range us {
		u := &us[k]
		ws := u.w
		var prev *ent
		var pending *[2]*ent
		prevEnd := -1
		shouting := loud(ws)
		for i := 0; i < len(ws); i++ {
			j, title, ok := nameRun(text, u, i, capMid, lowMid)
			if !ok {
				continue
			}
			start := i
			if title {
				start = i + 1
			}
			if shouting && allCaps(ws[start:j]) {
				i = j - 1
				continue
			}
			if j-start == 1 && demonym(ws, start) {
				i = j - 1
				continue
			}
			key := runKey(ws[start:j])
			surface := text[ws[start].start:ws[j-1].end]
			e := ents[key]
			if e == nil {
				e = &ent{key: key, surfaces: map[string]int{}, variants: map[string]int{}, first: ws[start].start, words: j - start}
				ents[key] = e
			}
			e.count++
			e.surfaces[surface]++
			if title {
				e.variants[text[ws[i].start:ws[j-1].end]]++
				e.votes[vPerson] += 3
			}
			if i >= 2 && !ws[i].broken && !ws[i-1].broken {
				if e.ctx == nil {
					e.ctx = map[string]bool{}
				}
				e.ctx[ws[i-2].term+" "+ws[i-1].term] = true
			}
			voteContext(text, ws, i, start, j, e)
			if !title && personShaped(text, ws, start, j, lowMid) {
				e.votes[vPerson]++
			}
			if prev != nil && prev != e && listed(text, ws, prevEnd, i) {
				if pending != nil && pending[1] == prev && prevEnd < i {
					// "A, B et C": the comma before B lists too.
					pairs = append(pairs, *pending)
				}
				pending = nil
				if prevEnd == i {
					// A comma alone may end a fronted phrase ("en Europe,
					// AliExpress se doit"): a list only if "et" follows.
					pending = &[2]*ent{prev, e}
				} else {
					pairs = append(pairs, [2]*ent{prev, e})
				}
			}
			prev, prevEnd = e, j
			i = j - 1
		}
	}
	// Names listed together are of one kind: "Royal Bank of Canada, BNP
	// Paribas et Goldman Sachs", "Taobao et Tmall". Each gets half the
	// votes of the others of its list.
	group := map[*ent]*ent{}
	var find func(e *ent) *ent
	find = func(e *ent) *ent {
		if g, ok := group[e]; ok && g != e {
			r := find(g)
			group[e] = r
			return r
		}
		group[e] = e
		return e
	}
	for _, p := range pairs {
		a, b := find(p[0]), find(p[1])
		if a != b {
			group[a] = b
		}
	}
	total := map[*ent][nVotes]float64{}
	for e := range group {
		r := find(e)
		t := total[r]
		for k := range t {
			t[k] += e.votes[k]
		}
		total[r] = t
	}
	own := map[*ent][nVotes]float64{}
	for e := range group {
		own[e] = e.votes
	}
	for e := range group {
		t := total[find(e)]
		for k := range e.votes {
			e.votes[k] += (t[k] - own[e][k]) / 2
		}
	}
	list := make([]*ent, 0, len(ents))
	for _, e := range ents {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].first < list[j].first })
	return mergeEntities(list)
}

// nameRun finds the name starting at ws[i]: it returns the end of the run
// (exclusive), whether ws[i] is a title ("M.", "Mme") to strip, and whether
// there is a name at all.
func nameRun(text string, u *unit, i int, capMid, lowMid map[string]int) (int, bool, bool) {
	lx := lex()
	ws := u.w
	w := &ws[i]
	if !w.upper || w.num || w.code {
		return 0, false, false
	}
	title := false
	if isTitleWord(text, w) && i+1 < len(ws) && ws[i+1].upper && titleGap(text[w.end:ws[i+1].start]) {
		title = true
	}
	start := i
	if title {
		start = i + 1
	}
	j := start + 1
	if !title && lx.personTitles[w.term] && !w.acronym {
		// "Directeur de Innovation Is Everywhere", "Président Macron": a
		// capitalised title is a cue, not part of the name.
		return 0, false, false
	}
	for j < len(ws) && j-start < maxNameWords && !ws[j].broken {
		x := &ws[j]
		if x.upper && !x.num && !x.code {
			j++
			continue
		}
		if lx.connectors[x.term] && !x.upper && j+1 < len(ws) && !ws[j+1].broken && ws[j+1].upper && !ws[j+1].num && !ws[j+1].first &&
			!(allPlaces(ws[start:j]) && !lx.places[ws[j+1].term]) {
			j += 2
			continue
		}
		break
	}
	// A portfolio or a town before a person's name is not part of it: "le
	// ministre de l'Economie Bruno Le Maire", "la maire de Paris Anne
	// Hidalgo". The name starts at the given name.
	if !title && j-start >= 3 && !lx.firstNames[ws[start].term] && lx.firstNames[ws[start+1].term] && !lx.connectors[ws[start].term] {
		return 0, false, false
	}
	// An institution's name is its head and the adjectives after it:
	// "Parti socialiste", "Union européenne", "Banque centrale européenne".
	if j-start == 1 && lx.instHeads[ws[start].term] {
		for j < len(ws) && j-start < 3 && !ws[j].broken && !ws[j].upper && !ws[j].stop && !lx.edgeStop[ws[j].term] && adjectiveLike(ws[j].term) {
			j++
		}
	}
	// A common word before a connector is not part of the name after it:
	// "la République de Lorient", "l'Etat de New York".
	if j > start+2 && (lx.commonCaps[ws[start].term] || lx.personTitles[ws[start].term]) && lx.connectors[ws[start+1].term] && !ws[start+1].upper {
		return 0, false, false
	}
	// Trim trailing connectors.
	for j > start+1 && lx.connectors[ws[j-1].term] && !ws[j-1].upper {
		j--
	}
	first := &ws[start]
	n := j - start
	if first.stop && first.first && !title {
		// "Le", "Cette", "Il" opening a sentence: a function word.
		return 0, false, false
	}
	if shouted(ws[start:j], lowMid) {
		return 0, false, false
	}
	if n == 1 {
		t := first.term
		if first.short() || lx.commonCaps[t] || (first.acronym && lx.commonAcronyms[t]) || isTitleWord(text, first) || lx.personTitles[t] && !first.acronym {
			return 0, false, false
		}
		// A lone capitalised word: a name if the document writes it with
		// a capital inside sentences more often than without.
		if capMid[t] == 0 || lowMid[t] > capMid[t] {
			return 0, false, false
		}
	}
	if first.first && !title {
		// A sentence's first word: a name only if the document capitalises
		// it inside sentences too, or if more capitalised words follow it
		// and it is not a common word.
		if capMid[first.term] == 0 && (n == 1 || lowMid[first.term] > 0 || lx.edgeStop[first.term] || lx.speechVerbs[first.term] || lx.placePreps[first.term]) {
			return 0, false, false
		}
	}
	if u.kind != corpus.Paragraph {
		// Titles and headings capitalise words at will: keep names whose
		// every word is capitalised inside the document's sentences.
		for x := start; x < j; x++ {
			if !lx.connectors[ws[x].term] && capMid[ws[x].term] == 0 && !ws[x].acronym {
				return 0, false, false
			}
		}
	}
	return j, title, true
}

// adjectiveLike reports whether a word in lower case has the ending of a
// French adjective of affiliation: "socialiste", "européenne", "national".
func adjectiveLike(t string) bool {
	for _, suf := range []string{"al", "ale", "aux", "ique", "iste", "aire", "el", "elle", "ien", "ienne", "een", "eenne", "ais", "aise", "if", "ive", "ain", "aine"} {
		if strings.HasSuffix(t, suf) && len(t) > len(suf)+2 {
			return true
		}
	}
	return false
}

// titleGap reports whether g can separate a title from a name: "M. Ma",
// "Mme Dupont".
func titleGap(g string) bool {
	g = strings.TrimPrefix(g, ".")
	return g != "" && strings.TrimSpace(g) == ""
}

// shouted reports whether a run in capitals is shouting rather than an
// acronym: several capitalised words one of which is long ("VOIR AUSSI"),
// or one the document also writes in lower case ("SOURCE").
func shouted(ws []word, lowMid map[string]int) bool {
	caps, long := 0, false
	for i := range ws {
		if ws[i].acronym {
			caps++
			long = long || utf8.RuneCountInString(ws[i].term) >= 5
			if lowMid[ws[i].term] > 0 {
				return true
			}
		}
	}
	return caps >= 2 && long
}

// loud reports whether a unit shouts: three words in capitals or more of
// four letters or more, one of them of seven or more, as a licence's
// disclaimer ("WARRANTY OF MERCHANTABILITY OR FITNESS FOR A PARTICULAR
// PURPOSE"): its words in capitals are no names ("MERCHANTABILITY",
// "LIABILITY" and "PROFITS" were among the entities of software
// documentation). The acronyms of a sentence ("la SNCF, la RATP et la
// CGT") are shorter or fewer.
func loud(ws []word) bool {
	n, long := 0, false
	for i := range ws {
		if ws[i].acronym {
			if l := utf8.RuneCountInString(ws[i].term); l >= 4 {
				n++
				long = long || l >= 7
			}
		}
	}
	return n >= 3 && long
}

// allCaps reports whether every word of a run is written in capitals.
func allCaps(ws []word) bool {
	for i := range ws {
		if !ws[i].acronym {
			return false
		}
	}
	return len(ws) > 0
}

// isTitleWord reports whether w is a title written before names: "M.",
// "Mme", "Dr", "Me".
func isTitleWord(text string, w *word) bool {
	switch w.term {
	case "m", "mm", "dr", "pr", "me", "mr", "st":
		return w.end < len(text) && text[w.end] == '.' && w.upper
	case "mme", "mmes", "mlle", "mrs", "ms":
		return w.upper
	}
	return false
}

func runKey(ws []word) string {
	parts := make([]string, len(ws))
	for i := range ws {
		parts[i] = ws[i].term
	}
	return strings.Join(parts, " ")
}

// voteContext adds the votes of the words around and inside one
// occurrence: ws[i:j] is the run, ws[start:j] the name without its title.
func voteContext(text string, ws []word, i, start, j int, e *ent) {
	lx := lex()
	// Inside the name.
	for x := start; x < j; x++ {
		t := ws[x].term
		if lx.orgWords[t] {
			e.votes[vOrg] += 3
		}
	}
	if allPlaces(ws[start:j]) {
		e.votes[vPlace] += 3
	}
	if j-start >= 2 && lx.placeWords[ws[j-1].term] {
		e.votes[vPlace] += 2 // "Long Island", "Downing Street"
	}
	if j-start >= 2 && lx.firstNames[ws[start].term] {
		e.votes[vPerson] += 2
	}
	if j-start == 1 && ws[start].acronym {
		e.votes[vOrg]++
	}
	// Before it, in the same stretch of words.
	if i > 0 && !ws[i].broken {
		p := &ws[i-1]
		switch {
		case lx.personTitles[p.term] && !p.acronym || isTitleWord(text, p):
			e.votes[vPerson] += 3
		case lx.speechVerbs[p.term]:
			if lx.articles[ws[start].term] {
				e.votes[vOrg]++ // "selon Le Monde": a newspaper
			} else {
				e.votes[vPerson]++
			}
		case lx.orgNouns[p.term]:
			e.votes[vOrg] += 2
		case lx.placePreps[p.term] && !p.upper:
			e.prep++
		case p.term == "l" && i > 1 && ws[i-2].term == "a" && !p.broken && !ws[start].acronym:
			e.prep++ // "à l'Élysée"
		case lx.ofWords[p.term] && i > 1 && !p.broken:
			q := &ws[i-2]
			if lx.placeNouns[q.term] && !q.upper {
				// "près de Lorient", "le maire de Lyon", "le tribunal de
				// Nanterre": a place.
				e.prep++
			} else if lx.personTitles[q.term] || lx.orgNouns[q.term] {
				// "directeur de X", "PDG d'Alibaba": X is an organisation.
				e.votes[vOrg] += 2
			}
		case !p.stop && !p.upper && i > 1 && !p.broken:
			// One adjective between: "le président chinois Xi Jinping",
			// "le géant chinois Alibaba".
			q := &ws[i-2]
			if lx.personTitles[q.term] && !q.upper {
				e.votes[vPerson] += 2
			} else if lx.orgNouns[q.term] {
				e.votes[vOrg] += 2
			}
		}
	}
	// The head of the noun phrase it ends: "l'application de paiement
	// mobile Alipay", "son service de livraison de produits frais
	// Hippofresh", "les plateformes d'e-commerce Taobao".
	for x, steps := i-1, 0; x >= 0 && steps < 7 && !ws[x+1].broken; x, steps = x-1, steps+1 {
		t := ws[x].term
		if ws[x].upper || ws[x].num {
			break
		}
		if lx.orgNouns[t] || lx.orgNouns[strings.TrimSuffix(strings.TrimSuffix(t, "s"), "x")] {
			if steps > 0 {
				e.votes[vOrg] += 2
			}
			break
		}
		if ws[x].stop && !lx.ofWords[t] {
			break
		}
	}
	// A place and its region in brackets: "Lanester (Morbihan)",
	// "Nanterre (Hauts-de-Seine)". An acronym in brackets spells out
	// the name before it instead: "Force ouvrière (FO)".
	if j < len(ws) && j-start == 1 && ws[j].upper && !ws[j].acronym && !ws[start].acronym &&
		strings.TrimSpace(text[ws[j-1].end:ws[j].start]) == "(" && strings.HasPrefix(text[ws[j].end:], ")") {
		e.prep++
	}
	if i > 0 && j-start == 1 && ws[i-1].upper && !ws[i-1].acronym && !ws[start].acronym &&
		strings.TrimSpace(text[ws[i-1].end:ws[i].start]) == "(" && strings.HasPrefix(text[ws[j-1].end:], ")") {
		e.prep++
	}
	// A town in its country or region: "Santa Fe au Texas".
	if j+1 < len(ws) && !ws[j].broken && !ws[j+1].broken && (ws[j].term == "au" || ws[j].term == "en" || ws[j].term == "aux") &&
		ws[j+1].upper && lx.places[ws[j+1].term] {
		e.prep++
	}
	// After it: "Howard Yu, professeur", "Jack Ma, le cofondateur".
	if j < len(ws) && ws[j].broken && strings.HasPrefix(strings.TrimSpace(text[ws[j-1].end:ws[j].start]), ",") {
		x := j
		if (lx.articles[ws[x].term] || ws[x].term == "autre") && x+1 < len(ws) && !ws[x+1].broken {
			x++
		}
		switch t := ws[x].term; {
		case lx.personTitles[t] && !ws[x].upper:
			e.votes[vPerson] += 2
		case lx.orgNouns[t] && !ws[x].upper:
			e.votes[vOrg] += 2
		}
	}
}

// personShaped reports whether the name ws[start:j] has the shape of a
// person's: two capitalised words with lower-case letters after their
// capitals, no article before them (French writes "le Massif Central",
// never "le Brice Hortefeux"), neither of them a function word, a place, a
// title, a word that organisations' names use or a word the document
// also writes in lower case ("Ziad Takieddine", "Brice Hortefeux"; not
// "Le Monde", "Tour Eiffel", "Paris Match").
func personShaped(text string, ws []word, start, j int, lowMid map[string]int) bool {
	lx := lex()
	if j-start != 2 {
		return false
	}
	if start > 0 && !ws[start].broken && (lx.articles[ws[start-1].term] || lx.contracted[ws[start-1].term]) {
		return false
	}
	for k := start; k < j; k++ {
		w := &ws[k]
		if lowMid[w.term] > 0 {
			return false
		}
		if !w.upper || w.acronym || w.num || w.code || utf8.RuneCountInString(w.term) < 2 || k > start && w.broken {
			return false
		}
		t := w.term
		if w.stop || lx.articles[t] || lx.connectors[t] || lx.places[t] || lx.placeWords[t] || lx.orgWords[t] || lx.orgNouns[t] || lx.commonCaps[t] || lx.personTitles[t] || lx.edgeStop[t] || lx.placeNouns[t] {
			return false
		}
		if strings.HasPrefix(t, "saint-") || strings.HasPrefix(t, "sainte-") || lx.numberWords[t] {
			return false // "Saint-Quentin Fallavier", "Trois Français"
		}
		for _, r := range text[w.start:w.end] {
			if unicode.IsDigit(r) || r == '.' || r == '&' || r == '\'' || r == '’' {
				return false
			}
		}
	}
	return true
}

func allPlaces(ws []word) bool {
	n := 0
	for i := range ws {
		if lex().connectors[ws[i].term] {
			continue
		}
		if !lex().places[ws[i].term] {
			return false
		}
		n++
	}
	return n > 0
}

// listed reports whether the name starting at ws[i] follows the one
// ending at ws[end-1] in a list: separated by a comma, "et" or "ou".
func listed(text string, ws []word, end, i int) bool {
	if end <= 0 || end > i {
		return false
	}
	if end == i {
		return strings.TrimSpace(text[ws[end-1].end:ws[i].start]) == ","
	}
	if end+1 == i {
		t := ws[end].term
		return (t == "et" || t == "ou" || t == "and" || t == "or") && strings.TrimSpace(text[ws[end-1].end:ws[end].start]) == ""
	}
	return false
}

// demonym reports whether the one-word name at ws[i] is the plural of an
// inhabitant's name after an article: "aux Troyens", "les Togolais".
func demonym(ws []word, i int) bool {
	if i == 0 || ws[i].broken {
		return false
	}
	switch ws[i-1].term {
	case "les", "des", "aux", "ces":
	default:
		return false
	}
	t := ws[i].term
	for _, suf := range []string{"ens", "ois", "ais", "ains", "ines", "ards"} {
		if strings.HasSuffix(t, suf) && len(t) > len(suf)+2 {
			return true
		}
	}
	return false
}

// spellings reports whether two one-word names are spellings of one name:
// one edit apart and long ("AliExpress", "AliExpresss"), or two edits
// apart and written after the same words ("cheval de Troie", "cheval de
// Troyes").
func spellings(a, b *ent) bool {
	if a.words != 1 || b.words != 1 {
		return false
	}
	d := editDistance(a.key, b.key, 2)
	if d == 1 && utf8.RuneCountInString(a.key) >= 6 {
		return true
	}
	if d > 2 || utf8.RuneCountInString(a.key) < 4 || utf8.RuneCountInString(b.key) < 4 {
		return false
	}
	for c := range a.ctx {
		if b.ctx[c] {
			return true
		}
	}
	return false
}

// editDistance returns the Levenshtein distance between a and b, or
// limit+1 when it exceeds limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	if prev[len(rb)] > limit {
		return limit + 1
	}
	return prev[len(rb)]
}

// absorb merges e into l: its forms become variants of l.
func (l *ent) absorb(e *ent) {
	l.count += e.count
	for s, n := range e.surfaces {
		l.variants[s] += n
	}
	for s, n := range e.variants {
		l.variants[s] += n
	}
	for k := range l.votes {
		l.votes[k] += e.votes[k]
	}
	l.prep += e.prep
}

// mergeEntities merges one-word names into the longer person names they
// end ("Ma" into "Jack Ma"), when exactly one such name exists, and
// spellings of one name into its most frequent one ("Troyes" into
// "Troie").
func mergeEntities(list []*ent) []*ent {
	var kept []*ent
	for _, e := range list {
		merged := false
		for _, l := range kept {
			if spellings(l, e) {
				if e.count > l.count {
					// The more frequent spelling names the entity.
					*l, *e = *e, *l
				}
				l.absorb(e)
				merged = true
				break
			}
		}
		if !merged {
			kept = append(kept, e)
		}
	}
	list = kept
	byLast := map[string][]*ent{}
	for _, e := range list {
		if e.words >= 2 {
			f := strings.Fields(e.key)
			byLast[f[len(f)-1]] = append(byLast[f[len(f)-1]], e)
		}
	}
	out := list[:0]
	for _, e := range list {
		if e.words == 1 {
			if ls := byLast[e.key]; len(ls) == 1 {
				l := ls[0]
				if l.votes[vPerson] > 0 || e.votes[vPerson] > 0 {
					l.absorb(e)
					continue
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// kindOf returns the entity's kind from its votes; weak evidence (less
// than one vote) leaves it "other". A name found after "à" or "en" in at
// least half its occurrences gets a vote for place.
func kindOf(v [nVotes]float64, prep, count int) string {
	if prep > 0 && 2*prep >= count {
		v[vPlace] += 1.5
	}
	best, bv := -1, 0.99
	for k, x := range v {
		if x > bv {
			best, bv = k, x
		}
	}
	if best < 0 {
		return corpus.OtherEntity
	}
	return kindNames[best]
}

// name returns the entity's canonical form: its most frequent written form,
// ties to the longest.
func (e *ent) name() string {
	best, bn := "", 0
	for s, n := range e.surfaces {
		if n > bn || n == bn && (len(s) > len(best) || len(s) == len(best) && s < best) {
			best, bn = s, n
		}
	}
	return best
}

// entity converts e to a corpus.Entity of the given kind.
func (e *ent) entity(kind string) corpus.Entity {
	name := e.name()
	var vs []string
	for s := range e.surfaces {
		if s != name {
			vs = append(vs, s)
		}
	}
	for s := range e.variants {
		if s != name && !containsString(vs, s) {
			vs = append(vs, s)
		}
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i] < vs[j] })
	return corpus.Entity{Name: name, Kind: kind, Count: e.count, Variants: vs}
}
