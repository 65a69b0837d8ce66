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
	// Type identifies the problem type: the code's ProblemType, one URI for
	// every language, where the docs site leads to each language's page.
	Type string `json:"type,omitempty"`
	// Title is the code's title: a summary the same for every occurrence,
	// without placeholders.
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
// error that says nothing about err. Only errors are problems: a code whose
// status is below 400, or a client-side code (which a server never sends),
// also gives the internal server error. So does a code whose status obliges a
// header the service has no one value for, when err does not carry it (see
// New); the headers the service has one value for are added.
func ProblemOf(err error, lang string) Problem {
	p := problemOf(err, lang)
	if !p.oblige(nil) {
		return internalProblem(lang)
	}
	return p
}

// problemOf is ProblemOf before the header duties are checked.
func problemOf(err error, lang string) Problem {
	var e *Error
	if errors.As(err, &e) {
		return e.problem(lang)
	}
	var c Code
	if errors.As(err, &c) {
		return codeProblem(c, lang)
	}
	return internalProblem(lang)
}

// Problem returns the problem details of e in lang, as ProblemOf does.
func (e *Error) Problem(lang string) Problem {
	return ProblemOf(e, lang)
}

func (e *Error) problem(lang string) Problem {
	if e.Code == nil || e.Code.HTTPStatus() < 400 {
		return internalProblem(lang) // nothing of e goes out
	}
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
// error when c is no code or one a server never sends as a problem: a
// client-side code, raised by an HTTP client (such as a timeout calling
// another service), has no status and no place on the wire, and a status
// below 400 reports no problem.
func codeProblem(c Code, lang string) Problem {
	if c == nil || c.HTTPStatus() < 400 {
		return internalProblem(lang)
	}
	return Problem{Type: c.ProblemType(), Title: c.title(langIndex(lang)), Status: c.HTTPStatus(), Code: c.number(), Name: c.WireName()}
}

// oblige adds to p the headers its status obliges and the service has one
// value for, unless p or has (the response's headers so far; may be nil)
// already holds them. It reports false when an obliged header only the caller
// can give is missing: p would break RFC 9110 on the wire.
func (p *Problem) oblige(has http.Header) bool {
	for _, f := range statusHeaders(p.Status) {
		if p.Header.Get(f.name) != "" || has.Get(f.name) != "" {
			continue
		}
		if f.value == "" {
			return false
		}
		if p.Header == nil {
			p.Header = http.Header{}
		}
		p.Header.Set(f.name, f.value)
	}
	return true
}

// statusHeaders returns the headers a response with the status must carry,
// each with the service's value, or "" where only the caller can give one.
func statusHeaders(status int) []field {
	if status == http.StatusUnauthorized {
		return []field{{"WWW-Authenticate", `Bearer realm="example"`}}
	}
	if status == http.StatusMethodNotAllowed {
		return []field{{"Allow", ""}}
	}
	return nil
}

// internalProblem is the problem of an error that carries no code.
func internalProblem(string) Problem {
	return Problem{Type: "about:blank", Title: http.StatusText(http.StatusInternalServerError), Status: http.StatusInternalServerError}
}

// ServeHTTP writes p as application/problem+json, with its headers and its
// status. A p that is not an error (status below 400 or above 599) or lacks a
// header its status obliges and only the caller can give, in p.Header or
// already in w's, goes out as the internal server error instead.
func (p Problem) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if p.Status < 400 || p.Status > 599 || !p.oblige(h) {
		lang := DefaultLanguage
		if r != nil {
			lang = MatchLanguage(r.Header.Get("Accept-Language"))
		}
		instance := p.Instance
		p = internalProblem(lang)
		p.Instance = instance
		p.oblige(nil)
	}
	for name, values := range p.Header {
		h[name] = values
	}
	h.Set("Content-Type", "application/problem+json")
	status := p.Status
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	// Strings and ints always marshal.
	body, _ := json.Marshal(p)
	w.WriteHeader(status)
	// The status is sent: a body that fails to follow it has no one left
	// to be reported to, as with any handler's last write.
	_, _ = w.Write(append(body, '\n'))
}

// WriteProblem writes err as problem details (see ProblemOf) in the language r
// prefers (MatchLanguage of its Accept-Language header), with the path of r as
// the instance.
func WriteProblem(w http.ResponseWriter, r *http.Request, err error) {
	lang := DefaultLanguage
	if r != nil {
		lang = MatchLanguage(r.Header.Get("Accept-Language"))
	}
	p := problemOf(err, lang)
	if r != nil && r.URL != nil {
		p.Instance = r.URL.EscapedPath()
	}
	h := w.Header()
	h.Set("Content-Language", lang)
	h.Add("Vary", "Accept-Language")
	p.ServeHTTP(w, r)
}
