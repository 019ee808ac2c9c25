package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

// goldEntity is one hand-annotated entity of one document.
type goldEntity struct {
	source, doc, typ string
	surfaces         []string
}

// entityTypes are the annotated types, as corpus.Entity.Kind names them.
var entityTypes = []struct{ gold, kind string }{
	{"person", corpus.Person}, {"organisation", corpus.Organization}, {"place", corpus.Place},
}

// loadGold reads tools/eval/testdata/entities.tsv.
func loadGold(path string) ([]goldEntity, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []goldEntity
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if strings.HasPrefix(t, "#") || strings.TrimSpace(t) == "" {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 tab-separated fields, got %d", path, line, len(f))
		}
		ok := false
		for _, ty := range entityTypes {
			ok = ok || ty.gold == f[2]
		}
		if !ok || f[0] != "seed" && f[0] != "orangesum" {
			return nil, fmt.Errorf("%s:%d: bad source %q or type %q", path, line, f[0], f[2])
		}
		out = append(out, goldEntity{f[0], f[1], f[2], strings.Split(f[3], "|")})
	}
	return out, sc.Err()
}

// foldName is the key two spellings of one name share: lower case, one
// apostrophe, no title ("M.", "Mme").
func foldName(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	for _, p := range []string{"m. ", "mme ", "mr ", "dr "} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.Join(strings.Fields(s), " ")
}

// mentions counts the occurrences of an entity's surfaces in text, whole
// words, longest surface first.
func mentions(text string, surfaces []string) int {
	ss := append([]string(nil), surfaces...)
	sort.Slice(ss, func(i, j int) bool { return len(ss[i]) > len(ss[j]) })
	n := 0
	for _, s := range ss {
		re := regexp.MustCompile(`(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(s) + `($|[^\p{L}\p{N}])`)
		for {
			loc := re.FindStringSubmatchIndex(text)
			if loc == nil {
				break
			}
			n++
			text = text[:loc[3]] + strings.Repeat("#", loc[4]-loc[3]) + text[loc[4]:]
		}
	}
	return n
}

// entityReport annotates the seeds (the corpus/ folder, as the explorer
// builds it) and the evaluation set's articles (as one corpus), and prints
// precision and recall per type against the hand-annotated set. An entity
// found matches an annotated one of the same document when one of its
// names or variants is one of the annotated surfaces (folded).
func entityReport(out io.Writer, arts []article) error {
	gold, err := loadGold(filepath.Join("tools", "eval", "testdata", "entities.tsv"))
	if err != nil {
		fmt.Fprintln(out, "\nentities: skipped:", err)
		return nil
	}
	seeds, _, err := ingest.Dir("corpus", ingest.Options{})
	if err != nil {
		return err
	}
	summary.Annotate(seeds)
	var eval []*corpus.Document
	for _, a := range arts {
		d, err := ingest.Bytes(a.ID, a.ID+".txt", []byte(a.Text))
		if err != nil {
			return err
		}
		eval = append(eval, d)
	}
	summary.Annotate(eval)
	docs := map[string]*corpus.Document{}
	for _, d := range seeds {
		docs["seed\t"+d.ID] = d
	}
	for _, d := range eval {
		docs["orangesum\t"+d.ID] = d
	}
	type tally struct{ tp, pred, found, gold, anyKind, mentions int }
	tl := map[string]*tally{}
	for _, ty := range entityTypes {
		tl[ty.gold] = &tally{}
	}
	byDoc := map[string][]goldEntity{}
	var order []string
	for _, g := range gold {
		k := g.source + "\t" + g.doc
		if byDoc[k] == nil {
			order = append(order, k)
		}
		byDoc[k] = append(byDoc[k], g)
	}
	var missed, wrong []string
	for _, k := range order {
		d := docs[k]
		if d == nil {
			return fmt.Errorf("entities.tsv: no document %q", k)
		}
		gs := byDoc[k]
		match := func(e corpus.Entity, g goldEntity) bool {
			names := append([]string{e.Name}, e.Variants...)
			for _, n := range names {
				for _, s := range g.surfaces {
					if foldName(n) == foldName(s) {
						return true
					}
				}
			}
			return false
		}
		for _, g := range gs {
			t := tl[g.typ]
			t.gold++
			t.mentions += mentions(d.Text, g.surfaces)
			kind := kindOf(g.typ)
			found, anyKind := false, false
			for _, e := range d.Entities {
				if match(e, g) {
					anyKind = true
					found = found || e.Kind == kind
				}
			}
			if found {
				t.found++
			} else {
				missed = append(missed, fmt.Sprintf("%s %s %q", d.ID, g.typ, g.surfaces[0]))
			}
			if anyKind {
				t.anyKind++
			}
		}
		for _, e := range d.Entities {
			for _, ty := range entityTypes {
				if e.Kind != ty.kind {
					continue
				}
				t := tl[ty.gold]
				t.pred++
				ok := false
				for _, g := range gs {
					ok = ok || g.typ == ty.gold && match(e, g)
				}
				if ok {
					t.tp++
				} else {
					wrong = append(wrong, fmt.Sprintf("%s %s %q", d.ID, ty.gold, e.Name))
				}
			}
		}
	}
	total := 0
	for _, ty := range entityTypes {
		total += tl[ty.gold].mentions
	}
	fmt.Fprintf(out, "\nNamed entities against tools/eval/testdata/entities.tsv: %d annotated entities, %d mentions, in %d documents (the seeds annotated as the explorer's corpus, the OrangeSum articles within all %d of the set). Precision: entities found of the type that are annotated with it in their document; recall: annotated entities found with their type (\"any type\": found at all).\n\n", len(gold), total, len(order), len(arts))
	fmt.Fprintf(out, "| type | mentions | entities | found | precision | recall | recall, any type |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, ty := range entityTypes {
		t := tl[ty.gold]
		fmt.Fprintf(out, "| %s | %d | %d | %d | %.1f%% (%d/%d) | %.1f%% (%d/%d) | %.1f%% |\n", ty.gold, t.mentions, t.gold, t.pred,
			pct(t.tp, t.pred), t.tp, t.pred, pct(t.found, t.gold), t.found, t.gold, pct(t.anyKind, t.gold))
	}
	if verboseEntities {
		fmt.Fprintf(out, "\nmissed: %s\nwrong: %s\n", strings.Join(missed, "; "), strings.Join(wrong, "; "))
	}
	return nil
}

func kindOf(gold string) string {
	for _, ty := range entityTypes {
		if ty.gold == gold {
			return ty.kind
		}
	}
	return ""
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
