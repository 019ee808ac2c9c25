package ingest

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// FuzzBytes checks that Bytes never panics and that every document it
// returns keeps the invariants, for plain text, Markdown and HTML.
func FuzzBytes(f *testing.F) {
	seeds, _ := filepath.Glob("../*.txt")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, uint8(0))
		}
	}
	f.Add([]byte(htmlSample), uint8(2))
	f.Add([]byte(mdSample), uint8(1))
	f.Add([]byte(wrapText(para1, 60)+"\n\n"+wrapText(para2, 60)), uint8(0))
	f.Add([]byte("Titre\n\nPar Jean Dupont, le 12 mars 2020\n\nTexte.\n\nA propos de l'auteur\n\nBio.\n"), uint8(0))
	f.Add([]byte(" date 2020-10 Texte.\n"), uint8(0))
	f.Add([]byte("---\ntitle: x\n---\n# T\n\n- a\n"), uint8(1))
	f.Add([]byte("<h1>T</h1><nav>n</nav><pre>  x\n y</pre>"), uint8(2))
	f.Add([]byte("LS(1)   Commandes   LS(1)\n\nNOM\n       ls - lister\n\nfin   1er mai 2020   LS(1)\n"), uint8(0))
	exts := []string{".txt", ".md", ".html"}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		p := "doc" + exts[int(kind)%len(exts)]
		// A hang is a failure too: the worker dies and the input is kept.
		watchdog := time.AfterFunc(30*time.Second, func() { panic("Bytes hangs on " + p + " " + strconv.Quote(string(data))) })
		defer watchdog.Stop()
		d, err := Bytes("doc", p, data)
		if err != nil {
			if d != nil {
				t.Fatal("a document and an error")
			}
			return
		}
		if e := docError(d); e != "" {
			t.Fatalf("%s %q: %s", p, data, e)
		}
	})
}
