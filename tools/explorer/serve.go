package main

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// CSP is the Content-Security-Policy that `serve -csp` sends: the strict
// policy the hosted explorer must work under.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'"

// runServe serves a folder on 127.0.0.1 until interrupted.
func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	dir := fs.String("dir", "build/site", "`folder` to serve")
	csp := fs.Bool("csp", false, "send the strict Content-Security-Policy header")
	cors := fs.Bool("cors", false, "send Access-Control-Allow-Origin: * (pages of other origins may embed the explorer)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		return fmt.Errorf("cannot serve %s: not a folder (run make site first)", *dir)
	}
	port := 8080
	if p := os.Getenv("PORT"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 65535 {
			return fmt.Errorf("PORT=%q is not a port number", p)
		}
		port = n
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "serving %s at http://%s/\n", *dir, ln.Addr())
	err = http.Serve(ln, handler(*dir, *csp, *cors))
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// handler serves dir as static files, with the right type for .wasm and
// .webmanifest, a file's .br or .gz sibling (written by dist) when the
// client accepts it, if csp is set the strict Content-Security-Policy and,
// if cors is set, Access-Control-Allow-Origin: *.
func handler(dir string, csp, cors bool) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if csp {
			h.Set("Content-Security-Policy", CSP)
		}
		if cors {
			h.Set("Access-Control-Allow-Origin", "*")
		}
		h.Set("X-Content-Type-Options", "nosniff")
		name := path.Clean("/" + r.URL.Path)
		if versioned(name) {
			// dist's VERSION/ folder is named by its contents: it never
			// changes, so a page, its worker and the service worker's
			// precache all use one download.
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		typ := mime.TypeByExtension(path.Ext(name))
		if path.Ext(name) == ".webmanifest" {
			typ = "application/manifest+json"
		}
		if typ != "" {
			h.Set("Content-Type", typ)
		}
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			if enc, file := precompressed(dir, name, r.Header.Get("Accept-Encoding")); file != "" {
				h.Set("Content-Encoding", enc)
				h.Add("Vary", "Accept-Encoding")
				http.ServeFile(w, r, file)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// versioned reports whether name (clean, slash-rooted) is in a version
// folder of a distribution: its first segment is 12 lowercase hex digits,
// as explorer dist names it.
func versioned(name string) bool {
	first, rest, ok := strings.Cut(strings.TrimPrefix(name, "/"), "/")
	if !ok || rest == "" || len(first) != 12 {
		return false
	}
	for _, c := range first {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// precompressed returns the encoding and path of name's sibling in dir
// that accept (an Accept-Encoding header) allows, brotli first, or "", "".
func precompressed(dir, name, accept string) (enc, file string) {
	for _, c := range []struct{ enc, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, c.enc) {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name+c.ext))
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return c.enc, p
		}
	}
	return "", ""
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc.
func acceptsEncoding(accept, enc string) bool {
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
