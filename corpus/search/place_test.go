package search

import (
	"math"
	"testing"
)

// words returns query words standing at the given positions of the query.
func words(at ...int) []*qterm {
	var out []*qterm
	for _, a := range at {
		out = append(out, &qterm{term: term{at: a}})
	}
	return out
}

// inTitle and inText make occurrences of query word ti at position p.
func inTitle[P int | int32](ti int, p P) occ {
	return occ{pos: int32(p), term: uint8(ti), kt: occKT(kindExact, true)}
}
func inText[P int | int32](ti int, p P) occ {
	return occ{pos: int32(p), term: uint8(ti), kt: occKT(kindExact, false)}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestPlaceOrder: the share of the query's mass that a title holds in
// the query's order, each word at about its distance in the query.
func TestPlaceOrder(t *testing.T) {
	// "changer la couleur du texte": changer 0, couleur 2, texte 4.
	q := words(0, 2, 4)
	mass := []float64{2, 1, 1}
	for _, c := range []struct {
		name string
		os   []occ
		want float64
	}{
		// "Modification de la couleur du texte"
		{"two words at their distance", []occ{inTitle(1, 3), inTitle(2, 5)}, 0.5},
		// "Changer la couleur du texte"
		{"the whole query", []occ{inTitle(0, 0), inTitle(1, 2), inTitle(2, 4)}, 1},
		// "Texte et couleur": the words, in the other order
		{"other order", []occ{inTitle(2, 0), inTitle(1, 2)}, 0},
		// "Couleur des menus, des fenêtres et du texte"
		{"too far apart", []occ{inTitle(1, 0), inTitle(2, 7)}, 0},
		// "Couleur de texte": one word nearer than in the query
		{"one word nearer", []occ{inTitle(1, 0), inTitle(2, 1)}, 0.5},
		{"one word alone", []occ{inTitle(0, 1)}, 0},
		// the words together in the text, not in the title
		{"in the text only", []occ{inText(1, 3), inText(2, 5)}, 0},
		// a chain takes its heaviest run: changer...couleur...texte,
		// with a stray "couleur" before
		{"heaviest run", []occ{inTitle(1, 0), inTitle(0, 5), inTitle(1, 7), inTitle(2, 9)}, 1},
	} {
		if got, _, _ := placeOf(c.os, q, mass, 4, 1, 3); !near(got, c.want) {
			t.Errorf("%s: order = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPlaceFit: the share of a title's words that carry meaning matched
// by the query; numbers do not count (nor stopwords, which the index does
// not count).
func TestPlaceFit(t *testing.T) {
	for _, c := range []struct {
		title string
		words int // the title's indexed words (index.Index.FieldLen)
		os    []occ
		want  float64
	}{
		{"Colonnes", 1, []occ{inTitle(0, 0)}, 1},
		{"5.6. Colonnes", 2, []occ{inTitle(0, 1)}, 1},
		{"2.11.\u00a0La gomme", 2, []occ{inTitle(0, 2)}, 1},
		{"Colonnes et marges", 2, []occ{inTitle(0, 0)}, 0.5},
		{"Modification de la couleur du texte", 3, []occ{inTitle(0, 3), inTitle(1, 5), inText(0, 9)}, 2.0 / 3},
		// two query words on one title word count it once
		{"Colonnes", 1, []occ{inTitle(0, 0), inTitle(1, 0)}, 1},
		{"Colonnes", 1, []occ{inText(0, 4)}, 0},
		{"1.2.3", 1, nil, 0},
	} {
		n := c.words - titleNumbers(c.title)
		if _, got, _ := placeOf(c.os, words(0, 1), []float64{1, 1}, 2, 1, n); !near(got, c.want) {
			t.Errorf("%q (%d words that carry meaning): fit = %v, want %v", c.title, n, got, c.want)
		}
	}
}

// TestTitleNumbers: the words of a title that are numbers.
func TestTitleNumbers(t *testing.T) {
	for _, c := range []struct {
		title string
		want  int
	}{
		{"4.7. Changer de mode", 1},
		{"Chapitre 10. Améliorer vos photographies", 1},
		{"2.11.\u00a0La gomme", 1},
		{"GIMP 2.10 et 3", 2},
		{"ls(1) et mp3", 0},
		{"", 0},
	} {
		if got := titleNumbers(c.title); got != c.want {
			t.Errorf("titleNumbers(%q) = %d, want %d", c.title, got, c.want)
		}
	}
}

// TestPlacePassage: the share of the query's mass that the best passage
// holds, the title or a window of the text.
func TestPlacePassage(t *testing.T) {
	mass := []float64{1, 1, 2}
	w := int32(passageWidth)
	for _, c := range []struct {
		name  string
		os    []occ
		whole float64
		want  float64
	}{
		{"together", []occ{inText(0, 100), inText(1, 105), inText(2, 109)}, 1, 1},
		{"spread", []occ{inText(0, 0), inText(1, 100), inText(2, 200)}, 1, 0.5},
		{"two of three together", []occ{inText(0, 0), inText(1, 500), inText(2, 509)}, 1, 0.75},
		{"the title is a passage", []occ{inTitle(0, 0), inTitle(2, 1), inText(1, 40)}, 1, 0.75},
		{"a window is passageWidth wide", []occ{inText(0, 0), inText(1, w-1), inText(2, w)}, 1, 0.75},
		// about a sentence: words two sentences apart are in no one passage
		{"two sentences apart", []occ{inText(0, 0), inText(1, 20), inText(2, 40)}, 1, 0.5},
		{"stops at the whole", []occ{inText(0, 0), inText(2, 5), inText(1, 300), inText(2, 305)}, 0.75, 0.75},
		{"nothing", nil, 0, 0},
	} {
		if _, _, got := placeOf(c.os, words(0, 1, 2), mass, 4, c.whole, 1); !near(got, c.want) {
			t.Errorf("%s: passage = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestFieldEvidence: a title covering the query weighs in proportion to
// its coverage; headings covering it weigh less the longer they are.
func TestFieldEvidence(t *testing.T) {
	for _, c := range []struct {
		name       string
		a, b       [3]float64 // tc, hc, headings' length
		aWins      bool
		avgHeading float64
	}{
		{"title covering more", [3]float64{1, 0, 10}, [3]float64{0.5, 0, 10}, true, 10},
		{"half a title beats no title", [3]float64{0.5, 0, 10}, [3]float64{0, 0, 10}, true, 10},
		// An index whose headings hold every word against a page whose
		// one heading holds them.
		{"short headings", [3]float64{0, 1, 5}, [3]float64{0, 1, 500}, true, 10},
		{"headings beat none", [3]float64{0, 1, 10}, [3]float64{0, 0, 10}, true, 10},
		{"title beats headings", [3]float64{1, 0, 10}, [3]float64{0, 1, 10}, true, 10},
	} {
		fa := fieldEvidence(c.a[0], c.a[1], int(c.a[2]), c.avgHeading)
		fb := fieldEvidence(c.b[0], c.b[1], int(c.b[2]), c.avgHeading)
		if (fa > fb) != c.aWins {
			t.Errorf("%s: %v against %v, want the first to win: %v", c.name, fa, fb, c.aWins)
		}
	}
	// A title covering half the query's mass adds 0.5^1.5, about a third,
	// of what one covering it all adds: a title holding only a common
	// word of the query adds little.
	if half, all := fieldEvidence(0.5, 0, 5, 10)-1, fieldEvidence(1, 0, 5, 10)-1; !near(half, all*math.Pow(0.5, 1.5)) {
		t.Errorf("title evidence: half the query's mass adds %v, all of it %v, want 0.5^1.5 of it", half, all)
	}
	// The heading length only scales the headings' evidence.
	if fieldEvidence(0.5, 0, 5, 10) != fieldEvidence(0.5, 0, 5000, 10) {
		t.Error("the headings' length changes the evidence of a title")
	}
}

// TestPlaceEvidence: where the words stand in one of the best documents.
func TestPlaceEvidence(t *testing.T) {
	for _, c := range []struct {
		name  string
		a, b  [5]float64 // closeness, order, fit, passage, whole
		aWins bool
	}{
		{"title in the query's order", [5]float64{0.5, 1, 1, 1, 1}, [5]float64{0.5, 0, 1, 1, 1}, true},
		{"title of the query's words only", [5]float64{0.5, 0, 1, 1, 1}, [5]float64{0.5, 0, 0.5, 1, 1}, true},
		{"words in one passage", [5]float64{0, 0, 0, 1, 1}, [5]float64{0, 0, 0, 0.4, 1}, true},
		{"closer together", [5]float64{1, 0, 0, 1, 1}, [5]float64{0.2, 0, 0, 1, 1}, true},
		// a passage can hold no more than the document
		{"passage above the whole", [5]float64{0, 0, 0, 1, 0.5}, [5]float64{0, 0, 0, 0.5, 0.5}, false},
	} {
		fa := placeEvidence(c.a[0], c.a[1], c.a[2], c.a[3], c.a[4])
		fb := placeEvidence(c.b[0], c.b[1], c.b[2], c.b[3], c.b[4])
		if (fa > fb) != c.aWins {
			t.Errorf("%s: %v against %v, want the first to win: %v", c.name, fa, fb, c.aWins)
		}
	}
	if f := placeEvidence(0, 0, 0, 1, 1); f != 1 {
		t.Errorf("no evidence: %v, want 1", f)
	}
	// A document ranks as its best passage would: one whose best passage
	// holds half what it matches is multiplied by their ratio, each plus
	// 0.1.
	if f, want := placeEvidence(0, 0, 0, 0.4, 0.8), 0.5/0.9; !near(f, want) {
		t.Errorf("half in the best passage: %v, want %v", f, want)
	}
}

// TestCoordination: a page matching every word keeps its score; one
// lacking words loses, the more the heavier they are.
func TestCoordination(t *testing.T) {
	for _, c := range []struct {
		c, share, want float64
	}{
		{1, 1, 1},
		{0.25, 1, 0.5},
		{0.5, 0.5, 0.5},
		{0, 1, 0},
	} {
		if got := coordination(c.c, c.share); !near(got, c.want) {
			t.Errorf("coordination(%v, %v) = %v, want %v", c.c, c.share, got, c.want)
		}
	}
}
