package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// knownHeaders are the column titles recognised without -columns, in
// Korean and English, normalised by normHeader. Group columns ("2xx",
// "Client error") are read and ignored: the table's categories say that.
var knownHeaders = map[string]field{
	"code": fieldCode, "error code": fieldCode, "response code": fieldCode, "status code": fieldCode,
	"number": fieldCode, "no": fieldCode,
	"코드": fieldCode, "에러코드": fieldCode, "에러 코드": fieldCode, "오류코드": fieldCode, "오류 코드": fieldCode,
	"응답코드": fieldCode, "응답 코드": fieldCode, "상태코드": fieldCode, "상태 코드": fieldCode, "번호": fieldCode,

	"name": fieldWire, "wire name": fieldWire, "wire": fieldWire, "error name": fieldWire, "identifier": fieldWire,
	"이름": fieldWire, "에러명": fieldWire, "에러 이름": fieldWire, "오류명": fieldWire, "코드명": fieldWire,

	"message": fieldMessage, "메시지": fieldMessage, "메세지": fieldMessage,

	"description": fieldDescription, "설명": fieldDescription, "내용": fieldDescription,

	"status": fieldStatus, "http status": fieldStatus, "http 상태": fieldStatus, "http 상태 코드": fieldStatus, "상태": fieldStatus,

	"group": fieldSkip, "category": fieldSkip, "class": fieldSkip,
	"구분": fieldSkip, "코드구분": fieldSkip, "구분명": fieldSkip, "응답대역": fieldSkip, "분류": fieldSkip,
}

// langSuffix splits a text column's title from the language it names:
// "message (en)", "설명 [ko]", "message_ko", "message.en", "message:en".
var langSuffix = regexp.MustCompile(`^(.+?)\s*(?:\((\S+)\)|\[(\S+)\]|[_.:](\S+))$`)

// normHeader folds case, spaces and Markdown emphasis left in a title.
func normHeader(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "*_`")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// parseColumn reads a -columns value: field or field:lang.
func parseColumn(spec string) (column, error) {
	name, lang, _ := strings.Cut(spec, ":")
	f := field(strings.TrimSpace(name))
	switch f {
	case fieldCode, fieldWire, fieldStatus, fieldSkip:
		if lang != "" {
			return column{}, fmt.Errorf("%s takes no language", f)
		}
	case fieldMessage, fieldDescription:
	case "name":
		f = fieldWire
	default:
		return column{}, fmt.Errorf("unknown field %q; use code, name, message, description, status or - (skip), with :LANG for a text field", name)
	}
	return column{field: f, lang: strings.TrimSpace(lang)}, nil
}

// ParseColumns reads the -columns flag: `Header=field[:lang]` pairs
// separated by commas, e.g. `Error Message=name,Description=message:ko`.
func ParseColumns(s string) (map[string]column, error) {
	m := map[string]column{}
	for _, pair := range strings.Split(s, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		header, spec, ok := strings.Cut(pair, "=")
		if !ok || strings.TrimSpace(header) == "" {
			return nil, fmt.Errorf("-columns: %q is not Header=field", pair)
		}
		c, err := parseColumn(spec)
		if err != nil {
			return nil, fmt.Errorf("-columns %q: %v", pair, err)
		}
		m[normHeader(header)] = c
	}
	return m, nil
}

// ParseLangs reads the -lang flag: one tag for every text column (`ko`),
// or one per field (`message=en,description=ko`).
func ParseLangs(s string) (map[string]string, error) {
	m := map[string]string{}
	if s == "" {
		return m, nil
	}
	if !strings.Contains(s, "=") {
		m[string(fieldMessage)], m[string(fieldDescription)] = s, s
		return m, nil
	}
	for _, pair := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(pair, "=")
		f := field(strings.TrimSpace(k))
		if (f != fieldMessage && f != fieldDescription) || strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("-lang: %q is not message=TAG or description=TAG", pair)
		}
		m[string(f)] = strings.TrimSpace(v)
	}
	return m, nil
}

// resolveColumns gives every column of t its field and language, or
// reports the headers it cannot place.
func (im *importer) resolveColumns(t *sourceTable) bool {
	if t.columns == nil {
		t.columns = make([]column, len(t.header))
		for i, h := range t.header {
			key := normHeader(h.text)
			c, ok := im.opts.Columns[key]
			if !ok {
				f, known := knownHeaders[key]
				if m := langSuffix.FindStringSubmatch(key); !known && m != nil && slices.Contains(im.cat.langs, m[2]+m[3]+m[4]) {
					if f, known = knownHeaders[m[1]]; known && f != fieldMessage && f != fieldDescription {
						known = false
					}
					c.lang = m[2] + m[3] + m[4]
				}
				if !known {
					im.errorf(h.pos, "map it with -columns '"+strings.TrimSpace(h.text)+"=FIELD' (code, name, message, description, status, or - to skip it)",
						"column %q is not one errgen import knows", strings.TrimSpace(h.text))
					return false
				}
				c.field = f
			}
			t.columns[i] = c
		}
	}
	has := func(f field) bool { return slices.ContainsFunc(t.columns, func(c column) bool { return c.field == f }) }
	if !has(fieldCode) {
		im.errorf(t.pos, "map the column holding the numbers with -columns 'Header=code'", "the table has no code column")
		return false
	}
	// A table whose only text is a description (the source tables' 설명)
	// gives each code its message.
	if !has(fieldMessage) {
		for i, c := range t.columns {
			if c.field == fieldDescription {
				t.columns[i].field = fieldMessage
				break
			}
		}
	}
	for i, c := range t.columns {
		if (c.field == fieldMessage || c.field == fieldDescription) && c.lang == "" {
			lang, ok := im.lang(c.field)
			if !ok {
				return false
			}
			t.columns[i].lang = lang
		}
		for _, prev := range t.columns[:i] {
			if prev == t.columns[i] && c.field != fieldSkip {
				pos := t.pos
				if i < len(t.header) {
					pos = t.header[i].pos
				}
				im.errorf(pos, "map one of them to another field with -columns", "two columns fill %s", describeColumn(c))
				return false
			}
		}
	}
	return true
}

// lang is the language of a text field: from -lang, else the catalog's
// only language, else the language -lang gives the other text field.
func (im *importer) lang(f field) (string, bool) {
	if l, ok := im.opts.Langs[string(f)]; ok {
		if !slices.Contains(im.cat.langs, l) {
			im.errorf(catalog.Pos{File: im.srcName, Line: 1, Column: 1}, "declare it under `languages` in the catalog first; declared: "+strings.Join(im.cat.langs, ", "),
				"-lang %s is not a language of the catalog", l)
			return "", false
		}
		return l, true
	}
	if len(im.cat.langs) == 1 {
		return im.cat.langs[0], true
	}
	// A language given for one text field holds for the other.
	for _, other := range []field{fieldMessage, fieldDescription} {
		if _, ok := im.opts.Langs[string(other)]; ok && other != f {
			return im.lang(other)
		}
	}
	if !im.langReported {
		im.langReported = true
		im.errorf(catalog.Pos{File: im.srcName, Line: 1, Column: 1}, "say which with -lang TAG, or -lang message=TAG,description=TAG; the catalog has "+strings.Join(im.cat.langs, ", "),
			"the language of the source's text is not given")
	}
	return "", false
}

func describeColumn(c column) string {
	if c.lang != "" {
		return string(c.field) + " in " + c.lang
	}
	return string(c.field)
}
