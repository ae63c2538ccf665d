"""When the data of a page last changed: 'Laatst gewijzigd op 3 november 2026' on the pages of a goal, a
school year, the budget and the organisation, from the history the page Wijzigingen reads (:mod:`.changes`).

Each version in that history keeps a digest of the data each of these pages shows (:func:`digests`). A page
last changed in the newest commit from which on its digest stayed what the built data has. The date is
only given when it can be known:

* the built data of the page differs from the newest commit (not committed yet), or the newest commit
  cannot be read: unknown;
* a version with errors lies between the change and the version before it: unknown (the change may be in either);
* no difference within the history read, and that history is incomplete (a shallow clone, more commits than
  read): unknown; complete: the commit that added the agenda;
* the commit's recorded date cannot be right (:func:`.changes.dated`): unknown.

Unknown is said as unknown, never as another date; without any history the pages say nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Agenda
from ..render.paths import ambition_page, year_page

BUDGET = "begroting.md"
ORGANISATION = "organisatie.md"


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()[:20]


def _dump(item: Any) -> Any:
    return item.model_dump(mode="json") if item is not None else None


def digests(agenda: Agenda) -> dict[str, str]:
    """Per page (docs-relative path) a digest of the data it shows."""
    out: dict[str, str] = {}
    for goal in agenda.ambities:  # the goal, its plan in every school year, the bodies that work on it
        plans = [(p.schooljaar, _dump(a)) for p in agenda.jaarplannen for a in p.ambities if a.ambitie == goal.id]
        bodies = [_dump(b) for b in agenda.organen if b.ambitie == goal.id]
        out[ambition_page(goal.id)] = _digest([_dump(goal), plans, bodies])
    titles = {goal.id: goal.titel for goal in agenda.ambities}
    for plan in agenda.jaarplannen:  # the plan, and the titles of its goals (its headings)
        out[year_page(plan.schooljaar)] = _digest([_dump(plan), [titles.get(a.ambitie) for a in plan.ambities]])
    money = [[p.schooljaar, _dump(p.budget), [[a.ambitie, _dump(a.begroting), [[x.id, x.titel, _dump(x.begroting)] for x in a.acties]]
                                             for a in p.ambities]] for p in agenda.jaarplannen]
    money.append([[g.id, [[x.id, x.titel, _dump(x.begroting)] for x in g.activiteiten]] for g in agenda.ambities])
    out[BUDGET] = _digest([money, _dump(agenda.info.financiering)])
    out[ORGANISATION] = _digest([_dump(b) for b in agenda.organen])
    return out


@dataclass(frozen=True)
class LastChanged:
    day: date | None  # None: unknown
    commit: str | None = None  # the commit of the change, when known (its section on the page Wijzigingen)


def last_changed(current: dict[str, str], versions: list[tuple[str, date | None, dict[str, str] | None]],
                 complete: bool) -> dict[str, LastChanged]:
    """Per page of ``current`` (:func:`digests` of the built data) when its data last changed.

    ``versions``: the history newest first, each (commit, believable day or None, digests or None for a
    version with errors); ``complete``: the history reaches back to the first commit of the data."""
    if not versions:
        return {}
    return {page: _last(page, digest, versions, complete) for page, digest in current.items()}


def _last(page: str, digest: str, versions: list[tuple[str, date | None, dict[str, str] | None]], complete: bool) -> LastChanged:
    unknown = LastChanged(None)
    newest = versions[0][2]
    if newest is None or newest.get(page) != digest:
        return unknown  # not committed as built, or the newest commit cannot be read
    found, broken_between = 0, False
    for i in range(1, len(versions)):
        pages = versions[i][2]
        if pages is None:
            broken_between = True
            continue
        if pages.get(page) == digest:
            found, broken_between = i, False
            continue
        if broken_between:
            return unknown
        break
    else:
        if not complete or broken_between:
            return unknown
    commit, day, _ = versions[found]
    return LastChanged(day, commit) if day is not None else unknown
