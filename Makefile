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

FUZZTIME ?= 10s

.PHONY: all generate check lint test test-go fuzz tools tools-go tools-node tools-debian bench docs clean-tools

all: generate

generate:
	$(GO) run ./cmd/errgen generate

check:
	$(GO) run ./cmd/errgen check

lint:
	$(GO) run ./cmd/errgen lint

test: tools
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) run ./cmd/errgen check
	$(MAKE) fuzz

test-go:
	$(GO) test -count=1 ./...

fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzLoad -fuzztime=$(FUZZTIME) ./internal/catalog

tools: tools-go tools-node

tools-go: $(GOBIN_DIR)/.stamp-$(STATICCHECK_VERSION)-$(STRINGER_VERSION)-$(PROTOC_GEN_GO_VERSION)

$(GOBIN_DIR)/.stamp-%:
	mkdir -p $(GOBIN_DIR)
	GOBIN=$(GOBIN_DIR) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install golang.org/x/tools/cmd/stringer@$(STRINGER_VERSION)
	GOBIN=$(GOBIN_DIR) $(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@$(PROTOC_GEN_GO_VERSION)
	touch $@

# npm ci installs exactly what tools/package-lock.json pins.
tools-node: $(TOOLS)/node_modules/.stamp

$(TOOLS)/node_modules/.stamp: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	cd $(TOOLS) && npm ci --no-audit --no-fund
	touch $@

clean-tools:
	rm -rf $(GOBIN_DIR) $(TOOLS)/node_modules
