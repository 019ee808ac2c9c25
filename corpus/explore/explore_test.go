package explore_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/explore"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/token"
)

// The concordance count of every word of the seeds equals an independent
// whole-word count on the folded texts.
func TestKWICCountEqualsGrep(t *testing.T) {
	src, tab := seeds(t)
	words := map[string]bool{}
	for _, d := range src {
		for _, k := range token.For(d.Lang).Tokens(d.Text) {
			if !k.Compound && strings.IndexFunc(k.Term, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
				words[k.Term] = true
			}
		}
	}
	if len(words) < 500 {
		t.Fatalf("only %d words in the seeds", len(words))
	}
	bad := 0
	for w := range words {
		want := 0
		for _, d := range src {
			want += grepCount(d.Text, w)
		}
		c, err := tab.KWIC(w, explore.KWICOptions{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if c.Total != want {
			bad++
			if bad < 10 {
				t.Errorf("KWIC(%q).Total = %d, grep count %d", w, c.Total, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words miscounted", bad, len(words))
	}
}

func TestKWIC(t *testing.T) {
	_, tab := seeds(t)
	tests := []struct {
		q     string
		m     explore.Match
		sort  string
		check func(t *testing.T, c *explore.Concordance)
	}{
		{"numérique", explore.Word, "", func(t *testing.T, c *explore.Concordance) {
			for _, l := range c.Lines {
				if token.Fold(l.Hit) != "numerique" {
					t.Errorf("hit %q", l.Hit)
				}
			}
		}},
		{"investissement", explore.Forms, "", func(t *testing.T, c *explore.Concordance) {
			forms := map[string]bool{}
			for _, l := range c.Lines {
				forms[token.Fold(l.Hit)] = true
			}
			if len(forms) < 2 {
				t.Errorf("forms of investissement: %v, want several", forms)
			}
		}},
		{"de la", explore.Word, "left", func(t *testing.T, c *explore.Concordance) {
			for _, l := range c.Lines {
				if token.Fold(l.Hit) != "de la" {
					t.Errorf("phrase hit %q", l.Hit)
				}
			}
		}},
	}
	for _, tt := range tests {
		c, err := tab.KWIC(tt.q, explore.KWICOptions{Match: tt.m, Sort: tt.sort, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if c.Total == 0 || len(c.Lines) != min(c.Total, 1000) {
			t.Fatalf("KWIC(%q, %v): %d lines of %d", tt.q, tt.m, len(c.Lines), c.Total)
		}
		tt.check(t, c)
	}
	// Forms find at least what the word finds.
	w, _ := tab.KWIC("investissement", explore.KWICOptions{})
	f, _ := tab.KWIC("investissement", explore.KWICOptions{Match: explore.Forms})
	if f.Total <= w.Total {
		t.Errorf("forms %d, word %d", f.Total, w.Total)
	}
	// Paging: pages put end to end are the whole list.
	all, _ := tab.KWIC("le", explore.KWICOptions{Sort: "right", Limit: 1000})
	var paged []explore.Line
	for off := 0; off < all.Total; off += 7 {
		p, err := tab.KWIC("le", explore.KWICOptions{Sort: "right", Limit: 7, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, p.Lines...)
	}
	if len(paged) != len(all.Lines) {
		t.Fatalf("paged %d lines, whole %d", len(paged), len(all.Lines))
	}
	for i := range paged {
		if paged[i] != all.Lines[i] {
			t.Fatalf("line %d: paged %+v, whole %+v", i, paged[i], all.Lines[i])
		}
	}
	// Sorted on the right: the first words after the hit never decrease.
	prev := ""
	for _, l := range all.Lines {
		r := firstWord(l.Right)
		if r < prev && r != "" {
			t.Errorf("right sort: %q after %q", r, prev)
		}
		if r != "" {
			prev = r
		}
	}
	// Errors.
	for _, q := range []string{"", " ,;", strings.Repeat("mot ", 20)} {
		if _, err := tab.KWIC(q, explore.KWICOptions{}); err == nil {
			t.Errorf("KWIC(%q): no error", q)
		}
	}
	if _, err := tab.KWIC("le", explore.KWICOptions{Sort: "size"}); err == nil {
		t.Error("unknown sort: no error")
	}
}

func firstWord(s string) string {
	for _, k := range token.For("fr").Tokens(s) {
		if !k.Compound {
			return k.Term
		}
	}
	return ""
}

// The UTF-16 range of a line is where its hit is in the document's text.
func TestKWICOffsets(t *testing.T) {
	src, tab := seeds(t)
	c, err := tab.KWIC("présidentielle", explore.KWICOptions{Match: explore.Forms, Limit: 1000})
	if err != nil || c.Total == 0 {
		t.Fatal(c, err)
	}
	for _, l := range c.Lines {
		d := src[tab.Find(l.ID)]
		u := utf16(d.Text)
		if got := string(runesOf(u[l.Start:l.End])); got != l.Hit {
			t.Errorf("%s [%d:%d] = %q, hit %q", l.ID, l.Start, l.End, got, l.Hit)
		}
	}
}

// G² of the 2×2 table computed from its definition, 2 Σ O ln(O/E) with E
// = row total × column total / N.
func referenceG2(a, b, c, d int) float64 {
	o := [2][2]float64{{float64(a), float64(b)}, {float64(c - a), float64(d - b)}}
	n := float64(c + d)
	g := 0.0
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			if o[i][j] == 0 {
				continue
			}
			e := (o[i][0] + o[i][1]) * (o[0][j] + o[1][j]) / n
			g += o[i][j] * math.Log(o[i][j]/e)
		}
	}
	return 2 * g
}

func TestLogLikelihood(t *testing.T) {
	tests := []struct{ a, b, c, d int }{
		{10, 5, 1000, 1000},
		{1, 0, 10, 10},
		{0, 7, 500, 100},
		{250, 3, 20000, 1_500_000},
		{3, 3000, 1200, 9_000_000},
		{5, 5, 100, 100},
	}
	for _, tt := range tests {
		got, want := explore.LogLikelihood(tt.a, tt.b, tt.c, tt.d), referenceG2(tt.a, tt.b, tt.c, tt.d)
		if math.Abs(got-want) > 1e-6 {
			t.Errorf("LogLikelihood%v = %.9f, reference %.9f", tt, got, want)
		}
	}
	if got := explore.LogLikelihood(5, 5, 100, 100); got != 0 {
		t.Errorf("equal rates: %v, want 0", got)
	}
}

func TestCollocates(t *testing.T) {
	src, tab := seeds(t)
	r, err := tab.Collocates("chinois", explore.CollocateOptions{Match: explore.Forms, Window: 3, MinCount: 1, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Words) == 0 {
		t.Fatal("no collocates")
	}
	// Independent count of one collocate: a word within 3 words of a
	// form of the node, each word position counted once.
	stem := token.For("fr").Stem("chinois")
	for _, c := range r.Words[:min(5, len(r.Words))] {
		n := 0
		for _, d := range src {
			var ws []string
			var stems []string
			for _, k := range token.For(d.Lang).Tokens(d.Text) {
				if !k.Compound {
					ws = append(ws, k.Term)
					stems = append(stems, k.Stem)
				}
			}
			for i := range ws {
				if ws[i] != token.Fold(c.Word) || stems[i] == stem {
					continue
				}
				for j := max(0, i-3); j <= min(len(ws)-1, i+3); j++ {
					if stems[j] == stem {
						n++
						break
					}
				}
			}
		}
		if n != c.Count {
			t.Errorf("collocate %q: count %d, independent count %d", c.Word, c.Count, n)
		}
		if math.Abs(c.LL-referenceG2(c.Count, c.Freq-c.Count, r.WindowSize, r.Tokens-r.WindowSize)) > 1e-6 {
			t.Errorf("collocate %q: LL %v off the reference", c.Word, c.LL)
		}
	}
	// The concordance of a pair has as many lines as the pair's count
	// when no word is in two windows.
	for _, c := range r.Words[:min(5, len(r.Words))] {
		k, err := tab.KWIC("chinois", explore.KWICOptions{Match: explore.Forms, Near: c.Word, Window: 3, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if k.Total == 0 || k.Total > c.Count*2 {
			t.Errorf("KWIC of chinois near %q: %d lines, the collocate counted %d", c.Word, k.Total, c.Count)
		}
		for _, l := range k.Lines {
			if !strings.Contains(token.Fold(l.Left+" "+l.Right), token.Fold(c.Word)) {
				t.Errorf("line %q|%q|%q has no %q", l.Left, l.Hit, l.Right, c.Word)
			}
		}
	}
	for i := 1; i < len(r.Words); i++ {
		if r.Words[i].LL > r.Words[i-1].LL {
			t.Fatalf("not ranked: %v after %v", r.Words[i], r.Words[i-1])
		}
	}
	for _, w := range []int{-1, 11} {
		if _, err := tab.Collocates("numérique", explore.CollocateOptions{Window: w}); err == nil {
			t.Errorf("window %d: no error", w)
		}
	}
}

func TestKeyness(t *testing.T) {
	src, tab := seeds(t)
	k, err := tab.Keyness([]int{0}, explore.KeynessOptions{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if k.Docs != 1 || k.Words != tab.Words(0) || k.Words+k.Rest != tab.Tokens() || len(k.Keys) == 0 {
		t.Fatalf("keyness: %+v", k)
	}
	for _, key := range k.Keys {
		a, b := 0, 0
		for i, d := range src {
			n := grepCount(d.Text, token.Fold(key.Word))
			if i == 0 {
				a += n
			} else {
				b += n
			}
		}
		if a != key.Count || b != key.Rest {
			t.Errorf("%q: counts %d/%d, independent %d/%d", key.Word, key.Count, key.Rest, a, b)
		}
		if math.Abs(key.LL-referenceG2(a, b, k.Words, k.Rest)) > 1e-6 {
			t.Errorf("%q: LL %v, reference %v", key.Word, key.LL, referenceG2(a, b, k.Words, k.Rest))
		}
	}
	if _, err := tab.Keyness(nil, explore.KeynessOptions{}); err == nil {
		t.Error("keyness of nothing: no error")
	}
}

func TestPhrases(t *testing.T) {
	src, tab := seeds(t)
	for n := 2; n <= 6; n++ {
		r, err := tab.Phrases(explore.PhraseOptions{N: n, Limit: 100000})
		if err != nil {
			t.Fatal(err)
		}
		// Naive count of every n-gram within sentences.
		want := map[string]int{}
		for _, d := range src {
			a := token.For(d.Lang)
			var run []token.Token
			flush := func() {
				for i := 0; i+n <= len(run); i++ {
					var key []string
					allStop := true
					for _, k := range run[i : i+n] {
						key = append(key, k.Term)
						allStop = allStop && (k.Stop || strings.IndexFunc(k.Term, func(r rune) bool { return r >= 'a' && r <= 'z' || r > 127 }) < 0)
					}
					if !allStop {
						want[strings.Join(key, " ")]++
					}
				}
				run = run[:0]
			}
			prev := 0
			for _, k := range a.Tokens(d.Text) {
				if k.Compound {
					continue
				}
				if strings.ContainsAny(d.Text[min(prev, k.Start):k.Start], ".!?;:\n…") {
					flush()
				}
				run = append(run, k)
				prev = k.End
			}
			flush()
		}
		repeated := 0
		for _, c := range want {
			if c >= 2 {
				repeated++
			}
		}
		if r.Total != repeated {
			t.Errorf("n=%d: %d repeated phrases, naive count %d", n, r.Total, repeated)
		}
		for _, p := range r.Phrases {
			var key []string
			for _, k := range token.For("fr").Tokens(p.Text) {
				if !k.Compound {
					key = append(key, k.Term)
				}
			}
			if c := want[strings.Join(key, " ")]; c != p.Count {
				t.Errorf("n=%d: %q counted %d, naive %d", n, p.Text, p.Count, c)
			}
		}
	}
	if _, err := tab.Phrases(explore.PhraseOptions{N: 7}); err == nil {
		t.Error("n=7: no error")
	}
}

func TestTrendTimelineFigures(t *testing.T) {
	_, tab := seeds(t)
	tr, err := tab.Trend([]string{"numérique", "France", "président"}, explore.TrendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	words := 0
	sums := make([]int, 3)
	for _, g := range tr.Groups {
		words += g.Words
		for i, c := range g.Counts {
			sums[i] += c
		}
	}
	for i, q := range tr.Terms {
		c, _ := tab.KWIC(q, explore.KWICOptions{})
		if tr.Totals[i] != c.Total {
			t.Errorf("trend %q: total %d, concordance %d", q, tr.Totals[i], c.Total)
		}
		if tr.By == "folder" && sums[i] != c.Total {
			t.Errorf("trend %q: groups sum %d, concordance %d", q, sums[i], c.Total)
		}
	}
	if tr.By == "folder" && words != tab.Tokens() {
		t.Errorf("groups hold %d words, corpus %d", words, tab.Tokens())
	}
	// The documents: the Limit where a term is most frequent, highest
	// first, out of Holding, those with a term.
	holding := 0
	for d := 0; d < tab.Len(); d++ {
		for _, q := range tr.Terms {
			if c, _ := tab.KWIC(q, explore.KWICOptions{Docs: []int{d}, Limit: 1}); c.Total > 0 {
				holding++
				break
			}
		}
	}
	if tr.Holding != holding || len(tr.Docs) != min(holding, explore.DefaultLimit) {
		t.Errorf("trend: holding %d, %d documents; want %d", tr.Holding, len(tr.Docs), holding)
	}
	top := func(d explore.TrendDoc) float64 { return slices.Max(d.Per10k) }
	for i := 1; i < len(tr.Docs); i++ {
		if top(tr.Docs[i]) > top(tr.Docs[i-1]) {
			t.Errorf("trend document %d (%g) above %d (%g)", i, top(tr.Docs[i]), i-1, top(tr.Docs[i-1]))
		}
	}
	one, err := tab.Trend(tr.Terms, explore.TrendOptions{Limit: 1})
	if err != nil || len(one.Docs) != 1 || one.Docs[0].ID != tr.Docs[0].ID || one.Holding != tr.Holding {
		t.Errorf("trend, limit 1: %+v, %v; want %s first of %d", one, err, tr.Docs[0].ID, tr.Holding)
	}
	if _, err := tab.Trend(make([]string, 6), explore.TrendOptions{}); err == nil {
		t.Error("6 terms: no error")
	}
	tl, err := tab.Timeline(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	n := tl.Undated
	for _, p := range tl.Periods {
		n += p.Docs
	}
	if n != tab.Len() {
		t.Errorf("timeline counts %d documents of %d", n, tab.Len())
	}
	f := tab.Figures()
	if f.Tokens != tab.Tokens() || f.Types == 0 || f.TTR <= 0 || f.TTR > 1 || f.STTR <= 0 {
		t.Errorf("figures %+v", f)
	}
	n = 0
	for _, b := range f.Lengths {
		n += b.Docs
	}
	if n != tab.Len() {
		t.Errorf("length bins hold %d documents of %d", n, tab.Len())
	}
}

// TestBuilderOrder checks that a table cut from documents added in any
// order gives the same analyses as one cut in corpus order.
func TestBuilderOrder(t *testing.T) {
	src, want := seeds(t)
	b := explore.NewBuilder(src)
	for i := src.Len() - 1; i >= 0; i-- {
		if _, err := b.Table(); err == nil {
			t.Fatalf("table with %d documents left: no error", b.Left())
		}
		d, _ := src.Doc(i)
		b.Add(i, d)
		b.Add(i, d) // again: nothing
		if !b.Has(i) {
			t.Fatalf("document %d not in", i)
		}
	}
	got, err := b.Table()
	if err != nil {
		t.Fatal(err)
	}
	type jsoner interface{ AppendJSON(*jsonw.Writer) }
	run := func(tab *explore.Table) string {
		var w jsonw.Writer
		for _, f := range []func() (jsoner, error){
			func() (jsoner, error) { return tab.KWIC("le", explore.KWICOptions{Sort: "left", Limit: 200}) },
			func() (jsoner, error) {
				return tab.Collocates("numérique", explore.CollocateOptions{Window: 5, MinCount: 1})
			},
			func() (jsoner, error) { return tab.Keyness([]int{0, 2}, explore.KeynessOptions{MinCount: 1}) },
			func() (jsoner, error) { return tab.Phrases(explore.PhraseOptions{N: 2, MinCount: 2}) },
			func() (jsoner, error) { return tab.Trend([]string{"France", "numérique"}, explore.TrendOptions{}) },
			func() (jsoner, error) { return tab.Figures(), nil },
		} {
			v, err := f()
			if err != nil {
				t.Fatal(err)
			}
			v.AppendJSON(&w)
		}
		return w.Text()
	}
	if a, b := run(want), run(got); a != b {
		t.Errorf("documents added in reverse: analyses differ\n%s\nwant\n%s", b, a)
	}
}

// TestBuilderDisplay checks that a word is shown as the first document
// writes it, whatever the order the documents come in.
func TestBuilderDisplay(t *testing.T) {
	src := explore.Docs{
		{ID: "a", Lang: "fr", Text: "Élan élan vite."},
		{ID: "b", Lang: "fr", Text: "Un elan, chat, chien, loup, mouton."},
	}
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		b := explore.NewBuilder(src)
		for _, i := range order {
			b.Add(i, src[i])
		}
		tab, err := b.Table()
		if err != nil {
			t.Fatal(err)
		}
		k, err := tab.Keyness([]int{0}, explore.KeynessOptions{MinCount: 1})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, x := range k.Keys {
			found = found || x.Count == 2 && x.Word == "élan"
		}
		if !found {
			t.Errorf("order %v: keyness %+v; want élan, twice", order, k.Keys)
		}
	}
}
