package runtime

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Code is a code of any table. Every code is an error whose Error is its
// identifier, so that a bare code can be returned and matched with errors.Is.
type Code interface {
	error
	String() string
	WireName() string
	HTTPStatus() int
	Message(lang string) string
	Title(lang string) string
	ProblemType() string
	DocsURL(lang string) string
	Retryable() bool
	Valid() bool

	number() int
	message(l int) string
	title(l int) string
	template(l int) string
}

// ErrUnknownCode is wrapped by the errors of the Parse functions.
var ErrUnknownCode = errors.New("unknown code")

// Error is an occurrence of a code: the code with the values of its
// placeholders, an optional detail and cause, and the response headers its
// HTTP status obliges. Build one with New, Wrap or a code's New…
// constructor. The With methods return a modified copy, so an Error can be
// shared.
type Error struct {
	// Code is what went wrong: errors.Is(err, Code) holds for an err that is or
	// wraps the Error.
	Code Code
	// Detail explains this occurrence beyond the code's message. It goes into
	// Error and into the problem's detail as is, untranslated.
	Detail string
	// Cause is the error that led to this one; Unwrap returns it.
	Cause error

	args   []string // placeholder values, in the order of the code's params
	header []field  // response headers
}

// field is a response header.
type field struct {
	name, value string
}

// New returns an Error of code. Through New, the placeholders of a code that
// has a New… constructor read {name}, and a header its status obliges that
// the service has no one value for is missing (add it with WithHeader, or
// prefer the constructor): the writers send such an Error as an internal
// server error, and errgen vet reports the call.
func New(code Code) *Error {
	return &Error{Code: code}
}

// Wrap returns an Error of code caused by cause, as
// New(code).WithCause(cause).
func Wrap(code Code, cause error) *Error {
	return &Error{Code: code, Cause: cause}
}

// newError is what the New… constructors return.
func newError(code Code, args []string, header []field, retryAfter []RetryAfter) *Error {
	e := &Error{Code: code, args: args, header: header}
	if n := len(retryAfter); n > 0 && retryAfter[n-1].value != "" {
		e.header = append(e.header, field{"Retry-After", retryAfter[n-1].value})
	}
	return e
}

// Error returns the identifier of the code, its message in DefaultLanguage
// with the placeholders filled, the detail and the cause, joined by ": ".
func (e *Error) Error() string {
	s := "no code"
	if e.Code != nil {
		s = e.Code.String() + ": " + e.message(defaultLang)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error {
	return e.Cause
}

// Is reports whether target is the code of e, so that errors.Is(err, code)
// finds e anywhere in the chain of err.
func (e *Error) Is(target error) bool {
	return e.Code != nil && target == e.Code
}

// Message returns the message of the code in lang, as Code.Message does, with
// the placeholders filled.
func (e *Error) Message(lang string) string {
	return e.message(langIndex(lang))
}

func (e *Error) message(l int) string {
	if e.Code == nil {
		return ""
	}
	if len(e.args) > 0 {
		if t := e.Code.template(l); t != "" {
			return fill(t, e.args)
		}
	}
	return e.Code.message(l)
}

// WithDetail returns a copy of e with Detail set to detail.
func (e *Error) WithDetail(detail string) *Error {
	c := *e
	c.Detail = detail
	return &c
}

// WithCause returns a copy of e with Cause set to cause.
func (e *Error) WithCause(cause error) *Error {
	c := *e
	c.Cause = cause
	return &c
}

// WithHeader returns a copy of e that adds a response header, for those a
// status recommends without obliging, such as Location.
func (e *Error) WithHeader(name, value string) *Error {
	c := *e
	n := len(e.header)
	c.header = append(e.header[:n:n], field{name, value})
	return &c
}

// Header returns the response headers of e: those its constructor took and
// those added with WithHeader.
func (e *Error) Header() http.Header {
	h := make(http.Header, len(e.header))
	for _, f := range e.header {
		h.Add(f.name, f.value)
	}
	return h
}

// fill returns template t with each placeholder marker, "\xff" followed by the
// index of a value, replaced by that value.
func fill(t string, args []string) string {
	var b strings.Builder
	n := len(t)
	for _, a := range args {
		n += len(a)
	}
	b.Grow(n)
	for {
		i := strings.IndexByte(t, byte(0xff))
		if i < 0 || i+1 >= len(t) {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		if k := int(t[i+1]); k < len(args) {
			b.WriteString(args[k])
		}
		t = t[i+2:]
	}
}

// itoa formats an int parameter of a message. The emitter drops it from a
// catalog whose codes have none.
func itoa(n int) string {
	return strconv.Itoa(n)
}

// RetryAfter is the value of a Retry-After header: a delay or a date. The
// New… constructors of codes whose HTTP status lists Retry-After take one.
type RetryAfter struct {
	value string
}

// RetryAfterDelay returns a Retry-After of d, rounded up to whole seconds.
func RetryAfterDelay(d time.Duration) RetryAfter {
	s := d / time.Second
	if d%time.Second > 0 {
		s++
	}
	if s < 0 {
		s = 0
	}
	return RetryAfter{strconv.FormatInt(int64(s), 10)}
}

// RetryAfterDate returns a Retry-After of t, as an HTTP date.
func RetryAfterDate(t time.Time) RetryAfter {
	return RetryAfter{t.UTC().Format(http.TimeFormat)}
}

// String returns the header value.
func (r RetryAfter) String() string {
	return r.value
}
