package engine_test

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// splitSeeds returns a function that opens a new engine over the seed
// documents written with Split, in small chunks, with nothing added, the
// same index embedded, and the split index's files (Packs order).
func splitSeeds(t *testing.T) (func() *engine.Engine, *engine.Engine, []index.PackFile) {
	t.Helper()
	docs, _, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := index.Build(docs, summary.Annotate(docs))
	// Real words the seeds lack, a typo away from their words ("branche",
	// "expansion"): kept with the lexicon.
	ix.SetAbsentWords(search.New(ix).AbsentWords([]string{"blanche", "explosion"}))
	if ix.NumAbsentWords() != 2 {
		t.Fatalf("%d absent words, want 2", ix.NumAbsentWords())
	}
	opt := index.MarshalOptions{ChunkBytes: 512, PackBytes: index.DefaultPackBytes, Split: true} // the same packs both ways: hits name their pack
	blob, files, err := ix.Marshal(opt)
	if err != nil {
		t.Fatal(err)
	}
	open := func() *engine.Engine {
		split, err := engine.Open(blob)
		if err != nil {
			t.Fatal(err)
		}
		// Texts are all there: snippets compare too.
		for p := 0; p < split.Index().NumPacks(); p++ {
			if err := split.AddPack(p, string(files[p].Data)); err != nil {
				t.Fatal(err)
			}
		}
		return split
	}
	opt.Split = false
	emb, _, err := ix.Marshal(opt)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := engine.Open(emb)
	if err != nil {
		t.Fatal(err)
	}
	if n := open().Index().NumChunks(); n < 4 {
		t.Fatalf("%d chunks", n)
	}
	return open, embedded, files
}

// search runs a query on a split engine as explorer.js does: when it
// says which packs of the index it lacks, they are added, all at once,
// and the query asked again; it returns the result and the packs added.
// A query with a did-you-mean may take a second round, when the first
// brought the lexicon (its display forms are what the did-you-mean runs).
func searchSplit(t *testing.T, e *engine.Engine, files []index.PackFile, q string, opt search.Options) (*search.Result, []int) {
	t.Helper()
	var added []int
	for round := 0; ; round++ {
		r, err := e.Search(q, opt)
		var nl *engine.NotLoadedError
		if !errors.As(err, &nl) {
			if err != nil {
				t.Fatalf("%q, round %d: %v", q, round, err)
			}
			return r, added
		}
		if round > 0 && (round > 1 || !slices.Contains(added, e.Index().LexiconPack())) {
			t.Fatalf("%q, once its packs %v are added: %v", q, added, err)
		}
		if !errors.Is(err, index.ErrNotLoaded) || !strings.HasPrefix(err.Error(), "index packs not loaded: ") {
			t.Errorf("%q: error %q", q, err)
		}
		for i, p := range nl.Packs {
			if p < e.Index().NumPacks() {
				t.Errorf("%q: asks for text pack %d", q, p)
			}
			// The message names the file, for a loader without the pack list.
			if want := " " + strconv.Itoa(p) + " (" + files[p].Name + ")"; !strings.Contains(err.Error(), want) || nl.Names[i] != files[p].Name {
				t.Errorf("%q: error %q does not name pack %d as %q", q, err, p, want)
			}
			if err := e.AddPack(p, string(files[p].Data)); err != nil {
				t.Fatal(err)
			}
		}
		added = append(added, nl.Packs...)
	}
}

// TestSplitSearch checks that a split engine asks for the index packs a
// search needs, all at once, and then answers as the embedded one does:
// typos, corrections, prefixes, phrases and exclusions included. Each
// query starts from an engine with no pack of the index.
func TestSplitSearch(t *testing.T) {
	open, embedded, files := splitSeeds(t)
	queries := []string{"alibaba", "alibabba cloud", "géant chinois", `"commerce en ligne"`, `"commerce en lignne"`, "chine -alibaba",
		"numériq", "commerce", "xqzw", "le la", "author:Dupont", "date:2020 chine", "ecomrce", "",
		"blanche", "explosion ", "explosion chine", `"blanche"`, "brabche"}
	asked := 0
	for _, q := range queries {
		for _, opt := range []search.Options{{}, {Limit: 3, Sort: "date"}, {AsTyped: true, Explain: true}} {
			got, packs := searchSplit(t, open(), files, q, opt)
			asked += len(packs)
			want, err := embedded.Search(q, opt)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := string(engine.JSON(got)), string(engine.JSON(want)); a != b {
				t.Errorf("%q %+v: split\n%s\nembedded\n%s", q, opt, a, b)
			}
		}
	}
	if asked == 0 {
		t.Error("no search asked for a pack of the index")
	}
	// Once a query's packs are there, it asks for none.
	split := open()
	searchSplit(t, split, files, "alibabba cloud", search.Options{})
	if _, packs := searchSplit(t, split, files, "alibabba cloud", search.Options{}); len(packs) != 0 {
		t.Errorf("asked again for %v", packs)
	}
	// The packs list names the index's packs after the texts'.
	list := string(engine.JSON(split.Packs()))
	if n := strings.Count(list, `"kind":"index"`); n != split.Index().NumChunks()+1 {
		t.Errorf("%d index packs listed, %d chunks and the lexicon", n, split.Index().NumChunks())
	}
	if n := strings.Count(list, `"kind":"text"`); n != split.Index().NumPacks() {
		t.Errorf("%d text packs listed, %d packs", n, split.Index().NumPacks())
	}
}

// TestSplitBadChunk checks that a pack of the index that fails is an
// error for the queries that need it, naming it, while other queries keep
// working.
func TestSplitBadChunk(t *testing.T) {
	open, embedded, files := splitSeeds(t)
	split := open()
	_, err := split.Search("alibaba", search.Options{})
	var nl *engine.NotLoadedError
	if !errors.As(err, &nl) {
		t.Fatalf("error %v", err)
	}
	bad := nl.Packs[0]
	data := string(files[bad].Data)
	for _, c := range []struct{ name, data, want string }{
		{"truncated", data[:len(data)/2], "truncated"},
		{"wrong hash", data[:len(data)-1] + "\x00", "wrong content hash"},
		{"404 page", "<!doctype html><title>404 Not Found</title>", ""},
	} {
		err := split.AddPack(bad, c.data)
		if err == nil || !strings.Contains(err.Error(), files[bad].Name) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: AddPack error %v, want one naming %s and saying %q", c.name, err, files[bad].Name, c.want)
		}
	}
	if _, err := split.Search("alibaba", search.Options{}); !errors.As(err, &nl) || !reflect.DeepEqual(nl.Packs[0], bad) {
		t.Errorf("after failed packs: %v", err)
	}
	if _, err := split.SummarizeQuery("alibaba", summary.Options{}); !errors.As(err, &nl) {
		t.Errorf("SummarizeQuery: %v", err)
	}
	// A query that needs other packs works once they are added.
	for _, q := range []string{"cloud", "coronavirus", "réseau"} {
		got, packs := searchSplit(t, split, files, q, search.Options{})
		if len(packs) > 0 && packs[0] == bad {
			continue // shares the bad pack
		}
		want, _ := embedded.Search(q, search.Options{})
		if got.Total != want.Total {
			t.Errorf("%q: %d hits, embedded %d", q, got.Total, want.Total)
		}
	}
}

// TestSplitPendingSnippets checks that a hit whose text pack is not
// loaded says so (Pending, and the pack in its error), and has its
// snippet once the pack is added.
func TestSplitPendingSnippets(t *testing.T) {
	_, embedded, _ := splitSeeds(t)
	// Its index written again with Split: the same packs, none added.
	blob, files, err := embedded.Index().Marshal(index.MarshalOptions{Split: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.Open(blob)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := searchSplit(t, e, files, "alibaba", search.Options{})
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		if !h.Pending || h.Snippet != "" || !strings.Contains(h.SnippetError, "not loaded") || !strings.Contains(h.SnippetError, files[h.Pack].Name) {
			t.Errorf("%s before its pack: pending %v, snippet %q, error %q", h.ID, h.Pending, h.Snippet, h.SnippetError)
		}
		if err := e.AddPack(h.Pack, string(files[h.Pack].Data)); err != nil {
			t.Fatal(err)
		}
	}
	r, _ = searchSplit(t, e, files, "alibaba", search.Options{})
	for _, h := range r.Hits {
		if h.Pending || h.Snippet == "" || h.SnippetError != "" {
			t.Errorf("%s after its pack: pending %v, snippet %q, error %q", h.ID, h.Pending, h.Snippet, h.SnippetError)
		}
	}
}

// TestSplitLexicon checks that a split engine fetches its lexicon (the
// terms' occurrences and display forms) only for what reads it: the
// completions of a word being typed, and a query with a did-you-mean;
// a query without one never asks for it. Once added, both answer as the
// embedded engine does.
func TestSplitLexicon(t *testing.T) {
	open, embedded, files := splitSeeds(t)
	split := open()
	lex := split.Index().LexiconPack()
	if lex != len(files)-1 || files[lex].Name != split.Index().LexiconName() {
		t.Fatalf("lexicon: pack %d named %q, want the last file of %d, %q", lex, split.Index().LexiconName(), len(files), files[len(files)-1].Name)
	}
	for _, q := range []string{"alibaba", "géant chinois", "numériq", `"commerce en ligne"`} {
		if _, packs := searchSplit(t, split, files, q, search.Options{}); slices.Contains(packs, lex) {
			t.Errorf("%q, with no did-you-mean, asked for the lexicon", q)
		}
	}
	if list := string(engine.JSON(split.Packs())); !strings.Contains(list, `{"name":"`+files[lex].Name+`","size":`+strconv.Itoa(len(files[lex].Data))+`,"loaded":false,"kind":"index"}`) {
		t.Errorf("the packs list does not name the lexicon, not loaded: %s", list)
	}
	s, err := split.Suggest("comm", 5)
	var nl *engine.NotLoadedError
	if !errors.As(err, &nl) || !errors.Is(err, index.ErrNotLoaded) || !slices.Equal(nl.Packs, []int{lex}) || !strings.Contains(err.Error(), files[lex].Name) {
		t.Fatalf("Suggest without the lexicon = %v, %v; want an error naming pack %d (%s)", s, err, lex, files[lex].Name)
	}
	if _, packs := searchSplit(t, split, files, "alibabba cloud", search.Options{}); !slices.Contains(packs, lex) {
		t.Errorf("a query with a did-you-mean did not ask for the lexicon: %v", packs)
	}
	for _, p := range []string{"comm", "chi", "num", "g"} {
		got, err := split.Suggest(p, 5)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := embedded.Suggest(p, 5)
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("Suggest(%q) = %q, embedded %q", p, got, want)
		}
	}
	if list := string(engine.JSON(split.Packs())); !strings.Contains(list, `"loaded":true,"kind":"index"}]`) {
		t.Errorf("the packs list does not say the lexicon is loaded: %s", list[max(0, len(list)-200):])
	}
	if err := split.AddPack(lex, string(files[lex].Data[1:])); err == nil || !strings.Contains(err.Error(), files[lex].Name) {
		t.Errorf("a truncated lexicon: error %v, want one naming %s", err, files[lex].Name)
	}
}
