package summary_test

import (
	"fmt"

	"github.com/corpus-explorer/explorer/corpus"
	"github.com/corpus-explorer/explorer/corpus/index"
	"github.com/corpus-explorer/explorer/corpus/ingest"
	"github.com/corpus-explorer/explorer/corpus/search"
	"github.com/corpus-explorer/explorer/corpus/summary"
)

const text = `Le groupe chinois Alibaba a annoncé mercredi un investissement de 25 milliards d'euros dans le cloud computing au cours des trois prochaines années. Le cloud est désormais sa principale activité, a expliqué son directeur général Daniel Zhang. Les recettes du cloud ont augmenté de 58 % entre juin et septembre. Alibaba reste pourtant derrière Amazon, Microsoft et Google sur le marché mondial.`

func ExampleDocument() {
	d, err := ingest.Bytes("alibaba", "alibaba.txt", []byte(text))
	if err != nil {
		panic(err)
	}
	s := summary.Document(d, summary.Options{Sentences: 2})
	for _, x := range s.Sentences {
		fmt.Println(x.Index, x.Text)
	}
	// Output:
	// 0 Le groupe chinois Alibaba a annoncé mercredi un investissement de 25 milliards d'euros dans le cloud computing au cours des trois prochaines années.
	// 1 Le cloud est désormais sa principale activité, a expliqué son directeur général Daniel Zhang.
}

func ExampleAnnotate() {
	d, err := ingest.Bytes("alibaba", "alibaba.txt", []byte(text))
	if err != nil {
		panic(err)
	}
	ov := summary.Annotate([]*corpus.Document{d})
	fmt.Println(ov.Documents, "document,", ov.Words, "words")
	for _, e := range d.Entities {
		if e.Kind == corpus.Person {
			fmt.Println(e.Name, "is a", e.Kind)
		}
	}
	// Output:
	// 1 document, 62 words
	// Daniel Zhang is a person
}

func ExampleQuery() {
	d, err := ingest.Bytes("alibaba", "alibaba.txt", []byte(text))
	if err != nil {
		panic(err)
	}
	docs := []*corpus.Document{d}
	ix := index.Build(docs, summary.Annotate(docs))
	s, err := summary.Query(search.New(ix), ix.Doc, "recettes", summary.Options{Sentences: 1})
	if err != nil {
		panic(err)
	}
	for _, x := range s.Sentences {
		fmt.Println(x.ID, x.Index, x.Text)
	}
	// Output:
	// alibaba 2 Les recettes du cloud ont augmenté de 58 % entre juin et septembre.
}
