"""The three real agendas, encoded as fixtures: they validate, and their sums match their documents."""

from __future__ import annotations

import re

import pytest

from lea_site.checks import ambition_plan_totals, year_totals
from lea_site.load import load

from .conftest import DATA, FIXTURE_TODAY, FIXTURES

NAMES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def test_all_three_seed_agendas_are_encoded():
    assert {"leidschendam-voorburg", "vijfheerenlanden", "westland"} <= set(NAMES)  # plus the fictional family members


@pytest.mark.parametrize("name", NAMES)
def test_fixture_is_clean(name):
    result = load(FIXTURES / name, FIXTURE_TODAY)
    assert result.problems == []


def test_leidschendam_voorburg_budget_matches_the_document():
    agenda = load(FIXTURES / "leidschendam-voorburg", FIXTURE_TODAY).agenda
    plan = agenda.year_plan("2021-2022")
    assert year_totals(plan) == (92550, 25900, 66650)
    assert plan.budget.beschikbaar == 66650 and plan.budget.kostenplaats == "64521071"
    per_theme = {p.ambitie: ambition_plan_totals(p) for p in plan.ambities}
    assert per_theme == {
        "gelijke-kansen": (0, 0, 0),
        "zorg-onderwijs": (32500, 6500, 26000),
        "brede-ontwikkeling": (19400, 9400, 10000),
        "preventie-uitval": (35300, 10000, 25300),
        "vroegsignalering": (5350, 0, 5350),
    }
    assert str(plan.vaststelling.datum) == "2021-10-14"


def test_vijfheerenlanden_has_every_gka_intervention_with_its_fields():
    agenda = load(FIXTURES / "vijfheerenlanden", FIXTURE_TODAY).agenda
    assert len(agenda.interventies) == 8
    for item in agenda.interventies:
        assert item.betrokken_partijen and item.planning and item.doel and item.doelgroep and item.locatie
        assert item.activiteiten and item.monitoring and item.financiering and item.informatie and item.contact


PEOPLE = re.compile(r"Kees Bel|Wiersma|Ghislaine|Brouwer|Marjan|Kamp\b|Caren|Julien|Heleen|Rikkert|Smissen", re.I)
PHONE = re.compile(r"\b0\d{1,3}[ -]?\d{3}[ -]?\d{2,4}[ -]?\d{0,4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.yml")) + sorted(DATA.rglob("*.yml")), ids=str)
def test_no_real_people_phone_numbers_or_personal_addresses(path):
    text = path.read_text(encoding="utf-8")
    assert not PEOPLE.search(text)
    assert not PHONE.search(text)
    for address in EMAIL.findall(text):
        assert address.split("@")[1].endswith(".example"), address  # only fictional role mailboxes


def test_the_demo_warns_only_about_its_deliberate_overspending():
    """The demo is the one data set everyone reads (review items 12, 21, 24, 25): its only warning is the draft
    plan's overspent LEA budget, which it shows on purpose; no two answers on who adopted, no plan adopted after
    its actions ended, no author with its own joining word, no glossary entry used nowhere."""
    from .conftest import DEMO_TODAY

    result = load(DATA, DEMO_TODAY)
    assert [(p.path, p.severity) for p in result.problems] == [("jaarplannen[2027-2028].budget.beschikbaar", "waarschuwing")]
