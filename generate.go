// Package errgen is the root of the errgen module: `go generate ./...`
// here regenerates out/ from codes.yaml. The generator itself lives in
// cmd/errgen; the generated Go package is out/go/codes.
package errgen

//go:generate go run ./cmd/errgen generate -q
