//go:build js && wasm

package bridge

import (
	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/hack-pad/safejs"
)

// The options each analysis takes, as wasm/api.js declares them.
var (
	kwicOptions       = []string{"match", "sort", "offset", "limit", "context", "id", "near", "window"}
	trendOptions      = []string{"match", "by", "limit"}
	collocatesOptions = []string{"match", "window", "limit", "min", "id"}
	keynessOptions    = []string{"id", "query", "hits", "folder", "author", "dateFrom", "dateTo", "limit", "min"}
	phrasesOptions    = []string{"n", "min", "limit", "id"}
	networkOptions    = []string{"scope", "limit", "min"}
	timelineOptions   = []string{"query", "folder", "author", "dateFrom", "dateTo", "by"}
)

// exploreOptions reads the options object v of an analysis, whose known
// options are known.
func (b *Bridge) exploreOptions(v safejs.Value, known []string) (engine.ExploreOptions, error) {
	var opt engine.ExploreOptions
	o, _, err := b.readObject(v, "options", known...)
	if err != nil {
		return opt, err
	}
	for _, k := range known {
		switch k {
		case "offset":
			opt.Offset, err = o.int(k, 0, engine.MaxOffset, 0)
		case "limit":
			opt.Limit, err = o.int(k, 0, engine.MaxLimit, 0)
		case "context":
			opt.Context, err = o.int(k, 0, engine.MaxContext, 0)
		case "window":
			opt.Window, err = o.int(k, 0, engine.MaxWindow, 0)
		case "min":
			opt.Min, err = o.int(k, 0, engine.MaxOffset, 0)
		case "n":
			opt.N, err = o.int(k, 0, engine.MaxGram, 0)
		case "hits":
			opt.Hits, err = o.int(k, 0, engine.MaxLimit, 0)
		case "match":
			opt.Match, err = o.str(k, 16)
		case "sort":
			opt.Sort, err = o.str(k, 16)
		case "by":
			opt.By, err = o.str(k, 16)
		case "scope":
			opt.Scope, err = o.str(k, 16)
		case "id":
			opt.ID, err = o.str(k, engine.MaxQueryLen)
		case "query":
			opt.Query, err = o.str(k, engine.MaxQueryLen)
		case "near":
			opt.Near, err = o.str(k, engine.MaxQueryLen)
		case "folder":
			opt.Folder, err = o.str(k, engine.MaxQueryLen)
		case "author":
			opt.Author, err = o.str(k, engine.MaxQueryLen)
		case "dateFrom":
			opt.DateFrom, err = o.str(k, 10)
		case "dateTo":
			opt.DateTo, err = o.str(k, 10)
		}
		if err != nil {
			return opt, err
		}
	}
	return opt, nil
}

// kwic(query, {match, sort, offset, limit, context, id})
func (b *Bridge) kwic(args []safejs.Value) (engine.JSONer, error) {
	q, err := b.query(args)
	if err != nil {
		return nil, err
	}
	opt, err := b.exploreOptions(arg(args, 1), kwicOptions)
	if err != nil {
		return nil, err
	}
	return b.e.KWIC(q, opt)
}

// trend(terms, {match, by, limit}): terms "a, b, c"
func (b *Bridge) trend(args []safejs.Value) (engine.JSONer, error) {
	terms, err := b.readString(arg(args, 0), "terms", engine.MaxQueryLen)
	if err != nil {
		return nil, err
	}
	opt, err := b.exploreOptions(arg(args, 1), trendOptions)
	if err != nil {
		return nil, err
	}
	return b.e.Trend(terms, opt)
}

// collocates(query, {match, window, limit, min, id})
func (b *Bridge) collocates(args []safejs.Value) (engine.JSONer, error) {
	q, err := b.query(args)
	if err != nil {
		return nil, err
	}
	opt, err := b.exploreOptions(arg(args, 1), collocatesOptions)
	if err != nil {
		return nil, err
	}
	return b.e.Collocates(q, opt)
}

// keyness({id | query, hits | folder, author, dateFrom, dateTo; limit, min})
func (b *Bridge) keyness(args []safejs.Value) (engine.JSONer, error) {
	opt, err := b.exploreOptions(arg(args, 0), keynessOptions)
	if err != nil {
		return nil, err
	}
	return b.e.Keyness(opt)
}

// phrases({n, min, limit, id})
func (b *Bridge) phrases(args []safejs.Value) (engine.JSONer, error) {
	opt, err := b.exploreOptions(arg(args, 0), phrasesOptions)
	if err != nil {
		return nil, err
	}
	return b.e.Phrases(opt)
}

// network({scope, limit, min})
func (b *Bridge) network(args []safejs.Value) (engine.JSONer, error) {
	opt, err := b.exploreOptions(arg(args, 0), networkOptions)
	if err != nil {
		return nil, err
	}
	return b.e.Network(opt)
}

// timeline({query, folder, author, dateFrom, dateTo, by})
func (b *Bridge) timeline(args []safejs.Value) (engine.JSONer, error) {
	opt, err := b.exploreOptions(arg(args, 0), timelineOptions)
	if err != nil {
		return nil, err
	}
	return b.e.Timeline(opt)
}

// figures()
func (b *Bridge) figures([]safejs.Value) (engine.JSONer, error) {
	return b.e.Figures()
}
