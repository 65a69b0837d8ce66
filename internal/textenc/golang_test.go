package textenc

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/textenc/hostile"
)

// goHostile is the hostile corpus's texts.
func goHostile() []string {
	var texts []string
	for _, c := range hostile.Classes {
		texts = append(texts, c.Text)
	}
	return texts
}

// TestAppendGoString holds AppendGoString to strconv.Quote, which jen.Lit uses.
func TestAppendGoString(t *testing.T) {
	for _, r := range printRanges {
		for c := r[0]; c <= r[1]; c++ {
			if !strconv.IsPrint(c) {
				t.Fatalf("U+%04X is in printRanges but strconv.IsPrint is false", c)
			}
		}
	}
	inputs := append([]string{"", "\x00\x01", "\xff\xfe invalid", "\u2028\u2029", "\u00ad", "\\\"", "\a\b\f\n\r\t\v\x7f"}, goHostile()...)
	rng := rand.New(rand.NewPCG(7, 7))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			switch rng.IntN(4) {
			case 0:
				b.WriteByte(byte(rng.IntN(256)))
			case 1:
				b.WriteRune(rune(rng.IntN(0x11000)))
			case 2:
				b.WriteRune(rune(0xac00 + rng.IntN(11172)))
			default:
				b.WriteString(goHostile()[rng.IntN(len(hostile.Classes))])
			}
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		if got, want := string(AppendGoString(nil, s)), strconv.Quote(s); got != want {
			t.Fatalf("AppendGoString(%q) = %s, want %s", s, got, want)
		}
	}
}
