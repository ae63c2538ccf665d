"""Class 1 of issue 24: every output path is unique. An id that would take the path of another output
(a reserved name such as the agenda's feed, or another item's page) is an error naming both."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lea_site.load import load
from lea_site.outputs import collisions, fixed_claims

from .conftest import DATA, DEMO_TODAY, MINIMAL_AGENDA
from .sitebuild import lea, site_folder

GOAL = """\
ambitie:
  id: {id}
  titel: Een doel
  samenvatting: Een korte samenvatting.
"""


def _errors(folder: Path) -> list:
    return [p for p in load(folder, today=DEMO_TODAY).errors]


def test_goal_named_like_the_agenda_feed_is_an_error_naming_both(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "ambities" / "agenda.yml").write_text(GOAL.format(id="agenda"), encoding="utf-8")
    errors = _errors(data)
    clash = [p for p in errors if "feeds/agenda.xml" in p.message]
    assert len(clash) == 1, errors
    assert clash[0].file.endswith("ambities/agenda.yml") and clash[0].line == 2 and clash[0].path.endswith("id")
    assert "ambitie 'agenda'" in clash[0].message and "de feed van de hele agenda" in clash[0].message


@pytest.mark.parametrize("goal_id", ["agenda", "wijzigingen"])
def test_lea_check_refuses_and_build_writes_nothing(tmp_path, goal_id):
    """lea check fails; lea build builds no site in which one feed or page silently replaced another."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "ambities" / f"{goal_id}.yml").write_text(GOAL.format(id=goal_id), encoding="utf-8")
    checked = lea("check", str(data), cwd=tmp_path, today=DEMO_TODAY)
    if goal_id == "wijzigingen":  # ambities/wijzigingen.md is not wijzigingen.md: no clash, an ordinary goal
        assert "wijzigingen" not in checked.stdout, checked.stdout
        return
    assert checked.returncode == 1 and "feeds/agenda.xml" in checked.stdout
    site = site_folder(tmp_path / "site", data)
    built = lea("build", cwd=site, today=DEMO_TODAY)
    assert built.returncode == 1 and "feeds/agenda.xml" in built.stderr
    assert not (site / "site").exists()


def test_two_chapters_differing_in_capitals_only_would_be_one_file():
    from lea_site.outputs import Claim

    found = collisions([Claim("hoofdstukken/a.md", "hoofdstuk a", ("x", 0)), Claim("hoofdstukken/A.md", "hoofdstuk A", ("x", 1))])
    assert [(c.what, e.what) for c, e in found] == [("hoofdstuk A", "hoofdstuk a")]


def test_the_products_fixed_names_are_unique():
    assert collisions(fixed_claims()) == []


def test_a_sites_own_file_may_not_replace_a_generated_download(tmp_path):
    site = site_folder(tmp_path / "site", DATA)
    (site / "docs" / "feeds").mkdir(parents=True)
    (site / "docs" / "feeds" / "agenda.xml").write_text("<feed/>", encoding="utf-8")
    built = lea("build", cwd=site, today=DEMO_TODAY)
    assert built.returncode == 1, built.stderr
    assert "feeds/agenda.xml" in built.stderr and "andere naam" in built.stderr and "Traceback" not in built.stderr


def test_minimal_agenda_has_no_clash(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "agenda.yml").write_text(MINIMAL_AGENDA, encoding="utf-8")
    (data / "ambities.yml").write_text("ambities:\n  - {id: feeds, titel: T, samenvatting: S}\n", encoding="utf-8")
    assert _errors(data) == []
