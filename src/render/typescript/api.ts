// Lookups.

const GENERAL_BY_STATUS: ReadonlyMap<number, Entry> = new Map(
  GENERAL.map((e): [number, Entry] => [e.status ?? 0, e]),
);

const CODES_BY_CODE: ReadonlyMap<string, Entry> = new Map(
  CODES.map((e): [string, Entry] => [e.appCode ?? "", e]),
);

/** What the catalogue says of `endpoint`. */
export function endpointInfo(endpoint: Endpoint): EndpointInfo {
  // The functions below read `ENDPOINTS` through this one: in a catalogue
  // without endpoints, `Endpoint` is `never`, and so is what it indexes.
  return ENDPOINTS[endpoint];
}

/**
 * What `status` from `endpoint` means: the endpoint's own entry, else the
 * general table's; `undefined` when neither documents it.
 */
export function lookup(endpoint: Endpoint, status: number): Entry | undefined {
  // `?.`: JavaScript callers may pass any string.
  const own = endpointInfo(endpoint)?.entries.find((e) => e.status === status);
  return own ?? GENERAL_BY_STATUS.get(status);
}

/** What `status` means in the general table. */
export function lookupGeneral(status: number): Entry | undefined {
  return GENERAL_BY_STATUS.get(status);
}

/**
 * The entry of an application code as the API sends it (`card_declined`;
 * an integer code as a number or in decimal, `40140`), compared exactly;
 * `undefined` for a code the catalogue lacks.
 */
export function lookupCode(code: string | number): Entry | undefined {
  return CODES_BY_CODE.get(String(code));
}

/**
 * What a response from `endpoint` means: the entry of its application
 * `code` when one is given and the catalogue knows it, else what `lookup`
 * answers for `status`.
 */
export function lookupResponse(
  endpoint: Endpoint,
  status: number,
  code?: string | number | null,
): Entry | undefined {
  const byCode = code === undefined || code === null ? undefined : lookupCode(code);
  return byCode ?? lookup(endpoint, status);
}

let endpointKeys: ReadonlyMap<string, Endpoint> | undefined;

/** `text` with ASCII letters lower-cased, other characters kept. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * The endpoint named by its name (`Create Trackers`), slug
 * (`create-trackers`) or Rust identifier (`CreateTrackers`), ignoring ASCII
 * case; `undefined` when none is.
 */
export function parseEndpoint(text: string): Endpoint | undefined {
  if (endpointKeys === undefined) {
    const keys = new Map<string, Endpoint>();
    for (const slug of ALL_ENDPOINTS) {
      const info = endpointInfo(slug);
      for (const key of [info.name, info.slug, info.ident]) {
        const lower = asciiLower(key);
        if (!keys.has(lower)) {
          keys.set(lower, slug);
        }
      }
    }
    endpointKeys = keys;
  }
  return endpointKeys.get(asciiLower(text));
}

// Routing: the same rules as the Rust router (`error_catalogue::route`).
// What matches: the path of a bare path or of a full URL with any scheme and
// host; the query and fragment are ignored, and so is one trailing slash. The
// path may start with one of the base paths, then the template. A literal
// matches a segment whose percent-decoded bytes equal it, `{name}` one
// non-empty segment, a mixed segment one whose decoded bytes hold its texts
// (each parameter a non-empty run), `{*name}` one or more non-empty segments.
// At the first segment where two matching templates differ, the literal
// wins, then the mixed segment of lower rank, then `{name}`, then `{*name}`
// taking the fewest segments; two mixed segments can only be the first
// difference where the trie offers both, so their ranks among that node's
// mixed edges order them. HEAD also routes to GET endpoints: `ROUTES` lists
// them under HEAD. No regular expressions: each route is compared segment by
// segment.

/** A segment of a route, its texts as UTF-8 bytes. */
type RouteSegment =
  | { readonly kind: "literal"; readonly bytes: readonly number[] }
  | { readonly kind: "param" }
  | { readonly kind: "mixed"; readonly texts: readonly (readonly number[])[]; readonly rank: number }
  | { readonly kind: "multi" };

/** A route of `ROUTES`, its texts as bytes. */
interface Matcher {
  readonly endpoint: Endpoint;
  readonly segments: readonly RouteSegment[];
  /** Whether one of them is `{*name}`. */
  readonly multi: boolean;
}

/** A request path's segment: as sent, and percent-decoded. */
interface RequestSegment {
  readonly raw: string;
  readonly decoded: readonly number[];
}

let matchers: ReadonlyMap<string, readonly Matcher[]> | undefined;

/** The UTF-8 bytes of `text` (a lone surrogate as U+FFFD). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0) ?? 0xfffd;
    if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    } else {
      out.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 0x3f),
        0x80 | ((c >> 6) & 0x3f),
        0x80 | (c & 0x3f),
      );
    }
  }
  return out;
}

/** The value of an ASCII hex digit, or -1. */
function hexDigit(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  return -1;
}

/** `raw`'s UTF-8 bytes percent-decoded: `%` and two hex digits is a byte, else a byte stands for itself. */
function percentDecoded(raw: string): number[] {
  const bytes = utf8(raw);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const hi = hexDigit(bytes[i + 1]);
    const lo = hexDigit(bytes[i + 2]);
    if (b === 0x25 && hi >= 0 && lo >= 0) {
      out.push(hi * 16 + lo);
      i += 2;
    } else {
      out.push(b);
    }
  }
  return out;
}

function routeSegment(s: Segment): RouteSegment {
  switch (s.kind) {
    case "literal":
      return { kind: "literal", bytes: utf8(s.text) };
    case "mixed":
      return { kind: "mixed", texts: s.texts.map(utf8), rank: s.rank };
    case "param":
    case "multi":
      return { kind: s.kind };
  }
}

/** `method`'s routes, in the order the Rust router tries them. */
function routesOf(method: string): readonly Matcher[] {
  if (matchers === undefined) {
    const byMethod = new Map<string, Matcher[]>();
    for (const r of ROUTES) {
      const list = byMethod.get(r.method) ?? [];
      byMethod.set(r.method, list);
      const segments = r.segments.map(routeSegment);
      const multi = segments.some((seg) => seg.kind === "multi");
      list.push({ endpoint: r.endpoint, segments, multi });
    }
    matchers = byMethod;
  }
  return matchers.get(method) ?? [];
}

/** The index of the first `/`, `?` or `#` in `text` at or after `from`, else -1. */
function delimiter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "/" || c === "?" || c === "#") return i;
  }
  return -1;
}

/** Whether nothing of a path is left: its end, or its query or fragment. */
function atEnd(rest: string): boolean {
  return rest === "" || rest.startsWith("?") || rest.startsWith("#");
}

/** Whether `scheme` is a URL scheme: a letter, then letters, digits, `+`, `-` or `.`. */
function isScheme(scheme: string): boolean {
  for (let i = 0; i < scheme.length; i++) {
    const c = scheme.charCodeAt(i);
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const other = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
    if (!letter && (i === 0 || !other)) return false;
  }
  return scheme.length > 0;
}

/** The segments of a bare path or a full URL's path; `undefined` when `input` is neither. */
function requestSegments(input: string): RequestSegment[] | undefined {
  let path: string;
  if (input.startsWith("/")) {
    path = input;
  } else {
    const sep = input.indexOf("://");
    if (sep < 0 || !isScheme(input.slice(0, sep))) return undefined;
    const rest = input.slice(sep + 3);
    const at = delimiter(rest, 0);
    path = at < 0 ? "" : rest.slice(at);
  }
  // An empty path, or only a query or fragment: the root.
  if (!path.startsWith("/")) return [];
  let rest = path.slice(1);
  // `//` is the root with its one trailing slash.
  if (atEnd(rest) || (rest.startsWith("/") && atEnd(rest.slice(1)))) return [];
  const out: RequestSegment[] = [];
  for (;;) {
    const end = delimiter(rest, 0);
    const raw = end < 0 ? rest : rest.slice(0, end);
    out.push({ raw, decoded: percentDecoded(raw) });
    if (end < 0 || rest[end] !== "/") return out;
    rest = rest.slice(end + 1);
    // One trailing slash is ignored.
    if (atEnd(rest)) return out;
  }
}

/** Whether `bytes` holds `text` at `at`. */
function holds(bytes: readonly number[], text: readonly number[], at: number): boolean {
  if (at < 0 || at + text.length > bytes.length) return false;
  return text.every((b, i) => bytes[at + i] === b);
}

/**
 * Whether decoded `bytes` match a mixed segment's `texts`: they start with
 * the first, end with the last, and hold each text between at its last
 * occurrence that leaves every parameter a non-empty run (cut from the right).
 */
function cuts(texts: readonly (readonly number[])[], bytes: readonly number[]): boolean {
  const first = texts[0] ?? [];
  const last = texts[texts.length - 1] ?? [];
  const lo = first.length;
  let hi = bytes.length - last.length;
  if (hi <= lo || !holds(bytes, first, 0) || !holds(bytes, last, hi)) return false;
  for (let t = texts.length - 2; t >= 1; t--) {
    const text = texts[t] ?? [];
    let at = hi - text.length - 1;
    while (at > lo && !holds(bytes, text, at)) at--;
    if (at <= lo) return false;
    hi = at;
  }
  return true;
}

/**
 * The priority of `route` on a request, segment by segment (literal 0, mixed
 * 1 and its rank, `{name}` 2, `{*name}` 3 and how many segments it takes):
 * the least matches; `undefined` when the route does not match.
 */
function priority(route: Matcher, request: readonly RequestSegment[]): number[] | undefined {
  const taken = request.length - route.segments.length + 1;
  if (route.multi ? taken < 1 : request.length !== route.segments.length) return undefined;
  const key: number[] = [];
  let i = 0;
  for (const s of route.segments) {
    if (s.kind === "multi") {
      if (request.slice(i, i + taken).some((r) => r.raw === "")) return undefined;
      key.push(3, taken);
      i += taken;
      continue;
    }
    const r = request[i];
    i += 1;
    if (r === undefined) return undefined;
    if (s.kind === "literal") {
      if (r.decoded.length !== s.bytes.length || !holds(r.decoded, s.bytes, 0)) return undefined;
      key.push(0, 0);
    } else if (s.kind === "mixed") {
      if (r.raw === "" || !cuts(s.texts, r.decoded)) return undefined;
      key.push(1, s.rank);
    } else {
      if (r.raw === "") return undefined;
      key.push(2, 0);
    }
  }
  return key;
}

/** Whether priority `a` comes before `b`. */
function before(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return a.length < b.length;
}

/**
 * The endpoint a request routes to, by the Rust router's rules: `method`
 * exactly as sent (`GET`; HEAD also routes to GET endpoints), `path` a bare
 * path (`/v1/manage/trackers`) or a full URL (`https://host/v1/...?q`);
 * `undefined` when no endpoint of that method matches, or `path` is neither.
 */
export function route(method: string, path: string): Endpoint | undefined {
  const request = requestSegments(path);
  if (request === undefined) return undefined;
  let best: Endpoint | undefined;
  let bestKey: readonly number[] = [];
  for (const r of routesOf(method)) {
    const key = priority(r, request);
    if (key === undefined) continue;
    if (best === undefined || before(key, bestKey)) {
      best = r.endpoint;
      bestKey = key;
    }
  }
  return best;
}

/**
 * What `status` means for the endpoint a request routes to: its own entry,
 * else the general table's (also when no endpoint matches).
 */
export function lookupRequest(method: string, path: string, status: number): Entry | undefined {
  const endpoint = route(method, path);
  return endpoint === undefined ? lookupGeneral(status) : lookup(endpoint, status);
}
