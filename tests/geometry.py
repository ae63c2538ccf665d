"""Geometry the chart and diagram tests measure with, written apart from the renderers' own (a fault in
those must not hide in the test): does a line pass through the inside of a rectangle?"""

from __future__ import annotations

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def passes_inside(r: Rect, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Does the segment a-b meet the inside of the rectangle; touching its border does not count (Liang-Barsky)?"""
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    low, high = 0.0, 1.0
    for p, q in ((-dx, ax - r[0]), (dx, r[2] - ax), (-dy, ay - r[1]), (dy, r[3] - ay)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True
