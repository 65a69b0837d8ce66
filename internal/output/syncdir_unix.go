//go:build unix

package output

import "os"

// syncDir makes the names in folder dir durable: a file just created or
// renamed there survives a power loss only once its folder is synced.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
