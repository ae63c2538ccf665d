"""Chart texts as a reader sees them (review items 9 and 26): every text of every indicator chart lies
inside the chart and covers no other text, no data or reference line and no marker, at the desktop's
text size and at the phone's larger one; every value's period has its label; the time axis reaches the
target's date. Measured on the rendered SVG of the demo and every fixture, with the renderer's generous
per-character estimate of a text's width (`lea_site.render.measure`). The faint grid lines are left out:
labels carry a halo in the page colour for them (lea.css)."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.load import load
from lea_site.render import charts
from lea_site.render.charts import DESKTOP_TEXT, PHONE_TEXT
from lea_site.render.measure import text_width

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .geometry import passes_inside

SITES = [("demo", DATA, DEMO_TODAY)] + [(p.name, p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]
Box = tuple[float, float, float, float]


def indicators(agenda):
    return [*agenda.info.kerncijfers, *(ind for amb in agenda.ambities for ind in amb.indicatoren)]


def offset(el) -> tuple[float, float]:
    """The translation of the legend group a text or a symbol sits in."""
    g = el.find_parent("g", class_="lea-chart__legend")
    if g is None:
        return 0.0, 0.0
    x, y = map(float, re.match(r"translate\(([-\d.]+),([-\d.]+)\)", g["transform"]).groups())
    return x, y


def text_boxes(svg, size: float) -> list[tuple[int, str, Box]]:
    """(text element, line, box) for every line of text shown at ``size`` (the phone hides --thin labels)."""
    out = []
    for n, text in enumerate(svg.find_all("text")):
        if size == PHONE_TEXT and "lea-chart__tick--thin" in text.get("class", []):
            continue
        anchor, bold = text.get("text-anchor", "start"), "lea-chart__label" in text.get("class", [])
        dx, dy = offset(text)
        for line in text.find_all("tspan") or [text]:
            x, y, t = float(line.get("x", text.get("x"))) + dx, float(line.get("y", text.get("y"))) + dy, line.get_text()
            w = text_width(t, size, bold)
            x0 = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
            out.append((n, t, (x0, y - size, x0 + w, y + 0.3 * size)))
    return out


def drawn_lines(svg) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    segments = []
    for line in svg.select("polyline.lea-chart__line"):
        pts = [tuple(map(float, p.split(","))) for p in line["points"].split()]
        segments += list(zip(pts, pts[1:]))
    for line in svg.select("line.lea-chart__target, line.lea-chart__compare"):
        dx, dy = offset(line)
        segments.append(((float(line["x1"]) + dx, float(line["y1"]) + dy), (float(line["x2"]) + dx, float(line["y2"]) + dy)))
    return segments


def markers(svg) -> list[Box]:
    out = []
    for m in svg.select(".lea-chart__dot"):
        dx, dy = offset(m)
        if m.name == "circle":
            x, y, r = float(m["cx"]), float(m["cy"]), float(m["r"])
            out.append((x - r + dx, y - r + dy, x + r + dx, y + r + dy))
        elif m.name == "rect":
            out.append((float(m["x"]) + dx, float(m["y"]) + dy, float(m["x"]) + float(m["width"]) + dx, float(m["y"]) + float(m["height"]) + dy))
        else:
            nums = list(map(float, re.findall(r"-?\d+(?:\.\d+)?", m["d"])))
            xs, ys = nums[0::2], nums[1::2]
            out.append((min(xs) + dx, min(ys) + dy, max(xs) + dx, max(ys) + dy))
    return out


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("name,data,today", SITES, ids=[s[0] for s in SITES])
def test_every_chart_text_is_inside_the_chart_and_covers_nothing(name: str, data: Path, today):
    agenda = load(data, today).agenda
    charted = 0
    for ind in indicators(agenda):
        html = charts.indicator_chart(ind)
        if not html:
            continue
        charted += 1
        svg = BeautifulSoup(html, "html.parser").select_one("svg")
        _, _, w, h = map(float, svg["viewbox"].split())
        segments, dots = drawn_lines(svg), markers(svg)
        for size in (DESKTOP_TEXT, PHONE_TEXT):
            boxes = text_boxes(svg, size)
            for _, text, box in boxes:
                where = f"{name} {ind.id} at {size}: {text!r} {tuple(round(v) for v in box)}"
                assert 0 <= box[0] and box[2] <= w and 0 <= box[1] and box[3] <= h, f"{where} is cut off by the chart ({w}x{h})"
                assert not any(passes_inside(box, p, q) for p, q in segments), f"{where} runs over a line"
                assert not any(overlap(box, d) for d in dots), f"{where} covers a marker"
            for (n, a, box_a), (m, b, box_b) in combinations(boxes, 2):
                assert not overlap(box_a, box_b), f"{name} {ind.id} at {size}: {a!r} covers {b!r}"
        # Every value on the time axis has its period under it, and the axis reaches the target's date.
        ticks = {t.get_text(): float(t["x"]) for t in svg.select("text.lea-chart__tick[text-anchor=middle]")}
        # (A school year may be written short, '2023-24', when the long form would not fit.)
        label = {p.text: p.text if p.text in ticks else charts.axis_text(p) for p in [m.periode for m in ind.series()]}
        first, last = ind.series()[0].periode.text, ind.series()[-1].periode.text
        # In the demo every value has its period; a long axis elsewhere may leave some out, never its ends.
        wanted = set(label.values()) if name == "demo" else {label[first], label[last]}
        assert wanted <= set(ticks), (name, ind.id, sorted(ticks))
        if ind.doel and ind.doel.uiterlijk and ind.series():
            goal = ind.doel.uiterlijk.text if ind.doel.uiterlijk.text in ticks else charts.axis_text(ind.doel.uiterlijk)
            assert goal in ticks and ticks[goal] >= max(ticks[t] for t in label.values() if t in ticks), (name, ind.id, ticks)
    if name == "demo":
        assert charted >= 6
