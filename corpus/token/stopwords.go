//go:build !(js && wasm)

package token

// Stopwords returns the stopwords of language lang ("fr", "en"; French
// for another), folded, in sorted order: for tools (explorer build's list
// of chunks). Left out of the module, which never lists them, so that it
// is built from the same sources as without it.
func Stopwords(lang string) []string { return append([]string(nil), For(lang).stop...) }
