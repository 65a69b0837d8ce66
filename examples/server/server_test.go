package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/errgen/errgen/out/go/codes"
)

// The example's answers, through a real server on a port and a real client.
func TestServer(t *testing.T) {
	srv := httptest.NewServer(newServer().handler())
	defer srv.Close()
	for _, tc := range []struct {
		name, method, path string
		body               []byte
		form               url.Values
		want               codes.Code
	}{
		{"no channel", "GET", "/channels/random", nil, nil, codes.ChannelNotFound},
		{"no user", "POST", "/channels/general/members", nil, url.Values{}, codes.InvalidParams},
		{"too large", "POST", "/channels/general/files", make([]byte, maxUpload+1), nil, codes.FileSizeLimitExceeded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.body
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.form != nil {
				req, _ = http.NewRequest(tc.method, srv.URL+tc.path, bytes.NewBufferString(tc.form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var p codes.Problem
			if err := json.NewDecoder(res.Body).Decode(&p); err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != tc.want.HTTPStatus() || p.Name != tc.want.WireName() || res.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("got %d %+v, want %d %s", res.StatusCode, p, tc.want.HTTPStatus(), tc.want)
			}
		})
	}
}
