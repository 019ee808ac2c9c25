// Command gencorpus writes a large corpus for benchmarks: real paragraphs
// of the corpora in ../shared/corpora recombined, with a fixed seed, into
// many documents. The same flags always write the same bytes.
//
//	go run ./tools/gencorpus -o build/corpus-100mb
//
// writes about 100 MB in 20,000 documents (20 folders of 1,000), each a
// title line taken from a real document's first line, then paragraphs of
// the source corpora in a random order, separated by blank lines. Its
// output is a build product: never commit it.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

func main() {
	src := flag.String("src", "../shared/corpora", "`folder` of source corpora (its .txt files are read)")
	out := flag.String("o", "build/corpus-100mb", "output `folder`; replaced if it holds a corpus gencorpus wrote")
	docs := flag.Int("docs", 20000, "number of documents")
	mb := flag.Float64("mb", 100, "approximate size in `megabytes`")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*src, *out, *docs, *mb, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// stamp marks a folder as gencorpus output, so that it may be replaced.
const stamp = ".gencorpus"

func run(src, out string, docs int, mb float64, seed uint64) error {
	if docs < 1 || mb <= 0 {
		return errors.New("-docs and -mb must be positive")
	}
	paras, titles, err := read(src)
	if err != nil {
		return err
	}
	if len(paras) == 0 || len(titles) == 0 {
		return fmt.Errorf("no paragraphs found under %s", src)
	}
	if _, err := os.Stat(out); err == nil {
		if _, err := os.Stat(filepath.Join(out, stamp)); err != nil {
			return fmt.Errorf("%s exists and was not written by gencorpus: not replacing it", out)
		}
		if err := os.RemoveAll(out); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6a09e667f3bcc908))
	mean := mb * 1e6 / float64(docs)
	var total int64
	var b bytes.Buffer
	for i := 0; i < docs; i++ {
		// Sizes spread like real ones: exponential around the mean, at
		// least a paragraph, at most 12 times the mean.
		target := int(math.Min(12*mean, math.Max(200, rng.ExpFloat64()*mean)))
		b.Reset()
		b.WriteString(titles[rng.IntN(len(titles))])
		b.WriteString("\n\n")
		for b.Len() < target {
			b.WriteString(paras[rng.IntN(len(paras))])
			b.WriteString("\n\n")
		}
		name := filepath.Join(out, fmt.Sprintf("%02d", i/1000), fmt.Sprintf("doc%05d.txt", i))
		if i%1000 == 0 {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
		}
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			return err
		}
		total += int64(b.Len())
	}
	if err := os.WriteFile(filepath.Join(out, stamp), []byte(fmt.Sprintf("gencorpus -src %s -docs %d -mb %g -seed %d\n", src, docs, mb, seed)), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d documents, %.1f MB, from %d paragraphs and %d titles\n", out, docs, float64(total)/1e6, len(paras), len(titles))
	return nil
}

// read returns the paragraphs (runs of non-blank lines) of the .txt files
// below src, and their first lines as titles, in path order.
func read(src string) (paras, titles []string, err error) {
	var files []string
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		if !utf8.Valid(b) {
			continue
		}
		text := strings.ReplaceAll(string(b), "\r\n", "\n")
		if first, _, _ := strings.Cut(strings.TrimSpace(text), "\n"); len(first) >= 8 && len(first) <= 100 {
			titles = append(titles, strings.TrimSpace(first))
		}
		for _, p := range strings.Split(text, "\n\n") {
			p = strings.Trim(p, "\n")
			if len(strings.TrimSpace(p)) >= 40 {
				paras = append(paras, p)
			}
		}
	}
	return paras, titles, nil
}
