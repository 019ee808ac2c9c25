package explore_test

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/explore"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/shared"
	"github.com/corpus-explorer/explorer/corpus/summary"
	"github.com/corpus-explorer/explorer/corpus/token"
)

func TestNetwork(t *testing.T) {
	_, tab := seeds(t)
	for _, scope := range []string{"sentence", "document"} {
		n, err := tab.Network(explore.NetworkOptions{Scope: scope})
		if err != nil {
			t.Fatal(err)
		}
		if len(n.Nodes) == 0 {
			t.Fatalf("%s: no entities", scope)
		}
		for _, e := range n.Edges {
			if e.A >= e.B || e.B >= len(n.Nodes) || e.Count < 1 {
				t.Errorf("%s: edge %+v", scope, e)
			}
		}
		t.Logf("%s: %d nodes, %d edges", scope, len(n.Nodes), len(n.Edges))
	}
	if _, err := tab.Network(explore.NetworkOptions{Scope: "page"}); err == nil {
		t.Error("unknown scope: no error")
	}
}

// TestNetworkReference checks the network, drawn from the table's words,
// against a count made from the texts themselves: the folded text of
// each sentence searched for each entity's folded forms as whole words.
func TestNetworkReference(t *testing.T) {
	src, tab := seeds(t)
	sets := []struct {
		name string
		docs []*corpus.Document
		tab  *explore.Table
	}{{"seeds", src, tab}}
	if !testing.Short() {
		dir := shared.Path(t, "corpora/fr-docs/debian-reference-fr")
		docs, _, err := ingest.Dir(dir, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		summary.Annotate(docs)
		tab, err := explore.New(explore.Docs(docs))
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, struct {
			name string
			docs []*corpus.Document
			tab  *explore.Table
		}{"debian-reference-fr", docs, tab})
	}
	for _, set := range sets {
		for _, o := range []explore.NetworkOptions{
			{Scope: "sentence"},
			{Scope: "document"},
			{Scope: "sentence", Limit: 8},
			{Scope: "sentence", Limit: 100, MinCount: 2},
		} {
			got, err := set.tab.Network(o)
			if err != nil {
				t.Fatal(err)
			}
			want := referenceNetwork(set.docs, o)
			if len(got.Edges) == 0 {
				t.Errorf("%s %+v: no edges", set.name, o)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %+v:\ngot  %d nodes, %d edges: %+v\nwant %d nodes, %d edges: %+v",
					set.name, o, len(got.Nodes), len(got.Edges), head(got.Edges), len(want.Nodes), len(want.Edges), head(want.Edges))
				for i := range min(len(got.Nodes), len(want.Nodes)) {
					if got.Nodes[i] != want.Nodes[i] {
						t.Errorf("node %d: got %+v, want %+v", i, got.Nodes[i], want.Nodes[i])
						break
					}
				}
			}
		}
	}
}

func head(es []explore.Edge) []explore.Edge { return es[:min(len(es), 8)] }

// referenceNetwork is the network counted from the documents' texts.
func referenceNetwork(docs []*corpus.Document, o explore.NetworkOptions) *explore.Network {
	type ent struct {
		node  explore.Node
		forms []string
		first int
	}
	byKey := map[string]*ent{}
	per := make([][]*ent, len(docs))
	for d, doc := range docs {
		for _, e := range doc.Entities {
			if e.Kind == corpus.OtherEntity {
				continue
			}
			k := e.Kind + "\x00" + token.Fold(e.Name)
			x := byKey[k]
			if x == nil {
				x = &ent{node: explore.Node{Name: e.Name, Kind: e.Kind}, first: d}
				byKey[k] = x
			}
			x.node.Mentions += e.Count
			if !slices.Contains(per[d], x) {
				x.node.Docs++
				per[d] = append(per[d], x)
			}
			for _, f := range append([]string{e.Name}, e.Variants...) {
				if f = token.Fold(f); f != "" && !slices.Contains(x.forms, f) {
					x.forms = append(x.forms, f)
				}
			}
		}
	}
	var all []*ent
	for _, x := range byKey {
		all = append(all, x)
	}
	sort.Slice(all, func(i, j int) bool {
		x, y := all[i].node, all[j].node
		if x.Mentions != y.Mentions {
			return x.Mentions > y.Mentions
		}
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return x.Kind < y.Kind
	})
	limit := o.Limit
	if limit <= 0 {
		limit = 30
	}
	all = all[:min(limit, len(all))]
	scope := o.Scope
	n := &explore.Network{Scope: scope}
	node := map[*ent]int{}
	for i, x := range all {
		node[x] = i
		n.Nodes = append(n.Nodes, x.node)
	}
	pairs := map[[2]int]int{}
	add := func(set map[int]bool) {
		var s []int
		for j := range set {
			s = append(s, j)
		}
		sort.Ints(s)
		for a := range s {
			for b := a + 1; b < len(s); b++ {
				pairs[[2]int{s[a], s[b]}]++
			}
		}
	}
	for d, doc := range docs {
		in := map[int]bool{}
		for _, x := range per[d] {
			if j, ok := node[x]; ok {
				in[j] = true
			}
		}
		if len(in) < 2 {
			continue
		}
		if scope == "document" {
			add(in)
			continue
		}
		for _, s := range doc.Sentences {
			f := token.Fold(doc.Text[s.Start:s.End])
			set := map[int]bool{}
			for j := range in {
				for _, form := range all[j].forms {
					if holdsWords(f, form) {
						set[j] = true
						break
					}
				}
			}
			if len(set) > 1 {
				add(set)
			}
		}
	}
	for p, c := range pairs {
		if c >= max(o.MinCount, 1) {
			n.Edges = append(n.Edges, explore.Edge{A: p[0], B: p[1], Count: c})
		}
	}
	sort.Slice(n.Edges, func(i, j int) bool {
		x, y := n.Edges[i], n.Edges[j]
		if x.Count != y.Count {
			return x.Count > y.Count
		}
		if x.A != y.A {
			return x.A < y.A
		}
		return x.B < y.B
	})
	return n
}

// holdsWords reports whether the folded text s holds the folded form w
// with no letter or digit on either side.
func holdsWords(s, w string) bool {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if (i == 0 || !word(before)) && (j == len(s) || !word(after)) {
			return true
		}
		off = i + 1
	}
}
