package api

import (
	"context"
	"errors"

	"example.com/shop/out/go/codes"
)

// callStock stands for a call to another service.
func callStock(ctx context.Context) error {
	<-ctx.Done()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return codes.HTTPTimeout // an HTTP client's code, where it belongs
	}
	return codes.HTTPConnectionErr
}

// stockProblem turns a failed stock call into the problem to answer: a
// client-side code must not be that problem.
func stockProblem(ctx context.Context) codes.Problem {
	return codes.ProblemOf(codes.New(codes.HTTPTimeout).WithCause(callStock(ctx)), "en")
}
