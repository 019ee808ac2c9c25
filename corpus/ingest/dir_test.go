package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/corpus-explorer/explorer/corpus/decode"
)

func write(t *testing.T, root, rel string, data string) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func reportOf(rep *Report, path string) *FileReport {
	for i := range rep.Files {
		if rep.Files[i].Path == path {
			return &rep.Files[i]
		}
	}
	return nil
}

const article = "Titre de l’article\n\nLe premier paragraphe dit quelque chose. Le second le redit.\n"

func TestDirWalk(t *testing.T) {
	root := t.TempDir()
	write(t, root, "b.txt", article+"b.txt")
	write(t, root, "a.md", "# Un titre\n\nDu texte.\n")
	write(t, root, "a.txt", article+"a.txt")
	write(t, root, "a.txt.md", article+"a.txt.md") // would collide with a.txt's new id
	write(t, root, "cinema/Audiard/0001.TXT", article+"cinema/Audiard/0001.TXT")
	write(t, root, "web/page.HTM", "<title>Page</title><p>Bonjour le monde.</p>")
	write(t, root, "notes.markdown", "Du texte simple.\n")
	write(t, root, "code.go", "package x\n")
	write(t, root, "data.csv", "a,b\n")
	write(t, root, "testdata/x.txt", article)
	write(t, root, "vendor/x.txt", article)
	write(t, root, "node_modules/x.txt", article)
	write(t, root, ".git/x.txt", article)
	write(t, root, "_drafts/x.txt", article)
	write(t, root, ".hidden.txt", article)
	write(t, root, "_exit.2.txt", article+"_exit.2.txt") // files starting with "_" are read

	docs, rep, err := Dir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		checkDoc(t, d)
	}
	want := "_exit.2|a|a.txt|a.txt.md|b|cinema/Audiard/0001|notes|web/page"
	if got := strings.Join(ids, "|"); got != want {
		t.Errorf("ids %s, want %s", got, want)
	}
	if rep.Documents != 8 || rep.Skipped != 0 || len(rep.Files) != 8 {
		t.Errorf("report: %d documents, %d skipped, %d files", rep.Documents, rep.Skipped, len(rep.Files))
	}
	if fr := reportOf(rep, "a.txt"); fr == nil || len(fr.Warnings) == 0 || !strings.Contains(fr.Warnings[0], `already taken by a.md`) {
		t.Errorf("a.txt: no warning about the id taken: %+v", fr)
	}
	if fr := reportOf(rep, "a.txt.md"); fr == nil || fr.ID != "a.txt.md" {
		t.Errorf("a.txt.md: got %+v, want id a.txt.md", fr)
	}
	// Deterministic: a second run gives the same ids in the same order.
	docs2, _, _ := Dir(root, Options{})
	for i := range docs2 {
		if docs2[i].ID != docs[i].ID || docs2[i].Text != docs[i].Text {
			t.Fatalf("second run differs at %d", i)
		}
	}
}

func TestDirBadInput(t *testing.T) {
	root := t.TempDir()
	write(t, root, "good.txt", article)
	write(t, root, "empty.txt", "")
	write(t, root, "blank.txt", "  \n\n\t\n")
	write(t, root, "binary.txt", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00")
	write(t, root, "invalid.txt", "Un texte avec un octet invalide \xff\xfe ici, et du français accentué : été.\n")
	write(t, root, "script-only.html", "<script>alert(1)</script><style>p{}</style>")
	// A 100 MB file, sparse: over the default limit, never read.
	big := filepath.Join(root, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Symbolic links: a loop, a dangling link, a link to a folder, a link
	// outside the folder, a link to an indexed file, a link to a file in an
	// ignored folder.
	must(t, os.Symlink("loop2.txt", filepath.Join(root, "loop1.txt")))
	must(t, os.Symlink("loop1.txt", filepath.Join(root, "loop2.txt")))
	must(t, os.Symlink("nowhere.txt", filepath.Join(root, "dangling.txt")))
	must(t, os.MkdirAll(filepath.Join(root, "sub"), 0o755))
	must(t, os.Symlink("..", filepath.Join(root, "sub", "up")))
	outside := write(t, t.TempDir(), "outside.txt", article)
	must(t, os.Symlink(outside, filepath.Join(root, "escape.txt")))
	must(t, os.Symlink("good.txt", filepath.Join(root, "alias.txt")))
	write(t, root, "_private/kept.txt", article+"kept")
	must(t, os.Symlink("_private/kept.txt", filepath.Join(root, "linked.txt")))
	// A named pipe: opening it would block the build.
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644); err != nil {
		t.Logf("no named pipe: %v", err)
	}

	docs, rep, err := Dir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		err  error  // nil: a document
		msg  string // in the error or the warnings
	}{
		{"good.txt", nil, ""},
		{"empty.txt", ErrEmpty, "empty"},
		{"blank.txt", ErrEmpty, "white space"},
		{"binary.txt", decode.ErrBinary, "binary"},
		{"invalid.txt", nil, "UTF-8"},
		{"script-only.html", ErrEmpty, "no text"},
		{"huge.txt", ErrTooLarge, "104.9 MB, over the limit of 67.1 MB"},
		{"loop1.txt", ErrSymlink, "looping"},
		{"loop2.txt", ErrSymlink, "looping"},
		{"dangling.txt", ErrSymlink, "symbolic link"},
		{"sub/up", ErrSymlink, "link to a folder"},
		{"escape.txt", ErrSymlink, "outside the corpus folder"},
		{"alias.txt", ErrDuplicate, "indexed under its own name"},
		{"linked.txt", nil, "symbolic link to _private/kept.txt"},
		{"pipe.txt", ErrNotFile, "not a regular file"},
	}
	readable := 0
	for _, tt := range tests {
		fr := reportOf(rep, tt.path)
		if fr == nil {
			if tt.path == "pipe.txt" {
				continue
			}
			t.Errorf("%s: not reported", tt.path)
			continue
		}
		text := strings.Join(fr.Warnings, "; ")
		if fr.Err != nil {
			text = fr.Err.Error() + "; " + text
		}
		if tt.err == nil && fr.Err != nil || tt.err != nil && !errors.Is(fr.Err, tt.err) {
			t.Errorf("%s: err %v, want %v", tt.path, fr.Err, tt.err)
		}
		if !strings.Contains(text, tt.msg) {
			t.Errorf("%s: message %q does not say %q", tt.path, text, tt.msg)
		}
		if tt.err == nil {
			readable++
			if fr.ID == "" {
				t.Errorf("%s: no id", tt.path)
			}
		}
	}
	if rep.Documents != readable || len(docs) != readable {
		t.Errorf("%d documents (report %d), want %d readable text files", len(docs), rep.Documents, readable)
	}
	// Invalid UTF-8 is either decoded as a legacy charset (with a warning,
	// checked above) or counted as invalid bytes: never silent.
	if fr := reportOf(rep, "invalid.txt"); fr != nil && fr.InvalidBytes == 0 && fr.Encoding == "utf-8" {
		t.Errorf("invalid.txt: decoded as UTF-8 with no invalid bytes counted")
	}
	for _, d := range docs {
		checkDoc(t, d)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestDirMaxFileSize(t *testing.T) {
	root := t.TempDir()
	write(t, root, "small.txt", article)
	write(t, root, "large.txt", strings.Repeat("Une phrase de plus. ", 100))
	docs, rep, err := Dir(root, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "small" {
		t.Fatalf("got %d documents, want small only", len(docs))
	}
	if fr := reportOf(rep, "large.txt"); fr == nil || !errors.Is(fr.Err, ErrTooLarge) || fr.Bytes != 2000 {
		t.Errorf("large.txt: %+v", fr)
	}
}

func TestDirFaults(t *testing.T) {
	root := t.TempDir()
	write(t, root, "a-ok.txt", article)
	vanish := write(t, root, "vanish.txt", article)
	once := write(t, root, "changes-once.txt", article)
	always := write(t, root, "changes-always.txt", article)
	unreadable := write(t, root, "unreadable.txt", article)
	changed := map[string]int{}
	var mu sync.Mutex // files are read on several goroutines
	opt := Options{
		hook: func(p string) {
			mu.Lock()
			defer mu.Unlock()
			switch p {
			case vanish:
				os.Remove(p)
			case once, always:
				if p == always || changed[p] == 0 {
					f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
					f.WriteString("Une ligne de plus.\n")
					f.Close()
				}
				changed[p]++
			}
		},
		open: func(p string) (*os.File, error) {
			if p == unreadable {
				return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
			}
			return os.Open(p)
		},
	}
	docs, rep, err := Dir(root, opt)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		err  error
		msg  string
	}{
		{"a-ok.txt", nil, ""},
		{"vanish.txt", ErrVanished, "disappeared"},
		{"changes-once.txt", nil, "read again"},
		{"changes-always.txt", ErrChanged, "changed"},
		{"unreadable.txt", fs.ErrPermission, "permission denied"},
	}
	for _, tt := range tests {
		fr := reportOf(rep, tt.path)
		if fr == nil {
			t.Errorf("%s: not reported", tt.path)
			continue
		}
		text := strings.Join(fr.Warnings, "; ")
		if fr.Err != nil {
			text = fr.Err.Error() + "; " + text
		}
		if tt.err == nil && fr.Err != nil || tt.err != nil && !errors.Is(fr.Err, tt.err) {
			t.Errorf("%s: err %v, want %v", tt.path, fr.Err, tt.err)
		}
		if !strings.Contains(text, tt.msg) {
			t.Errorf("%s: message %q does not say %q", tt.path, text, tt.msg)
		}
	}
	if len(docs) != 2 || rep.Documents != 2 || rep.Skipped != 3 {
		t.Errorf("%d documents, report %d documents %d skipped; want 2, 2, 3", len(docs), rep.Documents, rep.Skipped)
	}
	for _, d := range docs {
		if d.ID == "changes-once" && !strings.Contains(d.Text, "Une ligne de plus.") {
			t.Errorf("changes-once: the second read was not used")
		}
	}
}

// TestDirUnreadable uses real permissions; root reads everything, so the
// test only runs for other users (TestDirFaults covers the case for root).
func TestDirUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reads (see TestDirFaults)")
	}
	root := t.TempDir()
	write(t, root, "ok.txt", article)
	p := write(t, root, "secret.txt", article)
	must(t, os.Chmod(p, 0))
	must(t, os.MkdirAll(filepath.Join(root, "closed"), 0o755))
	write(t, root, "closed/x.txt", article)
	must(t, os.Chmod(filepath.Join(root, "closed"), 0))
	defer os.Chmod(filepath.Join(root, "closed"), 0o755)
	docs, rep, err := Dir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Errorf("%d documents, want 1", len(docs))
	}
	for _, path := range []string{"secret.txt", "closed"} {
		if fr := reportOf(rep, path); fr == nil || !errors.Is(fr.Err, fs.ErrPermission) {
			t.Errorf("%s: %+v, want a permission error", path, fr)
		}
	}
}

func TestDirRoot(t *testing.T) {
	if _, _, err := Dir(filepath.Join(t.TempDir(), "missing"), Options{}); err == nil {
		t.Error("no error for a missing folder")
	}
	f := write(t, t.TempDir(), "file.txt", article)
	if _, _, err := Dir(f, Options{}); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("a file as root: %v", err)
	}
	// A root given through a symbolic link works.
	root := t.TempDir()
	write(t, root, "a.txt", article+"a.txt")
	link := filepath.Join(t.TempDir(), "link")
	must(t, os.Symlink(root, link))
	docs, _, err := Dir(link, Options{})
	if err != nil || len(docs) != 1 {
		t.Errorf("root through a link: %d documents, %v", len(docs), err)
	}
}
