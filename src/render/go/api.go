// Endpoint is one endpoint of the catalogue, the table of its entries on the
// docs page. The zero Endpoint, NoEndpoint, is none: the endpoint of a
// general-table entry and of an application code.
type Endpoint int

// Entry is one row of the catalogue: what a status means for one endpoint
// (or for any endpoint, in the general table), or one application code of
// the catalogue's registry. Texts are inline Markdown as written in the
// catalogue; the Plain fields hold them with the markup removed. A field an
// entry lacks holds its zero value.
type Entry struct {
	// Endpoint is the endpoint whose table holds the entry; NoEndpoint for
	// the general table and for an application code.
	Endpoint Endpoint
	// Status is the HTTP status; 0 for an application code documented with
	// any status.
	Status int
	// AppCode is the application code as the API sends it (an integer code
	// in decimal); "" for a table row.
	AppCode string
	// ListedCodes are the application codes a table row documents under its
	// status, as sent; nil for a code's entry.
	ListedCodes []string
	// Meaning is the short meaning, usually the reason phrase.
	Meaning string
	// Description is what the status or code means here.
	Description string
	// Resolution is what the caller should do.
	Resolution string
	// PlainMeaning is Meaning without markup.
	PlainMeaning string
	// PlainDescription is Description without markup.
	PlainDescription string
	// PlainResolution is Resolution without markup.
	PlainResolution string
	// Retryable reports whether a later retry of the same request may
	// succeed.
	Retryable bool
	// Deprecated says why the entry is deprecated and what to use instead.
	Deprecated string
	// Anchor is the entry's anchor on the docs page.
	Anchor string
	// URL is the entry's URL on the docs page: the page's URL, "#", Anchor.
	URL string
}

// IsGeneral reports whether the entry is from the general table (not an
// endpoint's row, nor an application code).
func (e *Entry) IsGeneral() bool {
	return e.Endpoint == NoEndpoint && e.AppCode == ""
}

// endpointInfo is what the catalogue says of one endpoint.
type endpointInfo struct {
	name, slug, ident, method, path, deprecated string
	// entries are its own table's rows, in page order.
	entries []*Entry
}

// info is the endpoint's row of endpoints; NoEndpoint's (the general table)
// for any value that is not one of the catalogue's endpoints.
func (e Endpoint) info() *endpointInfo {
	if e < 0 || int(e) >= len(endpoints) {
		return &endpoints[NoEndpoint]
	}
	return &endpoints[e]
}

// Name is the name the page heads the endpoint's table with; "" for
// NoEndpoint.
func (e Endpoint) Name() string { return e.info().name }

// Slug is the endpoint's kebab-case slug, the anchor of its table.
func (e Endpoint) Slug() string { return e.info().slug }

// Method is the endpoint's HTTP method ("GET").
func (e Endpoint) Method() string { return e.info().method }

// Path is the endpoint's path template, parameters in braces.
func (e Endpoint) Path() string { return e.info().path }

// Deprecated says why the endpoint is deprecated and what to use instead;
// "" when it is not.
func (e Endpoint) Deprecated() string { return e.info().deprecated }

// Entries are the endpoint's own entries, in page order (not the general
// table's); for NoEndpoint, the general table's. The slice is shared: do not
// modify it.
func (e Endpoint) Entries() []*Entry { return e.info().entries }

// String is the endpoint's name.
func (e Endpoint) String() string { return e.Name() }

// ParseEndpoint finds an endpoint by its name, slug or Rust identifier,
// ignoring ASCII case.
func ParseEndpoint(s string) (Endpoint, bool) {
	for _, e := range Endpoints {
		i := e.info()
		if equalFoldASCII(s, i.name) || equalFoldASCII(s, i.slug) || equalFoldASCII(s, i.ident) {
			return e, true
		}
	}
	return NoEndpoint, false
}

// equalFoldASCII reports whether a and b are equal, ignoring ASCII case.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Lookup returns what status from endpoint means: the endpoint's own entry,
// else the general table's, else nil. NoEndpoint looks in the general table
// alone.
func Lookup(endpoint Endpoint, status int) *Entry {
	for _, e := range endpoint.info().entries {
		if e.Status == status {
			return e
		}
	}
	for _, e := range endpoints[NoEndpoint].entries {
		if e.Status == status {
			return e
		}
	}
	return nil
}

// LookupCode returns the entry of an application code as the API sends it
// (an integer code in decimal), compared exactly; nil for a code the
// catalogue lacks.
func LookupCode(code string) *Entry {
	return codeIndex[code]
}

// codeIndex is each application code's entry, by the code as sent.
var codeIndex = func() map[string]*Entry {
	index := make(map[string]*Entry, len(Codes))
	for _, e := range Codes {
		index[e.AppCode] = e
	}
	return index
}()

// Route returns the endpoint a request routes to, by the rules of the Rust
// router (error_catalogue::route): path is a bare path or a full URL with
// any scheme and host; the query, the fragment and one trailing slash are
// ignored; the path may start with one of the catalogue's base paths. A
// literal segment matches a request segment that percent-decodes to it, a
// parameter one non-empty segment, a mixed segment ({id}.{format}) one that
// holds its texts, a multi-segment parameter ({*name}) one or more
// segments. At the first segment where two matching templates differ, the
// literal wins, then the mixed segment with more literal text, then the
// parameter, then the multi-segment parameter, which takes as few segments
// as lets the rest match. The method is compared exactly; HEAD also routes
// to GET endpoints. ok is false when no endpoint matches, or path is
// neither a path nor a URL.
func Route(method, path string) (Endpoint, bool) {
	segments, ok := requestSegments(path)
	if !ok {
		return NoEndpoint, false
	}
	endpoint, found, best := NoEndpoint, false, []int(nil)
	for i := range routes {
		r := &routes[i]
		if r.method != method {
			continue
		}
		if key, matched := matchSegments(r.segments, segments, nil); matched && (!found || less(key, best)) {
			endpoint, found, best = r.endpoint, true, key
		}
	}
	return endpoint, found
}

// A route is one endpoint's template under one base path, as segments.
type route struct {
	method   string
	base     string
	endpoint Endpoint
	segments []segment
}

// segmentKind is what a template segment is, in the order a request
// segment tries them.
type segmentKind int

const (
	literalSegment segmentKind = iota
	mixedSegment
	paramSegment
	multiSegment
)

// A segment is one segment of a template.
type segment struct {
	kind segmentKind
	// texts: a literal's percent-decoded text; a mixed segment's
	// percent-decoded texts around its parameters, one more than them (the
	// first and the last may be empty).
	texts []string
	// rank orders the mixed segments of templates that agree up to here:
	// the one with more literal text first.
	rank int
}

// lit is a literal segment.
func lit(text string) segment { return segment{kind: literalSegment, texts: []string{text}} }

// param is a parameter segment ({name}).
func param() segment { return segment{kind: paramSegment} }

// multi is a multi-segment parameter ({*name}).
func multi() segment { return segment{kind: multiSegment} }

// mixed is a segment of texts and parameters ({id}.{format} is
// mixed(rank, "", ".", "")).
func mixed(rank int, texts ...string) segment {
	return segment{kind: mixedSegment, texts: texts, rank: rank}
}

// matchSegments reports whether the request's segments match template,
// appending to key the priority of the match, two numbers a segment: the
// least key among the matching routes wins.
func matchSegments(template []segment, request []string, key []int) ([]int, bool) {
	for i, s := range template {
		if len(request) == 0 {
			return nil, false
		}
		got := request[0]
		switch s.kind {
		case literalSegment:
			if end, ok := prefix(s.texts[0], got, 0); !ok || end != len(got) {
				return nil, false
			}
		case mixedSegment:
			if got == "" || !cut(s.texts, got) {
				return nil, false
			}
		case paramSegment:
			if got == "" {
				return nil, false
			}
		case multiSegment:
			// One segment, then two, … each non-empty: the fewest that let
			// the rest match.
			for n := 1; n <= len(request) && request[n-1] != ""; n++ {
				if k, ok := matchSegments(template[i+1:], request[n:], append(key, int(s.kind), n)); ok {
					return k, true
				}
			}
			return nil, false
		}
		key = append(key, int(s.kind), s.rank)
		request = request[1:]
	}
	return key, len(request) == 0
}

// less reports whether priority key a comes before b.
func less(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// requestSegments are the segments of a request's path, raw; ok is false
// when input is neither a path nor a URL.
func requestSegments(input string) (segments []string, ok bool) {
	path := input
	if !strings.HasPrefix(input, "/") {
		at := strings.Index(input, "://")
		if at < 0 || !isScheme(input[:at]) {
			return nil, false
		}
		rest := input[at+3:]
		path = ""
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			path = rest[i:]
		}
	}
	if !strings.HasPrefix(path, "/") {
		// An empty path, or only a query or fragment: the root.
		return nil, true
	}
	rest := path[1:]
	// "//" is the root with its one trailing slash.
	if strings.HasPrefix(rest, "/") && atEnd(rest[1:]) {
		return nil, true
	}
	for !atEnd(rest) {
		n := strings.IndexAny(rest, "/?#")
		if n < 0 {
			n = len(rest)
		}
		segments = append(segments, rest[:n])
		if n == len(rest) || rest[n] != '/' {
			break
		}
		rest = rest[n+1:]
	}
	return segments, true
}

// atEnd reports whether nothing of the path is left: the end, or its query
// or fragment.
func atEnd(rest string) bool {
	return rest == "" || rest[0] == '?' || rest[0] == '#'
}

// isScheme reports whether s is a URL scheme: a letter, then letters,
// digits, "+", "-" or ".".
func isScheme(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// cut reports whether a request segment, raw, holds a mixed segment's
// texts, each parameter a non-empty run: the texts are compared with its
// percent-decoded bytes from the right, the last text ending the segment,
// each text before it at its last occurrence that leaves the parameter
// after it non-empty, and the first starting it.
func cut(texts []string, raw string) bool {
	lo, hi := 0, len(raw)
	if first := texts[0]; first != "" {
		end, ok := prefix(first, raw, 0)
		if !ok {
			return false
		}
		lo = end
	}
	if last := texts[len(texts)-1]; last != "" {
		at, ok := suffix(last, raw, lo)
		if !ok {
			return false
		}
		hi = at
	}
	for i := len(texts) - 2; i >= 1; i-- {
		at, ok := lastBetween(texts[i], raw, lo, hi)
		if !ok {
			return false
		}
		hi = at
	}
	return hi > lo
}

// decodedAt is the byte that raw[i] and what follows decode to, and how
// many bytes of raw it takes: "%" and two hex digits, else the byte itself.
func decodedAt(raw string, i int) (byte, int) {
	if raw[i] == '%' && i+2 < len(raw) {
		hi, okHi := hexDigit(raw[i+1])
		lo, okLo := hexDigit(raw[i+2])
		if okHi && okLo {
			return hi<<4 | lo, 3
		}
	}
	return raw[i], 1
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// prefix is where raw, read from byte from and decoded, has finished text;
// ok is false when it does not start with text.
func prefix(text, raw string, from int) (end int, ok bool) {
	i := from
	for t := 0; t < len(text); t++ {
		if i >= len(raw) {
			return 0, false
		}
		b, width := decodedAt(raw, i)
		if b != text[t] {
			return 0, false
		}
		i += width
	}
	return i, true
}

// suffix is the start, at or after lo, of the tail of raw that decodes to
// text.
func suffix(text, raw string, lo int) (int, bool) {
	for i := lo; ; {
		if end, ok := prefix(text, raw, i); ok && end == len(raw) {
			return i, true
		}
		if i >= len(raw) {
			return 0, false
		}
		_, width := decodedAt(raw, i)
		i += width
	}
}

// lastBetween is the start of the last occurrence of text in raw[lo:hi]
// (decoded) that starts after lo and ends before hi.
func lastBetween(text, raw string, lo, hi int) (int, bool) {
	found, ok := 0, false
	for i := lo; i < hi; {
		if i > lo {
			if end, matched := prefix(text, raw, i); matched && end < hi {
				found, ok = i, true
			}
		}
		_, width := decodedAt(raw, i)
		i += width
	}
	return found, ok
}
