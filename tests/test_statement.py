"""The accessibility statement describes the site it is on: its own name and its own check, or
that it has not been checked; never another site's results (issue 17).

The check itself (lea toegankelijkheid in Chromium) is tested in tests/browser/test_statement.py;
here the results file it writes is made with the same function and the site is really built.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from lea_site.accessibility import AXE_VERSION, RESULTS, Outcome, own_results, results, site_identity, write_results
from lea_site.load import load

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES, ROOT
from .sitebuild import build

FIXTURE = FIXTURES / "westland"


def _agenda(data: Path, today: date):
    agenda = load(data, today).agenda
    assert agenda is not None
    return agenda


def _statement(out: Path) -> str:
    page = BeautifulSoup((out / "site" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8"), "html.parser")
    return " ".join(page.select_one("article").get_text(" ").split())


def _build(tmp_path: Path, checks: dict | None) -> str:
    out = tmp_path / "site-westland"
    if checks is not None:
        write_results(out / "docs" / RESULTS, checks)
    run = build(FIXTURE, out, FIXTURE_TODAY.isoformat())
    assert run.returncode == 0, run.stderr
    return _statement(out)


def _outcome(pages: int, violations: list[str] = (), foreign: list[str] = ()) -> Outcome:
    return Outcome(pages=pages, violations=list(violations), rules={"color-contrast": len(violations)} if violations else {},
                   foreign=list(foreign), axe=AXE_VERSION, chromium="150.0.1")


def test_a_site_without_results_says_it_has_not_been_checked(tmp_path: Path):
    text = _build(tmp_path, None)
    westland = _agenda(FIXTURE, FIXTURE_TODAY)
    assert westland.info.titel in text
    assert "Deze site is nog niet getest" in text
    assert "Status: niet vastgesteld" in text
    # consistent for a reader: no claim that a check runs on every page, no internal command (review 7 #18)
    assert "controleert axe-core elke pagina" not in text and "Bij elke wijziging" not in text, text
    assert "lea toegankelijkheid" not in text
    for other in ("voorbeeldsite", "Lindeveen", "Vijfheerenlanden", "Leidschendam", "Schendingen gevonden", "0 schendingen"):
        assert other not in text, other


def test_a_site_shows_its_own_results_and_names_itself(tmp_path: Path):
    westland = _agenda(FIXTURE, FIXTURE_TODAY)
    checks = results(_outcome(17), site_identity(westland), date(2027, 3, 9))
    text = _build(tmp_path, checks)
    assert westland.info.titel in text and "Westland" in text
    assert "De laatste controle was op 9 maart 2027" in text
    assert "Pagina's getest 17" in text and "Schendingen gevonden 0" in text and "Verzoeken naar andere websites 0" in text
    assert f"axe-core {AXE_VERSION} in Chromium 150.0.1" in text
    assert "nog niet getest" not in text
    assert "Lindeveen" not in text and "voorbeeldsite" not in text
    assert "rijen niet" not in text and "Niet getest" not in text  # nothing was left out of this check


def test_rows_left_out_of_the_check_are_counted_in_the_statement(tmp_path: Path):
    from lea_site.accessibility import MAX_ROWS

    westland = _agenda(FIXTURE, FIXTURE_TODAY)
    outcome = _outcome(17)
    outcome.trimmed = 1234
    text = _build(tmp_path, results(outcome, site_identity(westland), date(2027, 3, 9)))
    assert f"de eerste {MAX_ROWS} getest" in text and "Niet getest: 1.234 rijen." in text


def test_violations_found_are_said_and_named(tmp_path: Path):
    westland = _agenda(FIXTURE, FIXTURE_TODAY)
    checks = results(_outcome(17, ["licht /: color-contrast (serious): ['.md-header']"] * 3, ["https://fonts.example.org/x.css"]),
                     site_identity(westland), date(2027, 3, 9))
    text = _build(tmp_path, checks)
    assert "Schendingen gevonden 3" in text and "Verzoeken naar andere websites 1" in text
    assert "Bij de laatste controle zijn problemen gevonden" in text
    assert "color-contrast: 3 keer" in text and "fonts.example.org" in text
    assert "op geen enkele pagina een schending" not in text


def test_another_sites_results_are_never_shown(tmp_path: Path):
    demo = _agenda(DATA, DEMO_TODAY)
    text = _build(tmp_path, results(_outcome(29), site_identity(demo), date(2027, 3, 9)))
    assert "Deze site is nog niet getest" in text
    assert "29" not in text and "9 maart 2027" not in text and "Lindeveen" not in text


def test_old_or_broken_results_files_count_as_not_checked():
    identity = "Lokale Educatieve Agenda Westland 2022-2026 (Westland)"
    old = json.loads('{"demo": {"datum": "2026-12-01", "pagina\'s": 24, "schendingen": 0}}')  # the format before issue 17
    assert own_results(old, identity) is None
    assert own_results({"site": identity, "datum": "gisteren", "pagina's": 3}, identity) is None
    assert own_results({"site": identity, "datum": "2027-01-02", "pagina's": "3"}, identity) is None
    assert own_results({"site": identity, "datum": "2027-01-02", "pagina's": 3}, identity) is not None


def test_the_product_carries_no_results_of_its_own():
    tracked = subprocess.run(["git", "ls-files", "docs/assets"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert "docs/assets/toegankelijkheid.json" not in tracked
    assert "/docs/assets/toegankelijkheid.json" in (ROOT / ".gitignore").read_text(encoding="utf-8")


def test_the_command_uses_the_axe_core_the_tests_pin():
    pinned = json.loads((ROOT / "tests" / "js" / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    assert AXE_VERSION == pinned


def _runs(path: Path) -> list[str]:
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step.get("run", "") for job in flow["jobs"].values() for step in job.get("steps", [])]


WORKFLOWS = [ROOT / ".github" / "workflows" / name for name in ("publish.yml", "pull-request.yml")]
TEMPLATE = [ROOT / "macros" / "templates" / "site" / "dot-github" / "workflows" / name for name in ("publish.yml", "pull-request.yml")]


@pytest.mark.parametrize("path", WORKFLOWS + TEMPLATE, ids=lambda p: f"{p.parent.parent.parent.name}/{p.name}")
def test_publish_and_pull_request_workflows_check_the_built_site_and_build_again(path: Path):
    runs = _runs(path)
    build_steps = [i for i, run in enumerate(runs) if "mkdocs build --strict" in run or "lea build --strict" in run]
    check = [i for i, run in enumerate(runs) if "lea toegankelijkheid" in run]
    assert len(check) == 1 and len(build_steps) == 2, runs
    assert build_steps[0] < check[0] < build_steps[1]  # the statement shows the check of the site just built
    installs = " ".join(runs[: check[0]])
    assert "playwright" in installs and '"axe-core@${AXE_CORE}"' in installs
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    pinned = [s["env"]["AXE_CORE"] for job in flow["jobs"].values() for s in job.get("steps", []) if "AXE_CORE" in s.get("env", {})]
    assert pinned == [AXE_VERSION]  # the version tests/js pins
