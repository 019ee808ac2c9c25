package index_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// seedDocs returns the seeds and the synthetic documents, freshly made.
func seedDocs(t *testing.T) []*corpus.Document {
	t.Helper()
	docs, _, err := ingest.Dir("../../corpus", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return append(docs, synthetic()...)
}

// TestBuilderSpill builds the same documents twice: with Build, texts in
// memory, and as `explorer build` streams them, through a Builder that
// moves each text to its file once added, and annotates the corpus after
// that (summary.Combine reads no text). Both write the same bytes,
// embedded and split, the split files given one by one
// (MarshalOptions.Files) being those Marshal returns; the spilled index
// gives the texts back, and Close removes its file.
func TestBuilderSpill(t *testing.T) {
	want := seedDocs(t)
	wantIx := index.Build(want, summary.Annotate(want))

	docs := seedDocs(t)
	dir := t.TempDir()
	b := index.NewBuilder()
	if err := b.Spill(dir); err != nil {
		t.Fatal(err)
	}
	notes := make([]*summary.Notes, len(docs))
	for i, d := range docs {
		notes[i] = summary.AnnotateDocument(d)
		a := index.Analyse(d)
		if i == 1 {
			// A title changed after the analysis (ingest gives a
			// document whose id is taken a new one) is analysed again.
			title := d.Title
			d.Title = "autre titre"
			a = index.Analyse(d)
			d.Title = title
		}
		if err := b.Add(d, a); err != nil {
			t.Fatal(err)
		}
		if d.Text != "" || d.Blocks != nil || d.Sentences != nil {
			t.Fatalf("%s: text still in memory once added", d.ID)
		}
	}
	ov := summary.Combine(docs, notes)
	ix, err := b.Index(ov)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ov, wantIx.Overview) {
		t.Errorf("overview without the texts:\n got %+v\nwant %+v", ov, wantIx.Overview)
	}

	for _, split := range []bool{false, true} {
		wantBlob, wantFiles, err := wantIx.Marshal(index.MarshalOptions{Split: split})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]byte{}
		blob, files, err := ix.Marshal(index.MarshalOptions{Split: split, Files: func(f index.PackFile) error {
			if _, dup := got[f.Name]; dup {
				t.Errorf("split %v: file %s given twice", split, f.Name)
			}
			got[f.Name] = f.Data
			return nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(blob, wantBlob) {
			t.Errorf("split %v: the streamed build writes another index (%d and %d bytes)", split, len(blob), len(wantBlob))
		}
		if len(files) != 0 {
			t.Errorf("split %v: %d files returned as well as given", split, len(files))
		}
		if !split && len(got) != 0 {
			t.Errorf("embedded: %d files given", len(got))
		}
		for _, f := range wantFiles {
			if !bytes.Equal(got[f.Name], f.Data) {
				t.Errorf("split: file %s differs or is missing", f.Name)
			}
		}
		if len(got) != len(wantFiles) {
			t.Errorf("split %v: %d files given, want %d", split, len(got), len(wantFiles))
		}
	}

	for i, w := range want {
		d, err := ix.Content(i)
		if err != nil {
			t.Fatal(err)
		}
		if d.Text != w.Text || !reflect.DeepEqual(d.Blocks, w.Blocks) || !reflect.DeepEqual(d.Sentences, w.Sentences) {
			t.Errorf("%s: the text read back differs", w.ID)
		}
	}

	// A failing writer stops Marshal with its error.
	boom := errors.New("disk full")
	if _, _, err := ix.Marshal(index.MarshalOptions{Split: true, Files: func(index.PackFile) error { return boom }}); !errors.Is(err, boom) {
		t.Errorf("a failing writer: %v", err)
	}

	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("Close left %d files", len(left))
	}
	if _, err := ix.Content(0); err == nil {
		t.Error("the texts of a closed index were read")
	}
}
