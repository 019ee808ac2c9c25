#!/bin/sh
# Builds the fidelity set of corpus/ingest (make fidelity): 60 French texts
# from ../shared/corpora (40 help pages of fr-docs, 20 man pages of
# fr-manpages, chosen by a fixed stride in their INDEX.tsv), each written as
# a flat OpenDocument file by tools/fodt (title, headings, justified and
# hyphenated paragraphs, running header, page numbers, metadata) and
# converted by LibreOffice to PDF, DOCX, ODT and EPUB, and to PDF in two
# columns on A4 pages (pdf2col). Needs soffice and the
# French hyphenation patterns (apt-get install -y --no-install-recommends
# libreoffice-writer-nogui hyphen-fr); the set is written to $1 (default
# build/fidelity) and is not committed.
set -eu
out=${1:-build/fidelity}
shared=${SHARED:-../shared/corpora}
command -v soffice >/dev/null 2>&1 || {
	echo "fidelity: soffice not found: apt-get install -y --no-install-recommends libreoffice-writer-nogui" >&2
	exit 1
}
mkdir -p "$out/src" "$out/fodt" "$out/fodt2col"
go build -o "$out/fodt.bin" ./tools/fodt
pick() { # corpus, count, min bytes, max bytes
	awk -F'\t' -v min="$3" -v max="$4" '$3 >= min && $3 <= max { print $1 }' "$shared/$1/INDEX.tsv" |
		awk -v n="$2" '{ a[NR] = $0 } END { s = NR / n; for (i = 0; i < n; i++) print a[int(i * s) + 1] }'
}
i=0
{ pick fr-docs 40 2500 40000 | sed 's|^|fr-docs/|'; pick fr-manpages 20 3000 40000 | sed 's|^|fr-manpages/|'; } |
	while read -r f; do
		i=$((i + 1))
		name=$(printf '%03d_%s' "$i" "$(basename "$f" .txt | tr -c 'A-Za-z0-9_\n-' '_')")
		cp "$shared/$f" "$out/src/$name.txt"
		"$out/fodt.bin" -author "Auteurs de $(dirname "$f" | cut -d/ -f2)" -date 2020-10-12 "$out/src/$name.txt" >"$out/fodt/$name.fodt"
		"$out/fodt.bin" -columns 2 -author "Auteurs de $(dirname "$f" | cut -d/ -f2)" -date 2020-10-12 "$out/src/$name.txt" >"$out/fodt2col/$name.fodt"
		printf '%s\t%s\n' "$name" "$f"
	done >"$out/SOURCES.tsv"
for fmt in pdf docx odt epub; do
	mkdir -p "$out/$fmt"
	if [ "$(ls "$out/$fmt" | wc -l)" -lt "$(ls "$out/src" | wc -l)" ]; then
		soffice --headless --convert-to "$fmt" --outdir "$out/$fmt" "$out"/fodt/*.fodt >/dev/null 2>&1
	fi
	echo "fidelity: $(ls "$out/$fmt" | wc -l) $fmt files in $out/$fmt"
done
mkdir -p "$out/pdf2col"
if [ "$(ls "$out/pdf2col" | wc -l)" -lt "$(ls "$out/src" | wc -l)" ]; then
	soffice --headless --convert-to pdf --outdir "$out/pdf2col" "$out"/fodt2col/*.fodt >/dev/null 2>&1
fi
echo "fidelity: $(ls "$out/pdf2col" | wc -l) two-column pdf files in $out/pdf2col"
