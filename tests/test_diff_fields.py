"""The pull-request summary (`lea diff`) names every changed field of the data.

A systematic walk over every field of the demo agenda and the fixtures (found from the
model, not from a list kept by hand) changes one field at a time (a text, a number, a
date, a fixed value, an item removed from a list, an optional field left out) and checks
that the summary is not "Geen wijzigingen" and names that field.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator, Literal

import pytest
from pydantic import BaseModel

from lea_site import model
from lea_site.diff import NO_CHANGES, diff_markdown, md
from lea_site.fielddiff import KEYS
from lea_site.load import load
from lea_site.values import AgeRange, Period, Planning, parse_period

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES

Path_ = tuple[tuple[str, Any], ...]  # ("attr", name) or ("idx", position)
SOURCES = [(DATA, DEMO_TODAY)] + [(p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]

# How the readable sections word a change of a field they cover (the other fields are named by their key).
WORDING = {
    "titel": ("heet nu", "Nieuwe naam"), "naam": ("heet nu", "naam van"), "beschikbaar": ("Beschikbaar LEA-budget",),
    "kosten": ("begroting van", "Kosten was"), "dekking": ("begroting van", "Kosten was"), "soort": ("begroting van", "Kosten was"),
    "waarde": ("**gewijzigd**", "doel van", "**verwijderd**"), "periode": ("**verwijderd**",), "uiterlijk": ("doel van",),
    "omschrijving": ("doel van",), "status": ("status **", "→"), "tekst": ("voortgang aangepast",), "datum": ("voortgang",),
    "partner": ("trekker van", "partners (", "leden (", "voorzitter van"), "rol": ("trekker van", "partners (", "leden (", "voorzitter van"),
    "rapporteert_aan": ("rapporteert aan",), "bereidt_voor": ("bereidt voor",), "begroting": ("begroting van", "Kosten was"),
}


def _agenda(folder: Path, today: date) -> model.Agenda:
    result = load(folder, today)
    assert result.agenda is not None, [str(p) for p in result.errors]
    return result.agenda


def _literals(annotation: Any) -> list:
    if typing.get_origin(annotation) is Literal:
        return list(typing.get_args(annotation))
    return [v for arg in typing.get_args(annotation) for v in _literals(arg)]


def _other(value: Any, annotation: Any) -> Any:
    """A different value of the same kind, or None when there is none to make."""
    options = [o for o in _literals(annotation) if o != value]
    if isinstance(value, str):
        return options[0] if options else (value + "-x" if re.fullmatch(r"[a-z0-9-]+", value) else value + " (gewijzigd)")
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, date):
        return value + timedelta(days=1)
    if isinstance(value, Period):
        return parse_period("2031" if value.text != "2031" else "2032")
    if isinstance(value, Planning):
        return Planning(parse_period("Q1 2031"), None)
    if isinstance(value, AgeRange):
        return dataclasses.replace(value, high=value.high + 1)
    return None


def _other_field(item: BaseModel) -> Any:
    """A required part (regio, periode, vaststelling): its first field changed."""
    name, info = next(iter(type(item).model_fields.items()))
    return _other(getattr(item, name), info.annotation)


def _set(item: Any, path: Path_, value: Any) -> Any:
    if not path:
        return value
    (how, where), rest = path[0], path[1:]
    if how == "attr":
        return item.model_copy(update={where: _set(getattr(item, where), rest, value)})
    items = list(item)
    items[where] = _set(items[where], rest, value)
    return items


def _edits(item: BaseModel, path: Path_, seen: set) -> Iterator[tuple[str, str, Path_, Any]]:
    """(class, field, path, new value): the first occurrence of each field of each class, edited
    once in its value and once left out (optional fields) or shortened (lists)."""
    for name, info in type(item).model_fields.items():
        value, here = getattr(item, name), path + (("attr", name),)
        pair = (type(item).__name__, name)
        if pair not in seen and isinstance(value, BaseModel) and (info.is_required() or info.default_factory is not None):
            seen.add(pair)
            yield *pair, here + (("attr", next(iter(type(value).model_fields))),), _other_field(value)
        elif pair not in seen and value not in (None, []):
            seen.add(pair)
            if isinstance(value, list):
                yield *pair, here, value[:-1]
                first = value[0]
                if not isinstance(first, BaseModel) and (other := _other(first, info.annotation)) is not None:
                    yield *pair, here + (("idx", 0),), other
            elif not isinstance(value, BaseModel) and (other := _other(value, info.annotation)) is not None:
                yield *pair, here, other
            if not info.is_required() and info.default is None:
                yield *pair, here, None
        for i, child in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(child, BaseModel):
                yield from _edits(child, here + ((("idx", i),) if isinstance(value, list) else ()), seen)


def _first(item: Any, cls: type, path: Path_ = ()) -> Path_ | None:
    """The path to the first instance of ``cls`` in the agenda."""
    if isinstance(item, cls):
        return path
    if isinstance(item, list):
        return next((p for i, x in enumerate(item) if (p := _first(x, cls, path + (("idx", i),))) is not None), None)
    if isinstance(item, BaseModel):
        return next((p for n in type(item).model_fields if (p := _first(getattr(item, n), cls, path + (("attr", n),))) is not None), None)
    return None


def _filled(agenda: model.Agenda) -> model.Agenda:
    """The demo with the fields that neither it nor a fixture fills in (validated values)."""
    fills = [
        (model.AgendaInfo, "begrippen", [model.GlossaryTerm(term="LEA", uitleg="Lokale Educatieve Agenda")]),
        (model.AgendaInfo, "licentie", "CC BY 4.0"),
        (model.Ambition, "contact", model.Contact(rol="beleidsadviseur onderwijs", email="lea@example.nl")),
        (model.Ambition, "koers", model.CourseOverride(stand="let op", reden="De laatste meting is oud.")),
        (model.Budget, "lea", 1000),
        (model.Region, "tooi", "https://identifier.overheid.nl/tooi/id/gemeente/gm0014"),
        (model.ForParents, "url", "https://www.example.nl/ouders"),
        (model.Owner, "orgaan", "stuurgroep"),
    ]
    for cls, name, value in fills:
        where = _first(agenda, cls)
        assert where is not None, cls
        agenda = _set(agenda, where + (("attr", name),), value)
    return agenda


def _edited() -> list[tuple[str, model.Agenda, model.Agenda, str, str, Path_]]:
    cases, seen = [], set()
    for folder, today in SOURCES + [(DATA, None)]:
        base = _agenda(folder, today or DEMO_TODAY)
        if today is None:
            base = _filled(base)
        for cls, name, path, value in _edits(base, (), seen):
            changed = _set(base, path, value)
            changed._lookup = {}  # model_copy shares the base's index of ids
            cases.append((folder.name, base, changed, cls, name, path))
    return cases


CASES = _edited()


def test_the_walk_reaches_every_field_of_the_model():
    """Every field of every class is edited in some agenda, or is listed here as in none of them."""
    edited = {(cls, name) for _, _, _, cls, name, _ in CASES}
    classes = {c for c in vars(model).values() if isinstance(c, type) and issubclass(c, model.Model) and c is not model.Model}
    every = {(c.__name__, n) for c in classes for n in c.model_fields}
    assert len(edited) >= 200
    assert sorted(every - edited) == [], "vul deze velden in de demo of een fixture in"


@pytest.mark.parametrize("source,base,changed,cls,name,path", CASES, ids=[f"{c[0]}:{c[3]}.{c[4]}:{i}" for i, c in enumerate(CASES)])
def test_a_change_of_one_field_is_named(source: str, base: model.Agenda, changed: model.Agenda, cls: str, name: str, path: Path_):
    out = diff_markdown(base, changed)
    assert NO_CHANGES not in out, f"{cls}.{name}"
    lines = "\n".join(line for line in out.splitlines() if line.startswith(("- ", "| ", "Beschikbaar", ">")))
    if name == KEYS.get(cls, "id"):  # an item with another id is another item
        assert re.search(r"\*\*(nieuw|verwijderd|orgaan opgeheven)", lines.lower()) or "heet nu" in lines, lines
        return
    name = [where for how, where in path if how == "attr"][-1]  # the field that changed (in a part: the part's field)
    words = (md(name),) + WORDING.get(name, ())
    if path[-1][0] == "attr" and isinstance(_get(base, path), list):  # an item removed from a list
        words += ("verwijderd", "opgeheven")
    assert any(w.lower() in lines.lower() for w in words), f"{cls}.{name}:\n{out}"


def _get(item: Any, path: Path_) -> Any:
    for how, where in path:
        item = getattr(item, where) if how == "attr" else item[where]
    return item


def test_the_same_data_is_no_change():
    for folder, today in SOURCES:
        a, b = _agenda(folder, today), _agenda(folder, today)
        assert diff_markdown(a, b).endswith(NO_CHANGES + "\n")
