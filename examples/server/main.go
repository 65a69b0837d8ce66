// Command server is a small chat API over the generated package
// out/go/codes: every error it answers is a code of codes.yaml, written as
// RFC 9457 problem details. `errgen usage` reports which codes it (and the
// web client in examples/web) uses.
package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	log.Fatal(http.ListenAndServe(*addr, newServer().handler()))
}
