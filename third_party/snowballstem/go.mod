module github.com/blevesearch/snowballstem

go 1.13
