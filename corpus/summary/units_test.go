package summary

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/shared"
)

func TestDependent(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Mais fort heureusement, le nœud n'était pas assez résistant.", true},
		{"Il a porté plainte en début de semaine.", true},
		{"Cette annonce intervient après une rencontre.", true},
		{"Ce dernier a annoncé son départ.", true},
		{"De son côté, l'application de paiement doit affronter la concurrence.", true},
		{"Selon lui, la réforme est nécessaire.", true},
		{"Il y a deux ans, la ville a voté la gratuité.", false},
		{"Il faut attendre la fin de l'enquête.", false},
		{"Ce matin, un homme armé a fait irruption dans un lycée.", false},
		{"Alors que la crise dure, le gouvernement hésite.", false},
		{"Le président a parlé mardi.", false},
		{"Elles ont été blessées.", true},
		{"Aussi, le groupe a renoncé.", true},
		{"Aussi grand soit-il, le projet échoue.", false},
	}
	for _, tt := range tests {
		if got := dependent(tt.s); got != tt.want {
			t.Errorf("dependent(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// The quote rule: a quotation spread over several sentences is taken whole
// or not at all, and a sentence that leans on the one before it comes with
// it. Every length of summary keeps quotes balanced.
func TestQuotationsWhole(t *testing.T) {
	d := build("q", "", []block{{corpus.Paragraph, []string{
		"Le maire de Lyon a présenté mardi un plan de rénovation des écoles de la ville.",
		"« Nous allons rénover quarante écoles en cinq ans.",
		"Les travaux commenceront dès cet été dans les quartiers nord.",
		"Aucune classe ne fermera pendant le chantier », a-t-il promis devant le conseil municipal.",
		"Le coût total des travaux est estimé à deux cents millions d'euros par la métropole.",
		"Mais l'opposition juge ce montant largement sous-évalué et réclame un audit indépendant.",
		"Les syndicats d'enseignants saluent un plan attendu depuis des années dans la ville.",
	}}}, false)
	for n := 1; n <= 7; n++ {
		for _, opt := range []Options{{Sentences: n}, {Words: 12 * n}} {
			s := Document(d, opt)
			idx := map[int]bool{}
			text := ""
			for _, x := range s.Sentences {
				idx[x.Index] = true
				text += x.Text + " "
			}
			if strings.Count(text, "«") != strings.Count(text, "»") {
				t.Errorf("%+v: unbalanced quotation in %q", opt, text)
			}
			if (idx[1] || idx[2] || idx[3]) && !(idx[1] && idx[2] && idx[3]) {
				t.Errorf("%+v: part of the quotation: %v", opt, idx)
			}
			if idx[5] && !idx[4] {
				t.Errorf("%+v: \"Mais…\" without the sentence it answers: %v", opt, idx)
			}
		}
	}
}

// The quote rule on the real articles of the evaluation set (read from
// ../shared, never copied): two-sentence summaries open a quotation they
// do not close far less often than the first two sentences do.
func TestQuotationsOrangeSum(t *testing.T) {
	dir, err := shared.Find()
	if err != nil {
		t.Skip(err)
	}
	f, err := os.Open(dir + "/eval/orangesum-abstract-test-500.jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n, ours, lead := 0, 0, 0
	odd := func(s string) bool {
		return strings.Count(s, `"`)%2 == 1 || strings.Count(s, "«") != strings.Count(s, "»")
	}
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		d, err := ingest.Bytes(a.ID, a.ID+".txt", []byte(a.Text))
		if err != nil {
			t.Fatal(err)
		}
		n++
		text := ""
		for _, x := range Document(d, Options{Sentences: 2}).Sentences {
			text += x.Text + " "
		}
		if odd(text) {
			ours++
		}
		if len(d.Sentences) >= 2 && odd(d.SentenceText(0)+" "+d.SentenceText(1)) {
			lead++
		}
	}
	if n < 500 {
		t.Fatalf("read %d articles", n)
	}
	if ours > lead/4 || ours > n/50 {
		t.Errorf("%d of %d summaries with an unbalanced quotation (the first two sentences: %d)", ours, n, lead)
	}
}
