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


def _table(files: dict, name: str) -> list[dict[str, str]]:
    """The rows of a CSV file; a table without rows has no file at all (never only a header)."""
    path = f"opendata/{name}.csv"
    if path not in files:
        return []
    rows = _csv(files[path])
    assert rows, f"{path} has only a header"
    return rows


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
    rows = _table(files, "activiteiten")
    assert sorted(r["titel"].lstrip("'") for r in rows) == sorted(" ".join(a.titel.split()) for a in all_actions(agenda))
    for row, action in zip(rows, [a for y in agenda.year_plans_sorted() for _, a in y.actions()] + [a for g in agenda.ambities for a in g.activiteiten]):
        b = action.begroting
        assert row["kosten"] == (str(b.kosten) if b and b.soort == "bedrag" and b.kosten is not None else "")
    measured = _table(files, "metingen")
    expected = [(i.id, m.waarde) for _, i in agenda.indicators() for m in ([i.nulmeting] if i.nulmeting else []) + list(i.metingen)]
    expected += [(i.id, m.waarde) for i in agenda.info.kerncijfers for m in ([i.nulmeting] if i.nulmeting else []) + list(i.metingen)]
    assert [(r["indicator_id"], float(r["waarde"].replace(",", "."))) for r in measured] == [(i, float(v)) for i, v in expected]
    book = openpyxl.load_workbook(io.BytesIO(files[opendata.XLSX]))
    assert ("activiteiten" in book.sheetnames) == bool(rows) and ("metingen" in book.sheetnames) == bool(measured)
    licence = [r for r in book["Over deze gegevens"].iter_rows(values_only=True) if r[0] == "Licentie"][0][1]
    assert (agenda.info.licentie or "Geen licentie") in licence
    assert opendata.files(agenda) == files  # the same bytes for the same data (files are only rewritten when changed)
    if not rows:
        return
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
    assert not measured or len(list(book["metingen"].iter_rows(min_row=2))) == len(measured)


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
    agenda = _agenda(ROOT / "data").model_copy(deep=True)  # load_site caches: never change the shared agenda
    agenda.info.licentie = None
    tables = opendata.tables(agenda)
    assert "geen licentie opgegeven" in opendata.page(agenda, tables, [])
    agenda.info.licentie = "CC BY 4.0 <script>{{ 7*7 }}"
    page = opendata.page(agenda, tables, [("x", "Doel {{ 7*7 }}")])
    assert "<script>" not in page and "{{" not in page and "CC BY 4\\.0" in page
    # every column is named as code; on a phone it may break after an underscore only (<wbr>), never mid-word
    for table in tables:
        assert all(opendata._column_name(name) in page and "<wbr>".join(name.split("_")) in page.replace("_<wbr>", "<wbr>")
                   for name, _ in table.columns)
    assert "<code>laatste_<wbr>voortgang_<wbr>tekst</code>" in page


# --- everything the site shows is in the data (issue 28) ----------------------------------------


def _demo_files():
    from .conftest import DEMO_TODAY

    agenda = _agenda(ROOT / "data")
    return agenda, opendata.files(agenda, today=DEMO_TODAY)


def _text(node) -> str:
    """A node's text as the data has it: without the explanation the site adds to a term at its first use,
    nor the column name a phone card shows in each cell."""
    for label in node.select(".lea-cell-label"):
        label.decompose()
    text = " ".join(node.get_text(" ").split())
    for abbr in node.select("abbr[title]"):
        text = text.replace(f" ({' '.join(abbr['title'].split())})", "", 1)
    return text


def test_every_verdict_on_the_demo_site_is_in_the_data(built_site):
    from bs4 import BeautifulSoup

    agenda, files = _demo_files()
    rows = {r["doel_id"]: r for r in _csv(files["opendata/doelen.csv"])}
    goals_json = {g["id"]: g for g in json.loads(files[opendata.JSON])["ambities"]}
    seen = 0
    for goal in agenda.ambities:
        page = BeautifulSoup((built_site("demo").site / "ambities" / goal.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        badge = page.select_one(".lea-course")
        row, data = rows[goal.id], goals_json[goal.id]
        if badge is None:  # nothing to judge by: the data says so too, never 'op koers'
            assert row["koers"] == "" and data["koers"] is None
            continue
        seen += 1
        state = _text(badge.select_one("strong")).lower()
        reasons = [_text(li) for li in badge.select("li")] or [_text(badge.select_one("p")).split(": ", 1)[1]]
        assert row["koers"] == data["koers"] == state
        assert row["koers_reden"].split("; ") == data["koers_reden"] == reasons
        assert (row["koers_eigen_oordeel"] == "ja") == data["koers_eigen_oordeel"] == ("oordeel van de partners" in _text(badge))
    assert seen >= 3 and {r["koers"] for r in rows.values()} >= {"op koers", "let op"}  # the demo has verdicts of both kinds


def test_every_definition_breakdown_and_comparison_on_the_demo_site_is_in_the_data(built_site):
    from bs4 import BeautifulSoup

    agenda, files = _demo_files()
    definitions = {r["indicator_id"]: r["definitie"] for r in _csv(files["opendata/indicatoren.csv"])}
    sources = {r["indicator_id"]: r["bron"] for r in _csv(files["opendata/indicatoren.csv"])}
    parts = _csv(files["opendata/uitsplitsingen.csv"])
    compared = _csv(files["opendata/vergelijkingen.csv"])
    pages = [built_site("demo").site / "ambities" / g.id / "index.html" for g in agenda.ambities]
    pages.append(built_site("demo").site / "voortgang" / "index.html")
    found = {"definitie": 0, "bron": 0, "waarvan": 0, "vergelijking": 0}
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for heading in page.select('[id^="indicator-"]'):
            ind_id = heading["id"].removeprefix("indicator-")
            facts = heading.find_next("dl")
            for dt in facts.select("dt"):
                label, value = _text(dt), _text(dt.find_next_sibling("dd"))
                if label == "Wat wordt geteld":
                    assert value == " ".join(definitions[ind_id].split()), ind_id
                    found["definitie"] += 1
                if label == "Bron":
                    assert value == " ".join(sources[ind_id].split()), ind_id
                    found["bron"] += 1
            for tr in heading.find_next("table").select("tbody tr"):
                cells = [_text(c) for c in tr.find_all(["th", "td"])]
                if ", waarvan " in cells[1]:
                    mine = [r for r in parts if r["indicator_id"] == ind_id and r["periode"] == cells[0]]
                    assert mine and all(f"{r['deel_waarde']} {r['deel']}" in cells[1] for r in mine), (ind_id, cells)
                    found["waarvan"] += 1
                if cells[2].startswith("ter vergelijking: "):
                    label = cells[2].removeprefix("ter vergelijking: ")
                    assert any(r["indicator_id"] == ind_id and r["vergelijking"] == label and r["waarde"].replace(",", ".") in
                               cells[1].replace(".", "").replace(",", ".") for r in compared), (ind_id, cells)
                    found["vergelijking"] += 1
    assert all(found.values()), found  # the demo shows each kind, so the test can fail
    assert found["vergelijking"] == len(compared)


def test_notes_funding_version_and_build_day_are_in_the_data():
    from .conftest import DEMO_TODAY

    agenda, files = _demo_files()
    notes = _csv(files["opendata/voortgang.csv"])
    expected = sorted((n.datum.isoformat(), " ".join(n.tekst.split())) for a in all_actions(agenda) for n in a.voortgang)
    assert sorted((r["datum"], r["tekst"].lstrip("'")) for r in notes) == expected and expected
    money = _csv(files["opendata/financiering.csv"])
    sources = [(i.id, f.bron, f.bedrag) for i in agenda.interventies for f in i.financiering]
    assert sources and [(r["interventie_id"], r["bron"], int(r["bedrag"]) if r["bedrag"] else None)
                        for r in money if r["niveau"] == "interventie"] == sources
    data = json.loads(files[opendata.JSON])
    from importlib.metadata import version

    assert data["versie"] == version("lea-site") and data["gemaakt_op"] == DEMO_TODAY.isoformat()


def test_schema_describes_everything_in_dutch():
    from lea_site.exports.descriptions import DESCRIPTIONS

    schema = opendata.json_schema()
    assert schema["description"].startswith("De hele Lokale Educatieve Agenda")
    missing = sorted(set(schema["$defs"]) - set(DESCRIPTIONS))
    assert not missing, f"geen Nederlandse beschrijving voor {missing} (lea_site/exports/descriptions.py)"
    assert all(part["description"] == DESCRIPTIONS[name] for name, part in schema["$defs"].items())


@pytest.mark.parametrize("written, name", [("CC0 1.0", "CC0 1.0"), ("cc0", "CC0 1.0"), ("CC-BY-4.0", "CC BY 4.0"), ("CC BY 4.0", "CC BY 4.0")])
def test_a_licence_is_one_the_site_can_name_in_dcat(written, name):
    from lea_site.model import LICENCES, AgendaInfo

    base = {"titel": "T", "regio": {"naam": "R", "gemeenten": ["R"]}, "periode": {"van": 2021, "tot": 2024},
            "vaststelling": {"status": "concept"}}
    info = AgendaInfo.model_validate({**base, "licentie": written})
    assert info.licentie == name and LICENCES[name].startswith("http://creativecommons.org/")


def test_an_unknown_licence_is_an_error_that_names_both_choices(tmp_path):
    (tmp_path / "agenda.yml").write_text(
        "agenda:\n  titel: T\n  regio: {naam: R, gemeenten: [R]}\n  periode: {van: 2021, tot: 2024}\n"
        "  vaststelling: {status: concept}\n  licentie: alle rechten voorbehouden\n", encoding="utf-8")
    from lea_site.load import load

    [problem] = load(tmp_path).errors
    assert problem.line == 6 and "licentie" in problem.path and "CC0 1.0" in problem.message and "CC BY 4.0" in problem.message
