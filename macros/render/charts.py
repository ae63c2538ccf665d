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
from .measure import segment_meets, text_width

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
    return m.periode.text if m.periode is not None else "periode niet vermeld"


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


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def text_box(x: float, y: float, text: str, anchor: str = "start", bold: bool = False, size: float = PHONE_TEXT) -> Box:
    """Where a text drawn at baseline ``y`` lies (generously): the phone's larger text covers the desktop's."""
    w = text_width(text, size, bold)
    x0 = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
    return (x0, y - size, x0 + w, y + 0.3 * size)


def meets(a: Box, b: Box, gap: float = 0.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _wrap_label(text: str, room: float, bold: bool) -> list[str]:
    """A label in lines that fit ``room`` at the phone's text size (a word too long keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", PHONE_TEXT, bold) <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


LINE_H = 26  # line height of a wrapped label at the phone's text size
TICK_ROW = 26  # a second row of period labels, under the first


def axis_text(p: Period) -> str:
    """A period as a short label on the time axis: a school year as '2023-24', anything else as written."""
    return f"{p.text[:5]}{p.text[7:]}" if p.kind == "schooljaar" and len(p.text) == 9 else p.text


def _tick_rows(ticks: dict[str, float], width: float) -> tuple[list[tuple[float, str, int]], bool]:
    """Each period label (in order of importance) on the first of two rows where it covers no other; whether
    one found no room (it is left out: the table has every value)."""
    rows: list[list[tuple[float, float]]] = [[], []]
    out: list[tuple[float, str, int]] = []
    for text, x in ticks.items():
        w = text_width(text, PHONE_TEXT)
        x0, x1 = max(x - w / 2, 0.0), min(x + w / 2, float(width))
        for row, spans in enumerate(rows):
            if all(x1 + 8 <= a or x0 >= b + 8 for a, b in spans):
                spans.append((x0, x1))
                out.append(((x0 + x1) / 2, text, row))
                break
    return out, len(out) < len(ticks)


def indicator_chart(ind: Indicator) -> str:
    """An SVG line chart on a time axis proportional to time: measurements (solid line, dots), estimates
    (open diamonds), forecasts (dashed line, open squares), the target and comparison values (labelled lines).

    The time axis runs to the target's date when it has one. Every text is placed where, at the phone's larger
    text, it stays inside the chart and covers no other text, no data or reference line and no marker: a period
    label takes a second row, a long label wraps, and a label with no such place is left out (its value is in
    the table under the chart and in the description). Values without a known period are not on the time axis.
    """
    series = ind.series()
    if not series:
        return ""
    uid = f"lea-chart-{ind.id}-{next(_ids)}"
    target = ind.doel.waarde if ind.doel and ind.doel.waarde is not None else None
    deadline = ind.doel.uiterlijk if ind.doel and ind.doel.uiterlijk is not None else None
    values = [m.waarde for m in series] + ([target] if target is not None else []) + [c.waarde for c in ind.vergelijking]
    low = min(0.0, min(values))
    high = nice_max(max(values) * 1.05 if max(values) > 0 else 1)
    y_labels = [fmt.number(round(low + (high - low) * k / 4, 2)) for k in range(5)]
    width, height = 480, 240
    # Room for the widest y label at the phone's larger text (see lea.css).
    left, right, top, bottom = max(44, math.ceil(max(text_width(t, PHONE_TEXT) for t in y_labels)) + 12), 20, 20, 44
    legend = _legend(ind, series, width - left - right)
    plot_w = width - left - right
    # The time axis is proportional to time: each value stands at the middle of its period, so 2019, 2020 and
    # a forecast for 2024 are as far apart as the years between them; it reaches the target's date.
    periods = [m.periode for m in series] + ([deadline] if deadline is not None else [])
    first = min(p.start.toordinal() for p in periods)
    last = max(p.end.toordinal() for p in periods)
    widest = max(text_width(p.text, PHONE_TEXT) for p in periods)
    pad = min(plot_w / 4, max(16.0, widest / 2 + 2))

    def x_of(p: Period) -> float:
        if last == first:
            return left + plot_w / 2
        return left + pad + (_middle(p) - first) / (last - first) * (plot_w - 2 * pad)

    def x_at(m: Measurement) -> float:
        return x_of(m.periode)

    # Period labels: each on the first of two rows where it covers no other; with no room in either, it is
    # left out (the table has every value). Decided on x alone, before the chart's height is known.
    # In time order every label that fits; when one does not, school years in short ('2023-24'); when still
    # one does not, the target's date, the last and the first value first, then the others from the latest back.
    in_time = sorted(periods, key=_middle)
    important = ([deadline] if deadline is not None else []) + [series[-1].periode, series[0].periode, *reversed(in_time)]
    for order, text in ((in_time, lambda p: p.text), (in_time, axis_text), (important, axis_text)):
        ticks: dict[str, float] = {}
        for p in order:
            ticks.setdefault(text(p), x_of(p))
        tick_rows, crowded = _tick_rows(ticks, width)
        if not crowded:
            break
    two_rows = any(row for _, _, row in tick_rows)
    # Under the plot: one or two rows of period labels, then the legend's rows, each a full line apart.
    plot_h = height - top - bottom
    tick_base = top + plot_h + 22
    legend_base = tick_base + (TICK_ROW if two_rows else 0) + 28
    height = legend_base + 26 * (len(legend) - 1) + 8

    def y(v: float) -> float:
        return top + plot_h - (v - low) / (high - low) * plot_h

    out = [
        f'<svg class="lea-chart" data-search-exclude viewBox="0 0 {width} {height}" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{uid}-t">{esc(ind.titel)}</title>',
        f'<desc id="{uid}-d">{esc(indicator_summary(ind))}</desc>',
    ]
    texts_taken: list[Box] = []  # every text placed so far
    for k, label in enumerate(y_labels):
        v = low + (high - low) * k / 4
        out.append(f'<line class="lea-chart__grid" x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>')
        out.append(f'<text class="lea-chart__tick" x="{left - 6}" y="{y(v) + 6:.1f}" text-anchor="end">{esc(label)}</text>')
        texts_taken.append(text_box(left - 6, y(v) + 6, label, "end"))
    for x, text, row in tick_rows:
        base = tick_base + TICK_ROW * row
        out.append(f'<text class="lea-chart__tick" x="{x:.1f}" y="{base}" text-anchor="middle">{esc(text)}</text>')
        texts_taken.append(text_box(x, base, text, "middle"))
    # Reference lines first, then the data over them, then the labels that found a free place.
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for c in ind.vergelijking:
        cy = y(c.waarde)
        out.append(f'<line class="lea-chart__compare" x1="{left}" x2="{width - right}" y1="{cy:.1f}" y2="{cy:.1f}"/>')
        segments.append(((left, cy), (width - right, cy)))
    if target is not None:
        ty = y(target)
        out.append(f'<line class="lea-chart__target" x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        segments.append(((left, ty), (width - right, ty)))
    known = [m for m in series if m.soort != "prognose"]
    forecast = [m for m in series if m.soort == "prognose"]
    chain = ([m for m in known if m.periode.start <= forecast[0].periode.start][-1:] + forecast) if forecast else []
    for line, klass in ((known, "lea-chart__line"), (chain, "lea-chart__line lea-chart__line--forecast")):
        if len(line) > 1:
            pts = [(x_at(m), y(m.waarde)) for m in line]
            out.append(f'<polyline class="{klass}" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in pts)}"/>')
            segments += list(zip(pts, pts[1:]))
    markers: list[Box] = []
    for m in series:
        out.append(_marker(m.soort, x_at(m), y(m.waarde)))
        markers.append((x_at(m) - 7, y(m.waarde) - 7, x_at(m) + 7, y(m.waarde) + 7))

    def place(text: str, klass: str, anchors: list[tuple[float, str]], line_y: float, bold: bool) -> None:
        """The first free place near ``line_y`` (above, then below, moving away) at one of the ``anchors``."""
        lines = _wrap_label(text, plot_w - 8, bold)
        span = LINE_H * (len(lines) - 1)
        for k in range(40):
            for base in (line_y - 8 - span - 4 * k, line_y + PHONE_TEXT + 6 + 4 * k):
                for ax, anchor in anchors:
                    boxes = [text_box(ax, base + LINE_H * n, t, anchor, bold) for n, t in enumerate(lines)]
                    whole = (min(b[0] for b in boxes), boxes[0][1], max(b[2] for b in boxes), boxes[-1][3])
                    if (whole[0] < 0 or whole[2] > width or whole[1] < 0 or whole[3] > top + plot_h
                            or any(meets(whole, t, 4) for t in texts_taken) or any(meets(whole, mk, 2) for mk in markers)
                            or any(segment_meets((whole[0] - 2, whole[1] - 2, whole[2] + 2, whole[3] + 2), p, q) for p, q in segments)):
                        continue
                    texts_taken.append(whole)
                    spans = "".join(f'<tspan x="{ax:.1f}" y="{base + LINE_H * n:.1f}">{esc(t)}</tspan>' for n, t in enumerate(lines))
                    anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
                    out_labels.append(f'<text class="{klass}" x="{ax:.1f}" y="{base:.1f}"{anchor_attr}>{spans}</text>')
                    return

    out_labels: list[str] = []
    if known:
        m = known[-1]
        vx, vy = x_at(m), y(m.waarde)
        place(value_text_short(ind, m), "lea-chart__label", [(vx, "middle"), (vx - 10, "end"), (vx + 10, "start")], vy, True)
    if target is not None:
        place(f"doel {with_unit(ind, target)}", "lea-chart__label", [(width - right, "end"), (left + 4, "start")], y(target), True)
    for c in ind.vergelijking:
        place(f"{c.label} {with_unit(ind, c.waarde)}", "lea-chart__compare-label", [(left + 4, "start"), (width - right, "end")],
              y(c.waarde), False)
    out += out_labels
    out.append(f'<g class="lea-chart__legend" transform="translate({left},{legend_base})">')
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
        item_w = symbol_w + 4 + text_width(label, PHONE_TEXT)
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
