"""`lea check` puts the problems an editor can go to first; a remark about the data as a whole comes after
them and has no location (no 'data:1:' that points at no line)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lea_site.load import load

from .conftest import MINIMAL_AGENDA, ROOT


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    # A file saved as .txt is not read: the references cannot all be checked (a general remark) ...
    (data / "partners.yml.txt").write_text("partners:\n  - {id: jgz, naam: JGZ, sector: jgz}\n", encoding="utf-8")
    # ... and two real errors, each on a line of a file.
    (data / "agenda.yml").write_text(MINIMAL_AGENDA.replace("status: concept", "status: klaar"), encoding="utf-8")
    (data / "organen.yml").write_text("organen:\n  - id: Stuur Groep\n    naam: Stuurgroep\n    niveau: regie\n", encoding="utf-8")
    return data


def test_lea_check_prints_located_problems_first_and_the_general_remark_last_without_a_place(tmp_path: Path):
    _data(tmp_path)
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "check", "data", "--today", "2022-06-01"], cwd=tmp_path,
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1, run.stderr
    lines = run.stdout.splitlines()
    located = [i for i, line in enumerate(lines) if re.match(r"data/[^:]+:\d+: ", line)]
    general = [i for i, line in enumerate(lines) if "nog niet gecontroleerd" in line]
    assert len(located) >= 3 and len(general) == 1, lines  # two errors and the file that is not read
    assert lines[0].startswith("data/agenda.yml:"), lines  # the first line is a real problem
    assert max(located) < general[0] == len(lines) - 1, lines
    assert lines[-1].startswith("waarschuwing: verwijzingen naar partners"), lines  # no 'data:1:'
    assert not any(re.match(r"data:\d+:", line) for line in lines), lines


def test_a_general_remark_is_marked_as_such_in_the_load(tmp_path: Path):
    from lea_site.problems import GENERAL

    result = load(_data(tmp_path), today=None)
    remarks = [p for p in result.problems if p.line == GENERAL]
    assert len(remarks) == 1 and "zijn nog niet gecontroleerd" in remarks[0].message
    assert result.problems[-1] == remarks[0] and all(p.line >= 1 for p in result.problems[:-1])
    assert str(remarks[0]).startswith("waarschuwing: verwijzingen") and ":1:" not in str(remarks[0])
