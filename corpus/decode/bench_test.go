package decode

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/shared"
)

// corpusFiles reads every file of the shared scale corpora.
func corpusFiles(b *testing.B) (files [][]byte, size int64) {
	root := shared.Path(b, "corpora")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, data)
		size += int64(len(data))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return files, size
}

// BenchmarkBytes decodes the shared corpora (6,495 clean UTF-8 French
// documents, 20 MB); MB/s is the throughput on one core.
func BenchmarkBytes(b *testing.B) {
	files, size := corpusFiles(b)
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			if _, err := Bytes(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBytesMojibake decodes the damaged seed document, the slow path.
func BenchmarkBytesMojibake(b *testing.B) {
	data, err := os.ReadFile("../003_b2b9600c9bae120f.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Bytes(data); err != nil {
			b.Fatal(err)
		}
	}
}
