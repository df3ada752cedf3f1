# backendgrid: `make run` builds and serves on http://localhost:8000,
# `make test` installs what is missing and runs every test.

GO       ?= go
ADDR     ?= localhost:8000
BIN      := bin/backendgrid
WASM     := web/app.wasm
# The wasm carries no server code (build tags) and no symbols or paths.
WASMFLAGS := -trimpath -ldflags="-s -w"

.PHONY: build data wasm server run test vet unit browser chromium fuzz bench static audit load nginx clean

# build: check the catalog, the wasm (the server hashes it into its version),
# the server, then best-level brotli and gzip copies of the assets.
build: data wasm server
	./$(BIN) -precompress -web web

# data: validate data/frameworks.json; a bad catalog stops the build with
# errors naming the file, the item and the field.
data:
	@$(GO) test ./data ./app/grid -run 'TestEmbeddedCatalog' -count=1 >/tmp/backendgrid-data.log 2>&1 || \
		{ grep -o 'frameworks.json: .*' /tmp/backendgrid-data.log | sort -u; \
		  echo "data/frameworks.json is invalid: build stopped"; exit 1; }

# wasm: the browser half of the one main package, compiled against a copy of
# go-app whose server half is behind a build tag like ours (tools/wasmgoapp
# says why: 350 kB brotli of net/http and crypto/tls nothing calls).
# (-modfile needs module mode: a go.work would refuse it.)
WASMMOD := bin/wasm/wasm.mod
wasm: $(WASMMOD)
	GOWORK=off GOOS=js GOARCH=wasm $(GO) build -modfile $(WASMMOD) $(WASMFLAGS) -o $(WASM) .

# The copy of go-app for the browser build (bin/wasm), made again when the
# module's requirements or the tool change.
$(WASMMOD): go.mod go.sum tools/wasmgoapp/main.go tools/wasmgoapp/patch.go $(wildcard tools/wasmgoapp/patches/*.diff)
	GOWORK=off $(GO) run ./tools/wasmgoapp -gomod go.mod -out $(dir $(WASMMOD))

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

# vet: go vet and staticcheck over both halves of the program (the browser
# half with go-app as published and with the copy it ships with), plus the
# browser-test module. Staticcheck must find nothing.
STATICCHECK := bin/staticcheck
vet: $(WASMMOD) $(STATICCHECK)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	GOWORK=off GOOS=js GOARCH=wasm $(GO) vet -modfile $(WASMMOD) ./...
	cd e2e && $(GO) vet ./...
	$(STATICCHECK) ./...
	GOOS=js GOARCH=wasm $(STATICCHECK) ./...
	cd e2e && ../$(STATICCHECK) ./...

# The staticcheck the checks use, built for this machine (GOOS=js must not
# reach its build: it analyses the wasm half, it does not run there).
$(STATICCHECK):
	GOBIN=$(abspath bin) GOOS= GOARCH= $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2

# unit: pure logic, data validation and go-app component tests (replays the fuzz corpus).
unit:
	$(GO) test ./...

# browser: chromedp tests in headless Chromium against the real server (with
# axe-core, pinned in e2e/package-lock.json, for the accessibility checks).
browser: chromium
	cd e2e && npm ci --no-audit --no-fund --loglevel=error
	cd e2e && $(GO) test -count=1 -timeout 20m ./...

# chromium: install Debian's chromium when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# fuzz: run the URL-state fuzzer for a while (FUZZTIME=5m); new finds land in app/grid/testdata.
FUZZTIME ?= 1m
fuzz:
	$(GO) test ./app/grid -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)

# load: a load test, not part of `make test`: the real server on loopback
# takes a browser-like mix (prerendered pages with query strings, app.wasm
# in brotli, assets, the service worker) from 64 keep-alive connections for
# LOAD_DURATION, every response checked, memory watched; then it and nginx
# serve the same exported files in turns for comparison. Fails on any error,
# on VmRSS above 32 MiB idle or above 64 MiB at any moment (-max-idle,
# -max-rss), on memory growth, or on an unclean shutdown. Writes
# e2e/load-results.md. LOADFLAGS passes options, e.g. LOADFLAGS="-profile
# /tmp/prof" for the server's heap and CPU profiles.
LOAD_DURATION ?= 30s
LOADFLAGS ?=
load: build nginx
	cd e2e && $(GO) run ./load -root .. -duration $(LOAD_DURATION) -conns 64 -out load-results.md $(LOADFLAGS)

# nginx: install Debian's nginx for `make load` when missing. Best effort:
# without it, the comparison falls back to Go's http.FileServer and says so.
# (On a machine run by systemd, Debian also starts its own nginx on port 80;
# `make load` runs a separate one on a free loopback port.)
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
		echo "installing nginx with apt-get"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; } || \
		echo "nginx could not be installed: make load compares with Go's http.FileServer"; }

# bench: bytes, page loads, Total Blocking Time and keystroke latency in
# headless Chromium, and the Go benchmarks of View, against a minimal go-app
# page built the same way and a plain-JS peer (the prerendered page searched
# by Fuse.js, npm, pinned in e2e/package-lock.json); prints a Markdown report
# and writes it to e2e/bench-results.md, with the targets, the Lighthouse
# ones read from e2e/audit-results.md (make audit). Slow (tens of minutes
# with large catalogs), so not part of test.
# BENCHFLAGS passes options, e.g. BENCHFLAGS="-runs 9 -rows 1000".
BENCHFLAGS ?=
bench: build chromium
	cd e2e && npm ci --no-audit --no-fund --loglevel=error
	cd e2e && $(GO) run ./bench -wasmflags '$(WASMFLAGS)' $(BENCHFLAGS)

# static: export the site as plain files into dist/ for any static host or CDN,
# to be served under PREFIX (e.g. PREFIX=/backendgrid/ for GitHub Pages).
PREFIX ?= /
static: build
	./$(BIN) -static dist -prefix $(PREFIX)

# audit: Lighthouse (npm, pinned in e2e/audit) with the desktop preset against
# a local server, 3 runs each in a fresh Chromium; prints the median of the
# four category scores and of Total Blocking Time, with each run, and
# writes them to e2e/audit-results.md (which make bench reads).
audit: build chromium
	cd e2e/audit && npm ci --no-audit --no-fund --loglevel=error
	@./$(BIN) -addr 127.0.0.1:8765 > /tmp/backendgrid-audit.log 2>&1 & pid=$$!; \
		node e2e/audit/audit.mjs http://127.0.0.1:8765/ e2e/audit-results.md; status=$$?; \
		kill $$pid; exit $$status

# clean: remove build output and test artefacts.
clean:
	rm -rf bin dist $(WASM) web/*.br web/*.gz e2e/screenshots
