"""Design tokens (NL Design System) as the site's look, and the contrast check of a token set.

A token set is a stylesheet of CSS custom properties on ``:root``, such as the NL Design
System's ``variables.css`` of a theme package. The product ships the EUPL-licensed
"voorbeeld" set (``docs/stylesheets/tokens/voorbeeld.css``); ``docs/stylesheets/nlds.css``
maps its basis tokens (``--basis-*``, the layer every NL Design System theme has) onto
Material's variables. :data:`ROLES` is that mapping as data, so that ``lea build`` can check
any municipality's token set (``extra.lea.tokens``) for contrast before anything is built,
and a test keeps it equal to the stylesheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .colours import DARK, LIGHT, WHITE, contrast, nl_number, nearest_passing, parse_colour, worst_surface

PRODUCT_TOKENS = "stylesheets/tokens/voorbeeld.css"  # inside docs/ (the product's and every site's)
MAPPING = "stylesheets/nlds.css"


class Role(NamedTuple):
    """One colour of the site, taken from a token (or the product's own colour when the set lacks it)."""

    what: str  # in Dutch, for the error message
    token: str
    fallback: str  # the product's colour, also the CSS fallback in nlds.css
    against: str | None  # the token of the background it is read on (its fallback: the first surface)
    surfaces: tuple[str, ...]  # the product's own surfaces it is also read on (colours.LIGHT, colours.DARK)
    needed: float


_PAGE = "--basis-color-default-bg-document"
# Light scheme: the page and its text come from the tokens, the tinted boxes from lea.css. Dark scheme:
# Material's dark page and lea.css's dark boxes (colours.DARK), with the tokens' colours for dark
# backgrounds ("inverse").
ROLES: tuple[Role, ...] = (
    Role("tekst", "--basis-color-default-color-document", "#000000", _PAGE, LIGHT, 4.5),
    Role("links", "--basis-color-action-2-color-default", "#1f4e8c", _PAGE, LIGHT, 4.5),
    Role("links onder de muis", "--basis-color-action-2-color-hover", "#163a68", _PAGE, LIGHT, 4.5),
    Role("kopbalk (achter de tekst van de kopbalk)", "--basis-color-accent-1-inverse-bg-document", "#1f4e8c",
         "--basis-color-accent-1-inverse-color-default", (WHITE,), 4.5),
    Role("doellijnen in grafieken", "--basis-color-accent-1-color-default", "#a3195b", _PAGE, LIGHT, 3.0),
    Role("focusrand", "--basis-focus-outline-color", "#0b0c0c", _PAGE, LIGHT, 3.0),
    Role("links in de donkere weergave", "--basis-color-action-2-inverse-color-subtle", "#9cc1ff", None, DARK, 4.5),
    Role("doellijnen in de donkere weergave", "--basis-color-accent-1-inverse-color-subtle", "#ff9fd0", None, DARK, 3.0),
    Role("focusrand in de donkere weergave", "--basis-focus-inverse-outline-color", "#ffffff", None, DARK, 3.0),
)


@dataclass(frozen=True)
class Token:
    name: str
    value: str
    line: int


@dataclass(frozen=True)
class TokenProblem:
    line: int
    token: str
    message: str


_DECLARATION = re.compile(r"(--[A-Za-z0-9_-]+)\s*:\s*([^;{}]*);")
_VAR = re.compile(r"^var\(\s*(--[A-Za-z0-9_-]+)\s*(?:,\s*(.*))?\)$", re.S)


def read_tokens(text: str) -> dict[str, Token]:
    """Every custom property in a stylesheet, with its line; a later definition wins, as in CSS."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m[0]), text, flags=re.S)  # comments out, lines kept
    tokens = {}
    for match in _DECLARATION.finditer(text):
        line = text.count("\n", 0, match.start(1)) + 1
        tokens[match[1]] = Token(match[1], match[2].strip(), line)
    return tokens


def resolve(tokens: dict[str, Token], name: str, depth: int = 0) -> tuple[str, Token] | None:
    """The final value of a token through its ``var()`` chain, and the token where that value is written."""
    token = tokens.get(name)
    if token is None or depth > 50:  # a missing token, or a loop
        return None
    ref = _VAR.match(token.value)
    if not ref:
        return token.value, token
    found = resolve(tokens, ref[1], depth + 1)
    if found is None and ref[2]:
        return ref[2].strip(), token
    return found


def _colour_of(tokens: dict[str, Token], name: str, default: str) -> tuple[str | None, Token | None]:
    found = resolve(tokens, name)
    if found is None:
        return default, None
    value, where = found
    return parse_colour(value), where


_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.S)
# What makes a browser fetch: an import, a font face, and every function that takes an address. url( may be
# written u\72l( (a CSS escape), so escapes are read first; a comment inside a word is taken out whole.
_FETCHES = re.compile(r"@import\b|@font-face\b|@namespace\b|\b(?:url|image-set|-webkit-image-set|image|src|cross-fade|element)\s*\(",
                      re.I)


def _unescaped(text: str) -> str:
    def char(match: re.Match) -> str:
        if match[1]:
            code = int(match[1], 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return match[2]

    return _ESCAPE.sub(char, text)


def fetch_problems(text: str) -> list[TokenProblem]:
    """Every place where the token file would make the browser load something (from another host, or
    at all): a token file holds values, and fonts and images come from the site's own settings."""
    problems = []
    for number, line in enumerate(_unescaped(re.sub(r"/\*.*?\*/", lambda m: "\n" * m[0].count("\n"), text,
                                                     flags=re.S)).split("\n"), start=1):
        for match in _FETCHES.finditer(line):
            what = match[0].rstrip("( \t").lower()
            problems.append(TokenProblem(number, "", (
                f"{what} laadt iets in (een ander stylesheet, lettertype of plaatje, mogelijk van een andere website); "
                "een tokenbestand mag alleen waarden bevatten. Een lettertype stelt u in met extra.lea.lettertype, "
                "een logo met extra.lea.logo")))
    return problems


def token_problems(text: str) -> list[TokenProblem]:
    """Every role of :data:`ROLES` whose colour in this token set is too faint, or cannot be read, and every
    place that would load something (:func:`fetch_problems`), in Dutch."""
    loading = fetch_problems(text)
    if loading:
        return loading
    tokens = read_tokens(text)
    if not any(name.startswith("--basis-") for name in tokens):
        return [TokenProblem(1, "", "dit bestand heeft geen basistokens (--basis-...); gebruik het bestand variables.css "
                                     "uit het tokenpakket van uw thema (NL Design System)")]
    if not re.search(r":root\b", text):
        return [TokenProblem(1, "", "de tokens staan niet op :root en gelden dan niet voor de pagina; gebruik "
                                     "variables.css uit het tokenpakket, niet theme.css")]
    problems = []
    for role in ROLES:
        colour, where = _colour_of(tokens, role.token, role.fallback)
        line = where.line if where else 1
        if colour is None:
            problems.append(TokenProblem(line, role.token, f"'{where.value if where else ''}' is geen kleur die gecontroleerd kan "
                                         f"worden voor de {role.what}; schrijf een kleurcode zoals #1f4e8c (niet doorzichtig)"))
            continue
        surfaces = role.surfaces
        if role.against:
            page, _ = _colour_of(tokens, role.against, role.surfaces[0])
            surfaces = (page or role.surfaces[0], *role.surfaces[1:])
        background = worst_surface(colour, surfaces)
        ratio = contrast(colour, background)
        if ratio < role.needed:
            # The line is where the colour is written; through a var() chain that is another token.
            via = f" (via {role.token})" if where and where.name != role.token else ""
            problems.append(TokenProblem(line, where.name if where else role.token, (
                f"{colour}{via} heeft te weinig contrast met {background} voor de {role.what} ({nl_number(ratio)}:1, nodig is "
                f"{nl_number(role.needed)}:1); de dichtstbijzijnde tint die wel genoeg contrast heeft is "
                f"{nearest_passing(colour, role.needed, background)}")))
    return problems
