package index_test

import (
	"errors"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// splitSeeds writes the seed index with small packs, apart, and decodes
// the blob, adding its chunks of postings: an index whose texts are all
// still to be added. It returns the packs' files.
func splitSeeds(t *testing.T) (*index.Index, *index.Index, []index.PackFile) {
	t.Helper()
	ix, _ := seedIndex(t)
	blob, files, err := ix.Marshal(index.MarshalOptions{PackBytes: 1, Split: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	if got.NumPacks() != len(ix.Docs) || len(files) != got.NumPacks()+got.NumChunks()+got.NumParts()+1 {
		t.Fatalf("%d packs of 1 byte for %d documents, %d chunks, %d parts, %d files", got.NumPacks(), len(ix.Docs), got.NumChunks(), got.NumParts(), len(files))
	}
	for c := 0; c < got.NumChunks(); c++ {
		if err := got.AddChunk(c, string(files[got.NumPacks()+c].Data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := got.AddLexicon(string(files[got.LexiconPack()].Data)); err != nil {
		t.Fatal(err)
	}
	return ix, got, files[:got.NumPacks()]
}

func TestSplit(t *testing.T) {
	ix, got, files := splitSeeds(t)
	if got.NumPacks() != len(files) {
		t.Fatalf("%d packs in the table, %d files", got.NumPacks(), len(files))
	}
	for p, f := range files {
		if got.PackName(p) != f.Name || got.PackSize(p) != len(f.Data) {
			t.Errorf("pack %d: table says %s, %d bytes; file %s, %d bytes", p, got.PackName(p), got.PackSize(p), f.Name, len(f.Data))
		}
		if first, n := got.PackDocs(p); first != p || n != 1 {
			t.Errorf("pack %d holds documents [%d, %d), want [%d, %d)", p, first, first+n, p, p+1)
		}
		if !strings.HasSuffix(f.Name, ".pack") || len(f.Name) != 21 {
			t.Errorf("pack %d: name %q is not a content hash", p, f.Name)
		}
	}
	if _, n := got.PackDocs(len(files)); n != 0 {
		t.Errorf("pack %d of %d holds %d documents", len(files), len(files), n)
	}
	// Nothing is loaded: metadata and search structures work, texts do not.
	for i := range ix.Docs {
		if got.Docs[i].Title != ix.Docs[i].Title || got.Words(i) != ix.Words(i) {
			t.Errorf("document %d: metadata differ", i)
		}
		_, err := got.Content(i)
		var pe *index.PackError
		if !errors.Is(err, index.ErrNotLoaded) || !errors.As(err, &pe) || pe.Pack != got.PackOf(i) {
			t.Errorf("Content(%d) before its pack: %v", i, err)
		}
	}
	if _, err := got.MarshalBinary(); err == nil {
		t.Error("MarshalBinary of a split index without its packs: no error")
	}
	// Every way a fetched pack can be wrong is an error naming it, and
	// leaves the pack unloaded.
	data := string(files[0].Data)
	flipped := []byte(data)
	flipped[len(flipped)/2] ^= 1
	other := string(files[1].Data)
	for _, c := range []struct {
		name, data, want string
	}{
		{"empty", "", "truncated: 0 bytes"},
		{"truncated", data[:len(data)-1], "truncated"},
		{"longer", data + "x", "bytes, the index says"},
		{"wrong hash", string(flipped), "wrong content hash"},
		{"another pack", other, ""},
		{"html 404 page", "<!doctype html><title>404</title>"[:min(len(data), 33)], ""},
	} {
		err := got.AddPack(0, c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), files[0].Name) {
			t.Errorf("%s: AddPack error %v, want one naming %s and saying %q", c.name, err, files[0].Name, c.want)
		}
		if got.HasPack(0) {
			t.Errorf("%s: the pack counts as loaded", c.name)
		}
	}
	if err := got.AddPack(len(files), data); err == nil {
		t.Error("AddPack beyond the table: no error")
	}
	// Loaded, in parallel: every document whole again.
	var wg sync.WaitGroup
	for p, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := got.AddPack(p, string(f.Data)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range ix.Docs {
		whole, err := got.Content(i)
		if err != nil || !reflect.DeepEqual(whole, ix.Docs[i]) {
			t.Errorf("document %d after its pack: %v", i, err)
		}
	}
	// Once every pack is in, the index writes itself again, embedded.
	if _, err := got.MarshalBinary(); err != nil {
		t.Errorf("MarshalBinary with every pack loaded: %v", err)
	}
}

// TestContentCache reads every document of an embedded index three times:
// packs are decoded again once dropped from the cache.
func TestContentCache(t *testing.T) {
	_, blob := seedIndex(t)
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 3; round++ {
		for i := range ix.Docs {
			if _, err := ix.Content(i); err != nil {
				t.Fatalf("Content(%d): %v", i, err)
			}
		}
	}
	if _, err := ix.Content(len(ix.Docs)); err == nil {
		t.Error("Content beyond the documents: no error")
	}
}

// TestBlockPositions finds every text occurrence of every term by
// tokenizing only the block that ContentPositions says holds it.
func TestBlockPositions(t *testing.T) {
	_, blob := seedIndex(t)
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for k := 0; k < ix.NumTerms(); k++ {
		p := ix.Postings(k)
		for p.Next() {
			d, bpos, err := ix.ContentPositions(p.Doc)
			if err != nil {
				t.Fatal(err)
			}
			if len(bpos) != len(d.Blocks) {
				t.Fatalf("%s: %d block positions for %d blocks", d.ID, len(bpos), len(d.Blocks))
			}
			for _, o := range p.Occurrences(nil) {
				if o.InTitle || len(d.Blocks) == 0 {
					continue
				}
				b := sort.Search(len(bpos), func(i int) bool { return int(bpos[i]) > o.Pos }) - 1
				if b < 0 {
					t.Fatalf("%s: position %d before the first block", d.ID, o.Pos)
				}
				var found []string
				at := int(bpos[b])
				for _, tok := range token.For(d.Lang).Tokens(d.Text[d.Blocks[b].Start:d.Blocks[b].End]) {
					if at == o.Pos {
						found = append(found, tok.Term)
					}
					if !tok.Compound {
						at++
					}
				}
				if !slices.Contains(found, ix.Term(k)) {
					t.Errorf("%s: %q at position %d: block %d has %q there", d.ID, ix.Term(k), o.Pos, b, found)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d occurrences checked", checked)
	}
}

// TestAnnotationsRoundTrip: the compact forms of a pack (blocks against
// the lines of the text, sentences against the blocks, shared keywords as
// numbers, entity kinds as numbers) give back every annotation as it was, including those the
// compact forms do not cover.
func TestAnnotationsRoundTrip(t *testing.T) {
	text := "Titre\n\nUne phrase. Deux phrases ici.\n\nUn bloc entier.\n\nFin"
	b := func(s, e int, k corpus.BlockKind) corpus.Block {
		return corpus.Block{Span: corpus.Span{Start: s, End: e}, Kind: k}
	}
	sp := func(s, e int) corpus.Span { return corpus.Span{Start: s, End: e} }
	docs := []*corpus.Document{
		{
			ID: "a", Path: "a.txt", Lang: "fr", Text: text,
			Blocks: []corpus.Block{b(0, 5, corpus.Title), b(7, 36, corpus.Paragraph), b(38, 53, corpus.Paragraph), b(55, 58, corpus.BlockKind(200))},
			Sentences: []corpus.Span{
				sp(0, 5),   // the next block
				sp(7, 18),  // starts the next block
				sp(19, 36), // inside it
				sp(38, 53), // the next block again
				sp(56, 58), // inside the last block
				sp(10, 12), // backwards, after the last block
				sp(58, 58), // empty, at the end
			},
			Keywords: []corpus.Keyword{{Text: "phrase", Score: 0.9}, {Text: "bloc", Score: 0.5}},
			Entities: []corpus.Entity{
				{Name: "Titre", Kind: corpus.Person, Count: 1, Variants: []string{}},
				{Name: "Fin", Kind: "ville", Count: 2},
				{Name: "Un", Kind: corpus.OtherEntity, Count: 1, Variants: []string{"un"}},
			},
			Related: []corpus.Related{
				{ID: "b", Score: 0.25, Shared: []string{"bloc", "absent", "phrase"}},
				{ID: "ailleurs", Score: 0.125, Shared: []string{}},
				{ID: "b", Score: 0.1},
			},
		},
		{ID: "b", Path: "b.txt", Lang: "fr", Text: "Sans blocs. Deux.", Sentences: []corpus.Span{sp(0, 11), sp(12, 17)}},
		{ID: "c", Path: "c.txt", Lang: "fr", Text: "", Blocks: []corpus.Block{}, Sentences: []corpus.Span{}},
	}
	// Blocks of every form: a line after spaces, lines after spaces,
	// one that starts past a word, one that starts before the end of the
	// one before, one empty at the end of the text.
	lines := "  Une ligne\nsuite du bloc\n\n\tDeux\n  x  Trois\n"
	at := func(s string) int { return strings.Index(lines, s) }
	docs = append(docs, &corpus.Document{ID: "d", Path: "d.txt", Lang: "fr", Text: lines, Blocks: []corpus.Block{
		b(at("Une"), at("\nsuite"), corpus.Heading),
		b(at("suite"), at("\n  x"), corpus.Paragraph),
		b(at("Trois"), at("Trois")+5, corpus.Boilerplate),
		b(at("Trois")+1, at("Trois")+3, corpus.Paragraph),
		b(len(lines), len(lines), corpus.Meta),
	}})
	ix := index.Build(docs, corpus.Overview{Entities: docs[0].Entities})
	for _, split := range []bool{false, true} {
		blob, files, err := ix.Marshal(index.MarshalOptions{PackBytes: 1, Split: split})
		if err != nil {
			t.Fatal(err)
		}
		got, err := index.Decode(blob)
		if err != nil {
			t.Fatal(err)
		}
		for p := 0; split && p < got.NumPacks(); p++ {
			if err := got.AddPack(p, string(files[p].Data)); err != nil {
				t.Fatal(err)
			}
		}
		for i, want := range docs {
			doc, err := got.Content(i)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(doc.Blocks, want.Blocks) || !reflect.DeepEqual(doc.Sentences, want.Sentences) ||
				!reflect.DeepEqual(doc.Keywords, want.Keywords) || !reflect.DeepEqual(doc.Entities, want.Entities) ||
				!reflect.DeepEqual(doc.Related, want.Related) {
				t.Errorf("split %v, document %s differs after the round trip:\n got %+v\nwant %+v", split, want.ID, doc, want)
			}
		}
		if !reflect.DeepEqual(got.Overview.Entities, docs[0].Entities) {
			t.Errorf("overview entities: got %+v", got.Overview.Entities)
		}
	}
}

// TestDefaultPackBytes: by default, the packs of a split index (files
// fetched one by one) are smaller than those it embeds.
func TestDefaultPackBytes(t *testing.T) {
	ix, _ := seedIndex(t)
	count := func(split bool) int {
		blob, _, err := ix.Marshal(index.MarshalOptions{Split: split})
		if err != nil {
			t.Fatal(err)
		}
		got, err := index.Decode(blob)
		if err != nil {
			t.Fatal(err)
		}
		return got.NumPacks()
	}
	if s, e := count(true), count(false); s <= e {
		t.Errorf("%d packs split, %d embedded, for %d documents: want fewer embedded", s, e, len(ix.Docs))
	}
}

// TestContentCacheBounds reads every document of indexes of many packs,
// twice: the packs kept decoded stay within their bounds, in number (one
// document a pack) and in bytes (large packs), and every text read is
// right.
func TestContentCacheBounds(t *testing.T) {
	seed, _ := seedIndex(t)
	var docs []*corpus.Document
	for k := 0; len(docs) < 1300; k++ {
		for i := range seed.Docs {
			d, err := seed.Content(i)
			if err != nil {
				t.Fatal(err)
			}
			c := *d
			c.ID, c.Path = d.ID+"-"+strconv.Itoa(k), strconv.Itoa(k)+"/"+d.Path
			docs = append(docs, &c)
		}
	}
	built := index.Build(docs, corpus.Overview{})
	for _, tc := range []struct {
		packBytes int
		bound     string
	}{{1, "count"}, {24 << 10, "bytes"}} {
		blob, _, err := built.Marshal(index.MarshalOptions{PackBytes: tc.packBytes})
		if err != nil {
			t.Fatal(err)
		}
		ix, err := index.Decode(blob)
		if err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 2; round++ {
			for i := range ix.Docs {
				d, err := ix.Content(i)
				if err != nil {
					t.Fatalf("Content(%d): %v", i, err)
				}
				if d.Text != docs[i].Text {
					t.Fatalf("packs of %d bytes: document %d's text differs", tc.packBytes, i)
				}
				n, size, ok := ix.DecodedPacks()
				if !ok || n > index.MaxDecodedPacks || n > 1 && size > index.MaxDecodedBytes {
					t.Fatalf("packs of %d bytes, after document %d: %d packs of %d bytes kept decoded (consistent: %v)", tc.packBytes, i, n, size, ok)
				}
			}
		}
		n, size, _ := ix.DecodedPacks()
		switch {
		case tc.bound == "count" && n != index.MaxDecodedPacks:
			t.Errorf("packs of one document: %d kept decoded, want %d", n, index.MaxDecodedPacks)
		case tc.bound == "bytes" && (n >= index.MaxDecodedPacks || size < index.MaxDecodedBytes/2):
			t.Errorf("packs of %d bytes: %d packs of %d bytes kept decoded, want them bound by bytes", tc.packBytes, n, size)
		}
		t.Logf("packs of %d bytes: %d packs, %d of them kept decoded (%d bytes)", tc.packBytes, ix.NumPacks(), n, size)
	}
}

// TestPartsOfLines cuts a document of many one-line blocks, each written
// in a byte or two, into parts: every part decodes, with the blocks and
// text of the whole document from its offset on.
func TestPartsOfLines(t *testing.T) {
	var text strings.Builder
	var blocks []corpus.Block
	for i := 0; text.Len() < 6000; i++ {
		start := text.Len()
		text.WriteString("ligne " + strings.Repeat("mot ", i%5) + "fin")
		blocks = append(blocks, corpus.Block{Span: corpus.Span{Start: start, End: text.Len()}, Kind: corpus.Paragraph})
		text.WriteString("\n")
	}
	doc := &corpus.Document{ID: "l", Path: "l.txt", Lang: "fr", Text: text.String(), Blocks: blocks}
	blob, files, err := index.Build([]*corpus.Document{doc}, corpus.Overview{}).Marshal(index.MarshalOptions{PartBytes: 1000, Split: true})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	first := ix.NumPacks() + ix.NumChunks()
	if ix.NumParts() < 3 {
		t.Fatalf("%d parts", ix.NumParts())
	}
	for k := 0; k < ix.NumParts(); k++ {
		if err := ix.AddPart(k, string(files[first+k].Data)); err != nil {
			t.Fatalf("part %d: %v", k, err)
		}
	}
	for p := 0; p < 2000; p += 100 {
		part, _, off, err := ix.Part(0, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range part.Blocks {
			if b.End > len(part.Text) || part.Text[b.Start:b.End] != doc.Text[off+b.Start:off+b.End] {
				t.Fatalf("position %d: block %v of the part at %d is not the document's", p, b, off)
			}
		}
	}
}

func TestSetHeldMax(t *testing.T) {
	ix, got, files := splitSeeds(t)
	// Room for the two largest packs: adding them all drops the first.
	sizes := make([]int, len(files))
	for p, f := range files {
		sizes[p] = len(f.Data)
	}
	sorted := slices.Sorted(slices.Values(sizes))
	max := sorted[len(sorted)-1] + sorted[len(sorted)-2]
	got.SetHeldMax(max)
	held := func() (n, bytes int) {
		for p := range files {
			if got.HasPack(p) {
				n++
				bytes += sizes[p]
			}
		}
		return n, bytes
	}
	for p, f := range files {
		if err := got.AddPack(p, string(f.Data)); err != nil {
			t.Fatal(err)
		}
		if !got.HasPack(p) {
			t.Errorf("pack %d dropped as it was added", p)
		}
		if n, b := held(); b > max && n > 1 {
			t.Errorf("after pack %d: %d packs of %d bytes held, the bound is %d", p, n, b, max)
		}
	}
	if got.HasPack(0) {
		t.Errorf("pack 0 still held after %d packs added within %d bytes", len(files), max)
	}
	// The decoded packs are bounded as low: a dropped pack's documents
	// are not kept decoded beyond the bound, but fetched again.
	first, _ := got.PackDocs(0)
	if _, err := got.Content(first); !errors.Is(err, index.ErrNotLoaded) {
		t.Errorf("document %d of dropped pack 0: %v, want %v (decoded beyond the bound)", first, err, index.ErrNotLoaded)
	}
	// A dropped text is never wrong: whole, or not loaded.
	for i := range ix.Docs {
		d, err := got.Content(i)
		if err != nil && !errors.Is(err, index.ErrNotLoaded) || err == nil && !reflect.DeepEqual(d, ix.Docs[i]) {
			t.Errorf("document %d after its pack was dropped: %v", i, err)
		}
	}
	// Added again, it is held again, and the bound still holds.
	if err := got.AddPack(0, string(files[0].Data)); err != nil || !got.HasPack(0) {
		t.Errorf("pack 0 added again: %v, held %v", err, got.HasPack(0))
	}
	if n, b := held(); b > max && n > 1 {
		t.Errorf("%d packs of %d bytes held, the bound is %d", n, b, max)
	}
	// Without a bound, everything stays.
	_, all, _ := splitSeeds(t)
	for p, f := range files {
		if err := all.AddPack(p, string(f.Data)); err != nil {
			t.Fatal(err)
		}
	}
	for p := range files {
		if !all.HasPack(p) {
			t.Errorf("pack %d dropped without a bound", p)
		}
	}
}
