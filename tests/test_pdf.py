"""The agenda and its progress reports as PDF (issues 14 and 25), read back and looked at as a reader gets them.

Text comes back through poppler's ``pdftotext``, pages as pixels through ``pdftoppm``
(:mod:`tests.pdfpixels`); tags, language and the PDF/UA identification from the PDF's own
objects (object streams unpacked with zlib). Without poppler-utils these tests skip with how
to install it; with ``CI`` set they fail instead, as the browser tests do.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import zlib
from datetime import date
from importlib.metadata import version
from pathlib import Path

import pytest

from lea_site.checks import ambition_plan_totals, year_totals
from lea_site.exports import pdf, typeset
from lea_site.exports.mdtree import MAX_DEPTH, blocks
from lea_site.load import load
from lea_site.render import format as fmt
from lea_site.render.pages import View
from lea_site.render.charts import with_unit
from lea_site.verdicts import target_sentence

from . import pdfpixels as px
from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .injection import PAYLOADS, SINGLE, VISIBLE, inject

SITES = {"demo": (DATA, DEMO_TODAY)} | {p.name: (p, FIXTURE_TODAY) for p in sorted(FIXTURES.glob("*")) if p.is_dir()}
# Typst's own syntax in a field: code, a file read, a page fill, maths, a label, a raw block, an unclosed bracket.
TYPST = ('#panic("F") #read("/etc/passwd") #set page(fill: black) #set text(fill: white) $x^2$ <kop> @kop '
         '#{ "a" } ]) ` ```typ #x``` \\ // commentaar /* open')
# Everything that would make Typst read a file: each would show a file's text or an image if it ran.
FILE_READS = ('#read("lea.typ") #include "lea.typ" #image("fonts/OFL.txt") #json("/etc/passwd") '
              '#eval("read(\\"lea.typ\\")") #plugin("x.wasm") #bibliography("/etc/passwd")')
PASSWD = re.compile(r"\broot:[^:\s]*:0:0:")  # a line of /etc/passwd (the word 'begroot:' is Dutch, not a file)
TEMPLATE_TEXT = "json(bytes(sys.inputs.data))"  # a line of lea.typ: shown only if the template file were read
TRACK = (0xE8, 0xEE, 0xF6)  # lea.typ: the track under every bar
GOAL = (0x2E, 0x7D, 0x32)  # lea.typ: a target's line
BORDER = (0x3A, 0x6E, 0xA5)  # lea.typ: the border of a box of the organisation chart


def _missing(what: str, how: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} ontbreekt in CI: {how}")
    pytest.skip(f"{what} ontbreekt; installeer met: {how}")


@pytest.fixture(scope="module")
def poppler():
    if not shutil.which("pdftotext") or not shutil.which("pdftoppm") or not shutil.which("pdfinfo"):
        _missing("pdftotext (poppler-utils)", "apt-get install poppler-utils")


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    """Every PDF typeset here, not taken from an earlier run's cache."""
    monkeypatch.setenv("LEA_PDF_CACHE", "")


_made: dict[str, tuple] = {}


def _agenda(name: str):
    data, today = SITES[name]
    result = load(data, today)
    assert not result.errors, result.errors[:3]
    return result.agenda, today


def _pdfs(name: str, tmp: Path) -> tuple:
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


def text(path: Path, raw: bool = False) -> str:
    """The PDF's text with whitespace (non-breaking and zero-width too) as single spaces, hyphenated words joined.
    ``raw``: in the order Typst wrote it, each table cell whole (the reading order interleaves the lines of
    cells side by side)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = re.sub("\u00ad\\s*", "", out.replace("\u200b", ""))  # a word hyphenated at a line's end (Typst's soft hyphen) is one word
    out = re.sub(r"(\w)-\n(\w)", r"\1-\2", out)
    return re.sub(r"\s+", " ", out.replace("\u00a0", " ").replace("\u202f", " "))


def unexplained(shown: str, agenda) -> str:
    """The text without the glossary's explanations ('VVE (voor- en vroegschoolse educatie)' is 'VVE')."""
    from lea_site.glossary import agenda_glossary

    for term, meaning in agenda_glossary(agenda).items():
        # A line may break inside the explanation: 'voor-' at a line's end comes back as 'voor-en'.
        words = r"[\s\-]*".join(re.escape(w) for w in re.split(r"[\s\-]+", meaning) if w)
        shown = re.sub(rf"{re.escape(term)}\s*\({words}\)", term, shown)
    return shown


def squeeze(value: str) -> str:
    """Text without whitespace and hyphens: a word may be hyphenated at a line's end."""
    return re.sub(r"[\s\-\u00ad\u200b\u00a0]+", "", value)


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
    return [a.titel for plan in agenda.jaarplannen for _, a in plan.actions()] + [a.titel for amb in agenda.ambities for a in amb.activiteiten]


# --- the text: everything there --------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SITES))
def test_agenda_has_every_goal_activity_and_budget_total(poppler, tmp_path_factory, name):
    agenda, today, files = _pdfs(name, tmp_path_factory.getbasetemp())
    shown = squeeze(unexplained(text(files[pdf.AGENDA]), agenda))
    missing = [t for t in [*(a.titel for a in agenda.ambities), *_titles(agenda)] if squeeze(t) not in shown]
    assert not missing, missing
    for plan in agenda.jaarplannen:
        if agenda.has_money():
            for amount in (*year_totals(plan), *([plan.budget.beschikbaar] if plan.budget else [])):
                assert squeeze(fmt.money(amount)) in shown, (plan.schooljaar, amount)
    for amb in agenda.ambities:
        for item in [*amb.pijlers, *amb.vraagstukken, *(r.tekst for r in amb.resultaten)]:
            assert squeeze(item) in shown, item
        for ind in amb.indicatoren:  # every target with its date
            if ind.doel is not None and ind.doel.uiterlijk is not None:
                assert squeeze(target_sentence(ind, with_unit)) in shown, ind.titel
    for item in [*(b.naam for b in agenda.organen), *(x.naam for x in agenda.partners), *(i.titel for i in agenda.info.kerncijfers),
                 *(c.titel for c in agenda.info.hoofdstukken)]:
        assert squeeze(item) in shown, item
    doc = agenda.info.document
    for appendix in (doc.bijlagen if doc else []):
        assert squeeze(appendix.titel) in shown and (appendix.url is None or squeeze(appendix.url) in shown)


def test_demo_agenda_cover_says_the_documents_own_facts(poppler, tmp_path_factory):
    agenda, today, files = _pdfs("demo", tmp_path_factory.getbasetemp())
    first = subprocess.run(["pdftotext", "-l", "1", str(files[pdf.AGENDA]), "-"], capture_output=True, text=True, check=True).stdout
    first = re.sub(r"\s+", " ", first.replace("\u00a0", " "))
    info = agenda.info
    assert info.titel in first and f"{info.periode.van} tot en met {info.periode.tot}" in first
    assert fmt.adoption(info.vaststelling) in re.sub(r"\s+", " ", first)
    own = first.split("Jaarplannen, elk apart vastgesteld")[0]  # a later plan may be a concept; the agenda is not
    assert "concept" not in own.lower() or info.vaststelling.status == "concept"
    assert fmt.day(today) not in first and "Gemaakt op" not in first  # never 'today'
    shown = text(files[pdf.AGENDA])
    assert "Inhoud" in shown and re.search(r"Pagina 3 van \d+", shown)


@pytest.mark.parametrize("name", list(SITES))
def test_progress_report_first_page_and_latest_notes(poppler, tmp_path_factory, name):
    agenda, today, files = _pdfs(name, tmp_path_factory.getbasetemp())
    for rel in files:
        if rel == pdf.AGENDA:
            continue
        whole = unexplained(text(files[rel], raw=True), agenda)
        summary = squeeze(whole[:whole.index(" Inhoud ")])  # what comes before the contents, after the cover
        assert squeeze("Oordeel per doel") in summary and squeeze("Wat vraagt om een besluit") in summary, rel
        year = rel[len("downloads/voortgang-"):-4] if rel != pdf.REPORT else agenda.current_school_year(today)
        plan = agenda.year_plan(year) if year and agenda.jaarplannen else None
        goals = [agenda.ambition(p.ambitie) for p in plan.ambities] if plan else list(agenda.ambities)
        for goal in goals:  # the verdict of every goal on the first page, with its title
            assert squeeze(goal.titel)[:40] in summary, (rel, goal.titel)
        shown = squeeze(whole)
        pairs = list(plan.actions()) if plan else [(g, a) for g in agenda.ambities for a in g.activiteiten]
        for _, action in pairs:
            assert squeeze(action.titel) in shown, action.titel
            last = action.last_note()
            if last is not None:  # the latest note itself, not a pointer to it
                assert squeeze(last.tekst)[:60] in shown, (rel, action.titel)
    if agenda.jaarplannen:
        assert {f"downloads/voortgang-{y}.pdf" for y in pdf.report_years(agenda, today)} <= set(files)


def _tables(document: dict) -> dict[str, dict]:
    return {b["table"]["caption"]: b["table"] for b in document.get("lead", []) + document["body"] if "table" in b}


def _cell_text(cell: list) -> str:
    return "".join(s if isinstance(s, str) else s.get("t", "") for s in cell)


@pytest.mark.parametrize("name", list(SITES))
def test_a_finished_years_report_holds_its_own_period_and_prints_each_note_once(name):
    """A report of a school year that ended shows the figures of its period only (a later value is counted,
    not shown), and every note of the period is printed, the ones already in the status tables not again."""
    agenda, today = _agenda(name)
    for rel, document in pdf.documents(agenda, today).items():
        if rel == pdf.AGENDA or rel == pdf.REPORT:
            continue
        year = rel[len("downloads/voortgang-"):-4]
        start, end = pdf.school_year_bounds(year)
        finished = end < today
        tables = _tables(document)
        for ind in [i for g in agenda.ambities for i in g.indicatoren] + list(agenda.info.kerncijfers):
            rows = tables.get(f"Cijfers: {ind.titel}", {"rows": []})["rows"]
            periods = [_cell_text(r[0]) for r in rows]
            later = [m for m in ind.series() if finished and m.periode.start > end]
            assert not {m.periode.text for m in later} & set(periods), (rel, ind.titel, periods)
            sentence = [b for b in document["body"] if "p" in b and "latere waarde" in str(b["p"])]
            if later:
                assert any(f"{len(later)} latere waarde" in str(b["p"]) for b in sentence), (rel, ind.titel)
        plan = agenda.year_plan(year)
        notes = [n for _, a in plan.actions() for n in a.voortgang if start <= n.datum <= end]
        printed = " ".join(_cell_text(cell) for t in tables.values() for row in t["rows"] for cell in row)
        for note in notes:
            assert pdf.pb.finish(note.tekst) in printed, (rel, note.tekst)
        rest = tables.get("Andere voortgangsnotities", {"rows": []})["rows"]
        latest = {id(a.last_note()) for _, a in plan.actions()}
        shown_elsewhere = [n for n in notes if id(n) in latest or n.status]
        assert len(rest) == len(notes) - len(shown_elsewhere), (rel, len(rest), len(notes), len(shown_elsewhere))


@pytest.mark.parametrize("name", list(SITES))
def test_no_report_names_a_day_after_its_last_reported_day(name):
    """Review item 13: the 2025-2026 report said 'Gegevens gemeld tot en met 10 juli 2026' on its cover while its
    money paragraph used spending 'gemeld op 15 september 2026' (a year's spending is reported after it ends).
    Every day a report names as reported is on or before the day its cover says data was reported until, and
    that day is its date on Documenten."""
    agenda, today = _agenda(name)
    months = {m: n for n, m in enumerate(("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                          "september", "oktober", "november", "december"), start=1)}

    def days(text: str) -> list[date]:
        return [date(int(y), months[m], int(d)) for d, m, y in re.findall(r"(\d{1,2}) ([a-z]+) (\d{4})", text) if m in months]

    checked = 0
    for rel, document in pdf.documents(agenda, today).items():
        if rel == pdf.AGENDA:
            continue
        cover = dict((f[0], f[1]) for f in document["cover"]["facts"])
        until = days(str(cover.get("Gegevens gemeld tot en met", "")))
        text = json.dumps(document, ensure_ascii=False)
        named = [d for m in re.finditer(r"(?:gemeld op|gemeld) (\d{1,2} [a-z]+ \d{4})", text) for d in days(m.group(1))]
        if until:
            assert all(d <= until[0] for d in named), (rel, until[0], sorted(set(named))[-3:])
            assert date(*document["date"]) == until[0], rel
            checked += len(named)
    if name == "demo":
        assert checked > 0  # the demo's reports name reported days: the test looks at something


# --- what the file is: tagged, Dutch, PDF/UA-1, reproducible ---------------------------------------


@pytest.mark.parametrize("name", list(SITES))
def test_tagged_dutch_pdf_ua(poppler, tmp_path_factory, name):
    agenda, today, files = _pdfs(name, tmp_path_factory.getbasetemp())
    for rel, path in files.items():
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M), rel
        assert re.search(r"^Title:\s+\S", info, re.M), rel
        assert f"lea-site {version('lea-site')}" in info, rel  # the package's version in the metadata
        objects = catalog(path)
        assert re.search(rb"/Lang\s*\(nl", objects), f"{rel}: no /Lang (nl)"
        assert b"/StructTreeRoot" in objects and re.search(rb"/Marked\s+true", objects), f"{rel}: not tagged"
        assert re.search(rb"pdfuaid:part[^0-9]{0,4}1", objects), f"{rel}: no PDF/UA-1 identification"
        assert re.search(rb"/Outlines\s+\d+ 0 R", objects), f"{rel}: no bookmarks"
        assert objects.count(b"/Alt") >= 1 or b"/Figure" not in objects, f"{rel}: a figure without alternative text"
        # Nothing cut off at the right edge: no text is placed beyond the page's margin.
        bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
        width = float(re.search(r'<page width="([\d.]+)"', bbox)[1])
        beyond = [w for w in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', bbox) if float(w[0]) > width - 50]
        assert not beyond, f"{rel}: text in the right margin: {beyond[:5]}"


def test_each_document_is_typeset_in_a_process_of_its_own_and_a_failure_says_why(poppler, tmp_path: Path):
    """Typst keeps what it computed for as long as its process lives (about 55 MB per report of a 1,000-action
    agenda): the build's own process never loads Typst, and a document Typst refuses is a PdfError in words."""
    import sys

    agenda, today = _agenda("demo")
    made = pdf.downloads(agenda, today)
    assert all(body.startswith(b"%PDF-") for body in made.values())
    assert "typst" not in sys.modules
    with pytest.raises(pdf.PdfError, match=r"de PDF kon niet gemaakt worden: TypstError: .*title"):
        typeset.render_pdf({"date": [2021, 1, 1]})  # no title, no cover: the template cannot typeset it


def test_same_data_same_bytes_on_another_day(poppler):
    """No PDF names 'today': a later day in the same school year gives every PDF byte for byte again."""
    agenda, today = _agenda("demo")
    later = date.fromordinal(today.toordinal() + 9)
    assert agenda.current_school_year(later) == agenda.current_school_year(today)
    first, second = pdf.downloads(agenda, today), pdf.downloads(agenda, later)
    assert first == second
    assert b"CreationDate" in first[pdf.AGENDA] and str(today.year).encode() + b"1122" not in first[pdf.AGENDA]


# --- the charts and the diagram, measured on the rendered page ------------------------------------


@pytest.mark.parametrize("name", list(SITES))
def test_budget_bars_are_as_long_as_their_amounts(poppler, tmp_path_factory, tmp_path, name):
    """Every budget bar, measured in pixels: its length over the chart's width is its amount over the largest
    amount of the chart (within 2% of the width)."""
    agenda, today, files = _pdfs(name, tmp_path_factory.getbasetemp())
    if not (agenda.has_money() and agenda.jaarplannen):
        pytest.skip("no year plans with amounts")
    path = files[pdf.AGENDA]
    all_words = px.words(path)
    measured = 0
    for plan in agenda.year_plans_sorted():
        caption = f"Kosten per {agenda.naming(0).enkelvoud}, schooljaar {plan.schooljaar}"
        hits = px.find_line(all_words, caption)
        assert hits, caption
        hit = hits[0]
        totals = [ambition_plan_totals(p) for p in plan.ambities]
        amounts = [cost for cost, _, _ in totals]
        if plan.budget is not None:
            amounts += [year_totals(plan)[2], plan.budget.beschikbaar]
        scale = max(amounts + [1])
        page = px.render(path, hit.page, tmp_path)
        left, right = round(56.69 * px.SCALE), round((595.28 - 56.69) * px.SCALE) - 1  # the 2 cm margins
        bars = px.bars_below(page, int(hit.y1 * px.SCALE) + 1, TRACK, left, right, len(amounts))
        assert len(bars) == len(amounts), (caption, len(bars), amounts)
        for bar, amount in zip(bars, amounts):
            assert abs(bar.length / bar.full - amount / scale) <= 0.02, (caption, amount, bar)
            measured += 1
    assert measured


@pytest.mark.parametrize("name", list(SITES))
def test_indicator_columns_stand_on_a_time_axis_at_their_height(poppler, tmp_path_factory, tmp_path, name):
    """Every indicator chart of the agenda PDF, measured in pixels: the columns' centres are as far apart as
    the middles of their periods (2016, 2019 and 2024 are not equally spaced), their heights are as their
    values, and the target's line stands at its value (each within 2% of the plot)."""
    agenda, today, files = _pdfs(name, tmp_path_factory.getbasetemp())
    path = files[pdf.AGENDA]
    all_words = px.words(path)
    indicators = [i for g in agenda.ambities for i in g.indicatoren] + list(agenda.info.kerncijfers)
    measured = 0
    for ind in indicators:
        series = ind.series()
        target = ind.doel.waarde if ind.doel is not None else None
        if len(series) + (target is not None) < 2 or len(series) < 1 or any(m.waarde < 0 for m in series):
            continue
        caption = f"{ind.titel}: de waarden in de tijd, op één schaal vanaf nul"
        hits = px.find_line(all_words, caption)
        assert hits, ind.titel
        first = all_words.index(hits[0])
        page = px.render(path, hits[0].page, tmp_path)
        plot = px.plot_below(page, int(max(w.y1 for w in all_words[first:first + len(caption.split())]) * px.SCALE) + 1, TRACK)
        columns = px.columns_in(page, plot, TRACK)
        assert len(columns) == len(series), (ind.titel, columns, [m.periode.text for m in series])
        middles = [(m.periode.start.toordinal() + m.periode.end.toordinal()) / 2 for m in series]
        if middles[-1] > middles[0]:
            for (x, _), middle in zip(columns, middles):
                shown = (x - columns[0][0]) / (columns[-1][0] - columns[0][0])
                assert abs(shown - (middle - middles[0]) / (middles[-1] - middles[0])) <= 0.02, (ind.titel, x, middle)
        values = [float(m.waarde) for m in series] + ([float(target)] if target is not None else [])
        heights = [h for _, h in columns]
        if target is not None:
            heights.append(px.line_height(page, plot, GOAL))
        top_value, top_height = max(zip(values, heights))
        for value, height in zip(values, heights):
            assert abs(height - value / top_value * top_height) <= 0.02 * plot.height, (ind.titel, value, height, top_value, top_height)
        measured += 1
    assert measured or not any(len(i.series()) > 1 for i in indicators)


@pytest.mark.parametrize("name", list(SITES))
def test_chart_and_diagram_labels_readable_and_inside_their_boxes(poppler, tmp_path_factory, tmp_path, name):
    """On every page with a chart or the organisation chart: every word stands on a light fill and is at
    least 8 pt high; in the diagram every word lies inside its box (no border line through it, a border
    on each side)."""
    agenda, today, files = _pdfs(name, tmp_path_factory.getbasetemp())
    checked = 0
    for rel, path in files.items():
        all_words = px.words(path)
        pages = {w.page for w in px.find_line(all_words, "De organisatie van de agenda")}
        pages |= {h.page for c in ("Kosten per", "op één schaal vanaf nul") for h in px.find_line(all_words, c)}
        for number in sorted(pages):
            page = px.render(path, number, tmp_path)
            on_page = [w for w in all_words if w.page == number and w.text.strip()]
            for word in on_page:
                assert word.y1 - word.y0 >= 8 * 0.95 or not word.text.strip("·.,:;()"), (rel, number, word)
                assert px.luminance(px.background(page, word)) > 0.7, (rel, number, word.text, px.background(page, word))
                checked += 1
            org = px.find_line(on_page, "De organisatie van de agenda")
            if org:
                _inside_boxes(page, [w for w in on_page if w.y0 > org[0].y1], agenda, (rel, number))
    assert checked or not (agenda.organen or agenda.has_money())


def _inside_boxes(page: px.Page, chart_words: list[px.Word], agenda, where) -> None:
    labels = {w for body in agenda.organen for w in body.naam.split()}
    level_words = {"Bestuurlijk", "niveau", "Regie", "en", "sturing", "Uitvoering", "Advies", "inspraak", "Netwerk", "kennisdeling"}
    for word in chart_words:
        x0, y0, x1, y1 = word.px()
        if y0 >= page.height - 2:
            continue
        inner = [page.at(x, y) for y in range(y0 + 2, y1 - 1) for x in range(x0 + 1, x1)]
        assert not any(px.close(c, BORDER, 30) for c in inner), (where, "a border through", word.text)
        if word.text in level_words and word.text not in labels:
            continue
        middle = (y0 + y1) // 2
        sides = [range(x0, -1, -1), range(x1, page.width)]
        hit = [any(px.close(page.at(x, middle), BORDER, 60) for x in side) for side in sides]
        if not all(hit):
            break  # the chart ended: the text below it is the bodies' own sections
        column = (x0 + x1) // 2
        assert any(px.close(page.at(column, y), BORDER, 60) for y in range(y0, -1, -1)), (where, "no border above", word.text)
        assert any(px.close(page.at(column, y), BORDER, 60) for y in range(y1, page.height)), (where, "no border below", word.text)


# --- data stays data ---------------------------------------------------------------------------------


def test_markdown_tree_is_bounded_and_keeps_text():
    deep = blocks(">" * 150 + " diep")
    depth, node = 0, deep
    while node and "quote" in node[0]:
        depth, node = depth + 1, node[0]["quote"]
    assert depth <= MAX_DEPTH and node == [{"p": ["diep"]}]
    nested = blocks("".join("    " * i + "- punt\n" for i in range(60)))
    assert "punt" in str(nested) and str(nested).count("'list'") <= MAX_DEPTH + 1
    tree = blocks("**vet** [x](javascript:alert(1)) [y](https://lea.example.nl) <b>&lt;i&gt;</b>")
    spans = tree[0]["p"]
    assert {"t": "vet", "b": 1} in spans and "x" in spans and {"t": "y", "href": "https://lea.example.nl"} in spans
    assert "<b><i></b>" in "".join(s for s in spans if isinstance(s, str))


def test_template_reads_no_file_and_evaluates_no_text():
    """lea.typ is the only Typst code: it reads its data from sys.inputs as JSON and nothing else, and never
    evaluates a string, so no value of the data can name a file (an image, an include, a read) or be markup."""
    code = re.sub(r"//[^\n]*", "", typeset.TEMPLATE.read_text(encoding="utf-8"))  # comments are not code
    calls = re.findall(r"\b(?:read|image|json|yaml|toml|csv|xml|cbor|plugin|bibliography|eval)\s*\(", code)
    calls += re.findall(r"\b(?:include|import)\b", code)
    # ('kind: image' of a figure is a kind, no call.) The one image() is a chapter's picture: its path is a name the PDF
    # gives (p-<hash>.png, lea_site.exports.pdffamily), never the data's, in a root holding only the template and those files.
    assert calls == ["json(", "image("], calls
    assert "image(f.src, alt: f.alt" in code
    assert "json(bytes(sys.inputs.data))" in code and code.count("sys.inputs") == 1


def test_hostile_data_is_shown_as_text(poppler, tmp_path: Path):
    """Every text field carries script, template and Typst payloads: each PDF still typesets, shows them as
    text, reads no file and draws no dark page."""
    injector = inject(DATA, tmp_path / "data", PAYLOADS["all"] + "\n\n" + TYPST + "\n\n" + FILE_READS, [*SINGLE, TYPST, FILE_READS])
    assert len(injector.fields) > 20
    result = load(tmp_path / "data", DEMO_TODAY)
    assert not result.errors, "\n".join(map(str, result.errors[:5]))
    files = pdf.downloads(result.agenda, DEMO_TODAY, "https://lea.example.nl/")
    for rel, content in files.items():
        out = tmp_path / Path(rel).name
        out.write_bytes(content)
        shown = text(out)
        objects = catalog(out)
        assert not PASSWD.search(shown) and not PASSWD.search(objects.decode("latin-1")), rel
        assert TEMPLATE_TEXT not in shown and "SIL OPEN FONT LICENSE" not in shown.upper(), rel
        assert b"/Subtype /Image" not in objects and b"/Subtype/Image" not in objects, rel  # no picture from the data
        assert squeeze('#read("lea.typ")') in squeeze(shown) and squeeze('#include "lea.typ"') in squeeze(shown), rel
        assert squeeze('#panic("F")') in squeeze(shown) and squeeze("#set page(fill: black)") in squeeze(shown), rel
        assert squeeze(VISIBLE["all"]) in squeeze(shown) and "42XQ" not in shown, rel
        page = px.render(out, 3, tmp_path)
        assert px.luminance(page.at(page.width // 2, 5)) > 0.9, rel  # no page filled black


@pytest.mark.parametrize("n", [20000])
def test_long_words_wrap_and_deep_nesting_typesets(poppler, tmp_path: Path, n: int):
    """A 20,000-character word, a 300-character title and 150 nested quotes: all typeset, nothing beyond the margin."""
    agenda, today = _agenda("demo")
    view = View(agenda, today, lambda t: t)
    document = pdf.agenda_document(view)
    document["body"] += [{"h": 2, "text": "T" * 300}, {"p": ["x" * n]}, *blocks(">" * 150 + " diep")]
    out = tmp_path / "a.pdf"
    out.write_bytes(typeset.render_pdf(pdf.pb.finish(document)))
    bbox = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert max(float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)) <= 595.28 - 56, "text beyond the margin"
    assert "diep" in text(out)


# --- the build: files, links, failures ---------------------------------------------------------------


def test_failed_pdf_leaves_the_last_good_one(tmp_path: Path, monkeypatch):
    from lea_site.generate import ConfigError, generate

    from .sitebuild import site_folder

    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    good = b"%PDF-1.7\n% a good one\n%%EOF\n"
    monkeypatch.setenv("LEA_PDF_CACHE", "")  # a stand-in's bytes never go into the shared cache
    monkeypatch.setattr(typeset, "render_pdf", lambda document: good)
    folder = site_folder(tmp_path / "site", DATA)
    generate(folder / "mkdocs.yml", pdf=True)
    written = folder / "build" / "lea" / "docs" / pdf.AGENDA
    assert written.read_bytes() == good

    def broken(document):
        raise pdf.PdfError("de PDF kon niet gemaakt worden: kapot")

    monkeypatch.setenv("LEA_PDF_CACHE", "")  # a stand-in's bytes never go into the shared cache
    monkeypatch.setattr(typeset, "render_pdf", broken)
    (folder / "mkdocs.yml").touch()
    with pytest.raises(ConfigError, match="PDF: de PDF kon niet gemaakt worden"):
        generate(folder / "mkdocs.yml", pdf=True)
    assert written.read_bytes() == good
    assert not [p for p in written.parent.iterdir() if p.name.endswith(".tmp")]


def test_write_atomic_leaves_no_half_file_and_gives_the_usual_mode(tmp_path: Path, monkeypatch):
    target = tmp_path / "downloads" / "agenda.pdf"
    pdf.write_atomic(target, b"%PDF-1 eerste")
    old = os.umask(0o022)
    os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~old  # 0644 under the usual umask, as every other file

    def fail(*args):
        raise OSError("schijf vol")

    monkeypatch.setattr(typeset.os, "replace", fail)
    with pytest.raises(OSError):
        pdf.write_atomic(target, b"%PDF-1 tweede, half")
    assert target.read_bytes() == b"%PDF-1 eerste"
    assert [p.name for p in target.parent.iterdir()] == ["agenda.pdf"]


def test_lea_build_makes_and_links_every_pdf_and_lea_serve_does_not(tmp_path: Path):
    """The PDFs are part of lea build, readable by a web server of another user (0644), and linked: the agenda,
    the current report and every school year's report; a preview (LEA_PDF=nee) has neither file nor link."""
    import sys

    from .sitebuild import site_folder

    folder = site_folder(tmp_path / "site", DATA)
    env = {**os.environ, "LEA_TODAY": DEMO_TODAY.isoformat(), "LEA_PDF": "ja", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "build"], cwd=folder, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    site = folder / "site"
    assert (site / "downloads" / "agenda.pdf").read_bytes().startswith(b"%PDF")
    for made in (site / "downloads").glob("*.pdf"):
        assert stat.S_IMODE(made.stat().st_mode) & 0o044 == 0o044, made  # readable by group and others
    assert 'href="../downloads/agenda.pdf"' in (site / "over" / "index.html").read_text(encoding="utf-8")
    progress = (site / "voortgang" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/voortgang.pdf"' in progress
    agenda, _ = _agenda("demo")
    current = agenda.current_school_year(DEMO_TODAY)
    for year in pdf.report_years(agenda, DEMO_TODAY):
        assert (site / "downloads" / f"voortgang-{year}.pdf").is_file()
        # The current year's report is voortgang.pdf itself: linked once, saying its year (review item 29).
        linked = f'href="../downloads/voortgang-{year}.pdf"' in progress
        assert linked == (year != current), year
    assert f"Dit is de rapportage van dit schooljaar ({current})." in progress
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "build", "-d", "zonder"], cwd=folder,
                         env={**env, "LEA_PDF": "nee"}, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not (folder / "zonder" / "downloads").exists()
    assert "agenda.pdf" not in (folder / "zonder" / "over" / "index.html").read_text(encoding="utf-8")


def test_every_begun_year_has_a_report_typeset_once_and_cached(tmp_path: Path, monkeypatch):
    """A report for every school year that has begun; voortgang.pdf is the current one (typeset once); a
    second build of the same data takes every PDF from the cache."""
    agenda, today = _agenda("demo")
    begun = [p.schooljaar for p in agenda.year_plans_sorted() if p.schooljaar <= agenda.current_school_year(today)]
    assert pdf.report_years(agenda, today) == begun and len(begun) >= 2
    calls: list[str] = []

    def fake(document) -> bytes:
        calls.append(document["title"])
        return b"%PDF-1.7\n% nep\n%%EOF\n"

    monkeypatch.setenv("LEA_PDF_CACHE", str(tmp_path))
    monkeypatch.setattr(typeset, "render_pdf", fake)
    first = pdf.downloads(agenda, today)
    assert set(first) == {pdf.AGENDA, pdf.REPORT, *(f"downloads/voortgang-{y}.pdf" for y in begun)}
    assert len(calls) == len(begun) + 1
    calls.clear()
    pdf.downloads(agenda, today)
    assert calls == []


def test_typst_begins_on_the_agenda_while_the_reports_are_still_being_composed(tmp_path: Path, monkeypatch):
    """Composing a 1,000-action agenda's documents took half a second before Typst began on any: the agenda (the
    largest, composed first) is handed to Typst at once. Here each report is composed only once the agenda's
    typesetting has begun; handed over only at the end, the build would wait for ever (here: fail after 60 s)."""
    import threading

    agenda, today = _agenda("demo")
    begun = threading.Event()
    real = typeset.render_pdf

    def render(document) -> bytes:
        begun.set()
        return real(document)

    def waiting_for_typst():
        for path, document in pdf.composed(agenda, today):
            if path != pdf.AGENDA:
                assert begun.wait(60), "Typst had not begun on the agenda before the reports were composed"
            yield path, document

    monkeypatch.setenv("LEA_PDF_CACHE", "")
    monkeypatch.setattr(typeset, "render_pdf", render)
    made = typeset.Typesetting(waiting_for_typst()).wait()
    assert set(made) == set(pdf.documents(agenda, today)) and all(body.startswith(b"%PDF-") for body in made.values())
    assert list(made)[0] == pdf.AGENDA


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_engine_builds_the_pages_while_typst_typesets_and_documenten_names_each_size(tmp_path: Path, monkeypatch, engine: str):
    """lea build waited for every PDF before the engine began (the page Documenten says each PDF's size), so
    on two cores the engine and Typst never ran side by side. Now only a page that shows a PDF's size waits,
    for that PDF. Here no PDF can be typeset before the engine has begun: waiting for them first, the build
    fails (after 60 s); and each size on Documenten is that of the file in the site."""
    import threading

    from lea_site import cli, engines

    from .sitebuild import site_folder

    if engine == "zensical":
        pytest.importorskip("zensical")
    folder = site_folder(tmp_path / "site", DATA)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    monkeypatch.setenv("LEA_PDF", "ja")
    monkeypatch.setenv("LEA_PDF_CACHE", "")  # a stand-in's bytes never go into the shared cache
    engine_began = threading.Event()
    real_build = engines.build

    def build(*args, **kwargs):
        engine_began.set()
        return real_build(*args, **kwargs)

    def render(document) -> bytes:
        if not engine_began.wait(60):
            raise typeset.PdfError("de PDF's werden gezet voordat de engine begon")
        return b"%PDF-1.7\n%" + document["title"].encode("utf-8") * 300 + b"\n%%EOF\n"  # a size of its own

    monkeypatch.setattr(engines, "build", build)
    monkeypatch.setattr(typeset, "render_pdf", render)
    assert cli.main(["build", "--engine", engine]) == 0
    assert typeset.Typesetting.announced is None  # no later build in this process sees these PDFs
    site = folder / "site"
    made = sorted(p.relative_to(site).as_posix() for p in (site / "downloads").glob("*.pdf"))
    assert len({(site / p).stat().st_size for p in made}) > 1  # the sizes differ: each must be the right one
    page = (site / "documenten" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'href="\.\./(downloads/[^"]+\.pdf)".*?PDF, ([^<]+)</div>', page, flags=re.S)
    shown = {path: size.replace("&nbsp;", "\u00a0") for path, size in rows}
    expected = {p: fmt.size((site / p).stat().st_size) for p in made if p != pdf.REPORT}  # voortgang.pdf: its year's row
    assert shown == expected


def test_lea_build_with_a_failed_pdf_keeps_the_last_site(tmp_path: Path, monkeypatch, capsys):
    from lea_site import cli

    from .sitebuild import site_folder

    folder = site_folder(tmp_path / "site", DATA)
    (folder / "site").mkdir()
    (folder / "site" / "index.html").write_text("de vorige site", encoding="utf-8")
    (folder / "site" / ".lea-site").write_text("", encoding="utf-8")  # made by lea build: it may be replaced
    monkeypatch.chdir(folder)
    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    monkeypatch.setenv("LEA_PDF", "ja")

    def broken(document):
        raise typeset.PdfError("de PDF kon niet gemaakt worden: kapot")

    monkeypatch.setenv("LEA_PDF_CACHE", "")  # a stand-in's bytes never go into the shared cache
    monkeypatch.setattr(typeset, "render_pdf", broken)
    assert cli.main(["build"]) == 1
    assert "PDF: de PDF kon niet gemaakt worden: kapot" in capsys.readouterr().err
    assert (folder / "site" / "index.html").read_text(encoding="utf-8") == "de vorige site"


def test_plain_mkdocs_build_puts_the_pdfs_in_and_a_failed_one_keeps_the_last_site(tmp_path: Path, monkeypatch):
    """``mkdocs build`` through the plugin: the PDFs go into the site at the end; a PDF that fails stops the
    build before the last good site is replaced."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from .sitebuild import site_folder

    folder = site_folder(tmp_path / "site", DATA)
    (folder / "docs").mkdir()
    monkeypatch.setenv("LEA_TODAY", DEMO_TODAY.isoformat())
    monkeypatch.setenv("LEA_PDF", "ja")
    good = b"%PDF-1.7\n% typeset at the end\n%%EOF\n"
    monkeypatch.setenv("LEA_PDF_CACHE", "")  # a stand-in's bytes never go into the shared cache
    monkeypatch.setattr(typeset, "render_pdf", lambda document: good)

    def mkdocs_build() -> None:
        build(load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site")))

    mkdocs_build()
    site = folder / "site"
    assert (site / pdf.AGENDA).read_bytes() == good and (site / pdf.REPORT).read_bytes() == good
    assert 'href="../downloads/agenda.pdf"' in (site / "over" / "index.html").read_text(encoding="utf-8")

    def broken(document):
        raise pdf.PdfError("de PDF kon niet gemaakt worden: kapot")

    monkeypatch.setenv("LEA_PDF_CACHE", "")  # a stand-in's bytes never go into the shared cache
    monkeypatch.setattr(typeset, "render_pdf", broken)
    (site / "index.html").write_text("de vorige site", encoding="utf-8")
    with pytest.raises(Abort, match="PDF: de PDF kon niet gemaakt worden: kapot"):
        mkdocs_build()
    assert (site / "index.html").read_text(encoding="utf-8") == "de vorige site"
    assert (site / pdf.AGENDA).read_bytes() == good


def test_pdfs_explain_each_term_once(poppler, tmp_path_factory):
    """As on the site: a glossary term is explained at its first use in a document, and only there."""
    from lea_site.glossary import agenda_glossary

    agenda, today, files = _pdfs("demo", tmp_path_factory.getbasetemp())
    meanings = agenda_glossary(agenda)
    for rel, path in files.items():
        shown = text(path)
        explained = {t: shown.count(f"{t} ({m})") for t, m in meanings.items() if f"{t} ({m})" in shown}
        assert all(n == 1 for n in explained.values()), (rel, explained)
        if rel == pdf.AGENDA:
            assert "JGZ" in explained, explained
            # a partner's name keeps its own abbreviation unexplained: 'SWV Veenland', 'MBO Veenland'
            assert "SWV Veenland (" not in shown and "MBO Veenland (" not in shown


# --- the adopted agenda, the later plans and the state, each with its own date (review 16) ----------


@pytest.mark.parametrize("name", list(SITES))
def test_agenda_pdf_separates_what_was_adopted_from_later_plans_and_the_state(poppler, tmp_path_factory, name):
    """A verdict only under 'Stand op <the data's last reported day>', never in the adopted text; every year plan
    with its own adoption in its own section and on the cover; later measured values only in the state chapter."""
    agenda, today, files = _pdfs(name, tmp_path_factory.getbasetemp())
    shown = text(files[pdf.AGENDA], raw=True)
    notes = [n.datum for plan in agenda.jaarplannen for _, a in plan.actions() for n in a.voortgang]
    notes += [n.datum for g in agenda.ambities for a in g.activiteiten for n in a.voortgang]
    spent = [a.begroting.besteed_op for plan in agenda.jaarplannen for _, a in plan.actions() if a.begroting and a.begroting.besteed_op]
    plans = [p.vaststelling.datum.start for p in agenda.jaarplannen if p.vaststelling.status == "vastgesteld" and p.vaststelling.datum]
    day = max([d for d in notes + spent + plans if d <= today] or [pdf.agenda_day(agenda)])
    head = f"Stand op {fmt.day(day)}"
    cover, rest = shown.split(" Inhoud ", 1)
    assert f"{head} (geen deel van de vaststelling)" in cover
    assert fmt.adoption(agenda.info.vaststelling, agenda) in cover
    body = rest[rest.index(f" {head} Dit hoofdstuk hoort niet bij de vastgestelde agenda"):] if agenda.ambities else ""
    before = rest[:len(rest) - len(body)]
    assert "Oordeel" not in before and "Status:" not in before and "besteed" not in before.lower().replace("besteed aan", "")
    for goal in agenda.ambities:  # each goal's verdict, dated, in the state chapter
        assert squeeze(f"{head}") in squeeze(body) and squeeze(f"Oordeel op") in squeeze(body), goal.titel
    assert body.count("Oordeel op ") == len(agenda.ambities)
    for plan in agenda.year_plans_sorted():
        words = fmt.adoption(plan.vaststelling, agenda)
        assert squeeze(f"schooljaar {plan.schooljaar}: {words}") in squeeze(cover), plan.schooljaar
        own = f"Dit jaarplan is {words}." if plan.vaststelling.status else "Of dit jaarplan is vastgesteld, is niet vermeld."
        state = " (concept)" if plan.vaststelling.status == "concept" else ""
        assert squeeze(f"Schooljaar {plan.schooljaar}{state} {own}") in squeeze(before), plan.schooljaar  # right under its heading
    adopted = agenda.info.vaststelling.datum.start if agenda.info.vaststelling.datum else None
    for goal in agenda.ambities:
        for ind in goal.indicatoren:
            later = [m for m in ind.metingen if m.periode is not None and adopted is not None and m.periode.start > adopted]
            for m in later:  # a value measured after the adoption is in the state, with its period, not in the adopted goal
                row = squeeze(f"{m.periode.text} {pdf.pb.value_text(ind, m)}")
                assert row in squeeze(body) and row not in squeeze(before), (ind.titel, m.periode.text)
