"""The changes no section of :mod:`lea_site.diff` names, in words a councillor reads (page Wijzigingen).

``lea diff`` shows such a change by its path in the data (``Jaarplan 2026-2027 › actie `x` › voor_ouders``):
its readers edit that data. The page Wijzigingen is read by councillors and journalists, so here the
same changes get the labels the site uses for the fields, the names of the items instead of their ids,
and what happened in words ("adres toegevoegd"); small text fixes (a word added, a typo) are counted in
one line, not listed as changes to the agreements. Every piece of data text goes through
:func:`lea_site.diff.md`.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

from .diff import ITEM_WORDS, _around, _flat, _goal_word, _value, md
from .fielddiff import Change, Step, key_of
from .model import Agenda, AmbitionPlan, YearPlan

# The site's words for a field where its name in the data is not one (underscores, abbreviations, jargon).
# Any other field is shown by its own name, which is a Dutch word ('adres', 'planning', 'toelichting').
FIELD_WORDS = {
    "info": "agenda", "voor_ouders": "voor ouders", "voor_wie": "voor wie", "besteed": "besteed bedrag",
    "besteed_op": "datum van de gemelde besteding", "dekking_door": "gedekt door", "doorgeschoven_van": "doorgeschoven uit",
    "huidige_situatie": "huidige situatie", "visie_inleiding": "inleiding op de visie", "hele_gemeente": "hele gemeente",
    "huidig_schooljaar": "huidig schooljaar", "centraal_budget": "centraal LEA-budget", "benaming_eigenaar": "naam voor eigenaars",
    "benaming_interventie": "naam voor interventies", "eigenaar_van": "eigenaar van", "ook_onder": "ook onder", "ook_voor": "ook voor",
    "stand_van_zaken": "stand van zaken", "betrokken_partijen": "betrokken partijen", "bestond_als": "bestond eerder als",
    "rapporteert_aan": "rapporteert aan", "adviseert": "adviseert", "bereidt_voor": "bereidt besluiten voor van",
    "deel_van": "is onderdeel van", "gaat_samen_met": "gaat samen met", "url": "webadres", "email": "e-mailadres",
    "beter": "richting", "lea": "LEA", "id": "code", "kostenplaats": "kostenplaats", "beschikbaar": "beschikbaar LEA-budget",
    "kerncijfers": "kerncijfers", "tooi": "TOOI-code", "circa": "bedrag bij benadering", "voorbeeld": "voorbeelddata",
}
# One item of a list, where the list's name is not ITEM_WORDS' (lea_site.diff).
ONE = ITEM_WORDS | {"plaatsen": "plaats", "metingen": "meting", "voortgang": "voortgangsnotitie", "leden": "lid", "stappen": "stap",
                    "bronnen": "bron", "taken": "taak", "pijlers": "pijler", "resultaten": "resultaat", "vraagstukken": "vraag",
                    "bijlagen": "bijlage", "ondertekenaars": "ondertekenaar", "principes": "principe", "eigenaars": "eigenaar",
                    "rollen": "rol", "locaties": "locatie", "scholen": "school", "wijken": "wijk", "evaluatie": "evaluatie",
                    "financiering": "financieringsbron", "bijeenkomsten": "bijeenkomst", "communicatie": "afspraak over communicatie",
                    "prioriteiten": "prioriteit", "vergelijking": "vergelijking", "gemeenten": "gemeente", "auteurs": "auteur",
                    "dimensies": "dimensie", "uitsplitsing": "uitsplitsing", "activiteiten": "activiteit", "doelen": "doel",
                    "sectoren": "sector", "vervangt": "vervangen orgaan", "wijzigingen": "wijziging"}
SIMILAR = 0.75  # two versions of a text this alike (difflib's ratio) are a text fix, not a new agreement
SHOWN_PLACES = 5


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def field_word(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))


def _items(obj: Any, name: str) -> list:
    if isinstance(obj, YearPlan) and name == "acties":  # lea_site.diff.agenda_fields: a plan's actions in one list
        return [a for p in obj.ambities for a in p.acties]
    value = getattr(obj, name, None)
    return value if isinstance(value, list) else []


# An item's name where its list names it by another field: a funding source by its source.
NAMED_BY = {"financiering": "bron"}


def _name(item: Any, within: str = "") -> str | None:
    for field in ("titel", "naam", "term", "woord", "schooljaar", "label", *((NAMED_BY[within],) if within in NAMED_BY else ())):
        value = getattr(item, field, None)
        if isinstance(value, str) and value:
            return value
    return None


def _walk(agenda: Agenda, path: tuple[Step, ...]) -> list[Any]:
    """The item at each step of ``path`` in ``agenda`` (None where it is not in this version)."""
    out: list[Any] = []
    here: Any = agenda
    for step in path:
        if here is None:
            out.append(None)
            continue
        if step.key is not None or step.index is not None:
            items = _items(here, step.field)
            if step.key is not None:
                here = next((x for x in items if key_of(x) == step.key), None)
            else:
                here = items[step.index - 1] if step.index is not None and 0 < step.index <= len(items) else None
        else:
            here = getattr(here, step.field, None) if isinstance(here, BaseModel) else None
        out.append(here)
    return out


def _place(change: Change, old: Agenda, new: Agenda) -> str:
    """Where the change is, in words: 'Jaarplan 2026-2027 › actie 'Naar de peuteropvang' › voor ouders'."""
    found_new, found_old = _walk(new, change.path), _walk(old, change.path)
    parts = []
    for n, step in enumerate(change.path):
        item = found_new[n] if found_new[n] is not None else found_old[n]
        if step.field == "jaarplannen" and step.key is not None:
            parts.append(f"jaarplan {md(step.key)}")
        elif step.key is not None or step.index is not None:
            word = _goal_word(step.key, old, new) if step.field == "ambities" and step.key else ONE.get(step.field, field_word(step.field))
            name = _name(item, step.field) if item is not None else None
            parts.append(f"{md(word)} '{md(name)}'" if name else f"{md(word)} {step.index if step.index is not None else md(step.key)}")
        elif not (n == 0 and step.field == "info"):  # the agenda's own facts: 'Agenda › ...' says nothing
            parts.append(md(field_word(step.field)))
    text = " › ".join(parts) or "De agenda"
    return text[:1].upper() + text[1:]


def _fix(a: Any, b: Any) -> bool:
    """A small change in a text: a word added or corrected."""
    if not (isinstance(a, str) and isinstance(b, str) and a.strip() and b.strip()):
        return False
    return difflib.SequenceMatcher(None, _flat(a), _flat(b), autojunk=False).ratio() >= SIMILAR


def _sentence(change: Change, old: Agenda, new: Agenda) -> str:
    where = _place(change, old, new)
    last = change.path[-1].field if change.path else ""
    if change.kind in ("erbij", "eraf"):
        word = ONE.get(last, field_word(last))
        value = change.new if change.kind == "erbij" else change.old
        name = _name(value, last) if isinstance(value, BaseModel) else None
        shown = f"'{md(name)}'" if name else _value(value, change.info)
        owner = " › ".join(where.split(" › ")[:-1]) or "de agenda"
        return f"- {_cap(md(word))} {'toegevoegd aan' if change.kind == 'erbij' else 'verwijderd uit'} {owner}: {shown}"
    if change.kind == "volgorde":
        return f"- {where}: andere volgorde"
    a, b = change.old, change.new
    head, _, label = where.rpartition(" › ")
    at = f" bij {head}" if head else ""
    if a in (None, [], "") or (isinstance(a, BaseModel) and b is not None and not isinstance(b, BaseModel)):
        return f"- {_cap(label)} toegevoegd{at}: {_value(b, change.info)}"
    if b in (None, [], ""):
        return f"- {_cap(label)} verwijderd{at} (was {_value(a, change.info)})"
    if isinstance(a, str) and isinstance(b, str):
        a, b = _around(a, b)
        return f"- {_cap(label)}{at} aangepast: '{md(a)}' wordt '{md(b)}'"
    return f"- {_cap(label)}{at}: {_value(a, change.info)} wordt {_value(b, change.info)}"


def readable_lines(found: list[Change], old: Agenda, new: Agenda) -> list[str]:
    """One line per change in words; the small text fixes together in one line at the end."""
    fixes = [c for c in found if c.kind == "gewijzigd" and _fix(c.old, c.new)]
    lines = [_sentence(c, old, new) for c in found if not (c.kind == "gewijzigd" and _fix(c.old, c.new))]
    if fixes:
        places = list(dict.fromkeys(_place(c, old, new) for c in fixes))
        shown = "; ".join(places[:SHOWN_PLACES]) + (f" en {len(places) - SHOWN_PLACES} meer" if len(places) > SHOWN_PLACES else "")
        lines.append(f"- {fix_words(len(places))}: {shown}")
    return lines


def fix_words(n: int) -> str:
    return f"Tekstuele verbeteringen in {n} onderdelen" if n != 1 else "Tekstuele verbetering in 1 onderdeel"
