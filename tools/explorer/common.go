package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

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
		return e, nil
	}
	ix, _, err := buildIndex(s.corpus)
	if err != nil {
		return nil, err
	}
	return engine.New(ix), nil
}

// writeJSON writes v as one line of JSON.
func writeJSON(w io.Writer, v engine.JSONer) error {
	b := append(engine.JSON(v), '\n')
	_, err := w.Write(b)
	return err
}

// readAll reads standard input, for the commands that filter text.
func readAll(r io.Reader) ([]byte, error) { return io.ReadAll(bufio.NewReader(r)) }
