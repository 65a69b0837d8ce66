# errgen — one file in, four targets out.
#   make generate   regenerate out/ from codes.yaml (the main job)
#   make test       install pinned tools, then run every test
# Every tool below is pinned; `make tools` installs them into tools/ only.

GO        ?= go
TOOLS     := $(CURDIR)/tools
GOBIN_DIR := $(TOOLS)/bin
NODE_BIN  := $(TOOLS)/node_modules/.bin
export PATH := $(GOBIN_DIR):$(PATH)

STATICCHECK_VERSION := v0.8.2
STRINGER_VERSION    := v0.52.0
PROTOC_GEN_GO_VERSION := v1.36.12
GOLANGCI_LINT_VERSION := v2.15.0
# Lints the GitHub Action (action.yml) and a workflow that uses it.
ACTIONLINT_VERSION  := v1.7.12
FONTS_NANUM_VERSION := 20200506-1
# msgfmt and msgcat check the translations PO files (bookworm's only build).
GETTEXT_VERSION     := 0.21-12
# pre-commit runs the hooks of .pre-commit-hooks.yaml in their test
# (bookworm's only build).
PRE_COMMIT_VERSION  := 3.0.4-1
# The Node.js the README states; every npm tool in tools/ runs on it.
NODE_MIN            := 20

# A count, not a duration: Go 1.26's fuzz coordinator can fail a target with
# "context deadline exceeded" when a duration ends mid-run (golang/go#75804,
# fixed in Go 1.27); a count has no deadline to race.
FUZZTIME ?= 3000x

.PHONY: all generate check lint test test-go fuzz tools tools-go tools-node tools-debian docs clean-tools lock

all: generate

generate:
	$(GO) run ./cmd/errgen generate

check:
	$(GO) run ./cmd/errgen check

lint:
	$(GO) run ./cmd/errgen lint

# ERRGEN_REQUIRE_TOOLS turns every "tool is missing" skip into a failure:
# make test installs them all, so a skip here would hide a broken install.
# -timeout 30m: go test's 10 minutes a package is too few for the root and
# cmd/errgen packages, which build and run errgen under go tool and
# pre-commit, on a busy 2-core machine.
test: tools
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt would change (run gofmt -w):" $$unformatted >&2; exit 1; fi
	$(GO) vet ./...
	$(GOBIN_DIR)/staticcheck ./out/... ./cmd/... ./internal/... ./schema/...
	ERRGEN_REQUIRE_TOOLS=1 $(GO) test -count=1 -timeout 30m ./...
	$(GO) run ./cmd/errgen check
	$(MAKE) fuzz

test-go:
	$(GO) test -count=1 ./...

# Bounded fuzzing: every fuzz target of the module (any func Fuzz… in a
# _test.go file), each for FUZZTIME executions.
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' cmd internal schema bench); do \
	  for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
	    echo "fuzz $$name ./$$(dirname $$f)"; \
	    $(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) ./$$(dirname $$f); \
	  done; \
	done

tools: tools-go tools-node tools-debian

tools-go: $(GOBIN_DIR)/.stamp-$(STATICCHECK_VERSION)-$(STRINGER_VERSION)-$(PROTOC_GEN_GO_VERSION)-$(GOLANGCI_LINT_VERSION)-$(ACTIONLINT_VERSION) $(GOBIN_DIR)/.gomod-stamp

# The Go generators the OpenAPI tests feed errgen's output to (ogen,
# oapi-codegen) are the tool directives of tools/go.mod: a module of its
# own, so their dependencies stay out of errgen's go.mod, and the tests
# build the code they generate against the same pinned modules.
$(GOBIN_DIR)/.gomod-stamp: $(TOOLS)/go.mod $(TOOLS)/go.sum
	mkdir -p $(GOBIN_DIR)
	cd $(TOOLS) && GOWORK=off GOBIN=$(GOBIN_DIR) $(GO) install tool
	touch $@

$(GOBIN_DIR)/.stamp-%:
	mkdir -p $(GOBIN_DIR)
	GOBIN=$(GOBIN_DIR) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install golang.org/x/tools/cmd/stringer@$(STRINGER_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@$(PROTOC_GEN_GO_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)
	touch $@

# Installs exactly what tools/package-lock.json pins (npm ci never
# re-resolves or rewrites the lock, whatever the machine's npm settings).
# The lock is complete for every platform and records download addresses;
# `make lock` remakes it that way after a change to tools/package.json.
# esbuild's postinstall is approved, pinned, in package.json's allowScripts.
tools-node: $(TOOLS)/node_modules/.stamp

$(TOOLS)/node_modules/.stamp: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	@node -e 'const [M]=process.versions.node.split(".").map(Number); if (M < $(NODE_MIN)) { console.error("tools-node: Node.js $(NODE_MIN) or newer is needed (this is " + process.version + ")"); process.exit(1) }' \
	  || { command -v node >/dev/null || echo "tools-node: node is not on PATH: install Node.js $(NODE_MIN)+ (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	cd $(TOOLS) && npm ci --engine-strict --no-audit --no-fund
	touch $@

lock:
	cd $(TOOLS) && rm -rf node_modules package-lock.json && \
	  npm install --package-lock-only --omit-lockfile-registry-resolved=false --no-audit --no-fund

# Chromium and fonts for the browser tests, gettext and xmllint for the
# translation files, pre-commit for the hooks' test: see tools/debian.sh for
# why Chromium is not pinned. Works without root when all are installed.
tools-debian:
	FONTS_NANUM_VERSION=$(FONTS_NANUM_VERSION) GETTEXT_VERSION=$(GETTEXT_VERSION) PRE_COMMIT_VERSION=$(PRE_COMMIT_VERSION) $(TOOLS)/debian.sh

# The docs site of this repository's catalog: errgen site, with the
# Pagefind pinned in tools/ for search, into site/public, to serve under
# docs.base_url's path (see site/README.md).
docs: tools-node
	$(GO) run ./cmd/errgen site -o site/public -pagefind $(NODE_BIN)/pagefind

clean-tools:
	rm -rf $(GOBIN_DIR) $(TOOLS)/node_modules

# make bench: the benchmark harness (bench/run.sh), results in bench/RESULTS.md.
include bench/bench.mk
