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


# A municipality's own colours: a blue and a red that pass on white but not on the dark page, so the
# dark scheme must use the lighter tints lea build derives (lea_site.colours.dark_variant).
HOUSE_COLOURS = '    kleuren:\n      primair: "#004b87"\n      accent: "#b5121b"'


@pytest.fixture(scope="module")
def house_site(tmp_path_factory):
    """The demo built once with house colours (no PDFs), served on 127.0.0.1."""
    import functools
    import http.server
    import threading

    from ..conftest import DATA, DEMO_TODAY
    from ..sitebuild import lea, site_folder
    from .conftest import QuietServer, _Quiet

    folder = site_folder(tmp_path_factory.mktemp("huisstijl"), DATA)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    data:", HOUSE_COLOURS + "\n    data:", 1), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEA_PDF", "nee")
        run = lea("build", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-2000:]
    server = QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", folder / "site"
    server.shutdown()
    server.server_close()


def test_house_colours_pass_axe_in_both_schemes(house_site, browser, axe_source, demo_first_ambition):
    from lea_site.accessibility import check_pages

    base, root = house_site
    # The pages where the colours are: the header, links, the parents' box and cards (home), tables and charts (a goal).
    outcome = check_pages(browser, base, root, axe_source, pages=["", f"ambities/{demo_first_ambition}/"])
    assert not outcome.violations, "\n".join(outcome.violations[:20])
    assert not outcome.foreign, outcome.foreign[:5]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_house_colours_keep_graphics_at_3_to_1(scheme, house_site, browser, demo_first_ambition):
    base, _ = house_site
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base + f"ambities/{demo_first_ambition}/")
    colours = page.evaluate(PROBE, {n: GRAPHICS[n] for n in ("meetlijn", "doellijn", "meetpunt")})
    link = page.evaluate("() => getComputedStyle(document.querySelector('.md-content a[href]')).color")
    context.close()
    low = {n: round(contrast(colours[n], colours["background"]), 2) for n in ("meetlijn", "doellijn", "meetpunt")
           if contrast(colours[n], colours["background"]) < 3}
    assert not low, f"{scheme}: below 3:1: {low}"
    assert contrast(link, colours["background"]) >= 4.5, (scheme, link)
