package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {1000, 1}, {1000, 3}, {5, 16}, {10, 0}} {
		counts := make([]atomic.Int32, tc.n)
		var running, peak atomic.Int32
		For(tc.n, tc.workers, func(i int) {
			now := running.Add(1)
			for {
				p := peak.Load()
				if now <= p || peak.CompareAndSwap(p, now) {
					break
				}
			}
			counts[i].Add(1)
			running.Add(-1)
		})
		for i := range counts {
			if counts[i].Load() != 1 {
				t.Fatalf("n=%d workers=%d: step %d ran %d times", tc.n, tc.workers, i, counts[i].Load())
			}
		}
		if int(peak.Load()) > max(tc.workers, 1) {
			t.Errorf("n=%d workers=%d: %d steps ran at once", tc.n, tc.workers, peak.Load())
		}
	}
}
