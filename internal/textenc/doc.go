// Package textenc writes catalog text into every output context errgen
// emits, one function per context, each closing the threats of that
// context. Text from codes.yaml reaches a target only through here:
//
//	context              function                      threat it closes
//	line ends            LineEnds                      CR/CRLF ending a table row, a comment line, a literal
//	Go string literal    AppendGoString                quotes, backslashes, controls, invalid UTF-8 ending or hiding in the literal
//	Go comment           GoComment, GoCommentRune      NUL, BOM and controls Go source cannot hold or editors garble
//	JS string literal    WriteJSString, JSString       quotes, line terminators (LF, CR, U+2028, U+2029), Trojan Source
//	JSDoc comment        JSDocLines, JSDocText, JSDocURL  `*/` closing the comment, `@` starting a tag, text outside the margin
//	one-line plain text  OneLine                       a line break or control in text a tool pastes after `//`
//	JSON string          WriteJSONString               quotes, controls, U+2028/U+2029 for old JS readers
//	YAML scalar          YAML, YAMLLine, YAMLQuoted    indicators, null/bool/number look-alikes, folded line breaks, NEL/LS/PS
//	CommonMark block     CommonMark                    emphasis, links, raw HTML (<script>, handlers), entities, lists, code blocks
//	docs site Markdown   SiteText, SiteInline, SiteBlock, SiteCode, SiteFence
//	                                                   all of CommonMark's, plus Hugo shortcodes ({{< >}}, {{% %}}),
//	                                                   attribute braces {…}, definition lists, GFM table rows, raw HTML
//	                                                   that Hugo would drop (and the text with it)
//	identifiers          LowerCamel                    one casing rule for Go parameters and TypeScript value names
//
// Every function expects LF-only text: the loader passes every text
// through LineEnds before any target sees it. Package hostile holds the
// corpus the tests put through every context.
package textenc
