//go:build js && wasm

package bridge

import (
	"errors"
	"strconv"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
	"github.com/hack-pad/safejs"
)

// defaultSuggestions is how many completions suggest() returns by default.
const defaultSuggestions = 10

// exported describes one method of the API object.
type exported struct {
	name    string
	maxArgs int
	fn      method
}

// methods lists the API: the names are those of explorer.js.
func (b *Bridge) methods() []exported {
	return []exported{
		{"search", 2, b.search},
		{"highlights", 2, b.highlights},
		{"summarize", 2, b.summarize},
		{"summarizeQuery", 2, b.summarizeQuery},
		{"document", 1, b.document},
		{"documents", 1, b.documents},
		{"related", 2, b.related},
		{"overview", 0, b.overview},
		{"suggest", 2, b.suggest},
		{"stats", 1, b.statsMethod},
		{"kwic", 2, b.kwic},
		{"trend", 2, b.trend},
		{"collocates", 2, b.collocates},
		{"keyness", 1, b.keyness},
		{"phrases", 1, b.phrases},
		{"network", 1, b.network},
		{"timeline", 1, b.timeline},
		{"figures", 0, b.figures},
		{"packs", 0, b.packs},
		{"addPack", 2, b.addPack},
		{"close", 0, b.close},
	}
}

func (b *Bridge) query(args []safejs.Value) (string, error) {
	return b.readString(arg(args, 0), "query", engine.MaxQueryLen)
}

func (b *Bridge) id(args []safejs.Value) (string, error) {
	return b.readString(arg(args, 0), "id", engine.MaxQueryLen)
}

// search(query, {limit, offset, sort, filters: {author, dateFrom, dateTo, section, tag}, explain, asTyped, summary: {sentences | words}})
func (b *Bridge) search(args []safejs.Value) (engine.JSONer, error) {
	q, err := b.query(args)
	if err != nil {
		return nil, err
	}
	o, _, err := b.readObject(arg(args, 1), "options", "limit", "offset", "sort", "filters", "explain", "asTyped", "summary")
	if err != nil {
		return nil, err
	}
	var opt search.Options
	if opt.Limit, err = o.int("limit", 0, engine.MaxLimit, 0); err != nil {
		return nil, err
	}
	if opt.Offset, err = o.int("offset", 0, engine.MaxOffset, 0); err != nil {
		return nil, err
	}
	if opt.Sort, err = o.str("sort", 16); err != nil {
		return nil, err
	}
	if opt.Explain, err = o.bool("explain"); err != nil {
		return nil, err
	}
	if opt.AsTyped, err = o.bool("asTyped"); err != nil {
		return nil, err
	}
	f, err := o.object("filters", "author", "dateFrom", "dateTo", "section", "tag")
	if err != nil {
		return nil, err
	}
	if opt.Author, err = f.str("author", engine.MaxQueryLen); err != nil {
		return nil, err
	}
	if opt.DateFrom, err = f.str("dateFrom", 10); err != nil {
		return nil, err
	}
	if opt.DateTo, err = f.str("dateTo", 10); err != nil {
		return nil, err
	}
	if opt.Section, err = f.str("section", engine.MaxQueryLen); err != nil {
		return nil, err
	}
	if opt.Tag, err = f.str("tag", engine.MaxQueryLen); err != nil {
		return nil, err
	}
	sv, set, err := o.get("summary")
	if err != nil {
		return nil, err
	}
	if !set {
		return b.e.Search(q, opt)
	}
	sopt, err := b.summaryOptions(sv, "options.summary")
	if err != nil {
		return nil, err
	}
	return b.e.SearchSummary(q, opt, sopt)
}

// highlights(id, query)
func (b *Bridge) highlights(args []safejs.Value) (engine.JSONer, error) {
	id, err := b.id(args)
	if err != nil {
		return nil, err
	}
	q, err := b.readString(arg(args, 1), "query", engine.MaxQueryLen)
	if err != nil {
		return nil, err
	}
	return b.e.Highlights(id, q)
}

func (b *Bridge) summaryOptions(v safejs.Value, path string) (summary.Options, error) {
	var opt summary.Options
	o, _, err := b.readObject(v, path, "sentences", "words")
	if err != nil {
		return opt, err
	}
	if opt.Sentences, err = o.int("sentences", 0, engine.MaxSentences, 0); err != nil {
		return opt, err
	}
	opt.Words, err = o.int("words", 0, engine.MaxWords, 0)
	return opt, err
}

// summarize(id, {sentences | words})
func (b *Bridge) summarize(args []safejs.Value) (engine.JSONer, error) {
	id, err := b.id(args)
	if err != nil {
		return nil, err
	}
	opt, err := b.summaryOptions(arg(args, 1), "options")
	if err != nil {
		return nil, err
	}
	return b.e.Summarize(id, opt)
}

// summarizeQuery(query, {sentences | words})
func (b *Bridge) summarizeQuery(args []safejs.Value) (engine.JSONer, error) {
	q, err := b.query(args)
	if err != nil {
		return nil, err
	}
	opt, err := b.summaryOptions(arg(args, 1), "options")
	if err != nil {
		return nil, err
	}
	return b.e.SummarizeQuery(q, opt)
}

// document(id)
func (b *Bridge) document(args []safejs.Value) (engine.JSONer, error) {
	id, err := b.id(args)
	if err != nil {
		return nil, err
	}
	return b.e.Document(id)
}

// documents({offset, limit}): every document's metadata, or a page of it.
func (b *Bridge) documents(args []safejs.Value) (engine.JSONer, error) {
	o, set, err := b.readObject(arg(args, 0), "options", "offset", "limit")
	if err != nil || !set {
		return b.e.Documents(), err
	}
	offset, err := o.int("offset", 0, engine.MaxOffset, 0)
	if err != nil {
		return nil, err
	}
	limit, err := o.int("limit", 0, engine.MaxLimit, engine.MaxLimit)
	if err != nil {
		return nil, err
	}
	return b.e.DocumentsPage(offset, limit)
}

// related(id, {limit})
func (b *Bridge) related(args []safejs.Value) (engine.JSONer, error) {
	id, err := b.id(args)
	if err != nil {
		return nil, err
	}
	o, _, err := b.readObject(arg(args, 1), "options", "limit")
	if err != nil {
		return nil, err
	}
	n, err := o.int("limit", 0, engine.MaxLimit, -1)
	if err != nil {
		return nil, err
	}
	return b.e.Related(id, n)
}

// overview()
func (b *Bridge) overview([]safejs.Value) (engine.JSONer, error) {
	return b.e.Overview(), nil
}

// suggest(prefix, {limit})
func (b *Bridge) suggest(args []safejs.Value) (engine.JSONer, error) {
	p, err := b.readString(arg(args, 0), "prefix", engine.MaxQueryLen)
	if err != nil {
		return nil, err
	}
	o, _, err := b.readObject(arg(args, 1), "options", "limit")
	if err != nil {
		return nil, err
	}
	n, err := o.int("limit", 0, engine.MaxLimit, defaultSuggestions)
	if err != nil {
		return nil, err
	}
	return b.e.Suggest(p, n)
}

// stats({gc})
func (b *Bridge) statsMethod(args []safejs.Value) (engine.JSONer, error) {
	o, _, err := b.readObject(arg(args, 0), "options", "gc")
	if err != nil {
		return nil, err
	}
	gc, err := o.bool("gc")
	if err != nil {
		return nil, err
	}
	return b.stats(gc), nil
}

// packs()
func (b *Bridge) packs([]safejs.Value) (engine.JSONer, error) {
	return b.e.Packs(), nil
}

// addPack(n, bytes): bytes a Uint8Array, the file of pack n.
func (b *Bridge) addPack(args []safejs.Value) (engine.JSONer, error) {
	n, err := b.readInt(arg(args, 0), "pack", 0, 1<<30)
	if err != nil {
		return nil, err
	}
	v := arg(args, 1)
	size, err := v.Get("byteLength")
	if err != nil || size.Type() != safejs.TypeNumber {
		return nil, errors.New("bytes must be a Uint8Array, got " + b.typeName(v))
	}
	length, err := size.Int()
	if err != nil || length < 0 || length > engine.MaxPackBytes {
		return nil, errors.New("bytes: " + strconv.Itoa(length) + " bytes, the limit is " + strconv.Itoa(engine.MaxPackBytes))
	}
	buf := make([]byte, length)
	if _, err := safejs.CopyBytesToGo(buf, v); err != nil {
		return nil, errors.New("bytes must be a Uint8Array: " + err.Error())
	}
	if err := b.e.AddPack(n, string(buf)); err != nil {
		return nil, err
	}
	return null{}, nil
}

// close() releases every function, this one included, and lets the Go
// program end.
func (b *Bridge) close([]safejs.Value) (engine.JSONer, error) {
	b.Close()
	return null{}, nil
}

// null is the JSON answer null.
type null struct{}

func (null) AppendJSON(w *jsonw.Writer) { w.Null() }
