package explore

import (
	"errors"
	"sort"
	"strconv"

	"github.com/corpus-explorer/explorer/corpus/token"
)

// Match tells what words of a text a pattern matches.
type Match uint8

// The ways a query matches words.
const (
	Word  Match = iota // the word itself, case and accents folded
	Forms              // every word with the same stem in its document's language
)

// ParseMatch reads a match name: "word" or "forms" ("" is "word").
func ParseMatch(s string) (Match, error) {
	switch s {
	case "", "word":
		return Word, nil
	case "forms":
		return Forms, nil
	}
	return 0, errors.New("unknown match " + strconv.Quote(s) + `: want "word" or "forms"`)
}

// MaxPhraseWords is the most words a query may have.
const MaxPhraseWords = 8

// pattern is a query cut into words: one word, or a phrase whose words
// must follow one another.
type pattern struct {
	match Match
	// per language (index in Table.langs), per word: the id to compare
	// with the term (Word) or the stem (Forms); ok false when the corpus
	// has no such word, so nothing matches.
	ids [][]uint32
	ok  []bool
	n   int
}

// compile cuts q into words and looks them up.
func (t *Table) compile(q string, m Match) (*pattern, error) {
	p := &pattern{match: m}
	for li, lang := range t.langs {
		var ids []uint32
		ok := true
		for _, k := range token.For(lang).Tokens(q) {
			if k.Compound {
				continue
			}
			s := k.Term
			if m == Forms {
				s = k.Stem
			}
			id, found := t.lookup(s)
			ok = ok && found
			ids = append(ids, id)
		}
		if li == 0 {
			p.n = len(ids)
		}
		p.ids = append(p.ids, ids)
		p.ok = append(p.ok, ok)
	}
	if len(t.langs) == 0 {
		p.n = len(token.For("fr").Tokens(q))
	}
	if p.n == 0 {
		return nil, errors.New("no word to look for in " + strconv.Quote(q))
	}
	if p.n > MaxPhraseWords {
		return nil, errors.New("too many words in " + strconv.Quote(q) + ": " + strconv.Itoa(p.n) + ", the limit is " + strconv.Itoa(MaxPhraseWords))
	}
	return p, nil
}

// langIndex returns the index of lang in t.langs.
func (t *Table) langIndex(lang string) int {
	for i, l := range t.langs {
		if l == lang {
			return i
		}
	}
	return -1
}

// hit is one occurrence of a pattern: document d, words [pos, pos+n).
type hit struct {
	doc, pos int
}

// hits returns every occurrence of p in the documents of sel (nil: all),
// in corpus order: the postings of its first word, each checked for the
// rest of the phrase and the document's language.
func (t *Table) hits(p *pattern, sel []int) []hit {
	var in []bool
	if sel != nil {
		in = make([]bool, len(t.docs))
		for _, d := range sel {
			if d >= 0 && d < len(in) {
				in[d] = true
			}
		}
	}
	off, posts := t.termOff, t.termPosts
	if p.match == Forms {
		off, posts = t.stemOff, t.stemPosts
	}
	n := 0 // the occurrences of the first words: room for every hit
	for li := range t.langs {
		if p.ok[li] && len(p.ids[li]) > 0 {
			n += int(off[p.ids[li][0]+1] - off[p.ids[li][0]])
		}
	}
	out := make([]hit, 0, n)
	for li := range t.langs {
		if !p.ok[li] || len(p.ids[li]) == 0 {
			continue
		}
		ids := p.ids[li]
		d, end := -1, uint32(0)
		var w *docWords
		ok := false
		for _, gp := range posts[off[ids[0]]:off[ids[0]+1]] {
			if d < 0 || gp >= end {
				d = t.docOf(gp)
				end = t.first[d+1]
				w = &t.docs[d]
				ok = t.langIndex(t.meta[d].Lang) == li && (in == nil || in[d])
			}
			if !ok {
				continue
			}
			pos := int(gp - t.first[d])
			if pos+len(ids) > len(w.term) {
				continue
			}
			seq := w.term
			if p.match == Forms {
				seq = w.stem
			}
			j := 1
			for j < len(ids) && seq[pos+j] == ids[j] {
				j++
			}
			if j == len(ids) {
				out = append(out, hit{d, pos})
			}
		}
	}
	if len(t.langs) > 1 {
		sort.Slice(out, func(i, j int) bool {
			if out[i].doc != out[j].doc {
				return out[i].doc < out[j].doc
			}
			return out[i].pos < out[j].pos
		})
	}
	return out
}

// countInto adds the occurrences of p in document d to c[d*stride]: for
// one word, straight from its postings, without listing its hits.
func (t *Table) countInto(p *pattern, c []int32, stride int) {
	if p.n != 1 {
		for _, h := range t.hits(p, nil) {
			c[h.doc*stride]++
		}
		return
	}
	for li := range t.langs {
		if !p.ok[li] || len(p.ids[li]) == 0 {
			continue
		}
		id := p.ids[li][0]
		off, posts := t.termOff, t.termPosts
		if p.match == Forms {
			off, posts = t.stemOff, t.stemPosts
		}
		d, end, ok := -1, uint32(0), false
		for _, gp := range posts[off[id]:off[id+1]] {
			if d < 0 || gp >= end {
				d = t.docOf(gp)
				end = t.first[d+1]
				ok = t.langIndex(t.meta[d].Lang) == li
			}
			if ok {
				c[d*stride]++
			}
		}
	}
}
