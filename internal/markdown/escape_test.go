package markdown

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct {
		fn   func(string) string
		name string
		in   string
		want string
	}{
		{escapeInline, "md", "plain text, 한국어", "plain text, 한국어"},
		{escapeInline, "md", "a | b", `a \| b`},
		{escapeInline, "md", "`code` *em* _em_ ~~s~~", "\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~"},
		{escapeInline, "md", "<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{escapeInline, "md", "[x](javascript:y) &amp; #1 \\", `\[x\](javascript:y) \&amp; \#1 \\`},
		{escapeInline, "md", "one\ntwo | three", `one<br>two \| three`},
		{escapeInline, "md", "    - item", `\- item`},
		{escapeInline, "md", "1. one", `1\. one`},
		{escapeInline, "md", "2024) year", `2024\) year`},
		{escapeInline, "md", "::: tip", `\::: tip`},
		{escapeInline, "md", "a {{ b }}", `<span v-pre>a {{ b }}</span>`},
		{escapeInline, "md", "a }} b", `<span v-pre>a }} b</span>`},
		{escapeInline, "md", "{ a } { b }", `{ a } { b }`},
		{escapeBlock, "para", "one\ntwo\n\n\n- three", "one\\\ntwo\n\n\\- three"},
		{escapeBlock, "para", "    code?\n  {{x}}", "code?\\\n<span v-pre>{{x}}</span>"},
		{codeSpan, "code", "Retry-After", "`Retry-After`"},
		{codeSpan, "code", "a|b", `a\|b`},
		{codeSpan, "code", "a`b", "a\\`b"},
		{codeSpan, "code", "{{x}}", `<span v-pre>{{x}}</span>`},
		{codeSpan, "code", " padded", "padded"},
		{codeSpan, "code", "", ""},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestFence(t *testing.T) {
	if got, want := fence("json", "a ``` b"), "````json\na ``` b\n````"; got != want {
		t.Errorf("fence = %q, want %q", got, want)
	}
	if got, want := fence("json", "{}"), "```json\n{}\n```"; got != want {
		t.Errorf("fence = %q, want %q", got, want)
	}
}

func TestYAMLString(t *testing.T) {
	got, err := yamlString("a \"b\" <c>\n: d")
	if want := `"a \"b\" <c>\n: d"`; err != nil || got != want {
		t.Errorf("yaml = %q, %v; want %q", got, err, want)
	}
}
