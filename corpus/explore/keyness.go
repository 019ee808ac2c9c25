package explore

import (
	"errors"
	"slices"
)

// KeynessOptions choose the distinctive words of a part of the corpus.
type KeynessOptions struct {
	Limit    int  // words returned; 0 means DefaultLimit
	MinCount int  // least occurrences in the part; 0 means 2
	Stop     bool // keep stopwords and numbers
}

// Key is a word distinctive of a part of the corpus.
type Key struct {
	Word   string
	Count  int     // in the part
	Rest   int     // in the rest of the corpus
	LL     float64 // log-likelihood of the difference
	Per10k float64 // per 10,000 words of the part
	Ref10k float64 // per 10,000 words of the rest
}

// Keyness is the list of the words distinctive of a part of the corpus,
// most distinctive first.
type Keyness struct {
	Measure     string // "log-likelihood"
	Docs        int    // documents in the part
	Words, Rest int    // words in the part and in the rest
	Keys        []Key
}

// Keyness returns the words more frequent in the documents of part than
// in the rest of the corpus, ranked by log-likelihood (when part is the
// whole corpus, the rest is empty and nothing is distinctive).
func (t *Table) Keyness(part []int, opt KeynessOptions) (*Keyness, error) {
	if len(part) == 0 {
		return nil, errors.New("keyness of no document")
	}
	limit, minCount := opt.Limit, opt.MinCount
	if limit <= 0 {
		limit = DefaultLimit
	}
	if minCount <= 0 {
		minCount = 2
	}
	in := make([]bool, len(t.docs))
	count := map[uint32]int{}
	k := &Keyness{Measure: "log-likelihood"}
	for _, d := range part {
		if d < 0 || d >= len(t.docs) || in[d] {
			continue
		}
		in[d] = true
		k.Docs++
		w := &t.docs[d]
		k.Words += len(w.term)
		for j, id := range w.term {
			if opt.Stop || content(w, j) {
				count[id]++
			}
		}
	}
	k.Rest = t.tokens - k.Words
	for id, a := range count {
		b := t.cf[id] - a
		if a < minCount || float64(a)*float64(k.Rest) <= float64(b)*float64(k.Words) {
			continue
		}
		k.Keys = append(k.Keys, Key{
			Word: t.Display(id), Count: a, Rest: b,
			LL:     LogLikelihood(a, b, k.Words, k.Rest),
			Per10k: per10k(a, k.Words), Ref10k: per10k(b, k.Rest),
		})
	}
	slices.SortFunc(k.Keys, func(x, y Key) int {
		switch {
		case x.LL > y.LL:
			return -1
		case x.LL < y.LL:
			return 1
		}
		return compareStrings(x.Word, y.Word)
	})
	if len(k.Keys) > limit {
		k.Keys = k.Keys[:limit]
	}
	return k, nil
}

// Select returns the numbers of the documents in a folder (and its
// subfolders), by an author, and dated within [from, to] (ISO prefixes,
// compared on the length of the bound); empty criteria match every
// document.
func (t *Table) Select(folder, author, from, to string) []int {
	out := []int{}
	for i := range t.meta {
		m := &t.meta[i]
		if folder != "" {
			f := m.Folder()
			if f != folder && !(len(f) > len(folder) && f[:len(folder)] == folder && f[len(folder)] == '/') {
				continue
			}
		}
		if author != "" && m.Author != author {
			continue
		}
		if from != "" && (m.Date == "" || m.Date[:min(len(m.Date), len(from))] < from) {
			continue
		}
		if to != "" && (m.Date == "" || m.Date[:min(len(m.Date), len(to))] > to) {
			continue
		}
		out = append(out, i)
	}
	return out
}
