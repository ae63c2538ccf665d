"""`lea diff` on real git repositories: two branches, real commits, no mocks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

AGENDA = """\
agenda:
  titel: Testagenda
  regio: {naam: Testdorp, gemeenten: [Testdorp]}
  periode: {van: 2021, tot: 2024}
  vaststelling: {status: concept}
partners:
  - {id: gemeente, naam: Gemeente Testdorp, sector: gemeente}
  - {id: jgz, naam: JGZ Testdorp, sector: jgz}
ambities:
  - {id: zorg, titel: Zorg en onderwijs, samenvatting: Hulp op school.}
  - {id: taal, titel: Taal, samenvatting: Voorlezen.}
"""

PLAN = """\
jaarplan:
  schooljaar: 2021-2022
  vaststelling: {status: vastgesteld, datum: 2021-10-14, door: stuurgroep}
  budget: {beschikbaar: 60000}
  ambities:
    - ambitie: zorg
      acties:
        - id: z1
          titel: Inspiratiebijeenkomst
          trekker: jgz
          planning: Q4 2021
          begroting: {kosten: 30000, dekking: 5000}
          status: gepland
        - id: z2
          titel: Afspraken Veilig Thuis
          planning: Q1 2022
          begroting: {kosten: 10000}
    - ambitie: taal
      acties:
        - id: t1
          titel: Voorleesweek
          planning: november 2021
          begroting: eigen uren
"""


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return run.stdout


def lea(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lea_site.cli", *args, "--today", "2022-01-01"], cwd=repo, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "agenda"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    (repo / "data" / "2021-2022.yml").write_text(PLAN, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "agenda")
    return repo


def test_names_exactly_the_changes(repo: Path):
    git(repo, "checkout", "-q", "-b", "voorstel")
    plan = PLAN.replace("status: gepland", "status: lopend")                       # a status change
    plan = plan.replace("kosten: 10000}", "kosten: 45000}")                        # a raised budget -> over budget
    plan = plan.replace("planning: november 2021", "planning: Q2 2022")            # a moved planning
    plan += "        - id: t2\n          titel: Taalcafe ouders\n          planning: 2022-03\n          begroting: {kosten: 2000}\n"  # an added action
    (repo / "data" / "2021-2022.yml").write_text(plan, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "voorstel")
    run = lea(repo, "diff", "main", "voorstel")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    change_lines = [l for l in out.splitlines() if l.startswith("- ")]
    assert change_lines == [
        "- **Nieuw** in schooljaar 2021-2022 (Taal): Taalcafe ouders (`t2`, maart 2022, € 2.000, status niet gemeld)",
        "- Inspiratiebijeenkomst (`z1`, 2021-2022): status **gepland → lopend**",
        "- Afspraken Veilig Thuis (`z2`, 2021-2022): begroting van € 10.000 naar € 45.000",
        "- Voorleesweek (`t1`, 2021-2022): planning verschoven van november 2021 naar Q2 2022",
    ]
    assert "| Zorg en onderwijs | € 40.000 | € 75.000 | € 35.000 |" in out
    assert "| Taal | € 0 | € 2.000 | € 2.000 |" in out
    assert "Nieuwe totalen: kosten € 77.000, dekking € 5.000, ten laste van het LEA-budget € 72.000 van € 60.000 beschikbaar." in out
    assert "**Let op: het LEA-budget wordt overschreden** met € 12.000" in out


def test_unchanged_agenda_says_no_changes(repo: Path):
    git(repo, "commit", "-q", "--allow-empty", "-m", "niets")
    run = lea(repo, "diff", "HEAD~1", "HEAD")
    assert run.returncode == 0, run.stderr
    assert "Geen wijzigingen in de agenda." in run.stdout
    assert "- " not in run.stdout


def test_unknown_revision_is_a_clear_error(repo: Path):
    run = lea(repo, "diff", "bestaat-niet")
    assert run.returncode == 2
    assert "bestaat-niet" in run.stderr and "Traceback" not in run.stderr


def test_data_outside_the_repository_is_a_clear_error(repo: Path, tmp_path: Path):
    outside = tmp_path / "elders"
    outside.mkdir()
    run = lea(repo, "diff", "main", "--data", str(outside))
    assert run.returncode == 2
    assert "staat niet in een git-repository" in run.stderr and "Traceback" not in run.stderr


def test_renamed_partner_is_one_line_not_a_change_of_roles(repo: Path):
    git(repo, "checkout", "-q", "-b", "naam")
    (repo / "data" / "agenda.yml").write_text(AGENDA.replace("naam: JGZ Testdorp", "naam: GGD Testdorp"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "nieuwe naam")
    run = lea(repo, "diff", "main", "naam")
    assert run.returncode == 0, run.stderr
    assert [l for l in run.stdout.splitlines() if l.startswith("- ")] == ["- Partner 'JGZ Testdorp' heet nu 'GGD Testdorp'"]


def test_indicator_corrections_targets_and_removed_plans(repo: Path):
    agenda = AGENDA.replace(
        "  - {id: taal, titel: Taal, samenvatting: Voorlezen.}",
        "  - id: taal\n    titel: Taal\n    samenvatting: Voorlezen.\n    indicatoren:\n"
        "      - id: lezers\n        titel: Leesplezier\n        eenheid: '%'\n        doel: {waarde: 90, uiterlijk: 2024}\n"
        "        metingen:\n          - {periode: 2021, waarde: 70}\n          - {periode: 2022, waarde: 75}\n",
    )
    (repo / "data" / "agenda.yml").write_text(agenda, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "indicator")
    git(repo, "checkout", "-q", "-b", "correctie")
    changed = agenda.replace("waarde: 75}", "waarde: 76}").replace("- {periode: 2021, waarde: 70}\n", "").replace(
        "doel: {waarde: 90, uiterlijk: 2024}", "doel: {waarde: 85, uiterlijk: 2024}")
    (repo / "data" / "agenda.yml").write_text(changed, encoding="utf-8")
    git(repo, "rm", "-q", "data/2021-2022.yml")
    git(repo, "commit", "-q", "-am", "correctie")
    run = lea(repo, "diff", "main", "correctie")
    assert run.returncode == 0, run.stderr
    assert [l for l in run.stdout.splitlines() if l.startswith("- ")] == [
        "- Indicator Leesplezier: gemeten 2022 **gewijzigd** van 75% naar 76%",
        "- Indicator Leesplezier: gemeten 2021 (70%) **verwijderd**",
        "- Indicator Leesplezier: doel van 90% in 2024 naar 85% in 2024",
        "- **Jaarplan verwijderd**: schooljaar 2021-2022, met 3 acties",
    ]


def test_first_agenda_and_broken_head_are_reported_plainly(repo: Path):
    git(repo, "checkout", "-q", "--orphan", "leeg")
    git(repo, "rm", "-rq", "--cached", "data")
    git(repo, "commit", "-q", "--allow-empty", "-m", "nog niets")
    git(repo, "checkout", "-q", "-f", "main")
    run = lea(repo, "diff", "leeg", "main")
    assert run.returncode == 0, run.stderr
    assert "**Nieuw jaarplan**: schooljaar 2021-2022" in run.stdout
    git(repo, "checkout", "-q", "-b", "kapot")
    (repo / "data" / "2021-2022.yml").write_text(PLAN.replace("status: gepland", "status: bezig"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "kapot")
    run = lea(repo, "diff", "main", "kapot")
    assert run.returncode == 1
    assert "kapot:data/2021-2022.yml:" in run.stderr and "/tmp" not in run.stderr
