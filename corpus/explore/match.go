package explore

import (
	"errors"
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

// each calls f for every occurrence of p in document d, in text order.
func (t *Table) each(p *pattern, d int, f func(pos int)) {
	li := t.langIndex(t.meta[d].Lang)
	if li < 0 || !p.ok[li] {
		return
	}
	ids := p.ids[li]
	w := &t.docs[d]
	seq := w.term
	if p.match == Forms {
		seq = w.stem
	}
	n := len(ids)
	if n == 0 {
		return
	}
	first := ids[0]
	for i := 0; i+n <= len(seq); i++ {
		if seq[i] != first {
			continue
		}
		j := 1
		for j < n && seq[i+j] == ids[j] {
			j++
		}
		if j == n {
			f(i)
		}
	}
}

// hits returns every occurrence of p in the documents of sel (nil: all),
// in corpus order.
func (t *Table) hits(p *pattern, sel []int) []hit {
	var out []hit
	visit := func(d int) { t.each(p, d, func(pos int) { out = append(out, hit{d, pos}) }) }
	if sel == nil {
		for d := range t.docs {
			visit(d)
		}
	} else {
		for _, d := range sel {
			visit(d)
		}
	}
	return out
}
