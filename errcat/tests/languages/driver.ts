// The TypeScript driver of the agreement tests (errcat/tests/languages_support):
// reads the queries file named by its argument, asks the generated module
// (errors.ts) through its public API alone, and prints the answers as one
// JSON object. No dependency: Node's own globals, declared here.
import {
  CODES,
  ENTRIES,
  endpointInfo,
  lookup,
  lookupCode,
  lookupGeneral,
  parseEndpoint,
  route,
  type Entry,
} from "./errors.js";

declare const process: {
  readonly argv: readonly string[];
  readonly stdout: { write(text: string): boolean };
};

/** The part of `node:fs` the driver uses. */
interface Fs {
  readFileSync(path: string, encoding: "utf8"): string;
}

/** The questions, as `languages_support::queries` writes them. */
interface Queries {
  readonly lookups: readonly (readonly [string | null, number])[];
  readonly codes: readonly string[];
  readonly routes: readonly (readonly [string, string])[];
  readonly texts: readonly string[];
  readonly endpoints: readonly string[];
}

function anchor(entry: Entry | undefined): string | null {
  return entry?.anchor ?? null;
}

/** An entry's texts in the harness's shape; null for an anchor the module lacks. */
function texts(wanted: string): object | null {
  const e = [...ENTRIES, ...CODES].find((entry) => entry.anchor === wanted);
  if (e === undefined) {
    return null;
  }
  return {
    meaning: e.meaning,
    description: e.description,
    resolution: e.resolution,
    plain_meaning: e.plainMeaning,
    plain_description: e.plainDescription,
    plain_resolution: e.plainResolution,
    status: e.status,
    app_code: e.appCode,
    listed_codes: e.listedCodes,
    retryable: e.retryable,
    deprecated: e.deprecated,
    url: e.url,
    example: e.example,
  };
}

/** An endpoint's texts in the harness's shape; null for a slug the module lacks. */
function endpointTexts(slug: string): object | null {
  const endpoint = parseEndpoint(slug);
  if (endpoint === undefined) {
    return null;
  }
  const info = endpointInfo(endpoint);
  return { name: info.name, method: info.method, path: info.path, deprecated: info.deprecated };
}

async function main(): Promise<void> {
  // Imported by a name the compiler does not resolve: no `@types/node`.
  const fsModule: string = "node:fs";
  const fs = (await import(fsModule)) as Fs;
  const file = process.argv[2];
  if (file === undefined) {
    throw new Error("usage: node driver.js QUERIES.json");
  }
  const queries = JSON.parse(fs.readFileSync(file, "utf8")) as Queries;
  const answers = {
    lookups: queries.lookups.map(([slug, status]) => {
      if (slug === null) {
        return anchor(lookupGeneral(status));
      }
      const endpoint = parseEndpoint(slug);
      return endpoint === undefined ? null : anchor(lookup(endpoint, status));
    }),
    codes: queries.codes.map((code) => anchor(lookupCode(code))),
    routes: queries.routes.map(([method, path]) => route(method, path) ?? null),
    texts: queries.texts.map(texts),
    endpoints: queries.endpoints.map(endpointTexts),
  };
  process.stdout.write(JSON.stringify(answers));
}

void main();
