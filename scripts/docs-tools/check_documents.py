"""Checks one `errcat render --all` folder with the Python toolchains: the
OpenAPI document (JSON and YAML) passes openapi-spec-validator as OpenAPI 3.1,
the YAML reads as the same document, catalogue.json validates against
schema/catalogue.schema.json (JSON Schema 2020-12), and the MDX page's front
matter reads (as YAML) as the catalogue's page metadata.

Usage: python check_documents.py DIR SCHEMA
"""

import json
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator

folder, schema_path = Path(sys.argv[1]), Path(sys.argv[2])
failures = []

document = json.loads((folder / "openapi.json").read_text(encoding="utf-8"))
from_yaml = yaml.safe_load((folder / "openapi.yaml").read_text(encoding="utf-8"))
for name, doc in [("openapi.json", document), ("openapi.yaml", from_yaml)]:
    errors = list(OpenAPIV31SpecValidator(doc).iter_errors())
    failures += [f"{name}: {e.message} at {list(e.absolute_path)}" for e in errors]
if from_yaml != document:
    failures.append("openapi.yaml does not read as the same document as openapi.json")

schema = json.loads(schema_path.read_text(encoding="utf-8"))
Draft202012Validator.check_schema(schema)
catalogue = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
for e in Draft202012Validator(schema).iter_errors(catalogue):
    failures.append(f"catalogue.json: {e.message} at {list(e.absolute_path)}")

page = catalogue["page"]
mdx = (folder / "error-codes.mdx").read_text(encoding="utf-8")
_, front, _ = mdx.split("---\n", 2)
front_matter = yaml.safe_load(front)
wanted = {k: page[k] for k in ("id", "title", "sidebar_label", "slug")}
if front_matter != wanted:
    failures.append(f"error-codes.mdx front matter reads as {front_matter!r}, expected {wanted!r}")

if failures:
    print(f"{folder}:\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
operations = sum(len(item) for item in document["paths"].values())
print(
    f"{folder}: OpenAPI 3.1 valid (JSON and YAML, {operations} operations, "
    f"{len(document['components']['responses'])} shared responses); catalogue.json matches the schema; front matter reads back"
)
