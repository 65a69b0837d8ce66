package api

import (
	"net/http"

	. "example.com/shop/out/go/codes"
)

// Pay declines every payment, through a dot import.
func Pay(w http.ResponseWriter, r *http.Request) {
	WriteProblem(w, r, PaymentDeclined)
}

// Refund shadows a code's name with its own value: no use.
func Refund(w http.ResponseWriter, r *http.Request) {
	PaymentDeclined := ResponseCode(0)
	_ = PaymentDeclined
	w.WriteHeader(http.StatusNoContent)
}
