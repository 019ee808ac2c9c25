package index_test

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/index"
)

// TestChunks checks the postings of an index written with Split: cut by
// term range into chunks, named by their content, absent until added,
// checked when added, and then the same as those of the index built in
// memory.
func TestChunks(t *testing.T) {
	ix, _ := seedIndex(t)
	blob, files, err := ix.Marshal(index.MarshalOptions{Split: true, ChunkBytes: 256})
	if err != nil {
		t.Fatal(err)
	}
	got, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	if got.NumChunks() < 3 {
		t.Fatalf("%d chunks of 256 bytes", got.NumChunks())
	}
	if len(files) != got.NumPacks()+got.NumChunks()+got.NumParts()+1 {
		t.Fatalf("%d files for %d packs, %d chunks, %d parts and the lexicon", len(files), got.NumPacks(), got.NumChunks(), got.NumParts())
	}
	chunks := files[got.NumPacks() : got.NumPacks()+got.NumChunks()]
	last := -1
	all := make([]int, got.NumTerms())
	for i := range all {
		all[i] = i
		c := got.ChunkOf(i)
		if c < last || c > last+1 {
			t.Fatalf("term %d in chunk %d after chunk %d: not cut by term range", i, c, last)
		}
		last = c
		if len(postings(got, i)) != 0 {
			t.Fatalf("term %q has postings before its chunk is added", got.Term(i))
		}
	}
	for c, f := range chunks {
		if got.ChunkName(c) != f.Name || got.ChunkSize(c) != len(f.Data) || got.HasChunk(c) {
			t.Errorf("chunk %d: table says %s, %d bytes, loaded %v; file %s, %d bytes", c, got.ChunkName(c), got.ChunkSize(c), got.HasChunk(c), f.Name, len(f.Data))
		}
		if !strings.HasSuffix(f.Name, ".pack") || len(f.Name) != 21 {
			t.Errorf("chunk %d: name %q is not a content hash", c, f.Name)
		}
	}
	want := []int{got.ChunkOf(all[len(all)-1]), got.ChunkOf(0)}
	slices.Sort(want)
	if m := got.MissingChunks([]int{all[len(all)-1], 0, 0, -1, len(all)}); !reflect.DeepEqual(m, want) {
		t.Errorf("MissingChunks = %v, want %v", m, want)
	}
	if _, err := got.MarshalBinary(); err == nil {
		t.Error("MarshalBinary of a split index without its chunks: no error")
	}

	// Every way a fetched chunk can be wrong is an error naming it, and
	// leaves it unloaded.
	data := string(chunks[0].Data)
	flipped := []byte(data)
	flipped[len(flipped)/2] ^= 1
	for _, c := range []struct {
		name, data, want string
	}{
		{"empty", "", "truncated: 0 bytes"},
		{"truncated", data[:len(data)-1], "truncated"},
		{"longer", data + "x", "bytes, the index says"},
		{"wrong hash", string(flipped), "wrong content hash"},
		{"another chunk", string(chunks[1].Data), ""},
		{"a text pack", string(files[0].Data), ""},
	} {
		err := got.AddChunk(0, c.data)
		var pe *index.PackError
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), chunks[0].Name) || !errors.As(err, &pe) || pe.Pack != got.NumPacks() || !pe.Index ||
			!strings.HasPrefix(err.Error(), "index pack "+strconv.Itoa(got.NumPacks())+" (") {
			t.Errorf("%s: AddChunk error %v, want a PackError naming index pack %d, %s, and saying %q", c.name, err, got.NumPacks(), chunks[0].Name, c.want)
		}
		if got.HasChunk(0) {
			t.Errorf("%s: chunk 0 loaded after a failed AddChunk", c.name)
		}
	}
	if err := got.AddChunk(got.NumChunks(), data); err == nil {
		t.Error("AddChunk of a chunk beyond the table: no error")
	}

	// Once added, the postings are those of the index built in memory.
	for c, f := range chunks {
		if err := got.AddChunk(c, string(f.Data)); err != nil {
			t.Fatal(err)
		}
	}
	if m := got.MissingChunks(all); len(m) != 0 {
		t.Errorf("MissingChunks after adding them all = %v", m)
	}
	for i := range all {
		if a, b := postings(got, i), postings(ix, i); !reflect.DeepEqual(a, b) {
			t.Fatalf("term %q: postings %v, built in memory %v", got.Term(i), a, b)
		}
	}
	// Written again, whole, it is the embedded index, byte for byte.
	for p, f := range files[:got.NumPacks()] {
		if err := got.AddPack(p, string(f.Data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := got.MarshalBinary(); err == nil || !strings.Contains(err.Error(), "lexicon") {
		t.Errorf("written again without its lexicon: error %v", err)
	}
	if err := got.AddLexicon(string(files[len(files)-1].Data)); err != nil {
		t.Fatal(err)
	}
	again, err := got.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	embedded, _, err := ix.Marshal(index.MarshalOptions{ChunkBytes: 256, PackBytes: index.DefaultPackBytes})
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(embedded) {
		t.Error("a split index with every pack and chunk added, written again, differs from the embedded index")
	}
}

// TestChunksEmbedded checks that an embedded index has its postings in
// one chunk, at hand, and keeps no file names (its packs neither); written
// again with Split, a decoded embedded index cuts its postings into
// chunks and names its files by their hashes, and an index decoded from
// the split blob takes them.
func TestChunksEmbedded(t *testing.T) {
	ix, blob := seedIndex(t)
	got, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	const none = "0000000000000000.pack"
	if got.NumChunks() != 1 || got.ChunkName(0) != none || got.PackName(0) != none {
		t.Fatalf("embedded: %d chunks, chunk 0 named %q, pack 0 %q; want 1 chunk and no names", got.NumChunks(), got.ChunkName(0), got.PackName(0))
	}
	split, files, err := got.Marshal(index.MarshalOptions{Split: true})
	if err != nil {
		t.Fatal(err)
	}
	again, err := index.Decode(split)
	if err != nil {
		t.Fatal(err)
	}
	if again.NumChunks() < 2 {
		t.Fatalf("written with Split, the postings of a decoded embedded index are %d chunk", again.NumChunks())
	}
	for p := 0; p < again.NumPacks(); p++ {
		if files[p].Name != again.PackName(p) || again.AddPack(p, string(files[p].Data)) != nil {
			t.Fatalf("pack %d: file %s, named %s in the split index", p, files[p].Name, again.PackName(p))
		}
	}
	if c := again.NumPacks(); files[c].Name != again.ChunkName(0) || again.AddChunk(0, string(files[c].Data)) != nil {
		t.Fatalf("chunk 0: file %s, named %s in the split index", files[c].Name, again.ChunkName(0))
	}
	for c := 0; c < got.NumChunks(); c++ {
		if !got.HasChunk(c) {
			t.Errorf("chunk %d of an embedded index not at hand", c)
		}
	}
	for i := 0; i < ix.NumTerms(); i++ {
		if a, b := postings(got, i), postings(ix, i); !reflect.DeepEqual(a, b) {
			t.Fatalf("term %q: postings %v, built in memory %v", got.Term(i), a, b)
		}
	}
	if ix.ChunkOf(0) != -1 || ix.NumChunks() != 0 {
		t.Error("an index built in memory has chunks")
	}
}
