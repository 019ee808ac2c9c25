package format

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Archive is a ZIP package (DOCX, ODT, EPUB) opened for reading with
// bounded decompression. Members are never written to disk; their names
// are checked all the same, since a name that climbs out of the archive
// ("../../etc/passwd") or is absolute marks a hostile file.
type Archive struct {
	files    map[string]*zip.File
	lim      Limits
	unpacked int64 // bytes decompressed so far
}

// OpenArchive opens the ZIP archive in data. It fails with ErrCorrupt when
// data is not a ZIP archive and with ErrUnsafe when a member's name is
// absolute or climbs out of the archive.
func OpenArchive(data []byte, lim Limits) (*Archive, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a readable ZIP package: %v", ErrCorrupt, err)
	}
	a := &Archive{files: make(map[string]*zip.File, len(z.File)), lim: lim.WithDefaults()}
	for _, f := range z.File {
		if !SafeName(f.Name) {
			return nil, fmt.Errorf("%w: member name %s leaves the archive (path traversal)", ErrUnsafe, strconv.Quote(f.Name))
		}
		a.files[f.Name] = f
	}
	return a, nil
}

// SafeName reports whether an archive member's name stays inside the
// archive: relative, without ".." elements, without backslashes or NUL.
func SafeName(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':') {
		return false
	}
	for _, e := range strings.Split(name, "/") {
		if e == ".." {
			return false
		}
	}
	return true
}

// Has reports whether the archive has a member of that name.
func (a *Archive) Has(name string) bool {
	_, ok := a.files[name]
	return ok
}

// Resolve returns the member name that a relative reference ref made from
// member base points to ("OEBPS/content.opf" + "text/ch1.xhtml" gives
// "OEBPS/text/ch1.xhtml"), and false when it leaves the archive.
func Resolve(base, ref string) (string, bool) {
	if i := strings.IndexAny(ref, "#?"); i >= 0 {
		ref = ref[:i]
	}
	if ref == "" || strings.Contains(ref, "://") || strings.HasPrefix(ref, "/") || strings.ContainsAny(ref, "\\\x00") {
		return "", false
	}
	ref = unescapePath(ref)
	depth := strings.Count(path.Dir(base), "/")
	if path.Dir(base) != "." {
		depth++
	}
	// Count how far ref climbs from base's folder: it may not go above
	// the archive's root.
	level := depth
	for _, e := range strings.Split(ref, "/") {
		switch e {
		case "..":
			level--
			if level < 0 {
				return "", false
			}
		case ".", "":
		default:
			level++
		}
	}
	return path.Join(path.Dir(base), ref), true
}

// unescapePath decodes %XX escapes of a URL path; a bad escape is kept.
func unescapePath(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Read returns the content of a member, decompressing no more than the
// limits allow: a member that declares or reaches a compression ratio
// over Limits.MaxRatio, or that takes the file's decompressed total over
// Limits.MaxUnpacked, fails with ErrBomb. A missing member fails with an
// error wrapping ErrCorrupt.
func (a *Archive) Read(name string) ([]byte, error) {
	f, ok := a.files[name]
	if !ok {
		return nil, fmt.Errorf("%w: member %s missing", ErrCorrupt, strconv.Quote(name))
	}
	budget := a.lim.MaxUnpacked - a.unpacked
	// The ratio is judged above 1 MiB only: tiny members compress oddly.
	const free = 1 << 20
	if f.UncompressedSize64 > uint64(budget) {
		return nil, fmt.Errorf("%w: member %s declares %d bytes, over the limit of %d for the file", ErrBomb, strconv.Quote(name), f.UncompressedSize64, a.lim.MaxUnpacked)
	}
	maxRatio := free + int64(f.CompressedSize64)*a.lim.MaxRatio
	if maxRatio < budget {
		budget = maxRatio
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: member %s: %v", ErrCorrupt, strconv.Quote(name), err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	if f.UncompressedSize64 < uint64(budget) {
		buf.Grow(int(f.UncompressedSize64) + 1)
	}
	n, err := io.Copy(&buf, io.LimitReader(rc, budget+1))
	a.unpacked += n
	if err != nil {
		return nil, fmt.Errorf("%w: member %s: %v", ErrCorrupt, strconv.Quote(name), err)
	}
	if n > budget {
		return nil, fmt.Errorf("%w: member %s expands past %d bytes from %d compressed (ratio or size limit)", ErrBomb, strconv.Quote(name), budget, f.CompressedSize64)
	}
	return buf.Bytes(), nil
}
