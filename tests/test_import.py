"""lea import: the exported activities table, changed in a spreadsheet, back into the YAML (issue 28)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import yaml

from lea_site import yamledit

from lea_site.cli import main as lea
from lea_site.exports import opendata
from lea_site.load import load

from .conftest import DEMO_TODAY, FIXTURE_TODAY, ROOT


def _export(data: Path, tmp_path: Path) -> Path:
    agenda = load(data, DEMO_TODAY).agenda
    path = tmp_path / "lea-open-data.xlsx"
    path.write_bytes(opendata.files(agenda, today=DEMO_TODAY)[opendata.XLSX])
    return path


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _edit(book_path: Path, changes: dict[tuple[str, str], dict[str, object]]) -> dict[tuple[str, str], int]:
    """Change cells as someone does in Excel; the row number of each changed action."""
    book = openpyxl.load_workbook(book_path)
    sheet = book["activiteiten"]
    header = [c.value for c in sheet[1]]
    rows = {}
    for row in sheet.iter_rows(min_row=2):
        key = (row[header.index("schooljaar")].value, row[header.index("actie_id")].value)
        for column, value in changes.get(key, {}).items():
            row[header.index(column)].value = value
            rows[key] = row[0].row
    book.save(book_path)
    return rows


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yml"))}


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


NOTE = 'Extra groep gestart: "De Wilg", 12 peuters # plaats vol'


def _expected(before: dict[str, bytes]) -> dict[str, bytes]:
    """The data folder as it must be after the import below: the original bytes with exactly these edits."""
    plan = before["jaarplannen/2026-2027.yml"].decode("utf-8")
    plan = _replaced(plan, "          planning: maart 2027\n          begroting: {kosten: 5000}\n          status: gepland\n",
                     "          planning: maart 2027\n          begroting: {kosten: 5000}\n          status: lopend\n")
    plan = _replaced(plan, "dekking_door: OAB-middelen, besteed: 6400, besteed_op: 2026-11-01}",
                     "dekking_door: OAB-middelen, besteed: 7300, besteed_op: 2026-12-01}")
    plan = _replaced(plan, "            - {datum: 2026-11-10, tekst: Drie kinderen hebben sinds september weer een plek.}\n",
                     "            - {datum: 2026-11-10, tekst: Drie kinderen hebben sinds september weer een plek.}\n"
                     f"            - {{datum: 2026-11-21, tekst: {json.dumps(NOTE)}}}\n")
    # overdracht-afspraken has no notes yet and ends with a block list (evaluatie): the new key goes under that
    # list, inside this action (PyYAML ends the list at the next action's '- id:')
    old = before["jaarplannen/2025-2026.yml"].decode("utf-8")
    old = _replaced(old, "uitkomst: De overdracht is bij 68% van de peuters warm verlopen.}\n",
                    "uitkomst: De overdracht is bij 68% van de peuters warm verlopen.}\n"
                    "          voortgang:\n            - {datum: 2026-11-20, tekst: \"Twee koppels sluiten alsnog aan.\"}\n")
    return {**before, "jaarplannen/2026-2027.yml": plan.encode("utf-8"), "jaarplannen/2025-2026.yml": old.encode("utf-8")}


CHANGES = {
    ("2026-2027", "bedrijvendag"): {"status": "lopend"},
    ("2026-2027", "vve-toeleiding"): {"besteed": 7300, "besteed_op": datetime(2026, 12, 1)},
    ("2026-2027", "thuiszitterstafel"): {"laatste_voortgang": datetime(2026, 11, 21), "laatste_voortgang_tekst": NOTE},
    ("2025-2026", "overdracht-afspraken"): {"laatste_voortgang": datetime(2026, 11, 20),
                                            "laatste_voortgang_tekst": "Twee koppels sluiten alsnog aan."},
}


def test_a_changed_status_amount_and_note_go_into_the_yaml_and_nothing_else_changes(tmp_path, capsys):
    data = _copy(tmp_path)
    before = _bytes(data)
    book = _export(data, tmp_path)
    _edit(book, CHANGES)
    assert lea(["import", str(book), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 0
    # byte for byte: every file of data/ is the original with exactly the edits above (comments, order,
    # quoting and layout of everything else as they were)
    assert _bytes(data) == _expected(before)
    agenda = load(data, DEMO_TODAY).agenda
    actions = {a.id: a for _, a in agenda.year_plan("2026-2027").actions()}
    assert actions["bedrijvendag"].status == "lopend"
    assert (actions["vve-toeleiding"].begroting.besteed, actions["vve-toeleiding"].begroting.besteed_op) == (7300, date(2026, 12, 1))
    note = actions["thuiszitterstafel"].last_note()
    assert (note.datum, note.tekst) == (date(2026, 11, 21), NOTE)
    earlier = {a.id: a for _, a in agenda.year_plan("2025-2026").actions()}
    assert earlier["overdracht-afspraken"].last_note().tekst == "Twee koppels sluiten alsnog aan."
    assert earlier["ouders-thuis"].voortgang == load(ROOT / "data", DEMO_TODAY).agenda.year_plan("2025-2026").actions()[2][1].voortgang
    report = capsys.readouterr()
    # what changed, as lea diff names it
    assert "status **gepland → lopend**" in report.out and "€ 6.400 → € 7.300" in report.out
    assert "voortgang 21 november 2026" in report.out and "lea import: 4 actie(s) bijgewerkt in 2 bestand(en)" in report.err
    # exporting again gives a table without differences: importing it changes nothing
    after = _bytes(data)
    again = _export(data, tmp_path)
    assert lea(["import", str(again), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 0
    assert _bytes(data) == after


def test_a_file_saved_on_windows_keeps_its_line_endings_and_bom(tmp_path):
    """A YAML file with \\r\\n line endings (and a BOM) gets its edits in that style: no other line changes."""
    data = _copy(tmp_path)
    windows = ("jaarplannen/2026-2027.yml", "jaarplannen/2025-2026.yml")
    for name in windows:
        path = data / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    before = _bytes(data)
    book = _export(data, tmp_path)
    _edit(book, CHANGES)
    assert lea(["import", str(book), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 0
    lf = {name: content.replace(b"\r\n", b"\n") for name, content in before.items()}
    expected = {name: content.replace(b"\n", b"\r\n") if name in windows else content for name, content in _expected(lf).items()}
    assert _bytes(data) == expected


def test_an_activity_of_the_whole_term_is_found_by_its_goal(tmp_path):
    """Havenstad has no year plans: its activities are found by doel_id and actie_id."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "havenstad", data)
    before = _bytes(data)
    agenda = load(data, FIXTURE_TODAY).agenda
    book = tmp_path / "havenstad.xlsx"
    book.write_bytes(opendata.files(agenda, today=FIXTURE_TODAY)[opendata.XLSX])
    wb = openpyxl.load_workbook(book)
    sheet = wb["activiteiten"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("actie_id")].value == "overdracht":
            assert row[header.index("soort")].value == "looptijd" and row[header.index("schooljaar")].value is None
            row[header.index("status")].value = "vertraagd"
    wb.save(book)
    assert lea(["import", str(book), "--data", str(data), "--today", FIXTURE_TODAY.isoformat()]) == 0
    after = _bytes(data)
    assert [name for name in before if before[name] != after[name]] == ["ambities.yml"]
    text = before["ambities.yml"].decode("utf-8")
    at = text.index("      - id: overdracht\n")
    expected = text[:at] + _replaced(text[at:at + 400], "        status: lopend\n", "        status: vertraagd\n") + text[at + 400:]
    assert after["ambities.yml"].decode("utf-8") == expected


def test_new_keys_land_inside_their_own_mapping():
    """A block list or a block text as an action's last value: a new key goes after it, never into the next action."""
    source = ("acties:\n  - id: a\n    evaluatie:\n      - moment: Q4 2026\n        soort: eindevaluatie\n    # opmerking\n"
              "  - id: b\n    tekst: |\n      twee\n      regels\n\n  - id: c\n    lijst:\n    - x\n")
    root = yamledit.compose(source)
    results = {}
    for line, name in ((2, "a"), (7, "b"), (12, "c")):
        node = yamledit.find_mapping(root, line, "id", name)
        new = yamledit.apply(source, [yamledit.add_key(source, node, "status", "lopend")])
        actions = yaml.safe_load(new)["acties"]
        assert [a.get("status") for a in actions] == [("lopend" if a["id"] == name else None) for a in actions], new
        assert {k: v for k, v in actions[ord(name) - 97].items() if k != "status"} == yaml.safe_load(source)["acties"][ord(name) - 97]
        results[name] = new
    assert "        soort: eindevaluatie\n    status: lopend\n    # opmerking\n" in results["a"]
    assert "      regels\n    status: lopend\n\n  - id: c" in results["b"]
    node = yamledit.find_mapping(root, 2, "id", "a")
    new = yamledit.apply(source, [yamledit.add_item(source, yamledit.value_of(node, "evaluatie"), "{moment: Q2 2027}")])
    assert yaml.safe_load(new)["acties"][0]["evaluatie"][-1] == {"moment": "Q2 2027"}
    assert yaml.safe_load(new)["acties"][1] == yaml.safe_load(source)["acties"][1]


@pytest.mark.parametrize("column, value, expected", [
    ("actie_id", "bestaat-niet", "kolom actie_id: er is geen actie 'bestaat-niet'"),
    ("titel", "Een andere titel", "kolom titel: de titel is 'Een andere titel'"),
    ("status", "half klaar", "kolom status: 'half klaar' is geen status"),
    ("besteed", "12,50", "kolom besteed: '12,50' is geen bedrag in hele euro's"),
    ("besteed_op", "morgen", "kolom besteed_op: 'morgen' is geen datum"),
    ("status", None, "kolom status: de status is leeg gemaakt, maar actie 'arrangement-so' meldde 'vertraagd'"),
    ("laatste_voortgang", None, "kolom laatste_voortgang: een nieuwe voortgangsnotitie heeft een datum"),
    ("laatste_voortgang_tekst", "Andere tekst", "kolom laatste_voortgang: de tekst is anders, maar de datum is die van de laatste notitie"),
])
def test_a_bad_row_changes_nothing_and_names_row_and_column(tmp_path, capsys, column, value, expected):
    data = _copy(tmp_path)
    before = _files(data)
    book = _export(data, tmp_path)
    rows = _edit(book, {("2026-2027", "arrangement-so"): {column: value}, ("2026-2027", "overdracht-laatste-koppels"): {"status": "afgerond"}})
    row = rows[("2026-2027", "arrangement-so")]
    assert lea(["import", str(book), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"rij {row}, {expected}" in err and "er is niets gewijzigd" in err
    assert _files(data) == before


def test_the_csv_export_imports_too(tmp_path):
    data = _copy(tmp_path)
    agenda = load(data, DEMO_TODAY).agenda
    content = opendata.files(agenda, today=DEMO_TODAY)["opendata/activiteiten.csv"].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("actie_id")] == "overdracht-laatste-koppels" and row[header.index("schooljaar")] == "2026-2027":
            row[header.index("status")] = "Afgerond"  # any case, as the data accepts it
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path = tmp_path / "activiteiten.csv"
    path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    assert lea(["import", str(path), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 0
    plan = load(data, DEMO_TODAY).agenda.year_plan("2026-2027")
    assert {a.id: a.status for _, a in plan.actions()}["overdracht-laatste-koppels"] == "afgerond"


def test_every_bad_row_is_named_in_one_run_and_a_dutch_amount_is_read(tmp_path, capsys):
    data = _copy(tmp_path)
    before = _bytes(data)
    book = _export(data, tmp_path)
    rows = _edit(book, {("2026-2027", "bedrijvendag"): {"besteed": -5, "besteed_op": datetime(2026, 11, 1)},
                        ("2026-2027", "huisbezoeken"): {"laatste_voortgang": datetime(2026, 1, 1), "laatste_voortgang_tekst": "Oud"},
                        ("2026-2027", "vve-toeleiding"): {"besteed": "€ 7.300,00", "besteed_op": "1-11-2026"}})
    assert lea(["import", str(book), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert f"rij {rows[('2026-2027', 'bedrijvendag')]}, kolom besteed: -5 is geen bedrag" in err
    assert f"rij {rows[('2026-2027', 'huisbezoeken')]}, kolom laatste_voortgang: de nieuwe notitie is van 2026-01-01" in err
    assert "vve-toeleiding" not in err and "2 problemen; er is niets gewijzigd" in err
    assert _bytes(data) == before
    # without the two bad rows the Dutch amount and date are read: € 7.300,00 on 1-11-2026
    _edit(book, {("2026-2027", "bedrijvendag"): {"besteed": None, "besteed_op": None},
                 ("2026-2027", "huisbezoeken"): {"laatste_voortgang": datetime(2026, 11, 5)}})
    wb = openpyxl.load_workbook(book)
    header = [c.value for c in wb["activiteiten"][1]]
    last = next(r for r in wb["activiteiten"].iter_rows(min_row=2) if r[header.index("actie_id")].value == "huisbezoeken"
                and r[header.index("schooljaar")].value == "2026-2027")
    text = load(data, DEMO_TODAY).agenda.year_plan("2026-2027")
    last[header.index("laatste_voortgang_tekst")].value = {a.id: a for _, a in text.actions()}["huisbezoeken"].last_note().tekst
    wb.save(book)
    assert lea(["import", str(book), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 0
    action = {a.id: a for _, a in load(data, DEMO_TODAY).agenda.year_plan("2026-2027").actions()}["vve-toeleiding"]
    assert (action.begroting.besteed, action.begroting.besteed_op) == (7300, date(2026, 11, 1))
