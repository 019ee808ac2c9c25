package summary

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
)

// TestNotesRoundTrip: notes decode to what was encoded, and Combine over
// decoded notes gives the same annotations as Annotate.
func TestNotesRoundTrip(t *testing.T) {
	docs := seedDocs(t)
	want := Annotate(docs)
	wantDocs := make([]corpus.Document, len(docs))
	for i, d := range docs {
		wantDocs[i] = *d
	}
	fresh := seedDocs(t)
	notes := make([]*Notes, len(fresh))
	for i, d := range fresh {
		n := AnnotateDocument(d)
		b, err := n.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Notes
		if err := back.UnmarshalBinary(b); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		again, err := back.MarshalBinary()
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("%s: notes changed in a round trip (%v)", d.ID, err)
		}
		notes[i] = &back
	}
	got := Combine(fresh, notes)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("overview from decoded notes differs:\n got %+v\nwant %+v", got, want)
	}
	for i, d := range fresh {
		if !reflect.DeepEqual(*d, wantDocs[i]) {
			t.Errorf("%s: annotations from decoded notes differ", d.ID)
		}
	}
}

// TestNotesMalformed: every truncation of an encoding fails cleanly.
func TestNotesMalformed(t *testing.T) {
	docs := seedDocs(t)
	b, _ := AnnotateDocument(docs[0]).MarshalBinary()
	for i := 0; i < len(b); i++ {
		var n Notes
		if err := n.UnmarshalBinary(b[:i]); err == nil {
			t.Fatalf("a truncation to %d of %d bytes decoded", i, len(b))
		}
	}
	var n Notes
	if err := n.UnmarshalBinary(append(b, 0)); err == nil {
		t.Fatal("a trailing byte was accepted")
	}
}

// seedDocs returns the seeds in id order, freshly ingested.
func seedDocs(t *testing.T) []*corpus.Document {
	t.Helper()
	docs, _, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
