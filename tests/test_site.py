"""The website, built for real with MkDocs from the demo data and the seed fixtures."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.checks import ambition_plan_totals, year_totals
from lea_site.load import load
from lea_site.render import format as fmt
from lea_site.render.paths import AGE_GROUPS

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .glossary_check import plain_text
from .sitebuild import build

FIXTURE_NAMES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []


def soup(site: Path, page: str) -> BeautifulSoup:
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(plain_text(node).split())  # the data's own words: without the glossary's explanations


@pytest.fixture(scope="module")
def demo(built_site) -> Path:
    built = built_site("demo")
    assert "WARNING" not in built.stderr, built.stderr
    return built.site


@pytest.fixture(scope="module")
def agenda():
    result = load(DATA, DEMO_TODAY)
    assert result.agenda is not None, result.problems
    return result.agenda


def test_every_page_type_exists(demo: Path, agenda):
    pages = ["", "ambities", "schooljaren", "begroting", "voortgang", "organisatie", "partners", "ouders", "ouders/locaties",
             "interventies", "over", "toegankelijkheid"]
    pages += [f"ambities/{a.id}" for a in agenda.ambities]
    pages += [f"schooljaren/{y.schooljaar}" for y in agenda.jaarplannen]
    pages += [f"ouders/{g}" for g, _, _ in AGE_GROUPS]
    for page in pages:
        assert (demo / page / "index.html").is_file(), page


def test_every_generated_block_is_back_in_its_page(demo: Path):
    # The macros keep finished HTML out of the Markdown pass (macros.blocks); no token may remain.
    leftovers = [p.relative_to(demo) for p in demo.rglob("*.html") if "LEABLOK" in p.read_text(encoding="utf-8")]
    assert leftovers == []
    assert soup(demo, "begroting").select("table tbody tr"), "the budget tables came back"


def test_navigation_lists_ambitions_years_and_not_actions(demo: Path, agenda):
    nav = soup(demo, "").select_one("nav.md-nav--primary")
    labels = [text(a) for a in nav.select("a, label")]
    for amb in agenda.ambities:
        assert amb.titel in labels
    for year in agenda.jaarplannen:
        assert f"Schooljaar {year.schooljaar}" in labels
    titles = {a.titel for y in agenda.jaarplannen for _, a in y.actions()}
    assert not titles & set(labels)


def test_home_has_a_card_per_ambition(demo: Path, agenda):
    page = soup(demo, "")
    assert text(page.select_one("h1")) == agenda.info.titel
    cards = page.select(".lea-cards > ul > li")
    # each card names its goal, with the goal's number when it has one (issue 29: numbers are shown)
    assert [text(c.select_one(".lea-card__title")) for c in cards] == [(f"{a.nummer}. " if a.nummer else "") + a.titel for a in agenda.ambities]


def test_ambition_page_sections_and_current_actions(demo: Path, agenda):
    year = agenda.year_plan(agenda.current_school_year(DEMO_TODAY))
    for amb_plan in year.ambities:
        page = soup(demo, f"ambities/{amb_plan.ambitie}")
        h2 = [text(h) for h in page.select("article h2")]
        assert h2[0] == "Wat betekent dit voor kinderen en ouders?"
        assert f"Acties in schooljaar {year.schooljaar}" in h2
        table = page.select_one(f'table:has(caption:-soup-contains("schooljaar {year.schooljaar}"))')
        rows = table.select("tbody tr")
        assert [text(r.select("td")[1].select_one("strong")) for r in rows] == [a.titel for a in amb_plan.acties]
        for row, action in zip(rows, amb_plan.acties):
            assert action.status in text(row.select(".lea-status")[0])
        amb = agenda.ambition(amb_plan.ambitie)
        for ind in amb.indicatoren:
            figure = page.select_one(f"#indicator-{ind.id} ~ figure svg[role=img]")
            assert figure is not None and figure.select_one("title") and figure.select_one("desc")


def test_budget_totals_equal_the_data(demo: Path, agenda):
    page = soup(demo, "begroting")
    for plan in agenda.jaarplannen:
        cost, covered, charged = year_totals(plan)
        table = page.select_one(f'table:has(caption:-soup-contains("Begroting schooljaar {plan.schooljaar}"))')
        total = [text(c) for c in table.select("tfoot tr")[0].select("th, td")]
        assert total[:4] == ["Totaal", fmt.money(cost), fmt.money(covered), fmt.money(charged)]  # then what was spent, if reported
        body_rows = table.select("tbody tr")
        assert len(body_rows) == len(plan.ambities)
        for row, amb_plan in zip(body_rows, plan.ambities):
            c, d, l = ambition_plan_totals(amb_plan)
            assert [text(x) for x in row.select("td")][1:3] == [fmt.money(d), fmt.money(l)]  # then spent (tests/test_money.py)
        assert plan.budget is not None
        if charged > plan.budget.beschikbaar:
            assert "te veel" in text(page)


def test_organisation_diagram_and_text(demo: Path, agenda):
    page = soup(demo, "organisatie")
    svg = page.select_one("svg.lea-diagram__svg")
    assert svg is not None and svg.select_one("title") and svg.select_one("desc")
    names = [text(t) for t in svg.select(".lea-diagram__name")]
    for body in agenda.organen:
        assert page.select_one(f"h4#orgaan-{body.id}") is not None
        assert body.naam.split()[0] in " ".join(names)


def test_no_resource_leaves_the_origin(demo: Path):
    offenders = []
    for path in demo.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        content = path.read_text(encoding="utf-8", errors="replace")
        if "fonts.googleapis" in content or "fonts.gstatic" in content:
            offenders.append(f"{path}: google fonts")
        if path.suffix == ".html":
            page = BeautifulSoup(content, "html.parser")
            for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
                for node in page.select(f"{tag}[{attr}]"):
                    if tag == "link" and "stylesheet" not in (node.get("rel") or []) and "preload" not in (node.get("rel") or []):
                        continue
                    if re.match(r"^(https?:)?//", node[attr]):
                        offenders.append(f"{path}: {tag} {node[attr]}")
    assert not offenders, offenders[:5]


def test_status_is_never_colour_alone(demo: Path):
    for badge in soup(demo, "voortgang").select(".lea-status"):
        assert text(badge).split()[-1] in {"gepland", "lopend", "afgerond", "vertraagd", "gestopt"}


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_site_shows_every_item(name: str, built_site):
    data = FIXTURES / name
    result = load(data, FIXTURE_TODAY)
    assert result.agenda is not None, result.errors
    agenda = result.agenda
    site = built_site(name).site
    html_all = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    for plan in agenda.jaarplannen:
        page = soup(site, f"schooljaren/{plan.schooljaar}")
        shown = {n["id"].removeprefix(f"actie-{plan.schooljaar}-") for n in page.select(f'[id^="actie-{plan.schooljaar}-"]')}
        assert shown == {a.id for _, a in plan.actions()}
        cost, covered, charged = year_totals(plan)
        total = page.select_one(f'table:has(caption:-soup-contains("Begroting schooljaar {plan.schooljaar}")) tfoot tr')
        if not any(a.begroting for _, a in plan.actions()) and plan.budget is None:
            assert total is None  # a plan without amounts has no budget table of zeros
            continue
        assert [text(c) for c in total.select("th, td")][:4] == ["Totaal", fmt.money(cost), fmt.money(covered), fmt.money(charged)]
    if agenda.interventies:
        interventions = soup(site, "interventies")
        for item in agenda.interventies:
            assert interventions.select_one(f"h2#interventie-{item.id}") is not None
    else:  # no page about what the agenda does not have
        assert not (site / "interventies").exists()
    if agenda.organen:
        organisation = soup(site, "organisatie")
        for body in agenda.organen:
            assert organisation.select_one(f"h4#orgaan-{body.id}") is not None
    for amb, ind in agenda.indicators():
        assert f'id="indicator-{ind.id}"' in html_all


def test_bad_data_stops_the_build_and_keeps_the_old_site(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out = tmp_path / "out"
    assert build(data, out, DEMO_TODAY.isoformat()).returncode == 0
    marker = out / "site" / "index.html"
    before = marker.read_text(encoding="utf-8")
    agenda_file = data / "agenda.yml"
    agenda_file.write_text(agenda_file.read_text(encoding="utf-8").replace("titel:", "titl:", 1), encoding="utf-8")
    run = build(data, out, DEMO_TODAY.isoformat())
    assert run.returncode == 1
    assert "agenda.yml" in run.stderr and "onbekend veld 'titl'; bedoelde je 'titel'?" in run.stderr
    assert "Traceback" not in run.stderr
    assert marker.read_text(encoding="utf-8") == before


def test_new_ambition_in_data_gets_page_and_nav(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "ambities" / "zz-nieuw.yml").write_text(
        "ambitie:\n  id: zz-nieuw\n  titel: 'Nieuw <b>doel</b> {{ config }}'\n  samenvatting: Alle kinderen zwemmen.\n"
        "  beschrijving: |\n    Tekst met <script>alert(1)</script> en {{ config.site_name }}.\n",
        encoding="utf-8",
    )
    run = build(data, tmp_path / "out", DEMO_TODAY.isoformat())
    assert run.returncode == 0, run.stderr
    site = tmp_path / "out" / "site"
    page = soup(site, "ambities/zz-nieuw")
    assert text(page.select_one("article h1")) == "Nieuw <b>doel</b> {{ config }}"
    raw = (site / "ambities" / "zz-nieuw" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in raw and "<b>doel</b>" not in raw
    assert "{{ config.site_name }}" in text(page.select_one("article"))
    nav = [text(a) for a in soup(site, "").select("nav.md-nav--primary a")]
    assert "Nieuw <b>doel</b> {{ config }}" in nav


def test_every_page_stays_within_the_weight_budget(demo: Path):
    from benchmarks.page_weight import BUDGET, page_weights

    weights = page_weights(demo)
    assert len(weights) > 20
    heavy = [(page, size) for page, size in weights if size > BUDGET]
    assert not heavy, heavy
