"""The agenda and its progress reports as PDF (issue 14), read back as a reader gets them.

Text comes back through poppler's ``pdftotext`` (Debian's poppler-utils); tags,
language and bookmarks from the PDF's own catalog (its object streams unpacked with
zlib: no PDF library needed). Without poppler-utils these tests skip with how to
install it; with ``CI`` set they fail instead, as the browser tests do.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import unicodedata
import zlib
from datetime import date
from pathlib import Path

import pytest

from lea_site.checks import year_totals
from lea_site.exports import pdf, typeset
from lea_site.load import load
from lea_site.render import format as fmt
from lea_site.render.html import esc
from lea_site.render.pages import View

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .injection import PAYLOADS, SINGLE, VISIBLE, inject, scan_html

SITES = {"demo": (DATA, DEMO_TODAY)} | {p.name: (p, FIXTURE_TODAY) for p in sorted(FIXTURES.glob("*")) if p.is_dir()}


def _missing(what: str, how: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} ontbreekt in CI: {how}")
    pytest.skip(f"{what} ontbreekt; installeer met: {how}")


@pytest.fixture(scope="module")
def poppler():
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        _missing("pdftotext (poppler-utils)", "apt-get install poppler-utils")


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """A cache of our own: the PDFs are typeset here, not taken from an earlier run."""
    folder = tmp_path_factory.mktemp("pdf-cache")
    old = os.environ.get("LEA_PDF_CACHE")
    os.environ["LEA_PDF_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("LEA_PDF_CACHE", None)
    else:
        os.environ["LEA_PDF_CACHE"] = old


_made: dict[str, tuple] = {}


def _agenda(name: str):
    data, today = SITES[name]
    result = load(data, today)
    assert not result.errors, result.errors[:3]
    return result.agenda, today


def _pdfs(name: str, cache: Path, tmp: Path) -> tuple:
    """(agenda, today, {path: file}) for a site, made once per test run."""
    if name not in _made:
        agenda, today = _agenda(name)
        files = pdf.downloads(agenda, today)
        out = tmp / name
        for rel, content in files.items():
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(content)
        _made[name] = (agenda, today, {rel: out / rel for rel in files})
    return _made[name]


def text(path: Path) -> str:
    """The PDF's text with whitespace (non-breaking too) as single spaces."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = re.sub(r"-\n", "-", out)  # a line broken after a hyphen (so-/groep) is one word again
    return re.sub(r"\s+", " ", out.replace("\u00a0", " ").replace("\u202f", " "))


def unexplained(shown: str, agenda) -> str:
    """The PDF's text without the glossary's explanations ('VVE (voor- en vroegschoolse educatie)' is 'VVE'),
    to compare with the data's own text."""
    from lea_site.glossary import agenda_glossary

    for term, meaning in agenda_glossary(agenda).items():
        shown = shown.replace(f"{term} ({plain(meaning)})", term)
    return shown


def plain(value: str) -> str:
    return re.sub(r"\s+", " ", value.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def _words(value: str) -> list[str]:
    value = unicodedata.normalize("NFKC", html.unescape(value)).lower()
    return [w.strip(_PUNCTUATION) for w in value.split()]


_PUNCTUATION = ".,:;!?()[]\"'‘’“”…•·–—|"
# Text that the stylesheet adds (page numbers, leaders in the contents).
_GENERATED = {"pagina", "van"}


def _broken_words(bbox: str, source: str) -> list[str]:
    """Words in the PDF (pdftotext -bbox) that are no word of its HTML: the pieces of a word broken in the
    middle. A word may break at its own hyphen or slash, so its parts count as words too. An amount
    broken after its euro sign counts as broken."""
    known = set(_GENERATED)
    # Tags between words, and inside one ('VVE (…)/<abbr>OAB</abbr>' is one word on paper).
    for word in {*_words(re.sub(r"<[^>]+>", " ", source)), *_words(re.sub(r"<[^>]+>", "", source))}:
        known.add(word)
        for at in (m.end() for m in re.finditer(r"[-/]+", word)):
            known.update((word[:at], word[at:]))
    out = []
    words = re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox)
    for (y, token), (next_y, _) in zip(words, words[1:] + [("0", "")]):
        if token == "€" and abs(float(y) - float(next_y)) > 1:
            out.append("€ at the end of a line")  # an amount broken in two
        for word in _words(token):
            if word and word not in known and word.strip("-/") not in known and not re.fullmatch(r"[\d.,%€+\-/]*", word):
                out.append(word)
    return out


def catalog(path: Path) -> bytes:
    """The PDF's objects as bytes, object streams unpacked."""
    raw = path.read_bytes()
    parts = [raw]
    for match in re.finditer(rb"stream\r?\n", raw):
        start = match.end()
        end = raw.find(b"endstream", start)
        try:
            parts.append(zlib.decompress(raw[start:end]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _titles(agenda) -> list[str]:
    titles = [a.titel for plan in agenda.jaarplannen for _, a in plan.actions()]
    return titles + [a.titel for amb in agenda.ambities for a in amb.activiteiten]


def test_demo_agenda_has_every_activity_and_budget_total(poppler, cache, tmp_path_factory):
    agenda, today, files = _pdfs("demo", cache, tmp_path_factory.getbasetemp())
    shown = unexplained(text(files[pdf.AGENDA]), agenda)
    missing = [t for t in _titles(agenda) if plain(t) not in shown]
    assert not missing, missing
    assert agenda.jaarplannen, "the demo has year plans"
    for plan in agenda.jaarplannen:
        cost, covered, charged = year_totals(plan)
        for amount in (cost, covered, charged, *([plan.budget.beschikbaar] if plan.budget else [])):
            assert plain(fmt.money(amount)) in shown, (plan.schooljaar, amount)
    for amb in agenda.ambities:
        assert plain(amb.titel) in shown
        for item in [*amb.pijlers, *amb.vraagstukken]:
            assert plain(item) in shown, item
    for body in agenda.organen:
        assert plain(body.naam) in shown
    for partner in agenda.partners:
        assert plain(partner.naam) in shown
    for ind in agenda.info.kerncijfers:
        assert plain(ind.titel) in shown
    # Cover, contents and page numbers.
    info = agenda.info
    assert shown.lstrip().startswith("LOKALE EDUCATIEVE AGENDA") or "Lokale Educatieve Agenda" in shown[:200]
    assert plain(info.titel) in shown[:300] and f"{info.periode.van} tot en met {info.periode.tot}" in shown[:600]
    assert "Inhoud" in shown and "Pagina 3 van" in shown


@pytest.mark.parametrize("name", list(SITES))
def test_tagged_dutch_with_bookmarks(poppler, cache, tmp_path_factory, name):
    agenda, today, files = _pdfs(name, cache, tmp_path_factory.getbasetemp())
    assert pdf.AGENDA in files and pdf.REPORT in files
    sources = pdf.documents(agenda, today)
    for rel, path in files.items():
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M), rel
        assert int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1]) >= 2, rel
        objects = catalog(path)
        assert re.search(rb"/Lang\s*\(nl\)", objects), f"{rel}: no /Lang (nl)"
        assert b"/StructTreeRoot" in objects and re.search(rb"/Marked\s+true", objects), f"{rel}: not tagged"
        assert re.search(rb"/Outlines\s+\d+ 0 R", objects) and b"/Title" in objects, f"{rel}: no bookmarks"
        # Nothing cut off at the right edge: no text is placed beyond the page's width.
        bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
        width = float(re.search(r'<page width="([\d.]+)"', bbox)[1])
        beyond = [w for w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', bbox) if float(w[0]) > width - 1]
        assert not beyond, f"{rel}: text beyond the right margin: {beyond[:5]}"
        # No word broken in the middle (a column too narrow for it): every word on the page is a word of the document.
        broken = _broken_words(bbox, sources[rel])
        assert not broken, f"{rel}: words broken in the middle: {broken[:8]}"


@pytest.mark.parametrize("name", [n for n in SITES if n != "demo"])
def test_fixture_agenda_has_every_goal_and_activity(poppler, cache, tmp_path_factory, name):
    agenda, today, files = _pdfs(name, cache, tmp_path_factory.getbasetemp())
    shown = unexplained(text(files[pdf.AGENDA]), agenda)
    missing = [t for t in [*(a.titel for a in agenda.ambities), *_titles(agenda)] if plain(t) not in shown]
    assert not missing, missing


@pytest.mark.parametrize("name", list(SITES))
def test_progress_report(poppler, cache, tmp_path_factory, name):
    agenda, today, files = _pdfs(name, cache, tmp_path_factory.getbasetemp())
    current = agenda.current_school_year(today)
    shown = unexplained(text(files[pdf.REPORT]), agenda)
    assert "voortgangsrapportage" in shown.lower() and "Wat is er veranderd" in shown and "Status per" in shown
    plan = agenda.year_plan(current) if current else None
    pairs = list(plan.actions()) if plan else [(g, a) for g in agenda.ambities for a in g.activiteiten]
    squeezed = re.sub(r"[\s-]+", "", shown)  # a title may wrap, at a space or after its own hyphen
    for _, action in pairs:
        assert re.sub(r"[\s-]+", "", action.titel) in squeezed, action.titel
    if plan is not None:
        for year in pdf.report_years(agenda, today):
            assert f"downloads/voortgang-{year}.pdf" in files
        if agenda.has_money():
            cost, covered, charged = year_totals(plan)
            assert plain(fmt.money(charged)) in shown
            if plan.budget:
                assert plain(fmt.money(plan.budget.beschikbaar)) in shown
        # Notes of the period are in it, with the status changes.
        start = date(int(current[:4]), 8, 1)
        for _, action in pairs:
            for note in action.voortgang:
                if start <= note.datum <= today:
                    assert re.sub(r"[\s-]+", "", note.tekst)[:50] in squeezed, note.tekst


def test_every_latest_note_is_in_a_pdf(poppler, cache, tmp_path_factory):
    """The agenda is the plan: an action of a school year that has begun has its latest progress note in
    that year's report, not in the agenda; one of a year still to come has it in the agenda. (Only the
    demo has notes in its year plans.)"""
    agenda, today, files = _pdfs("demo", cache, tmp_path_factory.getbasetemp())
    reported = pdf.report_years(agenda, today)
    squeezed = {rel: re.sub(r"[\s-]+", "", unexplained(text(path), agenda)) for rel, path in files.items()}
    notes = 0
    for plan in agenda.jaarplannen:
        for _, action in plan.actions():
            last = action.last_note()
            if last is None:
                continue
            notes += 1
            where = f"downloads/voortgang-{plan.schooljaar}.pdf" if plan.schooljaar in reported else pdf.AGENDA
            assert re.sub(r"[\s-]+", "", last.tekst)[:60] in squeezed[where], (plan.schooljaar, action.titel, where)
    assert notes, "the agenda has progress notes"


def test_agenda_has_the_notes_of_years_still_to_come():
    """Seen from before a school year began, its actions' latest notes are in the agenda (no report has them)."""
    agenda, today = _agenda("demo")
    plan = next(p for p in agenda.year_plans_sorted() if any(a.last_note() for _, a in p.actions()) and p.schooljaar in pdf.report_years(agenda, today))
    before = date(int(plan.schooljaar[:4]), 7, 1)
    assert plan.schooljaar not in pdf.report_years(agenda, before)
    notes = [esc(a.last_note().tekst) for _, a in plan.actions() if a.last_note()]
    then = pdf.agenda_html(View(agenda, before, lambda t: t))
    now = pdf.agenda_html(View(agenda, today, lambda t: t))
    assert all(n in then for n in notes) and not any(n in now for n in notes)


def test_same_data_same_documents_in_a_long_running_process():
    """The PDF cache's key is the HTML: rendering the site's pages in between changes nothing (chart ids
    count per document, not per process)."""
    from lea_site.generate import generated_pages

    agenda, today = _agenda("demo")
    first = pdf.documents(agenda, today)
    dict(generated_pages(agenda))
    assert pdf.documents(agenda, today) == first


def test_pdfs_explain_each_term_once(poppler, cache, tmp_path_factory):
    """As on the site: a glossary term is explained at its first use in a document, and only there."""
    from lea_site.glossary import agenda_glossary

    agenda, today, files = _pdfs("demo", cache, tmp_path_factory.getbasetemp())
    meanings = agenda_glossary(agenda)
    for rel, path in files.items():
        shown = text(path)
        assert "LEAUITLEG" not in shown, rel
        explained = {t: shown.count(f"{t} ({plain(m)})") for t, m in meanings.items() if f"{t} ({plain(m)})" in shown}
        assert all(n == 1 for n in explained.values()), (rel, explained)
        if rel == pdf.AGENDA:
            assert "JGZ" in explained, explained
            # a partner's name keeps its own abbreviation unexplained: 'SWV Veenland', 'MBO Veenland'
            assert "SWV Veenland (" not in shown and "MBO Veenland (" not in shown


def test_report_names_status_changes_and_notes_of_the_period():
    agenda, today = _agenda("demo")
    view = View(agenda, today, lambda t: t)
    html = pdf.progress_html(view, agenda.current_school_year(today))
    changed = [(a, n) for _, a in agenda.year_plan(agenda.current_school_year(today)).actions() for n in a.voortgang
               if n.status and n.datum <= today and n.datum >= date(today.year if today.month >= 8 else today.year - 1, 8, 1)]
    if changed:
        assert "Statuswijzigingen in deze periode" in html
    assert 'lang="nl"' in html


@pytest.mark.parametrize("payload", ["all"])
def test_nothing_from_the_data_unescaped(tmp_path: Path, payload: str):
    """Every text field carries script payloads: the PDF's HTML holds them as text only."""
    for name, (data, today) in SITES.items():
        injector = inject(data, tmp_path / name, PAYLOADS[payload], SINGLE)
        assert len(injector.fields) > 20
        result = load(tmp_path / name, today)
        assert not result.errors, "\n".join(map(str, result.errors[:5]))
        view = View(result.agenda, today, lambda t: t)
        documents = {"agenda": pdf.agenda_html(view, "https://lea.example.nl/")}
        for year in pdf.report_years(result.agenda, today) or [None]:
            documents[f"voortgang-{year}"] = pdf.progress_html(view, year)
        for doc, html in documents.items():
            findings = scan_html(html, f"{name}/{doc}")
            assert not findings, "\n".join(findings[:20])
            assert "<script" not in html.lower()
        assert html_text_has(documents["agenda"], VISIBLE["all"]), name


def html_text_has(html: str, visible: str) -> bool:
    from bs4 import BeautifulSoup

    return visible in BeautifulSoup(html, "html.parser").get_text(" ")


def test_hostile_data_typesets_without_fetching(tmp_path: Path, poppler):
    """A payload in every field still makes a PDF, and WeasyPrint reads no file and no address."""
    injector = inject(DATA, tmp_path / "data", PAYLOADS["html"], SINGLE)
    result = load(tmp_path / "data", DEMO_TODAY)
    assert not result.errors and injector.fields
    html = pdf.agenda_html(View(result.agenda, DEMO_TODAY, lambda t: t))
    html = html.replace("</main>", '<img src="file:///etc/passwd" alt="x"><img src="https://lea.example.nl/x.png" alt="y"></main>')
    out = tmp_path / "a.pdf"
    out.write_bytes(pdf.render_pdf(html))
    assert "<img src=x onerror=alert(12)>" in text(out)
    assert b"root:" not in catalog(out)


def test_failed_pdf_leaves_the_last_good_one(tmp_path: Path, monkeypatch):
    """A PDF that cannot be made stops the generate step with a message in Dutch; the file on the site stays whole."""
    from lea_site.generate import ConfigError, generate

    from .sitebuild import site_folder

    monkeypatch.setenv("LEA_PDF_CACHE", "")
    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    good = b"%PDF-1.7\n% a good one\n%%EOF\n"
    monkeypatch.setattr(typeset, "render_pdf", lambda html: good)  # forked workers see it too
    folder = site_folder(tmp_path / "site", DATA)
    generate(folder / "mkdocs.yml", pdf=True)
    written = folder / "build" / "lea" / "docs" / pdf.AGENDA
    assert written.read_bytes() == good

    def broken(html):
        raise pdf.PdfError("de PDF kon niet gemaakt worden: kapot")

    monkeypatch.setattr(typeset, "render_pdf", broken)
    (folder / "mkdocs.yml").touch()
    with pytest.raises(ConfigError, match="PDF: de PDF kon niet gemaakt worden"):
        generate(folder / "mkdocs.yml", pdf=True)
    assert written.read_bytes() == good
    assert not [p for p in written.parent.iterdir() if p.name.endswith(".tmp")]


def test_write_atomic_leaves_no_half_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "downloads" / "agenda.pdf"
    pdf.write_atomic(target, b"%PDF-1 eerste")

    def fail(*args):
        raise OSError("schijf vol")

    monkeypatch.setattr(typeset.os, "replace", fail)
    with pytest.raises(OSError):
        pdf.write_atomic(target, b"%PDF-1 tweede, half")
    assert target.read_bytes() == b"%PDF-1 eerste"
    assert [p.name for p in target.parent.iterdir()] == ["agenda.pdf"]


def test_lea_build_makes_and_links_the_pdfs_and_lea_serve_does_not(tmp_path: Path):
    """The PDFs are part of lea build (and linked); a preview (lea serve, LEA_PDF=nee) has neither file nor link."""
    import os
    import subprocess
    import sys

    from .sitebuild import site_folder

    folder = site_folder(tmp_path / "site", DATA)
    env = {**os.environ, "LEA_TODAY": DEMO_TODAY.isoformat(), "LEA_PDF": "ja", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "build"], cwd=folder, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    site = folder / "site"
    assert (site / "downloads" / "agenda.pdf").read_bytes().startswith(b"%PDF")
    assert 'href="../downloads/agenda.pdf"' in (site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/voortgang.pdf"' in (site / "voortgang" / "index.html").read_text(encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "build", "-d", "zonder"], cwd=folder,
                         env={**env, "LEA_PDF": "nee"}, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not (folder / "zonder" / "downloads").exists()
    assert "agenda.pdf" not in (folder / "zonder" / "over" / "index.html").read_text(encoding="utf-8")


def test_every_begun_year_has_a_report_and_a_finished_years_stays_cached(tmp_path: Path, monkeypatch):
    """Reports for every school year that has begun; a later day typesets only what names that day
    (the agenda and the current year's report), the finished years' reports come from the cache."""
    agenda, today = _agenda("demo")
    begun = [p.schooljaar for p in agenda.year_plans_sorted() if p.schooljaar <= agenda.current_school_year(today)]
    assert pdf.report_years(agenda, today) == begun and len(begun) >= 2
    typeset_calls: list[str] = []

    def fake(html: str) -> bytes:
        typeset_calls.append(re.search(r"<title>(.*?)</title>", html)[1])
        return b"%PDF-1.7\n% nep\n%%EOF\n"

    monkeypatch.setenv("LEA_PDF_CACHE", str(tmp_path))
    monkeypatch.setenv("LEA_PDF_PROCESSES", "1")  # in this process, so the replacement counts
    monkeypatch.setattr(typeset, "render_pdf", fake)
    first = pdf.downloads(agenda, today)
    assert set(first) == {pdf.AGENDA, pdf.REPORT, *(f"downloads/voortgang-{y}.pdf" for y in begun)}
    assert len(typeset_calls) == len(begun) + 1  # voortgang.pdf is the current year's, typeset once
    typeset_calls.clear()
    later = date.fromordinal(today.toordinal() + 3)
    assert agenda.current_school_year(later) == agenda.current_school_year(today)
    pdf.downloads(agenda, later)
    current = agenda.current_school_year(today)
    assert len(typeset_calls) == 2 and any(current in t for t in typeset_calls), typeset_calls
    view = View(agenda, today, lambda t: t)
    finished = pdf.progress_html(view, begun[0])
    assert "is verlopen" in finished and fmt.day(today) not in finished


def test_typesetting_in_worker_processes_gives_each_pdf(tmp_path: Path, monkeypatch):
    """Two worker processes (forked: they see this replacement of the typesetter) give every file back by its path."""
    monkeypatch.setenv("LEA_PDF_CACHE", "")
    monkeypatch.setenv("LEA_PDF_PROCESSES", "2")
    monkeypatch.setattr(typeset, "render_pdf", lambda html: b"%PDF-1.7\n" + html[-40:].encode() + b"\n%%EOF\n")
    files = typeset.Typesetting({"a.pdf": "<p>een</p>", "b.pdf": "<p>twee</p>", "c.pdf": "<p>een</p>"}).wait()
    assert files == {"a.pdf": b"%PDF-1.7\n<p>een</p>\n%%EOF\n", "b.pdf": b"%PDF-1.7\n<p>twee</p>\n%%EOF\n",
                     "c.pdf": b"%PDF-1.7\n<p>een</p>\n%%EOF\n"}

    def broken(html):
        raise typeset.PdfError("de PDF kon niet gemaakt worden: kapot")

    monkeypatch.setattr(typeset, "render_pdf", broken)
    with pytest.raises(typeset.PdfError, match="kapot"):
        typeset.Typesetting({"a.pdf": "<p>een</p>", "b.pdf": "<p>twee</p>"}).wait()


def test_lea_build_with_a_failed_pdf_keeps_the_last_site(tmp_path: Path, monkeypatch, capsys):
    """lea build typesets while the engine builds; a PDF that fails then stops it before the site is replaced."""
    from lea_site import cli

    from .sitebuild import site_folder

    folder = site_folder(tmp_path / "site", DATA)
    (folder / "site").mkdir()
    (folder / "site" / "index.html").write_text("de vorige site", encoding="utf-8")
    (folder / "site" / ".lea-site").write_text("", encoding="utf-8")  # made by lea build: it may be replaced
    monkeypatch.chdir(folder)
    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    monkeypatch.setenv("LEA_PDF", "ja")
    monkeypatch.setenv("LEA_PDF_CACHE", "")

    def broken(html):
        raise typeset.PdfError("de PDF kon niet gemaakt worden: kapot")

    monkeypatch.setattr(typeset, "render_pdf", broken)  # forked workers see it too
    assert cli.main(["build"]) == 1
    assert "PDF: de PDF kon niet gemaakt worden: kapot" in capsys.readouterr().err
    assert (folder / "site" / "index.html").read_text(encoding="utf-8") == "de vorige site"


def test_plain_mkdocs_build_typesets_while_mkdocs_builds(tmp_path: Path, monkeypatch):
    """``mkdocs build`` through the plugin: the PDFs are typeset in worker processes while MkDocs builds,
    then put into the site; a PDF that fails stops the build before the last good site is replaced."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from .sitebuild import site_folder

    folder = site_folder(tmp_path / "site", DATA)
    (folder / "docs").mkdir()  # MkDocs checks that the site's own docs_dir exists
    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    monkeypatch.setenv("LEA_PDF", "ja")
    monkeypatch.setenv("LEA_PDF_CACHE", "")
    good = b"%PDF-1.7\n% typeset while MkDocs built\n%%EOF\n"
    monkeypatch.setattr(typeset, "render_pdf", lambda html: good)  # forked workers see it too

    def mkdocs_build() -> None:
        build(load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site")))

    mkdocs_build()
    site = folder / "site"
    assert (site / pdf.AGENDA).read_bytes() == good and (site / pdf.REPORT).read_bytes() == good
    assert not (folder / "build" / "lea" / "docs" / pdf.AGENDA).exists()  # not waited for before MkDocs began
    assert 'href="../downloads/agenda.pdf"' in (site / "over" / "index.html").read_text(encoding="utf-8")

    def broken(html):
        raise pdf.PdfError("de PDF kon niet gemaakt worden: kapot")

    monkeypatch.setattr(typeset, "render_pdf", broken)
    (site / "index.html").write_text("de vorige site", encoding="utf-8")
    with pytest.raises(Abort, match="PDF: de PDF kon niet gemaakt worden: kapot"):
        mkdocs_build()
    assert (site / "index.html").read_text(encoding="utf-8") == "de vorige site"
    assert (site / pdf.AGENDA).read_bytes() == good


def test_plain_mkdocs_build_stops_the_pdf_workers_when_its_setup_fails(tmp_path: Path, monkeypatch):
    """MkDocs tells only the outer config's plugins of an error in on_config: the plugin itself stops the
    PDF workers it started and leaves no staged site behind."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from lea_site import mkdocs_plugin

    from .sitebuild import site_folder

    folder = site_folder(tmp_path / "site", DATA)
    (folder / "docs").mkdir()
    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    monkeypatch.setenv("LEA_PDF", "ja")
    monkeypatch.setenv("LEA_PDF_CACHE", "")
    monkeypatch.setattr(typeset, "render_pdf", lambda html: b"%PDF-1.7\n%%EOF\n")
    closed: list[bool] = []
    real_close = typeset.Typesetting.close
    monkeypatch.setattr(typeset.Typesetting, "close", lambda self: closed.append(True) or real_close(self))

    def broken(*args, **kwargs):
        raise ValueError("kapotte instelling")

    monkeypatch.setattr(mkdocs_plugin, "load_config", broken)
    with pytest.raises(ValueError, match="kapotte instelling"):
        build(load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site")))
    assert closed and mkdocs_plugin._Build.typesetting is None and not mkdocs_plugin._Build.stage
    assert not Path(str(folder / "site") + mkdocs_plugin.staging.STAGE_SUFFIX).exists()  # no staged site left
