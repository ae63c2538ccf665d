"""``lea init DIR``: a new site folder for a municipality.

A site folder holds only what a municipality writes itself: its agenda (``data/``),
its few settings (``mkdocs.yml``: name, description, repository, colours, logo), the
CI workflows and the guides for partners. Theme, plugins and the pages come
from the installed product (``lea build`` merges them in); nothing of the code is
copied, and no file names a path of the machine it was made on.

The files are package data in ``templates/site/``. A name there that starts with
``dot-`` is written with a dot (``dot-github`` becomes ``.github``): setuptools'
package-data globs, like Python's ``glob``, skip names that start with a dot.
Placeholders are ``@@NAAM@@``. The municipality's name is checked to be plain text
(letters, digits, spaces and ``'-.,()&/``); in the YAML templates it stands only inside
double quotes or inside a text block, so it can never break a file's syntax.
"""

from __future__ import annotations

import re
import shlex
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date
from importlib import resources
from importlib.abc import Traversable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .values import school_year_of

DEFAULT_NAME = "Voorbeeldgemeente"
MAX_NAME = 80
AGENDA_YEARS = 4  # a new agenda runs four years: 2026-2030
SCHEMA_FILE = "schema.json"  # at the top of the site; the data files point at it
# What may be in the folder already: a fresh clone of an empty repository.
ALLOWED_EXISTING = frozenset({".git"})
# A letter (or the apostrophe of 's-Hertogenbosch) first, then plain text.
_NAME = re.compile(r"[^\W\d_'’][\w '’.,()&/-]*|['’][^\W\d_][\w '’.,()&/-]*")
_DOT = "dot-"


class InitError(Exception):
    """``lea init`` cannot make the site folder; the message says why, in Dutch."""


@dataclass(frozen=True)
class _Values:
    name: str
    slug: str
    day: date  # today: the agenda starts in its school year
    requirement: str  # what the workflows install: lea-site~=0.1.0

    def placeholders(self) -> dict[str, str]:
        first = int(school_year_of(self.day)[:4])
        return {
            "GEMEENTE": self.name,
            "SLUG": self.slug,
            "VAN": str(first),
            "TOT": str(first + AGENDA_YEARS),
            "SCHOOLJAAR": f"{first}-{first + 1}",
            "VOLGEND_SCHOOLJAAR": f"{first + 1}-{first + 2}",
            "VOLGEND_JAAR": str(first + 1),
            "DATUM": self.day.isoformat(),
            "LEA_SITE": self.requirement,
        }


def check_name(name: str) -> str:
    """The municipality's name, stripped; :class:`InitError` when it is not plain text."""
    text = re.sub(" {2,}", " ", name.strip(" "))  # a tab or newline is refused below, not folded away
    if not text:
        raise InitError("de naam van de gemeente is leeg; geef een naam, bijvoorbeeld Veendam")
    if len(text) > MAX_NAME:
        raise InitError(f"de naam van de gemeente is te lang ({len(text)} tekens, de grens is {MAX_NAME})")
    if not _NAME.fullmatch(text):
        raise InitError(f"'{text[:MAX_NAME]}' is geen gewone naam van een gemeente of regio: gebruik letters, cijfers, "
                        "spaties en alleen deze tekens: ' - . , ( ) & /")
    return text


def slug(name: str) -> str:
    """The name for a team or organisation on GitHub: 's-Hertogenbosch becomes s-hertogenbosch."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "gemeente"


def requirement() -> str:
    """``lea-site~=X.Y.Z`` for the installed version: updates within X.Y, no surprise from the next one."""
    try:
        installed = version("lea-site")
    except PackageNotFoundError:  # pragma: no cover - run from a bare checkout
        return "lea-site"
    parts = installed.split(".")
    if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]):
        return f"lea-site~={'.'.join(parts[:3])}"
    return "lea-site"


def templates() -> Traversable:
    return resources.files("lea_site") / "templates" / "site"


def _walk(folder: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Traversable]]:
    files = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__" or entry.name.endswith((".pyc", ".py")):
            continue
        if entry.is_dir():
            files.extend(_walk(entry, (*prefix, entry.name)))
        else:
            files.append(((*prefix, entry.name), entry))
    return files


def _fill(text: str, values: dict[str, str]) -> str:
    # No escaping: check_name lets through no character that means something in the
    # places the templates use the name (double-quoted YAML, YAML text blocks, Markdown
    # prose): no quote, backslash, colon, '#', '*', '<', '{' or newline. The tests load
    # every file back and compare the name.
    return re.sub(r"@@([A-Z_]+)@@", lambda match: values[match[1]], text)


def _out_name(part: str, values: dict[str, str]) -> str:
    part = _fill(part, values)
    return "." + part[len(_DOT):] if part.startswith(_DOT) else part


def render(values: _Values) -> dict[str, str]:
    """Every file of a new site: its path (``data/agenda.yml``) and its text."""
    fields = values.placeholders()
    out: dict[str, str] = {}
    for parts, source in _walk(templates()):
        rel = "/".join(_out_name(p, fields) for p in parts)
        out[rel] = _fill(source.read_text(encoding="utf-8"), fields)
    from .schema import schema_text

    out[SCHEMA_FILE] = schema_text()
    leftover = sorted(rel for rel, text in out.items() if re.search(r"@@[A-Z_]+@@", text + rel))
    if leftover:  # pragma: no cover - a template with a placeholder this module does not know
        raise InitError(f"sjabloon met een onbekende invulplek: {', '.join(leftover)}")
    return out


def _existing(target: Path) -> list[str]:
    if not target.exists() and not target.is_symlink():
        return []
    if not target.is_dir():
        raise InitError(f"{target} bestaat al en is geen map; kies een nieuwe map voor de site")
    return sorted(entry.name for entry in target.iterdir())


def init_site(target: Path, *, name: str | None = None, today: date | None = None) -> list[Path]:
    """Write a new site folder in ``target`` and return the files written (as ``target / ...``).

    ``target`` may be missing, empty, or hold only ``.git`` (a fresh clone). Anything else
    is refused with :class:`InitError`, and nothing is written. The agenda starts in the
    school year of ``today`` (default: today, or ``LEA_TODAY``) and runs four years.
    """
    from .site import today as build_today

    target = Path(target)
    plain = check_name(DEFAULT_NAME if name is None else name)
    values = _Values(plain, slug(plain), today or build_today(), requirement())
    present = [entry for entry in _existing(target) if entry not in ALLOWED_EXISTING]
    if present:
        shown = ", ".join(present[:5]) + (" ..." if len(present) > 5 else "")
        raise InitError(f"de map {target} is niet leeg ({shown}); lea init maakt een site alleen in een nieuwe "
                        "of lege map, zodat er niets wordt overschreven")
    files = render(values)
    written: list[Path] = []
    made: list[Path] = []  # folders this call created, to remove again when writing fails
    try:
        for folder in [target, *sorted({(target / rel).parent for rel in files} - {target})]:
            missing = [p for p in (folder, *folder.parents) if not p.exists()]
            for path in reversed(missing):
                path.mkdir()
                made.append(path)
        for rel, text in files.items():
            path = target / rel
            with open(path, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
                handle.write(text)
            written.append(path)
    except OSError as err:
        for path in reversed(written):
            path.unlink(missing_ok=True)
        for path in reversed(made):
            try:
                path.rmdir()
            except OSError:
                pass
        raise InitError(f"kan {target} niet maken: {err.strerror or err}") from None
    return written


def main_init(target: str, name: str | None) -> int:
    """``lea init DIR`` (and the municipality's name): make the folder, list it, say what to do next; 0 or 1."""
    folder = Path(target)
    try:
        files = init_site(folder, name=name)
    except InitError as err:
        print(f"lea init: {err}", file=sys.stderr)
        return 1
    shown = {path.relative_to(folder).as_posix() for path in files}
    print(f"Nieuwe LEA-site gemaakt in {folder} ({len(files)} bestanden):")
    for rel in sorted(shown):
        print(f"  {rel}")
    print()
    print("Volgende stappen:")
    print(f"  cd {shlex.quote(str(folder))}")
    print("  lea serve              # bekijk de site op http://127.0.0.1:8000")
    print("  vul data/ in           # begin met data/agenda.yml en data/partners.yml; zet daarna voorbeeld: false")
    print("  lea check              # controleert data/ en wijst fouten aan met bestand en regel")
    print("Hoe u de site publiceert en wie wat goedkeurt, staat in README.md en CONTRIBUTING.md van de nieuwe map.")
    return 0
