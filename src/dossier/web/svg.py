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
    series = data.get("series") or []
    if not series:
        return (f'<svg class="timeline" viewBox="0 0 {width} 40" role="img" aria-label="no dated '
                'events"><text x="8" y="24">No events dated to the day.</text></svg>'
                )
    top = max(sum(s["counts"].values()) for s in series) or 1
    pad, base = 30, height - 22
    bar_w = min(48.0, max(1.0, (width - pad - 8) / len(series)))
    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="events per {escape(data["bucket"])} by QuadClass">',
             f'<text x="2" y="12" class="axis">{top}</text>',
             f'<line x1="{pad}" y1="{base}" x2="{width}" y2="{base}" class="axis"/>']
    for i, s in enumerate(series):
        x = pad + i * bar_w
        y = float(base)
        for q in ("1", "2", "3", "4"):
            n = s["counts"].get(q, 0)
            if not n:
                continue
            h = n / top * (base - 16)
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 0.8):.1f}" '
                         f'height="{h:.1f}" fill="{QUAD_COLOURS[q]}"><title>'
                         f'{escape(s["start"])}: {n} (QuadClass {q})</title></rect>')
    last_x = -1e9
    for i in sorted({0, len(series) // 4, len(series) // 2, 3 * len(series) // 4,
                     len(series) - 1}):
        x = pad + i * bar_w
        if x - last_x < 90:
            continue
        last_x = x
        end = i == len(series) - 1 and i > 0
        anchor = ' text-anchor="end"' if end else ""
        parts.append(f'<text x="{(x + bar_w) if end else x:.1f}" y="{height - 6}" '
                     f'class="axis"{anchor}>{escape(series[i]["start"])}</text>')
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


def network(data: dict[str, Any], link_prefix: str = "/actors/", query: str = "",
            size: int = 520) -> str:
    nodes = data.get("nodes") or []
    edges = data.get("edges") or []
    if not nodes:
        return (f'<svg class="network" viewBox="0 0 {size} 40" role="img" aria-label="no dyads">'
                '<text x="8" y="24">No dyads with both actors known.</text></svg>'
                )
    c, r = size / 2, size / 2 - 70
    pos = {}
    for i, n in enumerate(nodes):
        a = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[n["id"]] = (c + r * math.cos(a), c + r * math.sin(a))
    top = max(e["events"] for e in edges) or 1
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" '
             f'aria-label="dyad network">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
             'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
             '<path d="M 0 0 L 10 5 L 0 10 z" '
             'fill="#666"/></marker></defs>']
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        w = 1 + 5 * math.log1p(e["events"]) / math.log1p(top)
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="{goldstein_colour(e["mean_goldstein"])}" '
                     f'stroke-width="{w:.1f}" marker-end="url(#arrow)" opacity="0.8"><title>'
                     f'{escape(e["source_name"] or e["source"])} → '
                     f'{escape(e["target_name"] or e["target"])}: {e["events"]} event(s), '
                     f'mean Goldstein {e["mean_goldstein"]}</title></line>')
    for n in nodes:
        x, y = pos[n["id"]]
        href = escape(link_prefix + quote(n["id"], safe="") + query)
        anchor = "start" if x >= c else "end"
        dx = 8 if x >= c else -8
        parts.append(f'<a href="{href}"><circle cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="{3 + math.sqrt(n["events"]):.1f}" class="node"/>'
                     f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
                     f'{escape(n["name"][:28])}</text></a>')
    parts.append("</svg>")
    return "".join(parts)
