#!/usr/bin/env bash
# bench/run.sh — errgen's benchmark harness (issue 8), run by `make bench`.
#
# Builds errgen once, synthesises catalogs of N codes into bench/_tmp
# (gitignored), times errgen generate (out/ up to date, and empty) beside
# stringer and protoc-gen-go on the same
# codes, runs the per-phase and run-time Go benchmarks, measures what the
# generated Go and TypeScript cost their consumer to compile, and writes
# bench/RESULTS.md. About 15 minutes on 2 cores.
#
# Environment:
#   BENCH_SIZES  catalog sizes (default "200 1000 10000 50000")
#   BENCH_RUNS   timed runs after one warm-up (default 5, the minimum)
#   BENCH_FRESH_MAX  largest N whose first generation (empty out/) is timed
#                (default 10000; it writes and syncs two files per code)
#   BENCH_PRIME_TIMEOUT, BENCH_PHASE_TIMEOUT  seconds after which rendering
#                a catalog once, or one per-phase benchmark, is given up
#                (default 300 and 150), so a quadratic emitter cannot make
#                the run endless; the report says what was cut
#   BENCH_SLOW_RENDER  seconds: when rendering a catalog once takes longer,
#                its up-to-date runs are skipped (default 60)
set -euo pipefail

# Everything runs inside main, which bash parses whole before running it:
# editing this file during a run cannot derail that run.
main() {
cd "$(dirname "$0")/.."
ROOT=$PWD
TMP=$ROOT/bench/_tmp
BIN=$TMP/bin
SIZES=${BENCH_SIZES:-"200 1000 10000 50000"}
RUNS=${BENCH_RUNS:-5}
FRESH_MAX=${BENCH_FRESH_MAX:-10000}
PRIME_TIMEOUT=${BENCH_PRIME_TIMEOUT:-300}
SLOW_RENDER=${BENCH_SLOW_RENDER:-60}
PHASE_TIMEOUT=${BENCH_PHASE_TIMEOUT:-150}
RESULTS=$TMP/results.tsv

# Pinned tools. Debian packages are checked against their pinned versions
# and installed (apt-get, as root) when missing.
TIME_DEB=1.9-0.2
PROTOC_DEB=3.21.12-3+deb12u1
STRINGER=$ROOT/tools/bin/stringer
PROTOC_GEN_GO=$ROOT/tools/bin/protoc-gen-go
TSC=$ROOT/tools/node_modules/typescript7/bin/tsc

log() { printf '\n== %s\n' "$*"; }

deb_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }

need_deb() { # package version binary
	local have
	have=$(deb_version "$1")
	if [[ -z $have ]] || ! command -v "$3" >/dev/null; then
		log "installing Debian package $1=$2"
		if [[ $(id -u) -ne 0 ]]; then
			echo "bench: $1 is missing; run: sudo apt-get install $1=$2" >&2
			exit 1
		fi
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1=$2" >/dev/null
		have=$(deb_version "$1")
	fi
	if [[ $have != "$2" ]]; then
		echo "bench: warning: $1 is $have, pinned $2; figures may differ" >&2
	fi
}

need_deb time "$TIME_DEB" /usr/bin/time
need_deb protobuf-compiler "$PROTOC_DEB" protoc
make -s tools-go
[[ -x $TSC ]] || make -s tools-node

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average at start: $LOAD_START; sizes: $SIZES; $RUNS runs after one warm-up"

log "building errgen, the harness and the synthesiser"
mkdir -p "$BIN"
go build -o "$BIN/errgen" ./cmd/errgen
go build -o "$BIN/harness" ./bench/harness
go build -o "$BIN/synth" ./bench/synth
go test -c -o "$BIN/phase.test" ./bench/phase
rm -f "$RESULTS" "$TMP/phase.txt" "$TMP/runtime.txt"
rm -rf "$TMP/prof"
mkdir -p "$TMP/prof"

measure() { "$BIN/harness" measure -o "$RESULTS" -runs "$RUNS" "$@"; }

# The cost of the timing itself: /usr/bin/time starting a process.
measure -key overhead/true -- true

log "seed catalog (codes.yaml)"
SEED=$TMP/seed
rm -rf "$SEED"
mkdir -p "$SEED"
cp codes.yaml "$SEED/codes.yaml"
measure -key seed/generate-fresh -C "$SEED" -prep 'rm -rf out' -- "$BIN/errgen" generate -q
measure -key seed/generate -C "$SEED" -- "$BIN/errgen" generate -q
measure -key seed/startup -C "$SEED" -- "$BIN/errgen" version
# A consumer module whose generate.go runs errgen through `go run`, as the
# README tells users to; errgen is this checkout (replace), so nothing is
# fetched. The warm-up fills the build cache; the runs are warm.
MOD=$TMP/seedmod
rm -rf "$MOD"
mkdir -p "$MOD"
cp codes.yaml go.sum "$MOD/"
# The tool directive keeps errgen required (go:generate lines are not imports).
cat >"$MOD/go.mod" <<EOF
module seedmod

go 1.26

tool github.com/errgen/errgen/cmd/errgen

replace github.com/errgen/errgen => $ROOT
EOF
cat >"$MOD/generate.go" <<'EOF'
package seedmod

//go:generate go run github.com/errgen/errgen/cmd/errgen generate -q
EOF
(cd "$MOD" && go mod tidy 2>&1 | grep -v '^go: \(downloading\|finding\|found\)' || true; go generate ./...)
measure -key seed/go-generate -C "$MOD" -- go generate ./...

# fail KEY NOTE records a figure that could not be measured.
fail() { printf '%s\t0\t0\t0\t0\t0\t0\t0\t%s\n' "$1" "$2" >>"$RESULTS"; echo "$1: $2"; }

mkdir -p "$TMP/peers"
printf 'module errgenbench/peers\n\ngo 1.26\n' >"$TMP/peers/go.mod"
for n in $SIZES; do
	log "N = $n"
	dir=$TMP/n$n
	mkdir -p "$dir"
	"$BIN/synth" -n "$n" -o "$dir/codes.yaml"
	long=()
	if ((n >= 50000)); then
		long=(-single-over 20s -timeout 600s)
	fi
	if ((n <= FRESH_MAX)); then
		measure -key "generate-fresh/n$n" -C "$dir" -prep 'rm -rf out' -allow-fail -timeout 600s -- "$BIN/errgen" generate -q
	fi
	# The up-to-date figures start from a folder the harness writes: errgen
	# generate cannot create out/ at large N (see RESULTS.md). Writing it
	# renders every target once; that is timed too, and when it alone takes
	# over SLOW_RENDER s, the up-to-date runs are skipped (they would take
	# as long each) and the report uses it as a lower bound.
	rm -rf "$dir/out"
	measure -key "prime/n$n" -C "$dir" -warmup 0 -runs 1 -allow-fail -timeout "${PRIME_TIMEOUT}s" -- "$BIN/harness" prime -f codes.yaml
	took=$(awk -F'\t' -v k="prime/n$n" '$1 == k { print ($2 > 0) ? $3 : -1 }' "$RESULTS")
	if awk -v t="$took" 'BEGIN { exit !(t < 0) }'; then
		fail "generate/n$n" "not measured: rendering the targets once did not finish in $PRIME_TIMEOUT s"
	elif awk -v t="$took" -v s="$SLOW_RENDER" 'BEGIN { exit !(t > s) }'; then
		fail "generate/n$n" "not measured: rendering once took $took s"
	else
		measure -key "generate/n$n" -C "$dir" -allow-fail "${long[@]}" -- "$BIN/errgen" generate -q
	fi

	peers=$TMP/peers/n$n
	rm -rf "$peers"
	"$BIN/harness" peers -f "$dir/codes.yaml" -go "$peers/strgr" -proto "$peers/proto/codes.proto"
	measure -key "stringer/n$n" -C "$peers/strgr" -allow-fail "${long[@]}" -- "$STRINGER" -type=HTTPCode,ResponseCode,ErrorCode
	measure -key "protoc/n$n" -C "$peers/proto" -allow-fail "${long[@]}" -- \
		protoc --plugin=protoc-gen-go="$PROTOC_GEN_GO" --go_out=. --go_opt=paths=source_relative -I . codes.proto
done

# seconds_at N BENCH prints the slowest op of a phase benchmark at N.
seconds_at() {
	awk -v name="Benchmark$2/n=$1" '$1 ~ "^"name"(/|-|$)" && $4 == "ns/op" { if ($3 > m) m = $3 } END { printf "%.1f", m / 1e9 }' "$TMP/phase.txt"
}

log "per-phase Go benchmarks"
# -count 6: the first sample of each benchmark is a warm-up, dropped by
# the report. Large catalogs take seconds per op, so one op per sample.
# Each benchmark runs in its own process, killed after PHASE_TIMEOUT (the
# samples it finished are kept); at the largest N, one that took over 3 s
# per op at N = 10 000 is skipped and the report says so.
for n in seed $SIZES; do
	case $n in
	seed) bt=50x ;;
	200) bt=20x ;;
	1000) bt=5x ;;
	*) bt=1x ;;
	esac
	for bench in Decode Load EmitGo EmitOpenAPI EmitTypeScript EmitMarkdown Write; do
		if [[ $n != seed ]] && ((n >= 50000)); then
			prev=$(seconds_at 10000 "$bench")
			if awk -v s="$prev" 'BEGIN { exit !(s > 3) }'; then
				echo "# skipped Benchmark$bench/n=$n: $prev s per op at N = 10000" | tee -a "$TMP/phase.txt"
				continue
			fi
		fi
		(cd bench/phase && timeout "$PHASE_TIMEOUT" "$BIN/phase.test" -test.run '^$' -test.bench "^Benchmark$bench\$" \
			-test.benchmem -test.count 6 -test.benchtime "$bt" -catalogs "$TMP" -sizes "$n" -write-max 1000 ||
			echo "# killed Benchmark$bench/n=$n after $PHASE_TIMEOUT s") |
			tee -a "$TMP/phase.txt" | grep -E '^(Benchmark|# )' || true
	done
done

log "CPU profile of the whole job"
for n in seed $SIZES; do
	[[ $n == seed || $n == 10000 || $n == 50000 ]] || continue
	bt=1x
	[[ $n == seed ]] && bt=100x
	if [[ $n == 50000 && $(awk -v s="$(seconds_at 10000 EmitOpenAPI)" 'BEGIN { print (s > 3) }') == 1 ]]; then
		echo "# no profile at N = 50000: too slow (see N = 10000)"
		continue
	fi
	(cd bench/phase && timeout "$PHASE_TIMEOUT" "$BIN/phase.test" -test.run '^$' -test.bench '^BenchmarkGenerate$' -test.benchtime "$bt" \
		-test.cpuprofile "$TMP/prof/generate-n$n.cpu" -catalogs "$TMP" -sizes "$n") >/dev/null || continue
	go tool pprof -top -nodecount 30 "$BIN/phase.test" "$TMP/prof/generate-n$n.cpu" 2>/dev/null |
		sed -n '/^Showing nodes/,$p' >"$TMP/prof/generate-n$n-1-flat.txt"
	go tool pprof -top -cum -nodecount 40 -show 'errgen/errgen|jen|go/format|go/printer|openapi3|yaml|text/template|goldmark|runtime.gcBgMarkWorker|syscall' \
		"$BIN/phase.test" "$TMP/prof/generate-n$n.cpu" 2>/dev/null | sed -n '/^Showing nodes/,$p' >"$TMP/prof/generate-n$n-2-cum.txt"
done

log "run-time benchmarks of the generated Go package, N = 10 000"
GEN=$TMP/gen
RT_N=10000
if [[ -f $TMP/n$RT_N/codes.yaml ]]; then
	rm -rf "$GEN"
	mkdir -p "$GEN"
	printf 'module errgenbench/gen\n\ngo 1.26\n' >"$GEN/go.mod"
	cp -r "$TMP/n$RT_N/out/go/codes" "$GEN/codes"
	"$BIN/harness" peers -f "$TMP/n$RT_N/codes.yaml" -go "$GEN/strgr" -hand "$GEN/hand" -benchdata "$GEN/benchdata"
	(cd "$GEN/strgr" && "$STRINGER" -type=HTTPCode,ResponseCode,ErrorCode)
	mkdir -p "$GEN/empty"
	printf 'package empty\n' >"$GEN/empty/empty.go"
	if ! (cd bench/runtime && go test -run '^$' -bench . -benchmem -count 6 -benchtime 200ms) >"$TMP/runtime.txt" 2>&1; then
		echo "bench: the run-time benchmarks failed:" >&2
		tail -20 "$TMP/runtime.txt" >&2
	fi
	grep -E '^Benchmark' "$TMP/runtime.txt" || true

	log "consumer cost: go build and tsc --noEmit, N = 10 000"
	# A new comment file each run makes the package itself recompile while
	# its dependencies stay cached.
	nonce='printf "package %s\n\n// %s\n" "$(basename "$PWD")" "$EPOCHREALTIME" >zz_nonce.go'
	measure -key build/errgen -C "$GEN/codes" -prep "$nonce" -- go build .
	measure -key build/stringer -C "$GEN/strgr" -prep "$nonce" -- go build .
	measure -key build/empty -C "$GEN/empty" -prep "$nonce" -- go build .

	TS=$TMP/ts
	rm -rf "$TS"
	"$BIN/harness" peers -f "$TMP/n$RT_N/codes.yaml" -ts "$TS/plain" -ts-errgen "$TS/errgen"
	pkg=$(sed -n 's/^ *"name": "\(.*\)",$/\1/p' "$TMP/n$RT_N/out/typescript/package.json" | head -1)
	mkdir -p "$TS/errgen/node_modules/$pkg"
	cp -r "$TMP/n$RT_N/out/typescript/." "$TS/errgen/node_modules/$pkg/"
	measure -key tsc/errgen -C "$TS/errgen" -allow-fail -- "$TSC" -p .
	measure -key tsc/plain -C "$TS/plain" -allow-fail -- "$TSC" -p .
fi

log "writing bench/RESULTS.md"
sizes_csv=$(echo $SIZES | tr ' ' ',')
"$BIN/harness" report -results "$RESULTS" -phase "$TMP/phase.txt" -runtime "$TMP/runtime.txt" \
	-prof "$TMP/prof" -notes bench/notes.md -tmp "$TMP" -sizes "$sizes_csv" -load-start "$LOAD_START" \
	-tools "stringer $(grep -m1 '^STRINGER_VERSION' Makefile | awk '{print $3}'), protoc $(protoc --version | awk '{print $2}') (Debian $PROTOC_DEB) with protoc-gen-go $(grep -m1 '^PROTOC_GEN_GO_VERSION' Makefile | awk '{print $3}'), tsc $("$TSC" --version | awk '{print $2}'), GNU time $TIME_DEB" \
	-runs "commands: 1 warm-up, then $RUNS runs under /usr/bin/time -v, wall time by the monotonic clock around it (N = 50 000: the warm-up is the only run when it exceeds 20 s; when writing out/ once exceeds $SLOW_RENDER s, that write is the figure, as a lower bound); Go benchmarks: -count 6, the first dropped as warm-up; profiles: go test -cpuprofile of BenchmarkGenerate, go tool pprof -top" \
	-elapsed "$SECONDS" -o bench/RESULTS.md
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

main "$@"
exit
