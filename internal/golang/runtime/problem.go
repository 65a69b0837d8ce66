package runtime

import (
	"encoding/json"
	"errors"
	"net/http"
	"unicode"
	"unicode/utf8"
)

// Problem is an RFC 9457 problem details object. The code and its wire name
// travel as the extension members "code" and "name".
type Problem struct {
	// Type is the link to the page of the code in the docs (Code.DocsURL).
	Type string `json:"type,omitempty"`
	// Title is the message of the code, placeholders unfilled: the same for
	// every occurrence.
	Title string `json:"title,omitempty"`
	// Status is the HTTP status of the response.
	Status int `json:"status,omitempty"`
	// Detail explains this occurrence: the message with its placeholders
	// filled, then the Detail of the Error.
	Detail string `json:"detail,omitempty"`
	// Instance identifies this occurrence; WriteProblem sets the request's path.
	Instance string `json:"instance,omitempty"`
	// Code is the number of the code.
	Code int `json:"code"`
	// Name is the wire name of the code.
	Name string `json:"name"`

	// Header holds the response headers that go with the problem, such as
	// WWW-Authenticate or Retry-After.
	Header http.Header `json:"-"`
}

// ProblemOf returns the problem details of err in lang: those of the first
// *Error in its chain, else of the first Code, else of an internal server
// error that says nothing about err. A client-side code, which a server never
// sends, also gives the internal server error.
func ProblemOf(err error, lang string) Problem {
	var e *Error
	if errors.As(err, &e) {
		return e.Problem(lang)
	}
	var c Code
	if errors.As(err, &c) {
		return codeProblem(c, lang)
	}
	return internalProblem(lang)
}

// Problem returns the problem details of e in lang.
func (e *Error) Problem(lang string) Problem {
	p := codeProblem(e.Code, lang)
	if len(e.args) > 0 {
		p.Detail = e.Message(lang)
	}
	if e.Detail != "" {
		// After a message that ends a sentence, a space; else a colon.
		if p.Detail != "" {
			sep := ": "
			if r, _ := utf8.DecodeLastRuneInString(p.Detail); unicode.IsPunct(r) {
				sep = " "
			}
			p.Detail += sep
		}
		p.Detail += e.Detail
	}
	if len(e.header) > 0 {
		p.Header = e.Header()
	}
	return p
}

// codeProblem returns the problem details of a code, or of an internal server
// error when c is no code or one a server never sends: a client-side code,
// raised by an HTTP client (such as a timeout calling another service), has no
// status and no place on the wire.
func codeProblem(c Code, lang string) Problem {
	if c == nil || c.HTTPStatus() == 0 {
		return internalProblem(lang)
	}
	return Problem{Type: c.DocsURL(lang), Title: c.Message(lang), Status: c.HTTPStatus(), Code: c.number(), Name: c.WireName()}
}

// internalProblem is the problem of an error that carries no code.
func internalProblem(string) Problem {
	return Problem{Type: "about:blank", Title: http.StatusText(http.StatusInternalServerError), Status: http.StatusInternalServerError}
}

// ServeHTTP writes p as application/problem+json, with its headers and its
// status (500 when it has none).
func (p Problem) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	for name, values := range p.Header {
		h[name] = values
	}
	h.Set("Content-Type", "application/problem+json")
	status := p.Status
	if status < 100 || status > 599 {
		status = http.StatusInternalServerError
	}
	// Strings and ints always marshal.
	body, _ := json.Marshal(p)
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// WriteProblem writes err as problem details (see ProblemOf) in the language r
// prefers (MatchLanguage of its Accept-Language header), with the path of r as
// the instance.
func WriteProblem(w http.ResponseWriter, r *http.Request, err error) {
	lang := DefaultLanguage
	if r != nil {
		lang = MatchLanguage(r.Header.Get("Accept-Language"))
	}
	p := ProblemOf(err, lang)
	if r != nil && r.URL != nil {
		p.Instance = r.URL.EscapedPath()
	}
	h := w.Header()
	h.Set("Content-Language", lang)
	h.Add("Vary", "Accept-Language")
	p.ServeHTTP(w, r)
}
