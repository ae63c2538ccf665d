"""The municipality's house style, in one place: ``extra.lea`` in the site's mkdocs.yml.

::

    extra:
      lea:
        kleuren: {primair: "#004b87", accent: "#b5121b"}   # optional: primair_donker, accent_donker
        logo: assets/logo.svg                               # files in the site's docs/
        favicon: assets/favicon.png
        lettertype: {naam: Fira Sans, normaal: assets/fonts/fira-400.woff2, vet: assets/fonts/fira-700.woff2}
        tokens: stylesheets/tokens/gemeente.css             # an NL Design System token set (variables.css)

Without any of these the site has the NL Design System's voorbeeld look (lea_site.tokens).
Everything is checked before anything is built, and every problem names the file, the line,
the field and, for a colour, the ratio and the nearest colour that passes. Nothing may come
from another website: files are paths inside the site's ``docs/``, never an address.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .colours import colour_problems, line_of, stylesheet
from .tokens import MAPPING, PRODUCT_TOKENS, token_problems

COLOURS = "stylesheets/kleuren.css"  # generated from extra.lea.kleuren
FONT = "stylesheets/lettertype.css"  # generated from extra.lea.lettertype
# A path inside docs/: plain names and folders, no '..', no address, nothing CSS could read as more.
_PATH = re.compile(r"(?!/)(?!.*\.\.)[A-Za-z0-9_./-]+")
_FONT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{0,59}")
_FONT_FACES = {"normaal": ("normal", 400), "vet": ("normal", 700), "cursief": ("italic", 400), "vet_cursief": ("italic", 700)}
# Every setting under extra.lea; another is a typing error ('kleur', 'favicoon'), never silently ignored.
KNOWN = ("data", "kleuren", "logo", "favicon", "lettertype", "tokens")
_KINDS = {
    "logo": (".svg", ".png", ".jpg", ".jpeg", ".webp"),
    "favicon": (".ico", ".png", ".svg"),
    "tokens": (".css",),
    "lettertype": (".woff2", ".woff"),
}


@dataclass(frozen=True, order=True)
class HouseProblem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass
class HouseStyle:
    theme: dict[str, str] = field(default_factory=dict)  # logo, favicon: into the theme's settings
    files: dict[str, str] = field(default_factory=dict)  # generated stylesheets, path inside docs/
    tokens: str | None = None  # the site's own token set, in place of the product's

    def extra_css(self, product: list[Any]) -> list[Any]:
        """The product's stylesheets with the site's token set in place of the voorbeeld set, then the generated ones
        (after the mapping, so the municipality's own colours and font win)."""
        out = [self.tokens if self.tokens and entry == PRODUCT_TOKENS else entry for entry in product]
        return out + [path for path in (COLOURS, FONT) if path in self.files]


class _Reader:
    """Collects problems with the line of their key in the site's mkdocs.yml."""

    def __init__(self, config: Path, docs: list[Path]):
        self.config, self.docs = config, docs
        self.shown = config.name
        try:
            self.text = config.read_text(encoding="utf-8")
        except OSError:
            self.text = ""
        self.problems: list[HouseProblem] = []

    def problem(self, dotted: str, message: str) -> None:
        keys = tuple(dotted.split("."))
        self.problems.append(HouseProblem(self.shown, line_of(self.text, keys), dotted, message))

    def file(self, dotted: str, value: Any, kinds: tuple[str, ...]) -> Path | None:
        """A file inside the site's docs/ (or the product's), or a problem saying why not."""
        if not isinstance(value, str) or not value.strip():
            self.problem(dotted, f"verwacht de naam van een bestand in docs/, zoals assets/logo{kinds[0]}")
            return None
        value = value.strip()
        if "://" in value or value.startswith("//"):
            self.problem(dotted, f"'{value}' is een adres van een andere website; de site laadt niets van buiten: "
                                 "zet het bestand in docs/ en noem het hier, zoals assets/logo" + kinds[0])
            return None
        if not _PATH.fullmatch(value):
            self.problem(dotted, f"'{value}' is geen bestandsnaam binnen docs/; gebruik letters, cijfers, - _ . en /, "
                                 "zonder .. en zonder / vooraan")
            return None
        if not value.lower().endswith(kinds):
            self.problem(dotted, f"'{value}' heeft niet de juiste soort; verwacht {', '.join(kinds)}")
            return None
        for folder in self.docs:
            if (folder / value).is_file():
                if not (folder / value).resolve().is_relative_to(folder.resolve()):
                    self.problem(dotted, f"docs/{value} is een symbolische link naar buiten de site; zet het bestand zelf in docs/")
                    return None
                return folder / value
        self.problem(dotted, f"het bestand docs/{value} bestaat niet; zet het in de map docs/ van de site")
        return None


def _font(reader: _Reader, value: Any) -> str | None:
    """The stylesheet for ``lettertype``: 'systeem' (the device's own font) or a font in the site's own files."""
    where = "extra.lea.lettertype"
    if isinstance(value, str) and value.strip().lower() == "systeem":
        return ":root, [data-md-color-scheme] { --md-text-font: system-ui; }\n"
    if not isinstance(value, dict):
        reader.problem(where, "verwacht 'systeem' of naam en bestanden, zoals {naam: Fira Sans, normaal: assets/fonts/fira-400.woff2}")
        return None
    for key in value:
        if key != "naam" and key not in _FONT_FACES:
            reader.problem(f"{where}.{key}", "onbekend; bedoeld zijn naam, normaal, vet, cursief en vet_cursief")
    name = value.get("naam")
    if not isinstance(name, str) or not _FONT_NAME.fullmatch(name.strip()):
        reader.problem(f"{where}.naam", "verwacht de naam van het lettertype (letters, cijfers, spaties en -), zoals Fira Sans")
        name = None
    if "normaal" not in value:
        reader.problem(f"{where}.normaal", "ontbreekt: het bestand (.woff2) met de gewone letter, in docs/")
    faces = []
    for key, (style, weight) in _FONT_FACES.items():
        if key in value and reader.file(f"{where}.{key}", value[key], _KINDS["lettertype"]):
            path = value[key].strip()
            kind = "woff2" if path.lower().endswith(".woff2") else "woff"
            faces.append(f'@font-face {{ font-family: "{name}"; font-style: {style}; font-weight: {weight}; '
                         f'font-display: swap; src: url("../{path}") format("{kind}"); }}')
    if not name or not faces:
        return None
    return ("/* Het lettertype uit mkdocs.yml (extra.lea.lettertype), van de site zelf. */\n" + "\n".join(faces)
            + f'\n:root, [data-md-color-scheme] {{ --md-text-font: "{name}"; }}\n')


_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def address_problem(value: Any) -> str | None:
    """Why ``value`` cannot be the site's or the repository's address: it becomes a link in every page, the
    feeds and the PDFs, so only ``https://`` (``http://`` for a preview on this computer), never ``javascript:``."""
    from urllib.parse import urlsplit

    if not isinstance(value, str):
        return f"verwacht een webadres zoals https://www.voorbeeld.nl/lea/, kreeg {type(value).__name__}"
    text = value.strip()
    if len(text) > 500 or not text.isprintable() or any(c in text for c in " \"'<>`\\"):
        return "verwacht één webadres, zonder spaties, aanhalingstekens of onzichtbare tekens"
    try:
        parts = urlsplit(text)
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return f"'{text[:80]}' is geen webadres"
    if "@" in parts.netloc:
        return f"'{text[:80]}' bevat een naam of wachtwoord vóór de @; schrijf alleen het adres, zoals https://www.voorbeeld.nl/lea/"
    if port == 0:
        return f"'{text[:80]}' heeft geen geldige poort"
    if parts.scheme == "https" and re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost|[0-9a-f:]+", host):
        return None
    if parts.scheme == "http" and host in _LOCAL_HOSTS:
        return None
    if parts.scheme == "http":
        return f"'{text[:80]}' begint met http://; schrijf https:// (http:// kan alleen voor localhost of 127.0.0.1)"
    return f"'{text[:80]}' is geen webadres dat met https:// begint; alleen https:// (en http:// op localhost) kan"


def config_value(value: Any) -> Any:
    """MkDocs's ``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``: the value the build will see."""
    if getattr(value, "tag", None) != "!ENV":
        return value
    names = value.value if isinstance(value.value, list) else [value.value]
    for name in names[:-1] if len(names) > 1 else names:
        if os.environ.get(str(name)) is not None:
            return os.environ[str(name)]
    return names[-1] if len(names) > 1 else None


def house_style(config: Path, own: dict[str, Any], product_docs: Path) -> tuple[HouseStyle, list[HouseProblem]]:
    """Read and check ``extra.lea`` of the site's mkdocs.yml; all problems at once."""
    root = config.parent
    own_docs = (root / str(own.get("docs_dir", "docs"))).resolve()
    if not own_docs.is_relative_to(root.resolve()):  # refused by the generate step; read nothing outside the site
        own_docs = root / "docs"
    extra = own.get("extra") if isinstance(own.get("extra"), dict) else {}
    lea = extra.get("lea") if isinstance(extra.get("lea"), dict) else {}
    reader = _Reader(config, [own_docs, product_docs])
    style = HouseStyle()
    for key in ("site_url", "repo_url"):  # not house style, but read from the same file at the same moment
        value = config_value(own.get(key))
        if value not in (None, "") and (why := address_problem(value)):
            reader.problem(key, why)
    edit_uri = config_value(own.get("edit_uri"))
    if isinstance(edit_uri, str) and ":" in edit_uri.split("/", 1)[0] and (why := address_problem(edit_uri)):
        reader.problem("edit_uri", why)  # an address of its own, not a path after repo_url
    for key in lea:
        if key not in KNOWN:
            meant = difflib.get_close_matches(str(key).lower(), KNOWN, n=1, cutoff=0.6)
            hint = f"bedoelde u '{meant[0]}'?" if meant else "bedoeld zijn " + ", ".join(KNOWN)
            reader.problem(f"extra.lea.{key}", f"onbekende instelling; {hint}")
    kleuren = lea.get("kleuren")
    for message in colour_problems(kleuren):
        dotted, _, reason = message.removeprefix("mkdocs.yml: ").partition(": ")
        reader.problem(dotted, reason)
    if kleuren and not reader.problems:
        style.files[COLOURS] = stylesheet(kleuren)
    for key in ("logo", "favicon"):
        if lea.get(key) is not None and reader.file(f"extra.lea.{key}", lea[key], _KINDS[key]):
            style.theme[key] = lea[key].strip()
    if lea.get("lettertype") is not None:
        css = _font(reader, lea["lettertype"])
        if css:
            style.files[FONT] = css
    if lea.get("tokens") is not None:
        path = reader.file("extra.lea.tokens", lea["tokens"], _KINDS["tokens"])
        if path:
            shown = f"{Path(str(own.get('docs_dir', 'docs'))).as_posix()}/{lea['tokens'].strip()}"
            for problem in token_problems(path.read_text(encoding="utf-8", errors="replace")):
                reader.problems.append(HouseProblem(shown, problem.line, problem.token or "tokens", problem.message))
            style.tokens = lea["tokens"].strip()
    return style, sorted(reader.problems)


__all__ = ["COLOURS", "FONT", "MAPPING", "PRODUCT_TOKENS", "HouseProblem", "HouseStyle", "house_style"]
