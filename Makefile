# backendgrid: `make run` builds and serves on http://localhost:8000,
# `make test` installs what is missing and runs every test.

GO       ?= go
ADDR     ?= localhost:8000
BIN      := bin/backendgrid
WASM     := web/app.wasm
# The wasm carries no server code (build tags) and no symbols or paths.
WASMFLAGS := -trimpath -ldflags="-s -w"

.PHONY: build wasm server run test vet unit browser chromium fuzz bench static clean

# build: the wasm first (the server hashes it into its version), then the
# server, then best-level brotli and gzip copies of the assets.
build: wasm server
	./$(BIN) -precompress -web web

# wasm: the browser half of the one main package.
wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(WASM) .

# server: the asset server that also prerenders every page. In a git checkout
# the revision is stamped in, and becomes the default -version.
VCSFLAG := $(if $(wildcard .git),-buildvcs=true,)
server:
	$(GO) build $(VCSFLAG) -o $(BIN) .

# run: build, then serve on $(ADDR).
run: build
	./$(BIN) -addr $(ADDR)

# test: vet, unit and component tests, the wasm build, then real-browser tests.
test: vet unit build browser

# vet: both halves of the program, plus the browser-test module.
vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	cd e2e && $(GO) vet ./...

# unit: pure logic, data validation and go-app component tests (replays the fuzz corpus).
unit:
	$(GO) test ./...

# browser: chromedp tests in headless Chromium against the real server.
browser: chromium
	cd e2e && $(GO) test -count=1 -timeout 15m ./...

# chromium: install Debian's chromium when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# fuzz: run the URL-state fuzzer for a while (FUZZTIME=5m); new finds land in app/testdata.
FUZZTIME ?= 1m
fuzz:
	$(GO) test ./app -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)

# bench: bytes, page loads and keystroke latency in headless Chromium, and
# the Go benchmarks of View, against a minimal go-app page built the same
# way; prints a Markdown report and writes it to e2e/bench-results.md. Slow
# (tens of minutes with large catalogs), so not part of test.
# BENCHFLAGS passes options, e.g. BENCHFLAGS="-runs 9 -rows 1000".
BENCHFLAGS ?=
bench: build chromium
	cd e2e && $(GO) run ./bench -wasmflags '$(WASMFLAGS)' $(BENCHFLAGS)

# static: export the site as plain files into dist/ for any static host or CDN,
# to be served under PREFIX (e.g. PREFIX=/backendgrid/ for GitHub Pages).
PREFIX ?= /
static: build
	./$(BIN) -static dist -prefix $(PREFIX)

# clean: remove build output and test artefacts.
clean:
	rm -rf bin dist $(WASM) web/*.br web/*.gz e2e/screenshots
