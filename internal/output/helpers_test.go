package output

// writeFiles makes disk match files under dir, as Begin, Put and Finish
// do; beforeRename, when set, runs before each change is applied.
func writeFiles(root, dir string, files []File, beforeRename func(string) error) ([]Change, error) {
	c, err := Begin(root, dir)
	if err != nil {
		return nil, err
	}
	c.beforeRename = beforeRename
	return putAll(c, files)
}

// plan compares files with disk, writing nothing.
func plan(root, dir string, files []File) ([]Change, error) {
	c, err := Compare(root, dir)
	if err != nil {
		return nil, err
	}
	return putAll(c, files)
}

func putAll(c *Commit, files []File) ([]Change, error) {
	for _, f := range files {
		if err := c.Put(f); err != nil {
			c.Abort()
			return nil, err
		}
	}
	return c.Finish()
}
