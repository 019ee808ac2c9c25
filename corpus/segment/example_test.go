package segment_test

import (
	"fmt"

	"github.com/corpus-explorer/explorer/corpus/segment"
)

func ExampleSentences() {
	text := "M. Ma a reçu J.-M. Dupont à Hangzhou. « C’est un géant\u00a0! » Il emploie 85.000 personnes, etc. Fin.\n\n" +
		"Un titre sans point\nEt un paragraphe… qui continue."
	for _, sp := range segment.Sentences(text, "fr") {
		fmt.Printf("%d-%d %s\n", sp.Start, sp.End, text[sp.Start:sp.End])
	}
	// Output:
	// 0-39 M. Ma a reçu J.-M. Dupont à Hangzhou.
	// 40-66 « C’est un géant ! »
	// 67-100 Il emploie 85.000 personnes, etc.
	// 101-105 Fin.
	// 107-126 Un titre sans point
	// 127-160 Et un paragraphe… qui continue.
}
