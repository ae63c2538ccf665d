"""Reading a PDF as a reader sees it: pages rendered by poppler's ``pdftoppm``, words and their boxes by
``pdftotext -bbox``. Pure Python (a PPM is a header and RGB bytes): no imaging library needed."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

DPI = 150  # a 1 pt line (a box's border) covers at least one whole pixel row only from 144 dpi
SCALE = DPI / 72  # pixels per PDF point


@dataclass
class Page:
    width: int
    height: int
    rgb: bytes

    def at(self, x: int, y: int) -> tuple[int, int, int]:
        i = 3 * (y * self.width + x)
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]


@dataclass
class Word:
    page: int  # 1-based
    x0: float  # in points
    y0: float
    x1: float
    y1: float
    text: str

    def px(self) -> tuple[int, int, int, int]:
        return int(self.x0 * SCALE), int(self.y0 * SCALE), int(self.x1 * SCALE), int(self.y1 * SCALE)


def render(pdf: Path, page: int, folder: Path) -> Page:
    """One page as pixels (``DPI`` dots per inch)."""
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)], check=True)
    raw = Path(f"{stem}.ppm").read_bytes()
    fields, i = [], 0
    while len(fields) < 4:  # P6, width, height, maximum; separated by whitespace
        while raw[i:i + 1].isspace():
            i += 1
        start = i
        while not raw[i:i + 1].isspace():
            i += 1
        fields.append(raw[start:i])
    assert fields[0] == b"P6" and fields[3] == b"255", fields
    return Page(int(fields[1]), int(fields[2]), raw[i + 1:])


def words(pdf: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            found.append(Word(page, *map(float, m.groups()[:4]), html.unescape(m[5])))
    return found


def find_line(all_words: list[Word], text: str) -> list[Word]:
    """Every occurrence of ``text`` as consecutive words on one line: the first word of each."""
    wanted = text.split()
    hits = []
    for i in range(len(all_words) - len(wanted) + 1):
        group = all_words[i:i + len(wanted)]
        if [w.text for w in group] == wanted and len({w.page for w in group}) == 1:
            hits.append(group[0])
    return hits


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (c / 255 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 40) -> bool:
    return sum(abs(x - y) for x, y in zip(a, b)) <= tolerance


def background(page: Page, word: Word) -> tuple[int, int, int]:
    """The most common colour inside a word's box: what its letters stand on."""
    x0, y0, x1, y1 = word.px()
    counts: dict[tuple[int, int, int], int] = {}
    for y in range(max(0, y0), min(page.height, y1 + 1)):
        for x in range(max(0, x0), min(page.width, x1 + 1)):
            c = page.at(x, y)
            key = (c[0] // 16 * 16, c[1] // 16 * 16, c[2] // 16 * 16)
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.get) if counts else (255, 255, 255)


@dataclass
class Bar:
    y: int  # pixel row of its middle
    start: int
    length: int  # pixels not of the track's colour from the start
    full: int  # the track's whole width


def bars_below(page: Page, top: int, track: tuple[int, int, int], left: int, right: int, count: int) -> list[Bar]:
    """The first ``count`` bars below pixel row ``top``: a bar is a band of rows that start at ``left``
    with a drawn colour or the track and end at ``right`` on the track or a drawn colour (the chart's
    width); its length runs from ``left`` to where the track's colour begins."""
    found: list[Bar] = []
    y = top
    while y < page.height and len(found) < count:
        if _bar_row(page, y, track, left, right):
            band = y
            while band < page.height and _bar_row(page, band, track, left, right):
                band += 1
            if band - y >= 4 * SCALE:  # a bar is 9 pt high; a thinner band (a rule) is no bar
                middle = (y + band) // 2
                length = 0
                for x in range(left, right + 1):
                    if close(page.at(x, middle), track, 24):
                        break
                    length += 1
                found.append(Bar(middle, left, length, right - left + 1))
            y = band
        y += 1
    return found


def _bar_row(page: Page, y: int, track: tuple[int, int, int], left: int, right: int) -> bool:
    """A row of a bar: nothing white across the chart's whole width (a line of text always has white between
    its letters; the track is drawn across the whole width under every bar)."""
    return all(not close(page.at(x, y), (255, 255, 255), 12) for x in range(left + 1, right, 3))


@dataclass
class Plot:
    left: int
    top: int
    right: int  # the last pixel column of the plot
    bottom: int  # the last pixel row of the plot (its baseline)

    @property
    def height(self) -> int:
        return self.bottom - self.top + 1


def plot_below(page: Page, top: int, track: tuple[int, int, int]) -> Plot:
    """The first plot under pixel row ``top``: a rectangle in the track's colour at least half the page wide
    (a column chart's background; its columns stand clear of its left and right edges)."""
    for y in range(top, page.height):
        xs = [x for x in range(page.width) if close(page.at(x, y), track, 12)]
        if len(xs) > page.width / 2:
            left, right = xs[0], xs[-1]
            bottom = y
            # Down to the last row that is mostly the track's colour (columns and the target's line cover parts of rows).
            while bottom + 1 < page.height and sum(close(page.at(x, bottom + 1), track, 12) for x in range(left, right, 4)) > (right - left) / 4 / 5:
                bottom += 1
            return Plot(left, y, right, bottom)
    raise AssertionError(f"no plot below row {top}")


def columns_in(page: Page, plot: Plot, track: tuple[int, int, int]) -> list[tuple[float, int]]:
    """The columns standing on the plot's baseline: (centre x, height in pixels), left to right. A column is a
    run of pixels not in the track's colour just above the baseline; its height runs up to the track."""
    y = plot.bottom - 1
    found, start = [], None
    for x in range(plot.left, plot.right + 2):
        drawn = x <= plot.right and not close(page.at(x, y), track, 24)
        if drawn and start is None:
            start = x
        elif not drawn and start is not None:
            middle = (start + x - 1) / 2
            top = plot.bottom
            while top > 0 and not close(page.at(int(middle), top - 1), track, 24) and top > plot.top - 40:
                top -= 1
            found.append((middle, plot.bottom - top + 1))
            start = None
    return found


def line_height(page: Page, plot: Plot, colour: tuple[int, int, int]) -> int:
    """How high above the baseline a horizontal line of ``colour`` runs (looked for across the plot's width)."""
    rows = [y for y in range(plot.top - 4, plot.bottom + 1)
            if sum(close(page.at(x, y), colour, 60) for x in range(plot.left, plot.right, 2)) > (plot.right - plot.left) / 10]
    assert rows, "no line of that colour"
    return plot.bottom - (min(rows) + max(rows)) / 2 + 1
