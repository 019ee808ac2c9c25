package engine_test

import (
	"fmt"

	"github.com/corpus-explorer/explorer/corpus/engine"
	"github.com/corpus-explorer/explorer/corpus/search"
)

// The CLI and the JavaScript API share the engine's limits, and their
// messages.
func ExampleCheckSearch() {
	fmt.Println(engine.CheckSearch("géant", search.Options{Limit: 20, Sort: "date"}))
	fmt.Println(engine.CheckSearch("géant", search.Options{Limit: 5000}))
	fmt.Println(engine.CheckSearch("géant", search.Options{DateFrom: "21/10/2020"}))
	// Output:
	// <nil>
	// limit out of range: 5000, want 0 to 1000
	// dateFrom is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "21/10/2020"
}
