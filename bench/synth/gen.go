package main

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// minCodes is the smallest catalog Generate writes: the whole http table
// plus a few response and error codes.
var minCodes = len(clientCodes) + len(statuses) + 10

// code is one synthetic entry before it is written out.
type code struct {
	number   int
	id, wire string
	cond     string // the condition's id, e.g. NotFound
	status   int    // 0 in the http table
	client   bool
	en, ko   string
	// titleEn/Ko is the problem title of a message with params: the
	// condition's plain message.
	titleEn, titleKo string
	descEn           string
	descKo           string
	reference        string
	params           []param
	headers          []header
	retryable        bool
	deprecated       bool
	// replacement is the id of the code that replaces a deprecated one;
	// reasonEn/Ko are its optional reason.
	replacement        string
	reasonEn, reasonKo string
}

type category struct {
	name     string
	min, max int
	en, ko   string
}

type reserved struct {
	min, max int
	reason   string
}

type table struct {
	key, typ, prefix string
	titleEn, titleKo string
	descEn, descKo   string
	min, max         int
	categories       []category
	codes            []*code
	reserved         []reserved
}

// Generate writes a valid codes.yaml of exactly n codes. The same n and
// seed give the same bytes. Most codes are error codes, spread over
// business domains; a few are response codes; the http table is the
// standard set of statuses and client exceptions.
func Generate(n int, seed uint64) ([]byte, error) {
	if n < minCodes {
		return nil, fmt.Errorf("n = %d is below the minimum of %d codes", n, minCodes)
	}
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	httpT := httpTable()
	nResponse := max(5, n/20)
	nError := n - len(httpT.codes) - nResponse
	responseT := responseTable(rng, nResponse)
	errorT, err := errorTable(rng, nError)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	writeCatalog(&b, n, seed, []*table{httpT, responseT, errorT})
	return b.Bytes(), nil
}

// DefaultSeed derives the seed used when none is given.
func DefaultSeed(n int) uint64 { return 0x9e3779b97f4a7c15 ^ uint64(n) }

func httpTable() *table {
	t := &table{
		key: "http", typ: "HTTPCode", prefix: "HTTP",
		titleEn: "HTTP status codes", titleKo: "HTTP 상태 코드",
		descEn: "The HTTP status codes the service and its clients deal with, and the exceptions a client raises when no usable response came.",
		descKo: "서비스와 클라이언트가 다루는 HTTP 상태 코드와, 쓸 수 있는 응답을 받지 못했을 때 클라이언트가 발생시키는 예외입니다.",
		min:    -6, max: 599,
		categories: []category{
			{"client_exception", -6, -1, "Client-side exceptions", "클라이언트 측 예외"},
			{"informational", 100, 199, "Informational", "정보"},
			{"success", 200, 299, "Success", "성공"},
			{"redirection", 300, 399, "Redirection", "리다이렉션"},
			{"client_error", 400, 499, "Client error", "클라이언트 오류"},
			{"server_error", 500, 599, "Server error", "서버 오류"},
		},
		reserved: []reserved{{306, 306, "Unused since RFC 7231"}},
	}
	for _, s := range clientCodes {
		t.codes = append(t.codes, &code{
			number: s.code, id: s.id, client: true, en: s.en, ko: s.ko,
			retryable: s.id == "Timeout" || s.id == "ConnectionErr",
			descEn:    "Raised by the HTTP client, never sent by a server.",
			descKo:    "HTTP 클라이언트가 발생시키며 서버는 보내지 않습니다.",
		})
	}
	for _, s := range statuses {
		t.codes = append(t.codes, &code{
			number: s.code, id: s.id, en: s.en, ko: s.ko,
			headers:   s.headers,
			reference: "RFC 9110",
			retryable: s.code == 429 || s.code == 502 || s.code == 503 || s.code == 504,
		})
	}
	return t
}

// responseTable numbers response codes status*1000+k, so the table is
// sparse (a few hundred codes spread over 400 000 numbers).
func responseTable(rng *rand.Rand, n int) *table {
	t := &table{
		key: "response", typ: "ResponseCode", prefix: "Response",
		titleEn: "Response codes", titleKo: "응답 코드",
		descEn: "Application response codes carried in the response body; each names the HTTP status it is sent with.",
		descKo: "응답 본문에 담기는 애플리케이션 응답 코드입니다. 코드마다 함께 보내는 HTTP 상태를 적었습니다.",
		min:    200000, max: 599999,
		categories: []category{
			{"success", 200000, 299999, "Success", "성공"},
			{"client_error", 400000, 499999, "Client error", "클라이언트 오류"},
			{"server_error", 500000, 599999, "Server error", "서버 오류"},
		},
	}
	next := map[int]int{}
	seen := map[string]bool{}
	for len(t.codes) < n {
		d := domains[rng.IntN(len(domains))]
		s := subjects[rng.IntN(len(subjects))]
		cond := &conditions[rng.IntN(len(conditions))]
		id := d.id + s.id + cond.id
		if seen[strings.ToLower(id)] || next[cond.status] >= 999 {
			continue
		}
		seen[strings.ToLower(id)] = true
		next[cond.status]++
		t.codes = append(t.codes, newCode(rng, cond, d, s, cond.status*1000+next[cond.status], id))
	}
	slices.SortFunc(t.codes, func(a, b *code) int { return a.number - b.number })
	deprecate(rng, t.codes)
	return t
}

// errorTable spreads n codes over business domains, one block of 1000
// numbers (and one category) per domain: 1000–1999 for the first, and so
// on. Numbers run in order with a few gaps, some of them reserved.
func errorTable(rng *rand.Rand, n int) (*table, error) {
	t := &table{
		key: "error", typ: "ErrorCode", prefix: "",
		titleEn: "Error codes", titleKo: "에러 코드",
		descEn: "Application error codes, identified on the wire by name and grouped by business domain.",
		descKo: "이름으로 전달되는 애플리케이션 에러 코드로, 업무 영역별로 묶었습니다.",
		min:    1000, max: 99999,
	}
	nd := int(math.Ceil(math.Sqrt(float64(n)) / 2))
	nd = min(max(nd, 4), len(domains))
	var errConds []*condition
	for i := range conditions {
		if !conditions[i].success {
			errConds = append(errConds, &conditions[i])
		}
	}
	for i := 0; i < nd; i++ {
		d := domains[i]
		k := n / nd
		if i < n%nd {
			k++
		}
		type pair struct {
			s word
			c *condition
		}
		var pairs []pair
		for _, s := range subjects {
			for _, c := range errConds {
				pairs = append(pairs, pair{s, c})
			}
		}
		if k > len(pairs) || k > 990 {
			return nil, fmt.Errorf("%d error codes do not fit in %d domains", n, nd)
		}
		rng.Shuffle(len(pairs), func(a, b int) { pairs[a], pairs[b] = pairs[b], pairs[a] })
		base := (i + 1) * 1000
		t.categories = append(t.categories, category{snake(d.id), base, base + 999, capitalize(d.en), d.ko})
		num := base + 1
		var block []*code
		for j, p := range pairs[:k] {
			// A gap now and then, while the block still has room.
			if rng.Float64() < 0.03 && base+999-num > k-j+3 {
				skip := 1 + rng.IntN(3)
				if rng.Float64() < 0.4 {
					t.reserved = append(t.reserved, reserved{num, num + skip - 1, "Retired with the v1 " + d.en + " API; never reuse."})
				}
				num += skip
			}
			block = append(block, newCode(rng, p.c, d, p.s, num, d.id+p.s.id+p.c.id))
			num++
		}
		deprecate(rng, block)
		t.codes = append(t.codes, block...)
	}
	return t, nil
}

// paramText matches a placeholder with the space or parentheses around it.
var paramText = regexp.MustCompile(` ?\(?\{[A-Za-z_][A-Za-z0-9_]*\}\)?`)

// withoutParams is a message with its placeholders cut out: a title.
func withoutParams(s string) string { return paramText.ReplaceAllString(s, "") }

func newCode(rng *rand.Rand, cond *condition, d, s word, number int, id string) *code {
	c := &code{number: number, id: id, cond: cond.id, status: cond.status, retryable: cond.retryable}
	withParams := cond.params != nil && (!cond.optional || rng.Float64() < 0.4)
	if withParams {
		c.en, c.ko, c.params = cond.en(d, s), cond.ko(d, s), cond.params
		c.titleEn, c.titleKo = withoutParams(c.en), withoutParams(c.ko)
	} else {
		c.en, c.ko = cond.plainEn(d, s), cond.plainKo(d, s)
	}
	if rng.Float64() < 0.25 {
		a := advice[rng.IntN(len(advice))]
		c.descEn = "Returned when " + cond.reasonEn + " (" + d.en + " " + s.en + "). " + a.en
		c.descKo = cond.reasonKo + "(" + d.ko + " " + s.ko + "). " + a.ko
	}
	if rng.Float64() < 0.01 {
		c.reference = "API guide, " + d.en + " section " + strconv.Itoa(1+rng.IntN(9))
	}
	return c
}

// deprecate marks about 2% of the codes deprecated; most name an earlier,
// live code of the same block as replacement (of the same condition when
// there is one), and half of those keep the replacement's wire name, as
// renamed codes do.
func deprecate(rng *rand.Rand, codes []*code) {
	for i, c := range codes {
		if i == 0 || rng.Float64() >= 0.02 {
			continue
		}
		c.deprecated = true
		if rng.Float64() < 0.6 {
			var live, alike []*code
			for _, e := range codes[:i] {
				if !e.deprecated {
					live = append(live, e)
					if e.cond == c.cond {
						alike = append(alike, e)
					}
				}
			}
			if len(alike) > 0 {
				live = alike
			}
			if len(live) > 0 {
				r := live[rng.IntN(len(live))]
				c.replacement = r.id
				if rng.Float64() < 0.5 {
					c.wire = r.wire
					if c.wire == "" {
						c.wire = r.id
					}
				}
				c.reasonEn = "Merged into " + r.id + "; send it instead."
				c.reasonKo = r.id + " 코드로 통합되었습니다. 대신 그 코드를 보내세요."
				continue
			}
		}
		if rng.Float64() < 0.5 {
			c.reasonEn = "No longer returned since the v2 API."
			c.reasonKo = "v2 API부터 더 이상 반환하지 않습니다."
		}
	}
}

func writeCatalog(b *bytes.Buffer, n int, seed uint64, tables []*table) {
	fmt.Fprintf(b, "# Synthetic catalog of %d codes for errgen's benchmarks, written by\n", n)
	fmt.Fprintf(b, "# `go run ./bench/synth -n %d` (seed %d). Realistic in shape, not in meaning.\n", n, seed)
	b.WriteString(`version: 1
languages:
  - tag: en
    name: English
  - tag: ko
    name: 한국어
default_language: en
docs:
  base_url: https://docs.example.com/codes
output:
  dir: out
  go:
    dir: out/go/codes
    package: codes
  openapi:
    dir: out/openapi
    title: "Synthetic service — error components"
    version: 1.0.0
  typescript:
    dir: out/typescript
    package: "@bench/codes"
    version: 1.0.0
    forms: [enum, const]
  markdown:
    dir: out/docs
    front_matter: false
`)
	for _, t := range tables {
		writeTable(b, t)
	}
}

func writeTable(b *bytes.Buffer, t *table) {
	fmt.Fprintf(b, "\n%s:\n  type: %s\n  prefix: %s\n", t.key, t.typ, q(t.prefix))
	text(b, "  ", "title", t.titleEn, t.titleKo)
	text(b, "  ", "description", t.descEn, t.descKo)
	fmt.Fprintf(b, "  range: [%d, %d]\n", t.min, t.max)
	if len(t.categories) > 0 {
		b.WriteString("  categories:\n")
		for _, c := range t.categories {
			fmt.Fprintf(b, "    - name: %s\n      range: [%d, %d]\n", c.name, c.min, c.max)
			text(b, "      ", "title", c.en, c.ko)
		}
	}
	b.WriteString("  codes:\n")
	for _, c := range t.codes {
		writeCode(b, c)
	}
	if len(t.reserved) > 0 {
		b.WriteString("  reserved:\n")
		for _, r := range t.reserved {
			if r.min == r.max {
				fmt.Fprintf(b, "    - {code: %d, reason: {en: %s, ko: %s}}\n", r.min, q(r.reason), q(r.reason))
			} else {
				fmt.Fprintf(b, "    - {range: [%d, %d], reason: {en: %s, ko: %s}}\n", r.min, r.max, q(r.reason), q(r.reason))
			}
		}
	}
}

func writeCode(b *bytes.Buffer, c *code) {
	fmt.Fprintf(b, "    - code: %d\n      id: %s\n", c.number, c.id)
	if c.wire != "" && c.wire != c.id {
		fmt.Fprintf(b, "      wire: %s\n", c.wire)
	}
	if c.status != 0 {
		fmt.Fprintf(b, "      status: %d\n", c.status)
	}
	if c.client {
		b.WriteString("      client: true\n")
	}
	if c.retryable {
		b.WriteString("      retryable: true\n")
	}
	if c.deprecated {
		switch {
		case c.replacement == "" && c.reasonEn == "":
			b.WriteString("      deprecated: true\n")
		default:
			b.WriteString("      deprecated:\n")
			if c.replacement != "" {
				fmt.Fprintf(b, "        replacement: %s\n", c.replacement)
			}
			if c.reasonEn != "" {
				text(b, "        ", "reason", c.reasonEn, c.reasonKo)
			}
		}
	}
	text(b, "      ", "message", c.en, c.ko)
	if c.titleEn != "" {
		text(b, "      ", "title", c.titleEn, c.titleKo)
	}
	if c.descEn != "" {
		text(b, "      ", "description", c.descEn, c.descKo)
	}
	if c.reference != "" {
		fmt.Fprintf(b, "      reference: %s\n", q(c.reference))
	}
	if len(c.params) > 0 {
		b.WriteString("      params:\n")
		for _, p := range c.params {
			ex := p.example
			if p.typ == "string" {
				ex = q(ex)
			}
			fmt.Fprintf(b, "        - {name: %s, type: %s, example: %s}\n", p.name, p.typ, ex)
		}
	}
	if len(c.headers) > 0 {
		b.WriteString("      headers:\n")
		for _, h := range c.headers {
			fmt.Fprintf(b, "        - name: %s\n          requirement: %s\n", h.name, h.requirement)
			if h.en != "" {
				text(b, "          ", "description", h.en, h.ko)
			}
		}
	}
}

// text writes a per-language mapping.
func text(b *bytes.Buffer, indent, key, en, ko string) {
	fmt.Fprintf(b, "%s%s:\n%s  en: %s\n%s  ko: %s\n", indent, key, indent, q(en), indent, q(ko))
}

// q quotes s as a YAML double-quoted scalar. The vocabulary holds no
// control characters, so only backslash and quote need escaping.
func q(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func snake(id string) string {
	var b strings.Builder
	for i, r := range id {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
