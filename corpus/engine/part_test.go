package engine_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// TestSplitParts checks that the snippets a split engine makes from the
// parts of long documents, with none of their texts' packs loaded, are
// those the embedded engine makes from the whole texts (text, marks and
// page), for words all along the documents; that a pending hit names the
// part it waits for; and that a damaged part is an error naming it.
func TestSplitParts(t *testing.T) {
	docs, _, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("seeds", func(t *testing.T) { testSplitParts(t, docs) })
	// Boilerplate weighs on the choice of a snippet's passage: with every
	// third block boilerplate, the parts must choose as the whole text.
	docs, _, err = ingest.Dir("..", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		for i := range d.Blocks {
			if i%3 == 1 {
				d.Blocks[i].Kind = corpus.Boilerplate
			}
		}
	}
	t.Run("boilerplate", func(t *testing.T) { testSplitParts(t, docs) })
}

func testSplitParts(t *testing.T, docs []*corpus.Document) {
	ix := index.Build(docs, summary.Annotate(docs))
	opt := index.MarshalOptions{PackBytes: index.DefaultPackBytes, PartBytes: 300, Split: true}
	blob, files, err := ix.Marshal(opt)
	if err != nil {
		t.Fatal(err)
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
	split, err := engine.Open(blob)
	if err != nil {
		t.Fatal(err)
	}
	sx := split.Index()
	first := sx.NumPacks() + sx.NumChunks()
	if sx.NumParts() < 10 || len(files) != first+sx.NumParts()+1 {
		t.Fatalf("%d parts, %d files for %d packs, %d chunks and the lexicon", sx.NumParts(), len(files), sx.NumPacks(), sx.NumChunks())
	}
	for k := 0; k < sx.NumParts(); k++ {
		if got, want := files[first+k].Name, sx.PartName(k); got != want || !strings.HasSuffix(want, ".pack") {
			t.Fatalf("part %d: file %q, the index names %q", k, got, want)
		}
	}
	// Words from all along the documents, one every 11, and pairs of them.
	var queries []string
	for _, d := range docs {
		words := strings.FieldsFunc(d.Text, func(r rune) bool { return !unicode.IsLetter(r) })
		for i := 0; i+1 < len(words); i += 11 {
			if len([]rune(words[i])) > 4 {
				queries = append(queries, words[i], words[i]+" "+words[i+1])
			}
		}
	}
	compared := 0
	for _, q := range queries {
		want, err := embedded.Search(q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := searchSplit(t, split, files, q, search.Options{})
		for _, h := range got.Hits {
			if h.Pending && h.Pack >= first {
				if err := split.AddPack(h.Pack, string(files[h.Pack].Data)); err != nil {
					t.Fatalf("%q: part %d: %v", q, h.Pack, err)
				}
			}
		}
		got, _ = searchSplit(t, split, files, q, search.Options{})
		if len(got.Hits) != len(want.Hits) {
			t.Fatalf("%q: %d hits, embedded %d", q, len(got.Hits), len(want.Hits))
		}
		for i, h := range got.Hits {
			w := want.Hits[i]
			if h.ID != w.ID {
				t.Fatalf("%q: hit %d is %s, embedded %s", q, i, h.ID, w.ID)
			}
			if h.Pending {
				if sx.HasParts(sx.DocNum(h.ID)) || h.Pack != sx.PackOf(sx.DocNum(h.ID)) {
					t.Errorf("%q: %s pending on pack %d", q, h.ID, h.Pack)
				}
				continue
			}
			compared++
			if h.Snippet != w.Snippet || !reflect.DeepEqual(h.SnippetHighlights, w.SnippetHighlights) || h.Page != w.Page || h.Pack != w.Pack {
				t.Errorf("%q: %s from its part:\n%q %v p%d pack %d\nwhole:\n%q %v p%d pack %d", q, h.ID, h.Snippet, h.SnippetHighlights, h.Page, h.Pack, w.Snippet, w.SnippetHighlights, w.Page, w.Pack)
			}
		}
	}
	if compared < 50 {
		t.Errorf("only %d snippets made from parts", compared)
	}
	for p := 0; p < sx.NumPacks(); p++ {
		if sx.HasPack(p) {
			t.Fatalf("text pack %d was loaded", p)
		}
	}

	// A damaged or truncated part is an error naming it; the index keeps
	// working.
	fresh, err := engine.Open(blob)
	if err != nil {
		t.Fatal(err)
	}
	data := files[first].Data
	for _, bad := range []string{string(data[:len(data)-1]), "x" + string(data[1:]), ""} {
		err := fresh.AddPack(first, bad)
		if err == nil || !strings.Contains(err.Error(), sx.PartName(0)) || !strings.Contains(err.Error(), "damaged or truncated") {
			t.Errorf("bad part: %v", err)
		}
	}
	if err := fresh.AddPack(first, string(data)); err != nil {
		t.Fatal(err)
	}
	// The packs list names the parts after the index's packs.
	list := string(engine.JSON(fresh.Packs()))
	if n := strings.Count(list, `"kind":"part"`); n != sx.NumParts() {
		t.Errorf("%d parts listed, the index has %d", n, sx.NumParts())
	}
}
