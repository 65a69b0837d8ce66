#!/usr/bin/env bash
# bench/site.sh — the docs-site benchmark of issues 20 and 25, run by
# `make bench` after bench/run.sh: builds the site of synthetic catalogs of
# 200, 2 000 and 10 000 codes with errgen site (without search, and with
# Pagefind), beside the write floor (bench/floor writing the same files)
# and, when Debian's hugo is installed, the Hugo pipeline errgen site
# replaced (cmd/docsite, built from the last commit that had it), all
# interleaved over BENCH_SITE_ROUNDS rounds; searches the site in
# Chromium, and writes bench/site-results.md into bench/RESULTS.md. About
# 5 minutes on 2 cores (3 with no hugo).
#
# Environment:
#   BENCH_SITE_SIZES      catalog sizes (default "200 2000 10000")
#   BENCH_SITE_ROUNDS     builds per size and engine (default 3)
#   BENCH_SITE_HUGO       0: leave the Hugo pipeline out
#   BENCH_SITE_VITEPRESS  a size VitePress builds too (default 0: none)
#   BENCH_SITE_VITEPRESS_CAP  how long VitePress may build (default 20m)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_SITE=1 exec go test -count=1 -run '^TestSiteBench$' -timeout 120m -v ./bench/site
