"""The agreement driver for the Python module: reads the questions file
named by argv[1], asks the generated ``errors`` module through its public API
alone, and prints the answers as one JSON object (languages_support/mod.rs)."""

from __future__ import annotations

import json
import sys
from typing import Dict, List, Optional

import errors


def anchor(entry: Optional[errors.Entry]) -> Optional[str]:
    return None if entry is None else entry.anchor


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        queries = json.load(f)
    by_slug: Dict[str, errors.Endpoint] = {e.slug: e for e in errors.Endpoint}
    lookups: List[Optional[str]] = []
    for slug, status in queries["lookups"]:
        if slug is None:
            lookups.append(anchor(errors.lookup(None, status)))
        elif slug in by_slug:
            lookups.append(anchor(errors.lookup(by_slug[slug], status)))
        else:
            lookups.append(None)
    codes = [anchor(errors.lookup_code(code)) for code in queries["codes"]]
    routes: List[Optional[str]] = []
    for method, path in queries["routes"]:
        endpoint = errors.route(method, path)
        routes.append(None if endpoint is None else endpoint.slug)
    print(json.dumps({"lookups": lookups, "codes": codes, "routes": routes}))


if __name__ == "__main__":
    main()
