"""Partners as they are (issue 12): more than one sector, a kind within the sector, and a role
count only for what the agenda has (term-wide activities count; no actions, no action columns)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from lea_site.load import load
from lea_site.model import Agenda
from lea_site.render import pages
from lea_site.render.pages import View
from lea_site.render.paths import relative, url_of

from .conftest import FIXTURE_TODAY, FIXTURES


def render(agenda: Agenda) -> BeautifulSoup:
    view = View(agenda, FIXTURE_TODAY, lambda target: relative("partners/", url_of(target)))
    return BeautifulSoup(pages.partners_overview(view), "html.parser")


def small(**extra) -> Agenda:
    return Agenda.model_validate({
        "info": {"titel": "T", "regio": {"naam": "R", "gemeenten": ["A"]}, "periode": {"van": 2023, "tot": 2026}, "vaststelling": {"status": "concept"}},
        "partners": [
            {"id": "kc", "naam": "Kindcentrum Noord", "sector": ["kinderopvang", "po"], "soort": ["kinderdagopvang", "peuteropvang", "bso"]},
            {"id": "gem", "naam": "Gemeente A", "sector": "gemeente"},
        ],
        **extra,
    })


def rows(page: BeautifulSoup) -> dict[str, list[str]]:
    """Each row's cells by partner, as a reader of the table hears them (without the phone's column labels)."""
    def value(cell) -> str:
        return (cell.select_one(".lea-cell-value") or cell).get_text(" ", strip=True)

    return {tr.select_one("th").get_text(" ", strip=True): [value(c) for c in tr.select("td")] for tr in page.select("tbody tr")}


def test_all_sectors_and_kinds_are_named_in_the_table_and_the_details():
    page = render(small())
    table = rows(page)
    assert "kinderopvang" in table["Kindcentrum Noord"][0] and "primair onderwijs" in table["Kindcentrum Noord"][0]
    assert "kinderdagopvang, peuteropvang, bso" in table["Kindcentrum Noord"][0]
    gemeente, kc = page.select("dl")  # headings are Markdown around the lists; partners by name
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ") for dt in kc.select("dt")}
    assert facts["Sectoren"] == "kinderopvang, primair onderwijs"
    assert facts["Soort"] == "kinderdagopvang, peuteropvang, bso"
    assert {dt.get_text() for dt in gemeente.select("dt")} == {"Sector"}  # one sector, no kind: nothing more


def test_no_action_or_body_columns_for_an_agenda_without_them():
    headers = [th.get_text() for th in render(small()).select("thead th")]
    assert headers == ["Partner", "Sector"]


def test_term_wide_activities_count_and_link_to_their_goal():
    agenda = small(ambities=[{"id": "taal", "titel": "Taal", "samenvatting": "s", "activiteiten": [
        {"id": "a1", "titel": "Voorleesweek", "trekker": "kc", "partners": ["gem"]}]}],
        organen=[{"id": "sg", "naam": "Stuurgroep", "niveau": "regie", "secretaris": {"partner": "gem", "rol": "procesmanager"}, "status": "voorgesteld"}])
    page = render(agenda)
    assert [th.get_text() for th in page.select("thead th")] == ["Partner", "Sector", "Trekt activiteiten", "Doet mee aan activiteiten", "Zit in organen"]
    table = rows(page)
    assert table["Kindcentrum Noord"][1:] == ["1", "0", "0"] and table["Gemeente A"][1:] == ["0", "1", "1"]
    link = page.select_one("a[href*='actie-looptijd-taal-a1']")
    assert link is not None and link.get_text() == "Voorleesweek" and link["href"].startswith("../ambities/taal/")
    assert "Stuurgroep (voorgesteld)" in " ".join(page.get_text().split()), "a secretary sits in the body too"


def test_fixture_partners_in_several_sectors():
    agenda = load(FIXTURES / "havenstad", FIXTURE_TODAY).agenda
    page = render(agenda)
    table = rows(page)
    partner = next(p for p in agenda.partners if len(p.all_sectors()) > 1 and p.soort)
    label = partner.naam + (f" ({partner.afkorting})" if partner.afkorting else "")
    assert all(word in table[label][0] for word in partner.soort)


def test_sector_kind_is_escaped():
    page = pages.partners_overview(View(small(partners=[{"id": "x", "naam": "X", "sector": "kinderopvang", "soort": ["<script>alert(1)</script>"]}]),
                                        FIXTURE_TODAY, lambda t: t))
    assert "<script>" not in page and "&lt;script&gt;" in page
