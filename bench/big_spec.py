#!/usr/bin/env python3
"""Writes a large OpenAPI description for timing `errcat import openapi`
(BENCHMARKS.md): Box's real operations (the three Box fixtures of
errcat/tests/fixtures/openapi: plain paths, `#fragment` siblings, text beside
a parameter, operations with their own `servers`, `ClientError`'s code enum
and descriptions that bullet codes) copied under `/copy{k}` prefixes, their
operationIds suffixed, until OPERATIONS operations.

    python3 bench/big_spec.py [OPERATIONS] > big.json    # default 1000

Prints the operation count and size to stderr. The file is not kept in the
repository (about 5 MB).
"""

import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "errcat/tests/fixtures/openapi"
SOURCES = [
    "box-platform-2024.0.json",
    "box-platform-2024.0-shared-links.json",
    "box-platform-2024.0-uploads.json",
]
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def main() -> None:
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    docs = [json.loads((FIXTURES / name).read_text()) for name in SOURCES]
    ops = []  # (path, method, operation), in the sources' order, once each
    seen = set()
    for doc in docs:
        for path, item in doc["paths"].items():
            for method, op in item.items():
                if method in METHODS and (path, method) not in seen:
                    seen.add((path, method))
                    ops.append((path, method, op))
    first = docs[0]
    out = {
        "openapi": first["openapi"],
        "info": first["info"],
        "servers": first["servers"],
        "paths": {},
        "components": {"schemas": {}},
        "externalDocs": first.get("externalDocs", {}),
    }
    for doc in docs:
        out["components"]["schemas"].update(doc.get("components", {}).get("schemas", {}))
    count = 0
    copy = 0
    while count < wanted:
        for path, method, op in ops:
            if count == wanted:
                break
            op = json.loads(json.dumps(op))
            if "operationId" in op:
                op["operationId"] = f"{op['operationId']}_{copy}"
            out["paths"].setdefault(f"/copy{copy}{path}", {})[method] = op
            count += 1
        copy += 1
    text = json.dumps(out, indent=2, ensure_ascii=False) + "\n"
    sys.stdout.write(text)
    print(f"{count} operations, {len(text.encode())} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
