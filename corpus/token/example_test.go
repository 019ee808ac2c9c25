package token_test

import (
	"fmt"

	"github.com/corpus-explorer/explorer/corpus/token"
)

func ExampleAnalyzer_Tokens() {
	text := "L’e-commerce a créé 85.000 emplois."
	a := token.For(token.Detect(text))
	for _, t := range a.Tokens(text) {
		fmt.Printf("%-12q %-10s %-9s stop=%-5v compound=%v\n", text[t.Start:t.End], t.Term, t.Stem, t.Stop, t.Compound)
	}
	// Output:
	// "L"          l          l         stop=true  compound=false
	// "e-commerce" ecommerce  ecommerc  stop=false compound=true
	// "e"          e          e         stop=false compound=false
	// "commerce"   commerce   commerc   stop=false compound=false
	// "a"          a          a         stop=true  compound=false
	// "créé"       cree       cre       stop=false compound=false
	// "85.000"     85000      85000     stop=false compound=false
	// "emplois"    emplois    emplois   stop=false compound=false
}

func ExampleFold() {
	fmt.Println(token.Fold("Œuvre électronique à Straße"))
	// Output: oeuvre electronique a strasse
}

func ExampleDetect() {
	fmt.Println(token.Detect("Le télétravail s’est imposé pendant la pandémie."))
	fmt.Println(token.Detect("Remote work became the norm during the pandemic."))
	// Output:
	// fr
	// en
}
