"""A corpus of broken data files, each with the exact problems it must produce.

Every ``tests/broken/*.yml`` is a complete one-file data folder. Its header lists
what ``lea check`` must report, one ``# expect: LINE: PATH: MESSAGE`` (or
``# expect-warning:``) per problem, nothing more and nothing less.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from macros.load import load

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(BROKEN.glob("*.yml"))


def expected(case: Path) -> list[str]:
    out = []
    for line in case.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            out.append(line[len("# expect: "):])
        elif line.startswith("# expect-warning: "):
            out.append("waarschuwing: " + line[len("# expect-warning: "):])
    return out


def reported(data_dir: Path) -> list[str]:
    result = load(data_dir, today=date(2022, 6, 1))
    lines = []
    for p in result.problems:
        assert p.file == f"{data_dir}/case.yml"
        prefix = "waarschuwing: " if not p.is_error else ""
        p = type(p)(p.file, p.line, p.path, p.message.replace(f"{data_dir}/", ""), p.severity)
        lines.append(f"{prefix}{p.line}: {p.path}: {p.message}" if p.path else f"{prefix}{p.line}: {p.message}")
    return lines


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_input(case: Path, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(case, data / "case.yml")
    want = expected(case)
    assert want, f"{case.name} has no '# expect:' lines"
    assert sorted(reported(data)) == sorted(want)


def test_cli_reports_without_traceback(tmp_path: Path):
    """Every case through the real command: exit 1, messages on stdout, no traceback."""
    data = tmp_path / "data"
    data.mkdir()
    for case in CASES:
        shutil.copy(case, data / "case.yml")
        run = subprocess.run(
            [sys.executable, "-m", "macros.cli", "check", str(data), "--today", "2022-06-01"],
            capture_output=True, text=True, cwd=Path(__file__).parent.parent,
        )
        assert "Traceback" not in run.stderr + run.stdout, case.name
        has_error = any(not e.startswith("waarschuwing: ") for e in expected(case))
        assert run.returncode == (1 if has_error else 0), case.name
