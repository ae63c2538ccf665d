"""Is a goal on track (issue 17)? The documented rule, its override, and what the site shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from lea_site.verdicts import figure_signal, goal_course
from lea_site.load import load
from lea_site.render.charts import with_unit
from lea_site.model import Action, Agenda, AgendaInfo, Ambition, Indicator

from datetime import date

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .test_site import soup, text

TODAY = date(2026, 1, 15)  # inside the term below; the figures of 2025 are recent
INFO = {"titel": "T", "regio": {"naam": "X", "gemeenten": ["X"]}, "periode": {"van": 2023, "tot": 2029},
        "vaststelling": {"status": "concept"}}


def _indicator(**kw) -> Indicator:
    return Indicator.model_validate({"id": "i", "titel": "Bereik", "eenheid": "%", "beter": "hoger", **kw})


def _goal(actions=(), indicators=(), **kw) -> tuple[Agenda, Ambition]:
    amb = Ambition.model_validate({"id": "g", "titel": "G", "samenvatting": "S", "activiteiten": list(actions),
                                   "indicatoren": list(indicators), **kw})
    return Agenda(info=AgendaInfo.model_validate(INFO), ambities=[amb]), amb


def _actions(*statuses: str) -> list[dict]:
    return [{"id": f"a{i}", "titel": f"A{i}", "status": s} for i, s in enumerate(statuses)]


@pytest.mark.parametrize("statuses,state", [
    (("lopend", "afgerond", "gepland"), "op koers"),
    (("lopend", "vertraagd", "gepland"), "let op"),
    (("lopend", "gestopt", "afgerond", "gepland"), "let op"),
    (("vertraagd", "gestopt", "lopend", "afgerond"), "achter"),  # half
    (("vertraagd",), "achter"),
])
def test_actions_decide_by_the_share_that_is_delayed_or_stopped(statuses, state):
    agenda, amb = _goal(_actions(*statuses))
    assert goal_course(agenda, amb, None, TODAY).state == state


BASE = {"periode": 2023, "waarde": 70}
TARGET = {"waarde": 90, "uiterlijk": 2028}


@pytest.mark.parametrize("latest,expected", [
    ({"periode": 2025, "waarde": 80}, 0),   # 10 gained, 8 needed by the straight line (2 of 5 years)
    ({"periode": 2025, "waarde": 77.5}, 0),  # within a tenth of the line
    ({"periode": 2025, "waarde": 74}, 1),   # behind the line
    ({"periode": 2025, "waarde": 70}, 1),   # did not move
    ({"periode": 2025, "waarde": 65}, 2),   # moved away
    ({"periode": 2025, "waarde": 91}, 0),   # target reached
])
def test_figures_are_judged_against_the_straight_line_to_their_target(latest, expected):
    ind = _indicator(nulmeting=BASE, metingen=[latest], doel=TARGET)
    assert figure_signal(ind, lambda i, v: str(v))[0] == expected


def test_lower_is_better_turns_the_rule_around():
    ind = _indicator(beter="lager", eenheid="leerlingen", nulmeting={"periode": 2023, "waarde": 40},
                     metingen=[{"periode": 2025, "waarde": 46}], doel={"waarde": 20, "uiterlijk": 2028})
    assert figure_signal(ind, lambda i, v: str(v))[0] == 2


def test_forecasts_and_figures_without_direction_or_target_do_not_count():
    assert figure_signal(_indicator(nulmeting=BASE, metingen=[{"periode": 2030, "waarde": 95, "soort": "prognose"}], doel=TARGET),
                         str) is None
    assert figure_signal(_indicator(beter=None, nulmeting=BASE, metingen=[{"periode": 2025, "waarde": 60}], doel=TARGET), str) is None
    assert figure_signal(_indicator(nulmeting=BASE, metingen=[{"periode": 2025, "waarde": 60}]), str) is None


def test_the_worst_signal_wins_and_nothing_to_judge_by_says_nothing():
    ind = _indicator(nulmeting=BASE, metingen=[{"periode": 2025, "waarde": 65}], doel=TARGET)
    agenda, amb = _goal(_actions("lopend", "afgerond"), [ind])
    result = goal_course(agenda, amb, None, TODAY)
    assert result.state == "achter" and "verder van het doel af" in result.reasons[0]
    agenda, amb = _goal()
    nothing = goal_course(agenda, amb, None, TODAY)
    assert nothing.state == "onbekend" and "geen acties en geen cijfers" in nothing.reasons[0]


def test_the_partners_may_judge_for_themselves_with_a_reason():
    agenda, amb = _goal(_actions("vertraagd"), koers={"stand": "op koers", "reden": "De vertraging is afgesproken."})
    result = goal_course(agenda, amb, None, TODAY)
    assert (result.state, result.reasons, result.overridden) == ("op koers", ("De vertraging is afgesproken.",), True)


SITES = [("demo", DATA, DEMO_TODAY)] + [(p.name, p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]


@pytest.mark.parametrize("name,data,today", SITES, ids=[s[0] for s in SITES])
def test_every_goal_shows_the_state_the_rule_gives(built_site, name: str, data: Path, today):
    agenda = load(data, today).agenda
    site = built_site(name).site
    current = agenda.current_school_year(today)
    judged = 0
    for amb in agenda.ambities:
        page = soup(site, f"ambities/{amb.id}")
        badge = page.select_one(".lea-course")
        expected = goal_course(agenda, amb, current, today, with_unit)
        judged += expected.known
        assert text(badge).lower().startswith(expected.label.lower()), (amb.id, text(badge))
        for reason in expected.reasons:
            assert reason in text(badge), (amb.id, reason)
    if name == "demo":
        assert judged == len(agenda.ambities)
