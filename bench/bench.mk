# bench/bench.mk — included by the Makefile (`include bench/bench.mk`).
# `make bench` runs the benchmark harness of issue 8 and rewrites
# bench/RESULTS.md (about 15 minutes on 2 cores), then the docs-site
# benchmark of issue 20 (bench/site.sh, its own section of RESULTS.md).
# BENCH_SIZES="200 1000" gives a quick look; see bench/run.sh and
# bench/site.sh for the other knobs. `make bench-site` runs the second only.

.PHONY: bench bench-site

bench: tools-go tools-node tools-debian
	bash bench/run.sh
	bash bench/site.sh

bench-site: tools-node tools-debian
	bash bench/site.sh
