"""Cross-checks of the goal tree, term-wide activities and the document's chapters.

Called from :func:`lea_site.checks.run`; each yields ``(path, message, severity)``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from .model import RESERVED_IDS, Agenda, Ambition
from .problems import Path

Found = tuple[Path, str, str]
ERROR, WARNING = "fout", "waarschuwing"  # as in checks
# Pages of the product next to the chapters' pages (hoofdstukken/<id>/): a chapter may not take their names.
PRODUCT_PAGES = frozenset({"ambities", "schooljaren", "begroting", "voortgang", "organisatie", "partners", "interventies",
                           "ouders", "over", "toegankelijkheid"})


def ambition(agenda: Agenda, amb: Ambition, path: Path, refs: Any, today: date) -> Iterator[Found]:
    """``onder`` names an existing goal, without a cycle, at a level the agenda has a word for; the
    activities' ids are unique within the goal, and what they name exists."""
    if amb.onder is not None:
        if amb.onder == amb.id:
            yield path + ("onder",), f"'{amb.id}' kan niet onder zichzelf vallen", ERROR
        elif agenda.ambition(amb.onder) is None:
            yield from refs.check("ambitie", amb.onder, path + ("onder",))
        else:
            seen, current = {amb.id}, agenda.ambition(amb.onder)
            while current is not None and current.onder:
                if current.id in seen:
                    yield path + ("onder",), (f"de doelen vallen in een kring onder elkaar ({' → '.join(sorted(seen))}); "
                                              "een doel hoort onder één doel een niveau hoger"), ERROR
                    break
                seen.add(current.id)
                current = agenda.ambition(current.onder)
            else:
                names = agenda.info.niveaus if agenda.info is not None else []
                level = agenda.level(amb)
                if names and level >= len(names):
                    yield path + ("onder",), (f"'{amb.id}' staat op niveau {level + 1}, maar agenda.niveaus noemt "
                                              f"{len(names)} niveau(s); voeg het woord voor dat niveau toe"), WARNING
    if amb.contact:
        yield from refs.check("partner", amb.contact.partner, path + ("contact", "partner"))
    ids: dict[str, int] = {}
    for k, action in enumerate(amb.activiteiten):
        where = path + ("activiteiten", k)
        if action.id in ids:
            yield where + ("id",), f"activiteit-id '{action.id}' komt twee keer voor bij '{amb.id}'", ERROR
        ids.setdefault(action.id, k)
        yield from refs.party(action.trekker, where + ("trekker",))
        if action.contact:
            yield from refs.check("partner", action.contact.partner, where + ("contact", "partner"))
        for n, party in enumerate(action.partners):
            yield from refs.party(party, where + ("partners", n))
        for n, ind in enumerate(action.indicatoren):
            yield from refs.check("indicator", ind, where + ("indicatoren", n))
        if action.doorgeschoven_van:
            yield where + ("doorgeschoven_van",), "een activiteit voor de hele looptijd schuift niet door; laat doorgeschoven_van weg", ERROR
        if action.planning is not None and action.planning.whole_year:
            yield where + ("planning",), ("'hele schooljaar' zegt niets buiten een jaarplan; noem de maanden of jaren "
                                          "('september 2025 t/m juli 2026') of laat planning weg"), ERROR
        term = agenda.info.periode if agenda.info is not None else None
        if term is not None and action.planning is not None and action.planning.first is not None:
            last = action.planning.last or action.planning.first
            # Work may start before the first school year (the agenda was made in spring): a year's margin.
            if last.end.year < term.van - 1 or action.planning.first.start.year > term.tot:
                yield where + ("planning",), f"planning {action.planning} valt buiten de looptijd van de agenda ({term.van}-{term.tot})", WARNING
        for n, note in enumerate(action.voortgang):
            if note.datum > today:
                yield where + ("voortgang", n, "datum"), f"voortgangsnotitie is gedateerd in de toekomst ({note.datum.isoformat()})", WARNING


def agenda(agenda: Agenda, tree: Any) -> Iterator[Found]:
    """Chapters: unique ids that do not take a page of the product."""
    seen: set[str] = set()
    for k, chapter in enumerate(agenda.info.hoofdstukken):
        where = ("agenda", "hoofdstukken", k, "id")
        if chapter.id in seen:
            yield where, f"hoofdstuk-id '{chapter.id}' komt twee keer voor", ERROR
        elif chapter.plek == "pagina" and chapter.id in PRODUCT_PAGES | RESERVED_IDS:
            yield where, f"hoofdstuk-id '{chapter.id}' is de naam van een pagina van de site; kies een andere id", ERROR
        seen.add(chapter.id)
