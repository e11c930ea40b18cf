/** An HTTP method an endpoint is routed under. */
export type Method =
  | "GET"
  | "HEAD"
  | "POST"
  | "PUT"
  | "DELETE"
  | "CONNECT"
  | "OPTIONS"
  | "TRACE"
  | "PATCH";

/**
 * One `/`-separated segment of a route, as the router compares it: literal
 * text (percent-decoded), a mixed segment (`{id}.{format}`: its texts,
 * percent-decoded, the one before, between and after its parameters, `""`
 * where there is none; each parameter takes a non-empty run), a `{name}`
 * parameter (one non-empty segment) or a `{*name}` parameter (one or more
 * non-empty segments).
 */
export type Segment =
  | { readonly kind: "literal"; readonly text: string }
  | {
      readonly kind: "mixed";
      /**
       * Its place among the mixed segments the router tries at this point of
       * the route (its trie node's mixed edges): lower is tried first.
       */
      readonly rank: number;
      readonly texts: readonly string[];
    }
  | { readonly kind: "param" }
  | { readonly kind: "multi" };

/** A template under a base path, and the endpoint it routes to. */
export interface Route {
  /** The method it routes under (HEAD's also hold GET's templates that no HEAD endpoint has). */
  readonly method: Method;
  /** The endpoint. */
  readonly endpoint: Endpoint;
  /** The base path it is under, as listed (`""`: none). */
  readonly base: string;
  /** The base path's segments, then the template's. */
  readonly segments: readonly Segment[];
}

/** An example response body documented with an entry. */
export interface Example {
  /** A one-line caption, if any. */
  readonly caption: string | null;
  /** The code block's language, e.g. `json`. */
  readonly lang: string;
  /** The body, verbatim. */
  readonly body: string;
}

/**
 * One row of the catalogue: what a status means for an endpoint (or for
 * every endpoint, in the general table) and what the caller should do; or
 * one application code of the catalogue's registry, `appCode` the code as
 * sent. Texts are inline Markdown; the `plain*` fields have the markup
 * removed.
 */
export interface Entry {
  /** Its anchor on the docs page (`create-trackers-409`, `code-card-declined`). */
  readonly anchor: string;
  /** The endpoint whose table holds it; `null` in the general table and for a code. */
  readonly endpoint: Endpoint | null;
  /** The HTTP status; `null` for a code documented with any status. */
  readonly status: number | null;
  /** For an application code's entry, the code as sent; else `null`. */
  readonly appCode: string | null;
  /** The application codes this table row documents under its status, as sent. */
  readonly listedCodes: readonly string[];
  /** Short meaning, usually the reason phrase. Inline Markdown. */
  readonly meaning: string;
  /** What the status means here. Inline Markdown. */
  readonly description: string | null;
  /** What the caller should do. Inline Markdown. */
  readonly resolution: string | null;
  /** `meaning` without markup. */
  readonly plainMeaning: string;
  /** `description` without markup. */
  readonly plainDescription: string | null;
  /** `resolution` without markup. */
  readonly plainResolution: string | null;
  /** Whether a later retry of the same request may succeed. */
  readonly retryable: boolean;
  /** Why the entry is deprecated and what to use instead, when it is. */
  readonly deprecated: string | null;
  /** Its URL on the docs page. */
  readonly url: string;
  /** The example body documented with it, if any. */
  readonly example: Example | null;
}

/** What the catalogue says of an endpoint. */
export interface EndpointInfo {
  /** The endpoint: its slug, the anchor of its table. */
  readonly slug: Endpoint;
  /** The name its table is headed with. */
  readonly name: string;
  /** The identifier of its variant in the Rust catalogue module. */
  readonly ident: string;
  /** The HTTP method. */
  readonly method: Method;
  /** The path template, parameters in braces. */
  readonly path: string;
  /** Why the endpoint is deprecated and what to use instead, when it is. */
  readonly deprecated: string | null;
  /** Its own entries, in page order (not the general table's). */
  readonly entries: readonly Entry[];
}
