"""A municipality's house colours (``extra.lea.kleuren`` in mkdocs.yml) as a stylesheet.

Only colours that keep the site readable are accepted (WCAG 2.1 AA): the primary
colour carries white text in the header and is the link colour on white (4.5:1);
the accent colour is the focus ring and the target line of charts (3:1, a graphic).
The dark scheme keeps the product's light link colours, which are made for it.
"""

from __future__ import annotations

import re
from typing import Any

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
# (key, what it is for, contrast needed against white)
_ROLES = (("primair", "kopbalk en links", 4.5), ("accent", "focusrand en doellijnen", 3.0))


def _rgb(value: str) -> tuple[int, int, int]:
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(value: str) -> float:
    return 1.05 / (_luminance(_rgb(value)) + 0.05)


def _shade(value: str, factor: float) -> str:
    """Darker (factor < 1) or lighter (> 1, towards white) version of a colour."""
    out = []
    for c in _rgb(value):
        out.append(round(c * factor) if factor < 1 else round(c + (255 - c) * (factor - 1)))
    return "#" + "".join(f"{min(255, max(0, c)):02x}" for c in out)


def nearest_passing(value: str, needed: float) -> str:
    """The same hue, darkened just enough to reach ``needed`` against white (bisection on the darkening)."""
    low, high = 0.0, 1.0  # factor: 0 is black (always passes), 1 is the colour itself
    for _ in range(30):
        mid = (low + high) / 2
        if contrast_with_white(_shade(value, mid)) >= needed:
            low = mid
        else:
            high = mid
    return _shade(value, low) if low < 1 else value.lower()


def line_of(text: str, keys: tuple[str, ...]) -> int:
    """The line (1-based) of a nested key in a YAML text, or 1 when it cannot be found."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 1
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return 1
        found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            return 1
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def _nl(number: float) -> str:
    return f"{number:.1f}".replace(".", ",").removesuffix(",0")


def colour_problems(kleuren: Any) -> list[str]:
    """What is wrong with ``extra.lea.kleuren``, in Dutch; empty when the colours can be used."""
    where = "mkdocs.yml: extra.lea.kleuren"
    if kleuren is None:
        return []
    if not isinstance(kleuren, dict):
        return [f"{where}: verwacht 'primair' en/of 'accent' met een kleurcode, zoals primair: \"#1f4e8c\""]
    problems = [f"{where}.{key}: onbekende kleur; bedoeld zijn 'primair' en 'accent'"
                for key in kleuren if key not in dict((r[0], r) for r in _ROLES)]
    for key, purpose, needed in _ROLES:
        value = kleuren.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not _HEX.fullmatch(value.strip()):
            problems.append(f"{where}.{key}: '{value}' is geen kleurcode; schrijf bijvoorbeeld \"#1f4e8c\" (tussen aanhalingstekens)")
            continue
        ratio = contrast_with_white(value.strip())
        if ratio < needed:
            problems.append(f"{where}.{key}: {value} heeft te weinig contrast met wit voor de {purpose} "
                            f"({_nl(ratio)}:1, nodig is {_nl(needed)}:1); de dichtstbijzijnde tint die wel genoeg "
                            f"contrast heeft is {nearest_passing(value.strip(), needed)}")
    return problems


def stylesheet(kleuren: dict[str, str]) -> str:
    """CSS that puts the checked colours in place of the product's (light scheme, header in both)."""
    light, both = [], []
    primary = kleuren.get("primair")
    if primary:
        primary = primary.strip().lower()
        both += [f"--md-primary-fg-color: {primary};", f"--md-primary-fg-color--light: {_shade(primary, 1.15)};",
                 f"--md-primary-fg-color--dark: {_shade(primary, 0.75)};"]
        light += [f"--md-typeset-a-color: {primary};", f"--lea-line: {primary};", f"--lea-box-stroke: {primary};"]
    accent = kleuren.get("accent")
    if accent:
        accent = accent.strip().lower()
        light += [f"--md-accent-fg-color: {accent};", f"--lea-target: {accent};"]
    lines = ["/* Huisstijlkleuren uit mkdocs.yml (extra.lea.kleuren), gecontroleerd op contrast door lea build. */"]
    if both or light:
        lines += [':root, [data-md-color-scheme="default"] {', *("  " + d for d in both + light), "}"]
    if both:
        lines += ['[data-md-color-scheme="slate"] {', *("  " + d for d in both), "}"]
    return "\n".join(lines) + "\n"
