// Package parallel runs independent steps of a loop on several goroutines.
package parallel

import (
	"sync"
	"sync/atomic"
)

// For calls step(i) for every i in [0, n), on at most workers goroutines
// at once (at least one), and returns when all calls have. Steps are handed out in order;
// a step that writes only its own index of a slice needs no locking, so
// results keep the loop's order whatever the schedule.
func For(n, workers int, step func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(workers, 1), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				step(i)
			}
		})
	}
	wg.Wait()
}
