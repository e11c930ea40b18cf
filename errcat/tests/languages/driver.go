// The Go side of the agreement test (errcat/tests/languages.rs): reads the
// queries file named by its argument, answers each through the generated
// module's public API alone, and prints the answers as one JSON object:
// {"lookups": [anchor or null, ...], "codes": [anchor or null, ...],
// "routes": [endpoint slug or null, ...]}.
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
}

type answers struct {
	Lookups []*string `json:"lookups"`
	Codes   []*string `json:"codes"`
	Routes  []*string `json:"routes"`
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
		Lookups: make([]*string, 0, len(q.Lookups)),
		Codes:   make([]*string, 0, len(q.Codes)),
		Routes:  make([]*string, 0, len(q.Routes)),
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
