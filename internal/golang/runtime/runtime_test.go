package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"
)

// testCode stands in for a generated table type: 404 is a server code with
// a placeholder and a title, -1 a client-side code with no HTTP status, 204
// a success; 401 and 405 oblige a header (statusHeaders), which the service
// has one value for on 401 and none on 405.
type testCode int

const (
	notFound     testCode = 404
	timeout      testCode = -1
	noContent    testCode = 204
	unauthorized testCode = 401
	notAllowed   testCode = 405
)

var testMessages = map[testCode][2]string{
	notFound:     {"{id} was not found.", "{id}을(를) 찾을 수 없습니다."},
	timeout:      {"The call timed out", "호출 시간이 초과되었습니다"},
	noContent:    {"No Content", "콘텐츠 없음"},
	unauthorized: {"Unauthorized", "인증되지 않음"},
	notAllowed:   {"Method Not Allowed", "허용되지 않는 메서드"},
}

var testTitles = map[testCode][2]string{
	notFound: {"Not found", "찾을 수 없음"},
}

var testTemplates = map[testCode][2]string{
	notFound: {"\xff\x00 was not found.", "\xff\x00을(를) 찾을 수 없습니다."},
}

func (c testCode) Error() string              { return c.String() }
func (c testCode) String() string             { return "Test" + itoa(int(c)) }
func (c testCode) WireName() string           { return "TEST_" + itoa(int(c)) }
func (c testCode) HTTPStatus() int            { return max(int(c), 0) }
func (c testCode) Message(lang string) string { return c.message(langIndex(lang)) }
func (c testCode) Retryable() bool            { return c == timeout }
func (c testCode) Valid() bool                { _, ok := testMessages[c]; return ok }
func (c testCode) number() int                { return int(c) }
func (c testCode) message(l int) string       { return testMessages[c][l] }
func (c testCode) template(l int) string      { return testTemplates[c][l] }
func (c testCode) Title(lang string) string   { return c.title(langIndex(lang)) }
func (c testCode) ProblemType() string        { return docsBaseURL + "/test/" + itoa(int(c)) }
func (c testCode) title(l int) string {
	if t, ok := testTitles[c]; ok {
		return t[l]
	}
	return c.message(l)
}
func (c testCode) DocsURL(lang string) string {
	return docsBaseURL + "/" + languageTags[langIndex(lang)] + "/test/" + itoa(int(c))
}

func TestFill(t *testing.T) {
	for _, tc := range []struct {
		t    string
		args []string
		want string
	}{
		{"plain", nil, "plain"},
		{"\xff\x00 and \xff\x01", []string{"a", "b"}, "a and b"},
		{"\xff\x01\xff\x00", []string{"a", "b"}, "ba"},
		{"missing \xff\x05.", []string{"a"}, "missing ."},
		{"cut \xff", []string{"a"}, "cut \xff"},
	} {
		if got := fill(tc.t, tc.args); got != tc.want {
			t.Errorf("fill(%q, %q) = %q, want %q", tc.t, tc.args, got, tc.want)
		}
	}
}

func TestError(t *testing.T) {
	cause := errors.New("disk full")
	e := newError(notFound, []string{"order 7"}, nil, nil).WithDetail("checked twice").WithCause(cause)
	if got, want := e.Error(), "Test404: order 7 was not found.: checked twice: disk full"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := e.Message("ko-KR"), "order 7을(를) 찾을 수 없습니다."; got != want {
		t.Errorf("Message(ko-KR) = %q, want %q", got, want)
	}
	if got, want := New(notFound).Message("ko"), "{id}을(를) 찾을 수 없습니다."; got != want {
		t.Errorf("New(code).Message(ko) = %q, want %q", got, want)
	}
	wrapped := fmt.Errorf("handler: %w", e)
	if !errors.Is(wrapped, notFound) || errors.Is(wrapped, timeout) || !errors.Is(wrapped, cause) {
		t.Error("errors.Is does not find the code and cause of a wrapped Error, or finds another code")
	}
	var got *Error
	if !errors.As(wrapped, &got) || got != e {
		t.Error("errors.As does not find the Error")
	}
	if (&Error{}).Error() != "no code" {
		t.Errorf("an Error without a code reads %q", (&Error{}).Error())
	}
}

// TestWithHeader checks that copies never share their header arrays.
func TestWithHeader(t *testing.T) {
	base := newError(notFound, nil, []field{{"Allow", "GET"}}, []RetryAfter{RetryAfterDelay(1500 * time.Millisecond)})
	a := base.WithHeader("Location", "/a")
	b := base.WithHeader("Location", "/b")
	for _, tc := range []struct {
		e    *Error
		want []string
	}{
		{base, nil},
		{a, []string{"/a"}},
		{b, []string{"/b"}},
	} {
		h := tc.e.Header()
		if h.Get("Allow") != "GET" || h.Get("Retry-After") != "2" || !slices.Equal(h.Values("Location"), tc.want) {
			t.Errorf("Header() = %v, want Allow GET, Retry-After 2 and Location %v", h, tc.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0", time.Second: "1", 1001 * time.Millisecond: "2", -time.Hour: "0"} {
		if got := RetryAfterDelay(d).String(); got != want {
			t.Errorf("RetryAfterDelay(%v) = %q, want %q", d, got, want)
		}
	}
	date := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("KST", 9*3600))
	if got, want := RetryAfterDate(date).String(), "Thu, 01 Jan 2026 18:04:05 GMT"; got != want {
		t.Errorf("RetryAfterDate = %q, want %q", got, want)
	}
}

func TestMatchLanguage(t *testing.T) {
	for accept, want := range map[string]string{
		"":                         "en",
		"ko":                       "ko",
		"KO-kr":                    "ko",
		"fr, ko;q=0.5":             "ko",
		"en;q=0.4, ko;q=0.8":       "ko",
		"ko;q=0.5, en;q=0.5":       "ko",
		"*;q=0.9, ko;q=0.1":        "en",
		"ko;q=0, fr":               "en",
		"ko;q=bad, en;q=0.1":       "en",
		" ko-Hang-KR ; q = 1 , en": "ko",
	} {
		if got := MatchLanguage(accept); got != want {
			t.Errorf("MatchLanguage(%q) = %q, want %q", accept, got, want)
		}
	}
	l := Languages()
	l[0] = "xx"
	if Languages()[0] != "en" {
		t.Error("Languages returns the package's own array")
	}
}

// TestWriteProblem serves problems over a real HTTP connection.
func TestWriteProblem(t *testing.T) {
	errs := map[string]error{
		"/orders/7":   newError(notFound, []string{"order 7"}, nil, nil).WithDetail("Try another.").WithHeader("Link", "</orders>"),
		"/plain":      errors.New("secret"),
		"/client":     fmt.Errorf("calling: %w", timeout),
		"/success":    noContent,
		"/success-e":  New(noContent).WithDetail("secret"),
		"/auth":       fmt.Errorf("a: %w", fmt.Errorf("b: %w", unauthorized)),
		"/auth-own":   New(unauthorized).WithHeader("WWW-Authenticate", "Basic"),
		"/method":     notAllowed,
		"/method-new": New(notAllowed).WithDetail("secret"),
		"/method-hdr": New(notAllowed).WithHeader("Allow", "GET"),
		"/method-w":   notAllowed, // the handler sets Allow on the response first
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/method-w" {
			w.Header().Set("Allow", "GET, HEAD")
		}
		WriteProblem(w, r, errs[r.URL.Path])
	}))
	defer srv.Close()

	internal := func(path string) Problem {
		return Problem{Type: "about:blank", Title: "Internal Server Error", Status: 500, Instance: path}
	}
	for _, tc := range []struct {
		path, lang string
		status     int
		want       Problem
		header     string // the header named next, "" when absent
		name       string
	}{
		{"/orders/7", "ko", 404, Problem{
			Type: docsBaseURL + "/test/404", Title: "찾을 수 없음", Status: 404,
			Detail: "order 7을(를) 찾을 수 없습니다. Try another.", Instance: "/orders/7", Code: 404, Name: "TEST_404",
		}, "</orders>", "Link"},
		{"/plain", "ko", 500, internal("/plain"), "", "Link"},
		{"/client", "", 500, internal("/client"), "", "Link"},
		{"/success", "", 500, internal("/success"), "", "Link"},
		{"/success-e", "", 500, internal("/success-e"), "", "Link"},
		{"/auth", "", 401, Problem{Type: docsBaseURL + "/test/401", Title: "Unauthorized", Status: 401, Instance: "/auth", Code: 401, Name: "TEST_401"},
			`Bearer realm="example"`, "WWW-Authenticate"},
		{"/auth-own", "", 401, Problem{Type: docsBaseURL + "/test/401", Title: "Unauthorized", Status: 401, Instance: "/auth-own", Code: 401, Name: "TEST_401"},
			"Basic", "WWW-Authenticate"},
		{"/method", "", 500, internal("/method"), "", "Allow"},
		{"/method-new", "", 500, internal("/method-new"), "", "Allow"},
		{"/method-hdr", "", 405, Problem{Type: docsBaseURL + "/test/405", Title: "Method Not Allowed", Status: 405, Instance: "/method-hdr", Code: 405, Name: "TEST_405"},
			"GET", "Allow"},
		{"/method-w", "", 405, Problem{Type: docsBaseURL + "/test/405", Title: "Method Not Allowed", Status: 405, Instance: "/method-w", Code: 405, Name: "TEST_405"},
			"GET, HEAD", "Allow"},
	} {
		req, _ := http.NewRequest("GET", srv.URL+tc.path, nil)
		req.Header.Set("Accept-Language", tc.lang)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var got Problem
		err = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if resp.StatusCode != tc.status || resp.Header.Get("Content-Type") != "application/problem+json" ||
			resp.Header.Get("Vary") != "Accept-Language" || resp.Header.Get(tc.name) != tc.header {
			t.Errorf("%s: status %d, header %v", tc.path, resp.StatusCode, resp.Header)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: problem\n%+v, want\n%+v", tc.path, got, tc.want)
		}
	}
}

// TestProblemOf checks the problems ProblemOf and Error.Problem return:
// the same rules as on the wire, without a response to look at.
func TestProblemOf(t *testing.T) {
	for _, tc := range []struct {
		err    error
		status int
		header string // WWW-Authenticate or Allow
	}{
		{unauthorized, 401, `Bearer realm="example"`},
		{New(unauthorized), 401, `Bearer realm="example"`},
		{notAllowed, 500, ""},
		{New(notAllowed), 500, ""},
		{New(notAllowed).WithHeader("allow", "PUT"), 405, "PUT"},
		{noContent, 500, ""},
		{New(timeout).WithDetail("x"), 500, ""},
	} {
		for _, p := range []Problem{ProblemOf(tc.err, "en"), ProblemOf(fmt.Errorf("w: %w", tc.err), "en")} {
			h := p.Header.Get("WWW-Authenticate") + p.Header.Get("Allow")
			if p.Status != tc.status || h != tc.header || p.Status == 500 && (p.Detail != "" || p.Code != 0) {
				t.Errorf("ProblemOf(%v) = %+v, want status %d and header %q", tc.err, p, tc.status, tc.header)
			}
		}
		if e, ok := tc.err.(*Error); ok {
			if p := e.Problem("en"); p.Status != tc.status {
				t.Errorf("(%v).Problem = %+v, want status %d", tc.err, p, tc.status)
			}
		}
	}
	// A Problem built by hand is held to the same rules when served.
	rec := httptest.NewRecorder()
	Problem{Status: 204, Title: "No"}.ServeHTTP(rec, nil)
	if rec.Code != 500 {
		t.Errorf("a problem with status 204 is served with %d", rec.Code)
	}
}
