"""Cross-checks of who adopted what, and when: the data's own word against itself.

Called from :func:`lea_site.checks.run`; each yields ``(path, message, severity)``.

* A body whose tasks say it adopts the agenda (or the year plans), while the adoption names
  someone else: a reader of the organisation page and of the cover gets two answers.
* A year plan adopted after some of its actions had already been finished or stopped: a reader
  wonders what was adopted.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from .model import Adoption, Agenda, Body
from .problems import Path, locate

Found = tuple[Path, str, str]
WARNING = "waarschuwing"

# "stelt de agenda en de jaarplannen vast", "vaststellen van de agenda", "stelt het jaarplan vast":
# the verb with the body as its subject, and what it adopts up to the end of the clause.
# "legt de agenda voor aan de raad, die haar vaststelt" is not a claim ('vaststelt' is the raad's).
_ADOPTS = re.compile(r"\bstel(?:t|len)\b(?P<a>[^,;.()]*?)\bvast\b|\bvaststell(?:en|ing)\s+van\b(?P<b>[^,;.()]*)", re.IGNORECASE)
_AGENDA = re.compile(r"\b(?:agenda|lea)\b", re.IGNORECASE)
_PLANS = re.compile(r"\b(?:jaarplan(?:nen)?|jaaragenda'?s?|uitvoeringsagenda'?s?|werkagenda'?s?|jaarprogramma'?s?)\b", re.IGNORECASE)


def _claims(task: str) -> tuple[bool, bool]:
    """Whether a task says its body adopts (the agenda, the year plans)."""
    agenda = plans = False
    for m in _ADOPTS.finditer(task):
        what = m.group("a") or m.group("b") or ""
        agenda = agenda or bool(_AGENDA.search(what))
        plans = plans or bool(_PLANS.search(what))
    return agenda, plans


def _names(adoption: Adoption, body: Body) -> bool:
    """Whether the adoption's 'door' is this body (by its name or id)."""
    by = (adoption.door or "").casefold()
    return body.naam.casefold() in by or re.search(rf"\b{re.escape(body.id.casefold())}\b", by) is not None


def _where(tree: Any, path: Path) -> str:
    pos = locate(tree, path, tree.pos)
    return f"{pos.file}:{pos.line}"


def bodies(agenda: Agenda, tree: Any, at: Callable[[str, int], Path]) -> Iterator[Found]:
    """A body's task that claims an adoption the data gives to someone else, naming both places."""
    info = agenda.info
    for i, body in enumerate(agenda.organen):
        for k, task in enumerate(body.taken):
            agenda_claim, plans_claim = _claims(task)
            here = at("organen", i) + ("taken", k)
            if agenda_claim and info is not None and info.vaststelling.door and not _names(info.vaststelling, body):
                yield here, (
                    f"deze taak zegt dat {body.naam} de agenda vaststelt, maar volgens agenda.vaststelling.door "
                    f"({_where(tree, ('agenda', 'vaststelling', 'door'))}) stelde {info.vaststelling.door} haar vast; "
                    "maak de twee gelijk, bijvoorbeeld 'legt de agenda ter vaststelling voor aan ...'"), WARNING
            if not plans_claim:
                continue
            for n, plan in enumerate(agenda.jaarplannen):
                if plan.vaststelling.door and not _names(plan.vaststelling, body):
                    yield here, (
                        f"deze taak zegt dat {body.naam} de jaarplannen vaststelt, maar volgens "
                        f"jaarplannen[{plan.schooljaar}].vaststelling.door ({_where(tree, at('jaarplannen', n) + ('vaststelling', 'door'))}) "
                        f"stelde {plan.vaststelling.door} dat jaarplan vast; maak de twee gelijk"), WARNING
                    break  # once per task: the first plan that disagrees names the place


def ended_before_adoption(agenda: Agenda, plan_index: int, path: Path, day: Callable[[Any], str]) -> Iterator[Found]:
    """A year plan adopted after some of its actions were finished or stopped (by a dated progress note)."""
    from .verdicts import DONE  # the states after which nothing is left to adopt (verdicts imports the checks)

    plan = agenda.jaarplannen[plan_index]
    adopted = plan.vaststelling.day() if plan.vaststelling.status == "vastgesteld" else None
    if adopted is None:
        return
    ended = []
    for _, action in plan.actions():
        notes = [n for n in action.voortgang if n.status in DONE and n.datum < adopted.start]
        if notes:
            first = min(notes, key=lambda n: n.datum)
            ended.append(f"'{action.titel}' {first.status} op {day(first.datum)}")
    if ended:
        listed = ", ".join(ended[:-1]) + " en " + ended[-1] if len(ended) > 1 else ended[0]
        yield path + ("vaststelling", "datum"), (
            f"vastgesteld op {day(adopted.start) if adopted.start == adopted.end else adopted}, maar toen was al "
            f"{listed}; klopt die datum? Zo ja, zeg in de inleiding van het jaarplan wat er toen is vastgesteld"), WARNING


# An author written with its own joining word: the site joins the names itself ('A, B en C'),
# so 'met een extern adviesbureau' would read 'de werkgroep en met een extern adviesbureau'.
_JOINED = re.compile(r"^\s*(?:en|met|samen met|in samenwerking met|i\.s\.m\.|ism|met hulp van|met steun van|ondersteund door)\s+", re.IGNORECASE)


def authors(agenda: Agenda) -> Iterator[Found]:
    """An author that starts with 'en', 'met', 'i.s.m.': the sentence the site builds would not be Dutch."""
    doc = agenda.info.document if agenda.info is not None else None
    for k, name in enumerate(doc.auteurs if doc is not None else []):
        m = _JOINED.match(name)
        if m:
            bare = name[m.end():]
            yield ("agenda", "document", "auteurs", k), (
                f"'{name}': schrijf alleen wie het is ('{bare}'); de site zet de namen zelf in een zin "
                "('A, B en C'), anders staat er 'en " + m.group(0).strip() + "'; wie begeleidde, past in "
                "document.totstandkoming.begeleiding"), WARNING
