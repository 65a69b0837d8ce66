// Command errgen generates Go, OpenAPI, TypeScript and Markdown from one
// codes.yaml. Run `errgen -h` for the commands.
package main

import "os"

func main() {
	if vettool(os.Args[1:]) {
		runVettool() // go vet -vettool=errgen: never returns
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
