// Package rouge computes ROUGE-N and ROUGE-L (Lin, 2004) between a
// candidate summary and a reference, as the rouge-score package does:
// n-gram overlap with clipped counts, longest common subsequence over the
// whole text, precision, recall and F1 (2PR/(P+R)).
package rouge

import (
	"strings"
	"unicode"
)

// Score is one ROUGE measure.
type Score struct {
	P, R, F float64
}

func score(overlap, cand, ref int) Score {
	if cand == 0 || ref == 0 {
		return Score{}
	}
	p := float64(overlap) / float64(cand)
	r := float64(overlap) / float64(ref)
	if p+r == 0 {
		return Score{}
	}
	return Score{p, r, 2 * p * r / (p + r)}
}

// N returns ROUGE-N of a candidate against a reference, both tokenised.
func N(ref, cand []string, n int) Score {
	rc, rt := ngrams(ref, n)
	cc, ct := ngrams(cand, n)
	overlap := 0
	for g, c := range cc {
		overlap += min(c, rc[g])
	}
	return score(overlap, ct, rt)
}

func ngrams(toks []string, n int) (map[string]int, int) {
	m := make(map[string]int)
	total := 0
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], "\x00")]++
		total++
	}
	return m, total
}

// L returns ROUGE-L of a candidate against a reference, both tokenised:
// the longest common subsequence of the two token sequences.
func L(ref, cand []string) Score {
	return score(LCS(ref, cand), len(cand), len(ref))
}

// LCS returns the length of the longest common subsequence of a and b.
func LCS(a, b []string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Tokenize splits text as rouge-score's default tokenizer does: lower
// case, every run of characters outside a-z and 0-9 separates words (so
// accented letters split words too), no stemming.
func Tokenize(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// TokenizeUnicode splits text into lower-case runs of Unicode letters and
// digits: the accent-aware tokenisation ("élève" stays one word).
func TokenizeUnicode(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
