"""An indicator's values as columns on a time axis, laid out in points for ``lea.typ`` (issue 25, item 3).

Each value stands at the middle of its period, so 2016, 2019 and a forecast for 2024 are as far apart
as the years between them; a column's height is its value over one scale from zero; the target is a
line at its value. All geometry is decided here (pure and testable); the template only places what it
gets. A period label or value label that would overlap another label or a column is left out (the
table under the chart has every value); the target's words are in the legend, by its line.
"""

from __future__ import annotations

from typing import Any, Callable

from ..model import Indicator, Measurement

WIDTH = 481.89  # the text width of an A4 page with 2 cm margins, in points: the chart's width
HEIGHT = 120.0  # the plot's height
ROOM_ABOVE = 14.0  # room over the plot for the label of a column that reaches the top
LABEL_PT = 8.0  # every label is 8 pt: readable in print
COLUMN_MAX = 22.0  # the widest column; narrower when values stand close together
COLUMN_MIN = 3.0


def text_width(text: str, size: float = LABEL_PT) -> float:
    """A generous estimate of the width of ``text`` in Noto Sans at ``size`` points."""
    return len(text) * size * 0.6


def _middle(m: Measurement) -> float:
    assert m.periode is not None
    return (m.periode.start.toordinal() + m.periode.end.toordinal()) / 2


def _free(box: tuple[float, float], taken: list[tuple[float, float]], gap: float = 4.0) -> bool:
    return all(box[1] + gap <= a or box[0] >= b + gap for a, b in taken)


def layout(ind: Indicator, series: list[Measurement], scale: float, scale_label: str, value_label: Callable[[Measurement], str],
           target: tuple[float, str] | None) -> dict[str, Any]:
    """The columns, period labels, value labels and target line of ``series`` (dated, in time order),
    in points from the plot's left edge (x) and from its baseline upward (heights); the scale's top is
    ``scale``, labelled ``scale_label`` left of the plot."""
    axis = text_width(scale_label) + 6  # room left of the plot for the scale's labels
    plot = WIDTH - axis
    middles = [_middle(m) for m in series]
    first, last = min(middles), max(middles)
    gaps = [b - a for a, b in zip(middles, middles[1:]) if b > a]
    span = last - first
    # The columns are as wide as the closest pair allows, and the outermost stand half a label in from the edges.
    edge = max(COLUMN_MAX / 2 + 4, max(text_width(m.periode.text) for m in series) / 2 if series else 0)  # type: ignore[union-attr]
    usable = plot - 2 * edge
    width = COLUMN_MAX if not gaps else max(COLUMN_MIN, min(COLUMN_MAX, 0.7 * usable * min(gaps) / span))

    def x_at(middle: float) -> float:
        return plot / 2 if span == 0 else edge + (middle - first) / span * usable

    columns = []
    for m, middle in zip(series, middles):
        kind = m.soort if m is not ind.nulmeting else ("nulmeting" if m.soort == "gemeten" else m.soort)
        columns.append({"x": round(x_at(middle), 2), "w": round(width, 2), "h": round(float(m.waarde) / scale * HEIGHT, 2),
                        "kind": kind, "value": float(m.waarde)})
    # Labels from the latest backwards: the newest value and period are the ones a reader looks for.
    # A label is left out where it would overlap another label or stand on another column.
    ticks, values = [], []
    taken_ticks: list[tuple[float, float]] = []
    boxes = [(c["x"] - c["w"] / 2, 0.0, c["x"] + c["w"] / 2, c["h"]) for c in columns]  # x0, y0, x1, y1 from the baseline up
    line_at = None if target is None else target[0] / scale * HEIGHT
    if line_at is not None:
        boxes.append((0.0, line_at - 1.5, plot, line_at + 1.5))  # a label is never crossed by the target's line
    for m, column in zip(reversed(series), reversed(columns)):
        text = m.periode.text  # type: ignore[union-attr]
        half = text_width(text) / 2
        box = (column["x"] - half, column["x"] + half)
        if text not in [t["text"] for t in ticks] and _free(box, taken_ticks):
            ticks.append({"x": column["x"], "text": text})
            taken_ticks.append(box)
        label = value_label(m)
        half = text_width(label) / 2 + 2
        middle = min(max(column["x"], half), plot - half)  # inside the plot's width, over its column as far as it can
        own = (column["x"] - column["w"] / 2, 0.0, column["x"] + column["w"] / 2, column["h"])
        # Just over the column, else just over the target's line when that runs through it; never above the room.
        for bottom in (column["h"] + 1, *([line_at + 2.5] if line_at is not None and line_at + 2.5 > column["h"] + 1 else [])):
            area = (middle - half, bottom, middle + half, bottom + LABEL_PT + 3)
            if area[3] <= HEIGHT + ROOM_ABOVE and all(b == own or _apart(area, b) for b in boxes):
                values.append({"x": round(middle, 2), "h": round(bottom - 1, 2), "text": label})
                boxes.append(area)
                break
    line = None if target is None or line_at is None else {"h": round(line_at, 2), "text": target[1]}
    return {"width": WIDTH, "axis": round(axis, 2), "height": HEIGHT, "above": ROOM_ABOVE, "scale": scale_label, "columns": columns,
            "ticks": sorted(ticks, key=lambda t: t["x"]), "values": sorted(values, key=lambda v: v["x"]), "target": line}


def _apart(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[2] <= b[0] or a[0] >= b[2] or a[3] <= b[1] or a[1] >= b[3]
