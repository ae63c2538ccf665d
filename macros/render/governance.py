"""The governance structure: a layered SVG diagram and the same as text."""

from __future__ import annotations

import math
from typing import Mapping, NamedTuple

from ..model import Agenda, Body, Member, Party, Role
from . import format as fmt
from . import words
from .paths import ambition_page, body_anchor
from .html import Edit, Link, dl, esc, prose, md, md_inline, no_edit, parties, party, ul
from .contact import contact_html, resolve
from . import routing
from .measure import segment_meets, text_width

LEVELS = [
    ("bestuurlijk", "Bestuurlijk niveau"),
    ("regie", "Regie en sturing"),
    ("uitvoering", "Uitvoering"),
    ("advies", "Advies en inspraak"),
    ("netwerk", "Netwerk en kennisdeling"),
]
RELATIONS = [
    ("rapporteert_aan", "rapporteert aan", ""),
    ("adviseert", "adviseert", "8 5"),
    ("bereidt_voor", "bereidt voor", "2 4"),
    ("deel_van", "is onderdeel van", "12 3 2 3"),
    ("gaat_samen_met", "gaat samen met", "1 5"),
]
# Relations the legend names only when a body has them (the first three are in every legend, as before).
WHEN_USED = ("deel_van", "gaat_samen_met")
BOX_W, BOX_H, GAP, ROW_GAP, PER_ROW, BAND = 200, 70, 24, 56, 3, 24
# Text inside a box: names bold at 14, the rest at 12 (lea.css), wrapped by an estimate of each
# character's width that errs on the wide side, so that a line never runs out of its box.
# Nothing is cut off: a long label takes more lines, and its box (and row) grows with it.
PAD, NAME_SIZE, META_SIZE, NAME_LINE, META_LINE = 8, 14, 12, 17, 15
TEXT_W = BOX_W - 2 * PAD
NETWORK_NOTE = "Een netwerk is er om elkaar te ontmoeten en kennis te delen. Het neemt geen besluiten."


class Grid(NamedTuple):
    """How boxes are laid out: so many per row, each so wide (SVG units)."""

    per_row: int
    box_w: float
    right: float = 0.0  # room at the right for lines beside the boxes (the phone's layout keeps its width)

    @property
    def width(self) -> float:
        return self.per_row * self.box_w + (self.per_row + 1) * GAP + self.right


WIDE = Grid(PER_ROW, BOX_W)
# On a phone one box per row, 288 units wide: at 320 px (288 px of column) the SVG is drawn 1:1, so the labels are
# their own 12 and 14 px; at 375 px somewhat larger. The wide chart there was scaled to half (labels of 5 to 6 px).
NARROW = Grid(1, 240)
def _wrap(text: str, size: float, bold: bool = False, width: float = TEXT_W) -> list[str]:
    """Lines that each fit ``width``; a word too long for a line is broken, never cut off."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:  # a word wider than a line: break it where it must
            if line and text_width(line + ch, size, bold) > width:
                lines.append(line)
                line = ""
            line += ch
    if line:
        lines.append(line)
    return lines or [""]


def drawn(agenda: Agenda) -> list[Body]:
    """The bodies in the diagram: proposed and active ones (an ended body is only in the text)."""
    return [b for b in agenda.organen if b.status != "beeindigd"]


def is_role(body: Body) -> bool:
    """A body that is one person in a role (a process manager): one member, named by a role that is the
    body's own name or kind, and no size ('ouders uit de wijken' with '10 tot 12 ouders' is a group)."""
    if len(body.leden) != 1 or body.omvang or body.niveau == "netwerk":
        return False
    member = body.leden[0]
    if member.rol is None or member.partner is not None or member.orgaan is not None:
        return False
    rol, naam = member.rol.casefold(), body.naam.casefold()
    return rol == (body.soort or "").casefold() or rol in naam or naam in rol


def party_text(agenda: Agenda, p: Party) -> str:
    """A party as plain text (for the diagram): role, partner or body, as :func:`html.party` names them."""
    names = []
    if p.partner:
        partner = agenda.partner(p.partner)
        names.append((partner.afkorting or partner.naam) if partner else p.partner)
    if p.orgaan:
        body = agenda.body(p.orgaan)
        names.append(body.naam if body else p.orgaan)
    if p.rol:
        return p.rol + (f" ({', '.join(names)})" if names else "")
    return ", ".join(names)


def _box_text(agenda: Agenda, body: Body, text_w: float = TEXT_W) -> tuple[list[str], list[str]]:
    """The lines of a box: its name, then what kind of box it is, how often it meets, its secretary."""
    meta = []
    if body.status == "voorgesteld":
        meta.append("voorgesteld, nog niet ingesteld")
    if is_role(body):
        meta.append("een functie (één persoon)")
    if body.frequentie:
        meta.append(body.frequentie)
    if body.secretaris:
        meta.append("secretaris: " + party_text(agenda, body.secretaris))
    return _wrap(body.naam, NAME_SIZE, bold=True, width=text_w), [line for text in meta for line in _wrap(text, META_SIZE, width=text_w)]


def _box_height(name: list[str], meta: list[str]) -> float:
    return max(BOX_H, PAD + NAME_LINE * len(name) + (4 + META_LINE * len(meta) if meta else 0) + PAD)


class Placed(NamedTuple):
    """Where everything of one layout is: boxes, rows, the free channels between rows, the level labels."""

    pos: dict[str, tuple[float, float]]  # top-left of each body's box
    heights: dict[str, float]
    rows: list[list[str]]  # the body ids of each row, left to right
    channels: list[tuple[float, float]]  # free (top, bottom) above each row, and below the last
    bands: list[tuple[list[str], float, str]]  # a level's label (in lines), its y and its level
    labels: list[tuple[float, float] | None]  # per row: the x range of the level label just above it
    width: float
    height: float


BAND_SIZE, BAND_LINE = 13, 16  # level labels: bold capitals at 13 with 0.05em letter spacing (lea.css)


def band_width(text: str) -> float:
    """A generous estimate of a level label's width: capitals, bold, letter-spaced."""
    return text_width(text.upper(), BAND_SIZE, bold=True) + 0.05 * BAND_SIZE * len(text)


def _band_lines(label: str, room: float) -> list[str]:
    """A level label in lines of at most ``room`` (a word longer than that keeps its line)."""
    lines: list[str] = []
    for word in label.split():
        if lines and band_width(f"{lines[-1]} {word}") <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _layout(agenda: Agenda, grid: Grid = WIDE, extra: Mapping[int, float] | None = None) -> Placed:
    """Box positions and heights, rows, channels and level labels; ``extra`` makes channels higher for their lines.

    A box is as high as its wrapped text; a row as high as its tallest box. A level's label stands at the left
    above its first row; it wraps so that the first box keeps room on its top side for lines that do not cross it.
    """
    extra = extra or {}
    width, per_row, box_w = grid.width, grid.per_row, grid.box_w
    placed = Placed({}, {}, [], [], [], [], width, 0.0)
    y, bottom = 10.0, 0.0
    bodies_drawn = drawn(agenda)
    for level, label in LEVELS:
        bodies = [b for b in bodies_drawn if b.niveau == level]
        if not bodies:
            continue
        for start in range(0, len(bodies), per_row):
            row = bodies[start:start + per_row]
            row_w = len(row) * box_w + (len(row) - 1) * GAP
            x = (width - grid.right - row_w) / 2
            y += extra.get(len(placed.rows), 0.0)
            free_bottom = y
            if start == 0:
                lines = _band_lines(label, x + box_w - 64 - GAP)
                if level == "netwerk" and placed.bands:
                    free_bottom = y - 14  # above the divider line
                placed.bands.append((lines, y, level))
                placed.labels.append((GAP, GAP + max(band_width(line) for line in lines)))
                y += BAND + BAND_LINE * (len(lines) - 1)
            else:
                placed.labels.append(None)
            placed.channels.append((bottom, free_bottom))
            placed.rows.append([body.id for body in row])
            for body in row:
                placed.pos[body.id] = (x, y)
                placed.heights[body.id] = _box_height(*_box_text(agenda, body, box_w - 2 * PAD))
                x += box_w + GAP
            bottom = y + max(placed.heights[body.id] for body in row)
            y = bottom + GAP
        y += ROW_GAP - GAP
    y += extra.get(len(placed.rows), 0.0)
    placed.channels.append((bottom, y))
    return placed._replace(height=y)


def _relations_text(agenda: Agenda) -> list[str]:
    out = []
    shown = {b.id for b in drawn(agenda)}
    for body in drawn(agenda):
        for key, verb, _ in RELATIONS:
            for target in getattr(body, key):
                other = agenda.body(target)
                if other and other.id in shown:
                    out.append(f"{body.naam} {verb} {other.naam}.")
    return out


def _kinds_text(agenda: Agenda) -> list[str]:
    """What the shape of a box says, in words: proposed, a network, one person."""
    out = []
    for body in drawn(agenda):
        if body.status == "voorgesteld":
            out.append(f"{body.naam} is voorgesteld en nog niet ingesteld.")
        if body.niveau == "netwerk":
            out.append(f"{body.naam} is een netwerk: het neemt geen besluiten.")
        if is_role(body):
            out.append(f"{body.naam} is een functie van één persoon.")
        if body.bestond_als:
            out.append(f"{body.naam} bestond al als {body.bestond_als}.")
    return out


def _crosses(a: tuple[float, float], b: tuple[float, float], box: tuple[float, ...], box_w: float = BOX_W) -> bool:
    """Does the segment a-b pass through the inside of a box (x, y[, height])? A line that only touches the
    border is fine."""
    height = box[2] if len(box) > 2 else BOX_H
    return segment_meets((box[0] + 1, box[1] + 1, box[0] + box_w - 1, box[1] + height - 1), a, b)


def _box(agenda: Agenda, body: Body, x: float, y: float, height: float, box_w: float = BOX_W) -> str:
    """One body: a box (a rounded one for a role, dashed for a proposal or a network) with wrapped text."""
    kinds = [f"lea-diagram__box--{esc(body.niveau)}"]
    if body.status == "voorgesteld":
        kinds.append("lea-diagram__box--voorgesteld")
    if is_role(body):
        kinds.append("lea-diagram__box--rol")
    radius = min(height / 2, 30) if is_role(body) else 16 if body.niveau == "netwerk" else 6
    name, meta = _box_text(agenda, body, box_w - 2 * PAD)
    cx = x + box_w / 2
    out = [f'<g class="lea-diagram__box {" ".join(kinds)}">',
           f'<rect x="{x:.0f}" y="{y:.0f}" width="{box_w:.0f}" height="{height:.0f}" rx="{radius:.0f}"/>']
    top = y + PAD + 13
    spans = "".join(f'<tspan x="{cx:.0f}" y="{top + NAME_LINE * k:.0f}">{esc(line)}</tspan>' for k, line in enumerate(name))
    out.append(f'<text class="lea-diagram__name" x="{cx:.0f}" y="{top:.0f}" text-anchor="middle">{spans}</text>')
    if meta:
        first = y + PAD + NAME_LINE * len(name) + 4 + 12
        spans = "".join(f'<tspan x="{cx:.0f}" y="{first + META_LINE * k:.0f}">{esc(line)}</tspan>' for k, line in enumerate(meta))
        out.append(f'<text class="lea-diagram__meta" x="{cx:.0f}" y="{first:.0f}" text-anchor="middle">{spans}</text>')
    out.append("</g>")
    return "".join(out)


def _legend(agenda: Agenda, width: float, y: float, arrow: str = "lea-arrow") -> tuple[str, float]:
    """The legend in rows that fit the width: the relations, and the kinds of box the diagram has."""
    bodies = drawn(agenda)
    items: list[tuple[str, str, float]] = []  # (symbol with {x} and {y}, label, symbol width)
    for key, verb, dash in RELATIONS:
        if key in WHEN_USED and not any(getattr(b, key) for b in bodies):
            continue
        style = f' stroke-dasharray="{dash}"' if dash else ""
        items.append((f'<line class="lea-diagram__edge" x1="{{x}}" y1="{{y}}" x2="{{x36}}" y2="{{y}}"{style} marker-end="url(#{arrow})"/>', verb, 36))
    box = '<rect class="{cls}" x="{{x}}" y="{{top}}" width="30" height="16" rx="{rx}"/>'
    if any(b.status == "voorgesteld" for b in bodies):
        items.append((box.format(cls="lea-diagram__key lea-diagram__key--voorgesteld", rx=3), "voorgesteld, nog niet ingesteld", 30))
    if any(b.niveau == "netwerk" for b in bodies):
        items.append((box.format(cls="lea-diagram__key lea-diagram__key--netwerk", rx=8), "netwerk, neemt geen besluiten", 30))
    if any(is_role(b) for b in bodies):
        items.append((box.format(cls="lea-diagram__key lea-diagram__key--rol", rx=8), "functie van één persoon", 30))
    out, lx, ly = [], float(GAP), y
    for symbol, label, symbol_w in items:
        item_w = symbol_w + 8 + len(label) * 12 * 0.62 + 24
        if lx > GAP and lx + item_w > width - GAP:
            lx, ly = float(GAP), ly + 26
        out.append(symbol.format(x=f"{lx:.0f}", x36=f"{lx + 36:.0f}", y=f"{ly:.0f}", top=f"{ly - 8:.0f}"))
        out.append(f'<text class="lea-diagram__meta" x="{lx + symbol_w + 8:.0f}" y="{ly + 4:.0f}">{esc(label)}</text>')
        lx += item_w
    return "".join(out), ly


def governance_diagram(agenda: Agenda, narrow: bool = False) -> str:
    """The chart in its figure: the wide layout, or with ``narrow`` the one for a phone."""
    if not drawn(agenda):
        return ""
    return _figure(agenda, _svg(agenda, NARROW, "-smal") if narrow else _svg(agenda, WIDE))


def governance_figure(agenda: Agenda) -> str:
    """Both layouts in one figure: the stylesheet shows the wide one on a wide screen and the one with a box per
    row on a phone (the other is display: none, so a screen reader meets one chart)."""
    if not drawn(agenda):
        return ""
    return _figure(agenda, _svg(agenda, WIDE) + _svg(agenda, NARROW, "-smal"))


def _figure(agenda: Agenda, svgs: str) -> str:
    caption = "Organisatieschema. Dezelfde informatie staat hieronder als tekst."
    if len(drawn(agenda)) < len(agenda.organen):
        caption += " Overleggen die gestopt zijn, staan niet in het schema, wel in de tekst."
    return (f'<figure class="lea-diagram"><div class="lea-scroll" role="region" tabindex="0" aria-label="Organisatieschema">'
            f"{svgs}</div><figcaption>{esc(caption)}</figcaption></figure>")


def _plan(agenda: Agenda, grid: Grid, edges: list[tuple[str, str, str]]) -> tuple[Placed, routing.Plan]:
    """The layout and the lanes of its lines."""
    placed = _layout(agenda, grid)
    where = {body_id: routing.End(r, k) for r, row in enumerate(placed.rows) for k, body_id in enumerate(row)}
    rows_x = [routing.RowX(tuple((placed.pos[b][0], placed.pos[b][0] + grid.box_w) for b in row), label)
              for row, label in zip(placed.rows, placed.labels)]
    return placed, routing.plan(rows_x, [(where[s], where[t]) for s, t, _ in edges], grid.width, grid.box_w)


def _svg(agenda: Agenda, grid: Grid, suffix: str = "") -> str:
    """One layout of the chart; ``suffix`` keeps its ids (title, description, arrow) apart from the other's."""
    edges = [(body.id, target, dash) for body in drawn(agenda) for key, _, dash in RELATIONS
             for target in getattr(body, key) if target != body.id and target in {b.id for b in drawn(agenda)}]
    placed, plan = _plan(agenda, grid, edges)
    if grid.per_row == 1 and plan.width > grid.width:
        # The phone's chart stays as wide as its column (drawn 1:1): narrower boxes give the lines their room.
        over = min(math.ceil(plan.width - grid.width), grid.box_w // 3)
        grid = Grid(1, grid.box_w - over, over)
        placed, plan = _plan(agenda, grid, edges)
    box_w = grid.box_w
    extra = routing.extra_height(plan, placed.channels)
    if any(extra.values()):
        placed = _layout(agenda, grid, extra)  # the same x's; channels high enough for their lines
    pos, heights, width, height = placed.pos, placed.heights, plan.width, placed.height
    desc = " ".join(_relations_text(agenda) + _kinds_text(agenda)) or "Geen verbindingen tussen de organen."
    arrow = f"lea-arrow{suffix}"
    legend, legend_bottom = _legend(agenda, width, height + 20, arrow)
    kind = "smal" if suffix else "breed"
    out = [
        f'<svg class="lea-diagram__svg lea-diagram__svg--{kind}" data-search-exclude viewBox="0 0 {width:.0f} {legend_bottom + 20:.0f}" '
        f'width="{width:.0f}" height="{legend_bottom + 20:.0f}" role="img" '
        f'aria-labelledby="lea-gov-t{suffix} lea-gov-d{suffix}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="lea-gov-t{suffix}">Organisatieschema van de agenda</title>',
        f'<desc id="lea-gov-d{suffix}">{esc(desc)}</desc>',
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="lea-diagram__arrowhead"/></marker></defs>',
    ]
    for lines, y, level in placed.bands:
        if level == "netwerk" and len(placed.bands) > 1:
            # A network stands apart from the lines of decision: a line between them.
            out.append(f'<line class="lea-diagram__divider" x1="{GAP}" x2="{grid.width - GAP:.0f}" y1="{y - 14:.0f}" y2="{y - 14:.0f}"/>')
        spans = "".join(f'<tspan x="{GAP}" y="{y + 14 + BAND_LINE * k:.0f}">{esc(line)}</tspan>' for k, line in enumerate(lines))
        out.append(f'<text class="lea-diagram__band" x="{GAP}" y="{y + 14:.0f}">{spans}</text>')
    boxes = [[(pos[b][1], heights[b]) for b in row] for row in placed.rows]
    for (_, _, dash), route in zip(edges, plan.routes):
        points = routing.points(route, placed.channels, boxes)
        style = f' stroke-dasharray="{dash}"' if dash else ""
        coords = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
        out.append(f'<polyline class="lea-diagram__edge" points="{coords}"{style} marker-end="url(#{arrow})"/>')
    for body in drawn(agenda):
        x, y = pos[body.id]
        out.append(_box(agenda, body, x, y, heights[body.id], box_w))
    out.append(legend)
    out.append("</svg>")
    return "".join(out)


def _since(body: Body) -> tuple[str, str] | None:
    """The body's status and start in words; nothing to say for an active body without a start date."""
    when = words.since(body.sinds) if body.sinds else ""
    if body.status == "voorgesteld":
        return ("Status", "voorgesteld, nog niet ingesteld" + (f" (voorgesteld {body.sinds.at})" if body.sinds else ""))
    if body.status == "beeindigd":
        return ("Status", "gestopt" + (f" (bestond sinds {when})" if when else ""))
    return ("Sinds", when) if when else None


def body_details(agenda: Agenda, body: Body, link: Link, edit: Edit = no_edit) -> str:
    """One body as a definition list: level, status, chair, secretary, members, size, meetings, minutes, tasks, relations."""
    level = dict(LEVELS)[body.niveau] + (" (neemt geen besluiten)" if body.niveau == "netwerk" else "")
    rows: list[tuple[str, str]] = [("Niveau", esc(level) + (f" ({esc(body.soort)})" if body.soort else ""))]
    since = _since(body)
    if since:
        rows.append((since[0], esc(since[1])))
    if is_role(body):
        rows.append(("Wie", prose(f"één persoon: {body.leden[0].rol}")))
    if body.voorzitter:
        rows.append(("Voorzitter", parties(agenda, [body.voorzitter], link)))
    if body.voorzitterschap:
        rows.append(("Voorzitterschap", prose(body.voorzitterschap)))
    if body.secretaris:
        rows.append(("Secretaris", parties(agenda, [body.secretaris], link)))
    if body.leden and not is_role(body):
        for label, members in words.member_groups(body):
            rows.append((label, ", ".join(_member(agenda, m, link) for m in members)))
    if body.omvang:
        rows.append(("Grootte", esc(body.omvang)))
    if body.frequentie:
        rows.append(("Komt bijeen", esc(body.frequentie)))
    if body.verslag:
        rows.append(("Verslagen", esc(body.verslag)))
    if body.bestond_als:
        rows.append(("Bestond al als", prose(body.bestond_als)))
    if body.vervangt:
        rows.append(("Vervangt", ul(prose(v) for v in body.vervangt)))
    if body.ambitie and agenda.ambition(body.ambitie):
        amb = agenda.ambition(body.ambitie)
        assert amb is not None
        rows.append(("Werkt aan", f'<a href="{esc(link(ambition_page(amb.id)))}">{esc(amb.titel)}</a>'))
    for key, verb, _ in RELATIONS:
        targets = [agenda.body(t) for t in getattr(body, key)]
        names = [f'<a href="{esc(link(body_anchor(t.id)))}">{esc(t.naam)}</a>' for t in targets if t]
        if names:
            rows.append((verb.capitalize(), ", ".join(names)))
    for label, others in relations_back(agenda, body):
        rows.append((label, ", ".join(f'<a href="{esc(link(body_anchor(o.id)))}">{esc(o.naam)}</a>' for o in others)))
    if body.stand_van_zaken:
        rows.append(("Stand van zaken", prose(body.stand_van_zaken)))
    if body.mandaat:
        rows.append(("Mandaat", prose(body.mandaat)))
    if body.taken:
        rows.append(("Taken", ul(prose(t) for t in body.taken)))
    goal = agenda.ambition(body.ambitie) if body.ambitie else None
    rows.append(("Contact", contact_html(agenda, resolve(agenda, body.contact, goal))))
    if body.aanmelden is not None:
        j = body.aanmelden
        how = [prose(x) for x in (j.wie and f"Voor {j.wie}.", j.hoe) if x]
        where = [f'<a href="mailto:{esc(j.email)}">{esc(j.email)}</a>' if j.email else "", f'<a href="{esc(j.url)}">{esc(j.url)}</a>' if j.url else ""]
        rows.append(("Meedoen", " ".join(how) + " Aanmelden: " + " of ".join(w for w in where if w)))
    return md(body.beschrijving) + dl(rows) + edit(body, body.naam)


def relations_back(agenda: Agenda, body: Body) -> list[tuple[str, list[Body]]]:
    """The relations other bodies name toward this one, seen from here: its parts, and a merger it did not name itself."""
    parts = [b for b in agenda.organen if body.id in b.deel_van]
    merging = [b for b in agenda.organen if body.id in b.gaat_samen_met and b.id not in body.gaat_samen_met]
    return [(label, found) for label, found in (("Omvat", parts), ("Gaat samen met", merging)) if found]


def _member(agenda: Agenda, member: Member, link: Link) -> str:
    """A member, with the goals it owns: 'wethouder onderwijs (eigenaar van 1. Een goede start)'."""
    goals = words.owned_goals(agenda, member)
    owns = words.names([f'<a href="{esc(link(ambition_page(g.id)))}">{esc(words.numbered(g))}</a>' for g in goals]) if goals else ""
    return party(agenda, member, link) + (f" (eigenaar van {owns})" if owns else "")


def role_details(agenda: Agenda, role: Role, link: Link, edit: Edit = no_edit) -> str:
    """A role (one person's job, such as a process manager): where it sits, how much time, to whom it answers, its tasks."""
    rows: list[tuple[str, str]] = []
    if role.partner:
        rows.append(("Ondergebracht bij", party(agenda, Party(partner=role.partner), link)))
    if role.omvang:
        rows.append(("Omvang", esc(role.omvang)))
    targets = [agenda.body(t) for t in role.rapporteert_aan]
    names = [f'<a href="{esc(link(body_anchor(t.id)))}">{esc(t.naam)}</a>' for t in targets if t]
    if names:
        rows.append(("Legt verantwoording af aan", ", ".join(names)))
    if role.taken:
        rows.append(("Taken", ul(prose(t) for t in role.taken)))
    if role.contact:
        rows.append(("Contact", contact_html(agenda, role.contact)))
    return md(role.beschrijving) + dl(rows) + edit(role, role.naam)


def organisation_note(agenda: Agenda) -> str:
    """Whether the organisation as a whole is a draft or agreed, and the agenda's word about it; '' when it says nothing."""
    org = agenda.info.organisatie
    if org is None:
        return ""
    state = org.vaststelling.status
    text = md(org.toelichting) if org.toelichting else ""
    if state == "concept":
        return ('<div class="admonition info"><p class="admonition-title">Concept</p><p>Deze organisatie is een eerste opzet '
                f'(concept): de overleggen en rollen kunnen nog veranderen.</p>{text}</div>\n')
    if state == "vastgesteld":
        return f"<p>De organisatie is {prose(fmt.adoption(org.vaststelling, agenda))}.</p>{text}\n"
    return text + "\n" if text else ""


def _heading(body: Body) -> str:
    mark = " (voorgesteld)" if body.status == "voorgesteld" else ""
    return f"#### {md_inline(body.naam + mark)} {{#orgaan-{body.id}}}\n"


def governance_text(agenda: Agenda, link: Link, edit: Edit = no_edit) -> str:
    """Markdown: a heading per body, grouped by level (the diagram's text equivalent); ended bodies last."""
    parts = [organisation_note(agenda)]
    current = drawn(agenda)
    for level, label in LEVELS:
        bodies = [b for b in current if b.niveau == level]
        if not bodies:
            continue
        parts.append(f"### {md_inline(label)}\n")
        if level == "netwerk":
            parts.append(f"<p>{esc(NETWORK_NOTE)}</p>\n")
        for body in bodies:
            parts.append(f"{_heading(body)}\n{body_details(agenda, body, link, edit)}\n")
    ended = [b for b in agenda.organen if b.status == "beeindigd"]
    if ended:
        parts.append("### Overleggen die gestopt zijn\n")
        parts.append("<p>Deze overleggen bestaan niet meer. Ze staan niet in het schema.</p>\n")
        for body in ended:
            parts.append(f"{_heading(body)}\n{body_details(agenda, body, link, edit)}\n")
    if agenda.rollen:
        parts.append("### Rollen\n")
        parts.append("<p>Functies van één persoon in de organisatie van de agenda, met hun taken.</p>\n")
        for role in agenda.rollen:
            parts.append(f"#### {md_inline(fmt.capital(role.naam))} {{#rol-{role.id}}}\n\n{role_details(agenda, role, link, edit)}\n")
    return "\n".join(p for p in parts if p)
