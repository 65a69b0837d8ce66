package importer

import (
	"strings"
	"unicode"

	"github.com/errgen/errgen/internal/catalog"
)

// maxIDWords bounds an id made from English text: a title ("Not found")
// names a code, a sentence does not.
const maxIDWords = 5

// identifier names a new code: its wire name, else its English message,
// else a placeholder the loader refuses until a person names the code.
// An id already taken in the table is not reused.
func (m *merger) identifier(r Row) string {
	id := ""
	switch {
	case r.Wire.text != "":
		id = wireID(r.Wire.text)
	default:
		for _, t := range r.Texts {
			if t.field == fieldMessage && t.lang == "en" {
				id = pascal(t.text)
			}
		}
	}
	if id == "" || !catalog.ValidID(id) || m.cat.ids[id] {
		id = catalog.PlaceholderID(r.Number)
	}
	m.cat.ids[id] = true
	return id
}

// wireID is the id of a wire name: a PascalCase name as it is, and
// SNAKE_CASE, kebab-case or camelCase in PascalCase (ROOM_ARCHIVED,
// room-archived and roomArchived → RoomArchived).
func wireID(wire string) string {
	words := strings.FieldsFunc(wire, func(r rune) bool { return r == '_' || r == '-' })
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		if len(words) > 1 && strings.ToUpper(w) == w {
			w = strings.ToLower(w)
		}
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// pascal makes PascalCase from a short English title: "Request-URI too
// long" → RequestURITooLong, "I'm a teapot" → ImATeapot. It returns ""
// for text that is not such a title.
func pascal(s string) string {
	s = strings.NewReplacer("'", "", "’", "").Replace(s)
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > maxIDWords {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		r := []rune(w)
		if r[0] > unicode.MaxASCII {
			return ""
		}
		b.WriteString(strings.ToUpper(string(r[0])) + string(r[1:]))
	}
	return b.String()
}
