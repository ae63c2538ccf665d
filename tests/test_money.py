"""Money spent against money planned (issue 17): the model, the sums and what the budget pages say."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from lea_site.checks import year_totals
from lea_site.load import load
from lea_site.model import Budget, YearBudget
from lea_site.verdicts import Spending, goal_spending, spending_sentence, year_spending
from lea_site.render import format as fmt

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .test_site import soup, text


@pytest.mark.parametrize("raw,message", [
    ({"kosten": 100, "besteed": 80}, "besteed zonder besteed_op"),
    ({"kosten": 100, "besteed_op": "2026-01-01"}, "besteed_op zonder besteed"),
    ({"soort": "geen", "besteed": 80, "besteed_op": "2026-01-01"}, "heeft geen bedragen"),
])
def test_a_spent_amount_is_a_dated_report(raw, message):
    with pytest.raises(ValidationError, match=message):
        Budget.model_validate(raw)


def test_a_year_may_report_its_spending_as_a_whole():
    budget = YearBudget.model_validate({"beschikbaar": 1000, "besteed": 900, "besteed_op": "2026-09-01"})
    assert budget.besteed == 900 and budget.besteed_op == date(2026, 9, 1)
    with pytest.raises(ValidationError, match="besteed zonder besteed_op"):
        YearBudget.model_validate({"beschikbaar": 1000, "besteed": 900})


@pytest.mark.parametrize("spent,expected", [
    (40_000, "Besteed: € 40.000 van de € 50.000 aan totale kosten begroot (80%), gemeld op 1 juli 2026: € 10.000 minder dan begroot."),
    (55_000, "Besteed: € 55.000 van de € 50.000 aan totale kosten begroot (110%), gemeld op 1 juli 2026: € 5.000 meer dan begroot."),
    (50_000, "Besteed: € 50.000 van de € 50.000 aan totale kosten begroot (100%), gemeld op 1 juli 2026: precies wat begroot was."),
])
def test_a_year_reported_as_a_whole_is_said_in_words(spent, expected):
    assert spending_sentence(Spending(50_000, 3, whole=(spent, date(2026, 7, 1))), fmt.money, fmt.day) == expected


def test_nothing_reported_is_not_zero():
    assert spending_sentence(Spending(50_000, 3), fmt.money, fmt.day) is None


def value(cell) -> str:
    """A cell's text without the column name that stacked tables show on phones."""
    for label in cell.select(".lea-cell-label"):
        label.decompose()
    return text(cell)


@pytest.fixture(scope="module")
def demo_site(built_site) -> Path:
    return built_site("demo").site


def test_budget_pages_show_the_sums_of_the_data(demo_site: Path):
    agenda = load(DATA, DEMO_TODAY).agenda
    page = soup(demo_site, "begroting")
    overview = page.select_one('table:has(caption:-soup-contains("Begroting per schooljaar"))')
    rows = {value(r.select_one("th, td")).split()[0]: [value(c) for c in r.select("th, td")] for r in overview.select("tbody tr")}
    reported = 0
    for plan in agenda.jaarplannen:
        cost, _, charged = year_totals(plan)
        row = rows[plan.schooljaar]
        assert row[1:3] == [fmt.money(cost), fmt.money(charged)]
        use = year_spending(plan, agenda)
        if use.spent is None:
            assert row[-1] == "nog niet gemeld"
        else:
            reported += 1
            assert row[-1].startswith(fmt.money(use.spent))
            assert spending_sentence(use, fmt.money, fmt.day) in text(page)
        year_table = page.select_one(f'table:has(caption:-soup-contains("Begroting schooljaar {plan.schooljaar}"))')
        goals = [goal_spending(p) for p in plan.ambities]
        if any(g.spent is not None for g in goals):
            cells = [value(r.select("td")[-1]) for r in year_table.select("tbody tr")]
            # a goal where only some actions reported says how many: the amount is never read as the whole
            # beside a total reported for the whole year a goal without its own report is 'niet apart gemeld'
            missing = "niet apart gemeld" if use.whole is not None else "nog niet gemeld"
            assert cells == [(missing if g.spent is None else fmt.money(g.spent) if g.complete
                              else f"{fmt.money(g.spent)} {len(g.reports)} van {g.items} gemeld") for g in goals]
    assert reported >= 2  # the demo reports spending for a whole year and for actions


def test_a_year_reported_as_a_whole_wins_over_its_actions():
    agenda = load(DATA, DEMO_TODAY).agenda
    plan = agenda.year_plan("2025-2026")
    assert year_spending(plan).spent == plan.budget.besteed == 137_400


def test_each_goal_page_says_what_was_spent_and_where_co_funding_comes_from(demo_site: Path):
    page = soup(demo_site, "ambities/vroeg-en-voorschool")
    # only 2 of the 3 actions reported: spent is compared with what those 2 planned, and the overrun of one is named
    assert ("Besteed: € 15.300 aan 2 van de 3 acties met een bedrag, gemeld tot 1 november 2026; voor die 2 was € 23.000 aan totale kosten "
            "begroot: € 7.700 minder dan begroot. Van de andere actie is nog niets gemeld.") in text(page)
    assert "Voorleesproject thuis voor ouders: € 8.900 besteed, € 8.000 begroot: € 900 meer dan begroot." in text(page)
    assert "besteed € 8.900" in text(page)  # per action, with the date it was reported
    assert "gedekt door OAB-middelen" in text(page)  # dekking_door, shown at last


def test_an_agenda_without_amounts_says_nothing_about_spending(built_site):
    site = built_site("havenstad").site
    assert not (site / "begroting").exists()
    for page in site.rglob("*.html"):
        content = page.read_text(encoding="utf-8")
        assert "€ 0" not in content and "Besteed" not in content, page


def test_an_intervention_amount_says_what_it_is_for_a_year_a_period_or_neither():
    """Review item 14: '€ 10.000' on an intervention that runs on ('doorlopend') read as a yearly figure next to the
    year plans' coverage, or as a total. Per year, for a period, or 'periode niet vermeld': the reader is told which."""
    from lea_site.model import Funding
    from lea_site.render import format as fmt

    def said(**f) -> str:
        return fmt.funding(Funding.model_validate({"bron": "regionale middelen", **f}), unstated=True)

    assert said(bedrag=10000) == "regionale middelen: € 10.000 (periode niet vermeld)"
    assert said(bedrag=10000, per="schooljaar") == "regionale middelen: € 10.000 per schooljaar"
    assert said(bedrag=10000, periode="2025-2027") == "regionale middelen: € 10.000 (2025-2027)"
    assert said() == "regionale middelen"  # no amount: nothing to place in time
    # The agenda's own sources run for its term: no remark there.
    assert fmt.funding(Funding.model_validate({"bron": "OAB", "bedrag": 500000})) == "OAB: € 500.000"
