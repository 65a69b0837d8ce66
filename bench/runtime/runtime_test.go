// Package runtime_test measures the generated Go code at run time, at
// N = 10 000: each operation on errgen's package (codes), on stringer's
// output for the same constants (strgr), and on plain maps (hand), cycling
// through 1024 error codes spread over the table.
//
// It is its own module (errgenbench/runtime) because the packages it
// measures are generated into bench/_tmp/gen by bench/run.sh; run that
// first, then:
//
//	cd bench/runtime && go test -run '^$' -bench . -benchmem
package runtime_test

import (
	"errors"
	"fmt"
	"testing"

	"errgenbench/gen/benchdata"
	"errgenbench/gen/codes"
	"errgenbench/gen/hand"
	"errgenbench/gen/strgr"
)

const mask = len(benchdata.Numbers) - 1

// Sinks keep results alive.
var (
	sinkString string
	sinkInt    int
	sinkBool   bool
	sinkErr    error
)

func errgenCodes() []codes.ErrorCode {
	cs := make([]codes.ErrorCode, len(benchdata.Numbers))
	for i, n := range benchdata.Numbers {
		cs[i] = codes.ErrorCode(n)
	}
	return cs
}

func stringerCodes() []strgr.ErrorCode {
	cs := make([]strgr.ErrorCode, len(benchdata.Numbers))
	for i, n := range benchdata.Numbers {
		cs[i] = strgr.ErrorCode(n)
	}
	return cs
}

func BenchmarkString(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		cs := errgenCodes()
		i := 0
		for b.Loop() {
			sinkString = cs[i&mask].String()
			i++
		}
	})
	b.Run("stringer", func(b *testing.B) {
		cs := stringerCodes()
		i := 0
		for b.Loop() {
			sinkString = cs[i&mask].String()
			i++
		}
	})
	b.Run("map", func(b *testing.B) {
		i := 0
		for b.Loop() {
			sinkString = hand.Name[benchdata.Numbers[i&mask]]
			i++
		}
	})
}

func BenchmarkHTTPStatus(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		cs := errgenCodes()
		i := 0
		for b.Loop() {
			sinkInt = cs[i&mask].HTTPStatus()
			i++
		}
	})
	b.Run("map", func(b *testing.B) {
		i := 0
		for b.Loop() {
			sinkInt = hand.Status[benchdata.Numbers[i&mask]]
			i++
		}
	})
}

func BenchmarkMessage(b *testing.B) {
	for _, lang := range []string{"en", "ko"} {
		b.Run("errgen/"+lang, func(b *testing.B) {
			cs := errgenCodes()
			i := 0
			for b.Loop() {
				sinkString = cs[i&mask].Message(lang)
				i++
			}
		})
		b.Run("map/"+lang, func(b *testing.B) {
			i := 0
			for b.Loop() {
				sinkString = hand.Message[lang][benchdata.Numbers[i&mask]]
				i++
			}
		})
	}
}

// BenchmarkParseInt: from a number (e.g. decoded from JSON) to a code,
// with a check that it exists.
func BenchmarkParseInt(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		i := 0
		for b.Loop() {
			c, err := codes.ParseErrorCode(benchdata.Numbers[i&mask])
			sinkInt, sinkErr = int(c), err
			i++
		}
	})
	b.Run("map", func(b *testing.B) {
		i := 0
		for b.Loop() {
			n := benchdata.Numbers[i&mask]
			_, ok := hand.Name[n]
			sinkInt, sinkBool = n, ok
			i++
		}
	})
}

// BenchmarkParseWire: from a wire name to a code.
func BenchmarkParseWire(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		i := 0
		for b.Loop() {
			c, err := codes.ParseErrorCodeName(benchdata.Wires[i&mask])
			sinkInt, sinkErr = int(c), err
			i++
		}
	})
	b.Run("map", func(b *testing.B) {
		i := 0
		for b.Loop() {
			n, ok := hand.ByWire[benchdata.Wires[i&mask]]
			sinkInt, sinkBool = n, ok
			i++
		}
	})
}

// handError is the error type a team writes by hand around its codes.
type handError struct {
	Code int
	Msg  string
}

func (e *handError) Error() string { return e.Msg }

func (e *handError) Is(target error) bool {
	t, ok := target.(*handError)
	return ok && t.Code == e.Code
}

// BenchmarkNewError: building the error value a handler returns.
func BenchmarkNewError(b *testing.B) {
	b.Run("errgen", func(b *testing.B) {
		cs := errgenCodes()
		i := 0
		for b.Loop() {
			sinkErr = codes.New(cs[i&mask])
			i++
		}
	})
	b.Run("errgen/param", func(b *testing.B) {
		for b.Loop() {
			sinkErr = benchdata.NewWithParam()
		}
	})
	b.Run("map", func(b *testing.B) {
		i := 0
		for b.Loop() {
			n := benchdata.Numbers[i&mask]
			sinkErr = &handError{Code: n, Msg: hand.Message["en"][n]}
			i++
		}
	})
}

// BenchmarkErrorsIs: errors.Is(err, code) where err wraps the code's Error
// twice with fmt.Errorf("…: %w").
func BenchmarkErrorsIs(b *testing.B) {
	wrap := func(err error) error {
		return fmt.Errorf("handler: %w", fmt.Errorf("service: %w", err))
	}
	b.Run("errgen", func(b *testing.B) {
		errs := make([]error, len(benchdata.Numbers))
		targets := make([]error, len(benchdata.Numbers))
		for i, c := range errgenCodes() {
			errs[i], targets[i] = wrap(codes.New(c)), c
		}
		i := 0
		for b.Loop() {
			sinkBool = errors.Is(errs[i&mask], targets[i&mask])
			i++
		}
		if !sinkBool {
			b.Fatal("errors.Is did not find the code")
		}
	})
	b.Run("map", func(b *testing.B) {
		errs := make([]error, len(benchdata.Numbers))
		targets := make([]error, len(benchdata.Numbers))
		for i, n := range benchdata.Numbers {
			errs[i], targets[i] = wrap(&handError{Code: n}), &handError{Code: n}
		}
		i := 0
		for b.Loop() {
			sinkBool = errors.Is(errs[i&mask], targets[i&mask])
			i++
		}
		if !sinkBool {
			b.Fatal("errors.Is did not find the code")
		}
	})
}

// BenchmarkErrorMessage: the message of an Error with its placeholder
// filled, as a problem response carries it.
func BenchmarkErrorMessage(b *testing.B) {
	err := benchdata.NewWithParam()
	var e *codes.Error
	if !errors.As(err, &e) {
		b.Fatal("NewWithParam is not a *codes.Error")
	}
	b.Run("errgen/ko", func(b *testing.B) {
		for b.Loop() {
			sinkString = e.Message("ko")
		}
	})
}
