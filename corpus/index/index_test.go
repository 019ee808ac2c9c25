package index_test

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/summary"
	"github.com/corpus-explorer/explorer/corpus/token"
)

var seeds struct {
	once sync.Once
	ix   *index.Index
	blob []byte
	err  error
}

// seedIndex builds the index of the seed corpus (the text files of package
// corpus) as `explorer build` does.
func seedIndex(t testing.TB) (*index.Index, []byte) {
	t.Helper()
	seeds.once.Do(func() {
		docs, _, err := ingest.Dir("../../corpus", ingest.Options{})
		if err != nil {
			seeds.err = err
			return
		}
		docs = append(docs, synthetic()...)
		ov := summary.Annotate(docs)
		seeds.ix = index.Build(docs, ov)
		seeds.blob, seeds.err = seeds.ix.MarshalBinary()
	})
	if seeds.err != nil {
		t.Fatal(seeds.err)
	}
	return seeds.ix, seeds.blob
}

// synthetic returns documents with every field set, nil and empty lists,
// accents and non-BMP text.
func synthetic() []*corpus.Document {
	text := "Électronique 😀 numérique\n\nLe cœur de l’économie: «e-commerce» à Hangzhou 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.\n\nPartager sur Twitter"
	return []*corpus.Document{{
		ID: "zz/synthétique 1", Path: "zz/synthétique 1.md", Title: "Électronique 😀 numérique",
		Date: "2021-03-04", Author: "Zoé Ärger", Lang: "fr", Encoding: "windows-1252",
		Repairs: 3, InvalidBytes: 2, Warnings: []string{"legacy charset", ""},
		Section: "Économie", Tags: []string{"e-commerce", "Chine"}, Pages: []int{0, 29, 29, 60},
		Text: text,
		Blocks: []corpus.Block{
			{Span: corpus.Span{Start: 0, End: 29}, Kind: corpus.Title},
			{Span: corpus.Span{Start: 31, End: strings.Index(text, "\n\nPartager")}, Kind: corpus.Paragraph},
			{Span: corpus.Span{Start: strings.Index(text, "Partager"), End: len(text)}, Kind: corpus.Boilerplate},
		},
		Sentences: []corpus.Span{{Start: 31, End: strings.Index(text, "\n\nPartager")}},
		Keywords:  []corpus.Keyword{{Text: "e-commerce", Score: 1.5}, {Text: "cœur", Score: -0.25}},
		Entities:  []corpus.Entity{{Name: "Hangzhou", Kind: corpus.Place, Count: 1, Variants: []string{}}, {Name: "Zoé", Kind: corpus.Person, Count: 2}},
		Related:   []corpus.Related{{ID: "zz/b", Score: 0.5, Shared: []string{"cœur"}}},
	}, {
		ID: "zz/b", Path: "zz/b.txt", TitleDerived: true, Lang: "en",
		Warnings: []string{}, Blocks: []corpus.Block{}, Sentences: []corpus.Span{}, Keywords: []corpus.Keyword{},
	}}
}

func TestRoundTrip(t *testing.T) {
	ix, blob := seedIndex(t)
	got, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Docs) != len(ix.Docs) {
		t.Fatalf("decoded %d documents, built %d", len(got.Docs), len(ix.Docs))
	}
	for i := range ix.Docs {
		whole, err := got.Content(i)
		if err != nil {
			t.Fatalf("Content(%d): %v", i, err)
		}
		if !reflect.DeepEqual(whole, ix.Docs[i]) {
			t.Errorf("document %d (%s) differs after the round trip:\n got %#v\nwant %#v", i, ix.Docs[i].ID, whole, ix.Docs[i])
		}
		if got.Docs[i].Text != "" || got.Docs[i].Sentences != nil || got.Docs[i].Keywords != nil || got.Docs[i].Related != nil {
			t.Errorf("document %d (%s): the metadata holds its text or annotations", i, ix.Docs[i].ID)
		}
		if got.Words(i) != ix.Docs[i].Words() || got.Words(i) != ix.Words(i) {
			t.Errorf("document %d (%s): %d words, want %d", i, ix.Docs[i].ID, got.Words(i), ix.Docs[i].Words())
		}
		if got.Doc(ix.Docs[i].ID) != got.Docs[i] {
			t.Errorf("Doc(%q) does not find document %d", ix.Docs[i].ID, i)
		}
	}
	if !reflect.DeepEqual(got.Overview, ix.Overview) {
		t.Errorf("overview differs:\n got %#v\nwant %#v", got.Overview, ix.Overview)
	}
	if !reflect.DeepEqual(got.Terms(), ix.Terms()) {
		t.Errorf("vocabulary differs")
	}
	for i := 0; i < ix.NumTerms(); i++ {
		if got.DocFreq(i) != ix.DocFreq(i) || got.Freq(i) != ix.Freq(i) || got.Display(i) != ix.Display(i) {
			t.Errorf("term %q: df/cf/display differ", ix.Term(i))
		}
		if !reflect.DeepEqual(postings(got, i), postings(ix, i)) {
			t.Errorf("term %q: postings differ", ix.Term(i))
		}
		// The stems: every prefix of the term, and its stems.
		term := ix.Term(i)
		stems := []string{token.For("fr").Stem(term), token.For("en").Stem(term)}
		for k := 1; k <= len(term); k++ {
			stems = append(stems, term[:k])
		}
		for _, st := range stems {
			if a, b := got.StemTerms(st), ix.StemTerms(st); !slices.Equal(a, b) {
				t.Errorf("StemTerms(%q) = %v, built %v", st, a, b)
			}
		}
	}
	again, err := got.MarshalBinary()
	if err != nil || string(again) != string(blob) {
		t.Errorf("re-encoding the decoded index gives a different blob (err %v)", err)
	}
	// An empty corpus round-trips too.
	empty, _ := index.Build(nil, corpus.Overview{}).MarshalBinary()
	if e, err := index.Decode(empty); err != nil || len(e.Docs) != 0 || e.NumTerms() != 0 {
		t.Errorf("empty index: %v", err)
	}
}

// termsAt returns the terms of the tokens at word position pos of d's
// title or text, positions counted as the index counts them: a compound at
// the position of its first part, a block index.BlockGap positions after
// the one before.
func termsAt(d *corpus.Document, inTitle bool, pos int) []string {
	src := d.Text
	if inTitle {
		src = d.Title
	}
	var out []string
	p, last, bi := 0, 0, 0
	for _, tok := range token.For(d.Lang).Tokens(src) {
		if !inTitle {
			for bi < len(d.Blocks) && d.Blocks[bi].End <= tok.Start {
				bi++
			}
			if bi != last && p > 0 {
				p += index.BlockGap
			}
			last = bi
		}
		if p == pos {
			out = append(out, tok.Term)
		}
		if !tok.Compound {
			p++
		}
	}
	return out
}

type posting struct {
	Doc int
	TF  [index.NumFields]int
	Occ []index.Occurrence
}

func postings(ix *index.Index, t int) []posting {
	var out []posting
	p := ix.Postings(t)
	for p.Next() {
		out = append(out, posting{p.Doc, p.TF, p.Occurrences(nil)})
	}
	return out
}

// TestPostings checks that every occurrence of every term is a word of the
// document that folds to the term, and that the field frequencies add up.
func TestPostings(t *testing.T) {
	ix, _ := seedIndex(t)
	total := 0
	for i := 0; i < ix.NumTerms(); i++ {
		term := ix.Term(i)
		ps := postings(ix, i)
		if len(ps) != ix.DocFreq(i) {
			t.Errorf("term %q: %d postings, df %d", term, len(ps), ix.DocFreq(i))
		}
		cf := 0
		for _, p := range ps {
			d := ix.Docs[p.Doc]
			n := 0
			for _, f := range p.TF {
				n += f
			}
			cf += n
			if len(p.Occ) != n {
				t.Errorf("term %q in %s: %d occurrences, frequencies add to %d", term, d.ID, len(p.Occ), n)
			}
			for _, o := range p.Occ {
				if got := termsAt(d, o.InTitle, o.Pos); !slices.Contains(got, term) {
					t.Errorf("term %q in %s: occurrence at word %d (in title: %v) is %q", term, d.ID, o.Pos, o.InTitle, got)
				}
			}
		}
		if cf != ix.Freq(i) {
			t.Errorf("term %q: frequencies add to %d, cf %d", term, cf, ix.Freq(i))
		}
		total += cf
	}
	if total == 0 {
		t.Fatal("no postings at all")
	}
	if id := ix.Lookup("hangzhou"); id < 0 {
		t.Errorf("Lookup(hangzhou) = -1")
	}
	if lo, hi := ix.PrefixRange("numer"); hi <= lo {
		t.Errorf("PrefixRange(numer) is empty")
	}
	if id := ix.Lookup("numerique"); id < 0 || ix.Display(id) != "numérique" {
		t.Errorf("Display(numerique) = %q", ix.Display(id))
	}
}

// TestPostingsSkipping checks that the occurrences of a document are the
// same whether or not those of the documents before it were read (a
// search reads them only for its best candidates), and when read twice.
func TestPostingsSkipping(t *testing.T) {
	ix, blob := seedIndex(t)
	dx, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	for _, ix := range []*index.Index{ix, dx} {
		for i := 0; i < ix.NumTerms(); i++ {
			all := postings(ix, i)
			for step := 2; step <= 3; step++ {
				p := ix.Postings(i)
				for k := 0; p.Next(); k++ {
					if p.Doc != all[k].Doc || p.TF != all[k].TF {
						t.Fatalf("term %q, posting %d: document %d %v, want %d %v", ix.Term(i), k, p.Doc, p.TF, all[k].Doc, all[k].TF)
					}
					if k%step != step-1 {
						continue
					}
					for range 2 {
						if got := p.Occurrences(nil); !slices.Equal(got, all[k].Occ) {
							t.Fatalf("term %q in document %d, reading every %d: %v, want %v", ix.Term(i), p.Doc, step, got, all[k].Occ)
						}
					}
				}
			}
		}
	}
}

// TestOccurrencesAt reads every term's postings once to the end, marking
// each document (and reading the occurrences of some on the way), then
// reads the occurrences of every second, every third document... from
// their marks, in order and then backwards.
func TestOccurrencesAt(t *testing.T) {
	ix, blob := seedIndex(t)
	dx, err := index.Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	for _, ix := range []*index.Index{ix, dx} {
		for i := 0; i < ix.NumTerms(); i++ {
			all := postings(ix, i)
			for read := 0; read <= 3; read++ {
				p := ix.Postings(i)
				var marks []index.Mark
				for k := 0; p.Next(); k++ {
					marks = append(marks, p.Mark())
					if read > 0 && k%(read+1) == read {
						p.Occurrences(nil)
					}
				}
				if len(marks) != len(all) {
					t.Fatalf("term %q: %d marks, %d postings", ix.Term(i), len(marks), len(all))
				}
				check := func(k int) {
					if int(marks[k].Doc) != all[k].Doc {
						t.Fatalf("term %q, mark %d: document %d, want %d", ix.Term(i), k, marks[k].Doc, all[k].Doc)
					}
					if got := p.OccurrencesAt(marks[k], nil); !slices.Equal(got, all[k].Occ) {
						t.Fatalf("term %q in document %d (reading every %d on the way): %v, want %v", ix.Term(i), all[k].Doc, read+1, got, all[k].Occ)
					}
				}
				for step := 1; step <= 3; step++ {
					for k := step - 1; k < len(marks); k += step {
						check(k)
					}
				}
				for k := len(marks) - 1; k >= 0; k-- {
					check(k)
				}
			}
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	_, blob := seedIndex(t)
	withVersion := func(v byte) []byte {
		b := append([]byte(nil), blob...)
		b[8] = v
		return b
	}
	flipped := append([]byte(nil), blob...)
	flipped[len(flipped)/2] ^= 0x40
	for _, c := range []struct {
		name string
		blob []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"gob", []byte("\x0f\xff\x81\x03\x01\x01\x05Index"), "bad magic"},
		{"short header", blob[:12], "truncated header"},
		{"old version", withVersion(0), "format version 0, this engine reads 11: rebuild the index"},
		{"new version", withVersion(12), "format version 12"},
		{"truncated", blob[:len(blob)-1], "truncated"},
		{"trailing", append(append([]byte(nil), blob...), 0), "trailing bytes"},
		{"flipped", flipped, "checksum mismatch"},
	} {
		_, err := index.Decode(c.blob)
		if c.name != "flipped" {
			// DecodeEmbedded checks all but the checksum the same way.
			if _, err2 := index.DecodeEmbedded(string(c.blob)); err2 == nil || err2.Error() != errString(err) {
				t.Errorf("%s: DecodeEmbedded: got error %v, want %v", c.name, err2, err)
			}
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// TestDecodeEmbedded: the blob embedded in the module is decoded without
// its checksum, to the same index; a damaged checksum is not read.
func TestDecodeEmbedded(t *testing.T) {
	want, blob := seedIndex(t)
	b := append([]byte(nil), blob...)
	b[20] ^= 0xff // the stored checksum
	if _, err := index.Decode(b); err == nil || !strings.Contains(err.Error(), "checksum mismatch") {
		t.Fatalf("Decode with a wrong checksum: %v, want a checksum mismatch", err)
	}
	ix, err := index.DecodeEmbedded(string(b))
	if err != nil {
		t.Fatal(err)
	}
	again, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, blob) {
		t.Errorf("DecodeEmbedded then MarshalBinary: %d bytes differ from the blob's %d", len(again), len(blob))
	}
	if ix.NumTerms() != want.NumTerms() || len(ix.Docs) != len(want.Docs) {
		t.Errorf("DecodeEmbedded: %d terms, %d documents, want %d, %d", ix.NumTerms(), len(ix.Docs), want.NumTerms(), len(want.Docs))
	}
}

// fixChecksum rewrites the header of a damaged blob so that the damage
// gets past the checksum and reaches the section decoders.
func fixChecksum(b []byte) {
	if len(b) < 24 {
		return
	}
	n := uint64(len(b) - 24)
	put := func(p []byte, v uint32) { p[0], p[1], p[2], p[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24) }
	put(b[12:], uint32(n))
	put(b[16:], uint32(n>>32))
	put(b[20:], crc32.ChecksumIEEE(b[24:]))
}

// TestCorruption decodes every truncation of the blob and blobs with
// bytes flipped all along, their checksum fixed so that the damage
// reaches the decoder: each is an error or a usable index, never a panic.
func TestCorruption(t *testing.T) {
	_, blob := seedIndex(t)
	// Every length near the ends (the header, the first documents, the
	// last postings), a spread in between.
	for n := 0; n < len(blob); n++ {
		if n > 4096 && n < len(blob)-4096 && n%61 != 0 {
			continue
		}
		if _, err := index.Decode(blob[:n]); err == nil {
			t.Fatalf("truncated to %d bytes of %d: no error", n, len(blob))
		}
		if n > 24 && n%7 == 0 {
			b := append([]byte(nil), blob[:n]...)
			fixChecksum(b)
			if _, err := index.Decode(b); err == nil {
				t.Fatalf("truncated to %d bytes with a fixed checksum: no error", n)
			}
		}
	}
	b := make([]byte, len(blob))
	step := max(1, len(blob)/3000)
	for i := 24; i < len(blob); i += step {
		copy(b, blob)
		b[i] ^= byte(1 << (i % 8))
		if _, err := index.Decode(b); err == nil {
			t.Fatalf("byte %d flipped: no error", i)
		}
		fixChecksum(b)
		if ix, err := index.Decode(b); err == nil {
			exercise(ix)
		}
	}
}

// exercise reads everything of an index, as a search would.
func exercise(ix *index.Index) {
	for i := 0; i < ix.NumTerms(); i++ {
		p := ix.Postings(i)
		var occ []index.Occurrence
		for k := 0; p.Next(); k++ {
			if k%3 != 1 {
				p.Occurrences(occ[:0])
			}
		}
		ix.Display(i)
		ix.StemTerms(ix.Term(i))
	}
	for i := range ix.Docs {
		d, err := ix.Content(i)
		if err != nil {
			continue
		}
		for _, b := range d.Blocks {
			_ = d.Text[b.Start:b.End]
		}
		for i := range d.Sentences {
			d.SentenceText(i)
		}
	}
}

func FuzzDecode(f *testing.F) {
	_, blob := seedIndex(f)
	f.Add(blob, uint16(0), false)
	f.Add(blob[:100], uint16(3), true)
	f.Add([]byte("CXINDEX\x00"), uint16(0), true)
	f.Fuzz(func(t *testing.T, b []byte, cut uint16, fix bool) {
		if int(cut) < len(b) && cut > 0 {
			b = b[:len(b)-int(cut)]
		}
		if fix {
			fixChecksum(b)
		}
		ix, err := index.Decode(b)
		if err != nil {
			if ix != nil {
				t.Fatal("an error and an index")
			}
			if !strings.HasPrefix(err.Error(), "index: ") {
				t.Fatalf("error without the package prefix: %v", err)
			}
			return
		}
		exercise(ix)
	})
}

func ExampleDecode() {
	docs := []*corpus.Document{{ID: "a", Title: "Le cheval de Troie", Lang: "fr", Text: "Un cheval de Troie informatique."}}
	blob, _ := index.Build(docs, corpus.Overview{Documents: 1}).MarshalBinary()
	ix, err := index.Decode(blob)
	if err != nil {
		panic(err)
	}
	fmt.Println(ix.Doc("a").Title, ix.Lookup("cheval") >= 0)
	_, err = index.Decode(blob[:len(blob)-1])
	fmt.Println(err)
	// Output:
	// Le cheval de Troie true
	// index: truncated: the header says 182 bytes of data, the blob has 181
}

// TestBuildLongDocument indexes a document many times longer than the
// chunks its text is tokenised in: every word is found, with occurrences
// that point at it in the text, in and across every chunk.
func TestBuildLongDocument(t *testing.T) {
	var b strings.Builder
	b.WriteString("Un long document\n\n")
	const paras = 6000 // about 600 KB
	for i := 0; i < paras; i++ {
		fmt.Fprintf(&b, "Le paragraphe %d parle du mot%d et encore du mot%d, puis de l’élément commun.\n\n", i, i, i)
	}
	d, err := ingest.Bytes("long", "long.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Text) < 8*64<<10 {
		t.Fatalf("text of %d bytes: not long enough to span chunks", len(d.Text))
	}
	ix := index.Build([]*corpus.Document{d}, corpus.Overview{})
	for _, i := range []int{0, 1, 655, 656, 1999, 3000, paras - 1} {
		term := fmt.Sprintf("mot%d", i)
		k := ix.Lookup(term)
		if k < 0 {
			t.Errorf("%s: not in the vocabulary", term)
			continue
		}
		p := ix.Postings(k)
		if !p.Next() {
			t.Fatalf("%s: no posting", term)
		}
		occ := p.Occurrences(nil)
		if len(occ) != 2 {
			t.Errorf("%s: %d occurrences, want 2", term, len(occ))
		}
		for _, o := range occ {
			if got := termsAt(d, false, o.Pos); !slices.Contains(got, term) {
				t.Errorf("%s: occurrence at word %d is %q", term, o.Pos, got)
			}
		}
	}
	k := ix.Lookup("element")
	if k < 0 {
		t.Fatal("element: not in the vocabulary")
	}
	if got := ix.Freq(k); got != paras {
		t.Errorf("element: %d occurrences, want %d", got, paras)
	}
}
