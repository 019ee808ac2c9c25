package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// fakeWasm is enough of a module for dist: the magic number and some bytes.
var fakeWasm = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("explorer module "), 200)...)

// testSite lays out a site as make site does, from the real web/ and
// wasm/explorer.js, with a fake module and runtime.
func testSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The page's modules, whatever they are, as make site copies them.
	mods, err := filepath.Glob(filepath.Join("..", "..", "web", "*.js"))
	if err != nil || len(mods) == 0 {
		t.Fatalf("no modules in web/: %v", err)
	}
	for _, m := range mods {
		copyFile(m, filepath.Base(m))
	}
	// And those of its folders (web/explore/…).
	sub, _ := filepath.Glob(filepath.Join("..", "..", "web", "*", "*.js"))
	for _, m := range sub {
		folder := filepath.Base(filepath.Dir(m))
		if folder == "test" {
			continue
		}
		if err := os.MkdirAll(filepath.Join(dir, folder), 0o755); err != nil {
			t.Fatal(err)
		}
		copyFile(m, filepath.Join(folder, filepath.Base(m)))
	}
	for _, f := range []string{"style.css", "icon.svg", "search.svg"} {
		copyFile(filepath.Join("..", "..", "web", f), f)
	}
	copyFile(filepath.Join("..", "..", "wasm", "explorer.js"), "explorer.js")
	copyFile(filepath.Join("..", "..", "wasm", "api.js"), "api.js")
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("explorer.wasm", string(fakeWasm))
	write("wasm_exec.js", "\"use strict\";\n(() => { globalThis.Go = class Go { constructor() { this.note = '</script>'; } }; })();\n")
	return dir
}

func runDistArgs(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := runDist(args, &out, &errb)
	return out.String() + errb.String(), err
}

func TestDist(t *testing.T) {
	site := testSite(t)
	out := filepath.Join(t.TempDir(), "dist")
	report, err := runDistArgs(t, "-site", site, "-o", out, "-origins", "https://a.example https://b.example:8443")
	if err != nil {
		t.Fatalf("dist: %v\n%s", err, report)
	}
	var files []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(files) >= 20 {
		t.Errorf("%d files, want fewer than 20: %v", len(files), files)
	}
	if !strings.Contains(report, "wrote "+out+": "+strconv.Itoa(len(files))+" files") {
		t.Errorf("report does not count %d files:\n%s", len(files), report)
	}
	version := regexp.MustCompile(`version ([0-9a-f]{12})\)`).FindStringSubmatch(report)
	if version == nil {
		t.Fatalf("no version in the report:\n%s", report)
	}
	v := version[1]
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	has := map[string]bool{}
	for _, f := range files {
		has[f] = true
	}
	for _, f := range []string{"index.html", "sw.js", "manifest.webmanifest", "explorer-standalone.html",
		v + "/explorer.js", v + "/explorer.wasm", v + "/style.css", v + "/icon.svg", v + "/search.svg",
		v + "/explorer.js.br", v + "/explorer.js.gz", v + "/explorer.wasm.br", v + "/explorer.wasm.gz", v + "/style.css.br", v + "/style.css.gz", "sw.js.br", "sw.js.gz"} {
		if !has[f] {
			t.Errorf("%s missing from %v", f, files)
		}
	}
	// Siblings decode to their file.
	for _, f := range files {
		base, ext := strings.TrimSuffix(strings.TrimSuffix(f, ".br"), ".gz"), filepath.Ext(f)
		if ext != ".br" && ext != ".gz" {
			continue
		}
		var r io.Reader = strings.NewReader(read(f))
		if ext == ".br" {
			r = brotli.NewReader(r)
		} else {
			zr, err := gzip.NewReader(r)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			r = zr
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if string(got) != read(base) {
			t.Errorf("%s does not decode to %s", f, base)
		}
	}
	if read(v+"/explorer.wasm") != string(fakeWasm) {
		t.Errorf("the module was changed")
	}
	index := read("index.html")
	for _, want := range []string{`src="` + v + `/explorer.js"`, `<link rel="preload" href="` + v + `/explorer.wasm" as="fetch" type="application/wasm" crossorigin>`, `href="` + v + `/style.css"`, `rel="manifest"`, `service-worker="sw.js"`, `allow-origins="https://a.example https://b.example:8443"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s:\n%s", want, index)
		}
	}
	if regexp.MustCompile(`<script>|<style|style=| on[a-z]+=`).MatchString(index) {
		t.Errorf("index.html has something inline:\n%s", index)
	}
	if strings.Contains(index, "corpus-explorer-split") {
		t.Errorf("index.html of an embedded build says it is split:\n%s", index)
	}
	sw := read("sw.js")
	for _, want := range []string{`const VERSION = '` + v + `'`, `"` + v + `/explorer.wasm"`, `"./"`, `"manifest.webmanifest"`} {
		if !strings.Contains(sw, want) {
			t.Errorf("sw.js lacks %s", want)
		}
	}
	js := read(v + "/explorer.js")
	if !strings.HasPrefix(js, "/*! wasm_exec.js: Copyright 2018 The Go Authors") || strings.Contains(js, `from"./`) || strings.Contains(js, `from "./`) {
		t.Errorf("explorer.js is not one module with the Go runtime first: %.200s", js)
	}
	if !strings.Contains(read("manifest.webmanifest"), `"src": "`+v+`/icon.svg"`) {
		t.Errorf("the manifest's icon is not in the version folder")
	}

	// The standalone file: the hashes it declares are those of its inline code.
	html := read("explorer-standalone.html")
	scripts := regexp.MustCompile(`(?s)<script type="module">(.*?)</script>`).FindAllStringSubmatch(html, -1)
	styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(html, -1)
	if len(scripts) != 1 || len(styles) != 1 {
		t.Fatalf("standalone: %d module scripts and %d styles, want 1 and 1", len(scripts), len(styles))
	}
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(html)
	if meta == nil {
		t.Fatal("standalone: no meta CSP")
	}
	for _, h := range []string{hash(scripts[0][1]), hash(styles[0][1])} {
		if !strings.Contains(meta[1], h) || !strings.Contains(html[:strings.Index(html, "<html")], h) {
			t.Errorf("standalone: hash %s is not in the meta CSP and the leading comment", h)
		}
	}
	if strings.Contains(scripts[0][1], "</script") {
		t.Errorf("standalone: the script would end early")
	}
	data := regexp.MustCompile(`(?s)<script type="application/octet-stream" id="` + wasmDataID + `">(.*?)</script>`).FindStringSubmatch(html)
	if data == nil {
		t.Fatal("standalone: no module data")
	}
	gz, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(data[1]), ""))
	if err != nil {
		t.Fatalf("standalone: module data: %v", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatalf("standalone: module data: %v", err)
	}
	if got, _ := io.ReadAll(zr); !bytes.Equal(got, fakeWasm) {
		t.Errorf("standalone: the module data does not unpack to the module")
	}
	if strings.Contains(html, `url("icon.svg")`) || !strings.Contains(html, "data:image/svg+xml;base64,") {
		t.Errorf("standalone: icons not inlined")
	}

	// Same input, same version; a changed file, a new version; the old
	// distribution is replaced.
	again, err := runDistArgs(t, "-site", site, "-o", out)
	if err != nil || !strings.Contains(again, "version "+v+")") {
		t.Errorf("a second build differs: %v\n%s", err, again)
	}
	if err := os.WriteFile(filepath.Join(site, "style.css"), []byte(read(v+"/style.css")+"\n.cx-new {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, err := runDistArgs(t, "-site", site, "-o", out)
	if err != nil || strings.Contains(changed, "version "+v+")") {
		t.Errorf("a changed style kept version %s: %v", v, err)
	}
	if _, err := os.Stat(filepath.Join(out, v)); !os.IsNotExist(err) {
		t.Errorf("the old version folder is still in %s", out)
	}
}

func TestDistErrors(t *testing.T) {
	site := testSite(t)
	notDist := t.TempDir()
	os.WriteFile(filepath.Join(notDist, "precious.txt"), []byte("keep"), 0o644)
	notWasm := testSite(t)
	os.WriteFile(filepath.Join(notWasm, "explorer.wasm"), []byte("<html>404</html>"), 0o644)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no site", []string{"-site", filepath.Join(t.TempDir(), "none"), "-o", t.TempDir()}, "run make site first"},
		{"not a module", []string{"-site", notWasm, "-o", filepath.Join(t.TempDir(), "d")}, "explorer.wasm is not a WebAssembly module"},
		{"bad origin", []string{"-site", site, "-origins", "https://a.example/path"}, `"https://a.example/path" is not an origin`},
		{"not a distribution", []string{"-site", site, "-o", notDist}, "does not hold a distribution"},
		{"extra argument", []string{"-site", site, "more"}, `unexpected argument "more"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := runDistArgs(t, c.args...)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want one containing %q\n%s", err, c.want, out)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(notDist, "precious.txt")); err != nil || string(b) != "keep" {
		t.Errorf("a folder that is not a distribution was touched")
	}
}

func TestServeHandler(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.js"), []byte("raw"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.js.br"), []byte("brotli"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.js.gz"), []byte("gzip"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>page"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.html.gz"), []byte("gzip page"), 0o644)
	os.WriteFile(filepath.Join(dir, "m.webmanifest"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(dir, "e.wasm"), []byte("\x00asm"), 0o644)
	for _, c := range []struct {
		path, accept      string
		csp, cors         bool
		body, typ, enc    string
		wantCSP, wantCORS bool
	}{
		{"/a.js", "gzip, deflate, br", true, false, "brotli", "text/javascript; charset=utf-8", "br", true, false},
		{"/a.js", "gzip", false, true, "gzip", "text/javascript; charset=utf-8", "gzip", false, true},
		{"/a.js", "br;q=0, gzip;q=0", false, false, "raw", "text/javascript; charset=utf-8", "", false, false},
		{"/a.js", "", false, false, "raw", "text/javascript; charset=utf-8", "", false, false},
		{"/", "gzip", true, false, "gzip page", "text/html; charset=utf-8", "gzip", true, false},
		{"/m.webmanifest", "br", false, false, "{}", "application/manifest+json", "", false, false},
		{"/e.wasm", "br", false, false, "\x00asm", "application/wasm", "", false, false},
	} {
		req := httptest.NewRequest(http.MethodGet, c.path, nil)
		if c.accept != "" {
			req.Header.Set("Accept-Encoding", c.accept)
		}
		w := httptest.NewRecorder()
		handler(dir, c.csp, c.cors).ServeHTTP(w, req)
		h := w.Result().Header
		if w.Code != 200 || w.Body.String() != c.body || h.Get("Content-Type") != c.typ || h.Get("Content-Encoding") != c.enc {
			t.Errorf("%s (Accept-Encoding %q): %d %q type %q encoding %q, want %q type %q encoding %q",
				c.path, c.accept, w.Code, w.Body.String(), h.Get("Content-Type"), h.Get("Content-Encoding"), c.body, c.typ, c.enc)
		}
		if got := h.Get("Content-Security-Policy") == CSP; got != c.wantCSP {
			t.Errorf("%s: CSP header %q", c.path, h.Get("Content-Security-Policy"))
		}
		if got := h.Get("Access-Control-Allow-Origin") == "*"; got != c.wantCORS {
			t.Errorf("%s: CORS header %q", c.path, h.Get("Access-Control-Allow-Origin"))
		}
	}
}

func TestServeCaching(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "0123456789ab"), 0o755)
	os.MkdirAll(filepath.Join(dir, "notaversion1"), 0o755)
	os.MkdirAll(filepath.Join(dir, "0123456789AB"), 0o755)
	for _, f := range []string{"index.html", "sw.js", "0123456789ab/explorer.js", "notaversion1/x.js", "0123456789AB/explorer.js"} {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	for path, want := range map[string]string{
		"/":                         "no-cache",
		"/sw.js":                    "no-cache",
		"/0123456789ab/explorer.js": "public, max-age=31536000, immutable",
		"/0123456789ab/../sw.js":    "no-cache",
		"/notaversion1/x.js":        "no-cache",
		"/0123456789AB/explorer.js": "no-cache",
		"/0123456789ab":             "no-cache",
	} {
		w := httptest.NewRecorder()
		handler(dir, false, false).ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if got := w.Result().Header.Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, want %q", path, got, want)
		}
	}
}

// TestDistPacks: a split site's packs and bulk files go to
// VERSION/packs/ as they are, outside the file budget and the service
// worker's precache (it keeps them when fetched), and the packs alone
// inline in the standalone file.
func TestDistPacks(t *testing.T) {
	site := testSite(t)
	if err := os.MkdirAll(filepath.Join(site, "packs"), 0o755); err != nil {
		t.Fatal(err)
	}
	packs := map[string][]byte{}
	for i := 0; i < maxDistFiles+5; i++ { // more than the budget allows files
		name := fmt.Sprintf("%016x.pack", i+1)
		packs[name] = bytes.Repeat([]byte{byte(i), 0x78, 0x9c}, 100+i)
		if err := os.WriteFile(filepath.Join(site, "packs", name), packs[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The list of the search index's chunks, text: beside them, with siblings.
	list := []byte(chunksHeader + "0\nle la\n" + strings.Repeat("\t0123456789abcdef\n", 100))
	if err := os.WriteFile(filepath.Join(site, "packs", chunksFile), list, 0o644); err != nil {
		t.Fatal(err)
	}
	// A bulk file of packs 0 to 3, and their list (bulk.go).
	const bulkName = "00000000000000ff" + bulkExt
	packs[bulkName] = bytes.Repeat([]byte{0x78, 0x9c, 1}, 400)
	if err := os.WriteFile(filepath.Join(site, "packs", bulkName), packs[bulkName], 0o644); err != nil {
		t.Fatal(err)
	}
	bulkList := []byte(bulkHeader + "\n" + strings.Repeat("0\t4\t00000000000000ff\n", 80))
	if err := os.WriteFile(filepath.Join(site, "packs", bulkFile), bulkList, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if msg, err := runDistArgs(t, "-site", site, "-o", out); err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	vs, _ := filepath.Glob(filepath.Join(out, "*", "explorer.wasm"))
	if len(vs) != 1 {
		t.Fatalf("no VERSION/explorer.wasm: %v", vs)
	}
	v := filepath.Dir(vs[0])
	for _, name := range []string{chunksFile, chunksFile + ".br", chunksFile + ".gz", bulkFile, bulkFile + ".br", bulkFile + ".gz"} {
		if _, err := os.Stat(filepath.Join(v, "packs", name)); err != nil {
			t.Errorf("the lists of chunks and bulk files: %v", err)
		}
	}
	if page, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || !bytes.Contains(page, []byte(`<meta name="corpus-explorer-split" content="">`)) {
		t.Errorf("index.html of a split build does not say so (%v)", err)
	}
	for name, want := range packs {
		got, err := os.ReadFile(filepath.Join(v, "packs", name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: not copied as it is (%v)", name, err)
		}
		for _, ext := range []string{".br", ".gz"} {
			if _, err := os.Stat(filepath.Join(v, "packs", name+ext)); err == nil {
				t.Errorf("%s%s: a compressed pack got a sibling", name, ext)
			}
		}
	}
	sw, err := os.ReadFile(filepath.Join(out, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sw, []byte(".pack\"")) || bytes.Contains(sw, []byte(bulkExt+"\"")) || !bytes.Contains(sw, []byte("cache.put(req, res.clone())")) {
		t.Error("sw.js precaches the packs or bulk files, or does not keep them when fetched")
	}
	// What it keeps when fetched: the pattern it tests paths with (a
	// JavaScript regular expression that RE2 reads the same).
	_, re, _ := strings.Cut(string(sw), "const pack = /")
	re, _, _ = strings.Cut(re, "/.test(")
	kept, err := regexp.Compile(strings.ReplaceAll(re, `\/`, "/"))
	if err != nil {
		t.Fatalf("sw.js's pattern of packs %q: %v", re, err)
	}
	ver := "/" + filepath.Base(v) + "/packs/"
	for path, want := range map[string]bool{
		ver + "0123456789abcdef.pack": true, ver + "0123456789abcdef-12-3.pack": true, ver + bulkName: true, ver + bulkFile: true,
		ver + chunksFile: false, "/" + filepath.Base(v) + "/explorer.js": false, ver + "0123.pack": false, ver + "x" + bulkFile: false,
	} {
		if got := kept.MatchString(path); got != want {
			t.Errorf("sw.js keeps %s: %v, want %v", path, got, want)
		}
	}
	html, err := os.ReadFile(filepath.Join(out, "explorer-standalone.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte(`id="corpus-explorer-packs"`)) || !bytes.Contains(html, []byte(`"0000000000000001.pack":[0,300]`)) {
		t.Error("the standalone file does not inline the packs with their places")
	}
	for _, name := range []string{chunksFile, bulkFile, bulkName} {
		if bytes.Contains(html, []byte(`"`+name+`":[`)) {
			t.Errorf("the standalone file holds %s, which nothing there fetches", name)
		}
	}
}
