//go:build legacy

// Package legacy is the old order API, built only with -tags legacy.
package legacy

import "example.com/shop/out/go/codes"

// Missing is what the old API returns for an unknown order.
func Missing() error {
	return codes.OrderMissing
}
