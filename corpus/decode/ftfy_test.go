package decode

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

// ftfyCase is one line of ftfy's test cases.
type ftfyCase struct {
	In       string `json:"in"`
	Want     string `json:"want"`
	Label    string `json:"label"`
	Expect   string `json:"expect"`
	Negative bool   `json:"negative"`
}

func readCases(t *testing.T, path string) []ftfyCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cs []ftfyCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c ftfyCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: line %d: %v", path, len(cs)+1, err)
		}
		cs = append(cs, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cs) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return cs
}

// TestFtfyLatin runs ftfy's Latin-1 / Windows-1252 / Windows-1250 cases:
// every positive case ftfy itself passes must come out as want, and every
// negative case as want, which is its input (apart from one where only C1
// controls are to be fixed).
func TestFtfyLatin(t *testing.T) {
	var pos, posOK, neg, negOK, skipped, bonus int
	for _, c := range readCases(t, "testdata/ftfy-latin1-cp1252-cp1250.jsonl") {
		got, n := Repair(c.In)
		ok := got == c.Want
		switch {
		case c.Expect == "fail":
			skipped++
			if ok {
				bonus++
			}
			continue
		case c.Negative:
			neg++
		default:
			pos++
		}
		if !ok {
			t.Errorf("%s (negative=%v):\n in   %q\n got  %q\n want %q", c.Label, c.Negative, c.In, got, c.Want)
			continue
		}
		if c.Negative {
			negOK++
		} else {
			posOK++
			if n == 0 && c.In != c.Want {
				t.Errorf("%s: repaired but counted 0 repairs", c.Label)
			}
		}
		if again, n := Repair(got); again != got || n != 0 {
			t.Errorf("%s: not idempotent: %q -> %q (%d)", c.Label, got, again, n)
		}
	}
	t.Logf("ftfy Latin-1/1252/1250: positive %d/%d repaired, negative %d/%d untouched; %d marked expect=fail (of which %d pass anyway)",
		posOK, pos, negOK, neg, skipped, bonus)
}

// TestFtfyAll reports how many of all of ftfy's cases pass, including
// charsets Repair does not claim (MacRoman, Windows-1257, cp437). It
// asserts only that none of the negative cases is touched.
func TestFtfyAll(t *testing.T) {
	cases := readCases(t, shared.Path(t, "testdata/mojibake/ftfy-all-cases.jsonl"))
	var pass, negBad int
	for _, c := range cases {
		got, _ := Repair(c.In)
		if got == c.Want {
			pass++
			continue
		}
		if c.Negative {
			negBad++
			t.Errorf("negative case changed: %s:\n in   %q\n got  %q", c.Label, c.In, got)
			continue
		}
		if testing.Verbose() {
			t.Logf("not repaired (expect=%s): %s:\n in   %q\n got  %q\n want %q", c.Expect, c.Label, c.In, got, c.Want)
		}
	}
	t.Logf("ftfy all cases: %d/%d pass", pass, len(cases))
}
