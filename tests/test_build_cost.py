"""Class 10 of issue 24 (in part): steps of the build whose cost grew faster than their input.

Figures are in benchmarks/RESULTS.md (benchmarks/hostile_inputs.py: history, zensical-rows, notes); these
tests check the behaviour that bounds them: the history walk holds at most two versions at a time, and
the faster ways give the same result as before."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import weakref
from pathlib import Path

from lea_site.exports import changes

from .test_changes import _git

ROOT = Path(__file__).resolve().parent.parent


def test_the_history_walk_keeps_at_most_two_versions_in_memory(tmp_path, monkeypatch):
    repo = tmp_path / "site"
    shutil.copytree(ROOT / "data", repo / "data")
    _git(repo, "init", "-q")
    plan = sorted((repo / "data" / "jaarplannen").glob("*.yml"))[0]
    for n in range(6):
        plan.write_text(plan.read_text(encoding="utf-8") + f"# versie {n}\n", encoding="utf-8")
        _git(repo, "add", ".")
        _git(repo, "commit", "-q", "-m", f"versie {n}", date=f"2026-01-{10 + n}T12:00:00+01:00")
    alive: list[weakref.ref] = []
    most = 0
    real = changes._load

    class Version:  # what the walk holds of one version, followed by a weak reference; reads as the agenda
        def __init__(self, agenda):
            self.agenda = agenda

        def __getattr__(self, name):
            return getattr(self.agenda, name)

    def load(folder: Path):
        nonlocal most
        gc.collect()
        most = max(most, sum(1 for ref in alive if ref() is not None))
        agenda = real(folder)
        assert not folder.exists(), "each exported version is removed once read"
        version = Version(agenda)
        alive.append(weakref.ref(version))
        return version

    monkeypatch.setattr(changes, "_diff", lambda old, new: "tekst")
    monkeypatch.setattr(changes, "status_changes", lambda old, new: [])
    monkeypatch.setattr(changes, "_load", load)
    found = changes.history(repo / "data", None)
    assert len(found.changes) == 6 and len(alive) == 6  # every version read once
    assert most <= 1, f"{most} earlier versions were still in memory when the next was read"


def test_the_status_before_a_note_is_the_last_of_an_earlier_day(tmp_path):
    """The one-pass reading of status changes gives what asking per note gave: two notes on one day
    both change from the day before's status."""
    from datetime import date

    from lea_site.exports.pdf import _status_on
    from lea_site.load import load

    from .test_forgiving import BASE, edit

    notes = ("            - {datum: 2021-10-01, tekst: Begonnen., status: lopend}\n"
             "            - {datum: 2021-11-01, tekst: Stil., status: vertraagd}\n"
             "            - {datum: 2021-11-01, tekst: Toch niet., status: lopend}\n"
             "            - {datum: 2022-02-01, tekst: Klaar., status: afgerond}\n")
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yml").write_text(edit("            - {datum: 2022-03-01, tekst: Gestart.}\n", notes, BASE), encoding="utf-8")
    agenda = load(data, today=date(2022, 6, 1)).agenda
    action = agenda.jaarplannen[0].ambities[0].acties[0]
    from lea_site.exports import pdf
    from lea_site.render.pages import View

    document = json.dumps(pdf.documents(agenda, date(2022, 6, 1))["downloads/voortgang-2021-2022.pdf"], ensure_ascii=False)
    changed = json.loads(document)
    rows = [row for block in _blocks(changed) if isinstance(block, dict) and "table" in block
            for row in block["table"].get("rows", []) if row and row[-1] in (["Begonnen."], ["Stil."], ["Toch niet."], ["Klaar."])]
    shown = [(row[-1][0], [part["t"] if isinstance(part, dict) else part for part in row[2]]) for row in rows]
    assert shown == [("Begonnen.", ["lopend"]), ("Stil.", ["van ", "lopend", " naar ", "vertraagd"]),
                     ("Toch niet.", ["van ", "lopend", " naar ", "lopend"]), ("Klaar.", ["van ", "lopend", " naar ", "afgerond"])]
    assert [_status_on(action, date.fromordinal(n.datum.toordinal() - 1)) for n in action.voortgang if n.status] == [
        None, "lopend", "lopend", "lopend"]


def _blocks(node):
    """Every dict and list in a document, depth first."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
