package site

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ServeOptions are the settings of Serve.
type ServeOptions struct {
	Addr string // host:port
	Dir  string // the built site
	Base string // the base path it is served under: "/codes"
	// Watch are the files and folders (each file in it) whose change
	// calls Build, which builds the site again into Dir and returns what
	// to watch next; on a failed build, the old list stays.
	Watch []string
	Build func() (watch []string, ok bool)
	// Listening is told the site's URL once the server listens.
	Listening func(url string)
	// Poll is how often Watch is looked at (0: 200 ms).
	Poll time.Duration
}

// Serve serves the site in o.Dir under o.Base until ctx ends, as a static
// host would (a folder's index.html for the folder), telling browsers not
// to cache, and builds it again when a watched file changes. Changes are
// found by polling the files' sizes and times: a handful of files, so a
// poll costs a few stats.
func Serve(ctx context.Context, o ServeOptions) error {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return err
	}
	files := http.StripPrefix(o.Base, http.FileServer(http.Dir(o.Dir)))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == o.Base || r.URL.Path == "/":
			http.Redirect(w, r, o.Base+"/", http.StatusFound)
		case strings.HasPrefix(r.URL.Path, o.Base+"/"):
			w.Header().Set("Cache-Control", "no-cache")
			files.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	}), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if o.Listening != nil {
		o.Listening("http://" + ln.Addr().String() + o.Base + "/")
	}
	poll := o.Poll
	if poll <= 0 {
		poll = 200 * time.Millisecond
	}
	tick := time.NewTicker(poll)
	defer tick.Stop()
	seen := fingerprint(o.Watch)
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return srv.Shutdown(shut)
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case <-tick.C:
			now := fingerprint(o.Watch)
			if now == seen {
				continue
			}
			seen = now
			if watch, ok := o.Build(); ok {
				o.Watch = watch
				seen = fingerprint(o.Watch)
			}
		}
	}
}

// fingerprint is the names, sizes and modification times of the files
// watched (a folder's files, one level deep).
func fingerprint(watch []string) string {
	var b strings.Builder
	add := func(p string) {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(&b, "%s: missing\n", p)
			return
		}
		fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		if info.IsDir() {
			entries, _ := os.ReadDir(p)
			for _, e := range entries {
				if !e.IsDir() {
					if info, err := e.Info(); err == nil {
						fmt.Fprintf(&b, "%s %d %d\n", filepath.Join(p, e.Name()), info.Size(), info.ModTime().UnixNano())
					}
				}
			}
		}
	}
	for _, p := range watch {
		add(p)
	}
	return b.String()
}
