package explore_test

import (
	"fmt"

	"github.com/corpus-explorer/explorer/corpus/explore"
)

func ExampleTable_KWIC() {
	docs := explore.Docs{
		{ID: "a", Lang: "fr", Text: "Le fichier est ouvert. Les fichiers sont fermés."},
		{ID: "b", Lang: "fr", Text: "Ouvrir un fichier texte."},
	}
	tab, _ := explore.New(docs)
	c, _ := tab.KWIC("fichier", explore.KWICOptions{Match: explore.Forms, Sort: "right", Context: 2})
	fmt.Println(c.Total, "occurrences in", c.Docs, "documents")
	for _, l := range c.Lines {
		fmt.Printf("%s|%s|%s (%s %d-%d)\n", l.Left, l.Hit, l.Right, l.ID, l.Start, l.End)
	}
	// Output:
	// 3 occurrences in 2 documents
	// Le |fichier| est ouvert (a 3-10)
	// ouvert. Les |fichiers| sont fermés (a 27-35)
	// Ouvrir un |fichier| texte. (b 10-17)
}

func ExampleLogLikelihood() {
	// "fichier" 30 times in a part of 1,000 words, 20 times in the other
	// 9,000 words of the corpus.
	fmt.Printf("%.4f\n", explore.LogLikelihood(30, 20, 1000, 9000))
	// Output:
	// 75.7716
}

func ExampleTable_Keyness() {
	docs := explore.Docs{
		{ID: "a", Lang: "fr", Text: "Le processus fils attend le processus père. Le processus meurt."},
		{ID: "b", Lang: "fr", Text: "Le fichier est ouvert, puis le fichier est lu."},
	}
	tab, _ := explore.New(docs)
	k, _ := tab.Keyness([]int{0}, explore.KeynessOptions{})
	for _, key := range k.Keys {
		fmt.Printf("%s %d %d %.3f\n", key.Word, key.Count, key.Rest, key.LL)
	}
	// Output:
	// processus 3 0 4.357
}
