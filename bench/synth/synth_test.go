package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// TestLoads writes the N = 1000 catalog to disk and loads it with the real
// loader: it must be valid, hold exactly N codes, and carry every feature
// the benchmarks claim to exercise.
func TestLoads(t *testing.T) {
	const n = 1000
	path := filepath.Join(t.TempDir(), "codes.yaml")
	if code := run([]string{"-n", "1000", "-o", path}, os.Stdout, os.Stderr); code != 0 {
		t.Fatalf("synth exited %d", code)
	}
	c, err := catalog.Load(path)
	if err != nil {
		t.Fatalf("catalog.Load: %v", err)
	}
	if len(c.Tables) != 3 {
		t.Fatalf("got %d tables, want http, response and error", len(c.Tables))
	}
	var total, params, deprecated, replaced, described, sharedWire int
	for _, tb := range c.Tables {
		wires := map[string]int{}
		for _, code := range tb.Codes {
			total++
			wires[code.Wire]++
			if len(code.Params) > 0 {
				params++
			}
			if d := code.Deprecated; d != nil {
				deprecated++
				if d.Replacement != nil {
					replaced++
				}
			}
			if !code.Description.Empty() {
				described++
			}
			if code.Message.Text.Get("ko") == "" || code.Message.Text.Get("en") == "" {
				t.Errorf("code %d lacks a message in a language", code.Number)
			}
			if tb.Kind != catalog.KindHTTP && c.HTTPStatus(code.Status) == nil {
				t.Errorf("code %d has status %d, missing from the http table", code.Number, code.Status)
			}
		}
		for _, k := range wires {
			if k > 1 {
				sharedWire++
			}
		}
	}
	if total != n {
		t.Errorf("got %d codes, want %d", total, n)
	}
	errors := len(c.Table(catalog.KindError).Codes)
	if errors < n*8/10 {
		t.Errorf("got %d error codes of %d; the error table should hold most", errors, n)
	}
	for what, got := range map[string]int{
		"codes with params":                   params,
		"deprecated codes":                    deprecated,
		"deprecated codes with a replacement": replaced,
		"codes with a description":            described,
		"wire names shared by two codes":      sharedWire,
	} {
		if got == 0 {
			t.Errorf("no %s", what)
		}
	}
	if len(c.Table(catalog.KindError).Reserved) == 0 {
		t.Error("the error table reserves no numbers")
	}
}

// TestDeterministic: the same N gives the same bytes; another N differs.
func TestDeterministic(t *testing.T) {
	a, err := Generate(1000, DefaultSeed(1000))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(1000, DefaultSeed(1000))
	if !bytes.Equal(a, b) {
		t.Error("two runs at N = 1000 differ")
	}
	c, _ := Generate(1001, DefaultSeed(1001))
	if bytes.Equal(a, c) {
		t.Error("N = 1000 and N = 1001 give the same catalog")
	}
}

// TestSizes: every N the benchmarks use is valid and exact. The largest
// is left to the benchmarks, which load it anyway.
func TestSizes(t *testing.T) {
	for _, n := range []int{minCodes, 200, 10000} {
		data, err := Generate(n, DefaultSeed(n))
		if err != nil {
			t.Fatalf("N = %d: %v", n, err)
		}
		c, err := catalog.Parse("codes.yaml", data)
		if err != nil {
			t.Fatalf("N = %d: %v", n, err)
		}
		total := 0
		for _, tb := range c.Tables {
			total += len(tb.Codes)
		}
		if total != n {
			t.Errorf("N = %d: got %d codes", n, total)
		}
	}
	if _, err := Generate(minCodes-1, 1); err == nil {
		t.Errorf("N = %d below the minimum was accepted", minCodes-1)
	}
}
