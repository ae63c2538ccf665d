"""A very large agenda as a PDF in parts (issue 24 class 10, issue 25 item 6): nothing lost, nothing twice,
each part bounded and whole, every part offered on the site and in the Woo index."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from lea_site.exports import pdf, typeset, volumes, woo
from lea_site.load import load
from lea_site.render.documents import FileFacts, agenda_day, documents_page
from lea_site.render.html import no_edit
from lea_site.render.pages import View

from .conftest import DATA, DEMO_TODAY


def _document() -> dict:
    agenda = load(DATA, DEMO_TODAY).agenda
    return pdf.agenda_document(View(agenda, DEMO_TODAY, lambda target: target, no_edit))


def test_an_agenda_of_ordinary_size_is_one_file():
    document = _document()
    assert list(volumes.volumes(document)) == [pdf.AGENDA]
    assert volumes.volumes(document)[pdf.AGENDA] is document


@pytest.mark.parametrize("budget", [4_000, 12_000, 40_000])
def test_parts_hold_every_block_once_in_order_each_within_the_budget(budget):
    document = _document()
    parts = volumes.volumes(document, budget)
    count = len(parts)
    assert count > 1 and list(parts) == [volumes.volume_path(n) for n in range(1, count + 1)]
    seen = []
    for number, (path, part) in enumerate(parts.items(), 1):
        body = part["body"]
        added = [b for b in body if b.get("h") == 1 and b["text"].endswith(" (vervolg)") and b not in document["body"]]
        seen += _atoms([b for b in body if b not in added])
        size = sum(volumes._size(b) for b in body if b not in added)
        assert size <= budget or len(body) - len(added) == 1, (path, size)  # a single block larger than a part is a part
        assert body[0].get("h") == 1, (path, body[0])  # every part opens with its chapter, or its continuation
        assert part["cover"]["kind"].endswith(f"deel {number} van {count}")
        assert part["title"].endswith(f"(deel {number} van {count})")
        facts = dict((label, value) for label, value in part["cover"]["facts"])
        links = [s["t"].split(" ")[0] for s in facts["Alle delen"] if isinstance(s, dict)]
        assert links == [volumes.volume_path(n).rsplit("/", 1)[1] for n in range(1, count + 1)]
        chapters = [b["text"] for b in body if b.get("h") == 1]
        assert chapters[0] in facts["Dit deel"][0]
        assert ("lead" in part) == ("lead" in document and number == 1)
    assert seen == _atoms(document["body"])  # nothing lost, nothing twice, nothing reordered


def _atoms(body: list) -> list:
    """Blocks, a table as its rows (a table larger than half a part is split over tables with its head)."""
    out = []
    for block in body:
        if "table" in block:
            t = block["table"]
            out += [(t["caption"].removesuffix(" (vervolg)"), str(t["head"]), str(row)) for row in t["rows"]]
            out += [("foot", str(row)) for row in t["foot"]]
        else:
            out.append(block)
    return out


def test_a_table_larger_than_a_part_goes_on_in_the_next_with_its_head():
    rows = [[[f"Partner {i}"], ["Sector"], ["https://example.nl/" + "x" * 40]] for i in range(3000)]
    document = {"title": "T", "running": "T", "cover": {"kind": "Agenda", "facts": [], "note": ""},
                "body": [{"h": 1, "text": "Partners"}, {"table": {"head": [["Naam"], ["Sector"], ["Web"]], "rows": rows, "foot": [],
                                                                   "numeric": [], "caption": "Alle partners", "widths": [1, 1, 1]}}]}
    parts = volumes.volumes(document, 60_000)
    assert len(parts) > 3
    tables = [b["table"] for part in parts.values() for b in part["body"] if "table" in b]
    assert [r for t in tables for r in t["rows"]] == rows and all(t["head"] == [["Naam"], ["Sector"], ["Web"]] for t in tables)
    assert tables[0]["caption"] == "Alle partners" and all(t["caption"] == "Alle partners (vervolg)" for t in tables[1:])
    assert all(sum(volumes._size(b) for b in part["body"]) <= 60_000 for part in parts.values())


def test_a_continued_chapter_is_named_after_the_chapter_it_continues():
    body = [{"h": 1, "text": "A"}, *({"p": [f"a{i}" * 20]} for i in range(20)), {"h": 1, "text": "B"}, *({"p": [f"b{i}" * 20]} for i in range(20))]
    parts = volumes._cut(body, 600)
    assert len(parts) > 2
    for part in parts:
        chapter = None
        for block in part:
            if block.get("h") == 1:
                chapter = block["text"].removesuffix(" (vervolg)")
            else:
                assert chapter and block["p"][0].startswith(chapter.lower()), (chapter, block)


def test_parts_typeset_as_tagged_pdfs_with_every_action(tmp_path: Path, monkeypatch):
    """A real typesetting of the demo in parts: every action title is in exactly the parts' text, each part a
    PDF/UA-1 of its own, and the pages of all parts are those of the whole plus the parts' covers and contents."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    monkeypatch.setenv("LEA_PDF_CACHE", "")
    monkeypatch.setattr(volumes, "VOLUME_BYTES", 40_000)
    agenda = load(DATA, DEMO_TODAY).agenda
    made = {p: body for p, body in pdf.downloads(agenda, DEMO_TODAY).items() if volumes.part_number(p)}
    assert len(made) > 1
    shown = ""
    for path, body in made.items():
        file = tmp_path / path.rsplit("/", 1)[1]
        file.write_bytes(body)
        assert b"pdfuaid:part" in body or b"pdfuaid" in body, path
        shown += re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(file), "-"], capture_output=True, text=True).stdout.replace("\u00ad", ""))
    squeezed = re.sub(r"[\s\-\u200b\u00a0]+", "", shown)
    for plan in agenda.jaarplannen:
        for _, action in plan.actions():
            assert re.sub(r"[\s\-]+", "", action.titel) in squeezed, action.titel
    assert "te groot voor één PDF" in shown


def test_every_part_is_offered_on_documenten_and_in_the_woo_index():
    agenda = load(DATA, DEMO_TODAY).agenda
    paths = [volumes.volume_path(n) for n in (1, 2, 3)]
    files = {p: FileFacts(agenda_day(agenda), 300_000) for p in paths}
    out = documents_page(View(agenda, DEMO_TODAY, lambda target: target, no_edit), files)
    for n, p in enumerate(paths, 1):
        assert f'href="{p}"' in out and f"deel {n} van 3" in out
    listed = woo.documents(agenda, paths, DEMO_TODAY)[woo.CONVENANT]
    if agenda.info.vaststelling.status == "vastgesteld" and agenda.info.vaststelling.datum is not None:
        assert [x[0] for x in listed] == paths and all(f"(deel {n} van 3)" in x[1] for n, x in enumerate(listed, 1))
    assert volumes.part_number("downloads/agenda-deel-02.pdf") is None and volumes.part_number("downloads/agenda-deel-1.pdf") is None
