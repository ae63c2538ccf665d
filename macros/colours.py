"""Colour arithmetic for the house style, and a municipality's own colours (``extra.lea.kleuren``).

Only colours that keep the site readable are accepted (WCAG 2.1 AA): the primary colour
carries white text in the header and is the link colour on white and on the site's light boxes (4.5:1); the accent colour
is the focus ring and the target line of charts (3:1, a graphic). The dark scheme (Material's
``slate``) has a dark page: a blue that passes on white is unreadable there, so the dark
scheme gets its own tint of each colour, lightened just enough to pass on that page
(or the municipality's own ``primair_donker`` / ``accent_donker``, checked the same way).
"""

from __future__ import annotations

import colorsys
import math
import re
from typing import Any

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
WHITE = "#ffffff"
# The surfaces the site puts text and links on, per scheme: the page, and the tinted boxes
# (--lea-box-fill in lea.css: the parents' block, the governance diagram). A colour is measured
# against the one it has the least contrast with, so it is readable on all of them.
LIGHT = (WHITE, "#f2f5fa")
# Material's dark page, hsla(232deg, 15%, 14%) as Chromium paints it, and the dark boxes.
SLATE = "#1e2129"
DARK = (SLATE, "#242b38")
# (key, what it is for, contrast needed, the surfaces it is read on)
_ROLES = (
    ("primair", "kopbalk en links", 4.5, LIGHT),
    ("accent", "focusrand en doellijnen", 3.0, LIGHT),
    ("primair_donker", "links in de donkere weergave", 4.5, DARK),
    ("accent_donker", "focusrand en doellijnen in de donkere weergave", 3.0, DARK),
)
_KEYS = tuple(r[0] for r in _ROLES)

RGB = tuple[int, int, int]


def _rgb(value: str) -> RGB:
    digits = value.strip()[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _hex(rgb: RGB) -> str:
    return "#" + "".join(f"{min(255, max(0, round(c))):02x}" for c in rgb)


def parse_colour(value: str) -> str | None:
    """A CSS colour as ``#rrggbb``: hex (3, 4, 6 or 8 digits), ``rgb()``/``rgba()``, ``hsl()``/``hsla()``
    or ``white``/``black``; None when it is something else or see-through (its contrast depends on what is behind)."""
    text = value.strip().lower()
    if text in ("white", "black"):
        return WHITE if text == "white" else "#000000"
    hexa = re.fullmatch(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", text)
    if hexa:
        digits = hexa[1] if len(hexa[1]) > 4 else "".join(c * 2 for c in hexa[1])
        if len(digits) == 8 and digits[6:] != "ff":
            return None
        return "#" + digits[:6]
    func = re.fullmatch(r"(rgba?|hsla?)\(\s*([^)]*)\)", text)
    if not func:
        return None
    parts = [p for p in re.split(r"[\s,/]+", func[2]) if p]
    if len(parts) not in (3, 4):
        return None
    try:
        if len(parts) == 4 and _number(parts[3], 1.0) < 1:
            return None
        if func[1].startswith("rgb"):
            return _hex(tuple(_number(p, 255.0) for p in parts[:3]))  # type: ignore[arg-type]
        hue = float(parts[0].removesuffix("deg")) / 360
        r, g, b = colorsys.hls_to_rgb(hue % 1, _number(parts[2], 1.0), _number(parts[1], 1.0))
    except ValueError:
        return None
    return _hex((r * 255, g * 255, b * 255))


def _number(text: str, scale: float) -> float:
    """'50%' is half of ``scale``; a plain number is itself (rgb 0-255, alpha 0-1)."""
    return float(text[:-1]) / 100 * scale if text.endswith("%") else float(text)


def _luminance(rgb: RGB) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrast_with_white(value: str) -> float:
    return contrast(value, WHITE)


def worst_surface(value: str, surfaces: tuple[str, ...]) -> str:
    """The surface a colour has the least contrast with: the one that decides whether it can be used."""
    return min(surfaces, key=lambda surface: contrast(value, surface))


def surfaces_in_words(surfaces: tuple[str, ...]) -> str:
    if surfaces == LIGHT:
        return f"wit en de lichte vlakken ({LIGHT[1]})"
    if surfaces == DARK:
        return f"de donkere achtergrond ({' en '.join(DARK)})"
    return " en ".join(surfaces)


def _shade(value: str, factor: float) -> str:
    """Darker (factor < 1, towards black) or lighter (> 1, towards white) version of a colour."""
    out = []
    for c in _rgb(value):
        out.append(round(c * factor) if factor < 1 else round(c + (255 - c) * (factor - 1)))
    return _hex(tuple(out))  # type: ignore[arg-type]


def _lighter(value: str, t: float) -> str:
    """Lighter by raising the lightness (HLS) a fraction ``t`` of the way to white: the hue and its
    saturation stay, so a brand blue stays a clear blue on the dark page instead of turning grey."""
    r, g, b = (c / 255 for c in _rgb(value))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(hue, lightness + (1 - lightness) * t, saturation)
    return _hex((r * 255, g * 255, b * 255))


def nearest_passing(value: str, needed: float, background: str = WHITE) -> str:
    """The same hue, darkened (on a light page) or lightened (on a dark one) just enough to reach
    ``needed`` against ``background``: bisection on how far towards black or white it moves."""
    value = value.strip().lower()
    if contrast(value, background) >= needed:
        return value
    darken = contrast("#000000", background) >= contrast(WHITE, background)

    def moved(t: float) -> str:  # t = 0: the colour itself; t = 1: black or white (always passes, if anything does)
        return _shade(value, 1 - t) if darken else _lighter(value, t)

    low, high = 0.0, 1.0
    for _ in range(30):
        mid = (low + high) / 2
        if contrast(moved(mid), background) >= needed:
            high = mid
        else:
            low = mid
    return moved(high)


def line_of(text: str, keys: tuple[str, ...]) -> int:
    """The line (1-based) of a nested key in a YAML text, or 1 when it cannot be found."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 1
    line = 1
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return line
        found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            return line
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def nl_number(number: float) -> str:
    """4.5 as '4,5' and 3.0 as '3', as a Dutch reader writes a ratio; cut, not rounded, so that 4.49
    (too little) never reads as the 4,5 it needs."""
    return f"{math.floor(number * 10) / 10:.1f}".replace(".", ",").removesuffix(",0")


def too_little(value: str, ratio: float, needed: float, purpose: str, against: str, background: str) -> str:
    """The Dutch sentence for a colour below its contrast, with the nearest colour that passes."""
    return (f"{value} heeft te weinig contrast met {against} voor de {purpose} ({nl_number(ratio)}:1, nodig is "
            f"{nl_number(needed)}:1); de dichtstbijzijnde tint die wel genoeg contrast heeft is "
            f"{nearest_passing(value, needed, background)}")


def colour_problems(kleuren: Any) -> list[str]:
    """What is wrong with ``extra.lea.kleuren``, in Dutch; empty when the colours can be used."""
    where = "mkdocs.yml: extra.lea.kleuren"
    if kleuren is None:
        return []
    if not isinstance(kleuren, dict):
        return [f"{where}: verwacht 'primair' en/of 'accent' met een kleurcode, zoals primair: \"#1f4e8c\""]
    problems = [f"{where}.{key}: onbekende kleur; bedoeld zijn 'primair' en 'accent' (en eventueel "
                "'primair_donker' en 'accent_donker')" for key in kleuren if key not in _KEYS]
    for key, purpose, needed, surfaces in _ROLES:
        value = kleuren.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not _HEX.fullmatch(value.strip()):
            problems.append(f"{where}.{key}: '{value}' is geen kleurcode; schrijf bijvoorbeeld \"#1f4e8c\" (tussen aanhalingstekens)")
            continue
        background = worst_surface(value.strip(), surfaces)
        ratio = contrast(value.strip(), background)
        if ratio < needed:
            problems.append(f"{where}.{key}: {too_little(value.strip(), ratio, needed, purpose, surfaces_in_words(surfaces), background)}")
    return problems


def dark_variant(kleuren: dict[str, str], key: str) -> str | None:
    """The colour for the dark scheme: the municipality's own ``<key>_donker``, else the light colour
    itself when it passes on the dark page, else its nearest lighter tint that does."""
    own = kleuren.get(f"{key}_donker")
    if own:
        return own.strip().lower()
    light = kleuren.get(key)
    if not light:
        return None
    needed = next(r[2] for r in _ROLES if r[0] == key) + 0.1  # a little margin: browsers round the page's colour
    light = light.strip().lower()
    return nearest_passing(light, needed, worst_surface(light, DARK))


def stylesheet(kleuren: dict[str, str]) -> str:
    """CSS that puts the checked colours in place of the product's (and of the design tokens'), in both schemes."""
    light, dark, both = [], [], []
    primary = kleuren.get("primair")
    if primary:
        primary = primary.strip().lower()
        # The header carries white text in both schemes (checked at 4.5:1 against white).
        both += [f"--md-primary-fg-color: {primary};", f"--md-primary-fg-color--light: {_shade(primary, 1.15)};",
                 f"--md-primary-fg-color--dark: {_shade(primary, 0.75)};", "--md-primary-bg-color: #ffffff;"]
        light += [f"--md-typeset-a-color: {primary};", f"--lea-line: {primary};", f"--lea-box-stroke: {primary};"]
    link = dark_variant(kleuren, "primair")
    if link:
        dark += [f"--md-typeset-a-color: {link};", f"--lea-line: {link};", f"--lea-box-stroke: {link};"]
    accent = kleuren.get("accent")
    if accent:
        accent = accent.strip().lower()
        light += [f"--md-accent-fg-color: {accent};", f"--lea-target: {accent};", f"--lea-focus: {accent};"]
    ring = dark_variant(kleuren, "accent")
    if ring:
        dark += [f"--md-accent-fg-color: {ring};", f"--lea-target: {ring};", f"--lea-focus: {ring};"]
    lines = ["/* Huisstijlkleuren uit mkdocs.yml (extra.lea.kleuren), gecontroleerd op contrast door lea build;",
             "   de donkere weergave krijgt een lichtere tint die op de donkere achtergrond leesbaar is. */"]
    if both or light:
        lines += [':root, [data-md-color-scheme="default"] {', *("  " + d for d in both + light), "}"]
    if both or dark:
        lines += ['[data-md-color-scheme="slate"] {', *("  " + d for d in both + dark), "}"]
    return "\n".join(lines) + "\n"
