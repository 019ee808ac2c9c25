package search

import "sort"

// sortFunc sorts s by cmp like slices.SortFunc, with the same order (the
// same pattern-defeating quicksort, equal elements included), through
// sort.Slice: sort is linked into the module anyway, while each element
// type given to slices.SortFunc adds its own copy of the sort to the
// .wasm.
func sortFunc[T any](s []T, cmp func(a, b T) int) {
	sort.Slice(s, func(i, j int) bool { return cmp(s[i], s[j]) < 0 })
}

// sortStableFunc sorts s by cmp like slices.SortStableFunc, keeping equal
// elements in their order, through sort.SliceStable (see sortFunc).
func sortStableFunc[T any](s []T, cmp func(a, b T) int) {
	sort.SliceStable(s, func(i, j int) bool { return cmp(s[i], s[j]) < 0 })
}
