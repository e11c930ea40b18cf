#!/usr/bin/env python3
"""Draws the scale study (scripts/scale.sh's CSV) as one SVG of three panels:
clean build time, what the catalogue adds to a stripped binary, and the time
of one lookup and one parse, each against the catalogue's size in entries.

Standard library only, so CI and anyone with Python 3 can redraw it. The
output depends on the CSV alone: the same CSV gives the same bytes.

Usage: python3 scripts/scale_plot.py [CSV [SVG]]
(default docs/scale.csv and docs/scale.svg)
"""

import csv
import math
import sys
from xml.sax.saxutils import escape

# Okabe-Ito colours: told apart with any colour vision, and in grey.
COLOURS = ["#0072B2", "#D55E00", "#009E73"]
DASHES = ["", "6 3", "2 3"]
MARKERS = ["circle", "square", "diamond"]

# One panel: its title above the plot, tick labels, axis label and legend below.
PANEL_W = 300
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 62, 18, 34, 100
PLOT_H = 190
PANEL_H = MARGIN_T + PLOT_H + MARGIN_B
TITLE_H = 40

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")

# (title, y label, y scale, series: (CSV column, legend, factor))
PANELS = [
    (
        "Clean build of the crate",
        "seconds",
        "log",
        [
            ("release_s", "release", 1.0),
            ("debug_s", "debug", 1.0),
            ("consts_s", "release, entry-consts", 1.0),
        ],
    ),
    (
        "Size",
        "megabytes",
        "log",
        [
            ("added_bytes", "added to a stripped binary", 1e-6),
            ("gen_bytes", "generated source", 1e-6),
        ],
    ),
    (
        "One call (median)",
        "nanoseconds",
        "log",
        [
            ("lookup_ns", "lookup, benches' workload", 1.0),
            ("spread_ns", "lookup, 8 endpoints", 1.0),
            ("parse_ns", "Endpoint::from_str", 1.0),
        ],
    ),
]


def read_rows(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{path}: no rows")
    return rows


def number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def power_label(exponent):
    return "10" + str(exponent).translate(SUPERSCRIPT)


def short(value):
    """A tick label: 0.5, 2, 30, 1,000, without trailing zeros."""
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def log_ticks(lo, hi):
    """Tick values on a log axis from the last tick at or below lo to the
    first at or above hi: decades, with 2 and 5 between them when the range
    spans at most three decades."""
    first = math.floor(math.log10(lo))
    last = math.ceil(math.log10(hi))
    steps = (1,) if last - first > 3 else (1, 2, 5)
    candidates = [s * 10.0**e for e in range(first, last + 1) for s in steps]
    below = max(t for t in candidates if t <= lo * 1.0001)
    above = min(t for t in candidates if t >= hi / 1.0001)
    return [t for t in candidates if below <= t <= above]


def linear_ticks(hi):
    """0 and round steps up to at least hi."""
    raw = hi / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = math.ceil(hi / step - 1e-9)
    return [i * step for i in range(count + 1)]


class Axis:
    def __init__(self, lo, hi, scale, start, length, flip):
        self.lo, self.hi, self.scale = lo, hi, scale
        self.start, self.length, self.flip = start, length, flip

    def __call__(self, value):
        if self.scale == "log":
            f = (math.log10(value) - math.log10(self.lo)) / (
                math.log10(self.hi) - math.log10(self.lo)
            )
        else:
            f = (value - self.lo) / (self.hi - self.lo)
        return self.start + (1 - f if self.flip else f) * self.length


def marker(kind, x, y, colour):
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
    if kind == "square":
        return (
            f'<rect x="{x - 3.2:.1f}" y="{y - 3.2:.1f}" width="6.4" height="6.4" '
            f'fill="{colour}"/>'
        )
    return (
        f'<path d="M{x:.1f} {y - 4.5:.1f}L{x + 4.5:.1f} {y:.1f}L{x:.1f} {y + 4.5:.1f}'
        f'L{x - 4.5:.1f} {y:.1f}Z" fill="{colour}"/>'
    )


def panel(out, left, top, rows, title, ylabel, scale, series):
    plot_l, plot_t = left + MARGIN_L, top + MARGIN_T
    plot_w = PANEL_W - MARGIN_L - MARGIN_R
    plot_h = PLOT_H
    sizes = [number(r["entries"]) for r in rows]
    xs_all = [s for s in sizes if s]
    xlo = 10 ** math.floor(math.log10(min(xs_all)))
    xhi = 10 ** math.ceil(math.log10(max(xs_all)))
    if xlo == xhi:
        xhi *= 10
    lines = []
    for column, legend, factor in series:
        points = []
        for size, row in zip(sizes, rows):
            v = number(row.get(column))
            if size and v is not None and (scale != "log" or v > 0):
                points.append((size, v * factor))
        lines.append((legend, points))
    values = [v for _, pts in lines for _, v in pts]
    if not values:
        return
    if scale == "log":
        yticks = log_ticks(min(values) / 1.1, max(values) * 1.1)
        ylo, yhi = yticks[0], yticks[-1]
    else:
        yticks = linear_ticks(max(values) * 1.1)
        ylo, yhi = 0.0, yticks[-1]
    x = Axis(xlo, xhi, "log", plot_l, plot_w, False)
    y = Axis(ylo, yhi, scale, plot_t, plot_h, True)

    out.append(
        f'<text x="{left + MARGIN_L + plot_w / 2:.1f}" y="{top + 20}" '
        f'class="title">{escape(title)}</text>'
    )
    out.append(
        f'<rect x="{plot_l}" y="{plot_t}" width="{plot_w}" height="{plot_h}" '
        f'class="frame"/>'
    )
    for t in yticks:
        ty = y(t)
        out.append(
            f'<line x1="{plot_l}" y1="{ty:.1f}" x2="{plot_l + plot_w}" y2="{ty:.1f}" '
            f'class="grid"/>'
        )
        out.append(
            f'<text x="{plot_l - 6}" y="{ty + 4:.1f}" class="ytick">{short(t)}</text>'
        )
    e = round(math.log10(xlo))
    while 10**e <= xhi * 1.0001:
        tx = x(10**e)
        out.append(
            f'<line x1="{tx:.1f}" y1="{plot_t}" x2="{tx:.1f}" y2="{plot_t + plot_h}" '
            f'class="grid"/>'
        )
        out.append(
            f'<text x="{tx:.1f}" y="{plot_t + plot_h + 16}" class="xtick">'
            f"{power_label(e)}</text>"
        )
        e += 1
    out.append(
        f'<text x="{plot_l + plot_w / 2:.1f}" y="{plot_t + plot_h + 34}" '
        f'class="xlabel">entries</text>'
    )
    out.append(
        f'<text transform="translate({left + 16} {plot_t + plot_h / 2:.1f}) rotate(-90)" '
        f'class="ylabel">{escape(ylabel)}{" (log scale)" if scale == "log" else ""}</text>'
    )
    for i, (legend, points) in enumerate(lines):
        colour, dash, kind = COLOURS[i], DASHES[i], MARKERS[i]
        if len(points) > 1:
            d = " ".join(
                f"{'M' if j == 0 else 'L'}{x(px):.1f} {y(py):.1f}"
                for j, (px, py) in enumerate(points)
            )
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(
                f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>'
            )
        for px, py in points:
            out.append(marker(kind, x(px), y(py), colour))
        # Legend below the axis label, one line per series.
        ly = plot_t + plot_h + 54 + 17 * i
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{plot_l}" y1="{ly - 4}" x2="{plot_l + 26}" y2="{ly - 4}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        out.append(marker(kind, plot_l + 13, ly - 4, colour))
        out.append(
            f'<text x="{plot_l + 34}" y="{ly}" class="legend">{escape(legend)}</text>'
        )


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "docs/scale.csv"
    dst = sys.argv[2] if len(sys.argv) > 2 else "docs/scale.svg"
    rows = read_rows(src)
    width = PANEL_W * len(PANELS) + 20
    height = TITLE_H + PANEL_H
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
        "<style>"
        ".title{font-size:14px;font-weight:bold;text-anchor:middle;fill:#222}"
        ".heading{font-size:16px;font-weight:bold;fill:#222}"
        ".frame{fill:none;stroke:#888;stroke-width:1}"
        ".grid{stroke:#ddd;stroke-width:1}"
        ".xtick{font-size:12px;text-anchor:middle;fill:#333}"
        ".ytick{font-size:12px;text-anchor:end;fill:#333}"
        ".xlabel,.ylabel{font-size:12px;text-anchor:middle;fill:#333}"
        ".legend{font-size:12px;fill:#222}"
        "</style>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        '<text x="14" y="26" class="heading">error-catalogue over synthetic '
        "catalogues of 10²–10⁵ entries (scripts/scale.sh)</text>",
    ]
    for i, (title, ylabel, scale, series) in enumerate(PANELS):
        panel(out, 10 + i * PANEL_W, TITLE_H, rows, title, ylabel, scale, series)
    out.append("</svg>")
    with open(dst, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
