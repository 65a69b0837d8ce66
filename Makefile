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
# Debian bookworm builds; the archive keeps only the newest security build,
# so when a pin disappears the install falls back to the current one, loudly.
CHROMIUM_VERSION    := 156.0.8078.79-1~deb12u1
FONTS_NANUM_VERSION := 20200506-1

FUZZTIME ?= 10s

.PHONY: all generate check lint test test-go fuzz tools tools-go tools-node tools-debian docs clean-tools

all: generate

generate:
	$(GO) run ./cmd/errgen generate

check:
	$(GO) run ./cmd/errgen check

lint:
	$(GO) run ./cmd/errgen lint

# ERRGEN_REQUIRE_TOOLS turns every "tool is missing" skip into a failure:
# make test installs them all, so a skip here would hide a broken install.
test: tools
	$(GO) vet ./...
	$(GOBIN_DIR)/staticcheck ./out/...
	ERRGEN_REQUIRE_TOOLS=1 $(GO) test -count=1 ./...
	$(GO) run ./cmd/errgen check
	$(MAKE) fuzz

test-go:
	$(GO) test -count=1 ./...

# Bounded fuzzing: the loader on arbitrary bytes, then every accepted
# catalog of fuzzed text through the Go (type-checked) and TS emitters,
# then any string through the OpenAPI target's YAML writer and back.
fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzLoad -fuzztime=$(FUZZTIME) ./internal/catalog
	$(GO) test -run='^$$' -fuzz=FuzzEmit -fuzztime=$(FUZZTIME) ./internal/render
	$(GO) test -run='^$$' -fuzz=FuzzYAMLString -fuzztime=$(FUZZTIME) ./internal/openapi

tools: tools-go tools-node tools-debian

tools-go: $(GOBIN_DIR)/.stamp-$(STATICCHECK_VERSION)-$(STRINGER_VERSION)-$(PROTOC_GEN_GO_VERSION)

$(GOBIN_DIR)/.stamp-%:
	mkdir -p $(GOBIN_DIR)
	GOBIN=$(GOBIN_DIR) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install golang.org/x/tools/cmd/stringer@$(STRINGER_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@$(PROTOC_GEN_GO_VERSION)
	touch $@

# Installs exactly what tools/package-lock.json pins. Not `npm ci`: npm 11
# with this machine's omit-lockfile-registry-resolved setting reads the lock's
# optional platform packages as missing; `npm install` honours the lock, and
# the git diff check fails the build if it ever rewrites it.
tools-node: $(TOOLS)/node_modules/.stamp

$(TOOLS)/node_modules/.stamp: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	cd $(TOOLS) && npm install --no-audit --no-fund
	git diff --exit-code -- $(TOOLS)/package-lock.json
	touch $@

# Chromium drives the docs-site browser test; fonts-nanum renders Korean in
# its screenshots.
tools-debian:
	@if dpkg -s chromium fonts-nanum >/dev/null 2>&1; then \
	  echo "chromium $$(dpkg-query -W -f='$${Version}' chromium) and fonts-nanum are installed"; \
	else \
	  apt-get update && \
	  { apt-get install -y --no-install-recommends chromium=$(CHROMIUM_VERSION) chromium-common=$(CHROMIUM_VERSION) fonts-nanum=$(FONTS_NANUM_VERSION) || \
	    { echo "warning: chromium $(CHROMIUM_VERSION) is no longer in Debian's archive; installing its current build" >&2; \
	      apt-get install -y --no-install-recommends chromium fonts-nanum; }; }; \
	fi

# The docs site: VitePress (pinned in tools/) over out/docs, built into
# site/.vitepress/dist. Its server-side build loads Vue from site/.
docs: tools-node generate
	ln -sfn ../tools/node_modules site/node_modules
	$(NODE_BIN)/vitepress build site

clean-tools:
	rm -rf $(GOBIN_DIR) $(TOOLS)/node_modules

# make bench: the benchmark harness (bench/run.sh), results in bench/RESULTS.md.
include bench/bench.mk
