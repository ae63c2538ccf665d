"""Charts rendered at build time: SVG line charts for indicators, CSS bars for budgets.

Each chart has a title and a description for screen readers and is followed by a
table with the same numbers. Series differ in line style and marker shape, not
only in colour.
"""

from __future__ import annotations

import itertools
import math

from ..model import Comparison, Indicator, Measurement
from ..values import Period
from ..verdicts import target_sentence
from . import format as fmt
from .html import esc, table

_ids = itertools.count(1)


def restart_ids() -> None:
    """Number the charts of a new document from 1: the same data then gives the same document, whatever
    was rendered before in this process (a PDF is cached by a hash of its HTML)."""
    global _ids
    _ids = itertools.count(1)


def nice_max(value: float, steps: int = 4) -> float:
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


KIND_LABELS = {"gemeten": "gemeten", "prognose": "prognose (verwachting)", "schatting": "schatting"}


def kind_label(ind: Indicator, m: Measurement) -> str:
    """What a value is, in words: nulmeting, gemeten, prognose (verwachting), schatting."""
    if m is ind.nulmeting:
        return "nulmeting" + ("" if m.soort == "gemeten" else f", {KIND_LABELS[m.soort]}")
    return KIND_LABELS[m.soort]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def value_text(ind: Indicator, m: Measurement) -> str:
    """'191 leerlingen, waarvan 27 met een TLV'; an estimate is 'ongeveer 30 leerlingen'."""
    text = ("ongeveer " if m.soort == "schatting" else "") + with_unit(ind, m.waarde)
    if m.uitsplitsing:
        parts = [(with_unit(ind, p.waarde) if ind.eenheid == "%" else fmt.number(p.waarde)) + f" {p.label}" for p in m.uitsplitsing]
        text += ", waarvan " + _and(parts)
    return text


def _when(m: Measurement) -> str:
    return m.periode.text if m.periode is not None else "periode onbekend"


def comparison_text(ind: Indicator, c: Comparison) -> str:
    return f"{c.label}: {with_unit(ind, c.waarde)}" + (f" ({c.periode})" if c.periode else "")


def indicator_summary(ind: Indicator) -> str:
    """Sentences with baseline, latest value, estimates, forecasts, comparisons and target, for the chart's description."""
    parts = []
    if ind.nulmeting:
        kind = "" if ind.nulmeting.soort == "gemeten" else f" ({KIND_LABELS[ind.nulmeting.soort]})"
        parts.append(f"Nulmeting {_when(ind.nulmeting)}{kind}: {value_text(ind, ind.nulmeting)}.")
    latest = ind.latest()
    if latest and latest is not ind.nulmeting:
        parts.append(f"Laatste meting {latest.periode}: {value_text(ind, latest)}.")
    estimates = [m for m in ind.series() if m.soort == "schatting" and m is not ind.nulmeting]
    if estimates:
        parts.append("Schatting: " + ", ".join(f"{m.periode} {value_text(ind, m)}" for m in estimates) + ".")
    forecasts = [m for m in ind.series() if m.soort == "prognose" and m is not ind.nulmeting]
    if forecasts:
        parts.append("Prognose (verwachting, nog niet gemeten): " + ", ".join(f"{m.periode} {value_text(ind, m)}" for m in forecasts) + ".")
    undated = [m for m in ind.undated() if m is not ind.nulmeting]
    if undated:
        parts.append("Zonder bekende periode: " + ", ".join(f"{value_text(ind, m)} ({KIND_LABELS[m.soort]})" for m in undated) + ".")
    if ind.vergelijking:
        parts.append("Ter vergelijking: " + "; ".join(comparison_text(ind, c) for c in ind.vergelijking) + ".")
    goal = target_sentence(ind, with_unit)
    if goal:
        parts.append(f"Doel: {goal.rstrip('.')}.")
    if ind.beter:
        parts.append(f"{ind.beter.capitalize()} is beter.")
    return " ".join(parts)


PHONE_TEXT = 19  # font size of chart text on a phone, in SVG units (lea.css); 13 elsewhere
DESKTOP_TEXT = 13


def _text_width(text: str, size: int = PHONE_TEXT) -> float:
    """A generous estimate of the rendered width of ``text`` in SVG units."""
    return len(text) * size * 0.6


def _middle(p: Period) -> float:
    """The middle of a period as a day number: where a value of that period stands on a time axis."""
    return (p.start.toordinal() + p.end.toordinal()) / 2


# Marker per kind of value: shape and fill differ, not only colour (a forecast and an estimate are open).
def _marker(kind: str, cx: float, cy: float, size: float = 1.0) -> str:
    if kind == "prognose":
        h = 4.5 * size
        return f'<rect class="lea-chart__dot lea-chart__dot--forecast" x="{cx - h:.1f}" y="{cy - h:.1f}" width="{2 * h:.1f}" height="{2 * h:.1f}"/>'
    if kind == "schatting":
        r = 6 * size
        return (f'<path class="lea-chart__dot lea-chart__dot--estimate" '
                f'd="M{cx:.1f},{cy - r:.1f} L{cx + r:.1f},{cy:.1f} L{cx:.1f},{cy + r:.1f} L{cx - r:.1f},{cy:.1f} Z"/>')
    return f'<circle class="lea-chart__dot" cx="{cx:.1f}" cy="{cy:.1f}" r="{5 * size:.1f}"/>'


def indicator_chart(ind: Indicator) -> str:
    """An SVG line chart on a time axis proportional to time: measurements (solid line, dots), estimates
    (open diamonds), forecasts (dashed line, open squares), the target and comparison values (labelled lines).

    Values without a known period are not on the time axis; they are in the table and the description.
    """
    series = ind.series()
    if not series:
        return ""
    uid = f"lea-chart-{ind.id}-{next(_ids)}"
    target = ind.doel.waarde if ind.doel and ind.doel.waarde is not None else None
    values = [m.waarde for m in series] + ([target] if target is not None else []) + [c.waarde for c in ind.vergelijking]
    low = min(0.0, min(values))
    high = nice_max(max(values) * 1.05 if max(values) > 0 else 1)
    y_labels = [fmt.number(round(low + (high - low) * k / 4, 2)) for k in range(5)]
    width, height = 480, 240
    # Room for the widest y label at the phone's larger text (see lea.css).
    left, right, top, bottom = max(44, math.ceil(_text_width(max(y_labels, key=len))) + 12), 20, 20, 44
    legend = _legend(ind, series, width - left - right)
    extra = 26 * (len(legend) - 1)  # a legend too wide for one line takes more lines, below the chart
    height, bottom = height + extra, bottom + extra
    plot_w, plot_h = width - left - right, height - top - bottom
    # The time axis is proportional to time: each value stands at the middle of its period,
    # so 2019, 2020 and a forecast for 2024 are as far apart as the years between them.
    first = min(m.periode.start.toordinal() for m in series)
    last = max(m.periode.end.toordinal() for m in series)
    widest = max(_text_width(m.periode.text) for m in series)
    pad = min(plot_w / 4, max(16.0, widest / 2))

    def x_at(m: Measurement) -> float:
        if last == first:
            return left + plot_w / 2
        return left + pad + (_middle(m.periode) - first) / (last - first) * (plot_w - 2 * pad)

    def y(v: float) -> float:
        return top + plot_h - (v - low) / (high - low) * plot_h

    out = [
        f'<svg class="lea-chart" data-search-exclude viewBox="0 0 {width} {height}" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{uid}-t">{esc(ind.titel)}</title>',
        f'<desc id="{uid}-d">{esc(indicator_summary(ind))}</desc>',
    ]
    for k, label in enumerate(y_labels):
        v = low + (high - low) * k / 4
        out.append(f'<line class="lea-chart__grid" x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>')
        out.append(f'<text class="lea-chart__tick" x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{esc(label)}</text>')
    # Period labels under their values, latest first: a label that would overlap the one shown after it
    # is left out (the table has every value); on a phone (larger text) more are hidden (--thin).
    shown_desktop: float | None = None
    shown_phone: float | None = None
    ticks = []
    for m in reversed(series):
        x = x_at(m)
        if shown_desktop is not None and shown_desktop - x < _text_width(m.periode.text, DESKTOP_TEXT) + 8:
            continue
        if m.periode.text in [t for _, t, _ in ticks]:
            continue
        shown_desktop = x
        thin = shown_phone is not None and shown_phone - x < _text_width(m.periode.text) + 8
        if not thin:
            shown_phone = x
        ticks.append((x, m.periode.text, thin))
    for x, text, thin in reversed(ticks):
        klass = "lea-chart__tick lea-chart__tick--thin" if thin else "lea-chart__tick"
        out.append(f'<text class="{klass}" x="{x:.1f}" y="{top + plot_h + 18}" text-anchor="middle">{esc(text)}</text>')
    # Reference lines first, then the data over them, then every label on top (with a halo, lea.css),
    # each placed where it overlaps no other label: the latest value's, the target's, the comparisons'.
    taken: list[tuple[float, float, float, float]] = []  # boxes (x0, y0, x1, y1) of markers and placed labels

    def place(x0: float, text: str, line_y: float, above: float = 6, below: float = 16) -> float:
        """The baseline nearest to the line where the label covers no marker and no other label."""
        x1 = x0 + _text_width(text, DESKTOP_TEXT)
        candidates = [c for k in range(6) for c in (line_y - above - 15 * k, line_y + below + 15 * k) if top + 10 <= c <= top + plot_h]
        for ly in candidates:
            if all(x1 <= a or x0 >= c or ly + 3 <= b or ly - 11 >= d for a, b, c, d in taken):
                break
        else:
            ly = candidates[0] if candidates else line_y - above
        taken.append((x0, ly - 11, x1, ly + 3))
        return ly

    texts: list[str] = []
    for c in ind.vergelijking:
        cy = y(c.waarde)
        out.append(f'<line class="lea-chart__compare" x1="{left}" x2="{width - right}" y1="{cy:.1f}" y2="{cy:.1f}"/>')
    if target is not None:
        ty = y(target)
        out.append(f'<line class="lea-chart__target" x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
    known = [m for m in series if m.soort != "prognose"]
    forecast = [m for m in series if m.soort == "prognose"]
    if len(known) > 1:
        pts = " ".join(f"{x_at(m):.1f},{y(m.waarde):.1f}" for m in known)
        out.append(f'<polyline class="lea-chart__line" points="{pts}"/>')
    if forecast:
        before = [m for m in known if m.periode.start <= forecast[0].periode.start]
        chain = before[-1:] + forecast
        if len(chain) > 1:
            pts = " ".join(f"{x_at(m):.1f},{y(m.waarde):.1f}" for m in chain)
            out.append(f'<polyline class="lea-chart__line lea-chart__line--forecast" points="{pts}"/>')
    for m in series:
        out.append(_marker(m.soort, x_at(m), y(m.waarde)))
        taken.append((x_at(m) - 7, y(m.waarde) - 7, x_at(m) + 7, y(m.waarde) + 7))
    if known:
        m = known[-1]
        text = value_text_short(ind, m)
        vx, vy = x_at(m), y(m.waarde)
        ly = place(vx - _text_width(text, DESKTOP_TEXT) / 2, text, vy, 10, 22)
        texts.append(f'<text class="lea-chart__label" x="{vx:.1f}" y="{ly:.1f}" text-anchor="middle">{esc(text)}</text>')
    if target is not None:
        text = f"doel {with_unit(ind, target)}"
        ty = y(target)
        ly = place(width - right - _text_width(text, DESKTOP_TEXT), text, ty)
        texts.append(f'<text class="lea-chart__label" x="{width - right}" y="{ly:.1f}" text-anchor="end">{esc(text)}</text>')
    for c in ind.vergelijking:
        text = f"{c.label} {with_unit(ind, c.waarde)}"
        cy = y(c.waarde)
        ly = place(left + 4, text, cy)
        texts.append(f'<text class="lea-chart__compare-label" x="{left + 4}" y="{ly:.1f}">{esc(text)}</text>')
    out += texts
    out.append(f'<g class="lea-chart__legend" transform="translate({left},{height - 8 - extra})">')
    for row, items in enumerate(legend):
        for lx, kind, symbol_w, label in items:
            ly = 26 * row
            if kind in ("doel", "vergelijking"):
                klass = "lea-chart__target" if kind == "doel" else "lea-chart__compare"
                symbol = f'<line class="{klass}" x1="{lx + 2:.0f}" x2="{lx + 24:.0f}" y1="{ly - 4}" y2="{ly - 4}"/>'
            else:
                symbol = _marker(kind, lx + 6, ly - 4, 0.8)
            out.append(symbol + f'<text x="{lx + symbol_w + 4:.0f}" y="{ly}">{label}</text>')
    out.append("</g></svg>")
    return "".join(out)


def _legend(ind: Indicator, series: list[Measurement], room: float) -> list[list[tuple[float, str, int, str]]]:
    """Legend items (x, kind, symbol width, label) in rows that fit ``room`` at the phone's larger text."""
    symbols = [(kind, 12, KIND_LABELS[kind].split(" ")[0]) for kind in ("gemeten", "schatting", "prognose") if any(m.soort == kind for m in series)]
    if ind.doel and ind.doel.waarde is not None:
        symbols.append(("doel", 26, "doel"))
    if ind.vergelijking:
        symbols.append(("vergelijking", 26, "vergelijking"))
    rows: list[list[tuple[float, str, int, str]]] = [[]]
    lx = 0.0
    for kind, symbol_w, label in symbols:
        item_w = symbol_w + 4 + _text_width(label)
        if rows[-1] and lx + item_w > room:
            rows.append([])
            lx = 0.0
        rows[-1].append((lx, kind, symbol_w, label))
        lx += item_w + 16
    return rows


def value_text_short(ind: Indicator, m: Measurement) -> str:
    """The label at the latest value in the chart: the value (an estimate as 'ongeveer 30'), without its breakdown."""
    return ("ongeveer " if m.soort == "schatting" else "") + with_unit(ind, m.waarde)


def indicator_table(ind: Indicator) -> str:
    """Every value in a table: dated ones in time order, then those without a known period, comparisons and the target."""
    rows = [
        [esc(_when(m)), esc(value_text(ind, m)), esc(kind_label(ind, m)), esc(m.toelichting or "")]
        for m in [*ind.series(), *ind.undated()]
    ]
    for c in ind.vergelijking:
        rows.append([esc(c.periode.text if c.periode else ""), esc(with_unit(ind, c.waarde)), esc(f"ter vergelijking: {c.label}"), ""])
    if ind.doel:  # a target in words has its row too, with its date
        value = with_unit(ind, ind.doel.waarde) if ind.doel.waarde is not None else ""
        rows.append([esc(str(ind.doel.uiterlijk or "")), esc(value), "doel", esc(ind.doel.omschrijving or "")])
    return table(["Periode", "Waarde", "Soort", "Toelichting"], rows, caption=f"Cijfers: {ind.titel}", numeric=[1], stack=True)


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
