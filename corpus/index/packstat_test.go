package index

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"testing"
)

// zsize is the size of b after zlib at its best compression.
func zsize(b []byte) int {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(b)
	w.Close()
	return z.Len()
}

// TestPackStat is a measurement, not a check: what the text packs of a
// split index hold, stream by stream (the texts and each annotation), raw
// and after zlib (each stream of each pack compressed on its own, as
// explorer build compresses a pack file), and the whole packs written
// with the texts apart from the annotations. It runs only when asked:
//
//	go run ./tools/explorer build -split on -corpus ../shared/corpora/fr-manpages -o /tmp/man.bin -packs /tmp/man-packs
//	PACKSTAT=/tmp/man.bin PACKDIR=/tmp/man-packs go test -count=1 -v -run TestPackStat ./corpus/index
func TestPackStat(t *testing.T) {
	path := os.Getenv("PACKSTAT")
	if path == "" {
		t.Skip("a measurement: set PACKSTAT and PACKDIR")
	}
	blob, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Decode(blob)
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("PACKDIR")
	for p := 0; p < ix.NumPacks(); p++ {
		if ix.HasPack(p) {
			continue // embedded
		}
		z, err := os.ReadFile(dir + "/" + ix.PackName(p))
		if err != nil {
			t.Fatal(err)
		}
		r, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		var raw bytes.Buffer
		if _, err := raw.ReadFrom(r); err != nil {
			t.Fatal(err)
		}
		if err := ix.AddPack(p, raw.String()); err != nil {
			t.Fatal(err)
		}
	}
	byID := map[string]int{}
	for i, d := range ix.Docs {
		byID[d.ID] = i
	}
	names := []string{"text", "blocks", "bpos", "sentences", "keywords", "entities", "related", "whole"}
	raw := make([]int, len(names))
	zs := make([]int, len(names))
	textFirst, textLast := 0, 0
	for p := 0; p < ix.NumPacks(); p++ {
		es := make([]enc, len(names))
		pk := ix.ps.packs[p]
		for d := pk.first; d < pk.first+pk.n; d++ {
			doc, bp, err := ix.ContentPositions(d)
			if err != nil {
				t.Fatal(err)
			}
			es[0].str(doc.Text)
			es[1].count(len(doc.Blocks), doc.Blocks == nil)
			es[1].blocks(doc.Blocks, doc.Text)
			last := uint32(0)
			for i := range doc.Blocks {
				es[2].uvarint(uint64(bp[i] - last))
				last = bp[i]
			}
			es[3].count(len(doc.Sentences), doc.Sentences == nil)
			es[3].sentences(doc.Sentences, doc.Blocks, doc.Text)
			es[4].keywords(doc.Keywords)
			es[5].entities(doc.Entities)
			es[6].related(doc.Related, byID, doc.Keywords)
			es[7].content(doc, bp, byID)
		}
		for i := range es {
			raw[i] += len(es[i].b)
			zs[i] += zsize(es[i].b)
		}
		var cat, cat2 []byte
		for i := 0; i < 7; i++ {
			cat = append(cat, es[i].b...)
			cat2 = append(cat2, es[(i+1)%7].b...)
		}
		textFirst += zsize(cat)
		textLast += zsize(cat2)
	}
	fmt.Printf("whole packs, the texts before the annotations: %d; after them: %d\n", textFirst, textLast)
	sum, zsum := 0, 0
	for i, n := range names {
		fmt.Printf("%-10s raw %9d  zlib(separately per pack) %9d\n", n, raw[i], zs[i])
		if i < 7 {
			sum += raw[i]
			zsum += zs[i]
		}
	}
	fmt.Printf("%-10s raw %9d  zlib %9d  packs %d\n", "sum", sum, zsum, ix.NumPacks())
}
