package textenc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// GoCommentRune reports whether a rune that is not white space may stand in
// a comment as it is. Go source cannot hold NUL or a byte order mark, and
// other control characters would garble the comment in an editor: those
// are written as their escapes (\x00, \a, \u0085 …). Text from codes.yaml
// is valid UTF-8, so no invalid byte reaches here.
func GoCommentRune(r rune) bool {
	return !unicode.IsControl(r) && r != '\ufeff' && r != utf8.RuneError
}

// AppendGoEscape appends r as strconv.QuoteRune escapes it, without quotes.
func AppendGoEscape(dst []byte, r rune) []byte {
	q := strconv.QuoteRune(r)
	return append(dst, q[1:len(q)-1]...)
}

// GoComment escapes in s what a Go comment cannot hold; see GoCommentRune.
func GoComment(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsSpace(r) && !GoCommentRune(r) }) {
		return s
	}
	var b []byte
	for _, r := range s {
		if !unicode.IsSpace(r) && !GoCommentRune(r) {
			b = AppendGoEscape(b, r)
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// AppendGoString appends s as a Go string literal, exactly as strconv.Quote (and so jen.Lit)
// quotes it, faster for the text catalogs hold: runs of printable ASCII
// and of runes in printRanges are copied as they are, and only the other
// runes go through strconv one at a time. (strconv checks every rune of a
// megabyte of Korean against its tables.) TestAppendGoString holds it to
// strconv.Quote.
func AppendGoString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	run := 0 // start of the bytes not yet copied
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f && c != '"' && c != '\\' {
			i++
			continue
		}
		size := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if goPrintable(r) {
				i += size
				continue
			}
		}
		dst = append(dst, s[run:i]...)
		n := len(dst)
		dst = strconv.AppendQuote(dst, s[i:i+size])
		// Drop the quotes strconv put around the one rune.
		copy(dst[n:], dst[n+1:len(dst)-1])
		dst = dst[:len(dst)-2]
		i += size
		run = i
	}
	dst = append(dst, s[run:]...)
	return append(dst, '"')
}

// printRanges are ranges of runes strconv.IsPrint reports printable, all
// assigned since Unicode 14: Latin-1 letters and signs, general
// punctuation, kana, CJK ideographs and Hangul syllables.
var printRanges = [...][2]rune{
	{0x00a1, 0x00ac}, {0x00ae, 0x00ff},
	{0x2010, 0x2027},
	{0x3041, 0x3096}, {0x30a0, 0x30ff},
	{0x4e00, 0x9fff},
	{0xac00, 0xd7a3},
}

func goPrintable(r rune) bool {
	for _, g := range printRanges {
		if r >= g[0] && r <= g[1] {
			return true
		}
	}
	return false
}
