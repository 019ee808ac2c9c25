# The corpus explorer. `make run` builds everything and serves it;
# `make test` installs what the tests need and runs them all.
#
# CORPUS chooses the folder of documents: make run CORPUS=~/my-docs

CORPUS   ?= corpus
PORT     ?= 8080
GO       ?= go
SITE     := build/site
GOROOT   := $(shell $(GO) env GOROOT)
WASMEXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
FUZZTIME ?= 1m
STATICCHECK_VERSION := v0.8.2
STATICCHECK := build/staticcheck-$(STATICCHECK_VERSION)/staticcheck
export GOFLAGS := -buildvcs=false

.PHONY: all index site run serve test setup check typecheck gotest wasmtest jstest firefox fuzz soak eval bench fidelity dist demo clean

all: site

# The index of $(CORPUS), also embedded in the .wasm.
# SPLIT=on|off|auto: the texts' packs as files beside the module (written to
# build/index.packs, the index's own, and copied to $(SITE)/packs, fetched on
# demand), or inside it; auto splits above 4 MiB of text.
# BULK=on|off|auto: a split build's packs also in bulk files of about 1 MB,
# for what loads every pack (Explore's first analysis, make available
# offline); auto writes them whenever the build is split.
SPLIT ?= auto
BULK ?= auto
index:
	@mkdir -p build
	$(GO) run ./tools/explorer build -corpus '$(CORPUS)' -split $(SPLIT) -bulk $(BULK) -cache build/cache -o build/index.bin
	cp build/index.bin wasm/index.bin

# The explorer page as a plain folder: the page, the JS API and the module.
site: index
	@mkdir -p $(SITE)
	$(GO) run ./tools/wasmbuild -o $(SITE)/explorer.wasm ./wasm
	cp $(GOROOT)/lib/wasm/wasm_exec.js $(SITE)/wasm_exec.js
	cp wasm/explorer.js wasm/api.js wasm/explorer.d.ts $(SITE)/
	cp -R web/. $(SITE)/
	rm -rf $(SITE)/test $(SITE)/packs
	if [ -d build/index.packs ] && [ -n "$$(ls build/index.packs)" ]; then cp -R build/index.packs $(SITE)/packs; fi
	# A split build's page says so, for load()'s firstQuery (web/main.js).
	if [ -f build/index.packs/chunks.txt ]; then sed -i 's|^<meta name="color-scheme".*|&\n<meta name="corpus-explorer-split" content="">|' $(SITE)/index.html; fi
	@echo "built $(SITE): $$(wc -c < $(SITE)/explorer.wasm) bytes of .wasm"

run: site
	PORT=$(PORT) $(GO) run ./tools/explorer serve -dir $(SITE)

# Everything the tests need on a fresh Debian machine, as root; wfrench
# and wamerican are the word lists explorer build reads by default for
# French and English documents (-words).
setup:
	@command -v chromium >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }
	@command -v firefox-esr >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr; }
	@command -v node >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; }
	@test -f /usr/share/dict/french || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wfrench; }
	@test -f /usr/share/dict/american-english || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wamerican; }
	npm ci --no-audit --no-fund

test: setup check typecheck gotest site wasmtest jstest

# explorer.js and the page's modules, type-checked against explorer.d.ts
# by TypeScript (tsconfig.json: checkJs, nothing emitted).
typecheck:
	@test -x node_modules/.bin/tsc || npm ci --no-audit --no-fund
	node_modules/.bin/tsc -p tsconfig.json

check: $(STATICCHECK)
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

# staticcheck at a pinned version, built once into build/.
$(STATICCHECK):
	GOBIN=$(CURDIR)/$(dir $(STATICCHECK)) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

gotest:
	$(GO) test ./...

# The js/wasm packages, under Node with Go's own runner.
wasmtest: index
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	GOOS=js GOARCH=wasm $(STATICCHECK) ./wasm/...
	GOOS=js GOARCH=wasm $(GO) test -exec $(WASMEXEC) ./wasm/...

# The JavaScript API and the page, in Node and in headless Chromium (and
# the distribution: web/test/dist.test.mjs). A file whose browser or server
# never lets go ends when its tests have (--test-force-exit), and a test
# that hangs fails after 10 minutes, instead of holding CI until it is
# killed.
jstest: dist
	node --test --test-concurrency=1 --test-force-exit --test-timeout=600000 $$(find wasm web tools -name '*.test.mjs' -not -path '*/node_modules/*' | sort)

# The page's end-to-end walk in Debian's Firefox ESR alone (jstest runs
# it too): puppeteer-core over WebDriver BiDi.
firefox: site
	node --test --test-force-exit --test-timeout=600000 web/test/firefox.test.mjs

# Long runs, kept out of `make test`.
fuzz:
	FUZZTIME=$(FUZZTIME) sh tools/fuzz.sh

soak: site
	node tools/soak/soak.mjs

# Quality, natively: the summariser's ROUGE (tools/eval), then search's
# hit@3, MRR@10 and junk rate on the judged sets of tools/bench (seeds,
# fr-manpages and its blind sets -2 and -3, fr-docs and its blind sets
# -2 to -5, the typo sets; not the held-out sets of held-out.txt;
# tools/searcheval; -misses lists what ranked above each miss, -half
# held-out keeps the held-out half of the blind sets).
eval:
	$(GO) run ./tools/eval
	$(GO) run ./tools/searcheval

# Text fidelity of the PDF, DOCX, ODT and EPUB readers: 60 French texts of
# ../shared/corpora converted by LibreOffice (tools/fidelity.sh; this target
# alone needs soffice and hyphen-fr: apt-get install -y
# --no-install-recommends libreoffice-writer-nogui hyphen-fr), then read
# and compared word by word with the originals (TestFidelity).
fidelity:
	sh tools/fidelity.sh build/fidelity
	FIDELITY_DIR=$(CURDIR)/build/fidelity $(GO) test -count=1 -run '^TestFidelity$$' -v ./corpus/ingest/

# The Go benchmarks, then the explorer against its peers in Chromium
# (tools/bench/run.mjs builds its own modules in a temporary folder):
# build/bench/report.{json,md} and docs/bench.svg. make bench BENCH_LARGE=1
# adds the generated 100 MB corpus (build/corpus-100mb): an hour or more.
BENCH_LARGE ?=
bench:
	@test -d node_modules/pagefind || npm ci --no-audit --no-fund
	$(GO) test -run '^$$' -bench . -benchmem ./corpus/...
	BENCH_LARGE=$(BENCH_LARGE) node tools/bench/run.mjs -held-out

# The generated 100 MB corpus of the benchmark (tools/gencorpus).
build/corpus-100mb:
	$(GO) run ./tools/gencorpus -o $@

# What to deploy: dist/ for any static host (a page that works offline
# and installs, a single offline file, the embeddable explorer.js).
dist: site
	$(GO) run ./tools/explorer dist -site $(SITE) -o dist

# The embedding demo: dist/ on $(PORT), a hostile page on $(DEMOPORT)
# embedding it three ways (web/test/fixtures/embed.html).
DEMOPORT ?= 8081
demo: dist
	$(GO) build -o build/explorer ./tools/explorer
	@v=$$(basename $$(dirname dist/*/explorer.js)); \
	  echo "demo: http://127.0.0.1:$(DEMOPORT)/embed.html?explorer=http://127.0.0.1:$(PORT)/$$v/explorer.js"; \
	  PORT=$(PORT) build/explorer serve -dir dist -csp -cors & \
	  PORT=$(DEMOPORT) build/explorer serve -dir web/test/fixtures; kill $$!

clean:
	rm -rf build dist wasm/index.bin
