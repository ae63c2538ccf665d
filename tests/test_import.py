"""lea import: the exported activities table, changed in a spreadsheet, back into the YAML (issue 28)."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from lea_site.cli import main as lea
from lea_site.exports import opendata
from lea_site.load import load

from .conftest import DEMO_TODAY, ROOT


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


def test_a_changed_status_amount_and_note_go_into_the_yaml_and_nothing_else_changes(tmp_path, capsys):
    data = _copy(tmp_path)
    before = _files(data)
    book = _export(data, tmp_path)
    _edit(book, {
        ("2026-2027", "overdracht-laatste-koppels"): {"status": "lopend"},
        ("2026-2027", "arrangement-so"): {"besteed": 9100, "besteed_op": datetime(2026, 12, 1)},
        ("2026-2027", "jeugdteam-vo"): {"laatste_voortgang": datetime(2026, 12, 2),
                                    "laatste_voortgang_tekst": 'Extra groep gestart: "De Wilg", 12 peuters # plaats vol'},
    })
    assert lea(["import", str(book), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 0
    after = _files(data)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"jaarplannen/2026-2027.yml"}
    old, new = before["jaarplannen/2026-2027.yml"].splitlines(), after["jaarplannen/2026-2027.yml"].splitlines()
    import difflib

    diff = [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    # every other byte of every file is as it was: only these lines differ
    removed = [l for l in diff if l.startswith("-")]
    added = [l for l in diff if l.startswith("+")]
    assert len(removed) == 2 and len(added) == 3, diff
    agenda = load(data, DEMO_TODAY).agenda
    plan = agenda.year_plan("2026-2027")
    actions = {a.id: a for _, a in plan.actions()}
    assert actions["overdracht-laatste-koppels"].status == "lopend"
    assert (actions["arrangement-so"].begroting.besteed, actions["arrangement-so"].begroting.besteed_op) == (9100, date(2026, 12, 1))
    note = actions["jeugdteam-vo"].last_note()
    assert (note.datum, note.tekst) == (date(2026, 12, 2), 'Extra groep gestart: "De Wilg", 12 peuters # plaats vol')
    report = capsys.readouterr()
    assert "lopend" in report.out and "lea import: 3 actie(s) bijgewerkt" in report.err
    # exporting again gives a table without differences: importing it changes nothing
    again = _export(data, tmp_path)
    assert lea(["import", str(again), "--data", str(data), "--today", DEMO_TODAY.isoformat()]) == 0
    assert _files(data) == after


@pytest.mark.parametrize("column, value, expected", [
    ("actie_id", "bestaat-niet", "kolom actie_id: er is geen actie 'bestaat-niet'"),
    ("titel", "Een andere titel", "kolom titel: de titel is 'Een andere titel'"),
    ("status", "half klaar", "kolom status: 'half klaar' is geen status"),
    ("besteed", "12,50", "kolom besteed: '12,50' is geen bedrag in hele euro's"),
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
