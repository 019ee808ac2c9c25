package explore

import "github.com/corpus-explorer/explorer/corpus/jsonw"

// String returns the match's name.
func (m Match) String() string {
	if m == Forms {
		return "forms"
	}
	return "word"
}

func floats(w *jsonw.Writer, fs []float64) {
	w.OpenArray()
	for _, f := range fs {
		w.Float(f)
	}
	w.CloseArray()
}

func ints(w *jsonw.Writer, ns []int) {
	w.OpenArray()
	for _, n := range ns {
		w.Int(n)
	}
	w.CloseArray()
}

func key(w *jsonw.Writer, k string, n int) { w.Key(k); w.Int(n) }
func keyS(w *jsonw.Writer, k, s string)    { w.Key(k); w.String(s) }
func keyF(w *jsonw.Writer, k string, f float64) {
	w.Key(k)
	w.Float(f)
}

// AppendJSON writes the concordance as {"query","match","sort","total",
// "docs","offset","lines":[{"id","title","date","left","hit","right",
// "start","end","pos"}]}.
func (c *Concordance) AppendJSON(w *jsonw.Writer) {
	w.Open()
	keyS(w, "query", c.Query)
	keyS(w, "match", c.Match.String())
	keyS(w, "sort", c.Sort)
	key(w, "total", c.Total)
	key(w, "docs", c.Docs)
	key(w, "offset", c.Offset)
	w.Key("lines")
	w.OpenArray()
	for _, l := range c.Lines {
		w.Open()
		keyS(w, "id", l.ID)
		keyS(w, "title", l.Title)
		keyS(w, "date", l.Date)
		keyS(w, "left", l.Left)
		keyS(w, "hit", l.Hit)
		keyS(w, "right", l.Right)
		key(w, "start", l.Start)
		key(w, "end", l.End)
		key(w, "pos", l.Pos)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// AppendJSON writes the trend as {"terms","by","totals","holding",
// "docs":[{"id","title","words","counts","per10k"}],"groups":[{"key",
// "docs","words","counts","per10k"}]}.
func (r *Trend) AppendJSON(w *jsonw.Writer) {
	w.Open()
	w.Key("terms")
	w.Strings(r.Terms)
	keyS(w, "by", r.By)
	w.Key("totals")
	ints(w, r.Totals)
	key(w, "holding", r.Holding)
	w.Key("docs")
	w.OpenArray()
	for _, d := range r.Docs {
		w.Open()
		keyS(w, "id", d.ID)
		keyS(w, "title", d.Title)
		key(w, "words", d.Words)
		w.Key("counts")
		ints(w, d.Counts)
		w.Key("per10k")
		floats(w, d.Per10k)
		w.Close()
	}
	w.CloseArray()
	w.Key("groups")
	w.OpenArray()
	for _, g := range r.Groups {
		w.Open()
		keyS(w, "key", g.Key)
		key(w, "docs", g.Docs)
		key(w, "words", g.Words)
		w.Key("counts")
		ints(w, g.Counts)
		w.Key("per10k")
		floats(w, g.Per10k)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// AppendJSON writes the collocates as {"query","window","measure","hits",
// "window_words","tokens","words":[{"word","count","left","right","freq",
// "ll"}]}.
func (r *Collocates) AppendJSON(w *jsonw.Writer) {
	w.Open()
	keyS(w, "query", r.Query)
	key(w, "window", r.Window)
	keyS(w, "measure", r.Measure)
	key(w, "hits", r.Hits)
	key(w, "window_words", r.WindowSize)
	key(w, "tokens", r.Tokens)
	w.Key("words")
	w.OpenArray()
	for _, c := range r.Words {
		w.Open()
		keyS(w, "word", c.Word)
		key(w, "count", c.Count)
		key(w, "left", c.Left)
		key(w, "right", c.Right)
		key(w, "freq", c.Freq)
		keyF(w, "ll", c.LL)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// AppendJSON writes the keyness as {"measure","docs","words","rest",
// "keys":[{"word","count","rest","ll","per10k","ref10k"}]}.
func (k *Keyness) AppendJSON(w *jsonw.Writer) {
	w.Open()
	keyS(w, "measure", k.Measure)
	key(w, "docs", k.Docs)
	key(w, "words", k.Words)
	key(w, "rest", k.Rest)
	w.Key("keys")
	w.OpenArray()
	for _, x := range k.Keys {
		w.Open()
		keyS(w, "word", x.Word)
		key(w, "count", x.Count)
		key(w, "rest", x.Rest)
		keyF(w, "ll", x.LL)
		keyF(w, "per10k", x.Per10k)
		keyF(w, "ref10k", x.Ref10k)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// AppendJSON writes the phrases as {"n","total","phrases":[{"text",
// "count","docs"}]}.
func (r *Phrases) AppendJSON(w *jsonw.Writer) {
	w.Open()
	key(w, "n", r.N)
	key(w, "total", r.Total)
	w.Key("phrases")
	w.OpenArray()
	for _, p := range r.Phrases {
		w.Open()
		keyS(w, "text", p.Text)
		key(w, "count", p.Count)
		key(w, "docs", p.Docs)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// AppendJSON writes the network as {"scope","nodes":[{"name","kind",
// "mentions","docs"}],"edges":[{"a","b","count"}]}.
func (n *Network) AppendJSON(w *jsonw.Writer) {
	w.Open()
	keyS(w, "scope", n.Scope)
	w.Key("nodes")
	w.OpenArray()
	for _, x := range n.Nodes {
		w.Open()
		keyS(w, "name", x.Name)
		keyS(w, "kind", x.Kind)
		key(w, "mentions", x.Mentions)
		key(w, "docs", x.Docs)
		w.Close()
	}
	w.CloseArray()
	w.Key("edges")
	w.OpenArray()
	for _, e := range n.Edges {
		w.Open()
		key(w, "a", e.A)
		key(w, "b", e.B)
		key(w, "count", e.Count)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// AppendJSON writes the timeline as {"by","undated","periods":[{"key",
// "docs","words"}]}.
func (tl *Timeline) AppendJSON(w *jsonw.Writer) {
	w.Open()
	keyS(w, "by", tl.By)
	key(w, "undated", tl.Undated)
	w.Key("periods")
	w.OpenArray()
	for _, p := range tl.Periods {
		w.Open()
		keyS(w, "key", p.Key)
		key(w, "docs", p.Docs)
		key(w, "words", p.Words)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

// AppendJSON writes the figures as {"documents","tokens","types","ttr",
// "sttr","hapax","min_words","median_words","mean_words","max_words",
// "lengths":[{"min","max","docs"}],"languages":[{"lang","docs","words"}]}.
func (f *Figures) AppendJSON(w *jsonw.Writer) {
	w.Open()
	key(w, "documents", f.Documents)
	key(w, "tokens", f.Tokens)
	key(w, "types", f.Types)
	keyF(w, "ttr", f.TTR)
	keyF(w, "sttr", f.STTR)
	key(w, "hapax", f.Hapax)
	key(w, "min_words", f.MinWords)
	key(w, "median_words", f.Median)
	keyF(w, "mean_words", f.Mean)
	key(w, "max_words", f.MaxWords)
	w.Key("lengths")
	w.OpenArray()
	for _, b := range f.Lengths {
		w.Open()
		key(w, "min", b.Min)
		key(w, "max", b.Max)
		key(w, "docs", b.Docs)
		w.Close()
	}
	w.CloseArray()
	w.Key("languages")
	w.OpenArray()
	for _, l := range f.Languages {
		w.Open()
		keyS(w, "lang", l.Lang)
		key(w, "docs", l.Docs)
		key(w, "words", l.Words)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}
