package catalog

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mustHeaders are the headers RFC 9110 says a status MUST carry.
var mustHeaders = map[int]string{
	401: "WWW-Authenticate",
	405: "Allow",
	407: "Proxy-Authenticate",
	426: "Upgrade",
}

// Lint returns advice about a valid catalog: things that are legal but
// likely to mislead a client or a reader. None of it stops generation.
func Lint(c *Catalog) Diagnostics {
	r := &reporter{file: c.Path}
	http := c.Table(KindHTTP)
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			lintCode(r, c, http, code)
		}
	}
	r.diags.Sort()
	return r.diags
}

func lintCode(r *reporter, c *Catalog, http *Table, code *Code) {
	lintStyle(r, c, code)
	kind := code.Table.Kind
	if kind == KindHTTP {
		if h, ok := mustHeaders[code.Number]; ok && !hasHeader(code, h) {
			r.warnf(code.Pos, "add it under headers with requirement MUST", "RFC 9110 requires %d responses to carry %s", code.Number, h)
		}
	}
	// A duty header without a static value is enforced only by the Go
	// target: its New… constructor takes the value and errgen vet finds
	// the other ways to send the code.
	if code.Status >= 400 && c.Output.Target("go") == nil {
		for _, h := range c.ObligedHeaders(code) {
			if h.Duty() && h.Static == "" {
				r.warnf(code.Pos, "declare its value under the top-level `headers:` if it is the same on every response, or turn the Go target on: its constructor takes the value and errgen vet reports the other ways to send the code",
					"%s code %d is sent with status %d, which %s %s; the header has neither a static value nor an enforced constructor", kind, code.Number, code.Status, must(h), h.Name)
			}
		}
	}
	if kind != KindHTTP && http != nil && code.Status != code.Number {
		if std := http.Lookup(code.Number); std != nil {
			r.warnf(code.Pos, "say so in its description, and prefer a number outside the HTTP status range for new codes",
				"%s code %d (%s) reuses HTTP %d %s with another meaning and is sent as %d; a client that reads the number as an HTTP status misreads it",
				kind, code.Number, code.ID, std.Number, std.Message.Text.Get(c.Default), code.Status)
		}
	}
	// A reason without a replacement is a complete answer: RFC 9110 deprecates
	// 305 and IANA obsoletes 510 with nothing to move to.
	if d := code.Deprecated; d != nil && d.Replacement == nil && d.Reason.Empty() {
		r.warnf(code.Pos, "name a `replacement` so clients know where to move, or a `reason` if there is none", "%s code %d is deprecated without a replacement or a reason", kind, code.Number)
	}
	for _, u := range code.Untranslated {
		r.warnf(code.Pos, fmt.Sprintf("add `%s: …` to its %s", u.Lang, u.Field), "%s code %d is untranslated: its %s has no %s text, so the %s text stands in", kind, code.Number, u.Field, u.Lang, u.From)
	}
	for _, l := range c.Languages {
		if l.Tag == c.Default || untranslated(code, "message", l.Tag) || untranslated(code, "message", c.Default) {
			continue
		}
		if code.Message.Text.Get(l.Tag) == code.Message.Text.Get(c.Default) && code.Message.Text.Get(l.Tag) != code.ID {
			r.warnf(code.Pos, fmt.Sprintf("translate the %s message", l.Tag), "%s code %d has the same message in %s and %s", kind, code.Number, l.Tag, c.Default)
		}
	}
}

// lintStyle holds English messages to the one style docs/codes-yaml.md
// chooses: a sentence, starting with a capital letter and ending with a full
// stop. The messages of HTTP statuses are exempt: they are the IANA names.
func lintStyle(r *reporter, c *Catalog, code *Code) {
	if code.Table.Kind == KindHTTP && !code.Client {
		return
	}
	for _, l := range c.Languages {
		if !isEnglish(l.Tag) || untranslated(code, "message", l.Tag) {
			continue
		}
		msg := strings.TrimSpace(code.Message.Plain(l.Tag, func(p string) string { return "{" + p + "}" }))
		var problem, fix string
		first, _ := utf8.DecodeRuneInString(msg)
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(msg, `"')`))
		switch {
		case unicode.IsLower(first):
			problem, fix = "starts with a small letter", "start it with a capital letter"
		case !strings.ContainsRune(".?!", last):
			problem, fix = "has no full stop", "write it as a sentence ending with a full stop"
		default:
			continue
		}
		r.warnf(code.Message.Pos(l.Tag), fix+" (English style, docs/codes-yaml.md)", "%s code %d: the %s message %q %s", code.Table.Kind, code.Number, l.Tag, msg, problem)
	}
}

func isEnglish(tag string) bool { return tag == "en" || strings.HasPrefix(tag, "en-") }

func hasHeader(code *Code, name string) bool {
	for _, h := range code.Headers {
		if h.Name == name {
			return true
		}
	}
	return false
}

func untranslated(code *Code, field, lang string) bool {
	return slices.ContainsFunc(code.Untranslated, func(u Untranslated) bool { return u.Field == field && u.Lang == lang })
}

// must is the obligation of a duty header in words.
func must(h Header) string {
	if h.Requirement == Must {
		return "MUST carry"
	}
	return "is set to always carry (SHOULD, enforced)"
}
