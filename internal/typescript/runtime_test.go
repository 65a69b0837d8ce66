package typescript_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/testtool"
)

// check is one expectation of testdata/check.mjs: the value at path in an
// entry module, called with args when args is not nil, must equal want.
type check struct {
	Entry string   `json:"entry"`
	Path  []string `json:"path"`
	Args  []any    `json:"args"`
	Want  any      `json:"want"`
}

var undefined = map[string]bool{"$undefined": true}

// exports are the value names each fixture's entries must export, written
// out by hand so the naming scheme is pinned here too.
var exports = map[string][]string{
	"catalog": {
		"ErrorCode", "HTTPCode", "ResponseCode", "defaultLanguage", "docsBaseUrl", "errorCodeDocsUrl",
		"errorCodeMessages", "errorCodeProblemType", "errorCodeRetryable", "errorCodeStatus", "errorCodeTitles",
		"errorCodeWire", "errorCodes", "errorCodesByStatus", "errorCodesByWire", "formatErrorCode",
		"formatHTTPCode", "formatResponseCode", "httpCodeDocsUrl", "httpCodeMessages", "httpCodeProblemType",
		"httpCodeRetryable", "httpCodeStatus", "httpCodeTitles", "httpCodeWire", "httpCodes", "httpCodesByStatus",
		"httpCodesByWire", "isErrorCode", "isErrorCodeProblem", "isHTTPCode", "isHTTPCodeProblem", "isLanguage",
		"isResponseCode", "isResponseCodeProblem", "languageNames", "languages", "parseProblem",
		"responseCodeDocsUrl", "responseCodeMessages", "responseCodeProblemType", "responseCodeRetryable",
		"responseCodeStatus", "responseCodeTitles", "responseCodeWire", "responseCodes", "responseCodesByStatus",
		"responseCodesByWire",
	},
	"edge": {
		"AppError", "Status", "appErrorDocsUrl", "appErrorMessages", "appErrorProblemType", "appErrorRetryable",
		"appErrorStatus", "appErrorTitles", "appErrorWire", "appErrors", "appErrorsByStatus", "appErrorsByWire",
		"defaultLanguage", "docsBaseUrl", "formatAppError", "formatStatus", "isAppError", "isAppErrorProblem",
		"isLanguage", "isStatus", "isStatusProblem", "languageNames", "languages", "parseProblem", "statusDocsUrl",
		"statusMessages", "statusProblemType", "statusRetryable", "statusStatus", "statusTitles", "statusWire",
		"statuses", "statusesByStatus", "statusesByWire",
	},
}

// TestRuntime imports each fixture's entries in Node and checks every
// code's data and every function against the catalog model, and the
// run-time exports against the declarations.
func TestRuntime(t *testing.T) {
	node := nodeBin(t)
	tsLib := filepath.Join(testtool.NodeModule(t, "typescript"), "lib", "typescript.js")
	script, err := filepath.Abs(filepath.Join("testdata", "check.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, files := emit(t, name)
			dir := t.TempDir()
			for rel, data := range files {
				if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			entries := map[string]map[string]string{}
			for _, e := range []struct {
				on   bool
				name string
			}{{options(t, c).Enum, "index"}, {options(t, c).Const, "const"}} {
				if e.on {
					entries[e.name] = map[string]string{
						"js":  filepath.Join(dir, e.name+".js"),
						"dts": filepath.Join(dir, e.name+".d.ts"),
					}
				}
			}
			var checks []check
			for entry := range entries {
				checks = append(checks, plan(c, entry)...)
			}
			data, err := json.Marshal(map[string]any{"entries": entries, "exports": exports[name], "checks": checks})
			if err != nil {
				t.Fatal(err)
			}
			planPath := filepath.Join(dir, "plan.json")
			if err := os.WriteFile(planPath, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := testtool.Output(dir, node, script, tsLib, planPath)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			var report struct{ Checks int }
			if err := json.Unmarshal([]byte(out), &report); err != nil || report.Checks != len(checks) {
				t.Fatalf("check.mjs ran %d of %d checks: %v\n%s", report.Checks, len(checks), err, out)
			}
		})
	}
}

// plan derives the checks of one entry from the catalog model alone.
func plan(c *catalog.Catalog, entry string) []check {
	var checks []check
	get := func(want any, path ...string) {
		checks = append(checks, check{Entry: entry, Path: path, Want: want})
	}
	call := func(want any, fn string, args ...any) {
		if args == nil {
			args = []any{}
		}
		checks = append(checks, check{Entry: entry, Path: []string{fn}, Args: args, Want: want})
	}

	var tags []string
	for _, l := range c.Languages {
		tags = append(tags, l.Tag)
		get(l.Name, "languageNames", l.Tag)
		call(true, "isLanguage", l.Tag)
	}
	get(tags, "languages")
	get(c.Default, "defaultLanguage")
	get(c.DocsBaseURL, "docsBaseUrl")
	for _, v := range []any{"xx", "constructor", "__proto__", nil, 1} {
		call(false, "isLanguage", v)
	}
	for _, p := range problems {
		call(p.want, "parseProblem", p.body)
	}

	for _, t := range c.Tables {
		n := names[t.TypeName]
		var numbers []int
		for _, code := range t.Codes {
			numbers = append(numbers, code.Number)
		}
		get(numbers, n.values)
		byWire := map[string][]int{}
		byStatus := map[int][]int{}
		for _, code := range t.Codes {
			num := strconv.Itoa(code.Number)
			byWire[code.Wire] = append(byWire[code.Wire], code.Number)
			byStatus[code.Status] = append(byStatus[code.Status], code.Number)
			get(code.Number, t.TypeName, code.ID)
			if entry == "index" {
				get(code.ID, t.TypeName, num)
			} else {
				get(undefined, t.TypeName, num)
			}
			get(code.Wire, n.wire, num)
			get(code.Status, n.status, num)
			get(code.Retryable, n.retryable, num)
			call(true, n.is, code.Number)
			call(false, n.is, num)
			call(false, n.is, float64(code.Number)+0.5)
			for _, tag := range tags {
				get(code.Message.Plain(tag, func(p string) string { return "{" + p + "}" }), n.messages, tag, num)
				call(c.DocsURL(code, tag), n.docsURL, code.Number, tag)
			}
			call(c.DocsURL(code, c.Default), n.docsURL, code.Number)
			for _, tag := range tags {
				get(code.Title.Get(tag), n.titles, tag, num)
			}
			// The type is one URI for every language; the guard accepts a
			// problem of this table whose status is an error, and nothing
			// with a language's page as its type.
			call(c.ProblemType(code), n.problemType, code.Number)
			body := map[string]any{"type": c.ProblemType(code), "title": code.Title.Get(c.Default), "status": code.Status, "code": code.Number, "name": code.Wire}
			call(code.IsProblem(), n.isProblem, body)
			call(false, n.isProblem, map[string]any{"type": c.DocsURL(code, c.Default), "code": code.Number})
			call(c.DocsURL(code, c.Default), n.docsURL, code.Number, "xx")

			// The formatter with every param (from the examples), with none
			// (placeholders stay), and with the default language.
			params := map[string]any{}
			fill := map[string]string{}
			for _, p := range code.Params {
				if p.Type == catalog.ParamInt {
					v, _ := strconv.Atoi(p.Example)
					params[p.Name], fill[p.Name] = v, strconv.Itoa(v)
				} else {
					params[p.Name], fill[p.Name] = p.Example, p.Example
				}
			}
			filled := func(tag string) string {
				return code.Message.Plain(tag, func(p string) string { return fill[p] })
			}
			kept := func(tag string) string {
				return code.Message.Plain(tag, func(p string) string { return "{" + p + "}" })
			}
			for _, tag := range tags {
				if len(code.Params) > 0 {
					call(filled(tag), n.format, code.Number, params, tag)
				}
				call(kept(tag), n.format, code.Number, tag)
			}
			if len(code.Params) > 0 {
				call(filled(c.Default), n.format, code.Number, params)
			}
			call(kept(c.Default), n.format, code.Number)
			call(kept(c.Default), n.format, code.Number, "xx")
		}
		for wire, codes := range byWire {
			call(codes, n.byWire, wire)
		}
		for status, codes := range byStatus {
			call(codes, n.byStatus, status)
		}
		for _, v := range []any{"constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "", nil} {
			s, _ := v.(string)
			if _, ok := byWire[s]; !ok || v == nil {
				call([]int{}, n.byWire, v)
			}
		}
		call([]int{}, n.byStatus, 999)
		missing := slices.Max(numbers) + 1
		for _, v := range []any{missing, nil, "constructor", true, []int{numbers[0]}} {
			call(false, n.is, v)
		}
	}
	return checks
}

// names are the value names of each fixture table, written out by hand.
var names = map[string]struct{ values, is, messages, format, wire, byWire, status, byStatus, retryable, docsURL, titles, problemType, isProblem string }{
	"HTTPCode":     {"httpCodes", "isHTTPCode", "httpCodeMessages", "formatHTTPCode", "httpCodeWire", "httpCodesByWire", "httpCodeStatus", "httpCodesByStatus", "httpCodeRetryable", "httpCodeDocsUrl", "httpCodeTitles", "httpCodeProblemType", "isHTTPCodeProblem"},
	"ResponseCode": {"responseCodes", "isResponseCode", "responseCodeMessages", "formatResponseCode", "responseCodeWire", "responseCodesByWire", "responseCodeStatus", "responseCodesByStatus", "responseCodeRetryable", "responseCodeDocsUrl", "responseCodeTitles", "responseCodeProblemType", "isResponseCodeProblem"},
	"ErrorCode":    {"errorCodes", "isErrorCode", "errorCodeMessages", "formatErrorCode", "errorCodeWire", "errorCodesByWire", "errorCodeStatus", "errorCodesByStatus", "errorCodeRetryable", "errorCodeDocsUrl", "errorCodeTitles", "errorCodeProblemType", "isErrorCodeProblem"},
	"Status":       {"statuses", "isStatus", "statusMessages", "formatStatus", "statusWire", "statusesByWire", "statusStatus", "statusesByStatus", "statusRetryable", "statusDocsUrl", "statusTitles", "statusProblemType", "isStatusProblem"},
	"AppError":     {"appErrors", "isAppError", "appErrorMessages", "formatAppError", "appErrorWire", "appErrorsByWire", "appErrorStatus", "appErrorsByStatus", "appErrorRetryable", "appErrorDocsUrl", "appErrorTitles", "appErrorProblemType", "isAppErrorProblem"},
}

// problems are parseProblem's cases: RFC 9457 bodies our servers send, and
// bodies that are not problems. A want is raw JSON so member order counts.
var problems = []struct {
	body any
	want any
}{
	{
		map[string]any{"type": "https://docs.example.com/codes/en/error/6001", "title": "Too big", "status": 413,
			"detail": "20MB", "instance": "/uploads/1", "code": 6001, "name": "FileSizeLimitExceeded", "extension": []int{1}},
		json.RawMessage(`{"type":"https://docs.example.com/codes/en/error/6001","title":"Too big","status":413,"detail":"20MB","instance":"/uploads/1","code":6001,"name":"FileSizeLimitExceeded"}`),
	},
	{ // RFC 9457: a member of the wrong type is ignored; a missing type is about:blank
		map[string]any{"type": 1, "title": "T", "status": 500, "detail": nil, "instance": false, "code": -1, "name": "N"},
		json.RawMessage(`{"type":"about:blank","title":"T","status":500,"code":-1,"name":"N"}`),
	},
	{ // a code this package does not know still parses
		map[string]any{"title": "T", "status": 599, "code": 987654, "name": "Future"},
		json.RawMessage(`{"type":"about:blank","title":"T","status":599,"code":987654,"name":"Future"}`),
	},
	{map[string]any{"title": "T", "status": 99, "code": 1, "name": "N"}, undefined},
	{map[string]any{"title": "T", "status": 399, "code": 1, "name": "N"}, undefined}, // only errors are problems
	{map[string]any{"title": "T", "status": 204, "code": 1, "name": "N"}, undefined},
	{map[string]any{"title": "T", "status": 600, "code": 1, "name": "N"}, undefined},
	{map[string]any{"title": "T", "status": 400.5, "code": 1, "name": "N"}, undefined},
	{map[string]any{"title": "T", "status": "400", "code": 1, "name": "N"}, undefined},
	{map[string]any{"title": "T", "status": 400, "code": 1.5, "name": "N"}, undefined},
	{map[string]any{"title": "T", "status": 400, "code": "1", "name": "N"}, undefined},
	{map[string]any{"title": "T", "status": 400, "code": 1}, undefined},
	{map[string]any{"title": 1, "status": 400, "code": 1, "name": "N"}, undefined},
	{map[string]any{"status": 400, "code": 1, "name": "N"}, undefined},
	{[]any{map[string]any{"title": "T", "status": 400, "code": 1, "name": "N"}}, undefined},
	{"{\"title\":\"T\",\"status\":400,\"code\":1,\"name\":\"N\"}", undefined},
	{nil, undefined},
	{42, undefined},
}
