// Package engine is the one entry point to a built corpus: it opens an
// index blob and answers every question the command-line tool and the
// JavaScript API ask (search, summaries, documents, related documents,
// overview, suggestions, statistics), each answer able to write itself as
// the JSON both of them return.
package engine

import (
	"errors"
	"strconv"
	"sync"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/explore"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/jsonw"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// Limits on what one question may ask. They are the same for the
// command-line tool and the JavaScript API (wasm/api.js declares them for
// JavaScript, and a test holds the two equal); a value outside them is an
// error that names the value and the bound, never silently changed.
// Lengths are in characters: UTF-16 code units, as JavaScript counts them.
const (
	MaxQueryLen  = search.MaxQueryLen // characters of a query, a prefix, a document id or an author filter
	MaxLimit     = 1000               // hits, related documents or suggestions per answer
	MaxOffset    = 1_000_000          // hits skipped
	MaxSentences = 100                // sentences of a summary
	MaxWords     = 10_000             // word budget of a summary
)

// ErrNotFound is wrapped by errors for unknown document ids.
var ErrNotFound = errors.New("no such document")

// JSONer is what every answer of the engine is: something that writes
// itself as JSON.
type JSONer interface {
	AppendJSON(w *jsonw.Writer)
}

// JSON returns v written as JSON. An answer that says about how many
// bytes it writes (a JSONSize method, a little more rather than less) is
// written into a buffer of that size, made once.
//
// The WebAssembly module does not call JSON: its bridge writes every
// answer into one buffer, kept from call to call, so the module links no
// JSONSize method.
func JSON(v JSONer) []byte {
	var w jsonw.Writer
	if s, ok := v.(interface{ JSONSize() int }); ok {
		w.Grow(s.JSONSize())
	}
	v.AppendJSON(&w)
	return w.Bytes()
}

// Engine answers questions about one corpus. It is safe for concurrent use.
type Engine struct {
	ix        *index.Index
	search    *search.Engine
	blobBytes int // size of the blob the index was decoded from; 0 if built in memory

	wordsOnce sync.Once
	words     int

	tableMu sync.Mutex // guards table, cut on first use, and cutting
	table   *explore.Table
	cutting *explore.Builder // the table being cut: the documents of each pack added go in as it comes
	// cutBudget is CutBudget when 0; tests shorten it.
	cutBudget int
}

// Open decodes an index blob written by `explorer build`.
func Open(blob []byte) (*Engine, error) {
	ix, err := index.Decode(blob)
	if err != nil {
		return nil, err
	}
	e := New(ix)
	e.blobBytes = len(blob)
	return e, nil
}

// OpenString is Open for a blob held in a string, such as one embedded
// with go:embed: the index shares the string's memory and copies nothing.
func OpenString(blob string) (*Engine, error) {
	ix, err := index.DecodeString(blob)
	if err != nil {
		return nil, err
	}
	e := New(ix)
	e.blobBytes = len(blob)
	return e, nil
}

// OpenEmbedded is OpenString for a blob embedded in the program itself
// (go:embed), whose checksum it skips: see index.DecodeEmbedded.
func OpenEmbedded(blob string) (*Engine, error) {
	ix, err := index.DecodeEmbedded(blob)
	if err != nil {
		return nil, err
	}
	e := New(ix)
	e.blobBytes = len(blob)
	return e, nil
}

// New returns an engine over an index already in memory.
func New(ix *index.Index) *Engine {
	return &Engine{ix: ix, search: search.New(ix)}
}

// Index returns the engine's index.
func (e *Engine) Index() *index.Index { return e.ix }

func checkQuery(q string) error { return checkLen("query", q) }

// checkLen reports an error naming what when s is over MaxQueryLen
// characters.
func checkLen(what, s string) error {
	if len(s) <= MaxQueryLen { // never more characters than bytes
		return nil
	}
	if n := corpus.UTF16Len(s); n > MaxQueryLen {
		return errors.New(what + " too long: " + strconv.Itoa(n) + " characters, the limit is " + strconv.Itoa(MaxQueryLen) + " characters")
	}
	return nil
}

// checkRange reports an error naming what when n is outside [lo, hi].
func checkRange(what string, n, lo, hi int) error {
	if n < lo || n > hi {
		return errors.New(what + " out of range: " + strconv.Itoa(n) + ", want " + strconv.Itoa(lo) + " to " + strconv.Itoa(hi))
	}
	return nil
}

// checkDate reports whether s is "", or an ISO date prefix: YYYY, YYYY-MM
// or YYYY-MM-DD.
func checkDate(what, s string) error {
	ok := len(s) == 0 || len(s) == 4 || len(s) == 7 || len(s) == 10
	for i := 0; ok && i < len(s); i++ {
		if i == 4 || i == 7 {
			ok = s[i] == '-'
		} else {
			ok = '0' <= s[i] && s[i] <= '9'
		}
	}
	if !ok {
		return errors.New(what + " is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): " + strconv.Quote(s))
	}
	return nil
}

// CheckSearch reports whether a query and its options are within the
// engine's limits, with an error naming the first value that is not.
func CheckSearch(q string, opt search.Options) error {
	if err := checkQuery(q); err != nil {
		return err
	}
	if err := checkRange("limit", opt.Limit, 0, MaxLimit); err != nil {
		return err
	}
	if err := checkRange("offset", opt.Offset, 0, MaxOffset); err != nil {
		return err
	}
	switch opt.Sort {
	case "", "relevance", "date":
	default:
		return errors.New("unknown sort " + strconv.Quote(opt.Sort) + ": want \"relevance\" or \"date\"")
	}
	for _, f := range [...]struct{ name, v string }{{"author filter", opt.Author}, {"section filter", opt.Section}, {"tag filter", opt.Tag}} {
		if err := checkLen(f.name, f.v); err != nil {
			return err
		}
	}
	if err := checkDate("dateFrom", opt.DateFrom); err != nil {
		return err
	}
	return checkDate("dateTo", opt.DateTo)
}

// CheckSummary reports whether summary options are within the engine's
// limits.
func CheckSummary(opt summary.Options) error {
	if err := checkRange("sentences", opt.Sentences, 0, MaxSentences); err != nil {
		return err
	}
	return checkRange("words", opt.Words, 0, MaxWords)
}

func (e *Engine) doc(id string) (*corpus.Document, error) {
	if err := checkLen("document id", id); err != nil {
		return nil, wrapError{err.Error() + ": " + ErrNotFound.Error(), ErrNotFound}
	}
	d := e.ix.Doc(id)
	if d == nil {
		return nil, wrapError{"document " + strconv.Quote(id) + ": " + ErrNotFound.Error(), ErrNotFound}
	}
	return d, nil
}

// content returns the whole document with the given id, text and
// annotations; when its text pack cannot be used, the error says which
// (and wraps index.ErrNotLoaded when it is only not loaded yet).
func (e *Engine) content(id string) (*corpus.Document, error) {
	if _, err := e.doc(id); err != nil {
		return nil, err
	}
	d, err := e.ix.Content(e.ix.DocNum(id))
	if err != nil {
		return nil, wrapError{"document " + strconv.Quote(id) + ": " + err.Error(), err}
	}
	return d, nil
}

// wrapError is an error with a message of its own that wraps another, as
// fmt.Errorf's %w does (fmt stays out of the module).
type wrapError struct {
	msg string
	err error
}

func (e wrapError) Error() string { return e.msg }
func (e wrapError) Unwrap() error { return e.err }

// Search runs a query. Options outside the limits (see CheckSearch) are
// an error.
func (e *Engine) Search(q string, opt search.Options) (*search.Result, error) {
	if err := CheckSearch(q, opt); err != nil {
		return nil, err
	}
	r, err := e.search.Search(q, opt)
	if err != nil {
		return r, err
	}
	// It read postings not loaded yet, or its did-you-mean, written in the
	// words' display forms, or a word it may take for a typo while the
	// corpus lacks it (a real word, gets no typos) needs the lexicon: ask
	// for every pack it may need.
	lex := (r.Suggestion != "" || r.NeedsLexicon()) && !e.ix.HasLexicon()
	if lex || e.ix.NumChunks() > 0 && len(e.ix.MissingChunks(r.TermsRead())) > 0 {
		return nil, e.needPostings(q, opt, r.TermsRead(), lex)
	}
	return r, nil
}

// needPostings returns a *NotLoadedError when searching q needs packs of
// the search index not added yet (an index written with Split): the
// chunks of the postings it may read (those of the terms given too), so
// that a loader fetches them in one round and asks again; and the
// lexicon when q has a did-you-mean, or when lex. The engine never waits
// for them. A did-you-mean is run as written in the lexicon's display
// forms, which another analysis may read as other words ("e-commerce"
// for "ecommerce"): without the lexicon, only the chunks of q as typed
// are asked for with it, and those of its did-you-mean the next round.
func (e *Engine) needPostings(q string, opt search.Options, terms []int, lex bool) error {
	if e.ix.NumChunks() == 0 && !lex {
		return nil
	}
	planned, suggests := e.search.Terms(q, opt)
	if lex = (lex || suggests) && !e.ix.HasLexicon(); lex {
		opt.AsTyped = true
		planned, _ = e.search.Terms(q, opt)
		terms = nil
	}
	err := &NotLoadedError{}
	for _, c := range e.ix.MissingChunks(append(planned, terms...)) {
		err.add(e.ix.NumPacks()+c, e.ix.ChunkName(c))
	}
	if lex {
		err.add(e.ix.LexiconPack(), e.ix.LexiconName())
	}
	if len(err.Packs) == 0 {
		return nil
	}
	return err
}

// NotLoadedError is the error of a question that needs packs of the
// search index (chunks of its postings or its lexicon, see Packs) not added yet: add
// them all (AddPack) and ask again. Its message names each pack's file,
// "index packs not loaded: 12 (0123456789abcdef.pack), 14 (…)", so that
// a loader can fetch them at once, without the list of every pack.
type NotLoadedError struct {
	Packs []int    // the packs to add, as Packs numbers them
	Names []string // their file names, as Packs names them
}

func (e *NotLoadedError) Error() string {
	msg := "index packs not loaded:"
	for i, p := range e.Packs {
		if i > 0 {
			msg += ","
		}
		msg += " " + strconv.Itoa(p)
		if i < len(e.Names) {
			msg += " (" + e.Names[i] + ")"
		}
	}
	return msg
}

// Unwrap returns index.ErrNotLoaded.
func (e *NotLoadedError) Unwrap() error { return index.ErrNotLoaded }

// add names pack n, file name.
func (e *NotLoadedError) add(n int, name string) {
	e.Packs = append(e.Packs, n)
	e.Names = append(e.Names, name)
}

// SearchSummary runs a query and, from the hits it found, summarises what
// they say about it (see summary.ForResult): one search for a page that
// shows both. Options outside the limits are an error.
func (e *Engine) SearchSummary(q string, opt search.Options, sopt summary.Options) (*Answer, error) {
	if err := CheckSummary(sopt); err != nil {
		return nil, err
	}
	r, err := e.Search(q, opt)
	if err != nil {
		return nil, err
	}
	return &Answer{Result: r, Summary: summary.ForResult(r, e.texts, sopt)}, nil
}

// Answer is a search result with the summary of its hits, written as the
// result's JSON object with one more member, "summary".
type Answer struct {
	*search.Result
	Summary *summary.Summary
}

// JSONSize returns about as many bytes as AppendJSON writes.
func (a *Answer) JSONSize() int {
	n := a.Result.JSONSize()
	if a.Summary != nil {
		n += a.Summary.JSONSize()
	}
	return n
}

// AppendJSON writes the answer.
func (a *Answer) AppendJSON(w *jsonw.Writer) {
	w.Open()
	a.Result.AppendJSONMembers(w)
	if a.Summary != nil {
		w.Key("summary")
		a.Summary.AppendJSON(w)
	}
	w.Close()
}

// Highlights returns the words of the document with the given id that
// query q matched, in its title and its whole text: the words its
// snippets mark, marked everywhere the reader shows them.
func (e *Engine) Highlights(id, q string) (*Highlights, error) {
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	d, err := e.content(id)
	if err != nil {
		return nil, err
	}
	h := e.search.Highlighter(q)
	return &Highlights{ID: id, Query: q, Title: h.Ranges(d.Title, d.Lang), Text: h.Ranges(d.Text, d.Lang)}, nil
}

// Highlights are the ranges to mark in a document for a query, in UTF-16
// code units of its title and its text, written as
// {"id","query","title_highlights","text_highlights"}.
type Highlights struct {
	ID, Query   string
	Title, Text []search.Range
}

// AppendJSON writes the highlights.
func (h *Highlights) AppendJSON(w *jsonw.Writer) {
	w.Open()
	w.Key("id")
	w.String(h.ID)
	w.Key("query")
	w.String(h.Query)
	w.Key("title_highlights")
	search.AppendRanges(w, h.Title)
	w.Key("text_highlights")
	search.AppendRanges(w, h.Text)
	w.Close()
}

// Summarize summarises the document with the given id.
func (e *Engine) Summarize(id string, opt summary.Options) (*summary.Summary, error) {
	if err := CheckSummary(opt); err != nil {
		return nil, err
	}
	d, err := e.content(id)
	if err != nil {
		return nil, err
	}
	return summary.Document(d, opt), nil
}

// SummarizeQuery summarises what the corpus says about q.
func (e *Engine) SummarizeQuery(q string, opt summary.Options) (*summary.Summary, error) {
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	if err := CheckSummary(opt); err != nil {
		return nil, err
	}
	if err := e.needPostings(q, search.Options{}, nil, false); err != nil {
		return nil, err
	}
	return summary.Query(e.search, e.texts, q, opt)
}

// texts returns the whole document with the given id, or nil when its
// text is not at hand (its pack not loaded): summaries leave it out.
func (e *Engine) texts(id string) *corpus.Document {
	d, _ := e.content(id)
	return d
}

// Document returns the whole document with the given id: metadata, text
// and annotations.
func (e *Engine) Document(id string) (*corpus.Document, error) { return e.content(id) }

// Documents lists every document's metadata.
func (e *Engine) Documents() DocumentList { return DocumentList{e.ix.Docs, 0, e.ix} }

// DocumentsPage lists the metadata of up to limit documents from the
// offset-th, in corpus order: a page at a time, for a page that must not
// wait for the whole list. Options outside the limits are an error.
func (e *Engine) DocumentsPage(offset, limit int) (DocumentList, error) {
	if err := checkRange("offset", offset, 0, MaxOffset); err != nil {
		return DocumentList{}, err
	}
	if err := checkRange("limit", limit, 0, MaxLimit); err != nil {
		return DocumentList{}, err
	}
	docs := e.ix.Docs
	lo := min(offset, len(docs))
	return DocumentList{docs[lo:min(lo+limit, len(docs))], lo, e.ix}, nil
}

// Related returns up to n documents related to the one with the given id,
// with their titles; n < 0 means all of them. They are kept with its text:
// when its pack cannot be used, the error says which (see content).
func (e *Engine) Related(id string, n int) (RelatedList, error) {
	if n > MaxLimit {
		return nil, checkRange("limit", n, 0, MaxLimit)
	}
	d, err := e.content(id)
	if err != nil {
		return nil, err
	}
	r := d.Related
	if n >= 0 && n < len(r) {
		r = r[:n]
	}
	l := make(RelatedList, len(r))
	for i, x := range r {
		l[i] = RelatedDoc{Related: x}
		if o := e.ix.Doc(x.ID); o != nil {
			l[i].Title = o.Title
		}
	}
	return l, nil
}

// Overview returns the corpus overview.
func (e *Engine) Overview() *corpus.Overview { return &e.ix.Overview }

// Suggest returns up to n completions of the word being typed; a prefix
// longer than MaxQueryLen has none. They are ranked and written from the
// lexicon: until it is added (an index written with Split), the error is
// a *NotLoadedError that names it.
func (e *Engine) Suggest(prefix string, n int) (Strings, error) {
	if checkLen("prefix", prefix) != nil {
		return Strings{}, nil
	}
	if !e.ix.HasLexicon() {
		err := &NotLoadedError{}
		err.add(e.ix.LexiconPack(), e.ix.LexiconName())
		return nil, err
	}
	if n > MaxLimit {
		n = MaxLimit
	}
	s := e.search.Suggest(prefix, n)
	if s == nil {
		s = []string{}
	}
	return Strings(s), nil
}

// Stats returns figures about the corpus and its index.
func (e *Engine) Stats() Stats {
	e.wordsOnce.Do(func() {
		e.words = e.ix.Overview.Words
		if e.words == 0 {
			for d := range e.ix.Docs {
				e.words += e.ix.Words(d)
			}
		}
	})
	return Stats{Documents: len(e.ix.Docs), Words: e.words, IndexBytes: e.blobBytes}
}

// Stats are figures about a corpus and its index, written as
// {"documents","words","index_bytes"}.
type Stats struct {
	Documents  int
	Words      int
	IndexBytes int // size of the encoded index; 0 if it was built in memory
}

// AppendJSON writes the figures as the members of an object; callers open
// and close the object, so that they can add their own figures to it.
func (s Stats) AppendJSON(w *jsonw.Writer) {
	w.Key("documents")
	w.Int(s.Documents)
	w.Key("words")
	w.Int(s.Words)
	w.Key("index_bytes")
	w.Int(s.IndexBytes)
}

// DocumentList is the metadata of an index's documents, written as an
// array of {"id","path","title","title_derived","date","author","lang",
// "words","pack"}; pack is the number of the pack holding the text (-1
// when the index was built in memory).
type DocumentList struct {
	Docs  []*corpus.Document // metadata only: Document gives the text
	first int                // the number of Docs[0] in the index
	ix    *index.Index
}

// JSONSize returns about as many bytes as AppendJSON writes.
func (l DocumentList) JSONSize() int {
	n := 2
	for _, d := range l.Docs {
		n += d.MetaJSONSize() + 24
	}
	return n
}

// AppendJSON writes the list.
func (l DocumentList) AppendJSON(w *jsonw.Writer) {
	w.OpenArray()
	for i, d := range l.Docs {
		w.Open()
		d.AppendMetaJSON(w)
		w.Key("words")
		w.Int(l.ix.Words(l.first + i))
		w.Key("pack")
		w.Int(l.ix.PackOf(l.first + i))
		w.Close()
	}
	w.CloseArray()
}

// RelatedDoc is a related document with its title.
type RelatedDoc struct {
	corpus.Related
	Title string
}

// RelatedList is a list of related documents, written as an array of
// {"id","title","score","shared"}.
type RelatedList []RelatedDoc

// AppendJSON writes the list.
func (l RelatedList) AppendJSON(w *jsonw.Writer) {
	w.OpenArray()
	for _, r := range l {
		w.Open()
		w.Key("id")
		w.String(r.ID)
		w.Key("title")
		w.String(r.Title)
		w.Key("score")
		w.Float(r.Score)
		w.Key("shared")
		w.Strings(r.Shared)
		w.Close()
	}
	w.CloseArray()
}

// MaxPackBytes bounds the size of one pack given to AddPack.
const MaxPackBytes = 64 << 20

// Packs lists the files of a split index (see
// index.MarshalOptions.Split), for a loader to fetch: the packs of the
// documents' texts (index.Index.PackOf), then those of the search index,
// the chunks of its postings (pack NumPacks+c is chunk c), then the parts
// of long documents (pack NumPacks+NumChunks+k is part k), then the
// lexicon (index.Index.LexiconPack), when it is a file apart.
func (e *Engine) Packs() PackList { return PackList{e.ix} }

// AddPack gives the engine the bytes of pack n, fetched from the file
// that Packs names. A wrong file (truncated, other hash) is an error and
// changes nothing.
func (e *Engine) AddPack(n int, data string) error {
	if len(data) > MaxPackBytes {
		return errors.New("pack of " + strconv.Itoa(len(data)) + " bytes, the limit is " + strconv.Itoa(MaxPackBytes))
	}
	if np := e.ix.NumPacks(); n >= np && n-np < e.ix.NumChunks() {
		return e.ix.AddChunk(n-np, data)
	} else if k := n - np - e.ix.NumChunks(); k >= 0 && k < e.ix.NumParts() {
		return e.ix.AddPart(k, data)
	} else if n == e.ix.LexiconPack() && e.ix.LexiconApart() {
		return e.ix.AddLexicon(data)
	}
	if err := e.ix.AddPack(n, data); err != nil {
		return err
	}
	e.cutPack(n)
	return nil
}

// PackList is the packs of an index, written as an array of
// {"name","size","loaded","kind"}: the pack's file name (its content
// hash), its size in bytes, whether its data is at hand (embedded or
// added), and what it holds: "text" (documents' texts) or "index" (a
// chunk of the search index) or "part" (a part of a long document's
// text, which a snippet reads when its text pack is not loaded; the text
// packs hold everything the parts do).
type PackList struct{ ix *index.Index }

// AppendJSON writes the list.
func (l PackList) AppendJSON(w *jsonw.Writer) {
	// About 75 bytes an item: the list of a large corpus is long (3,475
	// items, 260 KB, on the man pages), and it is on the way to the first
	// answer of a split build.
	w.Grow(80 * (l.ix.NumPacks() + l.ix.NumChunks() + l.ix.NumParts() + 1))
	w.OpenArray()
	item := func(name string, size int, loaded bool, kind string) {
		w.Open()
		w.Key("name")
		w.String(name)
		w.Key("size")
		w.Int(size)
		w.Key("loaded")
		w.Bool(loaded)
		w.Key("kind")
		w.String(kind)
		w.Close()
	}
	for p := 0; p < l.ix.NumPacks(); p++ {
		item(l.ix.PackName(p), l.ix.PackSize(p), l.ix.HasPack(p), "text")
	}
	for c := 0; c < l.ix.NumChunks(); c++ {
		item(l.ix.ChunkName(c), l.ix.ChunkSize(c), l.ix.HasChunk(c), "index")
	}
	for k := 0; k < l.ix.NumParts(); k++ {
		size := l.ix.PartSize(k)
		item(l.ix.PartName(k), size, size > 0, "part")
	}
	if l.ix.LexiconApart() {
		item(l.ix.LexiconName(), l.ix.LexiconSize(), l.ix.HasLexicon(), "index")
	}
	w.CloseArray()
}

// Strings is a list of strings, written as a JSON array.
type Strings []string

// AppendJSON writes the list.
func (s Strings) AppendJSON(w *jsonw.Writer) { w.Strings(s) }
