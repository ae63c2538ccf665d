"""`lea new-year` scaffolds a plan that carries over unfinished work and validates."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from lea_site.load import load

from .test_diff import AGENDA, PLAN

ROOT = Path(__file__).resolve().parent.parent


def test_new_year_carries_unfinished_actions_and_validates(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    plan = PLAN.replace("status: gepland", "status: afgerond").replace("begroting: eigen uren", "begroting: eigen uren\n          status: vertraagd")
    (data / "2021-2022.yml").write_text(plan, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "new-year", "2022-2023", "--data", str(data), "--today", "2022-06-01"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    new_file = data / "2022-2023.yml"
    written = yaml.safe_load(new_file.read_text(encoding="utf-8"))["jaarplan"]
    assert written["schooljaar"] == "2022-2023"
    assert written["vaststelling"] == {"status": "concept"}
    actions = {a["id"]: a for amb in written["ambities"] for a in amb["acties"]}
    assert set(actions) == {"z2", "t1"}  # z1 was afgerond: left behind
    assert actions["z2"]["doorgeschoven_van"] == "2021-2022" and "begroting" not in actions["z2"]
    assert actions["z2"]["planning"] == "Q1 2023" and actions["t1"]["planning"] == "2022-11"
    assert actions["t1"]["status"] == "gepland"
    result = load(data, date(2022, 6, 1))
    assert result.errors == [], result.errors
    check = subprocess.run([sys.executable, "-m", "lea_site.cli", "check", str(data), "--today", "2022-06-01"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    again = subprocess.run([sys.executable, "-m", "lea_site.cli", "new-year", "2022-2023", "--data", str(data)], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "al een jaarplan" in again.stderr


def test_new_year_into_a_missing_folder_says_so(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    (data / "2021-2022.yml").write_text(PLAN, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "new-year", "2022-2023", "--data", str(data),
                          "--output", str(tmp_path / "nergens" / "plan.yml"), "--today", "2022-06-01"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert "bestaat niet" in run.stderr and "Traceback" not in run.stderr


def test_new_year_from_a_year_without_plan_names_it(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    (data / "2021-2022.yml").write_text(PLAN, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "new-year", "2022-2023", "--from", "2019-2020", "--data", str(data),
                          "--today", "2022-06-01"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert "geen jaarplan voor schooljaar 2019-2020" in run.stderr


def test_new_year_from_the_demo_leaves_last_years_goals_behind(tmp_path: Path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "jaarplannen" / "2027-2028.yml").unlink()
    base = [sys.executable, "-m", "lea_site.cli", "new-year", "--data", str(data), "--today", "2026-11-22"]
    run = subprocess.run(base[:4] + ["2027-2028"] + base[4:], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    written = yaml.safe_load((data / "jaarplannen" / "2027-2028.yml").read_text(encoding="utf-8"))["jaarplan"]
    for amb in written["ambities"]:
        assert not {"jaardoel", "huidige_situatie", "aanpak", "begroting"} & set(amb), amb["ambitie"]
    assert "omschrijving" not in written["budget"]  # 'LEA-budget 2026' belongs to last year
    assert load(data, date(2026, 11, 22)).errors == []
    outside = subprocess.run(base[:4] + ["2030-2031"] + base[4:], cwd=ROOT, capture_output=True, text=True)
    assert outside.returncode == 1 and "valt buiten de looptijd van de agenda (2025-2029)" in outside.stderr
