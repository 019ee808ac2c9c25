module github.com/corpus-explorer/explorer

go 1.26.0

require (
	github.com/andybalholm/brotli v1.2.8 // indirect
	github.com/blevesearch/snowballstem v0.9.0 // indirect
	github.com/evanw/esbuild v0.28.2 // indirect
	github.com/hack-pad/safejs v0.1.1 // indirect
	github.com/kljensen/snowball v0.10.0 // indirect
	github.com/sahilm/fuzzy v0.1.3 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
