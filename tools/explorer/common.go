package main

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
)

// source is where a command finds its corpus: a folder, or a built index.
type source struct {
	corpus string
	index  string
}

func (s *source) flags(fs *flag.FlagSet) {
	fs.StringVar(&s.corpus, "corpus", "corpus", "corpus `folder`")
	fs.StringVar(&s.index, "index", "", "built index `file` to use instead of reading -corpus")
}

// buildIndex reads a corpus folder and builds its index: the whole build
// pipeline, shared by `build` and by the commands that query a folder.
func buildIndex(dir string) (*index.Index, *ingest.Report, error) {
	return buildIndexWith(dir, buildOptions{})
}

// open returns an engine over the source.
func (s *source) open() (*engine.Engine, error) {
	if s.index != "" {
		b, err := os.ReadFile(s.index)
		if err != nil {
			return nil, err
		}
		e, err := engine.Open(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.index, err)
		}
		return e, addPacks(e, packsDir(s.index))
	}
	ix, _, err := buildIndex(s.corpus)
	if err != nil {
		return nil, err
	}
	// The real words explorer build keeps by default, so that a folder
	// searched as it is answers as its built index does.
	if _, _, err := addWordLists(ix, autoWords, nil); err != nil {
		return nil, err
	}
	return engine.New(ix), nil
}

// packsDir returns the folder where `explorer build -o index` writes the
// packs of a split index by default: named after the index file, beside it
// (build/index.bin: build/index.packs), so that each index in a folder owns
// its packs and a build of one never removes another's.
func packsDir(index string) string {
	base := filepath.Base(index)
	name := strings.TrimSuffix(base, filepath.Ext(base))
	if name == "" || name+".packs" == base {
		name = base
	}
	return filepath.Join(filepath.Dir(index), name+".packs")
}

// addPacks gives a split index the packs that `explorer build` wrote in
// dir: all those of its search index, which every search may need, and
// those of the texts found there (a missing one shows as the snippet
// error of its documents).
func addPacks(e *engine.Engine, dir string) error {
	ix := e.Index()
	for p := 0; p < ix.NumPacks()+ix.NumChunks(); p++ {
		text := p < ix.NumPacks()
		name := ix.PackName(p)
		if text && ix.HasPack(p) || !text && ix.HasChunk(p-ix.NumPacks()) {
			continue
		}
		if !text {
			name = ix.ChunkName(p - ix.NumPacks())
		}
		z, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			if text {
				continue
			}
			return fmt.Errorf("a pack of the search index: %w", err)
		}
		r, err := zlib.NewReader(bytes.NewReader(z))
		if err == nil {
			z, err = io.ReadAll(io.LimitReader(r, engine.MaxPackBytes+1))
		}
		if err == nil {
			err = e.AddPack(p, string(z))
		}
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
		}
	}
	return nil
}

// writeJSON writes v as one line of JSON.
func writeJSON(w io.Writer, v engine.JSONer) error {
	b := append(engine.JSON(v), '\n')
	_, err := w.Write(b)
	return err
}

// readAll reads standard input, for the commands that filter text.
func readAll(r io.Reader) ([]byte, error) { return io.ReadAll(bufio.NewReader(r)) }
