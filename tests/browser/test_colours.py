"""Graphics contrast (WCAG 1.4.11): chart lines, bars and diagram edges against the page, 3:1, light and dark."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PROBE = """(selectors) => {
  const bg = getComputedStyle(document.body).backgroundColor;
  const out = {background: bg, scheme: document.body.getAttribute('data-md-color-scheme')};
  for (const [name, [sel, prop]] of Object.entries(selectors)) {
    const el = document.querySelector(sel);
    out[name] = el ? getComputedStyle(el)[prop] : null;
  }
  return out;
}"""
GRAPHICS = {
    "meetlijn": (".lea-chart__line", "stroke"),
    "doellijn": (".lea-chart__target", "stroke"),
    "meetpunt": (".lea-chart__dot", "fill"),
    "staaf LEA-deel": (".lea-bars__seg--lea", "backgroundColor"),
    "staafrand": (".lea-bars__track", "borderTopColor"),
    "arcering gedekt deel": (".lea-bars__seg--covered", "backgroundImage"),
    "pijl schema": (".lea-diagram__edge", "stroke"),
    "rand orgaan": (".lea-diagram__box rect", "stroke"),
}


def _rgb(css: str) -> tuple[float, float, float]:
    """The first rgb()/rgba() colour in a computed value (a gradient's first stop counts)."""
    match = re.search(r"rgba?\(([^)]*)\)", css)
    assert match, css
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", match[1])[:3])
    return r, g, b


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme,expected", [("light", "default"), ("dark", "slate")])
def test_graphics_have_3_to_1_contrast(scheme, expected, sites, browser, demo_first_ambition):
    base, _ = sites["demo"]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path, names in ((f"ambities/{demo_first_ambition}/", ["meetlijn", "doellijn", "meetpunt"]),
                        ("begroting/", ["staaf LEA-deel", "staafrand", "arcering gedekt deel"]), ("organisatie/", ["pijl schema", "rand orgaan"])):
        page.goto(base + path)
        colours = page.evaluate(PROBE, {n: GRAPHICS[n] for n in names})
        assert colours["scheme"] == expected
        for name in names:
            assert colours[name], f"{name} not found on {path}"
            found[name] = contrast(colours[name], colours["background"])
    context.close()
    low = {name: round(ratio, 2) for name, ratio in found.items() if ratio < 3}
    assert not low, f"{scheme}: below 3:1: {low}"
