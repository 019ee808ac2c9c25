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
	ints := map[string]struct {
		p      *int
		lo, hi int
	}{
		"offset":  {&opt.Offset, 0, engine.MaxOffset},
		"limit":   {&opt.Limit, 0, engine.MaxLimit},
		"context": {&opt.Context, 0, engine.MaxContext},
		"window":  {&opt.Window, 0, engine.MaxWindow},
		"min":     {&opt.Min, 0, engine.MaxOffset},
		"n":       {&opt.N, 0, engine.MaxGram},
		"hits":    {&opt.Hits, 0, engine.MaxLimit},
	}
	strs := map[string]struct {
		p   *string
		max int
	}{
		"match": {&opt.Match, 16}, "sort": {&opt.Sort, 16}, "by": {&opt.By, 16}, "scope": {&opt.Scope, 16},
		"id": {&opt.ID, engine.MaxQueryLen}, "query": {&opt.Query, engine.MaxQueryLen}, "near": {&opt.Near, engine.MaxQueryLen},
		"folder": {&opt.Folder, engine.MaxQueryLen}, "author": {&opt.Author, engine.MaxQueryLen},
		"dateFrom": {&opt.DateFrom, 10}, "dateTo": {&opt.DateTo, 10},
	}
	for _, k := range known {
		if i, ok := ints[k]; ok {
			if *i.p, err = o.int(k, i.lo, i.hi, 0); err != nil {
				return opt, err
			}
		} else if s, ok := strs[k]; ok {
			if *s.p, err = o.str(k, s.max); err != nil {
				return opt, err
			}
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
