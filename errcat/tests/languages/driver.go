// The Go side of the agreement tests (errcat/tests/languages_support):
// reads the queries file named by its argument, answers each through the
// generated module's public API alone, and prints the answers as one JSON
// object: {"lookups": [anchor or null, ...], "codes": [anchor or null, ...],
// "routes": [endpoint slug or null, ...], "texts": [entry texts or null,
// ...], "endpoints": [endpoint texts or null, ...]}. Go keeps an absent
// text as "" and an absent status as 0: both answer null. Its module holds
// no examples (the runner says so: the harness does not ask for them).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	catalog "errcattest/errcatalog"
)

type queries struct {
	// Lookups are [endpoint slug (null: the general table), status] pairs.
	Lookups [][]json.RawMessage `json:"lookups"`
	// Codes are application codes as sent: strings (or JSON numbers).
	Codes []json.RawMessage `json:"codes"`
	// Routes are [method, path] pairs.
	Routes [][2]string `json:"routes"`
	// Texts are entries' anchors.
	Texts []string `json:"texts"`
	// Endpoints are endpoints' slugs.
	Endpoints []string `json:"endpoints"`
}

type answers struct {
	Lookups []*string `json:"lookups"`
	Codes   []*string `json:"codes"`
	Routes  []*string `json:"routes"`
	// Texts are each entry's texts, nil for an anchor the module lacks.
	Texts []map[string]interface{} `json:"texts"`
	// Endpoints are each endpoint's texts, nil for a slug it lacks.
	Endpoints []map[string]interface{} `json:"endpoints"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}

func run() error {
	if len(os.Args) != 2 {
		return fmt.Errorf("usage: driver QUERIES.json")
	}
	text, err := os.ReadFile(os.Args[1])
	if err != nil {
		return err
	}
	var q queries
	if err := json.Unmarshal(text, &q); err != nil {
		return err
	}
	a := answers{
		Lookups:   make([]*string, 0, len(q.Lookups)),
		Codes:     make([]*string, 0, len(q.Codes)),
		Routes:    make([]*string, 0, len(q.Routes)),
		Texts:     make([]map[string]interface{}, 0, len(q.Texts)),
		Endpoints: make([]map[string]interface{}, 0, len(q.Endpoints)),
	}
	for _, pair := range q.Lookups {
		e, err := lookup(pair)
		if err != nil {
			return err
		}
		a.Lookups = append(a.Lookups, anchor(e))
	}
	for _, raw := range q.Codes {
		code, err := codeText(raw)
		if err != nil {
			return err
		}
		a.Codes = append(a.Codes, anchor(catalog.LookupCode(code)))
	}
	for _, r := range q.Routes {
		var slug *string
		if endpoint, ok := catalog.Route(r[0], r[1]); ok {
			s := endpoint.Slug()
			slug = &s
		}
		a.Routes = append(a.Routes, slug)
	}
	byAnchor := map[string]*catalog.Entry{}
	for _, e := range append(append([]*catalog.Entry{}, catalog.Entries...), catalog.Codes...) {
		byAnchor[e.Anchor] = e
	}
	for _, wanted := range q.Texts {
		a.Texts = append(a.Texts, texts(byAnchor[wanted]))
	}
	for _, slug := range q.Endpoints {
		a.Endpoints = append(a.Endpoints, endpointTexts(slug))
	}
	out, err := json.Marshal(a)
	if err != nil {
		return err
	}
	fmt.Println(string(out))
	return nil
}

// lookup answers one [endpoint slug, status] pair; a slug no endpoint has
// answers nil, a null one looks in the general table.
func lookup(pair []json.RawMessage) (*catalog.Entry, error) {
	if len(pair) != 2 {
		return nil, fmt.Errorf("a lookup is [endpoint, status], not %d values", len(pair))
	}
	var status int
	if err := json.Unmarshal(pair[1], &status); err != nil {
		return nil, err
	}
	var slug *string
	if err := json.Unmarshal(pair[0], &slug); err != nil {
		return nil, err
	}
	if slug == nil {
		return catalog.Lookup(catalog.NoEndpoint, status), nil
	}
	for _, e := range catalog.Endpoints {
		if e.Slug() == *slug {
			return catalog.Lookup(e, status), nil
		}
	}
	return nil, nil
}

// codeText is a code as sent: a JSON string, or a number's decimal text.
func codeText(raw json.RawMessage) (string, error) {
	var code string
	if err := json.Unmarshal(raw, &code); err == nil {
		return code, nil
	}
	var n json.Number
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&n); err != nil {
		return "", fmt.Errorf("a code is a string or a number: %s", raw)
	}
	return n.String(), nil
}

func anchor(e *catalog.Entry) *string {
	if e == nil {
		return nil
	}
	return &e.Anchor
}

// texts is an entry's texts in the harness's shape; nil for no entry.
func texts(e *catalog.Entry) map[string]interface{} {
	if e == nil {
		return nil
	}
	listed := e.ListedCodes
	if listed == nil {
		listed = []string{}
	}
	var status interface{}
	if e.Status != 0 {
		status = e.Status
	}
	return map[string]interface{}{
		"meaning":           e.Meaning,
		"description":       orNil(e.Description),
		"resolution":        orNil(e.Resolution),
		"plain_meaning":     e.PlainMeaning,
		"plain_description": orNil(e.PlainDescription),
		"plain_resolution":  orNil(e.PlainResolution),
		"status":            status,
		"app_code":          orNil(e.AppCode),
		"listed_codes":      listed,
		"retryable":         e.Retryable,
		"deprecated":        orNil(e.Deprecated),
		"url":               e.URL,
	}
}

// endpointTexts is an endpoint's texts in the harness's shape; nil for a
// slug no endpoint has.
func endpointTexts(slug string) map[string]interface{} {
	for _, e := range catalog.Endpoints {
		if e.Slug() == slug {
			return map[string]interface{}{
				"name":       e.Name(),
				"method":     e.Method(),
				"path":       e.Path(),
				"deprecated": orNil(e.Deprecated()),
			}
		}
	}
	return nil
}

// orNil is nil for "", Go's absent text.
func orNil(s string) interface{} {
	if s == "" {
		return nil
	}
	return s
}
