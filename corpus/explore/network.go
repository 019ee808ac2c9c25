package explore

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// NetworkOptions choose the entity network drawn.
type NetworkOptions struct {
	Scope    string // "sentence" (default) or "document": where two entities must appear together
	Limit    int    // entities kept, the most mentioned; 0 means 30
	MinCount int    // least co-occurrences of an edge; 0 means 1
	Kinds    []string
}

// Node is an entity of the network.
type Node struct {
	Name, Kind string
	Mentions   int // mentions in the corpus
	Docs       int // documents naming it
}

// Edge links two entities (indexes in Network.Nodes) seen together.
type Edge struct {
	A, B  int
	Count int // sentences or documents where both appear
}

// Network is the co-occurrence network of the named entities.
type Network struct {
	Scope string
	Nodes []Node // most mentioned first
	Edges []Edge // most frequent first
}

// Network returns the people, organisations and places named by the
// documents and how often two of them appear in the same sentence (or
// document). A sentence holds an entity when it holds one of its forms as
// whole words, case and accents folded.
func (t *Table) Network(opt NetworkOptions) (*Network, error) {
	scope := opt.Scope
	if scope == "" {
		scope = "sentence"
	}
	if scope != "sentence" && scope != "document" {
		return nil, errors.New("unknown scope " + strconv.Quote(scope) + `: want "sentence" or "document"`)
	}
	limit, minCount := opt.Limit, opt.MinCount
	if limit <= 0 {
		limit = 30
	}
	if minCount <= 0 {
		minCount = 1
	}
	type ent struct {
		node  Node
		forms []string
	}
	byKey := map[string]int{}
	var ents []ent
	type docEnts struct {
		doc  int
		ents []int
	}
	var per []docEnts
	for d := 0; d < t.Len(); d++ {
		doc, err := t.src.Doc(d)
		if err != nil {
			return nil, err
		}
		var ids []int
		for _, e := range doc.Entities {
			if e.Kind == corpus.OtherEntity || (len(opt.Kinds) > 0 && !slices.Contains(opt.Kinds, e.Kind)) {
				continue
			}
			k := e.Kind + "\x00" + token.Fold(e.Name)
			i, ok := byKey[k]
			if !ok {
				i = len(ents)
				byKey[k] = i
				ents = append(ents, ent{node: Node{Name: e.Name, Kind: e.Kind}})
			}
			x := &ents[i]
			x.node.Mentions += e.Count
			x.node.Docs++
			for _, f := range append([]string{e.Name}, e.Variants...) {
				if f = token.Fold(f); f != "" && !slices.Contains(x.forms, f) {
					x.forms = append(x.forms, f)
				}
			}
			ids = append(ids, i)
		}
		if len(ids) > 1 {
			per = append(per, docEnts{d, ids})
		}
	}
	// Keep the most mentioned.
	order := make([]int, len(ents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := ents[order[a]].node, ents[order[b]].node
		if x.Mentions != y.Mentions {
			return x.Mentions > y.Mentions
		}
		return x.Name < y.Name
	})
	if len(order) > limit {
		order = order[:limit]
	}
	kept := make(map[int]int, len(order)) // entity -> node
	n := &Network{Scope: scope}
	for _, i := range order {
		kept[i] = len(n.Nodes)
		n.Nodes = append(n.Nodes, ents[i].node)
	}
	pairs := map[[2]int]int{}
	add := func(set []int) {
		slices.Sort(set)
		set = slices.Compact(set)
		for a := 0; a < len(set); a++ {
			for b := a + 1; b < len(set); b++ {
				pairs[[2]int{set[a], set[b]}]++
			}
		}
	}
	for _, pd := range per {
		var in []int
		for _, i := range pd.ents {
			if j, ok := kept[i]; ok {
				in = append(in, j)
			}
		}
		if len(in) < 2 {
			continue
		}
		if scope == "document" {
			add(in)
			continue
		}
		doc, err := t.src.Doc(pd.doc)
		if err != nil {
			return nil, err
		}
		folded := make([]string, len(doc.Sentences))
		for i, s := range doc.Sentences {
			folded[i] = token.Fold(doc.Text[s.Start:s.End])
		}
		sents := map[int][]int{}
		for _, j := range in {
			for _, s := range sentencesNaming(folded, ents[order[j]].forms) {
				sents[s] = append(sents[s], j)
			}
		}
		for _, set := range sents {
			if len(set) > 1 {
				add(set)
			}
		}
	}
	for p, c := range pairs {
		if c >= minCount {
			n.Edges = append(n.Edges, Edge{A: p[0], B: p[1], Count: c})
		}
	}
	slices.SortFunc(n.Edges, func(x, y Edge) int {
		if x.Count != y.Count {
			return y.Count - x.Count
		}
		if x.A != y.A {
			return x.A - y.A
		}
		return x.B - y.B
	})
	return n, nil
}

// sentencesNaming returns the indexes of the folded sentences that hold
// one of the folded forms as whole words.
func sentencesNaming(sentences, forms []string) []int {
	var out []int
	for i, f := range sentences {
		for _, form := range forms {
			if containsWord(f, form) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// containsWord reports whether s holds w with no letter or digit on
// either side.
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return true
		}
		off = i + 1
	}
}

// isWordByte reports whether b is an ASCII letter or digit or part of a
// multibyte character (folded text is mostly ASCII).
func isWordByte(b byte) bool {
	return b >= 0x80 || ('0' <= b && b <= '9') || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z')
}
