package app

import (
	"errors"
	"fmt"

	"example.com/codes"
)

const allow = "Allow"

func handlers(err error) error {
	codes.WriteProblem(nil, nil, codes.HTTPMethodNotAllowed)                                           // want `codes.HTTPMethodNotAllowed is sent without the Allow header its status obliges \(RFC 9110\), so it goes out as a 500 internal server error; build it with codes.NewHTTPMethodNotAllowed, or add the header with New\(…\).WithHeader\("Allow", …\)`
	codes.WriteProblem(nil, nil, codes.New(codes.HTTPMethodNotAllowed))                                // want `codes.HTTPMethodNotAllowed is sent without the Allow header`
	codes.WriteProblem(nil, nil, codes.New(codes.HTTPMethodNotAllowed).WithDetail("x"))                // want `codes.HTTPMethodNotAllowed is sent without the Allow header`
	codes.WriteProblem(nil, nil, codes.Wrap(codes.HTTPMethodNotAllowed, err))                          // want `codes.HTTPMethodNotAllowed is sent without the Allow header`
	codes.WriteProblem(nil, nil, fmt.Errorf("a: %w", fmt.Errorf("b: %w", codes.HTTPMethodNotAllowed))) // want `codes.HTTPMethodNotAllowed is sent`
	codes.WriteProblem(nil, nil, codes.HTTPOK)                                                         // want `codes.HTTPOK has HTTP status 200, not an error: sent as a problem it goes out as a 500 internal server error`
	codes.WriteProblem(nil, nil, codes.New(codes.HTTPOK).WithHeader("Allow", "GET"))                   // want `codes.HTTPOK has HTTP status 200`

	// Sends that carry the header, and codes that need none.
	codes.WriteProblem(nil, nil, codes.New(codes.HTTPMethodNotAllowed).WithHeader("Allow", "GET"))
	codes.WriteProblem(nil, nil, codes.New(codes.HTTPMethodNotAllowed).WithDetail("x").WithHeader(allow, "GET"))
	codes.WriteProblem(nil, nil, codes.NewHTTPMethodNotAllowed("GET"))
	codes.WriteProblem(nil, nil, codes.HTTPUnauthorized)
	codes.WriteProblem(nil, nil, codes.HTTPClientTimeout)

	// Not sends: comparisons, methods, conversions, the code's own type.
	if errors.Is(err, codes.HTTPMethodNotAllowed) || err == codes.HTTPMethodNotAllowed {
		return nil
	}
	switch err {
	case codes.HTTPOK, codes.HTTPMethodNotAllowed:
	}
	_ = codes.HTTPMethodNotAllowed.HTTPStatus() + int(codes.HTTPOK)
	var c codes.HTTPCode = codes.HTTPMethodNotAllowed
	status := map[codes.HTTPCode]int{codes.HTTPOK: 200}
	_, _ = c, status

	// Other ways to turn one into an error.
	var e error = codes.HTTPMethodNotAllowed   // want `codes.HTTPMethodNotAllowed is sent`
	e = codes.HTTPOK                           // want `codes.HTTPOK has HTTP status 200`
	_ = []error{codes.HTTPMethodNotAllowed}    // want `codes.HTTPMethodNotAllowed is sent`
	_ = struct{ Err error }{Err: codes.HTTPOK} // want `codes.HTTPOK has HTTP status 200`
	ch := make(chan error, 1)
	ch <- (codes.HTTPMethodNotAllowed) // want `codes.HTTPMethodNotAllowed is sent`
	_ = e
	return codes.HTTPMethodNotAllowed // want `codes.HTTPMethodNotAllowed is sent`
}

func named() (code codes.HTTPCode, err error) {
	return codes.HTTPMethodNotAllowed, codes.HTTPOK // want `codes.HTTPOK has HTTP status 200`
}
