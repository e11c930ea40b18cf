// The TypeScript driver of the agreement tests (errcat/tests/languages.rs):
// reads the queries file named by its argument, asks the generated module
// (errors.ts) through its public API alone, and prints the answers as one
// JSON object. No dependency: Node's own globals, declared here.
import { lookup, lookupCode, parseEndpoint, route, type Entry } from "./errors.js";

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
  readonly lookups: readonly (readonly [string, number])[];
  readonly codes: readonly string[];
  readonly routes: readonly (readonly [string, string])[];
}

function anchor(entry: Entry | undefined): string | null {
  return entry?.anchor ?? null;
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
      const endpoint = parseEndpoint(slug);
      return endpoint === undefined ? null : anchor(lookup(endpoint, status));
    }),
    codes: queries.codes.map((code) => anchor(lookupCode(code))),
    routes: queries.routes.map(([method, path]) => route(method, path) ?? null),
  };
  process.stdout.write(JSON.stringify(answers));
}

void main();
