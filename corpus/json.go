package corpus

import "github.com/corpus-explorer/explorer/corpus/jsonw"

// MetaJSONSize returns about as many bytes as AppendMetaJSON writes, a
// little more rather than less.
func (d *Document) MetaJSONSize() int {
	n := 96 + len(d.ID) + len(d.Path) + len(d.Title) + len(d.Date) + len(d.Author) + len(d.Lang) + len(d.Section)
	for _, t := range d.Tags {
		n += 3 + len(t)
	}
	return n + n/8 // escapes
}

// AppendMetaJSON writes the document's metadata as members of an object
// the caller opens and closes: id, path, title, title_derived, date,
// author and lang.
func (d *Document) AppendMetaJSON(w *jsonw.Writer) {
	w.Key("id")
	w.String(d.ID)
	w.Key("path")
	w.String(d.Path)
	w.Key("title")
	w.String(d.Title)
	w.Key("title_derived")
	w.Bool(d.TitleDerived)
	w.Key("date")
	w.String(d.Date)
	w.Key("author")
	w.String(d.Author)
	w.Key("lang")
	w.String(d.Lang)
	if d.Section != "" {
		w.Key("section")
		w.String(d.Section)
	}
	if len(d.Tags) > 0 {
		w.Key("tags")
		w.Strings(d.Tags)
	}
}

// JSONSize returns about as many bytes as AppendJSON writes, a little
// more rather than less: the text twice (whole and in its sentences),
// and about 64 bytes a block, sentence or other item.
func (d *Document) JSONSize() int {
	n := d.MetaJSONSize() + 512 + 2*len(d.Text) + len(d.Text)/8 +
		64*(2*len(d.Blocks)+len(d.Sentences)+len(d.Pages)+len(d.Keywords)+len(d.Entities)+len(d.Related))
	for _, s := range d.Warnings {
		n += len(s) + 3
	}
	return n
}

// AppendJSON writes the document as one JSON object: the form that
// `explorer inspect` prints and the JavaScript API's document(id) returns.
// Offsets are in UTF-16 code units of text.
func (d *Document) AppendJSON(w *jsonw.Writer) {
	u := NewUTF16Offsets(d.Text)
	w.Open()
	d.AppendMetaJSON(w)
	w.Key("encoding")
	w.String(d.Encoding)
	w.Key("repairs")
	w.Int(d.Repairs)
	w.Key("invalid_bytes")
	w.Int(d.InvalidBytes)
	w.Key("warnings")
	w.Strings(d.Warnings)
	w.Key("words")
	w.Int(d.Words())
	w.Key("text")
	w.String(d.Text)
	w.Key("blocks")
	w.OpenArray()
	for _, b := range d.Blocks {
		s := u.Span(b.Span)
		w.Open()
		w.Key("kind")
		w.String(b.Kind.String())
		w.Key("start")
		w.Int(s.Start)
		w.Key("end")
		w.Int(s.End)
		w.Close()
	}
	w.CloseArray()
	if len(d.Pages) > 0 {
		w.Key("pages") // where each page starts, for paged sources (PDF)
		w.OpenArray()
		for _, p := range d.Pages {
			w.Int(u.Span(Span{p, p}).Start)
		}
		w.CloseArray()
	}
	for _, k := range [...]struct {
		key  string
		kind BlockKind
	}{{"paragraphs", Paragraph}, {"headings", Heading}, {"boilerplate", Boilerplate}} {
		w.Key(k.key)
		w.OpenArray()
		for _, b := range d.Blocks {
			if b.Kind == k.kind {
				appendSpan(w, u.Span(b.Span))
			}
		}
		w.CloseArray()
	}
	w.Key("sentences")
	w.OpenArray()
	for _, s := range d.Sentences {
		us := u.Span(s)
		w.Open()
		w.Key("text")
		w.String(d.Text[s.Start:s.End])
		w.Key("start")
		w.Int(us.Start)
		w.Key("end")
		w.Int(us.End)
		w.Close()
	}
	w.CloseArray()
	w.Key("keywords")
	AppendKeywords(w, d.Keywords)
	w.Key("entities")
	AppendEntities(w, d.Entities)
	w.Key("related")
	w.OpenArray()
	for _, r := range d.Related {
		w.Open()
		w.Key("id")
		w.String(r.ID)
		w.Key("score")
		w.Float(r.Score)
		w.Key("shared")
		w.Strings(r.Shared)
		w.Close()
	}
	w.CloseArray()
	w.Close()
}

func appendSpan(w *jsonw.Writer, s Span) {
	w.Open()
	w.Key("start")
	w.Int(s.Start)
	w.Key("end")
	w.Int(s.End)
	w.Close()
}

// AppendKeywords writes keywords as an array of {"text","score"} objects.
func AppendKeywords(w *jsonw.Writer, ks []Keyword) {
	w.OpenArray()
	for _, k := range ks {
		w.Open()
		w.Key("text")
		w.String(k.Text)
		w.Key("score")
		w.Float(k.Score)
		w.Close()
	}
	w.CloseArray()
}

// AppendEntities writes entities as an array of
// {"name","kind","count","variants"} objects.
func AppendEntities(w *jsonw.Writer, es []Entity) {
	w.OpenArray()
	for _, e := range es {
		w.Open()
		w.Key("name")
		w.String(e.Name)
		w.Key("kind")
		w.String(e.Kind)
		w.Key("count")
		w.Int(e.Count)
		w.Key("variants")
		w.Strings(e.Variants)
		w.Close()
	}
	w.CloseArray()
}

// AppendJSON writes the overview as one JSON object: the form that
// `explorer overview` prints and the JavaScript API's overview() returns.
func (o *Overview) AppendJSON(w *jsonw.Writer) {
	w.Open()
	w.Key("documents")
	w.Int(o.Documents)
	w.Key("words")
	w.Int(o.Words)
	w.Key("bytes")
	w.Int(o.Bytes)
	w.Key("date_from")
	w.String(o.DateFrom)
	w.Key("date_to")
	w.String(o.DateTo)
	w.Key("languages")
	w.Open()
	for _, l := range sortedKeys(o.Languages) {
		w.Key(l)
		w.Int(o.Languages[l])
	}
	w.Close()
	w.Key("summary")
	w.OpenArray()
	for _, s := range o.Summary {
		w.Open()
		w.Key("id")
		w.String(s.ID)
		w.Key("index")
		w.Int(s.Index)
		w.Key("text")
		w.String(s.Text)
		w.Close()
	}
	w.CloseArray()
	w.Key("keywords")
	AppendKeywords(w, o.Keywords)
	w.Key("entities")
	AppendEntities(w, o.Entities)
	w.Close()
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// insertion sort: a handful of languages, and no sort package needed
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
