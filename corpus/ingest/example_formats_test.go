package ingest_test

import (
	"fmt"
	"os"

	"github.com/corpus-explorer/explorer/corpus/ingest"
)

// Readers reads one file of any format Dir reads; parallel workers can
// share one. The PDF reader starts on the first PDF.
func ExampleReaders() {
	r := ingest.NewReaders(ingest.Options{})
	defer r.Close()
	data, err := os.ReadFile("testdata/formats/linguistique.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := r.Document("linguistique", "linguistique.pdf", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title, "by", doc.Author)
	fmt.Println(len(doc.Pages), "pages; offset", doc.Pages[3], "is on page", doc.Page(doc.Pages[3]))
	// Output:
	// Linguistique by Contributeurs de LibreOffice
	// 8 pages; offset 3527 is on page 4
}
