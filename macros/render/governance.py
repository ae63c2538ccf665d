"""The governance structure: a layered SVG diagram and the same as text."""

from __future__ import annotations

import textwrap

from ..model import Agenda, Body
from .paths import body_anchor
from .html import Edit, Link, dl, esc, md, md_inline, no_edit, parties, ul

LEVELS = [
    ("bestuurlijk", "Bestuurlijk niveau"),
    ("regie", "Regie en sturing"),
    ("uitvoering", "Uitvoering"),
    ("advies", "Advies en inspraak"),
]
RELATIONS = [
    ("rapporteert_aan", "rapporteert aan", ""),
    ("adviseert", "adviseert", "8 5"),
    ("bereidt_voor", "bereidt voor", "2 4"),
]
BOX_W, BOX_H, GAP, ROW_GAP, PER_ROW, BAND = 200, 70, 24, 56, 3, 24


def _layout(agenda: Agenda) -> tuple[dict[str, tuple[float, float]], list[tuple[str, float]], float, float]:
    """Box positions (top-left) per body id, level labels with their y, total size."""
    width = PER_ROW * BOX_W + (PER_ROW + 1) * GAP
    pos: dict[str, tuple[float, float]] = {}
    bands: list[tuple[str, float]] = []
    y = 10.0
    for level, label in LEVELS:
        bodies = [b for b in agenda.organen if b.niveau == level]
        if not bodies:
            continue
        bands.append((label, y))
        y += BAND
        for start in range(0, len(bodies), PER_ROW):
            row = bodies[start:start + PER_ROW]
            row_w = len(row) * BOX_W + (len(row) - 1) * GAP
            x = (width - row_w) / 2
            for body in row:
                pos[body.id] = (x, y)
                x += BOX_W + GAP
            y += BOX_H + GAP
        y += ROW_GAP - GAP
    return pos, bands, width, y


def _relations_text(agenda: Agenda) -> list[str]:
    out = []
    for body in agenda.organen:
        for key, verb, _ in RELATIONS:
            for target in getattr(body, key):
                other = agenda.body(target)
                if other:
                    out.append(f"{body.naam} {verb} {other.naam}.")
    return out


def _crosses(a: tuple[float, float], b: tuple[float, float], box: tuple[float, float]) -> bool:
    """Does the segment a-b pass through the inside of a box (Liang-Barsky clipping)?"""
    left, top = box[0] + 1, box[1] + 1  # a line that only touches the border is fine
    right, bottom = box[0] + BOX_W - 1, box[1] + BOX_H - 1
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    low, high = 0.0, 1.0
    for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _nudge(used: dict[tuple[str, float], int], key: tuple[str, float]) -> float:
    """Edges sharing a gap or channel run side by side (0, -6, +6, -10, +10 ...), not on top of each other."""
    n = used.get(key, 0)
    used[key] = n + 1
    return [0, -6, 6, -10, 10, -3, 3][n % 7]


def _route(start: tuple[float, float], end: tuple[float, float], boxes: list[tuple[float, float]],
           used: dict[tuple[str, float], int]) -> list[tuple[float, float]]:
    """A straight edge, or, when a box is in the way, one that weaves between the rows.

    The detour runs through the channels between rows and, at each row in between,
    through the gap (or the margin) nearest to where it is and where it is going;
    the last stretch, inside the channel next to the target's row, can touch no box.
    """
    if start[1] == end[1] or not any(_crosses(start, end, box) for box in boxes):
        return [start, end]
    up = end[1] < start[1]
    source_row = start[1] if up else start[1] - BOX_H
    target_row = end[1] - BOX_H if up else end[1]
    low, high = sorted((source_row, target_row))
    between = sorted({y for _, y in boxes if low < y < high}, reverse=up)

    def channel(a: float, b: float) -> float:
        top, bottom = sorted((a, b))
        return (top + BOX_H + bottom) / 2

    points = [start]
    x, previous = start[0], source_row
    for row in between:
        c = channel(previous, row)
        c += _nudge(used, ("channel", c))
        xs = sorted(bx for bx, by in boxes if by == row)
        lanes = [xs[0] - GAP / 2, xs[-1] + BOX_W + GAP / 2] + [(a + BOX_W + b) / 2 for a, b in zip(xs, xs[1:])]
        lane = min(lanes, key=lambda lx, x=x: abs(lx - x) + abs(lx - end[0]))
        lane += _nudge(used, ("lane", lane))
        points += [(x, c), (lane, c)]
        x, previous = lane, row
    c = channel(previous, target_row)
    points += [(x, c + _nudge(used, ("channel", c))), end]
    return [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]


def governance_diagram(agenda: Agenda) -> str:
    if not agenda.organen:
        return ""
    pos, bands, width, height = _layout(agenda)
    desc = " ".join(_relations_text(agenda)) or "Geen verbindingen tussen de organen."
    out = [
        f'<figure class="lea-diagram"><div class="lea-scroll" role="region" tabindex="0" aria-label="Organisatieschema">'
        f'<svg class="lea-diagram__svg" viewBox="0 0 {width:.0f} {height + 40:.0f}" role="img" '
        f'aria-labelledby="lea-gov-t lea-gov-d" xmlns="http://www.w3.org/2000/svg">',
        '<title id="lea-gov-t">Organisatieschema van de agenda</title>',
        f'<desc id="lea-gov-d">{esc(desc)}</desc>',
        '<defs><marker id="lea-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="lea-diagram__arrowhead"/></marker></defs>',
    ]
    for label, y in bands:
        out.append(f'<text class="lea-diagram__band" x="{GAP}" y="{y + 14:.0f}">{esc(label)}</text>')
    edges = [(body.id, target, dash) for body in agenda.organen for key, _, dash in RELATIONS
             for target in getattr(body, key) if target in pos and body.id in pos]

    def spread(edge: tuple[str, str, str], at: int) -> float:
        """Spread the ends of several edges along a box's side (ordered by where the other end is)."""
        box = edge[at]
        ends = sorted((e for e in edges if e[at] == box), key=lambda e: (pos[e[1 - at]][0], pos[e[1 - at]][1]))
        return pos[box][0] + BOX_W * (ends.index(edge) + 1) / (len(ends) + 1)

    boxes = list(pos.values())
    used: dict[tuple[str, float], int] = {}
    for edge in edges:
        source, target, dash = edge
        (x1, y1), (x2, y2) = pos[source], pos[target]
        sx, tx = spread(edge, 0), spread(edge, 1)
        if y2 < y1:  # target above: leave from the top, arrive at the bottom
            sy, ty = y1, y2 + BOX_H
        elif y2 > y1:
            sy, ty = y1 + BOX_H, y2
        else:  # same row: side to side
            sy = ty = y1 + BOX_H / 2
            sx, tx = (x1 + BOX_W, x2) if x2 > x1 else (x1, x2 + BOX_W)
        points = _route((sx, sy), (tx, ty), boxes, used)
        if sy == ty and any(_crosses((sx, sy), (tx, ty), box) for box in boxes):
            # Same row with boxes in between: under the row, bottom to bottom.
            sx, tx, bottom = x1 + BOX_W / 2, x2 + BOX_W / 2, y1 + BOX_H
            cy = bottom + GAP / 2 + _nudge(used, ("channel", bottom + GAP / 2)) / 2
            points = [(sx, bottom), (sx, cy), (tx, cy), (tx, bottom)]
        style = f' stroke-dasharray="{dash}"' if dash else ""
        coords = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
        out.append(f'<polyline class="lea-diagram__edge" points="{coords}"{style} marker-end="url(#lea-arrow)"/>')
    for body in agenda.organen:
        x, y = pos[body.id]
        out.append(f'<g class="lea-diagram__box lea-diagram__box--{esc(body.niveau)}">')
        out.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6"/>')
        lines = textwrap.wrap(body.naam, 24)[:2]
        for k, line in enumerate(lines):
            out.append(f'<text class="lea-diagram__name" x="{x + BOX_W / 2:.0f}" y="{y + 22 + 17 * k:.0f}" text-anchor="middle">{esc(line)}</text>')
        if body.frequentie:
            out.append(f'<text class="lea-diagram__meta" x="{x + BOX_W / 2:.0f}" y="{y + BOX_H - 10:.0f}" text-anchor="middle">{esc(textwrap.shorten(body.frequentie, 30))}</text>')
        out.append("</g>")
    ly = height + 20
    lx = GAP
    for _, verb, dash in RELATIONS:
        style = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line class="lea-diagram__edge" x1="{lx}" y1="{ly}" x2="{lx + 36}" y2="{ly}"{style} marker-end="url(#lea-arrow)"/>')
        out.append(f'<text class="lea-diagram__meta" x="{lx + 44}" y="{ly + 4}">{esc(verb)}</text>')
        lx += 190
    out.append("</svg></div>")
    out.append('<figcaption>Organisatieschema. Dezelfde informatie staat hieronder als tekst.</figcaption></figure>')
    return "".join(out)


def body_details(agenda: Agenda, body: Body, link: Link, edit: Edit = no_edit) -> str:
    """One body as a definition list: level, chair, members, frequency, tasks, relations."""
    rows: list[tuple[str, str]] = [("Niveau", esc(dict(LEVELS)[body.niveau]) + (f" ({esc(body.soort)})" if body.soort else ""))]
    if body.voorzitter:
        rows.append(("Voorzitter", parties(agenda, [body.voorzitter], link)))
    if body.leden:
        rows.append(("Leden", parties(agenda, body.leden, link)))
    if body.frequentie:
        rows.append(("Komt bijeen", esc(body.frequentie)))
    if body.ambitie and agenda.ambition(body.ambitie):
        amb = agenda.ambition(body.ambitie)
        assert amb is not None
        rows.append(("Werkt aan", f'<a href="{esc(link(f"ambities/{amb.id}.md"))}">{esc(amb.titel)}</a>'))
    for key, verb, _ in RELATIONS:
        targets = [agenda.body(t) for t in getattr(body, key)]
        names = [f'<a href="{esc(link(body_anchor(t.id)))}">{esc(t.naam)}</a>' for t in targets if t]
        if names:
            rows.append((verb.capitalize(), ", ".join(names)))
    if body.taken:
        rows.append(("Taken", ul(esc(t) for t in body.taken)))
    return md(body.beschrijving) + dl(rows) + edit(body, body.naam)


def governance_text(agenda: Agenda, link: Link, edit: Edit = no_edit) -> str:
    """Markdown: a heading per body, grouped by level (the diagram's text equivalent)."""
    parts = []
    for level, label in LEVELS:
        bodies = [b for b in agenda.organen if b.niveau == level]
        if not bodies:
            continue
        parts.append(f"### {md_inline(label)}\n")
        for body in bodies:
            parts.append(f'#### {md_inline(body.naam)} {{#orgaan-{body.id}}}\n\n{body_details(agenda, body, link, edit)}\n')
    return "\n".join(parts)
