"""``lea import FILE.xlsx|csv``: the activities table as the site exports it, back into the YAML.

The steering group keeps status and spending in the spreadsheet the site publishes
(``lea-open-data.xlsx``, sheet ``activiteiten``, or ``activiteiten.csv``). This reads that table
and writes into the YAML what changed in four things only:

* ``status``;
* ``besteed`` and ``besteed_op`` (spent so far, and the day that was reported);
* a new progress note: ``laatste_voortgang`` (its date) and ``laatste_voortgang_tekst`` (its text),
  changed from the last note the export shows; it gets the new status too when that changed.

Rows are found by ``schooljaar`` and ``actie_id`` (a year plan's action) or ``doel_id`` and
``actie_id`` (an activity of the whole term); the ``titel`` must still be the action's, so a
sorted or pasted-over sheet cannot change the wrong action. Any problem (an unknown action, a changed
title, a status that does not exist, an amount that is not whole euros, a note without a date) is
named with its row and column, all of them in one run, and then nothing is written. Otherwise the
edits are made in place (:mod:`lea_site.yamledit`: comments, order and layout of everything else
stay as they are), the result is loaded and checked as ``lea check`` does before any file is
replaced, and what changed is printed as ``lea diff`` prints it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .verdicts import written_status
from .model import STATUSES, Action, Agenda
from .yamledit import Edit, add_item, add_key, apply, compose, find_mapping, newline_of, replace, scalar, value_of

SHEET = "activiteiten"
KEY_COLUMNS = ("schooljaar", "soort", "doel_id", "actie_id", "titel")
COLUMNS = (*KEY_COLUMNS, "status", "besteed", "besteed_op", "laatste_voortgang", "laatste_voortgang_tekst")
MAX_ROWS = 100_000  # a bound on the work for any file


class TableError(Exception):
    """The file cannot be read as the activities table."""


@dataclass
class Row:
    number: int  # as a spreadsheet numbers it: the header is row 1
    values: dict[str, Any]


@dataclass
class Change:
    file: str
    action: Action
    raw_line: int
    status: str | None = None
    spent: tuple[int, date] | None = None
    note: tuple[date, str] | None = None


# --- reading the table ----------------------------------------------------------------


def read_rows(path: Path) -> list[Row]:
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path)
    if path.suffix.lower() == ".csv":
        return _csv_rows(path)
    raise TableError(f"{path.name}: lea import leest een .xlsx- of .csv-bestand zoals de site ze publiceert")


def _header(cells: list[Any], shown: str) -> list[str]:
    names = [str(c).strip() if c is not None else "" for c in cells]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise TableError(f"{shown}: rij 1: de kolom(men) {', '.join(missing)} ontbreken; gebruik de tabel activiteiten "
                           "zoals de site haar publiceert (lea-open-data.xlsx of activiteiten.csv)")
    return names


def _xlsx_rows(path: Path) -> list[Row]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # a damaged or non-Excel file: openpyxl raises many kinds
        raise TableError(f"{path.name}: kan het Excel-bestand niet lezen ({type(err).__name__})") from None
    if SHEET not in book.sheetnames:
        raise TableError(f"{path.name}: er is geen blad '{SHEET}'; gebruik het Excel-bestand van de pagina Open data")
    rows = book[SHEET].iter_rows(values_only=True)
    names = _header(list(next(rows, [])), f"{path.name}, blad {SHEET}")
    out = []
    for number, cells in enumerate(rows, start=2):
        if number > MAX_ROWS:
            raise TableError(f"{path.name}: meer dan {MAX_ROWS} rijen")
        if any(c not in (None, "") for c in cells):
            out.append(Row(number, dict(zip(names, cells))))
    book.close()
    return out


def _csv_rows(path: Path) -> list[Row]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(f"{path.name}: het bestand is geen UTF-8; sla het op als 'CSV UTF-8'") from None
    reader = csv.reader(io.StringIO(text), delimiter=";")
    names = _header(next(reader, []), path.name)
    out = []
    for number, cells in enumerate(reader, start=2):
        if number > MAX_ROWS:
            raise TableError(f"{path.name}: meer dan {MAX_ROWS} rijen")
        # A text the export wrote with a ' before =, +, - or @ (so no spreadsheet runs it) is that text again.
        values = [c[1:] if c[:1] == "'" and c[1:2] in ("=", "+", "-", "@", "\t", "\r") else c for c in cells]
        if any(v.strip() for v in values):
            out.append(Row(number, dict(zip(names, (v if v.strip() else None for v in values)))))
    return out


# --- values -------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return date.fromisoformat(text)
    match = re.fullmatch(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})", text)
    if match:
        return date(int(match[3]), int(match[2]), int(match[1]))
    raise ValueError(f"'{text[:40]}' is geen datum; schrijf 2026-12-01")


def _euros(value: Any) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and value >= 0:
            return int(value)
        raise ValueError(f"{value} is geen bedrag in hele euro's")
    text = str(value).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    text = re.sub(r",(00?|-)$", "", text)  # '€ 7.300,00' or '7.300,-', as a Dutch spreadsheet shows euros
    if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+|[0-9]+", text):
        return int(text.replace(".", ""))
    raise ValueError(f"'{str(value)[:40]}' is geen bedrag in hele euro's; schrijf bijvoorbeeld 7400")


# --- from rows to changes -------------------------------------------------------------------


def _raw_actions(result) -> dict[tuple[str, str, str], Any]:
    """(soort, schooljaar or doel id, action id) -> the raw mapping of that action (with file and line)."""
    out: dict[tuple[str, str, str], Any] = {}
    for plan in result.raw.get("jaarplannen") or []:
        for amb in (plan.get("ambities") or []) if isinstance(plan, dict) else []:
            for act in (amb.get("acties") or []) if isinstance(amb, dict) else []:
                if isinstance(act, dict):
                    out[("jaarplan", str(plan.get("schooljaar")), str(act.get("id")))] = act
    for goal in result.raw.get("ambities") or []:
        for act in (goal.get("activiteiten") or []) if isinstance(goal, dict) else []:
            if isinstance(act, dict):
                out[("looptijd", str(goal.get("id")), str(act.get("id")))] = act
    return out


def _actions(agenda: Agenda) -> dict[tuple[str, str, str], Action]:
    out = {("jaarplan", plan.schooljaar, a.id): a for plan in agenda.jaarplannen for _, a in plan.actions()}
    out.update({("looptijd", goal.id, a.id): a for goal in agenda.ambities for a in goal.activiteiten})
    return out


def changes(rows: list[Row], agenda: Agenda, result, shown: str) -> tuple[list[Change], list[str]]:
    actions, raws = _actions(agenda), _raw_actions(result)
    out: list[Change] = []
    problems: list[str] = []
    seen: dict[tuple, int] = {}

    def problem(row: Row, column: str, message: str) -> None:
        problems.append(f"{shown}: rij {row.number}, kolom {column}: {message}")

    for row in rows:
        v = {name: _text(row.values.get(name)) for name in ("soort", "schooljaar", "doel_id", "actie_id", "titel", "status",
                                                              "laatste_voortgang_tekst")}
        kind = v["soort"] or ("jaarplan" if v["schooljaar"] else "looptijd")
        key = (kind, v["schooljaar"] if kind == "jaarplan" else v["doel_id"], v["actie_id"])
        action = actions.get(key)
        if kind not in ("jaarplan", "looptijd"):
            problem(row, "soort", f"'{v['soort']}' is geen soort; de export schrijft jaarplan of looptijd")
            continue
        if action is None or key not in raws:
            where = f"schooljaar {key[1]}" if kind == "jaarplan" else f"doel {key[1]}"
            problem(row, "actie_id", f"er is geen actie '{v['actie_id']}' in {where}; een nieuwe actie voegt u toe in de YAML")
            continue
        if key in seen:
            problem(row, "actie_id", f"deze actie staat ook al in rij {seen[key]}")
            continue
        seen[key] = row.number
        if v["titel"] != " ".join(action.titel.split()):
            problem(row, "titel", f"de titel is '{v['titel']}', maar actie '{action.id}' heet '{action.titel}'; "
                                  "een titel wijzigt u in de YAML (staat de rij op de goede plaats?)")
            continue
        raw = raws[key]
        change = Change(raw.file, action, raw.line)
        status = (v["status"] or "").lower() or None  # empty: not reported, as exported
        if status != written_status(action):  # the status the export showed (its own, else its latest note's)
            if status is None:
                problem(row, "status", f"de status is leeg gemaakt, maar actie '{action.id}' meldde '{written_status(action)}'; "
                                       "een status haalt u weg in de YAML")
            elif status not in STATUSES:
                problem(row, "status", f"'{v['status']}' is geen status; kies {', '.join(STATUSES)}")
            else:
                change.status = status
        _spent(row, action, change, problem)
        _note(row, v["laatste_voortgang_tekst"], action, change, problem)
        if change.status or change.spent or change.note:
            out.append(change)
    return out, problems


def _spent(row: Row, action: Action, change: Change, problem) -> None:
    b = action.begroting
    amount, day = row.values.get("besteed"), row.values.get("besteed_op")
    try:
        spent = _euros(amount) if _text(amount) is not None else None
    except ValueError as err:
        return problem(row, "besteed", str(err))
    try:
        when = _day(day) if _text(day) is not None else None
    except ValueError as err:
        return problem(row, "besteed_op", str(err))
    old = (b.besteed, b.besteed_op) if b else (None, None)
    if (spent, when) == old:
        return None
    if spent is None:
        return problem(row, "besteed", "een gemeld bedrag leegmaken kan niet met lea import; doe dat in de YAML")
    if when is None:
        return problem(row, "besteed_op", "noem de datum waarop het bestede bedrag is gemeld (2026-12-01)")
    if b is None or b.soort != "bedrag":
        return problem(row, "besteed", f"actie '{action.id}' heeft geen begroting met een bedrag; zet eerst de begroting in de YAML")
    change.spent = (spent, when)
    return None


def _note(row: Row, text: str | None, action: Action, change: Change, problem) -> None:
    last = action.last_note()
    day_value = row.values.get("laatste_voortgang")
    try:
        day = _day(day_value) if _text(day_value) is not None else None
    except ValueError as err:
        return problem(row, "laatste_voortgang", str(err))
    if (day, text) == ((last.datum, " ".join(last.tekst.split())) if last else (None, None)):
        return None
    if not text:
        return problem(row, "laatste_voortgang_tekst", "een nieuwe voortgangsnotitie heeft een tekst")
    if day is None:
        return problem(row, "laatste_voortgang", "een nieuwe voortgangsnotitie heeft een datum (2026-12-01)")
    if last is not None and day == last.datum:
        return problem(row, "laatste_voortgang", f"de tekst is anders, maar de datum is die van de laatste notitie ({day.isoformat()}); "
                                                 "een nieuwe notitie krijgt de datum van vandaag, een bestaande wijzigt u in de YAML")
    if last is not None and day < last.datum:
        return problem(row, "laatste_voortgang", f"de nieuwe notitie is van {day.isoformat()}, niet later dan de laatste "
                                                 f"({last.datum.isoformat()}); geef haar de datum van vandaag, of wijzig een "
                                                 "bestaande notitie in de YAML")
    change.note = (day, text)
    return None


# --- into the YAML ------------------------------------------------------------------------


def edits(source: str, change: Change) -> list[Edit]:
    node = find_mapping(compose(source), change.raw_line, "id", change.action.id)
    if node is None:  # pragma: no cover - the file changed between loading and editing
        raise TableError(f"{change.file}:{change.raw_line}: actie '{change.action.id}' niet gevonden")
    out: list[Edit] = []
    if change.status:
        current = value_of(node, "status")
        out.append(replace(current, change.status) if current is not None else add_key(source, node, "status", change.status))
    if change.spent:
        budget = value_of(node, "begroting")
        for key, value in (("besteed", scalar(change.spent[0])), ("besteed_op", scalar(change.spent[1].isoformat()))):
            current = value_of(budget, key)
            out.append(replace(current, value) if current is not None else add_key(source, budget, key, value))
    if change.note:
        day, text = change.note
        # The text always in double quotes: a note may hold ': ', '#' or quotes and must stay one text.
        item = "{" + f"datum: {day.isoformat()}, tekst: {json.dumps(text, ensure_ascii=False)}" + \
               (f", status: {change.status}" if change.status else "") + "}"
        notes = value_of(node, "voortgang")
        if notes is None or getattr(notes, "value", None) in (None, "", "null", "~"):
            if node.flow_style:
                out.append(add_key(source, node, "voortgang", f"[{item}]"))
            elif notes is not None:  # 'voortgang:' with nothing after it
                out.append(replace(notes, f"{newline_of(source)}{' ' * (node.value[0][0].start_mark.column + 2)}- {item}"))
            else:
                out.append(add_key(source, node, "voortgang", "", [f"- {item}"]))
        else:
            out.append(add_item(source, notes, item))
    return out


def _read(path: Path) -> str:
    # newline="": a file saved on Windows keeps its \r\n (and a BOM stays the first character), so that
    # only the edited values differ, byte for byte.
    with open(path, encoding="utf-8", newline="") as stream:
        return stream.read()


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)


def run(table: Path, data: Path, today: date | None = None, out=None, err=None) -> int:
    """Import ``table`` into the YAML in ``data``; 0 when done (or nothing to do), 1 on problems (nothing written)."""
    out, err = out or sys.stdout, err or sys.stderr
    from .diff import diff_markdown, new_warnings
    from .load import load

    before = load(data, today)
    if before.agenda is None:
        print("De agenda bevat fouten; los die eerst op (lea check), dan kan lea import verder.", file=err)
        for problem in before.errors:
            print(f"  {problem}", file=err)
        return 1
    try:
        rows = read_rows(table)
    except TableError as error:
        print(f"lea import: {error}", file=err)
        return 1
    except OSError as error:
        print(f"lea import: {table}: {error.strerror or error}", file=err)
        return 1
    found, problems = changes(rows, before.agenda, before, table.name)
    if problems:
        for problem in problems:
            print(problem, file=err)
        print(f"lea import: {len(problems)} {'probleem' if len(problems) == 1 else 'problemen'}; er is niets gewijzigd.", file=err)
        return 1
    if not found:
        print(f"lea import: {table.name} wijkt niet af van de agenda; er is niets gewijzigd.", file=err)
        return 0
    texts: dict[Path, str] = {}
    for change in found:
        path = Path(change.file)
        if path not in texts:
            texts[path] = _read(path)
    by_file: dict[Path, list[Edit]] = {}
    for change in found:
        path = Path(change.file)
        by_file.setdefault(path, []).extend(edits(texts[path], change))
    new_texts = {path: apply(texts[path], file_edits) for path, file_edits in by_file.items()}
    # Check the result as lea check does, in a copy, before any file of the user is replaced.
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data, copy)
        for path, text in new_texts.items():
            _write(copy / path.resolve().relative_to(data.resolve()), text)
        after = load(copy, today, name=str(data))
    if after.agenda is None:
        for problem in after.errors:
            print(str(problem), file=err)
        print("lea import: met deze wijzigingen klopt de agenda niet meer; er is niets gewijzigd.", file=err)
        return 1
    for path, text in new_texts.items():
        tmp_path = path.with_name(path.name + ".lea-import")
        _write(tmp_path, text)
        shutil.copymode(path, tmp_path)
        tmp_path.replace(path)
    for problem in after.warnings:
        print(str(problem), file=err)
    # As lea diff: the warnings this import brings (an overspent budget) first, then what changed.
    out.write(diff_markdown(before.agenda, after.agenda, title=f"Wat lea import veranderde ({table.name})",
                            warnings=new_warnings(before.warnings, after.warnings)))
    print(f"lea import: {len(found)} actie(s) bijgewerkt in {len(new_texts)} bestand(en); controleer met git diff en lea check.", file=err)
    return 0
