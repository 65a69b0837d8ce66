#!/usr/bin/env bash
# bench/run.sh — errgen's benchmark harness (issues 8 and 17), run by
# `make bench`.
#
# Builds errgen and bench/floor once, synthesises catalogs of N codes into
# bench/_tmp (gitignored) and times, interleaved round by round (harness
# interleave), errgen generate after one message changed and onto an
# empty folder, the I/O floor of each (bench/floor: decode the catalog and
# read, or write, every file), stringer and protoc-gen-go on the same codes.
# Then the per-phase and run-time Go benchmarks, what the generated Go and
# TypeScript cost their consumer to compile (interleaved with the peers),
# and bench/RESULTS.md. About 15 minutes on 2 idle cores.
#
# Environment:
#   BENCH_SIZES  catalog sizes (default "200 1000 10000 50000")
#   BENCH_RUNS   timed rounds after one warm-up round (default 5)
#   BENCH_FRESH_MAX  largest N whose first generation (empty out/) is in
#                the rounds (default 10000; above, it is timed once)
#   BENCH_PHASE_SIZES  sizes of the per-phase benchmarks (default: "seed"
#                and BENCH_SIZES)
#   BENCH_PHASE_TIMEOUT  seconds after which one per-phase benchmark is
#                given up (default 150); the report says what was cut
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
# The commit the binaries are built from, recorded now: the tree may move
# during a run of a quarter of an hour.
COMMIT=$(git rev-parse --short HEAD)
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
	COMMIT+=" (with uncommitted changes in the tree)"
fi
log "load average at start: $LOAD_START; sizes: $SIZES; $RUNS runs after one warm-up"

log "building errgen, the harness and the synthesiser"
mkdir -p "$BIN"
go build -o "$BIN/errgen" ./cmd/errgen
go build -o "$BIN/harness" ./bench/harness
go build -o "$BIN/synth" ./bench/synth
go build -o "$BIN/floor" ./bench/floor
go test -c -o "$BIN/phase.test" ./bench/phase
rm -f "$RESULTS" "$TMP/phase.txt" "$TMP/runtime.txt"
rm -rf "$TMP/prof"
mkdir -p "$TMP/prof"

measure() { "$BIN/harness" measure -o "$RESULTS" -runs "$RUNS" "$@"; }
# interleave SPEC times the commands of a spec file round by round.
interleave() { "$BIN/harness" interleave -o "$RESULTS" -runs "$RUNS" -timeout 600s -spec "$1"; }
# spec KEY DIR PREP COMMAND [CAP] prints one line of a spec file.
spec() { local IFS=$'\t'; echo "$*"; }
FLIP="$BIN/harness flip -f codes.yaml"

log "seed catalog (codes.yaml)"
SEED=$TMP/seed
rm -rf "$SEED"
mkdir -p "$SEED"
cp codes.yaml "$SEED/codes.yaml"
(cd "$SEED" && "$BIN/errgen" generate -q)
{
	spec seed/regen "$SEED" "$FLIP" "$BIN/errgen generate -q"
	spec seed/floor-read "$SEED" "" "$BIN/floor read -f codes.yaml -dir out"
	spec seed/unchanged "$SEED" "" "$BIN/errgen generate -q"
	spec seed/startup "$SEED" "" "$BIN/errgen version"
	spec overhead/true "$SEED" "" "true"
} >"$TMP/seed.spec"
interleave "$TMP/seed.spec"
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
	rm -rf "$dir"
	mkdir -p "$dir"
	"$BIN/synth" -n "$n" -o "$dir/codes.yaml"
	# The first generation, once, at every N: it also writes the folder
	# the regeneration rounds start from.
	measure -key "first/n$n" -C "$dir" -warmup 0 -runs 1 -allow-fail -timeout 600s -- "$BIN/errgen" generate -q
	if [[ ! -d $dir/out ]]; then
		fail "regen/errgen/n$n" "not measured: the first generation failed"
		continue
	fi
	peers=$TMP/peers/n$n
	rm -rf "$peers"
	"$BIN/harness" peers -f "$dir/codes.yaml" -go "$peers/strgr" -proto "$peers/proto/codes.proto"
	cap=
	((n >= 50000)) && cap=1 # protoc-gen-go takes about a minute here
	{
		spec "regen/errgen/n$n" "$dir" "$FLIP" "$BIN/errgen generate -q"
		spec "regen/floor/n$n" "$dir" "" "$BIN/floor read -f codes.yaml -dir out"
		if ((n <= FRESH_MAX)); then
			fresh=$TMP/n$n-fresh
			rm -rf "$fresh"
			mkdir -p "$fresh"
			cp "$dir/codes.yaml" "$fresh/"
			"$BIN/floor" pack -dir "$dir/out" -o "$TMP/n$n.pack"
			spec "fresh/errgen/n$n" "$fresh" "rm -rf out" "$BIN/errgen generate -q"
			spec "fresh/floor/n$n" "$fresh" "rm -rf out" "$BIN/floor write -f codes.yaml -pack $TMP/n$n.pack -dir out"
		fi
		spec "stringer/n$n" "$peers/strgr" "" "$STRINGER -type=HTTPCode,ResponseCode,ErrorCode"
		spec "protoc/n$n" "$peers/proto" "" "protoc --plugin=protoc-gen-go=$PROTOC_GEN_GO --go_out=. --go_opt=paths=source_relative -I . codes.proto" $cap
	} >"$TMP/n$n.spec"
	interleave "$TMP/n$n.spec"
	# The regeneration rounds leave codes.yaml flipped or not; the
	# profiles and phase benchmarks below want out/ up to date with it.
	(cd "$dir" && "$BIN/errgen" generate -q)
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
for n in ${BENCH_PHASE_SIZES:-seed $SIZES}; do
	case $n in
	seed) bt=50x ;;
	200) bt=20x ;;
	1000) bt=5x ;;
	*) bt=1x ;;
	esac
	for bench in Decode Load EmitGo EmitOpenAPI EmitTypeScript EmitMarkdown Write TranslationsExport TranslationsImport; do
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
	{
		spec build/errgen "$GEN/codes" "$nonce" "go build ."
		spec build/stringer "$GEN/strgr" "$nonce" "go build ."
		spec build/empty "$GEN/empty" "$nonce" "go build ."
	} >"$TMP/build.spec"
	interleave "$TMP/build.spec"

	TS=$TMP/ts
	rm -rf "$TS"
	"$BIN/harness" peers -f "$TMP/n$RT_N/codes.yaml" -ts "$TS/plain" -ts-errgen "$TS/errgen"
	pkg=$(sed -n 's/^ *"name": "\(.*\)",$/\1/p' "$TMP/n$RT_N/out/typescript/package.json" | head -1)
	mkdir -p "$TS/errgen/node_modules/$pkg"
	cp -r "$TMP/n$RT_N/out/typescript/." "$TS/errgen/node_modules/$pkg/"
	{
		spec tsc/errgen "$TS/errgen" "" "$TSC -p ."
		spec tsc/plain "$TS/plain" "" "$TSC -p ."
	} >"$TMP/tsc.spec"
	interleave "$TMP/tsc.spec"
fi

log "writing bench/RESULTS.md"
sizes_csv=$(echo $SIZES | tr ' ' ',')
"$BIN/harness" report -results "$RESULTS" -phase "$TMP/phase.txt" -runtime "$TMP/runtime.txt" \
	-prof "$TMP/prof" -notes bench/notes.md -tmp "$TMP" -sizes "$sizes_csv" -load-start "$LOAD_START" -commit "$COMMIT" \
	-tools "stringer $(grep -m1 '^STRINGER_VERSION' Makefile | awk '{print $3}'), protoc $(protoc --version | awk '{print $2}') (Debian $PROTOC_DEB) with protoc-gen-go $(grep -m1 '^PROTOC_GEN_GO_VERSION' Makefile | awk '{print $3}'), tsc $("$TSC" --version | awk '{print $2}'), GNU time $TIME_DEB" \
	-runs "commands: interleaved (harness interleave), 1 warm-up round then $RUNS timed rounds, each round running every command of its group once in an order rotated by one per round, each run under /usr/bin/time -v (CPU = user + sys, peak RSS), wall time by the monotonic clock around it; protoc at N = 50 000: one timed run; Go benchmarks: -count 6, the first dropped as warm-up; profiles: go test -cpuprofile of BenchmarkGenerate, go tool pprof -top" \
	-elapsed "$SECONDS" -o bench/RESULTS.md
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

main "$@"
exit
