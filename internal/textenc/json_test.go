package textenc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestWriteJSONString compares WriteJSONString's fast path with
// encoding/json.
func TestWriteJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", "한국어 메시지", "emoji 🎉", `"quoted" \back`, "tab\there", "line\nbreak", "a\r\nb",
		"nul\x00", "bell\a", "del\x7f", "nel\u0085", "ls\u2028ps\u2029", "bom\ufeff", "<a href=\"x\">&amp;</a>",
		"bad \xff utf-8", "\ufffd", "{{< shortcode >}}"} {
		var want strings.Builder
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSONString(&got, s); err != nil {
			t.Fatal(err)
		}
		if got.String() != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("WriteJSONString(%q) = %s, encoding/json writes %s", s, got.String(), want.String())
		}
	}
}
