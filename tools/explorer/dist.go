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
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

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
	// gzipSize and brotliSize are its compressed sizes, set by write.
	gzipSize, brotliSize int
}

// distribution is everything `explorer dist` writes.
type distribution struct {
	version string
	files   []distFile
	// styleHashes and scriptHashes are the CSP hash sources the
	// standalone file needs (also written in its meta CSP and comment).
	styleHashes, scriptHashes []string
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
	// on demand from VERSION/packs/ beside the module.
	packNames, err := filepath.Glob(filepath.Join(abs, "packs", "*.pack"))
	if err != nil {
		return nil, err
	}
	sort.Strings(packNames)
	var packs []distFile
	for _, p := range packNames {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("site %s: %w", site, err)
		}
		packs = append(packs, distFile{name: "packs/" + filepath.Base(p), data: b, pack: true})
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
		distFile{name: "index.html", data: indexHTML(v, origins, originals)},
		distFile{name: "manifest.webmanifest", data: manifest(v)},
		distFile{name: "sw.js", data: serviceWorker(d.version, d.files)},
	)
	standalone, err := d.standalone(abs, goRuntime, src, packs)
	if err != nil {
		return nil, err
	}
	d.files = append(d.files, distFile{name: "explorer-standalone.html", data: standalone})
	for i := range d.files {
		f := &d.files[i]
		f.siblings = len(f.data) >= minSibling && f.name != "explorer-standalone.html" && !f.pack
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

// indexHTML is the hosted page: nothing inline, everything under v.
func indexHTML(v string, origins []string, originals string) []byte {
	allow := ""
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
<meta name="theme-color" content="#285a8c">
<title>Corpus explorer</title>
<link rel="icon" href="` + v + `icon.svg" type="image/svg+xml">
<link rel="manifest" href="manifest.webmanifest">
<link rel="stylesheet" href="` + v + `style.css">
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
// on install, drops the caches of older versions (of this scope only) on
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
    await cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE), { cache: 'reload' })));
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
    const res = await fetch(req);
    // A text pack (split build) is kept once fetched: content-hashed, it
    // never changes, and the texts read stay readable offline.
    if (res.ok && /\/packs\/[0-9a-f]{16}\.pack$/.test(new URL(req.url).pathname)) await cache.put(req, res.clone());
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
func (d *distribution) standalone(dir string, goRuntime []byte, src map[string][]byte, packs []distFile) ([]byte, error) {
	dataURL := func(b []byte) string { return "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(b) }
	css := string(src["style.css"])
	css = strings.ReplaceAll(css, `url("icon.svg")`, `url("`+dataURL(src["icon.svg"])+`")`)
	css = strings.ReplaceAll(css, `url("search.svg")`, `url("`+dataURL(src["search.svg"])+`")`)
	cssJSON, _ := json.Marshal(css)
	where := map[string][2]int{}
	var packBytes []byte
	for _, p := range packs {
		where[strings.TrimPrefix(p.name, "packs/")] = [2]int{len(packBytes), len(p.data)}
		packBytes = append(packBytes, p.data...)
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
    if (!el) throw new Error('no text packs in this file');
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
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(src["explorer.wasm"])
	zw.Close()
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	d.scriptHashes = []string{hash(script)}
	d.styleHashes = []string{hash(pageStyle), hash(css)}
	csp := "default-src 'none'; script-src " + strings.Join(d.scriptHashes, " ") + " 'wasm-unsafe-eval'; style-src " +
		strings.Join(d.styleHashes, " ") + "; img-src data:; base-uri 'none'; object-src 'none'; form-action 'none'"
	var b bytes.Buffer
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
	enc := base64.StdEncoding.EncodeToString(gz.Bytes())
	for len(enc) > 0 {
		n := min(len(enc), 4096)
		b.WriteString(enc[:n])
		b.WriteByte('\n')
		enc = enc[n:]
	}
	b.WriteString("</script>\n")
	if len(packBytes) > 0 {
		b.WriteString(`<script type="application/octet-stream" id="` + packsDataID + `">` + "\n")
		enc := base64.StdEncoding.EncodeToString(packBytes)
		for len(enc) > 0 {
			n := min(len(enc), 4096)
			b.WriteString(enc[:n])
			b.WriteByte('\n')
			enc = enc[n:]
		}
		b.WriteString("</script>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.Bytes(), nil
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
// It compresses every file (two at a time), writes the siblings of those
// that get them and records every file's compressed sizes for report.
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
	type packed struct {
		br, gz []byte
		err    error
	}
	results := make([]packed, len(d.files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i := range d.files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if d.files[i].pack {
				// Compressed when built: served as they are.
				results[i] = packed{d.files[i].data, d.files[i].data, nil}
				return
			}
			br, gz, err := compress(d.files[i].data)
			results[i] = packed{br, gz, err}
		}()
	}
	wg.Wait()
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
		f, r := &d.files[i], results[i]
		if r.err != nil {
			return nil, fmt.Errorf("compressing %s: %w", f.name, r.err)
		}
		f.gzipSize, f.brotliSize = len(r.gz), len(r.br)
		if err := put(f.name, f.data); err != nil {
			return nil, err
		}
		if !f.siblings {
			continue
		}
		if err := put(f.name+".br", r.br); err != nil {
			return nil, err
		}
		if err := put(f.name+".gz", r.gz); err != nil {
			return nil, err
		}
	}
	sort.Strings(names)
	return names, nil
}

// compress returns data as brotli (quality 11) and gzip (level 9).
func compress(data []byte) (br, gz []byte, err error) {
	var b, g bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	gw, err := gzip.NewWriterLevel(&g, gzip.BestCompression)
	if err != nil {
		return nil, nil, err
	}
	if _, err := gw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := gw.Close(); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), g.Bytes(), nil
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
		fmt.Fprintf(tw, "%s%s\t%d\t%d\t%d\t\n", f.name, mark, len(f.data), f.gzipSize, f.brotliSize)
	}
	if npacks > 0 {
		fmt.Fprintf(tw, "%s/packs/ (%d text packs, zlib)\t%d\t%d\t%d\t\n", d.version, npacks, praw, praw, praw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s: %d files (version %s)\n", out, len(written), d.version)
	return nil
}
