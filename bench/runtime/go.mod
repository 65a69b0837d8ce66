module errgenbench/runtime

go 1.26

require errgenbench/gen v0.0.0

// bench/run.sh writes errgenbench/gen into bench/_tmp/gen: errgen's Go
// package for the N = 10 000 catalog, the same codes as a const block with
// stringer's output, and the hand-written maps.
replace errgenbench/gen => ../_tmp/gen
