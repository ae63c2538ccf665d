"""Load ``data/`` into a validated :class:`~macros.model.Agenda`, collecting every problem.

``data/`` may be split over any number of YAML files. Each file holds one or more
sections: ``agenda`` (once in all files), and the lists ``partners``, ``ambities``,
``jaarplannen``, ``organen`` and ``interventies``. A file may hold a single item
under the singular key (``ambitie:``, ``jaarplan:``, ...), which is handy for one
file per ambition or per school year.

Each item is validated on its own, so one bad action does not hide the problems
of the next; cross-checks (references, sums, duplicates) run on the items that are
valid, against the ids of all items, so an invalid partner does not also turn up as
"unknown" everywhere it is used.

What is read, and what is refused (the data comes from pull requests):

- files ending in ``.yml`` or ``.yaml``, in any case (``2027-2028.YML``); every other
  file is named in a warning that it is not read. Hidden files and folders (``.DS_Store``,
  ``.git``) are passed over without a word, except a hidden YAML file, which is named;
- a symbolic link is read as its target when that is a file inside the repository (the
  folder with ``.git``, or without git the folder above ``data/``); a link that leaves
  the repository is an error and is never followed;
- a file over 10 MB, or files over 20 MB together, are refused before reading;
  ``yamlsource`` bounds the values (aliases included) and the nesting of what is read,
  and after ``MAX_ERRORS`` errors the check stops.
"""

from __future__ import annotations

import difflib
import functools
import gc
import itertools
import os
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from . import checks, checks_family
from .model import Action, Adoption, Agenda, AgendaInfo, AmbitionPlan, Ambition, Body, Intervention, Partner, Role, YearPlan
from .recency import FileAges
from .richtext import PICTURE_SUFFIXES
from .problems import GENERAL, AgendaError, Path, Problem, Suggestions, did_you_mean, format_path, locate, meant_key, translate
from .values import clip, dutch_int
from .yamlsource import (BIDI_PATTERN, INVISIBLE_MESSAGE, MAX_FILE_BYTES, Budget, Position, SourceDict, SourceList, YamlSyntaxError, file_too_large,
                         invisible_name,
                         load_file)

LIST_SECTIONS: dict[str, type[BaseModel]] = {
    "partners": Partner,
    "ambities": Ambition,
    "jaarplannen": YearPlan,
    "organen": Body,
    "interventies": Intervention,
    "rollen": Role,
}
SINGULAR = {"partner": "partners", "ambitie": "ambities", "jaarplan": "jaarplannen", "orgaan": "organen", "interventie": "interventies",
            "rol": "rollen"}
ALL_KEYS = ["agenda", *LIST_SECTIONS, *SINGULAR]
# A section the model never reads: a place for blocks that are only there to be reused in the same file,
# with an anchor (&werkgroepleden) and its aliases (*werkgroepleden). The YAML reader already bounds what
# aliases can expand to, so a block here costs what it would cost where it is first used.
TEMPLATES = "sjablonen"


@dataclass
class LoadResult:
    """What a load produced: the agenda (None when there are errors) and every problem."""

    agenda: Agenda | None
    problems: list[Problem]
    raw: SourceDict
    files: list[str] = field(default_factory=list)
    # each file's absolute path by its name in messages (an engine may run in another folder later)
    paths: dict[str, FsPath] = field(default_factory=dict)
    # raw index of each valid item, per section, so checks can name positions
    indexes: dict[str, list[int]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


MAX_FOLDER_BYTES = 20 * 1024 * 1024  # all data files together
MAX_FILES = 5_000  # files and folders in the data folder (an agenda has tens)
MAX_ERRORS = 10_000  # after this many errors the check stops: the rest would only cost time
YAML_SUFFIXES = (".yml", ".yaml")


def repository_root(directory: FsPath) -> FsPath:
    """The folder with ``.git`` above ``directory``; without git, the folder above it."""
    start = FsPath(os.path.abspath(directory))
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start.parent


@dataclass
class _Scan:
    read: list[tuple[FsPath, str, int]] = field(default_factory=list)  # (path to read, name in messages, size)
    others: list[FsPath] = field(default_factory=list)  # files that are there but not read
    problems: list[Problem] = field(default_factory=list)


def _scan(directory: FsPath, display_root: str) -> _Scan:
    """Which files of the data folder are read, and a problem for each that is not (see the module's docstring)."""
    scan = _Scan()
    root = repository_root(directory)
    real_root = root.resolve()
    prefix = display_root.rstrip("/")
    if not _inside(directory.resolve(), real_root):
        scan.problems.append(Problem(display_root, GENERAL, "", f"de map {shown(display_root)} is een symbolische link naar "
                                     f"{shown(os.readlink(directory)) if directory.is_symlink() else 'een map'} buiten de repository; "
                                     "die wordt niet gelezen"))
        return scan
    folders = [FsPath(directory)]
    seen = 0
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(itertools.islice(listing, MAX_FILES + 1 - seen), key=lambda e: e.name)
        except OSError as err:
            scan.problems.append(Problem(display_root, GENERAL, "", f"map {shown(str(folder))} kan niet gelezen worden ({err.strerror})"))
            continue
        seen += len(entries)
        if seen > MAX_FILES:
            return _Scan(problems=[Problem(display_root, GENERAL, "", (
                f"de map {shown(display_root)} bevat meer dan {dutch_int(MAX_FILES)} bestanden en mappen, en dat is de grens; "
                "er is niets gelezen"))])
        subfolders = []
        for entry in entries:
            path = FsPath(entry.path)
            name = f"{prefix}/{shown(path.relative_to(directory).as_posix())}"
            is_yaml = entry.name.lower().endswith(YAML_SUFFIXES)
            hidden = entry.name.startswith(".")

            def not_read(why: str) -> None:
                scan.problems.append(Problem(name, 1, "", f"dit bestand wordt niet gelezen: {why}", "waarschuwing"))

            if entry.is_symlink():
                target = os.readlink(path)
                try:
                    resolved = path.resolve()
                except (OSError, RuntimeError):  # a loop of links
                    resolved = None
                if (os.path.isabs(target) or resolved is None or not _inside(resolved, real_root)
                        or ".git" in resolved.relative_to(real_root).parts):  # the repository's settings are not data
                    scan.problems.append(Problem(name, 1, "", (
                        f"{name} is een symbolische link naar {shown(target)}, buiten de repository of in .git; die wordt niet gevolgd: "
                        f"zet het bestand zelf in {shown(prefix)}/")))
                elif not resolved.exists():
                    not_read(f"het is een symbolische link naar {shown(target)}, en dat bestaat niet")
                elif resolved.is_dir():
                    not_read(f"het is een symbolische link naar een map ({shown(target)}); zet de bestanden zelf in {shown(prefix)}/")
                elif not resolved.is_file():
                    not_read(f"het is een symbolische link naar {shown(target)}, en dat is geen gewoon bestand")
                elif not is_yaml:
                    not_read("alleen bestanden op .yml of .yaml horen bij de agenda")
                    scan.others.append(path)
                else:
                    scan.read.append((resolved, name, resolved.stat().st_size))
                continue
            if entry.is_dir(follow_symlinks=False):
                if not hidden:  # .git, .vscode: not data
                    subfolders.append(path)
            elif not entry.is_file(follow_symlinks=False):
                not_read("het is geen gewoon bestand")
            elif hidden and entry.name.startswith("._"):  # ._partners.yml: macOS's metadata of partners.yml
                not_read("het is een hulpbestand dat macOS maakt bij het kopiëren (AppleDouble), geen agendadata; verwijder het")
                scan.others.append(path)
            elif hidden and not is_yaml:
                continue  # .DS_Store, .gitkeep: the system's, not the agenda's
            elif entry.name.lower().endswith(PICTURE_SUFFIXES):
                continue  # a chapter's picture: checked where a chapter uses it (checks_family.pictures)
            elif not is_yaml and (extra := _EXTRA_SUFFIX.search(entry.name)):
                # partners.yml.txt (saved by an editor that adds .txt): its data is missing, so say so as an error
                scan.problems.append(Problem(name, 1, "", (
                    f"dit bestand wordt niet gelezen: de naam eindigt op '{shown(extra[1])}' na '{extra[0][:-len(extra[1])]}'; "
                    f"hernoem het naar {shown(entry.name[:extra.start(1)])}, anders ontbreken de gegevens erin")))
                scan.others.append(path)
            elif hidden:
                not_read("de naam begint met een punt (een verborgen bestand); haal de punt weg als het bij de agenda hoort")
                scan.others.append(path)
            elif not is_yaml:
                not_read("alleen bestanden op .yml of .yaml horen bij de agenda")
                scan.others.append(path)
            else:
                if (bidi := BIDI_PATTERN.search(entry.name)):
                    scan.problems.append(Problem(name, 1, "", (
                        f"de naam van dit bestand bevat {invisible_name(bidi.group())}; hernoem het zonder dat teken "
                        "(het draait de leesrichting om, zodat de naam er anders uitziet dan hij is)")))
                scan.read.append((path, name, entry.stat(follow_symlinks=False).st_size))
        folders.extend(reversed(subfolders))
    scan.read.sort(key=lambda item: item[1])
    return scan


def shown(text: str) -> str:
    """A file name or link target for a message: control characters visible, so a name
    with a newline cannot start a line of its own (in a CI log, '::' starts a command)."""
    text = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", text)
    return BIDI_PATTERN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # nor turn the rest of the line around


def _inside(path: FsPath, root: FsPath) -> bool:
    return path == root or root in path.parents


def data_files(directory: FsPath) -> list[FsPath]:
    """The files in ``directory`` that a load looks at (read, or named as not read)."""
    directory = FsPath(directory)
    scan = _scan(directory, str(directory))
    return sorted([path for path, _, _ in scan.read] + scan.others)


def _empty(pos: Position) -> SourceDict:
    tree = SourceDict()
    tree.file, tree.line, tree.key_lines, tree.key_files = pos.file, pos.line, {}, {}
    return tree


def _merge(directory: FsPath, display_root: str) -> tuple[SourceDict, list[Problem], list[str], dict[str, FsPath]]:
    """The files' sections merged into one tree, the problems, the files' names and their paths (by name)."""
    problems: list[Problem] = []
    names: list[str] = []
    merged = _empty(Position(display_root, 1))
    if not directory.is_dir():
        problems.append(Problem(display_root, GENERAL, "", f"map '{display_root}' bestaat niet"))
        return merged, problems, names, {}
    scan = _scan(directory, display_root)
    problems.extend(scan.problems)
    files = scan.read
    if not files and not _unreadable(scan.problems):
        problems.append(Problem(display_root, GENERAL, "", f"geen YAML-bestanden (.yml) gevonden in '{display_root}'"))
    total = sum(size for _, _, size in files)
    if total > MAX_FOLDER_BYTES:
        size, largest = max((size, name) for _, name, size in files)
        problems.append(Problem(display_root, GENERAL, "", (
            f"de bestanden in {shown(display_root)} zijn samen {_megabytes(total)}, en de grens is "
            f"{MAX_FOLDER_BYTES // 1024 // 1024} MB; er is niets gelezen (het grootste is {largest}, {_megabytes(size)})")))
        return merged, problems, [name for _, name, _ in files], {}
    budget = Budget()
    for path, name, size in files:
        names.append(name)
        if size > MAX_FILE_BYTES:
            problems.append(Problem(name, 1, "", file_too_large(size)))
            continue
        invisible: list[tuple[int, str]] = []  # errors about invisible characters, reported whether the file reads or not
        try:
            doc, dropped = load_file(path, name, budget, invisible)
        except OSError as err:
            problems.append(Problem(name, 1, "", f"bestand kan niet gelezen worden ({err.strerror})"))
            continue
        except YamlSyntaxError as err:
            problems.extend(Problem(name, line, "", message) for line, message in invisible)
            problems.append(Problem(err.pos.file, err.pos.line, "", err.message))
            continue
        problems.extend(Problem(name, line, "", message) for line, message in invisible)
        problems.extend(Problem(name, line, "", message, "waarschuwing") for line, message in dropped)
        if doc is None:
            problems.append(Problem(name, 1, "", "bestand is leeg", "waarschuwing"))
            continue
        if not isinstance(doc, SourceDict):
            problems.append(Problem(name, 1, "", f"verwacht secties zoals 'agenda:' of 'ambities:' bovenaan het bestand, kreeg {type(doc).__name__ == 'SourceList' and 'een lijst' or 'losse tekst'}"))
            continue
        for key, value in doc.items():
            pos = doc.key_pos(key)
            if key == TEMPLATES:
                continue
            if key not in ALL_KEYS:
                hint = did_you_mean(str(key), [*ALL_KEYS, TEMPLATES]) or (
                    f" (toegestaan: {', '.join(ALL_KEYS)}; een blok dat u alleen hergebruikt met &naam en *naam, "
                    f"zet u onder '{TEMPLATES}:')")
                problems.append(Problem(name, pos.line, str(key), f"onbekende sectie '{key}'{hint}"))
                continue
            if key == "agenda":
                if "agenda" in merged:
                    first = merged.key_pos("agenda")
                    problems.append(Problem(name, pos.line, "agenda", f"sectie 'agenda' staat ook al in {first.file}:{first.line}; er is één agenda"))
                    continue
                merged["agenda"] = value
                merged.key_lines["agenda"] = pos.line
                merged.key_files["agenda"] = pos.file
                continue
            section = SINGULAR.get(key, key)
            if key in SINGULAR and isinstance(value, SourceList):
                problems.append(Problem(name, pos.line, str(key), f"'{key}:' is voor één item; voor een lijst schrijf '{section}:'"))
                items, item_pos = list(value), [value.item_pos(i) for i in range(len(value))]
            elif key in SINGULAR:
                items, item_pos = [value], [getattr(value, "pos", pos)]
            elif isinstance(value, SourceList):
                items, item_pos = list(value), [value.item_pos(i) for i in range(len(value))]
            elif value is None:
                continue
            else:
                problems.append(Problem(name, pos.line, str(key), f"verwacht een lijst (regels die beginnen met '- '); voor één item gebruik '{_singular(key)}:'"))
                continue
            target = merged.get(section)
            if target is None:
                target = SourceList()
                target.file, target.line, target.item_lines, target.item_files = pos.file, pos.line, [], []
                merged[section] = target
                merged.key_lines[section], merged.key_files[section] = pos.line, pos.file
            target.extend(items)
            target.item_lines.extend(p.line for p in item_pos)
            target.item_files.extend(p.file for p in item_pos)
    if "agenda" not in merged and files and not _unreadable(problems):
        problems.append(Problem(display_root, GENERAL, "agenda", "sectie 'agenda' ontbreekt: geen van de bestanden beschrijft de agenda zelf (titel, regio, periode, vaststelling)"))
    return merged, problems, names, {name: path for path, name, _ in files}


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


_EXTRA_SUFFIX = re.compile(r"\.ya?ml(\.txt)$", re.I)


def _unreadable(problems: list[Problem]) -> bool:
    """Whether a file could not be read (its errors concern the file, not a field; an invisible
    character concerns a line of a file that was read all the same)."""
    return any(not p.path and p.is_error and not p.message.startswith(INVISIBLE_MESSAGE) for p in problems)


def _singular(section: str) -> str:
    return next(k for k, v in SINGULAR.items() if v == section)


# --- mapping pydantic locations back to models (for did-you-mean) ------------------


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _model_at(cls: Any, loc: Path) -> Any:
    """The model class at ``loc`` inside ``cls`` (None where it is not a model)."""
    current: list[Any] = [cls]
    for step in loc:
        nxt: list[Any] = []
        for tp in current:
            if isinstance(step, int):
                if typing.get_origin(tp) is list:
                    nxt.extend(_unwrap(typing.get_args(tp)[0]))
            elif isinstance(tp, type) and issubclass(tp, BaseModel) and step in tp.model_fields:
                nxt.extend(_unwrap(tp.model_fields[step].annotation))
        current = nxt
    return next((t for t in current if isinstance(t, type) and issubclass(t, BaseModel)), None)


def allowed_keys(cls: type[BaseModel], loc: Path) -> list[str]:
    # list indexes do not change the model: one answer per shape of path (errors come by the thousand)
    return _allowed_keys(cls, tuple(0 if isinstance(step, int) else step for step in loc))


@functools.lru_cache(maxsize=1024)
def _allowed_keys(cls: type[BaseModel], loc: Path) -> list[str]:
    model = _model_at(cls, loc)
    return list(model.model_fields) if model else []


# --- validation ---------------------------------------------------------------------


class _PartnerNames:
    """'Jeugdgezondheidszorg Veenland' where an id belongs: name the partner's id.

    The names are collected once per load, and the comparisons share one budget
    (see :class:`~macros.problems.Suggestions`): many invalid ids against many
    partners must not take quadratic time.
    """

    def __init__(self, tree: SourceDict):
        self.tree = tree
        self.names: dict[str, str] | None = None
        self.budget = 20_000  # comparisons, shared with Suggestions in spirit: see there

    def __call__(self, message: str, value: Any) -> str:
        if not message.startswith("ongeldig id") or not isinstance(value, str):
            return message
        if self.names is None:
            self.names = {
                label.lower(): str(item["id"])
                for item in self.tree.get("partners") or [] if isinstance(item, dict) and item.get("id") is not None
                for label in (item.get("naam"), item.get("afkorting")) if isinstance(label, str)
            }
        if self.budget < len(self.names):
            return message
        self.budget -= len(self.names)
        match = difflib.get_close_matches(value.lower(), list(self.names), n=1, cutoff=0.75)
        if not match:
            return message
        return message.split("; bijvoorbeeld")[0] + f"; is partner '{self.names[match[0]]}' bedoeld? Gebruik dan die id"


def _validate(cls: type[BaseModel], raw: Any, base: Path, tree: SourceDict, problems: list[Problem],
              partner_names: _PartnerNames | None = None, limit: int | None = None) -> Any:
    """The model, or None with its problems added (at most ``limit``: one item can hold thousands)."""
    try:
        return cls.model_validate(raw)
    except ValidationError as err:
        errors = err.errors(include_url=False, include_context=True)
        if limit is not None:
            errors = errors[:limit]
        # A typo'd key also makes its field "missing"; the did-you-mean already says so.
        typos = {
            tuple(e["loc"][:-1]) + ((meant,) if (meant := meant_key(e["loc"][-1], allowed_keys(cls, tuple(e["loc"][:-1])))) else ())
            for e in errors if e["type"] == "extra_forbidden"
        }
        misplaced = _misplaced(cls, errors)
        for loc, message in _cut_texts(cls, raw, errors).items():
            misplaced[loc] = ""  # a piece of the text, or the field it was cut from: said once, below
            if message:
                path = base + loc
                pos = locate(tree, path, tree.pos)
                problems.append(Problem(pos.file, pos.line, format_path(tree, path), message))
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and loc in typos or loc in misplaced or loc[:-1] in misplaced and error["type"] == "missing":
                if loc in misplaced and misplaced[loc]:
                    path = base + loc
                    pos = locate(tree, path, tree.pos)
                    problems.append(Problem(pos.file, pos.line, format_path(tree, path), misplaced[loc]))
                continue
            rel, message = translate(error, allowed_keys(cls, loc[:-1]))
            if partner_names is not None:
                message = partner_names(message, error.get("input"))
            path = base + rel
            pos = locate(tree, path, tree.pos)
            problems.append(Problem(pos.file, pos.line, format_path(tree, path), message))
        return None


_ITEM_NAMES = {"acties": "een actie", "voortgang": "een voortgangsnotitie", "indicatoren": "een indicator", "metingen": "een meting",
               "ambities": "een ambitie", "evaluatie": "een evaluatiemoment", "eigenaars": "een eigenaar", "leden": "een lid"}


def _misplaced(cls: type[BaseModel], errors: list[Any]) -> dict[Path, str]:
    """Unknown fields that together are an item of a list one level down: an action pasted at the
    indentation of its ambition plan. One message at the first such field (and none for the others,
    nor for the fields the group then lacks); a dict from location to message ('' to leave out)."""
    groups: dict[Path, list[Path]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            groups.setdefault(loc[:-1], []).append(loc)
    out: dict[Path, str] = {}
    for parent, locs in groups.items():
        model = _model_at(cls, parent)
        keys = [str(loc[-1]) for loc in locs]
        if model is None or len(keys) < 2:
            continue
        for name, info in model.model_fields.items():
            item = next((t for t in _unwrap(info.annotation) if typing.get_origin(t) is list), None)
            item_model = _model_at(item, (0,)) if item is not None else None
            if item_model is not None and all(key in item_model.model_fields for key in keys):
                what = _ITEM_NAMES.get(name, f"een item van '{name}'")
                shown = ", ".join(f"'{clip(key, 40)}'" for key in keys[:6]) + (" …" if len(keys) > 6 else "")
                out[locs[0]] = (f"de velden {shown} horen bij {what}, niet hier; is dit {what}? Zet het dan onder '{name}:', "
                                f"als item met '- ' ervoor, verder ingesprongen")
                out.update({loc: "" for loc in locs[1:]})
                out[parent] = ""  # its missing fields: the item is not what it looks like
                break
    return out


_FIELD_NAME = re.compile(r"[a-z0-9_]+")


def _cut_texts(cls: type[BaseModel], raw: Any, errors: list[Any]) -> dict[Path, str]:
    """A text with commas between { }: YAML cuts it at every comma, and each piece after the first
    becomes an empty "field" ('door: gemeenteraad (Den Haag, 2021)' gives a field 'Den Haag)'). One
    message at the field whose text was cut, with the whole text in quotes, instead of one per piece;
    a dict from location to message ('' to leave out), as :func:`_misplaced`."""
    pieces: dict[Path, set[str]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if (error["type"] == "extra_forbidden" and error.get("input") is None and loc and isinstance(loc[-1], str)
                and not meant_key(loc[-1], allowed_keys(cls, loc[:-1]))):
            pieces.setdefault(loc[:-1], set()).add(loc[-1])
    out: dict[Path, str] = {}
    for parent, keys in pieces.items():
        if all(_FIELD_NAME.fullmatch(k) for k in keys):  # 'jeugd:' without a value is a field name, not a piece of text
            continue
        node = raw
        for step in parent:
            node = node[step] if isinstance(node, (dict, list)) and (step in node if isinstance(node, dict) else 0 <= step < len(node)) else None
        if not isinstance(node, dict):
            continue
        order = list(node)
        for i, key in enumerate(order):
            if key in keys or i + 1 >= len(order) or order[i + 1] not in keys or not isinstance(node[key], (str, int, float)):
                continue
            run = list(itertools.takewhile(lambda k: k in keys, order[i + 1:]))
            text = ", ".join(str(part) for part in [node[key], *run])
            quoted = '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'
            shown = ", ".join(f"'{clip(str(k), 40)}'" for k in run[:4]) + (" …" if len(run) > 4 else "")
            out[parent + (key,)] = (f"deze tekst staat tussen {{ }} en bevat een komma; YAML knipt hem daar in stukken en leest "
                                    f"{shown} als {'aparte velden' if len(run) > 1 else 'een apart veld'}. Zet de hele tekst tussen "
                                    f"aanhalingstekens: {key}: {clip(quoted, 200)}")
            out.update({parent + (k,): "" for k in run})
    return out


def _quiet(cls: type[BaseModel], raw: Any) -> Any:
    try:
        return cls.model_validate(raw)
    except ValidationError:
        return None


def _text(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def _placeholder(cls: type[BaseModel], **values: Any) -> Any:
    """``cls.model_construct(**values)`` with the other fields at their defaults, given here:
    pydantic looks at each default factory's signature per call (a millisecond for each
    placeholder, seconds for a plan of thousands of invalid actions)."""
    for name, info in cls.model_fields.items():
        if name not in values:
            values[name] = [] if info.default_factory is list else None if info.is_required() else info.default
    return cls.model_construct(**values)


def _salvage_year_plan(raw: Any) -> YearPlan | None:
    """The valid parts of an invalid year plan, for the cross-checks only.

    A year plan is one item of hundreds of lines; one bad amount in it must not hide
    the problems of its other actions, nor make the year look missing to actions
    carried over from it. Invalid actions keep their place (and id) as empty
    placeholders so that paths still point at the right lines; the plan's sums are
    not checked (see ``checks.run(partial=...)``), since invalid amounts are missing.
    """
    if not isinstance(raw, dict):
        return None
    year = _quiet(YearPlan, {"schooljaar": raw.get("schooljaar")})  # its adoption: as written below, else not stated
    if year is None:
        return None
    plans = []
    for amb_raw in raw.get("ambities") if isinstance(raw.get("ambities"), list) else []:
        amb_raw = amb_raw if isinstance(amb_raw, dict) else {}
        actions = []
        for act_raw in amb_raw.get("acties") if isinstance(amb_raw.get("acties"), list) else []:
            action = _quiet(Action, act_raw)
            if action is None:
                action = _placeholder(Action, id=_text(act_raw.get("id")) if isinstance(act_raw, dict) else None, titel="")
            actions.append(action)
        plan = _quiet(AmbitionPlan, {**amb_raw, "acties": []}) or _placeholder(AmbitionPlan, ambitie=_text(amb_raw.get("ambitie")))
        plan.acties = actions
        plans.append(plan)
    year.vaststelling = _quiet(Adoption, raw.get("vaststelling")) or year.vaststelling
    year.ambities = plans
    return year


def load(directory: str | FsPath = "data", today: date | None = None, name: str | None = None) -> LoadResult:
    """Load and validate ``directory``; never raises for bad input.

    ``name`` is how messages call the folder (default: as given), e.g. ``main:data``
    for a folder exported from git into a temporary place.
    """
    # A large agenda is hundreds of thousands of small objects and no cycles; the cyclic
    # garbage collector would walk them over and over (measured: 3.0 s instead of 1.2 s
    # for 10,000 actions). Pause it while loading.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(directory, today, name)
    finally:
        if was_enabled:
            gc.enable()


class _ErrorCount:
    """Whether ``MAX_ERRORS`` is reached (counted anew from where it was, so checking is cheap)."""

    def __init__(self, problems: list[Problem]):
        self.problems, self.seen, self.count, self.stopped = problems, 0, 0, False

    def too_many(self) -> bool:
        new = self.problems[self.seen:]
        self.seen = len(self.problems)
        self.count += sum(1 for p in new if p.is_error)
        self.stopped = self.stopped or self.count >= MAX_ERRORS
        return self.stopped

    def left(self) -> int:
        return max(0, MAX_ERRORS - self.count)


def _load(directory: str | FsPath, today: date | None, name: str | None = None) -> LoadResult:
    display_root = name or str(directory).rstrip("/") or "."
    tree, problems, names, paths = _merge(FsPath(directory), display_root)
    paths = {name: path.absolute() for name, path in paths.items()}
    partner_names = _PartnerNames(tree)
    info = None
    if "agenda" in tree:
        info = _validate(AgendaInfo, tree["agenda"], ("agenda",), tree, problems, partner_names)
    sections: dict[str, list[Any]] = {}
    indexes: dict[str, list[int]] = {}
    partial: set[str] = set()  # school years whose plan is invalid, checked in part
    errors = _ErrorCount(problems)
    for section, cls in LIST_SECTIONS.items():
        sections[section], indexes[section] = [], []
        for index, raw in enumerate(tree.get(section) or []):
            if errors.too_many():
                break
            model = _validate(cls, raw, (section, index), tree, problems, partner_names, errors.left())
            if model is None and cls is YearPlan:
                model = _salvage_year_plan(raw)
                if model is not None:
                    partial.add(model.schooljaar)
            if model is not None:
                sections[section].append(model)
                indexes[section].append(index)
    result = LoadResult(None, problems, tree, names, indexes=indexes, paths=paths)
    if info is None:  # its errors are reported already; build one anyway for the cross-checks
        agenda = Agenda.model_construct(info=None, **sections)
    else:
        agenda = Agenda(info=info, **sections)
    order = _tree_order(agenda.ambities)
    agenda.ambities = [agenda.ambities[i] for i in order]
    indexes["ambities"] = [indexes["ambities"][i] for i in order]
    # A file that could not be read may hold what others refer to: no "unknown id" errors then.
    complete = not _unreadable(problems)
    if not complete and any(section in tree for section in LIST_SECTIONS):
        problems.append(Problem(display_root, GENERAL, "", "verwijzingen naar partners, ambities, organen, indicatoren en schooljaren "
                                "zijn nog niet gecontroleerd, omdat niet alle bestanden gelezen konden worden", "waarschuwing"))
    if not errors.too_many():
        for path, message, severity in checks.run(agenda, tree, indexes, today or date.today(), partial=partial, complete=complete,
                                                   ages=FileAges(paths)):
            pos = locate(tree, path, tree.pos)
            line = GENERAL if pos == tree.pos else pos.line  # the merged tree's own place: the data as a whole, no line
            problems.append(Problem(pos.file, line, format_path(tree, path), message, severity))
            if severity == checks.ERROR and errors.too_many():
                break
        if info is not None:  # a chapter's pictures: files beside the data
            for path, message, severity in checks_family.pictures(agenda, FsPath(directory)):
                pos = locate(tree, path, tree.pos)
                problems.append(Problem(pos.file, pos.line, format_path(tree, path), message, severity))
    if errors.stopped:
        problems.append(Problem(display_root, GENERAL, "", (
            f"de controle is gestopt na {dutch_int(MAX_ERRORS)} fouten (de grens); er kunnen er meer zijn. "
            "Los deze eerst op en controleer opnieuw")))
    problems.sort(key=lambda p: (p.is_general, p.file, p.line, p.path, p.message))  # general remarks last
    if info is not None and not result.errors:
        result.agenda = agenda
    return result


def _tree_order(goals: list[Ambition]) -> list[int]:
    """The goals as the agenda reads: each goal followed by the goals under it, siblings in the order their
    number gives (numbers are unique per level; files decide among equals). Goals whose parent is missing
    (an error reported elsewhere) or that sit in a cycle follow at the end, in the order of the files."""
    key = lambda i: (goals[i].nummer or 10**6, i)  # noqa: E731
    ids = {g.id for g in goals}
    below: dict[str | None, list[int]] = {}
    for i, goal in enumerate(goals):
        below.setdefault(goal.onder if goal.onder in ids and goal.onder != goal.id else None, []).append(i)
    order: list[int] = []
    todo = sorted(below.get(None, []), key=key, reverse=True)
    seen: set[int] = set()
    while todo:  # bounded: each goal is taken once
        i = todo.pop()
        if i in seen:
            continue
        seen.add(i)
        order.append(i)
        todo.extend(sorted(below.get(goals[i].id, []), key=key, reverse=True))
    return order + sorted((i for i in range(len(goals)) if i not in seen), key=key)


def load_agenda(directory: str | FsPath = "data", today: date | None = None) -> Agenda:
    """Load and validate, raising :class:`AgendaError` with all problems if there are errors."""
    result = load(directory, today)
    if result.agenda is None:
        raise AgendaError(result.problems)
    return result.agenda
