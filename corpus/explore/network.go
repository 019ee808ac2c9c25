package explore

import (
	"errors"
	"slices"
	"sort"
	"strconv"
)

// NetworkOptions choose the entity network drawn.
type NetworkOptions struct {
	Scope    string // "sentence" (default) or "document": where two entities must appear together
	Limit    int    // entities kept, the most mentioned; 0 means 30
	MinCount int    // least co-occurrences of an edge; 0 means 1
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

// entity is a named entity of the corpus: its node's name, kind and
// counts, and its forms, folded.
type entity struct {
	node  Node
	forms []string
}

// Network returns the people, organisations and places named by the
// documents and how often two of them appear in the same sentence (or
// document). A sentence holds an entity when it holds one of its forms as
// whole words, case and accents folded. The network is drawn from the
// table alone: no text is read, so it is as quick on a split build whose
// texts are not at hand.
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
	// Keep the most mentioned.
	order := make([]int, len(t.ents))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		x, y := &t.ents[order[a]].node, &t.ents[order[b]].node
		if x.Mentions != y.Mentions {
			return x.Mentions > y.Mentions
		}
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return x.Kind < y.Kind
	})
	if len(order) > limit {
		order = order[:limit]
	}
	kept := make(map[int32]int, len(order)) // entity -> node
	n := &Network{Scope: scope}
	for _, i := range order {
		kept[int32(i)] = len(n.Nodes)
		n.Nodes = append(n.Nodes, t.ents[i].node)
	}
	pairs := map[[2]int]int{}
	add := func(set []int) {
		sort.Ints(set)
		set = slices.Compact(set)
		for a := 0; a < len(set); a++ {
			for b := a + 1; b < len(set); b++ {
				pairs[[2]int{set[a], set[b]}]++
			}
		}
	}
	// The documents naming two kept entities or more, and those entities.
	in := map[int][]int32{}
	var sel []int
	for d, ids := range t.docEnts {
		var set []int
		var nodes []int32
		for _, i := range ids {
			if j, ok := kept[i]; ok {
				set = append(set, j)
				nodes = append(nodes, int32(j))
			}
		}
		if len(set) < 2 {
			continue
		}
		if scope == "document" {
			add(set)
			continue
		}
		in[d] = nodes
		sel = append(sel, d)
	}
	if scope == "sentence" && len(sel) > 0 {
		for _, set := range t.sentencesNaming(n, order, in, sel) {
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
	sort.Slice(n.Edges, func(i, j int) bool {
		x, y := &n.Edges[i], &n.Edges[j]
		if x.Count != y.Count {
			return x.Count > y.Count
		}
		if x.A != y.A {
			return x.A < y.A
		}
		return x.B < y.B
	})
	return n, nil
}

// sentencesNaming returns, for each sentence of the documents sel that
// names two of n's nodes or more, the nodes it names: node j (entity
// order[j]) is named by a sentence of document d when in[d] holds j and
// the sentence holds one of the entity's forms as whole words.
func (t *Table) sentencesNaming(n *Network, order []int, in map[int][]int32, sel []int) [][]int {
	type mention struct{ doc, pos, node int }
	var ms []mention
	for j := range n.Nodes {
		for _, f := range t.ents[order[j]].forms {
			p, err := t.compile(f, Word)
			if err != nil {
				continue // no word, or more than a phrase may have
			}
			for _, h := range t.hits(p, sel) {
				if containsID(in[h.doc], int32(j)) && t.inOneSentence(h.doc, h.pos, p.n) {
					ms = append(ms, mention{h.doc, h.pos, j})
				}
			}
		}
	}
	sort.Slice(ms, func(a, b int) bool {
		if ms[a].doc != ms[b].doc {
			return ms[a].doc < ms[b].doc
		}
		return ms[a].pos < ms[b].pos
	})
	var out [][]int
	for a := 0; a < len(ms); {
		d := ms[a].doc
		flags := t.docs[d].flags
		sent, at := -1, 0 // the sentence of word at-1
		var set []int
		for ; a < len(ms) && ms[a].doc == d; a++ {
			s := sent
			for ; at <= ms[a].pos; at++ {
				if flags[at]&flagSentence != 0 {
					s++
				}
			}
			if s != sent {
				if len(set) > 1 {
					out = append(out, set)
				}
				set, sent = nil, s
			}
			set = append(set, ms[a].node)
		}
		if len(set) > 1 {
			out = append(out, set)
		}
	}
	return out
}

// inOneSentence reports whether words [pos, pos+n) of document d lie in
// one of its sentences.
func (t *Table) inOneSentence(d, pos, n int) bool {
	f := t.docs[d].flags
	if f[pos]&flagOutside != 0 {
		return false
	}
	for j := pos + 1; j < pos+n; j++ {
		if f[j]&(flagSentence|flagOutside) != 0 {
			return false
		}
	}
	return true
}
