"""'Laatst gewijzigd op 3 november 2026' under a page of a goal, a school year, the budget or the organisation.

The generate step decides when each page's data last changed (:mod:`lea_site.exports.lastchanged`) and
passes it as ``config.extra.lea_gewijzigd``; here it becomes one line that links to that change on the page
Wijzigingen. Unknown is said as unknown; without a history (no git) the line is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from . import format as fmt
from .html import esc

CHANGES_PAGE = "wijzigingen.md"


@dataclass(frozen=True)
class PageChange:
    day: date | None  # None: unknown
    anchor: str | None  # the change's section on the page Wijzigingen


def read_changed(raw: Any) -> dict[str, PageChange]:
    """``config.extra.lea_gewijzigd`` as the generate step wrote it (path -> {datum, anker}); anything else is left out."""
    out: dict[str, PageChange] = {}
    for path, facts in (raw or {}).items() if isinstance(raw, Mapping) else ():
        if not isinstance(facts, Mapping):
            continue
        try:
            day = date.fromisoformat(str(facts["datum"])) if facts.get("datum") else None
        except ValueError:
            day = None  # a date that cannot be read is unknown, never guessed
        anchor = facts.get("anker")
        out[str(path)] = PageChange(day, str(anchor) if isinstance(anchor, str) and anchor.replace("-", "").isalnum() else None)
    return out


def changed_html(view: Any, page: str) -> str:
    """The line for ``page`` (docs-relative path), or nothing when the build has no history for it."""
    known = getattr(view, "changed", {}).get(page)
    if known is None:
        return ""
    if known.day is None:
        link = view.a(CHANGES_PAGE, "Alle wijzigingen")
        return (f'<p class="lea-changed">Wanneer de gegevens op deze pagina het laatst veranderden, is niet bekend '
                f"(nog niet vastgelegd, of de geschiedenis is onvolledig). {link}.</p>")
    target = CHANGES_PAGE + (f"#{known.anchor}" if known.anchor else "")
    return (f'<p class="lea-changed">Laatst gewijzigd op <time datetime="{known.day.isoformat()}">{esc(fmt.day(known.day))}</time>. '
            f"{view.a(target, 'Wat er veranderde')}.</p>")
