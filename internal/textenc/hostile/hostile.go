// Package hostile is a corpus of catalog text that has broken, or could
// break, one of the output contexts of package textenc: one entry per
// class of threat. Tests put every entry in every position a catalog text
// can take and check the real consumer shows it as written.
package hostile

// Class is one kind of hostile text.
type Class struct {
	Name string // a short name, for failures
	Text string // as the model holds it: LF line ends, no refused character
}

// Classes is the corpus, at least one entry per threat textenc names.
var Classes = []Class{
	{"attrs-paragraph-end", "Hover me {onmouseover=alert(document.domain) style=color:red}"},
	{"attrs-dollar", "Price ${x}"},
	{"attrs-class", "text {.red #id data-x=1}"},
	{"attrs-alone", "{onclick=alert(1)}"},
	{"heading-anchor", "Title {#custom-anchor}"},
	{"vue-interpolation", "{{ 7*7 }} and {{ constructor.constructor('alert(1)')() }}"},
	{"vue-directive", `<div v-if="true" @click="alert(1)" :title="x">v</div>`},
	{"container", "::: warning\nInjected\n:::"},
	{"container-inline", "text ::: danger"},
	{"raw-html", "<b>bold</b> <i>it</i> <img src=x onerror=alert(1)>"},
	{"script", `</script><script>alert("x")</script>`},
	{"html-comment", "<!-- hidden --> <!--more-->"},
	{"javascript-link", "[click](javascript:alert(1)) and ![img](javascript:alert(2))"},
	{"autolink", "<https://evil.example/> <mailto:a@b.c> <a@b.c>"},
	{"bare-url", "https://evil.example/x www.evil.example user@evil.example"},
	{"reference-link", "[x][1]\n\n[1]: javascript:alert(1)"},
	{"entities", "&amp; &lt;b&gt; &#60;script&#62; &copy; &#x26;"},
	{"emoji-shortcode", ":smile: :+1: :warning:"},
	{"emphasis", "*star* _under_ **bold** __strong__ ~~strike~~ ~sub~ ^sup^ ==mark=="},
	{"code-span", "`code` ``double`` ```triple```"},
	{"fence", "```js\nalert(1)\n```"},
	{"tilde-fence", "~~~\nx\n~~~"},
	{"heading-start", "# Heading\n## Two"},
	{"setext", "Title\n===\nSub\n---"},
	{"list-start", "- item\n+ item\n* item\n1. one\n2) two"},
	{"blockquote", "> quoted\n>> nested"},
	{"table-pipe", "a | b || c \\| d"},
	{"table-row", "| x | y |\n| --- | --- |\n| 1 | 2 |"},
	{"footnote", "text[^1]\n\n[^1]: note"},
	{"task-list", "[ ] todo [x] done"},
	{"definition-list", "term\n: definition"},
	{"hugo-shortcode", `{{< param "x" >}} {{< ref "/" >}}`},
	{"hugo-shortcode-percent", `{{% param "x" %}}`},
	{"hugo-shortcode-comment", `{{</* figure */>}}`},
	{"hugo-template", "{{ .Site.Title }} {{ range . }}x{{ end }}"},
	{"go-template", "{{define \"x\"}}{{template \"y\"}}"},
	{"indented-code", "    four spaces\n\ttab"},
	{"hard-break", "trailing  \nspaces\\\nbackslash"},
	{"backslashes", `\ \\ \* \{ \n`},
	{"line-breaks", "line one\nline two\n\nnew paragraph"},
	{"crlf-was", "was CRLF\nwas CR\nend"},
	{"thematic-break", "***\n___\n- - -"},
	{"quotes", `"double" 'single' ‘curly’ “curly” -- --- ... (c) (tm) +-`},
	{"percent-format", "%v %s %d %!x %%"},
	{"js-template", "${alert(1)} `${x}`"},
	{"comment-closers", "*/ /* // <!-- --> -->"},
	{"yaml-like", "--- \n- item\n? key\n: value # comment\n'&anchor *alias !tag |"},
	{"json-like", `{"a": [1, {"b": null}]} {{"x"}}`},
	{"bidi-allowed", "ZWJ family 👨\u200d👩\u200d👧 ZWNJ می\u200cخواهم"},
	{"separators", "line\u2028separator paragraph\u2029separator no-break\u00a0space soft\u00adhyphen"},
	{"emoji", "🚀 🇰🇷 𝕏 é ñ 中文 한국어"},
	{"rtl-text", "שלום عربي"},
	{"long-word", longWord},
	{"long-url", "https://example.com/" + longWord},
	{"math", "$x^2$ $$y$$ \\(z\\)"},
	{"mention", "@everyone #123 !important"},
}

const longWord = "Pneumonoultramicroscopicsilicovolcanoconiosis" +
	"Pneumonoultramicroscopicsilicovolcanoconiosis" +
	"Pneumonoultramicroscopicsilicovolcanoconiosis" +
	"Pneumonoultramicroscopicsilicovolcanoconiosis" +
	"가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하"
