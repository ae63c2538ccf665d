"""The lines of the organisation chart: orthogonal paths that touch only the two boxes they connect.

A layered chart has rows of boxes with free channels between them. A line leaves its box straight up
or down, runs sideways only in a channel, and passes a row only through a gap between boxes (or the
margin), always at least ``CLEAR`` units from any box or level label it does not connect. Lines that
share a gap or a channel get their own lane, ``STEP`` apart; a channel with more lines than lanes is
made higher (``extra_height``), and lines beyond the right margin's lanes widen the chart.

Routing is done in two steps because the sideways plan depends only on x: first the lanes (``plan``),
then, once the rows have their final heights, the points (``points``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

CLEAR = 9  # a line keeps this far from a box or label that is not its own end (SVG units)
STEP = 6  # lines side by side in a gap or a channel are this far apart
PORT_MARGIN = 10  # a line's end keeps this far from the corners of its box


class RowX(NamedTuple):
    """A row as far as x is concerned: its boxes' spans, and what its level's label blocks above it."""

    spans: tuple[tuple[float, float], ...]
    label: tuple[float, float] | None  # the x range of the level label just above this row, if any


class End(NamedTuple):
    row: int
    box: int  # index of the box in its row


@dataclass
class Route:
    """One line: its ports and, per channel it crosses, the lane (slot) of its sideways stretch."""

    source: End
    target: End
    side: tuple[str, str]  # ('top'|'bottom'|'side', ...) at source and target
    xs: list[float]  # x at the start, after each channel, and at the end
    channels: list[int]  # the channel of each sideways stretch (xs[k] -> xs[k + 1])
    slots: list[int] = field(default_factory=list)  # lane of each stretch in its channel


@dataclass
class Plan:
    routes: list[Route]
    need: dict[int, float]  # channel index -> the height its lanes span
    width: float  # the chart's width (wider when the right margin needed more lanes)


def _offset(k: int) -> int:
    """Lane k of a gap or channel, counted from its middle outward: 0, -1, +1, -2, +2 ..."""
    return (k + 1) // 2 * (-1 if k % 2 else 1)


def _free(row: RowX, width: float) -> list[tuple[float, float]]:
    """The x intervals a vertical line may use through this row (the margin right of the row is open-ended)."""
    blocked = sorted([*row.spans, *([row.label] if row.label else [])])
    out, x = [], 0.0
    for a, b in blocked:
        if a > x:
            out.append((x, a))
        x = max(x, b)
    out.append((x, math.inf))
    return out


def _lanes(free: list[tuple[float, float]], width: float) -> list[float]:
    """Candidate x's through a row: each gap's lanes from its middle outward, then ever further right."""
    out = []
    for a, b in free:
        lo = max(a + CLEAR, STEP / 2)
        if math.isinf(b):
            out += [lo + STEP * k for k in range(int(max(0, width - lo) // STEP) + 40)]
            continue
        hi = b - CLEAR
        if hi < lo:
            continue
        middle = (lo + hi) / 2
        count = int((hi - lo) // STEP) + 1
        out += [x for x in (middle + STEP * _offset(k) for k in range(count + 1)) if lo - 1e-6 <= x <= hi + 1e-6]
    return out


def plan(rows: list[RowX], edges: list[tuple[End, End]], width: float, box_w: float) -> Plan:
    """Ports, lanes and channel slots for every edge (x only)."""
    # Ports: the ends on a side of a box spread along it, ordered by where the other end is.
    sides: dict[tuple[int, int, str], list[tuple[float, int, int]]] = {}
    kinds: list[tuple[str, str]] = []
    for n, (s, t) in enumerate(edges):
        if s.row == t.row:
            adjacent = abs(s.box - t.box) == 1
            kinds.append(("side", "side") if adjacent else ("bottom", "bottom"))
        else:
            kinds.append(("bottom", "top") if t.row > s.row else ("top", "bottom"))
        for end, other, side, at in ((s, t, kinds[-1][0], 0), (t, s, kinds[-1][1], 1)):
            if side != "side":
                sides.setdefault((end.row, end.box, side), []).append((_centre(rows, other, box_w), n, at))
    port: dict[tuple[int, int], float] = {}
    for (r, b, side), ends in sides.items():
        x0, x1 = rows[r].spans[b]
        lo, hi = x0 + PORT_MARGIN, x1 - PORT_MARGIN
        label = rows[r].label
        if side == "top" and label and label[0] < x1 and label[1] > x0:
            lo = max(lo, label[1] + CLEAR)  # not through the level's label above the box
        for k, (_, n, at) in enumerate(sorted(ends)):
            port[(n, at)] = lo + (hi - lo) * (k + 1) / (len(ends) + 1)
    # Vertical use per x: (from channel, to channel, edge) – a lane is shared only by lines that do not meet.
    used_x: dict[float, list[tuple[float, float]]] = {}
    routes = []
    for n, (s, t) in enumerate(edges):
        side = kinds[n]
        if side[0] == "side":
            x0, x1 = rows[s.row].spans[s.box]
            tx0, tx1 = rows[t.row].spans[t.box]
            xs = [x1, tx0] if tx0 > x0 else [x0, tx1]
            routes.append(Route(s, t, side, xs, []))
            continue
        xp, xq = port[(n, 0)], port[(n, 1)]
        if t.row > s.row:
            channels, through = list(range(s.row + 1, t.row + 1)), list(range(s.row + 1, t.row))
        elif t.row < s.row:
            channels, through = list(range(s.row, t.row, -1)), list(range(s.row - 1, t.row, -1))
        else:
            channels, through = [s.row + 1], []
        xs = [xp]
        for r in through:
            x = xs[-1]
            lanes = [lx for lx in _lanes(_free(rows[r], width), width)
                     if not any(a <= r + 1 and b >= r for a, b in used_x.get(round(lx, 1), []))]
            lane = min(lanes, key=lambda lx: (abs(lx - x) + abs(lx - xq)) + (0 if abs(lx - x) < 0.5 else 1))
            used_x.setdefault(round(lane, 1), []).append((r, r + 1))
            xs.append(lane)
        xs.append(xq)
        routes.append(Route(s, t, side, xs, channels))
    # Slots: in each channel, sideways stretches that overlap get different lanes.
    taken: dict[int, list[tuple[int, float, float]]] = {}
    for route in routes:
        for k, c in enumerate(route.channels):
            a, b = sorted((route.xs[k], route.xs[k + 1]))
            slot = 0
            while any(s == slot and a <= hi + STEP and b >= lo - STEP for s, lo, hi in taken.get(c, [])):
                slot += 1
            taken.setdefault(c, []).append((slot, a, b))
            route.slots.append(slot)
    need = {c: 2 * math.ceil(max(s for s, _, _ in items) / 2) * STEP for c, items in taken.items()}
    right = max([x for r in routes for x in r.xs] + [width - CLEAR])
    return Plan(routes, need, max(width, right + CLEAR))


def _centre(rows: list[RowX], end: End, box_w: float) -> float:
    x0, x1 = rows[end.row].spans[end.box]
    return (x0 + x1) / 2


def extra_height(plan_: Plan, channels: list[tuple[float, float]]) -> dict[int, float]:
    """How much higher each channel must be for its lanes (``channels``: each one's free (top, bottom) as laid out)."""
    return {c: max(0.0, need + 2 * CLEAR - (channels[c][1] - channels[c][0])) for c, need in plan_.need.items()}


def points(route: Route, channels: list[tuple[float, float]], boxes: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The points of a route once the rows have their final place: ``channels`` gives each channel's free
    (top, bottom), ``boxes`` each box's (top, height) per row."""
    s, t = route.source, route.target
    s_top, s_h = boxes[s.row][s.box]
    t_top, t_h = boxes[t.row][t.box]
    if route.side[0] == "side":
        y = max(s_top, t_top) + min(s_h, t_h) / 2
        return [(route.xs[0], y), (route.xs[1], y)]
    ys_end = {"top": 0.0, "bottom": 1.0}
    start = (route.xs[0], s_top + s_h * ys_end[route.side[0]])
    end = (route.xs[-1], t_top + t_h * ys_end[route.side[1]])
    out = [start]
    for k, c in enumerate(route.channels):
        y = channel_y(channels[c], route.slots[k])
        out += [(route.xs[k], y), (route.xs[k + 1], y)]
    out.append(end)
    clean = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    # Drop the middle of three points on one straight line.
    return [p for i, p in enumerate(clean) if i in (0, len(clean) - 1)
            or not ((clean[i - 1][0] == p[0] == clean[i + 1][0]) or (clean[i - 1][1] == p[1] == clean[i + 1][1]))]


def channel_y(channel: tuple[float, float], slot: int) -> float:
    """The y of lane ``slot`` in a channel: from its middle outward."""
    return (channel[0] + channel[1]) / 2 + STEP * _offset(slot)
