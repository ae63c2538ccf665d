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

The site pins the version of lea-site that made it, in one file: ``requirements.txt``
(``lea-site[zensical]==X.Y.Z``, or with ``--vanaf-git`` a tag of a git repository, until
the package is on PyPI). Its workflows and README install from that file, and Dependabot
(``.github/dependabot.yml``) proposes a newer version as a pull request.
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
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
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
EXTRAS = "zensical"  # the site can be built with either engine (lea build --engine zensical)
GIT_EXAMPLE = "https://github.com/OWNER/REPO@v0.1.0"
# A host and a path of plain parts: no user or password (requirements.txt is public), no query,
# nothing that means something to pip in a requirement line ('#', ';', spaces, quotes).
_GIT_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)+/?")
# A version tag (v0.1.0, v1.2.0rc1): a site stands on a fixed version, never on a branch.
_VERSION_TAG = re.compile(r"v?[0-9]+\.[0-9]+\.[0-9]+(?:[-.]?[A-Za-z0-9]+)*")
_MAX_GIT = 300


class InitError(Exception):
    """``lea init`` cannot make the site folder; the message says why, in Dutch."""


@dataclass(frozen=True)
class _Values:
    name: str
    slug: str
    day: date  # today: the agenda starts in its school year
    requirement: str  # requirements.txt: lea-site[zensical]==0.1.0, or a tag of a git repository

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


def requirement(from_git: str | None = None) -> str:
    """The line of the site's requirements.txt: exactly the running version (``lea-site[zensical]==0.1.0``),
    or with ``from_git`` (``URL@TAG``) that tag of a git repository. :class:`InitError` when it cannot be pinned."""
    if from_git is not None:
        url, tag = git_source(from_git)
        return f"lea-site[{EXTRAS}] @ git+{url}@{tag}"
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)*([a-z]+[0-9]*)?", __version__):
        raise InitError(f"de versie van lea-site is onbekend ({__version__}): installeer het pakket (pip install -e .), "
                        f"of geef met --vanaf-git de tag waarvan de site het installeert, bijvoorbeeld {GIT_EXAMPLE}")
    return f"lea-site[{EXTRAS}]=={__version__}"


def git_source(text: str) -> tuple[str, str]:
    """``https://host/owner/repo@v0.1.0`` split into address and tag; :class:`InitError` (Dutch) otherwise."""
    shown = text if len(text) <= 80 else text[:80] + "..."
    if len(text) > _MAX_GIT:
        raise InitError(f"--vanaf-git: het adres is te lang ({len(text)} tekens, de grens is {_MAX_GIT})")
    url, at, tag = text.strip().rpartition("@")
    if not at or not url:
        raise InitError(f"--vanaf-git verwacht ADRES@TAG, bijvoorbeeld {GIT_EXAMPLE}; in '{shown}' staat geen @ met een tag erachter")
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise InitError(f"--vanaf-git: het adres '{url[:80]}' begint niet met https:// (bijvoorbeeld {GIT_EXAMPLE})")
    if "@" in url:
        raise InitError("--vanaf-git: zet geen gebruikersnaam, wachtwoord of token in het adres: het komt in requirements.txt, "
                        "dat iedereen kan lezen")
    if not _GIT_URL.fullmatch(url):
        raise InitError(f"--vanaf-git: '{url[:80]}' is geen gewoon https-adres van een repository: alleen letters, cijfers en "
                        f"- . _ ~ / (bijvoorbeeld {GIT_EXAMPLE})")
    if not _VERSION_TAG.fullmatch(tag):
        raise InitError(f"--vanaf-git: '{tag[:40]}' is geen versietag zoals v0.1.0: een site staat op een vaste versie, "
                        "niet op een branch of een commit")
    return url.rstrip("/"), tag


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


def init_site(target: Path, *, name: str | None = None, today: date | None = None,
              from_git: str | None = None) -> list[Path]:
    """Write a new site folder in ``target`` and return the files written (as ``target / ...``).

    ``target`` may be missing, empty, or hold only ``.git`` (a fresh clone). Anything else
    is refused with :class:`InitError`, and nothing is written. The agenda starts in the
    school year of ``today`` (default: today, or ``LEA_TODAY``) and runs four years. ``from_git``
    (``URL@TAG``): requirements.txt installs that tag of a git repository instead of the PyPI package.
    """
    from .site import today as build_today

    target = Path(target)
    plain = check_name(DEFAULT_NAME if name is None else name)
    values = _Values(plain, slug(plain), today or build_today(), requirement(from_git))
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


def main_init(target: str, name: str | None, from_git: str | None = None) -> int:
    """``lea init DIR`` (the municipality's name, a git tag to install from): make the folder, list it,
    say what to do next; 0 or 1."""
    folder = Path(target)
    try:
        files = init_site(folder, name=name, from_git=from_git)
    except InitError as err:
        print(f"lea init: {err}", file=sys.stderr)
        return 1
    if from_git is not None and git_source(from_git)[1].lstrip("v") != __version__:
        print(f"lea init: let op: u gebruikt lea-site {__version__}, de site installeert {git_source(from_git)[1]}; "
              "maak schema.json opnieuw met die versie (lea schema > schema.json)", file=sys.stderr)
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
