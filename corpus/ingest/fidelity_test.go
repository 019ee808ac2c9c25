package ingest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/corpus-explorer/explorer/corpus/decode"
)

// fidelityWords splits a text into the words the fidelity measure
// compares: runs of letters and digits.
func fidelityWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// lcsRatio returns the length of the longest common subsequence of words
// of a and b, over the number of words of a: the share of a's words
// recovered in order.
func lcsRatio(a, b []string) float64 {
	if len(a) == 0 {
		return 1
	}
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] > cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(b)]) / float64(len(a))
}

func TestLCSRatio(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"le chat dort", "le chat dort", 1},
		{"le chat dort", "le chien dort", 2.0 / 3},
		{"un deux trois quatre", "quatre trois deux un", 0.25},
		{"a b", "", 0},
	} {
		if got := lcsRatio(fidelityWords(c.a), fidelityWords(c.b)); got != c.want {
			t.Errorf("lcsRatio(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestFidelity measures text fidelity on the set that `make fidelity`
// builds (tools/fidelity.sh): for each format, every converted document is
// read and its words compared with the original text's (word-level LCS
// ratio). It runs only when FIDELITY_DIR names the set, prints the table,
// and fails below the targets: PDF (one column on A5, two on A4) 97%, DOCX, ODT and EPUB 99.5% (mean and
// worst document), or on mojibake, ligatures or soft hyphens left in the
// text.
func TestFidelity(t *testing.T) {
	dir := os.Getenv("FIDELITY_DIR")
	if dir == "" {
		t.Skip("FIDELITY_DIR not set: run make fidelity")
	}
	srcs, err := filepath.Glob(filepath.Join(dir, "src", "*.txt"))
	if err != nil || len(srcs) < 50 {
		t.Fatalf("%d source texts in %s/src, want >= 50 (%v)", len(srcs), dir, err)
	}
	r := NewReaders(Options{})
	defer r.Close()
	targets := map[string]float64{"pdf": 0.97, "pdf2col": 0.97, "docx": 0.995, "odt": 0.995, "epub": 0.995}
	var table strings.Builder
	table.WriteString("| format | documents | mean | worst | pages | seconds |\n|---|--:|--:|--:|--:|--:|\n")
	for _, f := range []string{"pdf", "pdf2col", "docx", "odt", "epub"} {
		ext := f
		if f == "pdf2col" {
			ext = "pdf" // the same texts, in two columns on A4 pages
		}
		var sum, worst float64 = 0, 1
		worstName := ""
		n, pages := 0, 0
		var elapsed time.Duration
		for _, src := range srcs {
			name := strings.TrimSuffix(filepath.Base(src), ".txt")
			data, err := os.ReadFile(filepath.Join(dir, f, name+"."+ext))
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			orig, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			doc, err := r.Document(name, name+"."+ext, data)
			elapsed += time.Since(start)
			if err != nil {
				t.Errorf("%s/%s: %v", f, name, err)
				continue
			}
			pages += len(doc.Pages)
			if strings.ContainsAny(doc.Text, "\u00ad\ufb00\ufb01\ufb02\ufb03\ufb04\ufffd") {
				t.Errorf("%s/%s: soft hyphen, ligature or U+FFFD left in the text", f, name)
			}
			if res, err := decode.Bytes([]byte(doc.Text)); err == nil && res.Repairs > 0 {
				t.Errorf("%s/%s: %d mojibake repairs possible in the text read", f, name, res.Repairs)
			}
			ratio := lcsRatio(fidelityWords(string(orig)), fidelityWords(doc.Text))
			sum += ratio
			n++
			if ratio < worst || worstName == "" {
				worst, worstName = ratio, name
			}
		}
		if n == 0 {
			continue
		}
		mean := sum / float64(n)
		table.WriteString("| " + f + " | " + strconv.Itoa(n) + " | " + pct(mean) + " | " + pct(worst) + " (" + worstName + ") | " + strconv.Itoa(pages) + " | " + strconv.FormatFloat(elapsed.Seconds(), 'f', 2, 64) + " |\n")
		if mean < targets[f] || worst < targets[f] {
			t.Errorf("%s: mean %s, worst %s (%s), target %s", f, pct(mean), pct(worst), worstName, pct(targets[f]))
		}
	}
	t.Log("\n" + table.String())
}

func pct(f float64) string { return strconv.FormatFloat(100*f, 'f', 2, 64) + "%" }
