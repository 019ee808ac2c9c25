package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// chunksFile is the name, in a split build's packs folder, of the list of
// the search index's chunks by term range: what lets a page that knows
// its first query (load()'s query option) fetch the postings that query
// likely reads alongside the module, before the module can say which it
// needs. Its format, text, one line each:
//
//	corpus-explorer chunks 1 BASE
//	STOPWORDS
//	FIRST<TAB>HASH
//	...
//
// where STOPWORDS are the folded words, separated by spaces, that no
// language of the index searches (they take no postings), and line c
// (from 0) after them is chunk c of the postings, pack
// BASE+c of the module (Index.NumPacks()+c), in the file HASH.pack; FIRST
// is the shortest prefix of the chunk's first term that sorts after the
// last term of the chunk before (empty for chunk 0), so that a folded
// word's chunk is the last one whose FIRST is not after it. The list is a
// hint: a page that fetches from it a chunk the query does not read, or
// a wrong file, wastes that fetch and nothing else (the module checks every
// pack it is given, and asks for what it lacks).
const chunksFile = "chunks.txt"

// chunksHeader starts chunksFile, before BASE.
const chunksHeader = "corpus-explorer chunks 1 "

// chunkList returns the contents of chunksFile for a decoded split index,
// or nil when its postings are not files apart (an embedded index's are one
// chunk, its name all zeros).
func chunkList(ix *index.Index) []byte {
	name := func(c int) string { return strings.TrimSuffix(ix.ChunkName(c), ".pack") }
	if ix.NumChunks() == 0 || strings.Trim(name(0), "0") == "" {
		return nil
	}
	var b strings.Builder
	b.WriteString(chunksHeader + strconv.Itoa(ix.NumPacks()) + "\n")
	b.WriteString(strings.Join(stopwords(ix.Langs()), " ") + "\n")
	// The chunks hold consecutive runs of terms, none empty: the first
	// term of each, cut to what tells it from the last of the one before.
	prev := -1
	for t, term := range ix.Terms() {
		c := ix.ChunkOf(t)
		if c == prev {
			continue
		}
		first := ""
		if t > 0 {
			first = separator(ix.Term(t-1), term)
		}
		b.WriteString(first + "\t" + name(c) + "\n")
		prev = c
	}
	return []byte(b.String())
}

// stopwords returns, sorted, the words that a query leaves out when it
// has others (package search: a stopword of French or of a language of
// the index, langs): they have no postings to fetch.
func stopwords(langs []string) []string {
	out := token.Stopwords("fr")
	for _, l := range langs {
		if l != "fr" && l != "" {
			out = append(out, token.Stopwords(l)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// separator returns the shortest prefix of b that sorts after a (a < b).
func separator(a, b string) string {
	for i := 1; i < len(b); i++ {
		if b[:i] > a {
			return b[:i]
		}
	}
	return b
}

// writeChunkList writes (or, for an index without chunks, removes) the
// list of chunks of ix, decoded from the blob written, in the packs
// folder dir.
func writeChunkList(dir string, ix *index.Index) error {
	file := filepath.Join(dir, chunksFile)
	list := chunkList(ix)
	if list == nil {
		if err := os.Remove(file); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	return os.WriteFile(file, list, 0o644)
}
