"""Key figures as they are reported (issue 12): figures of the whole agenda, estimates, values without
a period, breakdowns, comparison values, definitions; a time axis proportional to time and a forecast
that reads as a forecast."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from lea_site.load import load
from lea_site.model import Indicator
from lea_site.render import charts, figures
from lea_site.render.macros import MACROS
from lea_site.render.pages import View
from lea_site.render.paths import relative, url_of

from .conftest import DATA, DEMO_TODAY


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


SO = {
    "id": "so", "titel": "Leerlingen in het speciaal onderwijs", "eenheid": "leerlingen", "beter": "lager",
    "definitie": "leerlingen uit de drie gemeenten op een school voor speciaal onderwijs, op 1 oktober",
    "nulmeting": {"periode": "2019", "waarde": 180},
    "metingen": [
        {"periode": "2020", "waarde": 191, "uitsplitsing": [{"label": "met een TLV", "waarde": 27}]},
        {"periode": "2021", "waarde": 200, "soort": "schatting"},
        {"periode": "2024", "waarde": 230, "soort": "prognose"},
        {"waarde": 30, "soort": "schatting", "toelichting": "wachtlijst"},
    ],
    "vergelijking": [{"label": "landelijk gemiddelde", "waarde": 210, "periode": "2020"}],
    "doel": {"waarde": 190, "uiterlijk": "2026"},
}


def points(svg, selector: str) -> list[float]:
    xs = []
    for mark in svg.select(selector):
        if mark.name == "circle":
            xs.append(float(mark["cx"]))
        elif mark.name == "rect":
            xs.append(float(mark["x"]) + float(mark["width"]) / 2)
        else:  # the estimate's diamond: M cx,top ...
            xs.append(float(re.match(r"M([0-9.]+),", mark["d"])[1]))
    return xs


def test_time_axis_is_proportional_to_time():
    ind = Indicator.model_validate({"id": "vve", "titel": "VVE", "eenheid": "%", "metingen": [
        {"periode": "2019", "waarde": 70}, {"periode": "2020", "waarde": 74}, {"periode": "2024", "waarde": 85, "soort": "prognose"}]})
    svg = soup(charts.indicator_chart(ind)).select_one("svg")
    (x2019, x2020), (x2024,) = points(svg, ":scope > circle.lea-chart__dot"), points(svg, ":scope > rect.lea-chart__dot--forecast")
    assert x2024 - x2020 == pytest.approx(4 * (x2020 - x2019), rel=0.01)  # four years, not one step
    ticks = {t.get_text(): float(t["x"]) for t in svg.select('.lea-chart__tick[text-anchor="middle"]')}
    assert ticks["2019"] == pytest.approx(x2019) and ticks["2024"] == pytest.approx(x2024)


def test_a_forecast_reads_as_a_forecast_and_an_estimate_as_an_estimate():
    ind = Indicator.model_validate(SO)
    svg = soup(charts.indicator_chart(ind)).select_one("svg")
    forecast_line = svg.select_one("polyline.lea-chart__line--forecast")
    assert forecast_line is not None  # dashed (lea.css), from the last known value to the forecast
    assert len(forecast_line["points"].split()) == 2
    assert len(svg.select(":scope > rect.lea-chart__dot--forecast")) == 1 and len(svg.select(":scope > path.lea-chart__dot--estimate")) == 1
    # The undated estimate is not on the time axis: 2019, 2020, 2021 and 2024 are.
    assert len(svg.select(":scope > .lea-chart__dot")) == 4  # the legend's markers are in its group
    legend = [t.get_text() for t in svg.select(".lea-chart__legend text")]
    assert legend == ["gemeten", "schatting", "prognose", "doel", "vergelijking"]
    desc = svg.select_one("desc").get_text()
    for said in ("Prognose (verwachting, nog niet gemeten): 2024 230 leerlingen.", "Schatting: 2021 ongeveer 200 leerlingen.",
                 "Laatste meting 2020: 191 leerlingen, waarvan 27 met een TLV.", "Zonder bekende periode: ongeveer 30 leerlingen (schatting).",
                 "Ter vergelijking: landelijk gemiddelde: 210 leerlingen (2020).", "Doel: 190 leerlingen in 2026."):
        assert said in desc, said
    # The comparison is a labelled line in the chart.
    assert svg.select_one("line.lea-chart__compare") is not None
    assert "landelijk gemiddelde 210 leerlingen" in [t.get_text() for t in svg.select(".lea-chart__compare-label")]


def test_table_has_every_value_with_its_kind_including_undated_and_comparisons():
    ind = Indicator.model_validate(SO)
    table = soup(charts.indicator_table(ind))
    for label in table.select(".lea-cell-label"):  # a phone card's column names
        label.decompose()
    rows = [[c.get_text(" ", strip=True) for c in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert rows == [
        ["2019", "180 leerlingen", "nulmeting", ""],
        ["2020", "191 leerlingen, waarvan 27 met een TLV", "gemeten", ""],
        ["2021", "ongeveer 200 leerlingen", "schatting", ""],
        ["2024", "230 leerlingen", "prognose (verwachting)", ""],
        ["periode niet vermeld", "ongeveer 30 leerlingen", "schatting", "wachtlijst"],
        ["2020", "210 leerlingen", "ter vergelijking: landelijk gemiddelde", ""],
        ["2026", "190 leerlingen", "doel", ""],
    ]


def test_breakdown_of_several_parts_reads_as_a_sentence():
    ind = Indicator.model_validate({"id": "k", "titel": "Kinderen", "eenheid": "kinderen", "metingen": [
        {"periode": "2020", "waarde": 19850, "uitsplitsing": [{"label": "in Dijkhoven", "waarde": 10900}, {"label": "in Oudewaard", "waarde": 5150},
                                                              {"label": "in Meerzijl", "waarde": 3800}]}]})
    assert charts.value_text(ind, ind.metingen[0]) == "19.850 kinderen, waarvan 10.900 in Dijkhoven, 5.150 in Oudewaard en 3.800 in Meerzijl"


def test_only_undated_values_give_no_chart_but_a_table_and_facts():
    ind = Indicator.model_validate({"id": "t", "titel": "Thuiszitters", "eenheid": "kinderen",
                                    "metingen": [{"waarde": 30, "soort": "schatting"}], "definitie": "langer dan vier weken"})
    assert charts.indicator_chart(ind) == ""
    out = figures.indicator_block(ind)
    page = soup(out)
    assert page.select_one("svg") is None and page.select_one("table") is not None
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ") for dt in page.select("dt")}
    assert facts["Wat wordt geteld"] == "langer dan vier weken"
    assert facts["Schatting"] == "ongeveer 30 kinderen (periode niet vermeld)"  # the data gives no period: said so
    assert "{#indicator-t}" in out


@pytest.fixture(scope="module")
def view() -> View:
    agenda = load(DATA, DEMO_TODAY).agenda
    return View(agenda, DEMO_TODAY, lambda target: relative("", url_of(target)))


def test_key_figures_of_the_agenda_have_their_section_and_a_summary_that_links_there(view):
    assert view.agenda.info.kerncijfers, "the demo shows key figures"
    full = MACROS["key_figures"].render(view, kop="Kerncijfers")
    assert full.startswith("## Kerncijfers\n")
    for ind in view.agenda.info.kerncijfers:
        assert f"### {ind.titel.split()[0]}" in full and f"{{#indicator-{ind.id}}}" in full
    page = soup(full)
    text = page.get_text(" ")
    assert "waarvan 29 met een toelaatbaarheidsverklaring (TLV) voor de zwaarste ondersteuning" in text
    assert "landelijk gemiddelde voor een gemeente van deze grootte" in text
    assert "ongeveer 30 kinderen" in text
    summary = soup(MACROS["key_figures_summary"].render(view, kop="Kerncijfers"))
    links = summary.select("li a")
    assert [a["href"] for a in links] == [f"voortgang/#indicator-{i.id}" for i in view.agenda.info.kerncijfers]
    items = [li.get_text(" ") for li in summary.select("li")]
    # The period before the figure: a figure from 2023 read in 2026 says its year first, one without a period says so.
    assert items[0].endswith(", in 2023: 191 leerlingen, waarvan 29 met een toelaatbaarheidsverklaring (TLV) voor de zwaarste ondersteuning")
    assert items[1].endswith(", periode niet vermeld: ongeveer 30 kinderen, schatting")
    # The indicator macro finds a key figure too.
    assert "<svg" in MACROS["indicator"].render(view, "leerlingen-so")


def test_no_key_figures_no_heading(view):
    agenda = view.agenda.model_copy(update={"info": view.agenda.info.model_copy(update={"kerncijfers": []})})
    assert figures.key_figures(agenda) == "" and figures.key_figures_summary(agenda, lambda t: t) == ""


@pytest.mark.parametrize("payload", ['"><script>alert(1)</script>', "</text></svg><img src=x onerror=alert(2)>"])
def test_new_indicator_texts_are_escaped(payload):
    data = {**SO, "definitie": payload, "titel": payload}
    data["metingen"] = [{**m, "uitsplitsing": [{"label": payload, "waarde": 1}]} if "uitsplitsing" in m else m for m in SO["metingen"]]
    data["vergelijking"] = [{"label": payload, "waarde": 210}]
    ind = Indicator.model_validate(data)
    for out in (charts.indicator_chart(ind), charts.indicator_table(ind), figures.indicator_block(ind)):
        assert "<script" not in out and "<img" not in out and "&lt;" in out
