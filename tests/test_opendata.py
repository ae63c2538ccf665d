"""Open data (lea_site.exports.opendata): agenda.json against its schema, CSV and xlsx read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import lea_site
from lea_site.exports import opendata
from lea_site.render.paths import all_actions
from lea_site.site import Site, load_site

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = [ROOT / "data", *sorted((ROOT / "tests" / "fixtures").iterdir())]


def _agenda(folder: Path):
    site = load_site(folder / "data" if (folder / "data").is_dir() else folder)
    assert isinstance(site, Site)
    return site.agenda


def _csv(content: bytes) -> list[dict[str, str]]:
    assert content.startswith("\ufeff".encode())  # the BOM: a Dutch Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("folder", AGENDAS, ids=lambda p: p.name)
def test_every_activity_measurement_and_amount(folder):
    jsonschema = pytest.importorskip("jsonschema")
    openpyxl = pytest.importorskip("openpyxl")
    agenda = _agenda(folder)
    files = opendata.files(agenda)
    data = json.loads(files[opendata.JSON])
    jsonschema.validate(data, json.loads(files[opendata.SCHEMA]))
    assert data["formaatversie"] == opendata.FORMAT_VERSION and data["licentie"] == agenda.info.licentie
    assert data["versie"] == lea_site.__version__  # the lea-site that made the file (issue 30)
    rows = _csv(files["opendata/activiteiten.csv"])
    assert sorted(r["titel"].lstrip("'") for r in rows) == sorted(" ".join(a.titel.split()) for a in all_actions(agenda))
    for row, action in zip(rows, [a for y in agenda.year_plans_sorted() for _, a in y.actions()] + [a for g in agenda.ambities for a in g.activiteiten]):
        b = action.begroting
        assert row["kosten"] == (str(b.kosten) if b and b.soort == "bedrag" and b.kosten is not None else "")
    measured = _csv(files["opendata/metingen.csv"])
    expected = [(i.id, m.waarde) for _, i in agenda.indicators() for m in ([i.nulmeting] if i.nulmeting else []) + list(i.metingen)]
    expected += [(i.id, m.waarde) for i in agenda.info.kerncijfers for m in ([i.nulmeting] if i.nulmeting else []) + list(i.metingen)]
    assert [(r["indicator_id"], float(r["waarde"].replace(",", "."))) for r in measured] == [(i, float(v)) for i, v in expected]
    book = openpyxl.load_workbook(io.BytesIO(files[opendata.XLSX]))
    sheet = book["activiteiten"]
    header = [c.value for c in sheet[1]]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == len(rows)
    for got, row in zip(values, rows):
        kosten = got[header.index("kosten")]
        assert (str(kosten) if kosten is not None else "") == row["kosten"]
        assert kosten is None or isinstance(kosten, int)  # a number, not text
    money = [row[header.index("kosten")] for row in sheet.iter_rows(min_row=2) if row[header.index("kosten")].value is not None]
    assert all("€" in c.number_format for c in money)  # shown as euros in Excel
    assert sheet.freeze_panes == "A2" and all(c.font.b for c in sheet[1])  # the header row stays, in bold
    assert all(isinstance(r[header.index("planning_begin")], (type(None), __import__("datetime").date)) for r in values)
    assert len(list(book["metingen"].iter_rows(min_row=2))) == len(measured)
    licence = [r for r in book["Over deze gegevens"].iter_rows(values_only=True) if r[0] == "Licentie"][0][1]
    assert (agenda.info.licentie or "Geen licentie") in licence
    assert opendata.files(agenda) == files  # the same bytes for the same data (files are only rewritten when changed)


def test_formulas_never_run_and_dates_are_dates():
    openpyxl = pytest.importorskip("openpyxl")
    agenda = _agenda(ROOT / "data")
    action = agenda.jaarplannen[0].ambities[0].acties[0]
    action.titel = "=HYPERLINK(\"https://kwaad.example\";\"klik\")"
    agenda.partners[0].naam = "@SUM(1+1)"
    files = opendata.files(agenda)
    rows = _csv(files["opendata/activiteiten.csv"])
    assert any(r["titel"] == "'" + action.titel for r in rows)
    assert _csv(files["opendata/partners.csv"])[0]["naam"] == "'@SUM(1+1)"
    book = openpyxl.load_workbook(io.BytesIO(files[opendata.XLSX]))
    cells = [c for row in book["activiteiten"].iter_rows() for c in row if c.value == action.titel]
    assert cells and all(c.data_type == "s" for c in cells)
    raw = files[opendata.XLSX]
    import zipfile
    sheet_xml = b"".join(zipfile.ZipFile(io.BytesIO(raw)).read(n) for n in zipfile.ZipFile(io.BytesIO(raw)).namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheet_xml
    header = [c.value for c in book["activiteiten"][1]]
    dates = [r[header.index("laatste_voortgang")] for r in book["activiteiten"].iter_rows(min_row=2, values_only=True) if r[header.index("laatste_voortgang")]]
    assert dates and all(hasattr(d, "year") and not isinstance(d, str) for d in dates)


def test_page_names_the_licence_or_says_there_is_none():
    agenda = _agenda(ROOT / "data")
    agenda.info.licentie = None
    tables = opendata.tables(agenda)
    assert "geen licentie opgegeven" in opendata.page(agenda, tables, [])
    agenda.info.licentie = "CC BY 4.0 <script>{{ 7*7 }}"
    page = opendata.page(agenda, tables, [("x", "Doel {{ 7*7 }}")])
    assert "<script>" not in page and "{{" not in page and "CC BY 4\\.0" in page
    for table in tables:
        assert all(f"`{name}`" in page for name, _ in table.columns)
