package ingest_test

import (
	"fmt"

	"github.com/corpus-explorer/explorer/corpus/ingest"
)

func ExampleBytes() {
	text := "“Le cloud d’Alibaba”\n" +
		"Par Jeanne Martin, le 12 mars 2020\n" +
		"Alibaba investit dans le cloud. Le groupe vise l’Europe.\n" +
		"Une croissance rapide\n" +
		"Les recettes ont augmenté de 58,5 %.\n" +
		"Partager sur Facebook Twitter\n"
	d, err := ingest.Bytes("actu/cloud", "actu/cloud.txt", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("title %q, derived %v\n", d.Title, d.TitleDerived)
	fmt.Printf("author %q, date %s\n", d.Author, d.Date)
	for _, b := range d.Blocks {
		fmt.Printf("%-11s %s\n", b.Kind, d.Text[b.Start:b.End])
	}
	for _, s := range d.Sentences {
		fmt.Printf("sentence: %s\n", d.Text[s.Start:s.End])
	}
	// Output:
	// title "Le cloud d’Alibaba", derived false
	// author "Jeanne Martin", date 2020-03-12
	// title       “Le cloud d’Alibaba”
	// meta        Par Jeanne Martin, le 12 mars 2020
	// paragraph   Alibaba investit dans le cloud. Le groupe vise l’Europe.
	// heading     Une croissance rapide
	// paragraph   Les recettes ont augmenté de 58,5 %.
	// boilerplate Partager sur Facebook Twitter
	// sentence: Alibaba investit dans le cloud.
	// sentence: Le groupe vise l’Europe.
	// sentence: Les recettes ont augmenté de 58,5 %.
}

func ExampleDir() {
	docs, rep, err := ingest.Dir("..", ingest.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Documents, "documents,", rep.Skipped, "skipped")
	for _, d := range docs {
		fmt.Printf("%s date=%q author=%q\n", d.ID, d.Date, d.Author)
	}
	// Output:
	// 5 documents, 0 skipped
	// 000_51c7cdee7153bd3e date="" author=""
	// 001_118958dc49fbdea0 date="" author="Emmanuel Mayega"
	// 002_a9405f81dff46907 date="2020-10" author=""
	// 003_b2b9600c9bae120f date="" author=""
	// 004_dbc9545f7f49c75c date="" author=""
}
