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
    yield from _shapes(agenda, amb, path, refs)
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


def _shapes(agenda: Agenda, amb: Ambition, path: Path, refs: Any) -> Iterator[Found]:
    """A goal's other parents (``onder`` as a list) sit on its parent's level; shared results name other goals."""
    parent = agenda.parent(amb)
    written = _raw(refs.tree, path)
    as_list = isinstance(written, dict) and isinstance(written.get("onder"), list)
    for k, other in enumerate(amb.ook_onder):
        where = path + (("onder", k + 1) if as_list else ("ook_onder", k))
        if amb.onder is None:
            yield where, f"'{amb.id}' heeft ook_onder maar geen onder; zet het eerste doel in onder", ERROR
        elif other in (amb.id, amb.onder):
            yield where, f"'{other}' staat twee keer bij de doelen boven '{amb.id}'", ERROR
        elif agenda.ambition(other) is None:
            yield from refs.check("ambitie", other, where)
        elif parent is not None and agenda.level(agenda.ambition(other)) != agenda.level(parent):
            yield where, (f"'{other}' staat op een ander niveau dan '{parent.id}'; een doel hoort onder doelen "
                          "van één niveau hoger"), ERROR
    for k, result in enumerate(amb.resultaten):
        for n, other in enumerate(result.ook_voor):
            if other == amb.id:
                yield path + ("resultaten", k, "ook_voor", n), f"het resultaat staat al bij '{amb.id}'; noem hier alleen andere doelen", ERROR
            else:
                yield from refs.check("ambitie", other, path + ("resultaten", k, "ook_voor", n))


def _raw(tree: Any, path: Path) -> Any:
    node = tree
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def organisation(agenda: Agenda, refs: Any, at: Any) -> Iterator[Found]:
    """Members own goals that exist; roles name partners and bodies that exist."""
    for i, body in enumerate(agenda.organen):
        for k, member in enumerate(body.leden):
            for n, goal in enumerate(member.eigenaar_van):
                yield from refs.check("ambitie", goal, at("organen", i) + ("leden", k, "eigenaar_van", n))
    for i, role in enumerate(agenda.rollen):
        where = at("rollen", i)
        yield from refs.check("partner", role.partner, where + ("partner",))
        if role.contact:
            yield from refs.check("partner", role.contact.partner, where + ("contact", "partner"))
        for k, target in enumerate(role.rapporteert_aan):
            yield from refs.check("orgaan", target, where + ("rapporteert_aan", k))
