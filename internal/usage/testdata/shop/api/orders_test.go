package api

import (
	"net/http/httptest"
	"testing"

	"example.com/shop/out/go/codes"
)

func TestUnauthorized(t *testing.T) {
	rec := httptest.NewRecorder()
	codes.WriteProblem(rec, httptest.NewRequest("GET", "/", nil), codes.NewHTTPUnauthorized(`Bearer realm="shop"`))
	if rec.Code != 401 {
		t.Fatal(rec.Code)
	}
}
