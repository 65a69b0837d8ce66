# bench/bench.mk — included by the Makefile (`include bench/bench.mk`).
# `make bench` runs the benchmark harness of issue 8 and rewrites
# bench/RESULTS.md (about 15 minutes on 2 cores). BENCH_SIZES="200 1000"
# gives a quick look; see bench/run.sh for the other knobs.

.PHONY: bench

bench: tools-go
	bash bench/run.sh
