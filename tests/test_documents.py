"""The page Documenten (issue 27): every document in one place, newest first, with date and size; and
every PDF a build makes is linked from a page, on the demo and every fixture."""

from __future__ import annotations

import posixpath
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from lea_site.exports import pdf, typeset
from lea_site.load import load
from lea_site.render import format as fmt
from lea_site.render.documents import FileFacts, agenda_day, documents_page, read_facts
from lea_site.render.html import no_edit
from lea_site.render.pages import View

from .conftest import DATA, DEMO_TODAY, SITE_DATA
from .sitebuild import site_folder

FAKE = b"%PDF-1.7\n% nep\n%%EOF\n"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


def linked_files(site: Path) -> dict[str, set[str]]:
    """Site-relative path of every file a page links -> the pages that link it (links resolved as a browser does)."""
    out: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if target == "." or (site / target).is_dir():  # a page's folder: its index.html
                target = posixpath.normpath(posixpath.join(target, "index.html"))
            out.setdefault(target, set()).add(rel)
    return out


def _built_with_pdfs(tmp_path: Path, monkeypatch, name: str) -> Path:
    """``mkdocs build`` (the plugin lea) of the demo or a fixture with its PDFs (a stand-in for Typst's bytes:
    which PDFs there are and where they are linked does not depend on the typesetting)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    data, today = SITE_DATA[name]
    folder = site_folder(tmp_path / name, data)
    (folder / "docs").mkdir()
    monkeypatch.setenv("LEA_TODAY", today.isoformat())
    monkeypatch.setenv("LEA_PDF", "ja")
    monkeypatch.setenv("LEA_PDF_CACHE", "")  # a stand-in's bytes never go into the shared cache
    monkeypatch.setattr(typeset, "render_pdf", lambda document: FAKE + document["title"].encode("utf-8"))
    build(load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site")))
    return folder / "site"


@pytest.mark.parametrize("name", list(SITE_DATA))
def test_every_pdf_is_linked_and_on_the_page_documenten(tmp_path: Path, monkeypatch, name: str):
    site = _built_with_pdfs(tmp_path, monkeypatch, name)
    made = sorted(p.relative_to(site).as_posix() for p in (site / "downloads").glob("*.pdf"))
    assert "downloads/agenda.pdf" in made
    links = linked_files(site)
    assert not [p for p in made if p not in links], f"PDFs linked from no page: {[p for p in made if p not in links]}"
    on_documents = {p for p, pages in links.items() if "documenten/index.html" in pages}
    # Every school year's report and the agenda itself on Documenten (voortgang.pdf is the current year's, again).
    assert {p for p in made if p != pdf.REPORT or not any(m.startswith("downloads/voortgang-") for m in made)} <= on_documents
    # The way to Documenten: the footer of every page, Voortgang and the professionals' page.
    for page in ("index.html", "voortgang/index.html", "professionals/index.html", "over/index.html"):
        if (site / page).exists():
            assert page in links.get("documenten/index.html", set()), page
    text = re.sub(r"<[^>]+>", " ", (site / "documenten" / "index.html").read_text(encoding="utf-8"))
    for path in made:
        size = fmt.size((site / path).stat().st_size).replace("\u00a0", " ")
        if path != pdf.REPORT or not any(m.startswith("downloads/voortgang-") for m in made):
            assert size in text.replace("&nbsp;", " ").replace("\u00a0", " "), (path, size)


def test_the_professionals_page_offers_the_current_report_first(tmp_path: Path, monkeypatch):
    site = _built_with_pdfs(tmp_path, monkeypatch, "demo")
    html = (site / "professionals" / "index.html").read_text(encoding="utf-8")
    body = html[html.index("<h1"):]
    first_link = re.search(r'<a href="([^"]+)"', body)[1]
    assert first_link == "../downloads/voortgang.pdf"
    agenda = load(DATA, DEMO_TODAY).agenda
    assert f"Voortgangsrapportage schooljaar {agenda.current_school_year(DEMO_TODAY)} (PDF)" in body
    assert (site / pdf.REPORT).read_bytes() == (site / f"downloads/voortgang-{agenda.current_school_year(DEMO_TODAY)}.pdf").read_bytes()


def _view(agenda, today):
    return View(agenda, today, lambda target: target, no_edit)


def test_documents_newest_first_with_date_and_size():
    agenda = load(DATA, DEMO_TODAY).agenda
    files = {
        "downloads/agenda.pdf": FileFacts(agenda_day(agenda), 408_123),
        "downloads/voortgang-2025-2026.pdf": FileFacts(date(2026, 7, 10), 186_000),
        "downloads/voortgang-2026-2027.pdf": FileFacts(date(2026, 11, 18), 1_234_567),
        "downloads/voortgang.pdf": FileFacts(date(2026, 11, 18), 1_234_567),
        "opendata/agenda.json": FileFacts(date(2026, 11, 20), 82_000),
        "feeds/agenda.xml": FileFacts(date(2026, 11, 18), 12_000),
    }
    out = documents_page(_view(agenda, DEMO_TODAY), files)
    first = out[:out.index("## Open data")]
    order = [m for m in re.findall(r'href="(downloads/[^"]+)"', first)]
    assert order == ["downloads/voortgang-2026-2027.pdf", "downloads/voortgang-2025-2026.pdf", "downloads/agenda.pdf"]
    assert "1,2\u00a0MB" in first and "186\u00a0kB" in first and "408\u00a0kB" in first
    assert fmt.day(date(2026, 7, 10)) in first and fmt.day(agenda_day(agenda)) in first
    assert 'href="index.md">De agenda als webpagina' in first  # the agenda as web page too
    # Dated by its adoption, the PDF also holds the year plans and the state on a later day: the row says which day,
    # the very day of the PDF's own chapter 'Stand op …'.
    document = pdf.agenda_document(_view(agenda, DEMO_TODAY))
    chapter = next(b["text"] for b in document["body"] if b.get("h") == 1 and b["text"].startswith("Stand op "))
    assert f"De vastgestelde agenda en de jaarplannen (elk apart vastgesteld), met de {chapter[0].lower()}{chapter[1:]}." in first
    assert agenda_day(agenda) < pdf.state_day(agenda, DEMO_TODAY) <= DEMO_TODAY
    assert "82\u00a0kB" in out and 'href="feeds/agenda.xml"' in out
    # A goal feed the build did not make is not offered; nor the spreadsheet.
    assert "xlsx" not in out and "feeds/" + agenda.ambities[0].id not in out


def test_without_pdfs_the_agenda_is_still_offered_as_web_page():
    agenda = load(DATA, DEMO_TODAY).agenda
    out = documents_page(_view(agenda, DEMO_TODAY), {})
    assert "downloads/" not in out and 'href="index.md"' in out and "geen PDF" in out


def test_facts_from_the_config_are_read_tolerantly():
    assert read_facts({"a.pdf": {"datum": "2026-01-02", "grootte": 5}, "b": {"datum": "x"}, "c": None}) == {
        "a.pdf": FileFacts(date(2026, 1, 2), 5)}
    assert read_facts(None) == {} and read_facts(["a"]) == {}


def test_a_pdf_still_being_typeset_is_waited_for_only_where_its_size_is_shown():
    """lea build's engine builds the pages while Typst typesets: a PDF's size is asked when a page shows
    it, for that PDF alone; the whole list (the page Documenten) waits for all; a PDF that failed is not
    offered (the build stops on it)."""
    asked: list[str] = []

    def size_of(path: str) -> int | None:
        asked.append(path)
        return None if path == "c.pdf" else len(path) * 1000

    raw = {"a.pdf": {"datum": "2026-01-02", "wordt_gezet": True}, "b.pdf": {"datum": "2026-02-03", "wordt_gezet": True},
           "c.pdf": {"datum": "2026-03-04", "wordt_gezet": True}, "d.json": {"datum": "2026-04-05", "grootte": 7}}
    files = read_facts(raw, size_of)
    assert asked == []  # nothing waited for while nothing is shown
    assert files.get("d.json") == FileFacts(date(2026, 4, 5), 7) and asked == []
    assert files.get("a.pdf") == FileFacts(date(2026, 1, 2), 5000) and asked == ["a.pdf"]
    assert files.get("a.pdf") == FileFacts(date(2026, 1, 2), 5000) and asked == ["a.pdf"]  # asked once
    assert files.get("c.pdf") is None and "c.pdf" not in files
    assert dict(files) == {"a.pdf": FileFacts(date(2026, 1, 2), 5000), "b.pdf": FileFacts(date(2026, 2, 3), 5000),
                           "d.json": FileFacts(date(2026, 4, 5), 7)}
    assert sorted(asked) == ["a.pdf", "b.pdf", "c.pdf"]
    assert read_facts(raw) == {"d.json": FileFacts(date(2026, 4, 5), 7)}  # no build typesets them here: no sizes


def test_mkdocs_builds_the_pages_that_wait_for_a_pdf_last(tmp_path: Path):
    """MkDocs renders the pages in its file order (the root folder's first, Documenten among them): a page
    that shows a PDF's size goes last while Typst runs, so the engine is not held up early."""
    from mkdocs.structure.files import File, Files

    from lea_site import mkdocs_plugin
    from lea_site.exports import typeset
    from lea_site.render.macros import MACROS, waits_for_pdfs

    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    pages = {"index.md": "# Hallo", "documenten.md": "{{ documents() }}", "over.md": 'Zie {{pdf_link("agenda", "PDF") }}',
             "professionals.md": "{{- current_report() }}", "sub/a.md": "{{ home_intro() }}", "style.css": "{{ documents() }}"}
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in pages])
    steps = mkdocs_plugin._BuildSteps()
    assert [f.src_uri for f in steps.on_files(files, None)] == list(pages)  # no PDFs under way: MkDocs' own order

    class Announced:
        pass

    typeset.Typesetting.announced = Announced()
    try:
        order = [f.src_uri for f in steps.on_files(files, None)]
    finally:
        typeset.Typesetting.announced = None
    assert order == ["index.md", "sub/a.md", "style.css", "documenten.md", "over.md", "professionals.md"]
    assert {name for name, m in MACROS.items() if m.sizes} == {"pdf_link", "documents", "current_report"}
    assert not waits_for_pdfs("documents() and {{ documents }}")


def test_sizes_in_dutch():
    assert [fmt.size(n) for n in (1, 412_345, 999_499, 999_500, 1_234_567)] == [
        "1\u00a0kB", "412\u00a0kB", "999\u00a0kB", "1,0\u00a0MB", "1,2\u00a0MB"]


def test_the_progress_page_links_the_current_report_once_and_says_which_year_it_is():
    """voortgang.pdf is the current year's report (the same bytes): one link, that says its year; the list
    beneath holds the other years only (review item 29: two links to one document read as two documents)."""
    from bs4 import BeautifulSoup

    from lea_site.render.macros import MACROS

    agenda = load(DATA, DEMO_TODAY).agenda
    current = agenda.current_school_year(DEMO_TODAY)
    view = _view(agenda, DEMO_TODAY)
    view.downloads = frozenset({"downloads/voortgang.pdf", f"downloads/voortgang-{current}.pdf", "downloads/voortgang-2025-2026.pdf"})
    page = BeautifulSoup(MACROS["pdf_link"].render(view, "voortgang", "De voortgangsrapportage als PDF."), "html.parser")
    hrefs = [a["href"] for a in page.select("a")]
    assert hrefs == ["downloads/voortgang.pdf", "downloads/voortgang-2025-2026.pdf"]
    text = " ".join(page.get_text(" ").split())
    assert f"Dit is de rapportage van dit schooljaar ({current})." in text
    assert "Eerdere schooljaren:" in text and f"Schooljaar {current}" not in text
    # An ended agenda: its last year's report is no longer 'dit schooljaar'.
    later = date(2031, 1, 5)
    ended = _view(agenda, later)
    ended.downloads = frozenset({"downloads/voortgang.pdf", f"downloads/voortgang-{agenda.current_school_year(later)}.pdf"})
    said = BeautifulSoup(MACROS["pdf_link"].render(ended, "voortgang", "PDF."), "html.parser").get_text(" ")
    assert f"Dit is de rapportage van schooljaar {agenda.current_school_year(later)}." in said
