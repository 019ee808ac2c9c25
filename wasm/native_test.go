//go:build !js

// These tests run natively (go test ./...): they check the sources of the
// js/wasm packages rather than run them.
package main

import (
	"bufio"
	"go/build/constraint"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestBuildTags checks that every Go file under wasm/, except this one,
// builds only for js/wasm, as in github.com/hack-pad/safejs.
func TestBuildTags(t *testing.T) {
	n := 0
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" || path == "native_test.go" {
			return err
		}
		n++
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		s := bufio.NewScanner(f)
		for s.Scan() {
			line := strings.TrimSpace(s.Text())
			if line == "" {
				continue
			}
			if !strings.HasPrefix(line, "//") {
				t.Errorf("%s: no //go:build js && wasm line before the code", path)
				break
			}
			if expr, err := constraint.Parse(line); err == nil {
				if a, ok := expr.(*constraint.AndExpr); !ok || !(a.X.String() == "js" && a.Y.String() == "wasm" || a.X.String() == "wasm" && a.Y.String() == "js") {
					t.Errorf("%s: build constraint %q, want js && wasm", path, line)
				}
				break
			}
		}
		return s.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 2 {
		t.Fatalf("found %d Go files to check", n)
	}
}

// forbidden are the packages the module must not carry (the .wasm is what
// every visitor downloads), with the only importers allowed to bring them.
var forbidden = map[string][]string{
	// fmt comes with github.com/hack-pad/safejs, which the project
	// requires for every crossing, and with the Snowball stemmers: allowed
	// there (it is linked anyway), nowhere else.
	"fmt": {"github.com/hack-pad/safejs", "github.com/corpus-explorer/explorer/third_party/snowballstem"},
	// log's init links its formatting and time's calendar code (12 KB
	// after brotli) though nothing logs: third_party/snowballstem is the
	// Snowball runtime without it. time itself only as the runtime's clock.
	"log":           nil,
	"time":          {"std"},
	"encoding/json": nil,
	"encoding/gob":  nil,
	"regexp":        nil,
	"net/http":      nil,
	// syscall/js: only through safejs (and the standard library's own use).
	"syscall/js": {"github.com/hack-pad/safejs", "std"},
}

// TestDeps checks with go list -deps which packages the js/wasm module
// links, and who imports the forbidden ones.
func TestDeps(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	args := []string{"list", "-deps", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .Imports \" \"}}"}
	if _, err := os.Stat("index.bin"); err != nil {
		// No index built yet (make index writes it): the dependencies do
		// not depend on it, so an empty stand-in is overlaid.
		args = append(args, "-overlay", indexOverlay(t))
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	// Only standard output is parsed: standard error carries the go
	// tool's progress ("go: downloading …" on an empty module cache),
	// which depends on the machine's state.
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, stderr.String())
	}
	dirs := map[string]string{}
	importers := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("go list line %q", line)
		}
		dirs[f[0]] = f[1]
		for _, imp := range strings.Fields(f[2]) {
			importers[imp] = append(importers[imp], f[0])
		}
	}
	var stubbed []string
	for pkg, allowed := range forbidden {
		if _, linked := dirs[pkg]; !linked {
			continue
		}
		for _, by := range importers[pkg] {
			if _, bad := forbidden[by]; bad || allowedImporter(by, allowed) {
				continue // a forbidden importer is reported itself
			}
			if isStub(dirs[by]) {
				stubbed = append(stubbed, by+" imports "+pkg)
				continue
			}
			t.Errorf("%s imports %s, which must stay out of the .wasm", by, pkg)
		}
	}
	if len(stubbed) > 0 {
		sort.Strings(stubbed)
		t.Skip("placeholder packages (marked STUB:) still import forbidden packages, to go when they are replaced: " + strings.Join(stubbed, "; "))
	}
}

func allowedImporter(pkg string, allowed []string) bool {
	for _, a := range allowed {
		if a == "std" && !strings.Contains(strings.Split(pkg, "/")[0], ".") {
			return true
		}
		if pkg == a || strings.HasPrefix(pkg, a+"/") {
			return true
		}
	}
	return false
}

// isStub reports whether the package in dir is a placeholder: one of its
// Go files says "STUB:".
func isStub(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), "STUB:") {
			return true
		}
	}
	return false
}

// indexOverlay writes an empty stand-in for index.bin and a go build
// -overlay file that puts it in place, and returns the overlay's path.
func indexOverlay(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	abs, err := filepath.Abs("index.bin")
	if err != nil {
		t.Fatal(err)
	}
	stand := filepath.Join(dir, "index.bin")
	if err := os.WriteFile(stand, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(dir, "overlay.json")
	data := `{"Replace":{` + strconv.Quote(abs) + `:` + strconv.Quote(stand) + `}}`
	if err := os.WriteFile(overlay, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return overlay
}
