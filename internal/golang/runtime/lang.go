package runtime

import (
	"strconv"
	"strings"
)

// DefaultLanguage is the language messages and docs links fall back to.
const DefaultLanguage = "en"

// docsBaseURL is the root of the docs: the page of a code is
// {docsBaseURL}/{lang}/{table}/{number}.
const docsBaseURL = "https://docs.example.com/codes"

// languageTags lists the languages of the messages in declaration order;
// defaultLang is the index of DefaultLanguage.
var languageTags = [...]string{"en", "ko"}

const defaultLang = 0

// Languages returns the tags of the languages messages exist in, in
// declaration order.
func Languages() []string {
	tags := languageTags
	return tags[:]
}

// findLanguage returns the index of the language tag names, matching
// case-insensitively and then without its last subtag, or -1.
func findLanguage(tag string) int {
	for tag != "" {
		for i, t := range languageTags {
			if strings.EqualFold(t, tag) {
				return i
			}
		}
		i := strings.LastIndexByte(tag, '-')
		if i < 0 {
			break
		}
		tag = tag[:i]
	}
	return -1
}

// langIndex is findLanguage falling back to the default language.
func langIndex(lang string) int {
	if i := findLanguage(lang); i >= 0 {
		return i
	}
	return defaultLang
}

// MatchLanguage returns the language of Languages that an Accept-Language
// header value prefers: the match with the highest weight, the first of
// equals, where * stands for DefaultLanguage. It returns DefaultLanguage when
// nothing matches.
func MatchLanguage(accept string) string {
	best, bestQ := defaultLang, 0.0
	for accept != "" {
		var item string
		item, accept, _ = strings.Cut(accept, ",")
		tag, params, _ := strings.Cut(item, ";")
		q := 1.0
		for params != "" {
			var param string
			param, params, _ = strings.Cut(params, ";")
			if k, v, ok := strings.Cut(param, "="); ok && strings.TrimSpace(k) == "q" {
				var err error
				if q, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
					q = 0
				}
			}
		}
		if q <= bestQ {
			continue
		}
		i := defaultLang
		if tag = strings.TrimSpace(tag); tag != "*" {
			if i = findLanguage(tag); i < 0 {
				continue
			}
		}
		best, bestQ = i, q
	}
	return languageTags[best]
}
