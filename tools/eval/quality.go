package main

import (
	"regexp"
	"strings"

	"github.com/corpus-explorer/explorer/corpus"
)

// qualityCounts counts summaries with a defect.
type qualityCounts struct {
	unbalanced int // an unbalanced quotation
	furniture  int // a caption, credit, agency code or related link
	dependent  int // opens on a word that needs the sentence before it
}

// These detectors are the evaluation's own, written apart from the
// ingestion rules they check.
var (
	reFurniture = regexp.MustCompile(`\S(?:\((?i:vid[ée]o)\))?par [\p{L}\d][\p{L}\d.]*(?: [\p{L}\d][\p{L}\d.]*){0,3}[\p{Lu}"«]|\((?i:vid[ée]o|photos?)\)|(?i:crédits? photo)|©|(?i:lire aussi)|(?:^|[\s.])[a-z]{2,6}(?:-[a-z]{2,6})*(?:/[a-z]{2,6}){2,}(?:\s|$)`)
	reDependent = regexp.MustCompile(`^(?:Mais|Il|Elle|Ils|Elles|Cette|Ce|Ces|Cet|Cela|Ça|Celui-ci|Celle-ci|Ceux-ci|Lui|Leur|Pourtant|Cependant|Toutefois|Ainsi|Donc|Or|Et|Aussi|Alors|En revanche|Par ailleurs|De son côté|De leur côté|Selon lui|Selon elle|Ce dernier|Cette dernière)\b`)
)

// quality counts the defects of a system's summaries of items.
func quality(items []item, run func(d *corpus.Document) string) qualityCounts {
	var q qualityCounts
	for i := range items {
		text := strings.TrimSpace(run(items[i].doc))
		if unbalancedQuote(text) {
			q.unbalanced++
		}
		if reFurniture.MatchString(text) {
			q.furniture++
		}
		if reDependent.MatchString(text) {
			q.dependent++
		}
	}
	return q
}

// unbalancedQuote reports whether text has an odd number of straight
// double quotes, or unpaired « » or “ ”.
func unbalancedQuote(text string) bool {
	return strings.Count(text, `"`)%2 == 1 ||
		strings.Count(text, "«") != strings.Count(text, "»") ||
		strings.Count(text, "“") != strings.Count(text, "”")
}
