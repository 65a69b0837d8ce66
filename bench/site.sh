#!/usr/bin/env bash
# bench/site.sh — the docs-site benchmark of issue 20, run by `make bench`
# after bench/run.sh: builds the site of synthetic catalogs of 200, 2 000
# and 10 000 codes with Hugo and Pagefind, the sizes interleaved over
# BENCH_SITE_ROUNDS rounds (and VitePress once at 2 000, for the
# comparison), searches it in Chromium, and writes bench/site-results.md
# into bench/RESULTS.md. About 15–30 minutes on 2 cores, most of it the
# VitePress build (stopped at BENCH_SITE_VITEPRESS_CAP, default 20m).
#
# Environment:
#   BENCH_SITE_SIZES      catalog sizes (default "200 2000 10000")
#   BENCH_SITE_VITEPRESS  the size VitePress builds too (default 2000; 0: none)
#   BENCH_SITE_VITEPRESS_CAP  how long VitePress may build (default 20m)
#   BENCH_SITE_ROUNDS     Hugo+Pagefind builds per size (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_SITE=1 exec go test -count=1 -run '^TestSiteBench$' -timeout 120m -v ./bench/site
