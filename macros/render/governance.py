"""The governance structure: a layered SVG diagram and the same as text."""

from __future__ import annotations

import textwrap

from ..model import Agenda, Body
from .html import Edit, Link, esc, md, md_inline, no_edit, parties, ul

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
        style = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line class="lea-diagram__edge" x1="{sx:.0f}" y1="{sy:.0f}" x2="{tx:.0f}" y2="{ty:.0f}"{style} marker-end="url(#lea-arrow)"/>')
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
        names = [f'<a href="{esc(link("organisatie.md#" + t.id))}">{esc(t.naam)}</a>' for t in targets if t]
        if names:
            rows.append((verb.capitalize(), ", ".join(names)))
    if body.taken:
        rows.append(("Taken", ul(esc(t) for t in body.taken)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return md(body.beschrijving) + f'<dl class="lea-dl">{dl}</dl>' + edit(body, body.naam)


def governance_text(agenda: Agenda, link: Link, edit: Edit = no_edit) -> str:
    """Markdown: a heading per body, grouped by level (the diagram's text equivalent)."""
    parts = []
    for level, label in LEVELS:
        bodies = [b for b in agenda.organen if b.niveau == level]
        if not bodies:
            continue
        parts.append(f"### {md_inline(label)}\n")
        for body in bodies:
            parts.append(f'#### {md_inline(body.naam)} {{#{body.id}}}\n\n{body_details(agenda, body, link, edit)}\n')
    return "\n".join(parts)
