package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/evanw/esbuild/pkg/api"
)

// What `explorer dist` writes, for a site built by `make site`:
//
//	index.html               the page: <corpus-explorer history service-worker="sw.js">
//	sw.js                    the service worker: precaches everything, version VERSION
//	manifest.webmanifest     the web app manifest (installable)
//	explorer-standalone.html one file, everything inline, for file:// and no network
//	VERSION/explorer.js      wasm_exec.js, the API, the interface and the element, one module
//	VERSION/explorer.wasm    the module
//	VERSION/style.css        the styles
//	VERSION/icon.svg, VERSION/search.svg
//
// VERSION is a hash of the folder's contents: a new deploy puts its files
// in a new folder, so a page never mixes them with cached old ones. Every
// file a host serves that is at least minSibling bytes long gets .br and
// .gz siblings; the standalone file is a download, already compressed
// inside, and gets none.
const (
	// minSibling is the size under which a compressed sibling is not
	// worth a file: the response fits in one packet either way.
	minSibling = 1024
	// maxDistFiles is the budget of files in dist/ (issue 7: fewer than 20).
	maxDistFiles = 19
	// wasmDataID is the id of the standalone file's element holding the
	// module, gzip then base64.
	wasmDataID = "corpus-explorer-wasm"
	// packsDataID is the id of the standalone file's element holding the
	// texts' packs of a split build, base64.
	packsDataID = "corpus-explorer-packs"
)

// distFile is one file of the distribution.
type distFile struct {
	name     string // slash-separated, relative to the output folder
	data     []byte
	siblings bool // write .br and .gz beside it
	// pack marks a text pack of a split build (VERSION/packs/NAME):
	// already compressed, fetched on demand, outside the file budget.
	pack bool
	// gz, if not nil, is data gzipped already (the module's, which the
	// standalone file holds too): write does not compress it again.
	gz []byte
	// br, if not nil, gives data compressed with brotli, begun before
	// (the module's, the longest to compress, begun as soon as it is
	// read, while the rest of the distribution is made).
	br <-chan compressed
	// gzipSize and brotliSize are its compressed sizes, set by write
	// for the files with siblings.
	gzipSize, brotliSize int
}

// compressed is the result of a compression.
type compressed struct {
	data []byte
	err  error
}

// distribution is everything `explorer dist` writes.
type distribution struct {
	version string
	files   []distFile
	// styleHashes and scriptHashes are the CSP hash sources the
	// standalone file needs (also written in its meta CSP and comment).
	styleHashes, scriptHashes []string
	// compressTime is how long write took to compress the files (the
	// module's brotli, begun by buildDist, may have been under way).
	compressTime time.Duration
}

// runDist writes the distribution of a built site.
func runDist(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("dist", stderr)
	site := fs.String("site", "build/site", "the built site `folder` (make site)")
	out := fs.String("o", "dist", "output `folder`; replaced if it holds a previous distribution")
	origins := fs.String("origins", "", "space-separated `origins` whose pages may drive the iframe page (index.html) with postMessage, besides the one named by ?origin=")
	originals := fs.String("originals", "../originals/", "`URL` (relative to index.html) where the documents' original files are published: the reader links them; \"\" for no link (the standalone file never links)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q; usage: dist [-site DIR] [-o DIR] [-origins 'https://a https://b']", errUsage, fs.Arg(0))
	}
	d, err := buildDist(*site, strings.Fields(*origins), *originals)
	if err != nil {
		return err
	}
	written, err := d.write(*out)
	if err != nil {
		return err
	}
	return report(stdout, *out, d, written)
}

// buildDist reads site and makes the distribution in memory.
func buildDist(site string, origins []string, originals string) (*distribution, error) {
	for _, o := range origins {
		if !strings.HasPrefix(o, "https://") && !strings.HasPrefix(o, "http://") || strings.Count(o, "/") != 2 {
			return nil, fmt.Errorf("-origins: %q is not an origin like https://example.org", o)
		}
	}
	abs, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	read := func(name string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(abs, name))
		if err != nil {
			return nil, fmt.Errorf("site %s: %w (run make site first)", site, err)
		}
		return b, nil
	}
	src := map[string][]byte{}
	for _, n := range []string{"explorer.wasm", "wasm_exec.js", "style.css", "icon.svg", "search.svg", "explorer.js", "app.js", "element.js"} {
		if src[n], err = read(n); err != nil {
			return nil, err
		}
	}
	if !bytes.HasPrefix(src["explorer.wasm"], []byte("\x00asm")) {
		return nil, fmt.Errorf("site %s: explorer.wasm is not a WebAssembly module", site)
	}
	// The module's brotli takes the longest, on one core: it begins now.
	wasmBr := make(chan compressed, 1)
	go func() {
		b, err := brotliBytes(src["explorer.wasm"])
		wasmBr <- compressed{b, err}
	}()
	goRuntime, err := bundleScript(abs, "wasm_exec.js", "", "wasm_exec.js: Copyright 2018 The Go Authors. BSD-style license: https://go.dev/LICENSE")
	if err != nil {
		return nil, err
	}
	hosted, err := bundleScript(abs, "entry.js", "export * from './explorer.js';\nexport { mount } from './app.js';\nexport { CorpusExplorer, define, listenToParent } from './element.js';\n", "")
	if err != nil {
		return nil, err
	}
	js := append(append(goRuntime, '\n'), hosted...)

	// The texts' packs of a split build (explorer build -split), fetched
	// on demand from VERSION/packs/ beside the module, and its bulk files
	// (bulk.go), for a page that loads them all.
	packNames, err := filepath.Glob(filepath.Join(abs, "packs", "*.pack"))
	if err != nil {
		return nil, err
	}
	bulkNames, err := filepath.Glob(filepath.Join(abs, "packs", "*"+bulkExt))
	if err != nil {
		return nil, err
	}
	packNames = append(packNames, bulkNames...)
	sort.Strings(packNames)
	var packs []distFile
	for _, p := range packNames {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("site %s: %w", site, err)
		}
		packs = append(packs, distFile{name: "packs/" + filepath.Base(p), data: b, pack: true})
	}
	// The list of the search index's chunks (chunks.go), for a page opened
	// on a query (load()'s firstQuery), and that of the bulk files: beside
	// the packs and outside the budget as they are, but text, so with
	// siblings.
	hasChunks := false
	for _, list := range []string{chunksFile, bulkFile} {
		b, err := os.ReadFile(filepath.Join(abs, "packs", list))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("site %s: %w", site, err)
		}
		packs = append(packs, distFile{name: "packs/" + list, data: b, pack: true})
		hasChunks = hasChunks || list == chunksFile
	}

	d := &distribution{}
	versioned := []distFile{
		{name: "explorer.js", data: js},
		{name: "explorer.wasm", data: src["explorer.wasm"]},
		{name: "style.css", data: src["style.css"]},
		{name: "icon.svg", data: src["icon.svg"]},
		{name: "search.svg", data: src["search.svg"]},
	}
	versioned = append(versioned, packs...)
	h := sha256.New()
	for _, f := range versioned {
		fmt.Fprintf(h, "%s %d\n", f.name, len(f.data))
		h.Write(f.data)
	}
	d.version = hex.EncodeToString(h.Sum(nil))[:12]
	v := d.version + "/"
	for _, f := range versioned {
		f.name = v + f.name
		d.files = append(d.files, f)
	}
	d.files = append(d.files,
		distFile{name: "index.html", data: indexHTML(v, origins, originals, hasChunks)},
		distFile{name: "manifest.webmanifest", data: manifest(v)},
		distFile{name: "sw.js", data: serviceWorker(d.version, d.files)},
	)
	// The module's gzip serves both its .gz sibling and the standalone file.
	var wasmGz []byte
	// The standalone file carries the texts' packs whole, not the parts
	// of long documents (NAME-D-I.pack), which only save fetches: a snippet
	// that asks for a part gets its document's pack (explorer.js).
	var whole []distFile
	// Nor the lists of chunks and bulk files, nor the bulk files: nothing
	// is fetched there.
	for _, p := range packs {
		if strings.HasSuffix(p.name, ".pack") && !strings.Contains(p.name, "-") {
			whole = append(whole, p)
		}
	}
	standalone, err := d.standalone(abs, goRuntime, src, whole, func(b []byte) ([]byte, error) {
		gz, err := gzipLevel(b)
		wasmGz = gz
		return gz, err
	})
	if err != nil {
		return nil, err
	}
	for i := range d.files {
		if d.files[i].name == v+"explorer.wasm" {
			d.files[i].gz, d.files[i].br = wasmGz, wasmBr
		}
	}
	d.files = append(d.files, distFile{name: "explorer-standalone.html", data: standalone})
	for i := range d.files {
		f := &d.files[i]
		f.siblings = len(f.data) >= minSibling && f.name != "explorer-standalone.html" && (!f.pack || strings.HasSuffix(f.name, ".txt"))
	}
	if n := d.count(); n > maxDistFiles {
		return nil, fmt.Errorf("the distribution would have %d files, over the budget of %d", n, maxDistFiles)
	}
	return d, nil
}

// count is the number of files the distribution writes, siblings included.
func (d *distribution) count() int {
	n := 0
	for _, f := range d.files {
		if f.pack {
			continue
		}
		n++
		if f.siblings {
			n += 2
		}
	}
	return n
}

// bundleScript bundles one ES module of dir (or stdin's contents, if not
// empty, resolved in dir) into one minified module, with an optional
// leading /*! banner */.
func bundleScript(dir, entry, stdin, banner string) ([]byte, error) {
	opts := api.BuildOptions{
		Bundle:            true,
		Format:            api.FormatESModule,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2022,
		Charset:           api.CharsetUTF8,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
		Write:             false,
		Outdir:            filepath.Join(dir, "out"),
		External:          []string{"node:*"},
	}
	if banner != "" {
		opts.Banner = map[string]string{"js": "/*! " + banner + " */"}
	}
	if stdin != "" {
		opts.Stdin = &api.StdinOptions{Contents: stdin, ResolveDir: dir, Sourcefile: entry, Loader: api.LoaderJS}
	} else {
		opts.EntryPoints = []string{filepath.Join(dir, entry)}
		// wasm_exec.js is a classic script: keep it one, without exports.
		opts.Format = api.FormatIIFE
	}
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		var b strings.Builder
		for _, m := range res.Errors {
			if m.Location != nil {
				fmt.Fprintf(&b, "\n  %s:%d:%d: %s", m.Location.File, m.Location.Line, m.Location.Column, m.Text)
			} else {
				fmt.Fprintf(&b, "\n  %s", m.Text)
			}
		}
		return nil, fmt.Errorf("bundling %s failed:%s", entry, b.String())
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundling %s: %d output files, want 1", entry, len(res.OutputFiles))
	}
	return bytes.TrimRight(res.OutputFiles[0].Contents, "\n"), nil
}

const noscript = `<noscript><p class="cx-noscript">The corpus explorer needs JavaScript and WebAssembly. / L’explorateur de corpus a besoin de JavaScript et de WebAssembly.</p></noscript>`

// indexHTML is the hosted page: nothing inline, everything under v. The
// module is preloaded, so that its download starts with the page's
// script instead of a round trip after it (explorer.js's fetch of it,
// same URL and CORS mode, takes the preloaded response).
func indexHTML(v string, origins []string, originals string, split bool) []byte {
	allow := ""
	// A split build's page says so, for load()'s firstQuery (web/shell.js).
	meta := ""
	if split {
		meta = `<meta name="corpus-explorer-split" content="">` + "\n"
	}
	if len(origins) > 0 {
		allow = ` allow-origins="` + html.EscapeString(strings.Join(origins, " ")) + `"`
	}
	if originals != "" {
		allow += ` originals="` + html.EscapeString(originals) + `"`
	}
	return []byte(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
` + meta + `<meta name="theme-color" content="#285a8c">
<title>Corpus explorer</title>
<link rel="icon" href="` + v + `icon.svg" type="image/svg+xml">
<link rel="manifest" href="manifest.webmanifest">
<link rel="stylesheet" href="` + v + `style.css">
<link rel="preload" href="` + v + `explorer.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="` + v + `explorer.js"></script>
</head>
<body>
<corpus-explorer history service-worker="sw.js"` + allow + `>` + noscript + `</corpus-explorer>
</body>
</html>
`)
}

// manifest is the web app manifest; its URLs are relative to itself, so
// the app installs from any sub-path.
func manifest(v string) []byte {
	m := map[string]any{
		"id":               "./",
		"name":             "Corpus explorer",
		"short_name":       "Explorer",
		"description":      "Search, read and summarise a corpus, offline.",
		"start_url":        "./",
		"scope":            "./",
		"display":          "standalone",
		"background_color": "#f8f6f1",
		"theme_color":      "#285a8c",
		"icons": []map[string]string{
			{"src": v + "icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
		},
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return append(b, '\n')
}

// serviceWorker is sw.js: it precaches the page and every versioned file
// on install (from the HTTP cache when the page has just fetched them), drops the caches of older versions (of this scope only) on
// activation, answers navigations from the network and, offline, from the
// cache, and everything else from the cache first.
func serviceWorker(version string, versioned []distFile) []byte {
	files := []string{"./", "manifest.webmanifest"}
	for _, f := range versioned {
		if !f.pack {
			files = append(files, f.name)
		}
	}
	list, _ := json.Marshal(files)
	return []byte(`// The corpus explorer's service worker (written by explorer dist): the page
// works offline after the first visit; a new version installs beside the
// old one, takes over and deletes the old caches.
'use strict';
const VERSION = '` + version + `';
const FILES = ` + string(list) + `;
const SCOPE = new URL('./', self.location.href).href;
const PREFIX = 'corpus-explorer ' + SCOPE + ' ';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Each file is downloaded once. The page has just fetched most of them:
    // they are taken from the browser's HTTP cache (force-cache), which
    // is safe for the versioned files, whose folder is named by their
    // contents; the page is taken from it too if it is this version's.
    await Promise.all(FILES.map(async (f) => {
      const url = new URL(f, SCOPE);
      let res = await fetch(url, { cache: 'force-cache' });
      if (f === './' && res.ok && !(await res.clone().text()).includes(VERSION + '/')) {
        res = await fetch(url, { cache: 'reload' });
      }
      if (!res.ok) throw new Error('cannot cache ' + url.href + ': HTTP ' + res.status);
      await cache.put(url, res);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(SCOPE)) return;
  if (req.mode === 'navigate') {
    // The network first, so that online visits see a new deploy at once.
    event.respondWith(fetch(req).catch(async () => {
      const page = await (await caches.open(CACHE)).match(SCOPE);
      return page || Response.error();
    }));
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req);
    if (hit) return hit;
    // A text pack (split build) is kept once fetched: content-hashed, it
    // never changes, and the texts read stay readable offline. One the
    // page fetched before this worker took over is in the HTTP cache. So
    // are a bulk file (a run of packs, which explorer.js reads a pack
    // from when offline) and the list of them, in this version's folder.
    const pack = /\/packs\/([0-9a-f]{16}((-\d+)*\.pack|\.bulk)|bulk\.txt)$/.test(new URL(req.url).pathname);
    const res = await fetch(pack ? new Request(req, { cache: 'force-cache' }) : req);
    if (res.ok && pack) await cache.put(req, res.clone());
    return res;
  })());
});
`)
}

// standalone is explorer-standalone.html: the page with everything inline
// (styles, scripts, icons as data: URLs, the module gzipped in base64 and
// unpacked with DecompressionStream), under a meta CSP of hashes.
//
// The texts' packs of a split build go inline too (base64, after the
// module), and are decoded when the engine asks for one: the standalone
// file is always whole.
func (d *distribution) standalone(dir string, goRuntime []byte, src map[string][]byte, packs []distFile, gzipBytes func([]byte) ([]byte, error)) ([]byte, error) {
	dataURL := func(b []byte) string { return "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(b) }
	css := string(src["style.css"])
	css = strings.ReplaceAll(css, `url("icon.svg")`, `url("`+dataURL(src["icon.svg"])+`")`)
	css = strings.ReplaceAll(css, `url("search.svg")`, `url("`+dataURL(src["search.svg"])+`")`)
	cssJSON, _ := json.Marshal(css)
	where := map[string][2]int{}
	packBytes := 0
	for _, p := range packs {
		where[strings.TrimPrefix(p.name, "packs/")] = [2]int{packBytes, len(p.data)}
		packBytes += len(p.data)
	}
	whereJSON, _ := json.Marshal(where)
	entry := `import { define } from './element.js';
const STYLES = ` + string(cssJSON) + `;
const PACKS = ` + string(whereJSON) + `;
function wasm() {
  const text = document.getElementById('` + wasmDataID + `').textContent.trim();
  const bytes = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const body = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
}
let packData = null;
async function packs(name) {
  if (!packData) {
    const el = document.getElementById('` + packsDataID + `');
    if (!el) throw new Error('no packs in this file');
    const text = el.textContent.trim();
    packData = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  }
  const at = PACKS[name];
  if (!at) throw new Error('no text pack ' + name + ' in this file');
  return packData.subarray(at[0], at[0] + at[1]);
}
// No worker: from file:// none can be made; the module runs on the main thread.
define({ styles: STYLES, wasm, loadOptions: { worker: false, packs } });
`
	app, err := bundleScript(dir, "standalone.js", entry, "")
	if err != nil {
		return nil, err
	}
	script := inlineSafe(string(goRuntime) + "\n" + string(app))
	pageStyle := "html{background:Canvas}body{margin:0}"
	gz, err := gzipBytes(src["explorer.wasm"])
	if err != nil {
		return nil, err
	}
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	d.scriptHashes = []string{hash(script)}
	d.styleHashes = []string{hash(pageStyle), hash(css)}
	csp := "default-src 'none'; script-src " + strings.Join(d.scriptHashes, " ") + " 'wasm-unsafe-eval'; style-src " +
		strings.Join(d.styleHashes, " ") + "; img-src data:; base-uri 'none'; object-src 'none'; form-action 'none'"
	var b bytes.Buffer
	// The module and the packs take most of it: 4 characters for 3
	// bytes, and a newline every 4096.
	b.Grow(64<<10 + len(script) + len(css) + (len(gz)+packBytes)/3*4*4097/4096)
	b.WriteString(`<!doctype html>
<!--
  The corpus explorer in one file (version ` + d.version + `): open it from disk or any
  host; it needs no network. Everything is inline, so a Content-Security-Policy
  must allow these hashes, as the meta element below does:
    script-src ` + strings.Join(d.scriptHashes, " ") + ` 'wasm-unsafe-eval'
      (the module script: wasm_exec.js, the explorer and its interface)
    style-src ` + strings.Join(d.styleHashes, " ") + `
      (the page's style element, then the one put in the element's Shadow DOM)
    img-src data:  (the icons)
-->
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="` + csp + `">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Corpus explorer</title>
<link rel="icon" href="` + dataURL(src["icon.svg"]) + `" type="image/svg+xml">
<style>` + pageStyle + `</style>
<script type="module">` + script + `</script>
</head>
<body>
<corpus-explorer history>` + noscript + `</corpus-explorer>
<script type="application/octet-stream" id="` + wasmDataID + `">
`)
	writeBase64Lines(&b, gz)
	b.WriteString("</script>\n")
	if packBytes > 0 {
		b.WriteString(`<script type="application/octet-stream" id="` + packsDataID + `">` + "\n")
		data := make([][]byte, len(packs))
		for i, p := range packs {
			data[i] = p.data
		}
		writeBase64Lines(&b, data...)
		b.WriteString("</script>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.Bytes(), nil
}

// writeBase64Lines writes the data, one piece after another, in base64
// (standard encoding), in lines of 4096 characters each ended by a
// newline, without making the whole encoding at once (the packs of a
// large split build are tens of MB).
func writeBase64Lines(b *bytes.Buffer, data ...[]byte) {
	lw := &lineWriter{b: b}
	enc := base64.NewEncoder(base64.StdEncoding, lw)
	for _, d := range data {
		enc.Write(d) // a bytes.Buffer does not fail
	}
	enc.Close()
	if lw.n > 0 {
		b.WriteByte('\n')
	}
}

// lineWriter writes to b, a newline after every 4096 bytes.
type lineWriter struct {
	b *bytes.Buffer
	n int // bytes in the current line
}

func (w *lineWriter) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		k := min(len(p), 4096-w.n)
		w.b.Write(p[:k])
		w.n += k
		p = p[k:]
		if w.n == 4096 {
			w.b.WriteByte('\n')
			w.n = 0
		}
	}
	return total, nil
}

// inlineSafe keeps a script's text from ending its <script> element early:
// "</script" and "<!--" only occur in string literals and comments of our
// code, where "<\/script" and "<\!--" mean the same.
func inlineSafe(s string) string {
	s = strings.ReplaceAll(s, "</script", `<\/script`)
	s = strings.ReplaceAll(s, "</SCRIPT", `<\/SCRIPT`)
	return strings.ReplaceAll(s, "<!--", `<\!--`)
}

// write replaces out with the distribution and returns the names written.
// It compresses each file that gets siblings once per format, all files
// and formats in parallel on every processor, largest first (the
// module's brotli is under way already, and its gzip done), at the
// qualities brotliQuality and gzipLevel choose by size, writes the
// siblings and records their sizes for report.
func (d *distribution) write(out string) ([]string, error) {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, "sw.js")); err != nil {
			return nil, fmt.Errorf("%s exists and does not hold a distribution (no sw.js): not replacing it", out)
		}
		if err := os.RemoveAll(out); err != nil {
			return nil, err
		}
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	type job struct {
		file   int
		brotli bool
	}
	var jobs []job
	br := make([][]byte, len(d.files))
	gz := make([][]byte, len(d.files))
	for i, f := range d.files {
		if !f.siblings {
			continue
		}
		if f.br == nil {
			jobs = append(jobs, job{i, true})
		}
		if f.gz != nil {
			gz[i] = f.gz
		} else {
			jobs = append(jobs, job{i, false})
		}
	}
	sort.SliceStable(jobs, func(a, b int) bool { return len(d.files[jobs[a].file].data) > len(d.files[jobs[b].file].data) })
	began := time.Now()
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				j := jobs[k]
				if j.brotli {
					br[j.file], errs[k] = brotliBytes(d.files[j.file].data)
				} else {
					gz[j.file], errs[k] = gzipLevel(d.files[j.file].data)
				}
			}
		}()
	}
	for k := range jobs {
		next <- k
	}
	close(next)
	wg.Wait()
	for i, f := range d.files {
		if f.siblings && f.br != nil {
			c := <-f.br
			if c.err != nil {
				return nil, fmt.Errorf("compressing %s: %w", f.name, c.err)
			}
			br[i] = c.data
		}
	}
	d.compressTime = time.Since(began)
	for k, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("compressing %s: %w", d.files[jobs[k].file].name, err)
		}
	}
	var names []string
	put := func(name string, data []byte) error {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		names = append(names, name)
		return os.WriteFile(p, data, 0o644)
	}
	for i := range d.files {
		f := &d.files[i]
		if err := put(f.name, f.data); err != nil {
			return nil, err
		}
		if !f.siblings {
			continue
		}
		f.gzipSize, f.brotliSize = len(gz[i]), len(br[i])
		if err := put(f.name+".br", br[i]); err != nil {
			return nil, err
		}
		if err := put(f.name+".gz", gz[i]); err != nil {
			return nil, err
		}
	}
	sort.Strings(names)
	return names, nil
}

// brotliQuality is the brotli quality for size bytes: the best (11) up to
// 8 MB, which covers the module of a split build of tens of MB of text
// (fr-manpages split: 7.8 MB), where it takes seconds; 6 up to 32 MB; 5
// above. Quality 11 is worth its time: on the 18.8 MB module of
// fr-manpages embedded it writes 4.93 MB, quality 6 5.69 MB (15% more) in
// about a fortieth of the time (dist: 88 s of CPU before, 2.4 s after);
// quality 5 writes 2% more than 6, twice as fast.
func brotliQuality(size int) int {
	switch {
	case size <= 8<<20:
		return brotli.BestCompression
	case size <= 32<<20:
		return 6
	default:
		return 5
	}
}

// brotliBytes returns data compressed with brotli at brotliQuality, with
// a window as large as the data needs (up to 16 MB).
func brotliBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	lgwin := 16
	for lgwin < 24 && 1<<lgwin < len(data) {
		lgwin++
	}
	bw := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotliQuality(len(data)), LGWin: lgwin})
	if _, err := bw.Write(data); err != nil {
		return nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// gzipLevel returns data gzipped: level 9 up to 4 MB, 6 above, which
// writes as few bytes (within 0.2% on a 16 MB module) three times faster.
func gzipLevel(data []byte) ([]byte, error) {
	level := gzip.BestCompression
	if len(data) > 4<<20 {
		level = 6
	}
	var g bytes.Buffer
	gw, err := gzip.NewWriterLevel(&g, level)
	if err != nil {
		return nil, err
	}
	if _, err := gw.Write(data); err != nil {
		return nil, err
	}
	if err := gw.Close(); err != nil {
		return nil, err
	}
	return g.Bytes(), nil
}

// report prints each file's size raw, gzip and brotli, and the count.
func report(w io.Writer, out string, d *distribution, written []string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "file\traw\tgzip\tbrotli\t\n")
	npacks, praw := 0, 0
	for _, f := range d.files {
		if f.pack {
			npacks++
			praw += len(f.data)
			continue
		}
		mark := ""
		if !f.siblings {
			mark = " (no siblings)"
		}
		if !f.siblings {
			fmt.Fprintf(tw, "%s%s\t%d\t-\t-\t\n", f.name, mark, len(f.data))
			continue
		}
		fmt.Fprintf(tw, "%s%s\t%d\t%d\t%d\t\n", f.name, mark, len(f.data), f.gzipSize, f.brotliSize)
	}
	if npacks > 0 {
		fmt.Fprintf(tw, "%s/packs/ (%d packs of texts and of the search index, their bulk files and lists; zlib)\t%d\t%d\t%d\t\n", d.version, npacks, praw, praw, praw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s: %d files (version %s); compressed in %s\n", out, len(written), d.version, round(d.compressTime))
	return nil
}
