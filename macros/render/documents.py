"""The page Documenten: every document the site offers in one place, each with its date and size.

The generate step knows the files (it made them): it hands their facts to the pages as
``config.extra.lea_documenten`` (:func:`lea_site.generate.file_facts`): per docs-relative path the
day the content is of and the size in bytes. Here they become a page, newest first: the progress
reports of every school year and the agenda (as web page and PDF), then the open data and the feeds.
A file the build did not make (no PDFs in ``lea serve``) is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterator, Mapping

from .paths import AGENDA_PDF as _AGENDA_PDF, part_number
from ..model import Agenda
from . import format as fmt
from .html import esc, table

PAGE = "documenten.md"
AGENDA_PDF = _AGENDA_PDF  # the agenda (part 1 of a very large one)
REPORT_PDF = "downloads/voortgang.pdf"
REPORT_PREFIX = "downloads/voortgang-"


@dataclass(frozen=True)
class FileFacts:
    day: date  # what the content is of: a report's last reported day, the data's last change, a feed's newest entry
    size: int  # bytes


def agenda_day(agenda: Agenda) -> date:
    """The agenda document's own date: its adoption, else the document's date, else its first year."""
    info = agenda.info
    for when in (info.vaststelling.datum, info.document.datum if info.document else None):
        if when is not None:
            return when.start
    return date(info.periode.van, 1, 1)


class BuiltFiles(Mapping[str, FileFacts]):
    """The files this build made, by path. A PDF still being typeset while the engine builds the pages has
    its day but not yet its size: looking it up waits for that PDF alone (``size_of``); going over all of
    them waits for all. A file whose size cannot be had (its PDF failed: the build stops on it) is not offered."""

    def __init__(self, known: dict[str, FileFacts], pending: dict[str, date], size_of: Callable[[str], int | None]) -> None:
        self._known, self._pending, self._size_of = known, pending, size_of

    def _resolve(self, path: str) -> FileFacts | None:
        if path in self._pending:
            day = self._pending.pop(path)
            size = self._size_of(path)
            if size is not None:
                self._known[path] = FileFacts(day, size)
        return self._known.get(path)

    def __getitem__(self, path: str) -> FileFacts:
        facts = self._resolve(path)
        if facts is None:
            raise KeyError(path)
        return facts

    def __iter__(self) -> Iterator[str]:
        for path in list(self._pending):
            self._resolve(path)
        return iter(list(self._known))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def read_facts(raw: Any, size_of: Callable[[str], int | None] = lambda path: None) -> BuiltFiles:
    """``config.extra.lea_documenten`` as the generate step wrote it (path -> {datum, grootte}; for a PDF
    still being typeset {datum, wordt_gezet: true}, whose size ``size_of`` gives); a page of the site's own
    config without it offers no files."""
    known, pending = {}, {}
    for path, facts in (raw or {}).items() if isinstance(raw, Mapping) else ():
        try:
            day = date.fromisoformat(str(facts["datum"]))
            if facts.get("wordt_gezet") is True:
                pending[str(path)] = day
            else:
                known[str(path)] = FileFacts(day, int(facts["grootte"]))
        except (AttributeError, KeyError, TypeError, ValueError):
            continue
    return BuiltFiles(known, pending, size_of)


def report_year(path: str) -> str | None:
    """'2026-2027' for downloads/voortgang-2026-2027.pdf."""
    if path.startswith(REPORT_PREFIX) and path.endswith(".pdf"):
        return path[len(REPORT_PREFIX):-4]
    return None


def _kind(path: str, facts: FileFacts) -> str:
    word = {"pdf": "PDF", "json": "JSON", "xlsx": "Excel", "csv": "CSV", "xml": "Atom-feed"}.get(path.rsplit(".", 1)[-1], "bestand")
    return f"{word}, {fmt.size(facts.size)}"


def _row(view, path: str, name: str, facts: FileFacts, extra: str = "") -> tuple[date, list[str]]:
    return facts.day, [f'<a href="{esc(view.link(path))}">{esc(name)}</a>{extra}', esc(fmt.day(facts.day)), esc(_kind(path, facts))]


def _table(rows: list[tuple[date, list[str]]], caption: str) -> str:
    rows = sorted(rows, key=lambda r: r[0], reverse=True)  # newest first (sorted is stable: equal days keep their order)
    return table(["Document", "Datum", "Bestand"], [r for _, r in rows], caption=caption, stack=True, cls="lea-table lea-documents")


def agenda_parts(view) -> str:
    """What the agenda PDF holds besides the adopted agenda (lea_site.exports.pdf.agenda_document), with the day
    of its 'Stand op' chapter: the row of Documenten is dated by the adoption."""
    from ..exports.pdf import state_day

    plans = " en de jaarplannen (elk apart vastgesteld)" if view.agenda.jaarplannen else ""
    return f"De vastgestelde agenda{plans}, met de stand op {fmt.day(state_day(view.agenda, view.as_of))}."


def documents_page(view, files: Mapping[str, FileFacts]) -> str:
    """The page's body: reports and the agenda, open data, feeds; each a table, newest first."""
    from ..exports import feeds, opendata

    agenda = view.agenda
    current = view.current
    reports = []
    for path in files:
        year = report_year(path)
        if year is not None:
            now = ' <span class="lea-muted">(huidig schooljaar)</span>' if year == current else ""
            reports.append(_row(view, path, f"Voortgangsrapportage schooljaar {year}", files[path], now))
    if REPORT_PDF in files and not any(report_year(p) for p in files):  # an agenda without year plans: one report
        reports.append(_row(view, REPORT_PDF, "Voortgangsrapportage", files[REPORT_PDF]))
    title = agenda.info.titel
    web = f'<br><a href="{esc(view.link("index.md"))}">De agenda als webpagina</a>'
    if AGENDA_PDF in files:  # dated by its adoption, but the PDF holds later parts too: say which, and of which day
        web = f'<br><span class="lea-muted">{esc(agenda_parts(view))}</span>' + web
    if AGENDA_PDF in files:
        parts = sorted((n, p) for p in files if (n := part_number(p)) is not None)
        for number, path in parts:  # a very large agenda is in parts (lea_site.exports.volumes)
            name = f"De agenda: {title}" + (f", deel {number} van {len(parts)}" if len(parts) > 1 else "")
            reports.append(_row(view, path, name, files[path], web if number == 1 else ""))
        agenda_row = ""
    else:  # no PDF in this build: the web page alone, with the agenda's own date
        agenda_row = (f'<p>De agenda zelf staat op deze site: <a href="{esc(view.link("index.md"))}">{esc(title)}</a> '
                      f'({esc(fmt.adoption(agenda.info.vaststelling, agenda) if agenda.info.vaststelling.status else "vaststelling niet vermeld")}).</p>')
    out = ["Alle documenten van de agenda op één plek, het nieuwste eerst. De datum is die van de inhoud: bij een "
           "voortgangsrapportage de laatste dag waarover gegevens gemeld zijn, bij de agenda de vaststelling, bij open data "
           "de laatste wijziging van de gegevens en bij een feed het nieuwste bericht.", ""]
    out += ["## Rapportages en de agenda", ""]
    if reports:
        out += [_table(reports, "Rapportages en de agenda, het nieuwste eerst"), ""]
    if agenda_row:
        out += [agenda_row, ""]
    if not reports:
        out += ["<p>Deze bouw van de site heeft geen PDF's gemaakt (een voorbeeldweergave); de gepubliceerde site heeft ze.</p>", ""]
    data = [(path, name) for path, name in ((opendata.JSON, "agenda.json: de hele agenda"),
                                             (opendata.XLSX, "lea-open-data.xlsx: alle tabellen")) if path in files]
    if data:
        out += ["## Open data", "",
                _table([_row(view, p, n, files[p]) for p, n in data], "Open data"),
                "", f'<p>De tabellen ook als CSV, met uitleg per kolom en de licentie: <a href="{esc(view.link("open-data.md"))}">Open data</a>.</p>', ""]
    names = {feeds.AGENDA_FEED: "Alle voortgang van de agenda", **{feeds.goal_feed(g.id): f"Voortgang: {g.titel}" for g in agenda.ambities}}
    followed = [(p, n) for p, n in names.items() if p in files]
    if followed:
        out += ["## Feeds", "",
                "<p>Met een feed ziet u in een feedlezer nieuwe voortgang zonder de site steeds te bekijken.</p>", "",
                _table([_row(view, p, n, files[p]) for p, n in followed], "Feeds, het nieuwste eerst"), ""]
    return "\n".join(out)
