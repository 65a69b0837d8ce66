package main

import (
	"encoding/json"
	"net/http"
	"sync"

	"github.com/errgen/errgen/out/go/codes"
)

// maxUpload is the largest file a channel accepts.
const maxUpload = 15 << 20

type channel struct {
	ID      string   `json:"id"`
	Members []string `json:"members"`
}

type server struct {
	mu       sync.Mutex
	channels map[string]*channel
}

func newServer() *server {
	return &server{channels: map[string]*channel{"general": {ID: "general"}}}
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /channels/{id}", s.getChannel)
	mux.HandleFunc("POST /channels/{id}/members", s.join)
	mux.HandleFunc("POST /channels/{id}/files", s.upload)
	return mux
}

func (s *server) getChannel(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.channels[r.PathValue("id")]
	if !ok {
		codes.WriteProblem(w, r, codes.ChannelNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(ch)
}

func (s *server) join(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	if user == "" {
		codes.WriteProblem(w, r, codes.New(codes.InvalidParams).WithDetail("user is required"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.channels[r.PathValue("id")]
	if !ok {
		codes.WriteProblem(w, r, codes.ChannelNotFound)
		return
	}
	for _, m := range ch.Members {
		if m == user {
			codes.WriteProblem(w, r, codes.AlreadyMember)
			return
		}
	}
	ch.Members = append(ch.Members, user)
	w.WriteHeader(codes.HTTPNoContent.HTTPStatus())
}

func (s *server) upload(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > maxUpload {
		codes.WriteProblem(w, r, codes.NewFileSizeLimitExceeded("15MB"))
		return
	}
	w.WriteHeader(codes.HTTPCreated.HTTPStatus())
}
