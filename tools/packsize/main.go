// Command packsize measures what the size of the packs costs a split
// build. For the texts' packs, at each pack size: the packs and their zlib
// bytes in all, and, over a judged query set of tools/bench, the files and
// bytes fetched to show the snippets of each query's first page of 10
// results. For the chunks of the search index's postings, at each chunk
// size: the chunks and their zlib bytes in all, the files and bytes a
// query needs on a cold start (on average over the set), and those the
// whole set needs, each chunk fetched once.
//
// Usage:
//
//	go run ./tools/explorer build -split off -corpus ../shared/corpora/fr-manpages -o /tmp/man.bin
//	go run ./tools/packsize /tmp/man.bin tools/bench/queries-fr-manpages.json
package main

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"os"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/search"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: packsize INDEX QUERIES.json")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "packsize:", err)
		os.Exit(1)
	}
}

func run(indexPath, queriesPath string) error {
	blob, err := os.ReadFile(indexPath)
	if err != nil {
		return err
	}
	var set struct{ Queries []struct{ Q string } }
	b, err := os.ReadFile(queriesPath)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &set); err != nil {
		return fmt.Errorf("%s: %w", queriesPath, err)
	}
	built, err := index.Decode(blob)
	if err != nil {
		return err
	}
	// The documents whole, to cut packs anew at each size.
	docs := make([]*corpus.Document, len(built.Docs))
	for i := range docs {
		if docs[i], err = built.Content(i); err != nil {
			return err
		}
	}
	ix0 := index.Build(docs, built.Overview)
	for _, kb := range []int{2, 4, 8, 16, 32, 64, 128} {
		b2, files, err := ix0.Marshal(index.MarshalOptions{PackBytes: kb << 10, Split: true})
		if err != nil {
			return err
		}
		ix, err := index.Decode(b2)
		if err != nil {
			return err
		}
		size := make([]int, len(files))
		total := 0
		for i, f := range files[:ix.NumPacks()] {
			size[i] = zlibSize(f.Data)
			total += size[i]
			if err := ix.AddPack(i, string(f.Data)); err != nil {
				return err
			}
		}
		for c, f := range files[ix.NumPacks() : ix.NumPacks()+ix.NumChunks()] {
			if err := ix.AddChunk(c, string(f.Data)); err != nil {
				return err
			}
		}
		e := engine.New(ix)
		var reqs, byts int
		for _, q := range set.Queries {
			r, err := e.Search(q.Q, search.Options{Limit: 10})
			if err != nil {
				return err
			}
			seen := map[int]bool{}
			for _, h := range r.Hits {
				if !seen[h.Pack] {
					seen[h.Pack] = true
					reqs++
					byts += size[h.Pack]
				}
			}
		}
		n := float64(len(set.Queries))
		fmt.Printf("packs of %3d KB: %5d packs, %6.0f KB zlib in all; a results page: %.1f files, %.0f KB\n",
			kb, ix.NumPacks(), float64(total)/1e3, float64(reqs)/n, float64(byts)/n/1e3)
	}
	for _, kb := range []int{2, 4, 8, 16, 32, 64, 128} {
		b2, files, err := ix0.Marshal(index.MarshalOptions{ChunkBytes: kb << 10, Split: true})
		if err != nil {
			return err
		}
		ix, err := index.Decode(b2)
		if err != nil {
			return err
		}
		chunks := files[ix.NumPacks() : ix.NumPacks()+ix.NumChunks()]
		size := make([]int, len(chunks))
		total := 0
		for c, f := range chunks {
			size[c] = zlibSize(f.Data)
			total += size[c]
		}
		se := search.New(ix)
		var coldFiles, coldBytes, setFiles, setBytes int
		fetched := map[int]bool{}
		for _, q := range set.Queries {
			for _, c := range ix.MissingChunks(plannedTerms(se, q.Q)) {
				coldFiles++
				coldBytes += size[c]
				if !fetched[c] {
					fetched[c] = true
					setFiles++
					setBytes += size[c]
				}
			}
		}
		n := float64(len(set.Queries))
		fmt.Printf("chunks of %3d KB: %5d chunks, %6.0f KB zlib in all; a query, cold: %.1f files, %.0f KB; the set: %d files, %.0f KB\n",
			kb, len(chunks), float64(total)/1e3, float64(coldFiles)/n, float64(coldBytes)/n/1e3, setFiles, float64(setBytes)/1e3)
	}
	return nil
}

// zlibSize returns the size of data compressed as explorer build writes
// a pack.
func zlibSize(data []byte) int {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return z.Len()
}

// plannedTerms returns the terms whose postings searching q may read.
func plannedTerms(se *search.Engine, q string) []int {
	terms, _ := se.Terms(q, search.Options{})
	return terms
}
