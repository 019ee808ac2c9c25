// Command eval measures the extractive summariser against professional
// summaries: ROUGE-1, ROUGE-2 and ROUGE-L F1 on the OrangeSum evaluation set
// in ../shared/eval, for our summariser at its default length, at 1, 2 and
// 3 sentences and at several word budgets, next to the LEAD-1, LEAD-2 and
// LEAD-3 baselines and to the lead cut to the same number of words as each
// of our summaries (length control), all computed by the same code in the
// same run, with a paired bootstrap interval of the margin over that
// length-matched lead. It then counts defects of the summaries (unbalanced
// quotations, news furniture, openings that lean on a missing sentence)
// and measures the named entities against the hand-annotated set in
// testdata/entities.tsv (precision and recall per type).
//
// Each article goes through the real pipeline, as a news page gives it:
// its title line, a blank line, its text (-titles=false leaves the title
// out), through ingest.Bytes (decoding, structure, furniture, sentence
// segmentation), then summary.Document. The baselines take the first
// sentences of the same segmentation. Scores are given with two
// tokenisations: rouge-score's default (lower case, every run of
// characters outside a-z0-9 separates words, no stemming: how the
// published figures were made) and an accent-aware one (runs of Unicode
// letters and digits). The first half of the set is the one the
// summariser's weights and default length were tuned on (-tune); the
// second half is held out, never used to choose anything.
//
// Usage:
//
//	go run ./tools/eval [-set FILE] [-titles=false] [-half all|tuning|heldout] [-v]
//	go run ./tools/eval -entities [-v]
//	go run ./tools/eval -tune [-tune-sentences N] [-tune-words N]
//
// Without the shared folder it prints a message and exits with status 0.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/shared"
	"github.com/corpus-explorer/explorer/corpus/summary"
	"github.com/corpus-explorer/explorer/tools/eval/rouge"
)

const setName = "eval/orangesum-abstract-test-500.jsonl"

// withTitles: each article is ingested with its title line (flag -titles).
var withTitles bool

// verboseEntities lists the entity errors (flag -v).
var verboseEntities bool

// article is one line of the evaluation set.
type article struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Text    string `json:"text"`
	Summary string `json:"summary"`
}

// item is an article through the pipeline, with its tokenised reference.
type item struct {
	doc         *corpus.Document
	ref, refUni []string
}

// system is a summariser under evaluation.
type system struct {
	name string
	run  func(d *corpus.Document) string
}

// metrics holds mean F1 of ROUGE-1, -2, -L for each tokenisation.
type metrics struct {
	def, uni [3]float64
	words    float64 // mean words per summary
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	set := fs.String("set", "", "evaluation set `file` (JSON lines with text and summary); default ../shared/"+setName)
	fs.BoolVar(&withTitles, "titles", true, "give each article its title line, as published")
	tune := fs.Bool("tune", false, "tune the summariser's weights on the tuning half and print the best")
	tuneSentences := fs.Int("tune-sentences", 0, "with -tune: summaries of at most this many sentences (0: the default length)")
	tuneWords := fs.Int("tune-words", 0, "with -tune: summaries within this many words (0: the default length)")
	fs.BoolVar(&verboseEntities, "v", false, "list the entities missed and found wrongly")
	onlyEntities := fs.Bool("entities", false, "measure the named entities only")
	halfFlag := fs.String("half", "all", "which half to report: all, tuning (the only one to look at while choosing) or heldout")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *set == "" {
		dir, err := shared.Find()
		if err != nil {
			fmt.Fprintln(out, "eval: skipped, shared material absent:", err)
			return nil
		}
		*set = filepath.Join(dir, setName)
		if _, err := os.Stat(*set); err != nil {
			fmt.Fprintln(out, "eval: skipped, evaluation set absent:", *set)
			return nil
		}
	}
	arts, err := load(*set)
	if err != nil {
		return err
	}
	if *onlyEntities {
		return entityReport(out, arts)
	}
	items, err := prepare(arts)
	if err != nil {
		return err
	}
	half := len(items) / 2
	if *halfFlag != "all" && *halfFlag != "tuning" && *halfFlag != "heldout" {
		return fmt.Errorf("-half %q: want all, tuning or heldout", *halfFlag)
	}
	if *tune {
		return tuneParams(out, items[:half], summary.Options{Sentences: *tuneSentences, Words: *tuneWords})
	}
	main2 := ours(summary.Options{Sentences: 2})
	primary := ours(summary.Options{})
	systems := []system{
		{"LEAD-1", lead(1)}, {"LEAD-2", lead(2)}, {"LEAD-3", lead(3)},
		{fmt.Sprintf("ours (default: %d sentences within %d words)", summary.DefaultSentences, summary.DefaultWords), primary},
		{"LEAD cut to the words of ours (default)", leadWords(primary)},
	}
	for n := 1; n <= 3; n++ {
		systems = append(systems, system{fmt.Sprintf("ours, %d sentence(s)", n), ours(summary.Options{Sentences: n})})
	}
	systems = append(systems, system{"LEAD cut to the words of ours, 2 sentences", leadWords(main2)})
	for _, o := range []summary.Options{{Words: 35}, {Words: 45}, {Words: 55}, {Words: 65}, {Sentences: 2, Words: 60}, {Sentences: 2, Words: 70}, {Sentences: 3, Words: 60}, {Sentences: 3, Words: 70}, {Sentences: 2, Words: 80}} {
		name := fmt.Sprintf("ours, %d words", o.Words)
		if o.Sentences > 0 {
			name = fmt.Sprintf("ours, %d sentences within %d words", o.Sentences, o.Words)
		}
		r := ours(o)
		systems = append(systems, system{name, r}, system{"LEAD cut to the words of " + strings.TrimPrefix(name, "ours, "), leadWords(r)})
	}
	type split struct {
		name  string
		items []item
	}
	tuning := split{fmt.Sprintf("tuning: first %d", half), items[:half]}
	heldOut := split{fmt.Sprintf("held out: last %d", len(items)-half), items[half:]}
	splits := []split{{fmt.Sprintf("all %d", len(items)), items}, tuning, heldOut}
	// target is the split the targets and quality counts are given on.
	target := 2
	switch *halfFlag {
	case "tuning":
		splits, target = []split{tuning}, 0
	case "heldout":
		splits, target = []split{heldOut}, 0
	}
	res := make([][]metrics, len(systems))
	for i, s := range systems {
		for _, sp := range splits {
			res[i] = append(res[i], evaluate(sp.items, s.run))
		}
	}
	fmt.Fprintf(out, "ROUGE F1 (%%) on %s, %d articles; summaries by summary.Document after ingest.Bytes.\n", filepath.Base(*set), len(items))
	fmt.Fprintf(out, "Words: mean words per summary (white-space separated). \"LEAD cut to the words of X\": the article's first words, as many as X has for that article.\n")
	for k, tok := range []string{"rouge-score default tokenisation (a-z0-9 runs, no stemming)", "accent-aware tokenisation (Unicode letters and digits, lower case)"} {
		fmt.Fprintf(out, "\n%s\n\n| system |", tok)
		for _, sp := range splits {
			fmt.Fprintf(out, " %s R-1 | R-2 | R-L | words |", sp.name)
		}
		fmt.Fprintf(out, "\n|---|%s\n", strings.Repeat("---:|", 4*len(splits)))
		for i, s := range systems {
			fmt.Fprintf(out, "| %s |", s.name)
			for j := range splits {
				m := res[i][j].def
				if k == 1 {
					m = res[i][j].uni
				}
				fmt.Fprintf(out, " %.2f | %.2f | %.2f | %.1f |", 100*m[0], 100*m[1], 100*m[2], res[i][j].words)
			}
			fmt.Fprintln(out)
		}
	}

	// The targets, on the held-out half.
	ho, l2, lc := res[3][target].def, res[1][target].def, res[4][target].def
	fmt.Fprintf(out, "\nTargets on %s, default tokenisation: ours (default) R-1 %.2f, R-2 %.2f (LEAD-2 %.2f), R-L %.2f (LEAD-2 %.2f); R-1 over LEAD cut to the same words: %+.2f.\n",
		splits[target].name, 100*ho[0], 100*ho[1], 100*l2[1], 100*ho[2], 100*l2[2], 100*(ho[0]-lc[0]))
	mean, lo, hi := marginCI(splits[target].items, primary, leadWords(primary))
	fmt.Fprintf(out, "That margin, per article: mean %+.2f, 95%% paired bootstrap interval [%+.2f, %+.2f].\n", mean, lo, hi)

	// Text quality.
	qItems := splits[target].items
	fmt.Fprintf(out, "\nText quality on %s: summaries with an unbalanced quotation (an odd number of \", or « and » or “ and ” unpaired), with news furniture (a glued caption source, \"(vidéo)\", a credit, an agency code, a \"Lire aussi\" line), opening on a word that needs the sentence before it.\n\n", splits[target].name)
	fmt.Fprintf(out, "| system | unbalanced quotation | furniture | dependent opening |\n|---|---:|---:|---:|\n")
	for _, s := range []system{systems[1], systems[3], {"ours, 2 sentence(s)", main2}} {
		q := quality(qItems, s.run)
		n := float64(len(qItems))
		fmt.Fprintf(out, "| %s | %d (%.1f%%) | %d | %d (%.1f%%) |\n", s.name, q.unbalanced, 100*float64(q.unbalanced)/n, q.furniture, q.dependent, 100*float64(q.dependent)/n)
	}
	return entityReport(out, arts)
}

func load(path string) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var arts []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if a.Text == "" || a.Summary == "" {
			return nil, fmt.Errorf("%s:%d: no text or summary", path, line)
		}
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(arts) == 0 {
		return nil, errors.New(path + ": no articles")
	}
	return arts, nil
}

func prepare(arts []article) ([]item, error) {
	items := make([]item, len(arts))
	for i, a := range arts {
		text := a.Text
		if withTitles && strings.TrimSpace(a.Title) != "" {
			text = strings.TrimSpace(a.Title) + "\n\n" + text
		}
		d, err := ingest.Bytes(a.ID, a.ID+".txt", []byte(text))
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.ID, err)
		}
		items[i] = item{doc: d, ref: rouge.Tokenize(a.Summary), refUni: rouge.TokenizeUnicode(a.Summary)}
	}
	return items, nil
}

func lead(n int) func(d *corpus.Document) string {
	return func(d *corpus.Document) string {
		var b strings.Builder
		for i := 0; i < n && i < len(d.Sentences); i++ {
			b.WriteString(d.SentenceText(i))
			b.WriteByte(' ')
		}
		return b.String()
	}
}

// leadWords is LEAD cut to the length of another system's summary of the
// same article, in white-space separated words.
func leadWords(other func(d *corpus.Document) string) func(d *corpus.Document) string {
	return func(d *corpus.Document) string {
		n := len(strings.Fields(other(d)))
		var w []string
		for i := 0; i < len(d.Sentences) && len(w) < n; i++ {
			w = append(w, strings.Fields(d.SentenceText(i))...)
		}
		return strings.Join(w[:min(n, len(w))], " ")
	}
}

func ours(opt summary.Options) func(d *corpus.Document) string {
	return func(d *corpus.Document) string {
		var b strings.Builder
		for _, s := range summary.Document(d, opt).Sentences {
			b.WriteString(s.Text)
			b.WriteByte(' ')
		}
		return b.String()
	}
}

// evaluate returns the mean F1 of a system over items, in parallel.
func evaluate(items []item, run func(d *corpus.Document) string) metrics {
	per := perArticle(items, run)
	var m metrics
	for _, p := range per {
		for k := 0; k < 3; k++ {
			m.def[k] += p.def[k] / float64(len(items))
			m.uni[k] += p.uni[k] / float64(len(items))
		}
		m.words += p.words / float64(len(items))
	}
	return m
}

// marginCI returns the mean ROUGE-1 F1 margin (default tokenisation, in
// points) of system a over system b on items, and its 95% interval by a
// paired bootstrap over the articles (10,000 resamples, fixed seed).
func marginCI(items []item, a, b func(d *corpus.Document) string) (mean, lo, hi float64) {
	pa, pb := perArticle(items, a), perArticle(items, b)
	d := make([]float64, len(items))
	for i := range d {
		d[i] = 100 * (pa[i].def[0] - pb[i].def[0])
		mean += d[i] / float64(len(d))
	}
	r := rand.New(rand.NewPCG(1, 2))
	boots := make([]float64, 10000)
	for k := range boots {
		s := 0.0
		for range d {
			s += d[r.IntN(len(d))]
		}
		boots[k] = s / float64(len(d))
	}
	sort.Float64s(boots)
	return mean, boots[len(boots)/40], boots[len(boots)-1-len(boots)/40]
}

// perArticle returns the scores of a system's summary of each item, in
// parallel.
func perArticle(items []item, run func(d *corpus.Document) string) []metrics {
	per := make([]metrics, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				text := run(items[i].doc)
				c, cu := rouge.Tokenize(text), rouge.TokenizeUnicode(text)
				it := &items[i]
				per[i].words = float64(len(strings.Fields(text)))
				per[i].def = [3]float64{rouge.N(it.ref, c, 1).F, rouge.N(it.ref, c, 2).F, rouge.L(it.ref, c).F}
				per[i].uni = [3]float64{rouge.N(it.refUni, cu, 1).F, rouge.N(it.refUni, cu, 2).F, rouge.L(it.refUni, cu).F}
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return per
}

// tuneParams tunes the summary weights on items by coordinate ascent: each
// weight in turn takes the value of its grid that scores best, for two
// rounds. The score is the sum of ROUGE-1, -2 and -L F1 (default
// tokenisation) of the summaries with options opt, plus twice their
// ROUGE-1 margin over LEAD cut to the same words: content, not length. It prints each step,
// then the best parameters next to LEAD-2 and LEAD cut to the same words.
func tuneParams(out io.Writer, items []item, opt summary.Options) error {
	base := evaluate(items, lead(2))
	fmt.Fprintf(out, "LEAD-2 on %d tuning articles: %.2f / %.2f / %.2f\n", len(items), 100*base.def[0], 100*base.def[1], 100*base.def[2])
	p := summary.DefaultParams()
	if !withTitles {
		p = summary.UntitledParams()
	}
	// The objective on each half of the tuning articles: a change is kept
	// only when it helps on both, not on a few lucky articles.
	q := len(items) / 2
	halves := [][]item{items[:q], items[q:]}
	score := func(p summary.Params) ([2]float64, metrics) {
		o := opt
		o.Params = &p
		var sc [2]float64
		for h, its := range halves {
			m := evaluate(its, ours(o))
			lw := evaluate(its, leadWords(ours(o)))
			sc[h] = m.def[0] + m.def[1] + m.def[2] + 2*(m.def[0]-lw.def[0])
		}
		return sc, evaluate(items, ours(o))
	}
	type knob struct {
		name string
		v    *float64
		grid []float64
	}
	knobs := []knob{
		{"Title", &p.Title, []float64{0, 0.3, 0.6, 1, 1.5, 2}},
		{"TitleCover", &p.TitleCover, []float64{0, 0.3, 0.6, 1, 1.5}},
		{"Centrality", &p.Centrality, []float64{0, 0.1, 0.2, 0.3, 0.5}},
		{"Position", &p.Position, []float64{0, 0.1, 0.2, 0.3, 0.5, 0.8}},
		{"PositionDecay", &p.PositionDecay, []float64{0.3, 0.5, 1, 1.5}},
		{"Length", &p.Length, []float64{0.2, 0.4, 0.6, 0.8, 1.2}},
		{"LengthNorm", &p.LengthNorm, []float64{15, 20, 25, 30, 40}},
		{"Long", &p.Long, []float64{0, 0.1, 0.25, 0.4, 0.6}},
		{"LongWords", &p.LongWords, []float64{30, 40, 50, 60}},
		{"Centroid", &p.Centroid, []float64{0, 0.3, 0.6, 0.85, 1.2, 1.6}},
		{"Names", &p.Names, []float64{0, 0.1, 0.2, 0.4, 0.8}},
		{"Numbers", &p.Numbers, []float64{0, 0.05, 0.1, 0.2}},
		{"Quoted", &p.Quoted, []float64{0, 0.1, 0.2, 0.4, 0.8}},
		{"Lead", &p.Lead, []float64{0, 0.3, 0.5, 0.8, 1, 1.2}},
		{"Lambda", &p.Lambda, []float64{0.5, 0.6, 0.7, 0.8, 0.9, 1}},
		{"Redundancy", &p.Redundancy, []float64{0.3, 0.4, 0.5, 0.7}},
	}
	best, _ := score(p)
	for round := 0; round < 2; round++ {
		for _, k := range knobs {
			keep := *k.v
			for _, v := range k.grid {
				*k.v = v
				if s, _ := score(p); s[0] > best[0]+1e-9 && s[1] > best[1]+1e-9 {
					best, keep = s, v
				}
			}
			*k.v = keep
			fmt.Fprintf(out, "round %d %s=%v: %.2f %.2f\n", round+1, k.name, keep, 100*best[0], 100*best[1])
		}
	}
	_, m := score(p)
	o := opt
	o.Params = &p
	lw := evaluate(items, leadWords(ours(o)))
	fmt.Fprintf(out, "best: %.2f / %.2f / %.2f, %.1f words; LEAD cut to the same words: %.2f / %.2f / %.2f\n%+v\n",
		100*m.def[0], 100*m.def[1], 100*m.def[2], m.words, 100*lw.def[0], 100*lw.def[1], 100*lw.def[2], p)
	return nil
}
