// Package api is the shop's HTTP API.
package api

import (
	"errors"
	"net/http"

	"example.com/shop/out/go/codes"
)

var errNoOrder = errors.New("no order")

// GetOrder answers with an order or a problem.
func GetOrder(w http.ResponseWriter, r *http.Request) {
	switch err := find(r.PathValue("id")); {
	case errors.Is(err, errNoOrder):
		codes.WriteProblem(w, r, codes.OrderNotFound)
	case errors.Is(err, codes.HTTPTimeout): // recognising what a client call returned is fine
		codes.WriteProblem(w, r, codes.HTTPGatewayTimeout)
	case err != nil:
		// A client-side code must not go into a response.
		codes.WriteProblem(w, r, codes.Wrap(codes.HTTPConnectionErr, err))
	default:
		w.WriteHeader(codes.ResponseOrderPlaced.HTTPStatus())
	}
}

// AddItem refuses a cart that is full.
func AddItem(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > 1<<20 {
		codes.NewCartTooLarge(50).Problem("en").ServeHTTP(w, r)
		return
	}
	// A local named like a code is not a use of the code.
	CouponExpired := errors.New("coupon expired")
	codes.WriteProblem(w, r, CouponExpired)
}

func find(id string) error {
	if id == "" {
		return errNoOrder
	}
	return nil
}
