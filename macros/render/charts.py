"""Charts rendered at build time: SVG line charts for indicators, CSS bars for budgets.

Each chart has a title and a description for screen readers and is followed by a
table with the same numbers. Series differ in line style and marker shape, not
only in colour.
"""

from __future__ import annotations

import itertools
import math

from ..model import Indicator
from . import format as fmt
from .html import esc, table

_ids = itertools.count(1)


def _nice_max(value: float, steps: int = 4) -> float:
    """The top of an axis of ``steps`` round steps (1, 2, 2.5 or 5 times a power of ten) reaching ``value``."""
    if value <= 0:
        return 1.0
    raw = value / steps
    exp = 10 ** math.floor(math.log10(raw))
    return steps * next(m * exp for m in (1, 2, 2.5, 5, 10) if m * exp >= raw * (1 - 1e-9))


def with_unit(ind: Indicator, value: float) -> str:
    unit = ind.eenheid or ""
    if unit == "%":
        return f"{fmt.number(value)}%"
    return f"{fmt.number(value)} {unit}".strip()


def indicator_summary(ind: Indicator) -> str:
    """One sentence with baseline, latest value and target, for the chart's description."""
    parts = []
    if ind.nulmeting:
        parts.append(f"Nulmeting {ind.nulmeting.periode}: {with_unit(ind, ind.nulmeting.waarde)}.")
    latest = ind.latest()
    if latest and latest is not ind.nulmeting:
        parts.append(f"Laatste meting {latest.periode}: {with_unit(ind, latest.waarde)}.")
    forecasts = [m for m in ind.series() if m.soort == "prognose"]
    if forecasts:
        parts.append("Prognose: " + ", ".join(f"{m.periode} {with_unit(ind, m.waarde)}" for m in forecasts) + ".")
    if ind.doel and ind.doel.waarde is not None:
        when = f" in {ind.doel.uiterlijk}" if ind.doel.uiterlijk else ""
        parts.append(f"Doel: {with_unit(ind, ind.doel.waarde)}{when}.")
    if ind.beter:
        parts.append(f"{ind.beter.capitalize()} is beter.")
    return " ".join(parts)


PHONE_TEXT = 19  # font size of chart text on a phone, in SVG units (lea.css); 13 elsewhere


def _text_width(text: str, size: int = PHONE_TEXT) -> float:
    """A generous estimate of the rendered width of ``text`` in SVG units."""
    return len(text) * size * 0.6


def indicator_chart(ind: Indicator) -> str:
    """An SVG line chart of measurements (solid, dots) and forecasts (dashed, squares), with the target."""
    series = ind.series()
    if not series:
        return ""
    uid = f"lea-chart-{ind.id}-{next(_ids)}"
    values = [m.waarde for m in series] + ([ind.doel.waarde] if ind.doel and ind.doel.waarde is not None else [])
    low = min(0.0, min(values))
    high = _nice_max(max(values) * 1.05 if max(values) > 0 else 1)
    y_labels = [fmt.number(round(low + (high - low) * k / 4, 2)) for k in range(5)]
    width, height = 480, 240
    # Room for the widest y label at the phone's larger text (see lea.css).
    left, right, top, bottom = max(44, math.ceil(_text_width(max(y_labels, key=len))) + 12), 20, 20, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(series)
    # On a phone the text is larger; where period labels would then collide, only every
    # step-th is shown there (counted from the latest, which is always shown).
    step = math.ceil((_text_width(max((m.periode.text for m in series), key=len)) + 8) / (plot_w / n))

    def x(i: int) -> float:
        return left + (plot_w * (i + 0.5) / n)

    def y(v: float) -> float:
        return top + plot_h - (v - low) / (high - low) * plot_h

    out = [
        f'<svg class="lea-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{uid}-t">{esc(ind.titel)}</title>',
        f'<desc id="{uid}-d">{esc(indicator_summary(ind))}</desc>',
    ]
    for k, label in enumerate(y_labels):
        v = low + (high - low) * k / 4
        out.append(f'<line class="lea-chart__grid" x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>')
        out.append(f'<text class="lea-chart__tick" x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{esc(label)}</text>')
    for i, m in enumerate(series):
        thin = " lea-chart__tick--thin" if (n - 1 - i) % step else ""
        out.append(f'<text class="lea-chart__tick{thin}" x="{x(i):.1f}" y="{height - bottom + 18}" text-anchor="middle">{esc(m.periode.text)}</text>')
    if ind.doel and ind.doel.waarde is not None:
        ty = y(ind.doel.waarde)
        out.append(f'<line class="lea-chart__target" x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        out.append(f'<text class="lea-chart__label" x="{width - right}" y="{ty - 6:.1f}" text-anchor="end">doel {esc(with_unit(ind, ind.doel.waarde))}</text>')
    measured = [(i, m) for i, m in enumerate(series) if m.soort == "gemeten"]
    forecast = [(i, m) for i, m in enumerate(series) if m.soort == "prognose"]
    if len(measured) > 1:
        pts = " ".join(f"{x(i):.1f},{y(m.waarde):.1f}" for i, m in measured)
        out.append(f'<polyline class="lea-chart__line" points="{pts}"/>')
    if forecast:
        chain = ([measured[-1]] if measured else []) + forecast
        pts = " ".join(f"{x(i):.1f},{y(m.waarde):.1f}" for i, m in chain)
        out.append(f'<polyline class="lea-chart__line lea-chart__line--forecast" points="{pts}"/>')
    for i, m in measured:
        out.append(f'<circle class="lea-chart__dot" cx="{x(i):.1f}" cy="{y(m.waarde):.1f}" r="5"/>')
    for i, m in forecast:
        out.append(f'<rect class="lea-chart__dot lea-chart__dot--forecast" x="{x(i) - 4.5:.1f}" y="{y(m.waarde) - 4.5:.1f}" width="9" height="9"/>')
    if measured:
        i, m = measured[-1]
        out.append(f'<text class="lea-chart__label" x="{x(i):.1f}" y="{y(m.waarde) - 10:.1f}" text-anchor="middle">{esc(with_unit(ind, m.waarde))}</text>')
    # Legend items side by side, spaced for the phone's larger text.
    symbols = []
    if measured:
        symbols.append(('<circle class="lea-chart__dot" cx="{x}" cy="-4" r="4"/>', 12, "gemeten"))
    if forecast:
        symbols.append(('<rect class="lea-chart__dot lea-chart__dot--forecast" x="{x}" y="-8" width="8" height="8"/>', 12, "prognose"))
    if ind.doel and ind.doel.waarde is not None:
        symbols.append(('<line class="lea-chart__target" x1="{x}" x2="{x2}" y1="-4" y2="-4"/>', 26, "doel"))
    out.append(f'<g class="lea-chart__legend" transform="translate({left},{height - 8})">')
    lx = 0.0
    for symbol, symbol_w, label in symbols:
        mark_x = lx + 6 if symbol.startswith("<circle") else lx + 2
        out.append(symbol.format(x=f"{mark_x:.0f}", x2=f"{lx + 24:.0f}") + f'<text x="{lx + symbol_w + 4:.0f}" y="0">{label}</text>')
        lx += symbol_w + 4 + _text_width(label) + 16
    out.append("</g></svg>")
    return "".join(out)


def indicator_table(ind: Indicator) -> str:
    rows = [
        [esc(m.periode.text), esc(with_unit(ind, m.waarde)), "nulmeting" if m is ind.nulmeting else esc(m.soort), esc(m.toelichting or "")]
        for m in ind.series()
    ]
    if ind.doel and ind.doel.waarde is not None:
        rows.append([esc(str(ind.doel.uiterlijk or "")), esc(with_unit(ind, ind.doel.waarde)), "doel", esc(ind.doel.omschrijving or "")])
    return table(["Periode", "Waarde", "Soort", "Toelichting"], rows, caption=f"Cijfers: {ind.titel}", numeric=[1])


def budget_bars(rows: list[tuple[str, int, int]], available: int | None, caption: str) -> str:
    """Horizontal bars per row: the LEA part solid, the covered part hatched; amounts in text.

    ``rows`` are (label, cost, covered). The table next to it holds the same numbers.
    """
    scale = max([cost for _, cost, _ in rows] + [1])
    items = []
    for label, cost, covered in rows:
        charged = cost - covered
        lea_w = 100 * charged / scale
        cov_w = 100 * covered / scale
        text = f"{fmt.money(cost)}" + (f", waarvan {fmt.money(covered)} gedekt uit andere bronnen" if covered else "")
        items.append(
            f'<li><span class="lea-bars__label">{esc(label)}</span>'
            f'<span class="lea-bars__track" aria-hidden="true">'
            f'<span class="lea-bars__seg lea-bars__seg--lea" style="width:{lea_w:.2f}%"></span>'
            f'<span class="lea-bars__seg lea-bars__seg--covered" style="width:{cov_w:.2f}%"></span></span>'
            f'<span class="lea-bars__value">{esc(text)}</span></li>'
        )
    legend = (
        '<p class="lea-bars__legend" aria-hidden="true">'
        '<span class="lea-bars__key lea-bars__seg--lea"></span> ten laste van het LEA-budget '
        '<span class="lea-bars__key lea-bars__seg--covered"></span> gedekt uit andere bronnen</p>'
    )
    total = ""
    if available is not None:
        charged = sum(c - d for _, c, d in rows)
        top = max(charged, available, 1)
        total = (
            '<div class="lea-meter">'
            f'<p class="lea-meter__label">Ten laste van het LEA-budget: {esc(fmt.money(charged))} van {esc(fmt.money(available))} beschikbaar</p>'
            '<span class="lea-bars__track lea-meter__track" aria-hidden="true">'
            f'<span class="lea-bars__seg lea-bars__seg--lea" style="width:{100 * min(charged, top) / top:.2f}%"></span>'
            f'<span class="lea-meter__limit" style="left:{100 * available / top:.2f}%"></span></span></div>'
        )
    return f'<figure class="lea-bars"><figcaption>{esc(caption)}</figcaption><ul class="lea-bars__list">{"".join(items)}</ul>{legend}{total}</figure>'
