package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
)

// labelsFile is the name of the label table among the templates.
const labelsFile = "labels.yaml"

// Labels are the fixed words of the pages in one language, read from
// labels.yaml. They are Markdown written by the template author and are
// not escaped; Search, the words of the docs site's search, are plain text.
type Labels struct {
	Title          string   `yaml:"title"`
	Languages      string   `yaml:"languages"`
	Intro          string   `yaml:"intro"`
	Tables         string   `yaml:"tables"`
	Kinds          Kinds    `yaml:"kinds"`
	Reading        string   `yaml:"reading"`
	ReadingBody    string   `yaml:"reading_body"`
	Members        Members  `yaml:"members"`
	Example        string   `yaml:"example"`
	Code           string   `yaml:"code"`
	ID             string   `yaml:"id"`
	Wire           string   `yaml:"wire"`
	Status         string   `yaml:"status"`
	Message        string   `yaml:"message"`
	Retryable      string   `yaml:"retryable"`
	Deprecated     string   `yaml:"deprecated"`
	Yes            string   `yaml:"yes"`
	No             string   `yaml:"no"`
	Client         string   `yaml:"client"`
	ClientNote     string   `yaml:"client_note"`
	Range          string   `yaml:"range"`
	Categories     string   `yaml:"categories"`
	Category       string   `yaml:"category"`
	Reserved       string   `yaml:"reserved"`
	ReservedNote   string   `yaml:"reserved_note"`
	Reason         string   `yaml:"reason"`
	Description    string   `yaml:"description"`
	Reference      string   `yaml:"reference"`
	Headers        string   `yaml:"headers"`
	HeadersIntro   string   `yaml:"headers_intro"`
	Header         string   `yaml:"header"`
	Requirement    string   `yaml:"requirement"`
	Requirements   Keywords `yaml:"requirements"`
	Params         string   `yaml:"params"`
	ParamsIntro    string   `yaml:"params_intro"`
	Param          string   `yaml:"param"`
	Type           string   `yaml:"type"`
	ParamExample   string   `yaml:"param_example"`
	Problem        string   `yaml:"problem"`
	ProblemIntro   string   `yaml:"problem_intro"`
	NoProblem      string   `yaml:"no_problem"`
	DeprecatedNote string   `yaml:"deprecated_note"`
	Resolution     string   `yaml:"resolution"`
	Causes         string   `yaml:"causes"`
	Handle         string   `yaml:"handle"`
	SentWith       string   `yaml:"sent_with"`
	SameWire       string   `yaml:"same_wire"`
	More           string   `yaml:"more"`
	Replacement    string   `yaml:"replacement"`
	OtherLanguages string   `yaml:"other_languages"`
	AllTables      string   `yaml:"all_tables"`
	Codes          string   `yaml:"codes"`
	Previous       string   `yaml:"previous"`
	Next           string   `yaml:"next"`
	Search         Search   `yaml:"search"`
}

// Kinds explains each of the three tables in a sentence.
type Kinds struct {
	HTTP     string `yaml:"http"`
	Response string `yaml:"response"`
	Error    string `yaml:"error"`
}

// Keywords are the words for the RFC 2119 keywords of the header table, so a
// page in another language need not show English ones.
type Keywords struct {
	Must   string `yaml:"MUST"`
	Should string `yaml:"SHOULD"`
	May    string `yaml:"MAY"`
}

// Members explains each member of an RFC 9457 problem body.
type Members struct {
	Type   string `yaml:"type"`
	Title  string `yaml:"title"`
	Status string `yaml:"status"`
	Detail string `yaml:"detail"`
	Code   string `yaml:"code"`
	Name   string `yaml:"name"`
}

// Search are the words of the docs site's search box (Pagefind's default
// UI), as plain text: errgen writes them to site.json, and the site hands
// them to the search box as its translations, which shows them as they are.
// The JSON names are Pagefind's; in the counts, [COUNT] stands for the number
// of results and [SEARCH_TERM] for the query.
type Search struct {
	Placeholder  string `json:"placeholder" yaml:"placeholder"`     // the search field's placeholder
	ClearSearch  string `json:"clear_search" yaml:"clear_search"`   // the button that clears the query
	LoadMore     string `json:"load_more" yaml:"load_more"`         // the button under the first results
	SearchLabel  string `json:"search_label" yaml:"search_label"`   // the search field, for screen readers
	FiltersLabel string `json:"filters_label" yaml:"filters_label"` // the filter panel, for screen readers
	ZeroResults  string `json:"zero_results" yaml:"zero_results"`   // a query that found nothing
	ManyResults  string `json:"many_results" yaml:"many_results"`   // a query that found [COUNT] pages
	OneResult    string `json:"one_result" yaml:"one_result"`       // a query that found one page
	Searching    string `json:"searching" yaml:"searching"`         // while the query runs
}

// parseLabels reads a label table: a mapping from language tag to Labels.
// Unknown keys are errors, and so is a language that lacks a label, so an
// override cannot silently leave a page half-written. name is the file as
// the user knows it, for the messages (name:line: problem).
func parseLabels(name string, data []byte) (map[string]Labels, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var labels map[string]Labels
	if err := dec.Decode(&labels); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	// A second pass over the nodes finds the line of each language, to say
	// where a label is missing.
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(name, err)
	}
	lines := map[string]int{}
	if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			lines[m.Content[i].Value] = m.Content[i].Line
		}
	}
	var problems []string
	tags := make([]string, 0, len(labels))
	for tag := range labels {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	for _, tag := range tags {
		for _, key := range missingLabels(reflect.ValueOf(labels[tag]), "") {
			problems = append(problems, fmt.Sprintf("%s:%d: language %s has no label %q", name, lines[tag], tag, key))
		}
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return labels, nil
}

// yamlError restates yaml.v3's errors as name:LINE: problem, one a line.
func yamlError(name string, err error) error {
	var msgs []string
	for _, p := range catalog.YAMLProblems(err) {
		if p.Line > 0 {
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s", name, p.Line, p.Message))
		} else {
			msgs = append(msgs, name+": "+p.Message)
		}
	}
	return errors.New(strings.Join(msgs, "\n"))
}

// missingLabels lists the yaml keys of the empty strings in v, a struct.
func missingLabels(v reflect.Value, prefix string) []string {
	var missing []string
	for i := range v.NumField() {
		key := prefix + strings.Split(v.Type().Field(i).Tag.Get("yaml"), ",")[0]
		switch f := v.Field(i); f.Kind() {
		case reflect.Struct:
			missing = append(missing, missingLabels(f, key+".")...)
		case reflect.String:
			if strings.TrimSpace(f.String()) == "" {
				missing = append(missing, key)
			}
		}
	}
	return missing
}
