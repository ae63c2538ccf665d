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
"""

from __future__ import annotations

import difflib
import gc
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from . import checks
from .model import Action, Adoption, Agenda, AgendaInfo, AmbitionPlan, Ambition, Body, Intervention, Partner, YearPlan
from .problems import AgendaError, Path, Problem, did_you_mean, format_path, locate, meant_key, translate
from .yamlsource import Position, SourceDict, SourceList, YamlSyntaxError, load_file

LIST_SECTIONS: dict[str, type[BaseModel]] = {
    "partners": Partner,
    "ambities": Ambition,
    "jaarplannen": YearPlan,
    "organen": Body,
    "interventies": Intervention,
}
SINGULAR = {"partner": "partners", "ambitie": "ambities", "jaarplan": "jaarplannen", "orgaan": "organen", "interventie": "interventies"}
ALL_KEYS = ["agenda", *LIST_SECTIONS, *SINGULAR]


@dataclass
class LoadResult:
    """What a load produced: the agenda (None when there are errors) and every problem."""

    agenda: Agenda | None
    problems: list[Problem]
    raw: SourceDict
    files: list[str] = field(default_factory=list)
    # raw index of each valid item, per section, so checks can name positions
    indexes: dict[str, list[int]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def data_files(directory: FsPath) -> list[FsPath]:
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def _empty(pos: Position) -> SourceDict:
    tree = SourceDict()
    tree.file, tree.line, tree.key_lines, tree.key_files = pos.file, pos.line, {}, {}
    return tree


def _merge(directory: FsPath, display_root: str) -> tuple[SourceDict, list[Problem], list[str]]:
    problems: list[Problem] = []
    files = data_files(directory)
    names: list[str] = []
    merged = _empty(Position(display_root, 1))
    if not directory.is_dir():
        problems.append(Problem(display_root, 1, "", f"map '{display_root}' bestaat niet"))
        return merged, problems, names
    if not files:
        problems.append(Problem(display_root, 1, "", f"geen YAML-bestanden (.yml) gevonden in '{display_root}'"))
    for path in files:
        name = f"{display_root.rstrip('/')}/{path.relative_to(directory).as_posix()}"
        names.append(name)
        try:
            doc, dropped = load_file(path, name)
        except YamlSyntaxError as err:
            problems.append(Problem(err.pos.file, err.pos.line, "", err.message))
            continue
        problems.extend(Problem(name, line, "", message, "waarschuwing") for line, message in dropped)
        if doc is None:
            problems.append(Problem(name, 1, "", "bestand is leeg", "waarschuwing"))
            continue
        if not isinstance(doc, SourceDict):
            problems.append(Problem(name, 1, "", f"verwacht secties zoals 'agenda:' of 'ambities:' bovenaan het bestand, kreeg {type(doc).__name__ == 'SourceList' and 'een lijst' or 'losse tekst'}"))
            continue
        for key, value in doc.items():
            pos = doc.key_pos(key)
            if key not in ALL_KEYS:
                hint = did_you_mean(str(key), ALL_KEYS) or f" (toegestaan: {', '.join(ALL_KEYS)})"
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
        problems.append(Problem(display_root, 1, "agenda", "sectie 'agenda' ontbreekt: geen van de bestanden beschrijft de agenda zelf (titel, regio, periode, vaststelling)"))
    return merged, problems, names


def _unreadable(problems: list[Problem]) -> bool:
    """Whether a file could not be read (its errors concern the file, not a field)."""
    return any(not p.path and p.is_error for p in problems)


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
    model = _model_at(cls, loc)
    return list(model.model_fields) if model else []


# --- validation ---------------------------------------------------------------------


def _name_instead_of_id(message: str, value: Any, tree: SourceDict) -> str:
    """'Jeugdgezondheidszorg Veenland' where an id belongs: name the partner's id."""
    if not message.startswith("ongeldig id") or not isinstance(value, str):
        return message
    names = {
        label.lower(): str(item["id"])
        for item in tree.get("partners") or [] if isinstance(item, dict) and item.get("id") is not None
        for label in (item.get("naam"), item.get("afkorting")) if isinstance(label, str)
    }
    match = difflib.get_close_matches(value.lower(), list(names), n=1, cutoff=0.75)
    if not match:
        return message
    return message.split("; bijvoorbeeld")[0] + f"; is partner '{names[match[0]]}' bedoeld? Gebruik dan die id"


def _validate(cls: type[BaseModel], raw: Any, base: Path, tree: SourceDict, problems: list[Problem]) -> Any:
    try:
        return cls.model_validate(raw)
    except ValidationError as err:
        errors = err.errors()
        # A typo'd key also makes its field "missing"; the did-you-mean already says so.
        typos = {
            tuple(e["loc"][:-1]) + ((meant,) if (meant := meant_key(e["loc"][-1], allowed_keys(cls, tuple(e["loc"][:-1])))) else ())
            for e in errors if e["type"] == "extra_forbidden"
        }
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and loc in typos:
                continue
            rel, message = translate(error, allowed_keys(cls, loc[:-1]))
            message = _name_instead_of_id(message, error.get("input"), tree)
            path = base + rel
            pos = locate(tree, path, tree.pos)
            problems.append(Problem(pos.file, pos.line, format_path(tree, path), message))
        return None


def _quiet(cls: type[BaseModel], raw: Any) -> Any:
    try:
        return cls.model_validate(raw)
    except ValidationError:
        return None


def _text(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


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
    year = _quiet(YearPlan, {"schooljaar": raw.get("schooljaar"), "vaststelling": {"status": "concept"}})
    if year is None:
        return None
    plans = []
    for amb_raw in raw.get("ambities") if isinstance(raw.get("ambities"), list) else []:
        amb_raw = amb_raw if isinstance(amb_raw, dict) else {}
        actions = []
        for act_raw in amb_raw.get("acties") if isinstance(amb_raw.get("acties"), list) else []:
            action = _quiet(Action, act_raw)
            if action is None:
                action = Action.model_construct(id=_text(act_raw.get("id")) if isinstance(act_raw, dict) else None, titel="")
            actions.append(action)
        plan = _quiet(AmbitionPlan, {**amb_raw, "acties": []}) or AmbitionPlan.model_construct(ambitie=_text(amb_raw.get("ambitie")))
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


def _load(directory: str | FsPath, today: date | None, name: str | None = None) -> LoadResult:
    display_root = name or str(directory).rstrip("/") or "."
    tree, problems, names = _merge(FsPath(directory), display_root)
    info = None
    if "agenda" in tree:
        info = _validate(AgendaInfo, tree["agenda"], ("agenda",), tree, problems)
    sections: dict[str, list[Any]] = {}
    indexes: dict[str, list[int]] = {}
    partial: set[str] = set()  # school years whose plan is invalid, checked in part
    for section, cls in LIST_SECTIONS.items():
        sections[section], indexes[section] = [], []
        for index, raw in enumerate(tree.get(section) or []):
            model = _validate(cls, raw, (section, index), tree, problems)
            if model is None and cls is YearPlan:
                model = _salvage_year_plan(raw)
                if model is not None:
                    partial.add(model.schooljaar)
            if model is not None:
                sections[section].append(model)
                indexes[section].append(index)
    result = LoadResult(None, problems, tree, names, indexes)
    if info is None:  # its errors are reported already; build one anyway for the cross-checks
        agenda = Agenda.model_construct(info=None, **sections)
    else:
        agenda = Agenda(info=info, **sections)
    # Ambitions in the order their number gives (stable: files decide among equals).
    order = sorted(range(len(agenda.ambities)), key=lambda i: (agenda.ambities[i].nummer or 10**6, i))
    agenda.ambities = [agenda.ambities[i] for i in order]
    indexes["ambities"] = [indexes["ambities"][i] for i in order]
    # A file that could not be read may hold what others refer to: no "unknown id" errors then.
    complete = not _unreadable(problems)
    if not complete and any(section in tree for section in LIST_SECTIONS):
        problems.append(Problem(display_root, 1, "", "verwijzingen naar partners, ambities, organen, indicatoren en schooljaren "
                                "zijn nog niet gecontroleerd, omdat niet alle bestanden gelezen konden worden", "waarschuwing"))
    for path, message, severity in checks.run(agenda, tree, indexes, today or date.today(), partial=partial, complete=complete):
        pos = locate(tree, path, tree.pos)
        problems.append(Problem(pos.file, pos.line, format_path(tree, path), message, severity))
    problems.sort(key=lambda p: (p.file, p.line, p.path, p.message))
    if info is not None and not result.errors:
        result.agenda = agenda
    return result


def load_agenda(directory: str | FsPath = "data", today: date | None = None) -> Agenda:
    """Load and validate, raising :class:`AgendaError` with all problems if there are errors."""
    result = load(directory, today)
    if result.agenda is None:
        raise AgendaError(result.problems)
    return result.agenda
