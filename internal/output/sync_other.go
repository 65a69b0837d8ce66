//go:build !linux

package output

// syncStaged makes the staged files' bytes durable before the journal
// commits to renaming them: where no syncfs exists, one at a time.
func syncStaged(_ string, staged []string) error { return syncFiles(staged) }
