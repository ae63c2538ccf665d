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

from lea_site.load import load

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
    """Cases through the real command: exit 1 (0 for warnings only), messages on stdout, no traceback.
    Every case goes through the same load step in process above; here every fourth case and every
    warnings-only case through `lea check` (a process start each), so the suite stays within CI's time."""
    data = tmp_path / "data"
    data.mkdir()
    chosen = [c for i, c in enumerate(CASES) if i % 4 == 0 or all(e.startswith("waarschuwing: ") for e in expected(c))]
    assert len(chosen) >= 30
    for case in chosen:
        shutil.copy(case, data / "case.yml")
        run = subprocess.run(
            [sys.executable, "-m", "lea_site.cli", "check", str(data), "--today", "2022-06-01"],
            capture_output=True, text=True, cwd=Path(__file__).parent.parent,
        )
        assert "Traceback" not in run.stderr + run.stdout, case.name
        has_error = any(not e.startswith("waarschuwing: ") for e in expected(case))
        assert run.returncode == (1 if has_error else 0), case.name


def _demo_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent.parent / "data", data)
    return data


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_one_bad_amount_does_not_hide_the_rest_of_its_year_plan(tmp_path: Path):
    """A year plan is one item; its other actions are still cross-checked, and plans
    that carry actions over from it do not call the year missing."""
    data = _demo_copy(tmp_path)
    plan = data / "jaarplannen" / "2026-2027.yml"
    _edit(plan, "begroting: {kosten: 15000, dekking: 5000", "begroting: {kosten: 15.000, dekking: 5000")
    _edit(plan, "trekker: swv\n", "trekker: swvv\n")
    result = load(data, today=date(2026, 11, 22))
    errors = [f"{Path(p.file).name}:{p.line}: {p.message}" for p in result.errors]
    assert len(errors) == 2, errors
    lines = plan.read_text(encoding="utf-8").splitlines()
    amount = next(n for n, line in enumerate(lines, 1) if "kosten: 15.000" in line)
    partner = next(n for n, line in enumerate(lines, 1) if "trekker: swvv" in line)
    assert errors[0].startswith(f"2026-2027.yml:{amount}: 15.000 is een bedrag in Nederlandse notatie")
    assert errors[1] == f"2026-2027.yml:{partner}: onbekende partner 'swvv': staat niet in partners; bedoelde je 'swv'?"


def test_an_unreadable_file_does_not_make_references_unknown(tmp_path: Path):
    data = _demo_copy(tmp_path)
    (data / "partners.yml").write_text((data / "partners.yml").read_text(encoding="utf-8") + "x: [\n", encoding="utf-8")
    result = load(data, today=date(2026, 11, 22))
    assert [p.message.split(":")[0] for p in result.errors] == ["YAML kan niet gelezen worden"]
    assert any("nog niet gecontroleerd" in p.message for p in result.warnings)


def test_check_on_a_file_asks_for_the_folder():
    root = Path(__file__).parent.parent
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "check", "data/agenda.yml"], capture_output=True, text=True, cwd=root)
    assert run.returncode == 2
    assert "is een bestand; geef de map" in run.stderr and "lea check data" in run.stderr
