package explore

import "math"

// LogLikelihood returns Dunning's log-likelihood ratio G² for a word seen
// a times in a sample of c words and b times in a reference of d words
// (the rest of the corpus): G² = 2 Σ O ln(O/E) over the four cells of the
// 2×2 table (the word or not, in the sample or not), computed here in its
// entropy form 2 (Σ O ln O − Σ R ln R − Σ C ln C + N ln N). It is 0 when
// the word is as frequent in both, and grows with the difference and the
// counts.
func LogLikelihood(a, b, c, d int) float64 {
	n := c + d
	if n == 0 || a > c || b > d {
		return 0
	}
	g := xlogx(a) + xlogx(b) + xlogx(c-a) + xlogx(d-b) // cells
	g -= xlogx(a+b) + xlogx(n-a-b)                     // rows: the word, the other words
	g -= xlogx(c) + xlogx(d)                           // columns: sample, reference
	g += xlogx(n)
	return max(0, 2*g)
}

func xlogx(n int) float64 {
	if n <= 0 {
		return 0
	}
	f := float64(n)
	return f * math.Log(f)
}

// per10k returns n per 10,000 of total.
func per10k(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) * 10000 / float64(total)
}
