package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// goldenCase is one line of the jsonl files in testdata: a text and the
// sentences it must be split into.
type goldenCase struct {
	Text              string   `json:"text"`
	Sentences         []string `json:"sentences"`
	Source            string   `json:"source"`
	XFail             bool     `json:"xfail_in_pysbd"`
	HasLowercaseStart bool     `json:"has_lowercase_start"`
}

func readGolden(t *testing.T, name string) []goldenCase {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []goldenCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var c goldenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", name)
	}
	return cases
}

// split returns the sentences of text as strings.
func split(text, lang string) []string {
	var out []string
	for _, sp := range Sentences(text, lang) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func show(ss []string) string { return "[" + strings.Join(ss, " | ") + "]" }

// score runs the cases and returns how many came out exactly right, with
// a description of each failure.
func score(cases []goldenCase, lang string) (ok int, failures []string) {
	for _, c := range cases {
		got := split(c.Text, lang)
		if equal(got, c.Sentences) {
			ok++
			continue
		}
		failures = append(failures, c.Source+"\n\tgot:  "+show(got)+"\n\twant: "+show(c.Sentences))
	}
	return ok, failures
}

func TestPySBDFrench(t *testing.T) {
	cases := readGolden(t, "pysbd-golden-fr.jsonl")
	ok, failures := score(cases, "fr")
	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("pySBD French golden rules: %d/%d", ok, len(cases))
}

// The English rules are a measure, not a target: the floor only catches
// regressions.
func TestPySBDEnglish(t *testing.T) {
	cases := readGolden(t, "pysbd-golden-en.jsonl")
	ok, failures := score(cases, "en")
	for _, f := range failures {
		t.Log("fails: " + f)
	}
	t.Logf("pySBD English golden rules: %d/%d", ok, len(cases))
	const floor = 45
	if ok < floor {
		t.Errorf("pySBD English golden rules: %d/%d, want at least %d", ok, len(cases), floor)
	}
}

// TestSequoia measures the UD French-Sequoia paragraphs, leaving out those
// whose gold splits before a lower-case word (has_lowercase_start), and
// requires 95% of them exactly right.
func TestSequoia(t *testing.T) {
	all := readGolden(t, "ud-sequoia-fr-paragraphs.jsonl")
	var cases []goldenCase
	for _, c := range all {
		if !c.HasLowercaseStart {
			cases = append(cases, c)
		}
	}
	ok, failures := score(cases, "fr")
	for _, f := range failures {
		t.Log("fails: " + f)
	}
	for _, c := range all {
		checkSpans(t, c.Text, Sentences(c.Text, "fr"))
	}
	pct := 100 * float64(ok) / float64(len(cases))
	t.Logf("UD French-Sequoia: %d/%d paragraphs exact (%.1f%%), %d left out (has_lowercase_start)",
		ok, len(cases), pct, len(all)-len(cases))
	if pct < 95 {
		t.Errorf("UD French-Sequoia: %.1f%% exact, want at least 95%%", pct)
	}
	// The left-out paragraphs, for information.
	var low []goldenCase
	for _, c := range all {
		if c.HasLowercaseStart {
			low = append(low, c)
		}
	}
	lok, _ := score(low, "fr")
	t.Logf("UD French-Sequoia has_lowercase_start paragraphs (not scored): %d/%d exact", lok, len(low))
}
