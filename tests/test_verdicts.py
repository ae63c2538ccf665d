"""Nothing untrue (issue 23): every verdict follows from the data by the rules of lea_site.verdicts, says what
is unknown, and every output shows the verdict that module decided.

The fixture ``regio-afgelopen`` is the case that showed the defect: a regional agenda whose term has ended,
whose activities never got a status and whose planned months all lie in the past. It showed "Op koers"
on every goal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lea_site.load import load
from lea_site.model import Action, Agenda, AgendaInfo, Ambition, AmbitionPlan, Indicator, YearPlan
from lea_site.render import format as fmt
from lea_site.render.charts import with_unit
from lea_site.verdicts import (NOT_REPORTED, Spending, Spent, action_state, goal_course, spending_sentences, term_state,
                               target_sentence, year_spending, goal_words, work_words)

from .conftest import FIXTURES, SITE_DATA
from .test_site import soup, text

ENDED = FIXTURES / "regio-afgelopen"
ENDED_TODAY = SITE_DATA["regio-afgelopen"][1]
INFO = {"titel": "T", "regio": {"naam": "X", "gemeenten": ["X"]}, "periode": {"van": 2023, "tot": 2029},
        "vaststelling": {"status": "concept"}}
TODAY = date(2026, 1, 15)


def _goal(actions=(), indicators=(), **kw) -> tuple[Agenda, Ambition]:
    goal = Ambition.model_validate({"id": "g", "titel": "G", "samenvatting": "S", "activiteiten": list(actions),
                                    "indicatoren": list(indicators), **kw})
    return Agenda(info=AgendaInfo.model_validate(INFO), ambities=[goal]), goal


# --- the rules -----------------------------------------------------------------------------------


def test_an_action_without_a_written_status_is_not_reported_never_planned():
    action = Action.model_validate({"id": "a", "titel": "A"})
    assert action.status is None
    state = action_state(action, TODAY)
    assert (state.status, state.word, state.current) == (None, NOT_REPORTED, False)


def test_a_note_with_a_status_is_a_written_status():
    action = Action.model_validate({"id": "a", "titel": "A", "voortgang": [
        {"datum": "2025-10-01", "tekst": "Begonnen.", "status": "lopend"}]})
    assert action_state(action, TODAY).status == "lopend"


@pytest.mark.parametrize("raw,stale", [
    ({"planning": "Q1 2025", "status": "gepland"}, True),  # ran out a year ago, never updated
    ({"planning": "Q1 2025", "status": "lopend", "voortgang": [{"datum": "2025-05-01", "tekst": "x"}]}, False),  # a note after the end
    ({"planning": "Q1 2025", "status": "afgerond"}, False),  # finished work is not out of date
    ({"planning": "Q4 2026", "status": "gepland"}, False),  # still to come
    ({"status": "gepland"}, False),  # no planning: nothing ran out
])
def test_a_status_is_out_of_date_when_its_planning_ran_out_without_a_note(raw, stale):
    state = action_state(Action.model_validate({"id": "a", "titel": "A", **raw}), TODAY)
    assert (state.stale_since is not None) == stale
    if stale:
        assert state.note(fmt.day) == "niet bijgewerkt sinds 31 maart 2025" and not state.current


def test_a_goal_is_on_course_only_on_evidence():
    agenda, goal = _goal([{"id": "a", "titel": "A"}, {"id": "b", "titel": "B"}])
    result = goal_course(agenda, goal, None, TODAY)
    assert result.state == "onbekend" and result.label == "Stand onbekend"
    assert "van 2 van de 2 activiteiten is geen status gemeld" in result.reasons
    # planned work that has not started says nothing yet
    agenda, goal = _goal([{"id": "a", "titel": "A", "status": "gepland"}])
    assert goal_course(agenda, goal, None, TODAY).state == "onbekend"
    # a running action is evidence; the unreported one is still named
    agenda, goal = _goal([{"id": "a", "titel": "A", "status": "lopend"}, {"id": "b", "titel": "B"}])
    result = goal_course(agenda, goal, None, TODAY)
    assert result.state == "op koers" and "van 1 van de 2 activiteiten is geen status gemeld" in result.reasons


def test_the_share_that_is_stuck_counts_among_the_reported_statuses():
    agenda, goal = _goal([{"id": "a", "titel": "A", "status": "vertraagd"}, {"id": "b", "titel": "B", "status": "lopend"},
                          {"id": "c", "titel": "C"}, {"id": "d", "titel": "D"}])
    assert goal_course(agenda, goal, None, TODAY).state == "achter"  # 1 of the 2 reported


def test_a_stuck_reason_names_the_status_and_the_actions():
    """Review item 27: 'Let op: 1 van de 3 acties met een gemelde status vertraagd of gestopt' left the reader to
    guess which status, and which action (a techniekweek stopped on purpose). The reason says both."""
    agenda, goal = _goal([{"id": "a", "titel": "Techniekweek", "status": "gestopt"}, {"id": "b", "titel": "B", "status": "lopend"},
                          {"id": "c", "titel": "C", "status": "lopend"}])
    assert goal_course(agenda, goal, None, TODAY).reasons == ("1 van de 3 activiteiten met een gemelde status is gestopt: 'Techniekweek'",)
    actions = [{"id": f"x{n}", "titel": f"X{n}", "status": "vertraagd" if n % 2 else "gestopt"} for n in range(5)]
    agenda, goal = _goal(actions)
    (reason,) = goal_course(agenda, goal, None, TODAY).reasons
    assert reason == "5 van de 5 activiteiten met een gemelde status zijn vertraagd of gestopt (2 vertraagd, 3 gestopt): 'X0', 'X1', 'X2' en 2 meer"


def test_an_old_measurement_is_no_evidence():
    ind = {"id": "i", "titel": "Bereik", "eenheid": "%", "beter": "hoger", "nulmeting": {"periode": 2019, "waarde": 70},
           "metingen": [{"periode": 2021, "waarde": 80}], "doel": {"waarde": 90, "uiterlijk": 2028}}
    agenda, goal = _goal(indicators=[ind])
    result = goal_course(agenda, goal, None, TODAY)
    assert result.state == "onbekend" and any("te oud" in r and "2021" in r for r in result.reasons)
    recent = {**ind, "metingen": [{"periode": 2025, "waarde": 85}]}  # 15 of 20 points in 6 of 9 years
    agenda, goal = _goal(indicators=[recent])
    assert goal_course(agenda, goal, None, TODAY).state == "op koers"


def test_an_ended_term_is_judged_at_its_end():
    agenda = load(ENDED, ENDED_TODAY).agenda
    term = term_state(agenda, ENDED_TODAY)
    assert (term.state, term.as_of) == ("afgelopen", date(2021, 7, 31))
    for goal in agenda.ambities:
        result = goal_course(agenda, goal, None, ENDED_TODAY, with_unit)
        assert result.state == "onbekend", (goal.id, result)
        assert result.as_of == date(2021, 7, 31)
        assert any("de looptijd is voorbij" in r for r in result.reasons)


def test_spending_is_compared_only_for_what_reported():
    s = Spending(163_700 + 23_000, 14, (Spent("A", 15_000, 14_000, date(2026, 11, 1)), Spent("B", 8_000, 8_900, date(2026, 10, 1))))
    sentences = spending_sentences(s, fmt.money, fmt.day)
    assert sentences[0] == ("Besteed: € 22.900 aan 2 van de 14 acties met een bedrag, gemeld tot 1 november 2026; voor die 2 was € 23.000 "
                            "aan totale kosten begroot: € 100 minder dan begroot. Van de andere 12 acties is nog niets gemeld.")
    assert sentences[1] == "B: € 8.900 besteed, € 8.000 begroot: € 900 meer dan begroot."
    assert s.overspent


def test_a_single_overspent_item_is_said_once():
    s = Spending(8_000, 1, (Spent("B", 8_000, 8_900, None),))
    assert spending_sentences(s, fmt.money, fmt.day) == [
        "Besteed: € 8.900 aan de enige actie, van de € 8.000 aan totale kosten begroot: € 900 meer dan begroot."]


def test_a_year_reported_as_a_whole_still_names_an_overspent_action():
    plan = YearPlan.model_validate({
        "schooljaar": "2025-2026", "vaststelling": {"status": "concept"},
        "budget": {"beschikbaar": 50_000, "besteed": 30_000, "besteed_op": "2026-08-01"},
        "ambities": [{"ambitie": "g", "acties": [
            {"id": "a", "titel": "Voorlezen", "begroting": {"kosten": 8_000, "besteed": 8_900, "besteed_op": "2026-07-01"}},
            {"id": "b", "titel": "Taalcoach", "begroting": {"kosten": 32_000}}]}]})
    sentences = spending_sentences(year_spending(plan), fmt.money, fmt.day)
    assert sentences[0].startswith("Besteed: € 30.000 van de € 40.000 aan totale kosten begroot (75%)")
    assert "Voorlezen: € 8.900 besteed, € 8.000 begroot: € 900 meer dan begroot." in sentences


# --- what the site shows ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ended_site(built_site) -> Path:
    return built_site("regio-afgelopen").site


def test_an_ended_agenda_without_reports_shows_no_course_anywhere(ended_site: Path):
    for page in ended_site.rglob("*.html"):
        if page.parent.name == "open-data":  # describes the column 'koers' and its values, judges nothing
            continue
        words = text(soup(ended_site, str(page.relative_to(ended_site))))
        assert "Op koers" not in words and "op koers" not in words.replace("niet op koers", ""), page
    professionals = text(soup(ended_site, "professionals"))
    assert "liggen op koers" not in professionals and "Stand onbekend" in professionals
    home = text(soup(ended_site, "index.html"))
    assert "van geen van de 5 activiteiten is een resultaat gemeld" in home


def test_an_unplanned_unreported_activity_reads_niet_gemeld(ended_site: Path):
    page = soup(ended_site, "ambities/thuisnabij")
    row = next(r for r in page.select("tr") if "Onderwijs-zorgarrangementen" in r.get_text())
    words = text(row)
    assert NOT_REPORTED in words and "gepland" not in words.replace("nog niet gepland", "")
    run_out = next(r for r in page.select("tr") if "thuiszit" in r.get_text() and "overleg" in r.get_text())
    # never reported: 'niet gemeld' says it; 'niet bijgewerkt sinds' would suggest an earlier report
    assert NOT_REPORTED in text(run_out) and "bijgewerkt" not in text(run_out)


def test_no_central_budget_says_only_that(ended_site: Path):
    words = text(soup(ended_site, "over"))
    assert "geen centraal LEA-budget" in words
    assert "eigen begroting" not in words and "betaalt" not in words


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_every_output_shows_the_verdict_the_module_decided(built_site, name: str):
    """Goal pages, the professionals' page and agenda.json carry the course lea_site.verdicts decides, reasons included."""
    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    site = built_site(name).site
    current = agenda.current_school_year(today)
    decided = {g.id: goal_course(agenda, g, current, today, with_unit) for g in agenda.ambities}
    opened = json.loads((site / "opendata" / "agenda.json").read_text(encoding="utf-8"))
    assert opened["oordelen"]["peildatum"] == term_state(agenda, today).as_of.isoformat()
    assert {g["id"]: (g["koers"], tuple(g["koers_reden"]), g["koers_eigen_oordeel"]) for g in opened["ambities"]} == {
        k: (v.state, v.reasons, v.overridden) for k, v in decided.items()}
    professionals = soup(site, "professionals")
    attention = professionals.select_one('[aria-label*="achterlopen"] tbody')
    listed = {r.select_one("th").get_text(strip=True) for r in attention.select("tr")} if attention else set()
    for goal in agenda.ambities:
        verdict = decided[goal.id]
        badge = text(soup(site, f"ambities/{goal.id}").select_one(".lea-course"))
        assert badge.startswith(verdict.label), (goal.id, badge)
        for reason in verdict.reasons:
            assert reason in badge, (goal.id, reason)
        assert (goal.titel in listed) == (verdict.state != "op koers"), goal.id
    # the progress page counts the current work per status as the module reads each action's state
    from collections import Counter

    from lea_site.render.pages import View, _current_actions

    pairs = _current_actions(View(agenda, today, lambda t: t))
    statuslist = soup(site, "voortgang").select_one("article .lea-statuslist")
    if not pairs:
        assert statuslist is None
        return
    counted = {li.select_one(".lea-status").get_text(" ", strip=True).split(" ", 1)[1]: int(li.select_one(".lea-count").get_text())
               for li in statuslist.select("li")}
    assert counted == dict(Counter(action_state(a, term_state(agenda, today).as_of).word for _, a in pairs))
    activities = sum(1 for owner, _ in pairs if isinstance(owner, Ambition))
    assert work_words(len(pairs) - activities, activities) in text(soup(site, "voortgang").select_one("article"))


@pytest.mark.parametrize("target,said", [
    ({"waarde": 90, "uiterlijk": 2028}, "90 in 2028"),
    ({"omschrijving": "Geen kind thuis", "uiterlijk": 2021}, "Geen kind thuis (uiterlijk 2021)"),
    ({"waarde": 90, "uiterlijk": 2028, "omschrijving": "Alle peuters"}, "90 in 2028. Alle peuters"),
    ({"omschrijving": "Geen kind thuis"}, "Geen kind thuis"),
])
def test_a_target_keeps_its_date(target, said):
    ind = Indicator.model_validate({"id": "i", "titel": "T", "doel": target})
    assert target_sentence(ind) == said


def test_a_target_in_words_shows_its_year_everywhere(ended_site: Path):
    """The ended fixture's 'thuiszitters' target is written in words with 'uiterlijk: 2021'."""
    page = text(soup(ended_site, "ambities/thuisnabij"))
    assert "Geen enkel kind langer dan drie maanden thuis zonder onderwijs (uiterlijk 2021)" in page
    opened = json.loads((ended_site / "opendata" / "agenda.json").read_text(encoding="utf-8"))
    ind = next(i for g in opened["ambities"] for i in g["indicatoren"] if i["id"] == "thuiszitters")
    assert ind["doel"]["uiterlijk"] == "2021"


def test_each_level_is_counted_by_its_own_word():
    data, today = SITE_DATA["zuidwaard"]
    agenda = load(data, today).agenda
    levels = {}
    for goal in agenda.ambities:
        levels.setdefault(agenda.level(goal), []).append(goal)
    assert len(levels) >= 2  # the fixture has goals on more than one level
    said = goal_words(agenda, agenda.ambities)
    for level, goals in levels.items():
        naming = agenda.naming(level)
        assert f"{len(goals)} {naming.enkelvoud if len(goals) == 1 else naming.meervoud}" in said
    assert work_words(3, 2) == "3 acties en 2 activiteiten" and work_words(0, 1) == "1 activiteit" and work_words(1, 0) == "1 actie"


# --- nothing offered without content ----------------------------------------------------------------


def _without_work() -> tuple[Agenda, date]:
    data, today = SITE_DATA["regio-afgelopen"]
    agenda = load(data, today).agenda.model_copy(deep=True)
    for goal in agenda.ambities:
        goal.activiteiten = []
    agenda._lookup = {}
    return agenda, today


def test_an_agenda_without_work_offers_no_report_feed_age_button_or_empty_table():
    from lea_site.exports import feeds, opendata, pdf
    from lea_site.render.pages import View
    from lea_site.render.parents import parents_block

    agenda, today = _without_work()
    assert pdf.REPORT not in pdf.documents(agenda, today)
    made = feeds.files(agenda, today)
    assert list(made) == [feeds.AGENDA_FEED]  # no goal feeds; the agenda's feed says why it is empty
    assert "nog geen acties of activiteiten" in made[feeds.AGENDA_FEED].decode("utf-8")
    tables = opendata.tables(agenda, today)
    assert all(t.rows for t in tables) and "activiteiten" not in {t.name for t in tables}
    assert "`activiteiten`" in opendata.page(agenda, tables, [])
    assert parents_block(View(agenda, today, lambda t: t)) == ""


def test_every_table_that_can_be_made_is_named():
    from lea_site.exports import opendata

    data, today = SITE_DATA["demo"]
    made = {t.name for t in opendata.tables(load(data, today).agenda, today)}
    assert made <= set(opendata.TABLE_NAMES) and len(made) >= 9


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_an_age_button_counts_what_its_page_lists(built_site, name: str):
    site = built_site(name).site
    home = soup(site, "index.html")
    for button in home.select("a.lea-agebutton"):
        page = soup(site, button["href"].strip("/"))
        count = button.select_one(".lea-agebutton__count")
        cards = page.select(".lea-offer:not(.lea-offer--programma)")
        listed = sum(1 for c in cards if c.find_previous("h2").get_text(strip=True) == "Wat kunt u doen of gebruiken?")
        coming = len(cards) - listed  # under 'Wat komt er nog?': not there yet, so not counted as there
        words = count.get_text() if count else ""
        assert (int(words.split()[0]) if words[:1].isdigit() else 0) == listed, (name, button["href"], words)
        assert words.startswith("nog niets;") == (not listed and coming > 0), (name, button["href"], words)
        # and the page has work for this age: offers, the partners' work counted per goal, a table of actions or programmes
        programmes = [h for h in page.select("article h2") if h.get_text().strip().endswith("voor deze leeftijd")]  # the agenda's own word
        assert (listed or page.select(".lea-workbygoal li") or page.select("article table")
                or programmes and programmes[0].find_next("h3")), (name, button["href"])


@pytest.mark.parametrize("year_total,warned", [(5000, "minder dan wat de acties samen"), (137400, None)])
def test_lea_check_flags_a_year_total_below_what_its_actions_spent(tmp_path: Path, year_total: int, warned: str | None):
    """The demo's 2025-2026 reports € 137.400 for the year; one action reports € 11.200 of its own."""
    import shutil

    from .conftest import DATA, DEMO_TODAY
    from .sitebuild import lea

    shutil.copytree(DATA, tmp_path / "data")
    plan = tmp_path / "data" / "jaarplannen" / "2025-2026.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("besteed: 137400,", f"besteed: {year_total},"), encoding="utf-8")
    run = lea("check", "data", cwd=tmp_path, today=DEMO_TODAY)
    said = run.stdout + run.stderr
    if warned:
        assert warned in said and "2025-2026.yml" in said and "besteed" in said and "€ 11.200" in said, said
    else:
        assert "acties samen" not in said and "som van wat alle acties" not in said, said


def test_the_readme_quotes_the_sentences_the_module_writes():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    s = Spending(planned=150000, items=14, reports=(Spent("Voorlezen", 10000, 7000, date(2026, 6, 1)),
                                                    Spent("Scholing", 13000, 8300, date(2026, 7, 1))))
    first = spending_sentences(s, fmt.money, fmt.day)[0]
    assert f'"{first}"' in readme
    over = Spending(planned=50000, items=3, reports=(Spent("Taalcafé", 8000, 8900, None), Spent("B", 5000, 1000, None)))
    assert f'"{spending_sentences(over, fmt.money, fmt.day)[1]}"' in readme


def _verdicts_in(value) -> list[dict]:
    """Every verdict block in a composed PDF document (the data Typst typesets), in reading order."""
    if isinstance(value, dict):
        found = [value["verdict"]] if "verdict" in value and isinstance(value["verdict"], dict) else []
        return found + [v for k, x in value.items() if k != "verdict" for v in _verdicts_in(x)]
    if isinstance(value, list):
        return [v for x in value for v in _verdicts_in(x)]
    return []


@pytest.mark.parametrize("name", sorted(SITE_DATA))
def test_the_pdfs_carry_the_verdict_the_module_decided(name: str):
    """The agenda PDF's verdict per goal (state, label, reasons) is the module's, for every goal, on the day of its
    chapter 'Stand op <day>' (the data's last reported day: the same data gives the same PDF on any later day)."""
    from lea_site.exports import pdf

    data, today = SITE_DATA[name]
    agenda = load(data, today).agenda
    day = pdf.state_day(agenda, today)
    shown = _verdicts_in(pdf.documents(agenda, today)[pdf.AGENDA])
    decided = [goal_course(agenda, g, agenda.current_school_year(day), day, with_unit) for g in pdf.goal_tree(agenda)]
    assert [(v["state"], v["reasons"]) for v in shown] == [(c.state, list(c.reasons)) for c in decided]
    assert all(v["label"].startswith(c.label) for v, c in zip(shown, decided))


def test_a_baseline_alone_is_said_to_be_alone():
    ind = {"id": "i", "titel": "Bereik", "eenheid": "%", "beter": "hoger", "nulmeting": {"periode": 2019, "waarde": 70},
           "doel": {"waarde": 90, "uiterlijk": 2028}}
    agenda, goal = _goal(indicators=[ind])
    result = goal_course(agenda, goal, None, TODAY)
    assert result.state == "onbekend" and "Bereik: alleen de nulmeting (2019), geen latere meting" in result.reasons


def test_a_report_lists_the_newest_rows_and_says_how_many_more_there_are():
    """5,000 notes once made a 215-page report of 958 MB: the council's report lists the newest 200 and names the rest."""
    from lea_site.exports import pdf
    from lea_site.model import ProgressNote

    data, today = SITE_DATA["demo"]
    agenda = load(data, today).agenda.model_copy(deep=True)
    plan = agenda.year_plan(agenda.current_school_year(today))
    action = next(a for _, a in plan.actions())
    start = date(2026, 8, 1)
    action.voortgang = [ProgressNote(datum=date.fromordinal(start.toordinal() + i % 100), tekst=f"Notitie {i}") for i in range(450)]
    report = json.dumps(pdf.documents(agenda, today)[pdf.REPORT], ensure_ascii=False)
    assert f"nieuwste {fmt.number(pdf.MAX_REPORT_ROWS)} van de" in report and "voortgangsnotities van deze periode" in report
    assert report.count("Notitie ") <= pdf.MAX_REPORT_ROWS + 1  # the table (and the action's latest note)
