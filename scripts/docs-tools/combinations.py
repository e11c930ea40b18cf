"""Writes a catalogue for the toolchain check: tests/fixtures/hostile.toml
followed by endpoints whose every text field is a short combination of
markup and escaping characters (every string of up to three pieces), so the
real MDX and GFM tools see each combination in a table cell.

Statuses without a reason phrase are used, so no row draws a warning.
Usage: python3 combinations.py HOSTILE_TOML OUT_TOML
"""

import itertools
import json
import sys

PIECES = ["*", "**", "_", "`", "[", "](", ")", "a", " ", "\\", "<", "~~", "|", "\n", "{", "&lt;"]
STATUSES = list(range(452, 500)) + list(range(512, 600))

strings = [
    "".join(p)
    for n in range(1, 4)
    for p in itertools.product(PIECES, repeat=n)
    if "".join(p).strip()
]
rows = [strings[i : i + 3] for i in range(0, len(strings), 3)]
rows[-1] += ["a"] * (3 - len(rows[-1]))

hostile, out = sys.argv[1], sys.argv[2]
with open(hostile, encoding="utf-8") as f:
    text = f.read()
toml = lambda s: json.dumps(s, ensure_ascii=False)
parts = [text.rstrip("\n"), ""]
for e, chunk in enumerate(itertools.zip_longest(*[iter(rows)] * len(STATUSES))):
    parts += ["[[endpoints]]", f'name = "Combinations {e + 1}"', 'method = "GET"', f'path = "/v1/combinations/{e + 1}"', ""]
    for status, row in zip(STATUSES, chunk):
        if row is None:
            break
        meaning, description, resolution = row
        parts += [
            "[[endpoints.errors]]",
            f"status = {status}",
            f"meaning = {toml(meaning)}",
            f"description = {toml(description)}",
            f"resolution = {toml(resolution)}",
            "",
        ]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(parts))
print(f"{out}: hostile.toml + {len(rows)} rows of {len(strings)} combinations")
