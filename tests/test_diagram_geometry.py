"""The organisation chart as a reader sees it (review item 10): a line touches only the two boxes it
connects, and crosses no label. Measured on the rendered SVG of the demo and of every fixture, in the
wide layout and the phone's, with the renderer's own generous estimate of a label's width."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.load import load
from lea_site.render import governance
from lea_site.render.governance import BAND_SIZE, band_width, text_width

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .geometry import Rect, passes_inside

SITES = [("demo", DATA, DEMO_TODAY)] + [(p.name, p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]
# A line (2 wide) and a box border (2 wide) that come closer than this look as if they touch.
NEAR = 3.0


def hits(a: tuple[float, float], b: tuple[float, float], r: Rect) -> bool:
    return passes_inside(r, a, b)


def grow(r: Rect, d: float) -> Rect:
    return (r[0] - d, r[1] - d, r[2] + d, r[3] + d)


def on_border(p: tuple[float, float], r: Rect) -> bool:
    inside = r[0] - 1 <= p[0] <= r[2] + 1 and r[1] - 1 <= p[1] <= r[3] + 1
    return inside and min(abs(p[0] - r[0]), abs(p[0] - r[2]), abs(p[1] - r[1]), abs(p[1] - r[3])) <= 1


def labels(svg) -> list[tuple[str, Rect]]:
    """Every text outside the boxes: the level labels (capitals, letter-spaced) and the legend."""
    out = []
    for span in svg.select("text.lea-diagram__band tspan"):
        x, y, text = float(span["x"]), float(span["y"]), span.get_text()
        out.append((text, (x, y - BAND_SIZE, x + band_width(text), y + 0.3 * BAND_SIZE)))
    for text in svg.find_all("text", recursive=False):
        if "lea-diagram__meta" in text.get("class", []):
            x, y = float(text["x"]), float(text["y"])
            out.append((text.get_text(), (x, y - 12, x + text_width(text.get_text(), 12), y + 4)))
    return out


@pytest.mark.parametrize("narrow", [False, True], ids=["breed", "smal"])
@pytest.mark.parametrize("name,data,today", SITES, ids=[s[0] for s in SITES])
def test_a_line_touches_only_its_own_two_boxes_and_crosses_no_label(name: str, data: Path, today, narrow: bool):
    agenda = load(data, today).agenda
    svg = BeautifulSoup(governance.governance_diagram(agenda, narrow=narrow), "html.parser").select_one("svg")
    if svg is None:
        pytest.skip("no bodies, no chart")
    boxes = [(float(r["x"]), float(r["y"]), float(r["x"]) + float(r["width"]), float(r["y"]) + float(r["height"]))
             for r in svg.select("g.lea-diagram__box rect")]
    texts = labels(svg)
    _, _, view_w, view_h = map(float, svg["viewbox"].split())
    edges = svg.select("polyline.lea-diagram__edge")
    for edge in edges:
        points = [tuple(map(float, p.split(","))) for p in edge["points"].split()]
        ends = [next(k for k, box in enumerate(boxes) if on_border(p, box)) for p in (points[0], points[-1])]
        assert ends[0] != ends[1]
        for a, b in zip(points, points[1:]):
            assert 0 <= min(a[0], b[0]) and max(a[0], b[0]) <= view_w and 0 <= min(a[1], b[1]) and max(a[1], b[1]) <= view_h
            for k, box in enumerate(boxes):
                # Its own boxes: the line only leaves or reaches the border; any other: not even near it.
                shape = grow(box, -1) if k in ends else grow(box, NEAR)
                assert not hits(a, b, shape), f"{name}: segment {a}-{b} of {points} runs through or along box {box}"
            for text, rect in texts:
                assert not hits(a, b, grow(rect, 1)), f"{name}: segment {a}-{b} crosses the label {text!r}"
    # The level labels themselves stay clear of the boxes.
    for text, rect in texts:
        assert not any(hits((rect[0], rect[1]), (rect[2], rect[3]), box) or hits((rect[0], rect[3]), (rect[2], rect[1]), box)
                       for box in boxes), text


def test_the_check_itself():
    box = (100.0, 100.0, 200.0, 150.0)
    assert hits((0, 125), (300, 125), box)  # straight through
    assert hits((99, 100.5), (300, 100.5), box)  # along the inside of the top border
    assert not hits((0, 90), (300, 90), box)  # above it
    assert not hits((150, 100), (150, 0), box)  # leaves from the top border
    assert hits((150, 98), (150, 0), grow(box, NEAR))  # too near another box
