"""Cross-checks of issue 29's shapes: places, related agendas, progress per dimension, and a chapter's
pictures (the only check that looks at files beside the data). Each yields ``(path, message, severity)``
like :mod:`.checks`, so the loader names file and line."""

from __future__ import annotations

import os
from pathlib import Path as FsPath
from typing import Any, Iterator

from .model import Agenda
from .problems import Path
from .richtext import MAX_PICTURE_BYTES, MAX_PICTURES_BYTES, MAX_PIXELS, picture_problem, picture_size, pictures_in
from .values import dutch_int

Found = tuple[Path, str, str]
ERROR, WARNING = "fout", "waarschuwing"


def run(agenda: Agenda, refs: Any, at: Any) -> Iterator[Found]:
    """Places (ids, 'onder', the goals of priorities), related agendas (goal ids) and dimensions (once per note)."""
    info = agenda.info
    places = {p.id: p for p in reversed(info.plaatsen)}
    seen: set[str] = set()
    for k, place in enumerate(info.plaatsen):
        where = ("agenda", "plaatsen", k)
        if place.id in seen:
            yield where + ("id",), f"plaats-id '{place.id}' komt twee keer voor", ERROR
        seen.add(place.id)
        if place.onder is not None:
            if place.onder == place.id:
                yield where + ("onder",), f"plaats '{place.id}' kan niet in zichzelf liggen", ERROR
            elif place.onder not in places:
                known = ", ".join(sorted(places)) if len(places) <= 12 else "zie agenda.plaatsen"
                yield where + ("onder",), f"onbekende plaats '{place.onder}': staat niet in agenda.plaatsen (bekend: {known})", ERROR
            else:
                current, steps = places[place.onder], 0
                while current.onder and current.onder in places and steps <= len(places):
                    if current.onder == place.id:
                        yield where + ("onder",), f"plaats '{place.id}' ligt via 'onder' in zichzelf (een kring)", ERROR
                        break
                    current, steps = places[current.onder], steps + 1
        for n, priority in enumerate(place.prioriteiten):
            yield from refs.check("ambitie", priority.doel, where + ("prioriteiten", n, "doel"))
    names: dict[str, int] = {}
    for k, place in enumerate(info.plaatsen):
        key = place.naam.casefold()
        if key in names:
            yield ("agenda", "plaatsen", k, "naam"), (
                f"de naam '{place.naam}' staat al bij plaats {names[key] + 1}; acties vinden hun plaats op naam, "
                "dus elke plaats heeft een eigen naam"), ERROR
        names.setdefault(key, k)
    related_ids: set[str] = set()
    for k, other in enumerate(info.verwant):
        where = ("agenda", "verwant", k)
        if other.id is not None:
            if other.id in related_ids:
                yield where + ("id",), f"id '{other.id}' komt twee keer voor in agenda.verwant", ERROR
            related_ids.add(other.id)
        for n, shared in enumerate(other.doelen):
            yield from refs.check("ambitie", shared.doel, where + ("doelen", n, "doel"))
    for where, adoption in _adoptions(agenda, at):
        for n, signer in enumerate(adoption.ondertekenaars):
            yield from refs.party(signer, where + ("ondertekenaars", n))
    for path, action in _actions(agenda, at):
        for n, note in enumerate(action.voortgang):
            named: set[str] = set()
            for d, report in enumerate(note.dimensies):
                key = report.dimensie.casefold()
                if key in named:
                    yield path + ("voortgang", n, "dimensies", d, "dimensie"), (
                        f"dimensie '{report.dimensie}' staat twee keer in deze voortgangsnotitie"), ERROR
                named.add(key)


def _adoptions(agenda: Agenda, at: Any) -> Iterator[tuple[Path, Any]]:
    """Every adoption in the data, with its path: the agenda's, the organisation's, each year plan's and related agenda's."""
    info = agenda.info
    yield ("agenda", "vaststelling"), info.vaststelling
    if info.organisatie is not None:
        yield ("agenda", "organisatie", "vaststelling"), info.organisatie.vaststelling
    for k, other in enumerate(info.verwant):
        if other.vaststelling is not None:
            yield ("agenda", "verwant", k, "vaststelling"), other.vaststelling
    for i, plan in enumerate(agenda.jaarplannen):
        yield at("jaarplannen", i) + ("vaststelling",), plan.vaststelling


def _actions(agenda: Agenda, at: Any) -> Iterator[tuple[Path, Any]]:
    for i, goal in enumerate(agenda.ambities):
        for k, action in enumerate(goal.activiteiten):
            yield at("ambities", i) + ("activiteiten", k), action
    for i, plan in enumerate(agenda.jaarplannen):
        for k, amb_plan in enumerate(plan.ambities):
            for n, action in enumerate(amb_plan.acties):
                yield at("jaarplannen", i) + ("ambities", k, "acties", n), action


def pictures(agenda: Agenda, data: FsPath) -> Iterator[Found]:
    """Each picture of a chapter: described, a .png or .jpg inside the data folder (no link leaving it),
    not too large; the files that pass are given to the agenda (:meth:`Agenda.set_pictures`)."""
    root = FsPath(os.path.abspath(data))
    real_root = root.resolve()
    found: dict[str, FsPath] = {}
    total = 0
    for k, chapter in enumerate(agenda.info.hoofdstukken):
        where = ("agenda", "hoofdstukken", k, "tekst")
        for src, alt in pictures_in(chapter.tekst):
            problem = picture_problem(src, alt)
            if problem is None:
                path = root / src
                try:
                    real = path.resolve()
                except (OSError, RuntimeError):
                    real = None
                if real is None or not real.is_relative_to(real_root):
                    problem = f"'{src}' verwijst (via een symbolische link) buiten de map met de data; zet de afbeelding zelf in die map"
                elif not real.is_file():
                    problem = f"de afbeelding '{src}' bestaat niet in de map met de data ({data.name}/{src})"
                else:
                    size = real.stat().st_size
                    dimensions = picture_size(real)
                    if size > MAX_PICTURE_BYTES:
                        problem = (f"de afbeelding '{src}' is {dutch_int(size // 1024)} kB; de grens is "
                                   f"{dutch_int(MAX_PICTURE_BYTES // 1024)} kB: verklein hem voor het web")
                    elif dimensions is None:
                        problem = f"'{src}' is geen geldig png- of jpg-bestand (de kop van het bestand klopt niet)"
                    elif dimensions[0] * dimensions[1] > MAX_PIXELS:
                        problem = (f"de afbeelding '{src}' is {dutch_int(dimensions[0])} bij {dutch_int(dimensions[1])} pixels; "
                                   f"de grens is {dutch_int(MAX_PIXELS)} pixels samen: verklein hem")
                    elif src not in found:
                        total += size
                        if total > MAX_PICTURES_BYTES:
                            problem = (f"de afbeeldingen zijn samen meer dan {dutch_int(MAX_PICTURES_BYTES // (1024 * 1024))} MB, "
                                       f"en dat is de grens; '{src}' en wat volgt worden niet getoond")
                        else:
                            found[src] = real
            if problem is not None:
                yield where, problem, ERROR
    agenda.set_pictures(found)
