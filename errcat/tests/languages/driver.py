"""The agreement driver for the Python module (errcat/tests/languages_support):
reads the questions file named by argv[1], asks the generated ``errors``
module through its public API alone, and prints the answers as one JSON
object."""

from __future__ import annotations

import json
import sys
from typing import Any, Dict, List, Optional

import errors


def anchor(entry: Optional[errors.Entry]) -> Optional[str]:
    return None if entry is None else entry.anchor


def texts(e: Optional[errors.Entry]) -> Optional[Dict[str, Any]]:
    """An entry's texts in the harness's shape; None for an anchor the module lacks."""
    if e is None:
        return None
    return {
        "meaning": e.meaning,
        "description": e.description,
        "resolution": e.resolution,
        "plain_meaning": e.plain_meaning,
        "plain_description": e.plain_description,
        "plain_resolution": e.plain_resolution,
        "status": e.status,
        "app_code": e.app_code,
        "listed_codes": list(e.listed_codes),
        "retryable": e.retryable,
        "deprecated": e.deprecated,
        "url": e.url,
        "example": None
        if e.example is None
        else {"caption": e.example.caption, "lang": e.example.lang, "body": e.example.body},
    }


def endpoint_texts(e: Optional[errors.Endpoint]) -> Optional[Dict[str, Any]]:
    """An endpoint's texts in the harness's shape; None for a slug the module lacks."""
    if e is None:
        return None
    return {"name": e.title, "method": e.method, "path": e.path, "deprecated": e.deprecated}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        queries = json.load(f)
    by_slug: Dict[str, errors.Endpoint] = {e.slug: e for e in errors.Endpoint}
    by_anchor: Dict[str, errors.Entry] = {e.anchor: e for e in errors.ENTRIES + errors.CODES}
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
    answers = {
        "lookups": lookups,
        "codes": codes,
        "routes": routes,
        "texts": [texts(by_anchor.get(a)) for a in queries["texts"]],
        "endpoints": [endpoint_texts(by_slug.get(s)) for s in queries["endpoints"]],
    }
    print(json.dumps(answers))


if __name__ == "__main__":
    main()
