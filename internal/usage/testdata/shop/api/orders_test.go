package api

import (
	"errors"
	"net/http/httptest"
	"testing"

	"example.com/shop/out/go/codes"
)

// An error without a code is answered as an internal server error.
func TestUncoded(t *testing.T) {
	rec := httptest.NewRecorder()
	codes.WriteProblem(rec, httptest.NewRequest("GET", "/", nil), errors.New("boom"))
	if rec.Code != codes.HTTPInternalServerError.HTTPStatus() {
		t.Fatal(rec.Code)
	}
}
