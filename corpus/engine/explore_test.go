package engine_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/shared"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

func TestExplore(t *testing.T) {
	e := seeds(t)
	id := e.Index().Docs[0].ID
	tests := []struct {
		name string
		run  func() (engine.JSONer, error)
		want string // error substring; "" for none
	}{
		{"kwic", func() (engine.JSONer, error) { return e.KWIC("numérique", engine.ExploreOptions{Sort: "left"}) }, ""},
		{"kwic in one document", func() (engine.JSONer, error) { return e.KWIC("le", engine.ExploreOptions{ID: id}) }, ""},
		{"kwic unknown document", func() (engine.JSONer, error) { return e.KWIC("le", engine.ExploreOptions{ID: "nope"}) }, "no such document"},
		{"kwic context", func() (engine.JSONer, error) { return e.KWIC("le", engine.ExploreOptions{Context: 31}) }, "context out of range: 31, want 0 to 30"},
		{"kwic match", func() (engine.JSONer, error) { return e.KWIC("le", engine.ExploreOptions{Match: "stem"}) }, `unknown match "stem"`},
		{"trend", func() (engine.JSONer, error) {
			return e.Trend("numérique, France", engine.ExploreOptions{Match: "forms"})
		}, ""},
		{"trend of nothing", func() (engine.JSONer, error) { return e.Trend(" , ", engine.ExploreOptions{}) }, "terms out of range: 0"},
		{"trend by", func() (engine.JSONer, error) { return e.Trend("a", engine.ExploreOptions{By: "week"}) }, `unknown grouping "week"`},
		{"collocates", func() (engine.JSONer, error) { return e.Collocates("chinois", engine.ExploreOptions{Window: 4}) }, ""},
		{"collocates window", func() (engine.JSONer, error) { return e.Collocates("chinois", engine.ExploreOptions{Window: 11}) }, "window out of range: 11, want 0 to 10"},
		{"keyness of a document", func() (engine.JSONer, error) { return e.Keyness(engine.ExploreOptions{ID: id}) }, ""},
		{"keyness of a query", func() (engine.JSONer, error) { return e.Keyness(engine.ExploreOptions{Query: "numérique"}) }, ""},
		{"keyness of nothing", func() (engine.JSONer, error) { return e.Keyness(engine.ExploreOptions{}) }, "keyness of what"},
		{"keyness of an empty part", func() (engine.JSONer, error) { return e.Keyness(engine.ExploreOptions{Author: "Nobody At All"}) }, "no document"},
		{"phrases", func() (engine.JSONer, error) { return e.Phrases(engine.ExploreOptions{N: 2}) }, ""},
		{"phrases n", func() (engine.JSONer, error) { return e.Phrases(engine.ExploreOptions{N: 7}) }, "n out of range: 7, want 2 to 6"},
		{"network", func() (engine.JSONer, error) { return e.Network(engine.ExploreOptions{}) }, ""},
		{"timeline", func() (engine.JSONer, error) { return e.Timeline(engine.ExploreOptions{Query: "numérique"}) }, ""},
		{"timeline dates", func() (engine.JSONer, error) { return e.Timeline(engine.ExploreOptions{DateFrom: "2020/1"}) }, "dateFrom is not an ISO date"},
		{"figures", func() (engine.JSONer, error) { return e.Figures() }, ""},
	}
	for _, tt := range tests {
		v, err := tt.run()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		case err == nil:
			if b := engine.JSON(v); !json.Valid(b) {
				t.Errorf("%s: invalid JSON %s", tt.name, b)
			}
		}
	}
}

var manpages struct {
	once sync.Once
	e    *engine.Engine
	err  error
}

// manpagesEngine returns an engine over ../shared/corpora/fr-manpages:
// the index file $EXPLORER_MANPAGES_INDEX if set (written by `explorer
// build -corpus ../shared/corpora/fr-manpages`), else one built here.
func manpagesEngine(b *testing.B) *engine.Engine {
	b.Helper()
	manpages.once.Do(func() {
		if p := os.Getenv("EXPLORER_MANPAGES_INDEX"); p != "" {
			blob, err := os.ReadFile(p)
			if err != nil {
				manpages.err = err
				return
			}
			manpages.e, manpages.err = engine.Open(blob)
			return
		}
		docs, _, err := ingest.Dir(shared.Path(b, "corpora/fr-manpages"), ingest.Options{})
		if err != nil {
			manpages.err = err
			return
		}
		manpages.e = engine.New(index.Build(docs, summary.Annotate(docs)))
	})
	if manpages.err != nil {
		b.Fatal(manpages.err)
	}
	// The table, cut once, a budget at a time.
	for {
		_, err := manpages.e.Figures()
		if err == nil {
			break
		}
		if !errors.Is(err, engine.ErrCutting) {
			b.Fatal(err)
		}
	}
	return manpages.e
}

// The analyses the issue times on fr-manpages (the table is cut before
// the timer starts; BenchmarkExploreTable times that).
func BenchmarkExplore(b *testing.B) {
	e := manpagesEngine(b)
	for _, bb := range []struct {
		name string
		run  func() (engine.JSONer, error)
	}{
		{"KWICFichierForms", func() (engine.JSONer, error) { return e.KWIC("fichier", engine.ExploreOptions{Match: "forms"}) }},
		{"KWICFichierFormsSortLeft", func() (engine.JSONer, error) {
			return e.KWIC("fichier", engine.ExploreOptions{Match: "forms", Sort: "left"})
		}},
		{"CollocatesProcessus", func() (engine.JSONer, error) { return e.Collocates("processus", engine.ExploreOptions{}) }},
		{"KeynessQuery100", func() (engine.JSONer, error) { return e.Keyness(engine.ExploreOptions{Query: "fichier", Hits: 100}) }},
		{"Trend3", func() (engine.JSONer, error) { return e.Trend("fichier, processus, mémoire", engine.ExploreOptions{}) }},
		{"Phrases3", func() (engine.JSONer, error) { return e.Phrases(engine.ExploreOptions{N: 3}) }},
		{"Network", func() (engine.JSONer, error) { return e.Network(engine.ExploreOptions{}) }},
		{"Figures", func() (engine.JSONer, error) { return e.Figures() }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			v, err := bb.run()
			if err != nil {
				b.Fatal(err)
			}
			if bb.name == "KWICFichierForms" {
				b.Logf("%s", engine.JSON(v)[:120])
			}
			for i := 0; i < b.N; i++ {
				v, _ := bb.run()
				engine.JSON(v)
			}
		})
	}
}

// BenchmarkExploreTable times cutting fr-manpages into the explore table,
// done once per engine on the first analysis.
func BenchmarkExploreTable(b *testing.B) {
	e := manpagesEngine(b)
	for i := 0; i < b.N; i++ {
		e2 := engine.New(e.Index())
		engine.SetCutBudget(e2, 1<<40) // the whole table in one call
		if _, err := e2.Figures(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExploreSplit checks the table of a split index: the first analysis
// says which pack is missing, the packs added from then on are cut as
// they come (here in reverse order, one of them before the first call),
// and the analyses then equal those of the whole index. The index holds
// one pack's text at a time, as a browser's bounded memory would: the
// analyses that read no text (the entity network) need none of them
// back.
func TestExploreSplit(t *testing.T) {
	whole := seeds(t)
	blob, files, err := whole.Index().Marshal(index.MarshalOptions{PackBytes: 1, Split: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.Open(blob)
	if err != nil {
		t.Fatal(err)
	}
	e.Index().SetHeldMax(1)
	last := len(files) - 1
	if err := e.AddPack(last, string(files[last].Data)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Figures(); !errors.Is(err, index.ErrNotLoaded) || !strings.Contains(err.Error(), files[0].Name) {
		t.Fatalf("figures before the packs: %v, want pack 0 (%s) not loaded", err, files[0].Name)
	}
	for p := last - 1; p >= 0; p-- {
		if err := e.AddPack(p, string(files[p].Data)); err != nil {
			t.Fatal(err)
		}
	}
	same := func(runs ...func(e *engine.Engine) (engine.JSONer, error)) {
		t.Helper()
		for _, run := range runs {
			want, err := run(whole)
			if err != nil {
				t.Fatal(err)
			}
			got, err := run(e)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := string(engine.JSON(got)), string(engine.JSON(want)); g != w {
				t.Errorf("split index: %s\nwhole index: %s", g, w)
			}
		}
	}
	same(
		func(e *engine.Engine) (engine.JSONer, error) { return e.Figures() },
		func(e *engine.Engine) (engine.JSONer, error) { return e.Network(engine.ExploreOptions{}) },
		func(e *engine.Engine) (engine.JSONer, error) {
			return e.Network(engine.ExploreOptions{Scope: "document"})
		},
	)
	// The lines of a concordance and the phrases quote the texts: every
	// pack added back.
	e.Index().SetHeldMax(0)
	for p := range files {
		if err := e.AddPack(p, string(files[p].Data)); err != nil {
			t.Fatal(err)
		}
	}
	same(
		func(e *engine.Engine) (engine.JSONer, error) {
			return e.KWIC("le", engine.ExploreOptions{Sort: "right"})
		},
		func(e *engine.Engine) (engine.JSONer, error) {
			return e.Collocates("numérique", engine.ExploreOptions{Min: 1})
		},
		func(e *engine.Engine) (engine.JSONer, error) { return e.Phrases(engine.ExploreOptions{}) },
	)
}

// TestExploreSplitPage checks that a concordance whose texts are not at
// hand names every pack its page needs, for the caller to fetch them at
// once rather than one a call.
func TestExploreSplitPage(t *testing.T) {
	dir := t.TempDir()
	for i := range 12 {
		text := "Le chat numéro " + strconv.Itoa(i) + " dort près du feu. Le chien le regarde.\n"
		if err := os.WriteFile(filepath.Join(dir, "d"+strconv.Itoa(i)+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, _, err := ingest.Dir(dir, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	blob, files, err := index.Build(docs, summary.Annotate(docs)).Marshal(index.MarshalOptions{PackBytes: 1, Split: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.Open(blob)
	if err != nil {
		t.Fatal(err)
	}
	ix := e.Index()
	ix.SetHeldMax(1) // only the last pack added stays
	if _, err := e.Figures(); !errors.Is(err, index.ErrNotLoaded) {
		t.Fatalf("figures before the packs: %v, want pack not loaded", err)
	}
	for p := range files {
		if err := e.AddPack(p, string(files[p].Data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.Figures(); err != nil {
		t.Fatal(err)
	}
	_, err = e.KWIC("chien", engine.ExploreOptions{Limit: engine.MaxLimit})
	if !errors.Is(err, index.ErrNotLoaded) {
		t.Fatalf("concordance without its texts: %v, want pack not loaded", err)
	}
	named := 0
	for d := range ix.Docs {
		if p := ix.PackOf(d); !ix.HasPack(p) {
			if !strings.Contains(err.Error(), "text pack "+strconv.Itoa(p)+" ("+ix.PackName(p)+")") {
				t.Errorf("concordance without its texts: %v\nwant pack %d (%s) named", err, p, ix.PackName(p))
			}
			named++
		}
	}
	if named < 10 {
		t.Errorf("%d packs missing of %d documents: too few to test", named, len(ix.Docs))
	}
}

// TestExploreCutInSteps checks that the table is cut a budget at a time:
// each call past the budget says how far the cut is and goes further, and
// the table is the same in the end.
func TestExploreCutInSteps(t *testing.T) {
	whole, e := seeds(t), seeds(t)
	engine.SetCutBudget(e, 1)
	n := len(e.Index().Docs)
	calls := 0
	for ; ; calls++ {
		_, err := e.Figures()
		if err == nil {
			break
		}
		want := "explore: reading the corpus (" + strconv.Itoa(calls+1) + " of " + strconv.Itoa(n) + " documents)"
		if !errors.Is(err, engine.ErrCutting) || err.Error() != want || calls > n {
			t.Fatalf("call %d: %v, want %q", calls+1, err, want)
		}
	}
	if calls != n-1 {
		t.Errorf("%d calls past the budget for %d documents, want %d (one document a call)", calls, n, n-1)
	}
	got, err := e.KWIC("le", engine.ExploreOptions{Sort: "left"})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := whole.KWIC("le", engine.ExploreOptions{Sort: "left"})
	if string(engine.JSON(got)) != string(engine.JSON(want)) {
		t.Error("the table cut in steps differs")
	}
}
