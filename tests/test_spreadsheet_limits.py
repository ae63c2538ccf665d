"""Class 9 of issue 24: Excel holds at most 32,767 characters in a cell, and XlsxWriter cut a longer
text without a word. Such a cell is now cut with a note at its end saying so and where the whole text
is; the first sheet and the page Open data name every cut cell; the CSV and agenda.json keep it all.
The texts come in through YAML as an editor writes them (many pillars, many partners, emoji)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from lea_site.exports import opendata

from .test_forgiving import BASE, agenda, edit

openpyxl = pytest.importorskip("openpyxl")

PILLAR = "Pijler " + "lang " * 55  # 282 characters, under the limit of 300 for a short text
NOTE = "\U0001f4da" * 20_000  # 20,000 books: allowed as a long text, 40,000 characters to Excel (UTF-16)


def _long_data() -> str:
    pillars = "    pijlers:\n" + "".join(f"      - {PILLAR}{n}\n" for n in range(130))
    text = edit("    samenvatting: Kinderen krijgen op tijd hulp.\n", "    samenvatting: Kinderen krijgen op tijd hulp.\n" + pillars)
    partners = "".join(f"  - {{id: p{n}, naam: '{'Stichting ' * 29}{n}', sector: po}}\n" for n in range(120))
    text = edit("partners:\n", "partners:\n" + partners, text)
    text = edit("          trekker: jgz\n", "          trekker: jgz\n          partners: [" + ", ".join(f"p{n}" for n in range(120)) + "]\n", text)
    return edit("tekst: Gestart.}", f"tekst: '{NOTE}'}}", text)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return opendata.files(agenda(tmp_path_factory.mktemp("lang"), _long_data()))


def _csv(content: bytes, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _excel_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cell(files, sheet: str, column: str):
    rows = list(openpyxl.load_workbook(io.BytesIO(files[opendata.XLSX]))[sheet].iter_rows(values_only=True))
    return rows[1][rows[0].index(column)]


@pytest.mark.parametrize(("sheet", "column"), [("doelen", "pijlers"), ("activiteiten", "partners"), ("voortgang", "tekst")])
def test_a_cell_over_the_limit_is_cut_and_says_so(files, sheet, column):
    value = _cell(files, sheet, column)
    note = f" … [ingekort: Excel houdt hoogstens 32.767 tekens per cel; de hele tekst staat in {sheet}.csv en agenda.json]"
    assert value.endswith(note), value[-200:]
    assert 32_000 < _excel_length(value) <= 32_767
    whole = _csv(files[f"opendata/{sheet}.csv"], sheet)[0][column]
    assert _excel_length(whole) > 32_767 and whole.startswith(value[:-len(note)])  # the CSV has all of it


def test_an_emoji_is_never_cut_in_half(files):
    value = _cell(files, "voortgang", "tekst")
    kept = value.split(" … [ingekort")[0]
    assert set(kept) == {"\U0001f4da"} and 16_000 < len(kept) < 16_384


def test_json_keeps_every_pillar_partner_and_the_whole_note(files):
    data = json.loads(files[opendata.JSON])
    goal = data["ambities"][0]
    assert len(goal["pijlers"]) == 130 and goal["pijlers"][-1] == PILLAR + "129"
    assert json.dumps(data, ensure_ascii=False).count(NOTE) == 1


def test_the_first_sheet_and_the_page_name_each_cut_cell(files, tmp_path):
    rows = list(openpyxl.load_workbook(io.BytesIO(files[opendata.XLSX]))["Over deze gegevens"].iter_rows(values_only=True))
    cut = [r[1] for r in rows if r[0] == "Ingekort"]
    assert [c.split(":")[0] for c in cut] == ["blad doelen, rij 2, kolom pijlers", "blad activiteiten, rij 2, kolom partners",
                                              "blad activiteiten, rij 2, kolom laatste_voortgang_tekst", "blad voortgang, rij 2, kolom tekst"]
    assert cut[3].startswith("blad voortgang, rij 2, kolom tekst: 40.000 tekens")
    page = opendata.page(agenda(tmp_path, _long_data()), opendata.tables(agenda(tmp_path / "b", _long_data())), [])
    assert "- blad voortgang, rij 2, kolom `tekst`: 40.000 tekens" in page and "**Ingekort in het Excel-bestand.**" in page


def test_xlsxwriter_cuts_nothing_itself(files):
    """Every string in the workbook fits; no cell was cut silently by the writer (it would end without the note)."""
    book = zipfile.ZipFile(io.BytesIO(files[opendata.XLSX]))
    strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert strings.count("[ingekort:") == 4


@pytest.mark.parametrize(("length", "cut"), [(32_767, False), (32_768, True)])
def test_the_limit_itself(length, cut):
    table = opendata.Table("doelen", "t", [("pijlers", "p")], [["x" * length]])
    assert bool(opendata.cut_cells([table])) == cut
    assert (opendata._fit("x" * length, "doelen") == "x" * length) != cut


def test_an_ordinary_agenda_is_cut_nowhere(tmp_path):
    plain = agenda(tmp_path, BASE)
    all_tables = opendata.tables(plain)
    assert opendata.cut_cells(all_tables) == []
    assert "Ingekort" not in opendata.page(plain, all_tables, [])
