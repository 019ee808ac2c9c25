package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// cacheFormat names the layout of a cache entry; it is part of every key.
const cacheFormat = "explorer build cache 1"

// cacheMaxAge is how long an entry no build has used stays in the cache.
const cacheMaxAge = 30 * 24 * time.Hour

// docCache keeps, for each file a build has read, what the build made of
// it before seeing the rest of the corpus: the document (ingest) with its
// keywords, and the notes summary.Combine needs (summary.AnnotateDocument).
// An entry is a file named by the SHA-256 of the file's path and content
// and of the explorer program itself, so that a change to the code that
// made it, or to the file, never reuses it. Entries are written whole (a
// temporary file renamed), so a build killed halfway leaves none broken;
// a broken one is recomputed.
type docCache struct {
	dir  string
	salt []byte // the running program's hash and cacheFormat

	mu       sync.Mutex
	warned   bool
	warnings []string
}

// cacheEntry is one file's results.
type cacheEntry struct {
	Doc    *corpus.Document
	Layout ingest.Layout
	Notes  []byte // summary.Notes, encoded
	notes  *summary.Notes
}

// openCache opens (creating it) the cache in dir.
func openCache(dir string) (*docCache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache folder: %w", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("cache: finding this program to key the cache by: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, fmt.Errorf("cache: reading this program to key the cache by: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	io.WriteString(h, cacheFormat+"\x00")
	if _, err := io.Copy(h, f); err != nil {
		return nil, fmt.Errorf("cache: reading this program to key the cache by: %w", err)
	}
	return &docCache{dir: dir, salt: h.Sum(nil)}, nil
}

// key is the name of the entry of the file at path with content data.
func (c *docCache) key(path string, data []byte) string {
	h := sha256.New()
	h.Write(c.salt)
	io.WriteString(h, path+"\x00")
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// document returns the entry of the file at path with content data, from
// the cache (hit is true) or else made by make and stored. A nil cache
// only calls make. An error of make is returned and nothing is stored.
func (c *docCache) document(path string, data []byte, make func() (*cacheEntry, error)) (e *cacheEntry, hit bool, err error) {
	if c == nil {
		e, err = make()
		return e, false, err
	}
	k := c.key(path, data)
	p := filepath.Join(c.dir, k[:2], k)
	if b, err := os.ReadFile(p); err == nil {
		if e, err := decodeEntry(b); err == nil {
			now := time.Now()
			os.Chtimes(p, now, now) // used: kept by prune
			return e, true, nil
		}
	}
	e, err = make()
	if err != nil {
		return nil, false, err
	}
	if err := c.store(p, e); err != nil {
		c.warn(err)
	}
	return e, false, nil
}

func decodeEntry(b []byte) (*cacheEntry, error) {
	var e cacheEntry
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&e); err != nil {
		return nil, err
	}
	if e.Doc == nil {
		return nil, errors.New("no document")
	}
	e.notes = &summary.Notes{}
	if err := e.notes.UnmarshalBinary(e.Notes); err != nil {
		return nil, err
	}
	e.Notes = nil
	return &e, nil
}

// store writes an entry: a temporary file, then renamed.
func (c *docCache) store(p string, e *cacheEntry) error {
	nb, err := e.notes.MarshalBinary()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&cacheEntry{Doc: e.Doc, Layout: e.Layout, Notes: nb}); err != nil {
		return fmt.Errorf("encoding %s: %w", filepath.Base(p), err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(b.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// warn records the first failure to write the cache (the build goes on
// without storing, and says so once).
func (c *docCache) warn(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.warned {
		c.warned = true
		c.warnings = append(c.warnings, "cache: not stored: "+err.Error())
	}
}

// prune deletes the entries no build has used for cacheMaxAge, and
// temporary files left by a killed build, and returns the first write
// failure recorded, if any.
func (c *docCache) prune() error {
	if c == nil {
		return nil
	}
	old := time.Now().Add(-cacheMaxAge)
	filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		tmp := strings.HasPrefix(d.Name(), ".tmp-") && info.ModTime().Before(time.Now().Add(-time.Hour))
		if tmp || info.ModTime().Before(old) {
			os.Remove(p)
		}
		return nil
	})
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.warnings) > 0 {
		return errors.New(c.warnings[0])
	}
	return nil
}
