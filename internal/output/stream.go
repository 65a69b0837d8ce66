package output

import (
	"bytes"
	"errors"
	"io"
	"os"
)

// putWritten is Put for an existing file and a File with Write: the
// bytes are compared with the file as they are written, and only from
// the first difference on are they staged, after the file's bytes up to
// there. Neither the old nor the new file is ever held whole.
func (c *Commit) putWritten(f File, full string) error {
	old, err := openFile(full, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer old.Close()
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	sc := &streamCompare{old: old, target: full, buf: *bp}
	defer sc.abort()
	if err := writeBuffered(sc, f.Write); err != nil {
		return err
	}
	if sc.tmp == nil {
		// Every byte written matched: the file is the same unless it
		// goes on.
		info, err := old.Stat()
		if err != nil || info.Size() == sc.off {
			return err
		}
		if err := sc.diverge(); err != nil {
			return err
		}
	}
	head := make([]byte, markerWindow)
	n, err := old.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if !IsGenerated(head[:n]) {
		return c.conflict(f.Path, notGenerated)
	}
	if err := sc.tmp.Close(); err != nil {
		return err
	}
	c.add(Change{Path: f.Path, Kind: Update, staged: sc.name})
	sc.tmp = nil // staged: Abort or Finish removes it
	return nil
}

// streamCompare is the writer putWritten writes through: it reads the old
// file alongside, and once a byte differs it writes to a staged file.
type streamCompare struct {
	old    *os.File
	target string
	off    int64    // bytes written that matched the old file
	buf    []byte   // reads of the old file
	tmp    *os.File // the staged file, from the first difference on
	name   string
}

func (s *streamCompare) Write(p []byte) (int, error) {
	if s.tmp != nil {
		return s.tmp.Write(p)
	}
	for done := 0; done < len(p); {
		chunk := p[done:min(len(p), done+len(s.buf))]
		n, err := io.ReadFull(s.old, s.buf[:len(chunk)])
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return done, err
		}
		if n < len(chunk) || !bytes.Equal(s.buf[:n], chunk) {
			if err := s.diverge(); err != nil {
				return done, err
			}
			if _, err := s.tmp.Write(p[done:]); err != nil {
				return done, err
			}
			return len(p), nil
		}
		done += len(chunk)
		s.off += int64(len(chunk))
	}
	return len(p), nil
}

// diverge starts the staged file with the old file's first off bytes,
// which are the new file's too.
func (s *streamCompare) diverge() (err error) {
	if s.name, s.tmp, err = openStaged(s.target); err != nil {
		return err
	}
	_, err = io.Copy(s.tmp, io.NewSectionReader(s.old, 0, s.off))
	return err
}

// abort removes a staged file that was not handed to the Commit.
func (s *streamCompare) abort() {
	if s.tmp != nil {
		s.tmp.Close()
		os.Remove(s.name)
	}
}
