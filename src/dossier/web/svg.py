"""Server-side SVG: the event timeline (stacked by QuadClass) and the dyad network
(actors on a circle, edges weighted by count and coloured by mean Goldstein).
Pure functions of the query results; escaped text only."""

from __future__ import annotations

import math
from html import escape
from typing import Any
from urllib.parse import quote

QUAD_COLOURS = {"1": "#8fc9a8", "2": "#2e8b57", "3": "#f0a868", "4": "#c0392b"}


def timeline(data: dict[str, Any], width: int = 880, height: int = 180) -> str:
    """Events per bin (``data["bucket"]``), stacked by QuadClass. Bars are at least
    6 px and at most 60 px wide (the bin is chosen from the data's span, see
    ``queries.pick_bucket``); the events with no day date are counted under the axis."""
    series = data.get("series") or []
    undated = int(data.get("undated") or 0)
    note = (f"{undated} event(s) without a day date (only a month, a year or none) are not "
            "shown") if undated else ""
    if not series:
        text = "No events dated to the day." + (f" {note}." if note else "")
        return (f'<svg class="timeline" viewBox="0 0 {width} 40" role="img" aria-label="no dated '
                f'events"><text x="8" y="24">{escape(text)}</text></svg>')
    top = max(sum(s["counts"].values()) for s in series) or 1
    pad, base = 34, height - 34
    slot = (width - pad - 8) / len(series)
    bar_w = max(6.0, min(60.0, slot * 0.85))
    total = sum(sum(s["counts"].values()) for s in series)
    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{total} events per {escape(data["bucket"])} by QuadClass" '
             f'data-bucket="{escape(data["bucket"])}">',
             f'<text x="{pad - 4}" y="20" class="axis" text-anchor="end">{top}</text>',
             f'<line x1="{pad}" y1="{base}" x2="{width}" y2="{base}" class="axis"/>']
    for i, s in enumerate(series):
        x = pad + i * slot + (slot - bar_w) / 2
        y = float(base)
        for q in ("1", "2", "3", "4"):
            n = s["counts"].get(q, 0)
            if not n:
                continue
            h = n / top * (base - 16)
            y -= h
            parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                         f'height="{h:.1f}" fill="{QUAD_COLOURS[q]}"><title>'
                         f'{escape(s["start"])}: {n} (QuadClass {q})</title></rect>')
    last_x = -1e9
    for i in sorted({0, len(series) // 4, len(series) // 2, 3 * len(series) // 4,
                     len(series) - 1}):
        x = pad + i * slot + slot / 2
        if x - last_x < 90:
            continue
        last_x = x
        anchor = "end" if x > width - 50 else "middle" if i else "start"
        x = min(x, width - 2.0) if anchor == "end" else max(x if i else pad, pad)
        parts.append(f'<text x="{x:.1f}" y="{base + 14}" class="axis" '
                     f'text-anchor="{anchor}">{escape(series[i]["start"])}</text>')
    if note:
        parts.append(f'<text x="{pad}" y="{height - 4}" class="undated">{escape(note)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def goldstein_colour(g: float | None) -> str:
    """Red for conflict (-10), grey at 0, green for cooperation (+10)."""
    if g is None:
        return "#999999"
    t = max(-1.0, min(1.0, g / 10))
    if t < 0:
        r, gr, b = 150 + int(-t * 90), 150 - int(-t * 100), 150 - int(-t * 100)
    else:
        r, gr, b = 150 - int(t * 110), 150 + int(t * 40), 150 - int(t * 80)
    return f"#{r:02x}{gr:02x}{b:02x}"


# Label metrics for layout (12 px system sans): an upper bound of a character's width,
# so that the box computed on the server holds the text the browser draws.
FONT_PX = 12
CHAR_PX = 7.4
LINE_PX = 15
LABEL_CHARS = 28
RADIAL_FROM = 18  # more nodes than this: labels point outwards along their radius


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def _spread(items: list[list[float]], lo: float, hi: float, gap: float) -> None:
    """Move the y (``item[1]``) of labels on one side apart by at least ``gap``,
    keeping them between ``lo`` and ``hi`` and as near their nodes as they can be."""
    items.sort(key=lambda it: it[1])
    for i in range(1, len(items)):
        items[i][1] = max(items[i][1], items[i - 1][1] + gap)
    if items and items[-1][1] > hi:
        items[-1][1] = hi
        for i in range(len(items) - 2, -1, -1):
            items[i][1] = min(items[i][1], items[i + 1][1] - gap)
    if items and items[0][1] < lo:  # too many for the side: the box grows (see caller)
        shift = lo - items[0][1]
        for it in items:
            it[1] += shift


def network(data: dict[str, Any], link_prefix: str = "/actors/", query: str = "") -> str:
    """The dyad network: actors on a circle (the busiest first, clockwise from the
    top), edges weighted by events and coloured by mean Goldstein, every node a
    link to its actor page. Few nodes: labels level, pushed apart on each side so
    none overlaps; many (up to a couple of hundred): labels along their radius, the
    circle big enough that neighbours' labels do not touch. The viewBox holds every
    label, and the SVG scales to its container."""
    nodes = data.get("nodes") or []
    edges = data.get("edges") or []
    if not nodes:
        return ('<svg class="network" viewBox="0 0 520 40" role="img" aria-label="no dyads">'
                '<text x="8" y="24">No dyads with both actors known.</text></svg>')
    n = len(nodes)
    radial = n > RADIAL_FROM
    labels = [_label(str(nd["name"])) for nd in nodes]
    longest = max(len(t) for t in labels) * CHAR_PX
    r = max(150.0, n * (LINE_PX + 1) / (2 * math.pi)) if radial else \
        max(150.0, (n / 2 + 1) * LINE_PX / 2)
    margin = longest + 22
    c = r + margin
    height = width = 2 * c
    angles = [2 * math.pi * i / n - math.pi / 2 for i in range(n)]
    pos = {nd["id"]: (c + r * math.cos(a), c + r * math.sin(a)) for nd, a in zip(nodes, angles,
                                                                              strict=True)}
    placed: list[tuple[float, float, float, str]] = []  # x, y, rotation, anchor
    leaders: list[tuple[float, float, float, float]] = []
    if radial:
        for a in angles:
            deg = math.degrees(a)
            left = math.cos(a) < 0
            x, y = c + (r + 9) * math.cos(a), c + (r + 9) * math.sin(a)
            placed.append((x, y, deg + 180 if left else deg, "end" if left else "start"))
    else:
        sides: dict[str, list[list[float]]] = {"left": [], "right": []}
        out: dict[int, tuple[float, float, float, str]] = {}
        for i, a in enumerate(angles):
            x, y = c + r * math.cos(a), c + r * math.sin(a)
            if abs(math.cos(a)) < 1e-9:  # the top and bottom nodes: label above, below
                out[i] = (x, y - 12 if y < c else y + 12 + FONT_PX, 0.0, "middle")
                continue
            sides["left" if math.cos(a) < 0 else "right"].append(
                [float(i), y + FONT_PX / 3, x, y])
        # side labels stay clear of the top node's label (and the bottom one's, if any)
        top = c - r + LINE_PX
        bottom = c + r - LINE_PX if n % 2 == 0 else c + r + 2 * LINE_PX
        for items in sides.values():
            _spread(items, top, bottom, LINE_PX)
        for side, items in sides.items():
            for i_f, ly, nx, ny in items:
                i = int(i_f)
                gap = 10.0
                lx = nx - gap if side == "left" else nx + gap
                out[i] = (lx, ly, 0.0, "end" if side == "left" else "start")
                if abs(ly - FONT_PX / 3 - ny) > 2:
                    leaders.append((nx, ny, lx, ly - FONT_PX / 3))
        placed = [out[i] for i in range(n)]
        ys = [p[1] for p in placed]
        height = max(height, max(ys) + LINE_PX)
    top_w = max(e["events"] for e in edges) or 1
    parts = [f'<svg class="network" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
             f'style="max-width: {width:.0f}px" '
             f'aria-label="dyad network of {n} actors" data-nodes="{n}" '
             f'data-layout="{"radial" if radial else "level"}">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
             'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
             '<path d="M 0 0 L 10 5 L 0 10 z" fill="#666"/></marker></defs>']
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        w = 1 + 5 * math.log1p(e["events"]) / math.log1p(top_w)
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="{goldstein_colour(e["mean_goldstein"])}" '
                     f'stroke-width="{w:.1f}" marker-end="url(#arrow)" opacity="0.8"><title>'
                     f'{escape(e["source_name"] or e["source"])} → '
                     f'{escape(e["target_name"] or e["target"])}: {e["events"]} event(s), '
                     f'mean Goldstein {e["mean_goldstein"]}</title></line>')
    for x1, y1, x2, y2 in leaders:
        parts.append(f'<line class="leader" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2:.1f}"/>')
    for nd, label, (lx, ly, rot, anchor) in zip(nodes, labels, placed, strict=True):
        x, y = pos[nd["id"]]
        href = escape(link_prefix + quote(nd["id"], safe="") + query)
        turn = f' transform="rotate({rot:.1f} {lx:.1f} {ly:.1f})"' if radial else ""
        parts.append(f'<a href="{href}"><title>{escape(str(nd["name"]))}: {nd["events"]} '
                     f'event(s)</title><circle cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="{min(3 + math.sqrt(nd["events"]), 12):.1f}" class="node"/>'
                     f'<text class="label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" '
                     f'dominant-baseline="{"middle" if radial else "auto"}"{turn}>'
                     f'{escape(label)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)
