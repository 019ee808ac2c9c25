// Command packsize measures what the size of the texts' packs costs a
// split build: for each pack size, the packs and their zlib bytes in all,
// and, over a judged query set of tools/bench, the files and bytes fetched
// to show the snippets of each query's first page of 10 results.
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
		for i, f := range files {
			var z bytes.Buffer
			w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
			w.Write(f.Data)
			w.Close()
			size[i] = z.Len()
			total += z.Len()
			if err := ix.AddPack(i, string(f.Data)); err != nil {
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
			kb, len(files), float64(total)/1e3, float64(reqs)/n, float64(byts)/n/1e3)
	}
	return nil
}
