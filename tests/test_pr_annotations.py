"""`lea check --format github`: file names and data text cannot inject workflow commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lea_site.cli import _github
from lea_site.load import load
from lea_site.problems import Problem

from .conftest import ROOT

COMMAND = re.compile(r"::(error|warning)(?: ([^:]*))?::(.*)")


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner splits it: properties at ',' and the first '=', message after '::'."""
    match = COMMAND.fullmatch(line)
    assert match, line
    props = dict(prop.split("=", 1) for prop in match[2].split(",")) if match[2] else {}
    return match[1], {k: _unescape(v) for k, v in props.items()}, _unescape(match[3])


def test_file_names_and_values_cannot_start_a_command(tmp_path: Path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    name = "a,b:c\n::error file=x.yml,line=1::gehackt\r\n%0A.yml"
    (data / name).write_text(
        "partners:\n"
        "  - id: gemeente\n"
        "    naam: Gemeente\n"
        '    sector: "gemeente\\n::warning file=y::ook gehackt,\\r\\n%25"\n',
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "check", "data", "--format", "github", "--today", "2022-01-01"],
                         cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1, run.stderr
    lines = run.stdout.split("\n")
    assert lines[-1] == "" and lines[:-1]
    monkeypatch.chdir(tmp_path)  # file names as lea check gives them: relative
    expected = load("data").problems
    assert len(lines[:-1]) == len(expected)
    for line, problem in zip(lines[:-1], expected):
        assert line.startswith(("::error ", "::warning ", "::error::", "::warning::")) and "\r" not in line
        level, props, message = _parse(line)
        assert level == ("error" if problem.is_error else "warning")
        # a general remark (here: references not checked, since the odd file was not read) annotates the run, not a line
        assert props == ({} if problem.is_general else {"file": problem.file, "line": str(problem.line)})
        assert message == (f"{problem.path}: {problem.message}" if problem.path else problem.message)
    # the odd file is named (control characters shown as \\xNN by load), with its comma and colon intact
    assert any(_parse(line)[1]["file"].startswith("data/a,b:c") for line in lines[:-1])
    # the value is inside a message (how load words it is its own business; _github keeps any newline in it)
    assert any("::warning file=y::ook gehackt" in _parse(line)[2] for line in lines[:-1])


tricky = st.lists(st.sampled_from(list("ab:,=%\r\n ") + ["::", "%0A", "%25", "::error "]), max_size=15).map("".join)


@settings(max_examples=200, deadline=None)
@given(tricky, tricky,
       st.integers(min_value=1, max_value=10**6), st.booleans())
def test_any_problem_is_one_command_that_parses_back(file: str, message: str, line: int, error: bool):
    problem = Problem(file, line, "", message, "fout" if error else "waarschuwing")
    out = _github(problem)
    assert "\n" not in out and "\r" not in out
    level, props, text = _parse(out)
    assert level == ("error" if error else "warning")
    assert props == {"file": file, "line": str(line)}
    assert text == message
