"""Renderers are pure functions of the model: tested here without MkDocs."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from lea_site.load import load
from lea_site.render import charts, governance, pages, tables
from lea_site.render import format as fmt
from lea_site.render.html import md, status_badge
from lea_site.render.macros import MACROS
from lea_site.render.pages import View
from lea_site.render.paths import relative, url_of

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES


@pytest.fixture(scope="module")
def view() -> View:
    agenda = load(DATA, DEMO_TODAY).agenda
    return View(agenda, DEMO_TODAY, lambda target: relative("ambities/x/", url_of(target)))


def html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def test_actions_table_rows_follow_the_data(view):
    plan = view.agenda.year_plan("2026-2027")
    amb_plan = plan.ambities[0]
    out = html(tables.actions_table(view.agenda, amb_plan, "2026-2027", view.link, caption="Acties"))
    rows = out.select("tbody tr")
    assert len(rows) == len(amb_plan.acties)
    # Four columns: Nr, Actie (who and when under the title), Begroting, Status.
    assert [th.get_text(strip=True) for th in out.select("thead th")] == ["Nr", "Actie", "Begroting", "Status"]
    assert [r.select("td")[3].get_text(" ", strip=True).split()[-1] for r in rows] == [a.status for a in amb_plan.acties]
    assert out.select_one("caption").get_text() == "Acties"
    for row, action in zip(rows, amb_plan.acties):
        facts = {f.select_one(".lea-fact__label").get_text(strip=True): f for f in row.select("td")[1].select(".lea-fact")}
        assert list(facts) == ["Wie:", "Wanneer:"]
        assert facts["Wie:"].select_one("a")["href"].startswith("../../partners/#")  # who links to the partners
        assert fmt.planning(action.planning) in facts["Wanneer:"].get_text(" ", strip=True)


def test_year_budget_says_room_or_overspending_in_words():
    agenda = load(FIXTURES / "leidschendam-voorburg", FIXTURE_TODAY).agenda
    plan = agenda.year_plan("2021-2022")
    assert tables.room_sentence(plan) == "De plannen gebruiken het beschikbare LEA-budget van € 66.650 precies."
    out = html(tables.year_budget(agenda, plan, lambda t: t))
    for label in out.select(".lea-cell-label"):  # a phone card's column names
        label.decompose()
    assert [c.get_text() for c in out.select("tfoot tr")[0].select("th, td")] == ["Totaal", "€\u00a092.550", "€\u00a025.900", "€\u00a066.650"]  # the amount unbroken
    assert len(out.select(".lea-bars__list li")) == 5


def test_overspending_is_a_warning_box(view):
    plan = view.agenda.year_plan("2027-2028")
    out = html(tables.year_budget(view.agenda, plan, view.link))
    assert "te veel" in out.select_one(".admonition.warning").get_text()


def test_indicator_chart_has_title_description_and_forecast_style(view):
    ind = next(i for _, i in view.agenda.indicators() if i.id == "vve-bereik")
    svg = html(charts.indicator_chart(ind)).select_one("svg")
    assert svg["role"] == "img" and svg.select_one("title").get_text() == ind.titel
    assert "Doel: 90% in 2028." in svg.select_one("desc").get_text()
    assert svg.select(".lea-chart__line--forecast") and svg.select("rect.lea-chart__dot--forecast")
    table = html(charts.indicator_table(ind))
    assert len(table.select("tbody tr")) == len(ind.series()) + 1  # plus the target


def test_chart_axis_has_round_steps_and_keeps_crowded_labels_apart():
    from lea_site.model import Indicator

    ind = Indicator.model_validate({
        "id": "wachtlijst", "titel": "Wachtlijst", "eenheid": "kinderen", "beter": "lager",
        "metingen": [{"periode": f"{y}-{y + 1}", "waarde": v} for y, v in zip(range(2016, 2024), (14, 13, 12, 11, 11, 10, 9, 9))],
    })
    svg = html(charts.indicator_chart(ind)).select_one("svg")
    ticks = [t.get_text() for t in svg.select(".lea-chart__tick") if t["text-anchor"] == "end"]
    assert ticks == ["0", "5", "10", "15", "20"]  # 14 rounded up to 4 steps of 5, not 15 in steps of 3,75
    periods = svg.select('.lea-chart__tick[text-anchor="middle"]')
    shown = {t.get_text() for t in periods}
    # Eight school years do not fit in two rows at the phone's text size, even short: the last and the
    # first stay, some between are left out (the table has them all); tests/test_chart_texts.py measures.
    assert {"2023-24", "2016-17"} <= shown and 2 < len(shown) < 8
    assert len({float(t["y"]) for t in periods}) == 2
    legend = [t.get_text() for t in svg.select(".lea-chart__legend text")]
    assert legend == ["gemeten"]  # no forecast, no target: no legend entries for them


def test_governance_diagram_names_every_body_and_relation(view):
    svg = html(governance.governance_diagram(view.agenda)).select_one("svg")
    desc = svg.select_one("desc").get_text()
    assert "Stuurgroep LEA rapporteert aan Bestuurlijk overleg LEA." in desc
    assert len(svg.select(".lea-diagram__box")) == len(view.agenda.organen)


def test_data_text_is_escaped_and_markdown_has_no_raw_html():
    assert md("Tekst <script>x</script> {{ config }}") == "<p>Tekst &lt;script&gt;x&lt;/script&gt; {{ config }}</p>"
    assert "<b>" not in status_badge("<b>")


def test_age_pages_select_by_overlap(view):
    from lea_site.render import parents
    from lea_site.values import AgeRange

    titles = [a.titel for _, a in parents.group_pairs(view, AgeRange(0, 4))]
    assert "Scholing taalstimulering voor pedagogisch medewerkers" in titles  # 0-4
    assert "Bedrijvendag voor vmbo- en mbo-leerlingen" not in titles  # 14-20
    assert "Scholing taalstimulering" not in pages.age_page_md(view, "0-4")  # a working title: counted per goal, not named


def test_every_macro_renders_on_the_demo(view):
    args = {"ambition_page": ("vroeg-en-voorschool",), "year_page": ("2026-2027",), "age_page": ("4-12",),
            "actions_table": ("vroeg-en-voorschool",), "indicator": ("vve-bereik",),
            "chapters": ("over",), "chapter_page": ("analyse",), "pdf_link": ("agenda", "De agenda als PDF"),
            "last_changed": ("begroting",)}
    view.downloads = frozenset({"downloads/agenda.pdf"})  # as lea build makes it
    # Places and related agendas (issue 29) are not in the demo: those macros render on the fixture that has them.
    family = {"places_index": (), "place_page": ("de-schans",), "related_agendas": ("Eerdere agenda's",), "related_notice": ()}
    from lea_site.render.changed import read_changed

    view.changed = read_changed({"begroting.md": {"datum": "2026-11-03", "anker": None}})  # as the generate step passes it
    for name, spec in MACROS.items():
        if name not in family:
            assert spec.render(view, *args.get(name, ())), name
    from .conftest import FIXTURE_TODAY, FIXTURES

    other = View(load(FIXTURES / "oudewaard", FIXTURE_TODAY).agenda, FIXTURE_TODAY, view.link)
    for name, call in family.items():
        assert MACROS[name].render(other, *call), name
        assert MACROS[name].render(view, *call[:1]) == "" if name in ("related_agendas", "related_notice") else True  # none: nothing
    view.downloads = frozenset()  # lea serve, LEA_PDF=nee: no PDF, no link
    assert MACROS["pdf_link"].render(view, "agenda", "x") == ""


def test_timeline_has_a_column_per_quarter_of_the_school_year(view):
    out = html(pages.timeline(view))
    assert [th.get_text() for th in out.select("thead th")][2:] == ["Q3 2026", "Q4 2026", "Q1 2027", "Q2 2027", "Q3 2027"]


def test_current_school_year_follows_today():
    agenda = load(DATA, DEMO_TODAY).agenda
    assert agenda.current_school_year(date(2026, 11, 22)) == "2026-2027"
    assert agenda.current_school_year(date(2027, 9, 1)) == "2027-2028"
    assert agenda.current_school_year(date(2030, 1, 1)) == "2027-2028"


def test_stacked_tables_name_each_field_for_phones_and_keep_table_roles():
    from lea_site.render.html import table

    out = html(table(["Actie", "Status"], [["<strong>A</strong>", ""]], caption="Acties", stack=True, row_header=False))
    assert "lea-stack" in out.select_one("div")["class"]
    assert out.select_one("table")["role"] == "table"
    assert [th["role"] for th in out.select("thead th")] == ["columnheader", "columnheader"]
    first, empty = out.select("tbody td")
    assert first["role"] == "cell"
    label = first.select_one(".lea-cell-label")
    assert label.get_text() == "Actie" and label["aria-hidden"] == "true"
    assert empty.get_text() == "", "an empty cell gets no label, so the card hides it"
    plain = html(table(["Actie"], [["x"]], caption="Acties"))
    assert plain.select_one("[role=cell]") is None and plain.select_one(".lea-cell-label") is None


@pytest.mark.parametrize("data", [DATA, *sorted(p for p in FIXTURES.iterdir() if p.is_dir())], ids=lambda p: p.name)
@pytest.mark.parametrize("narrow", [False, True], ids=["breed", "smal"])
def test_diagram_edges_never_pass_behind_a_box(data, narrow):
    from lea_site.render.governance import BOX_H, NARROW, WIDE, _crosses

    agenda = load(data, FIXTURE_TODAY).agenda
    svg = html(governance.governance_diagram(agenda, narrow=narrow))
    # Boxes are as high as their wrapped text (at least BOX_H); an ended body is not drawn, nor its edges.
    boxes = [(float(r["x"]), float(r["y"]), float(r["height"])) for r in svg.select("g.lea-diagram__box rect")]
    # The phone's boxes give up some width when the lines beside them need it (at most a third).
    box_w = float(svg.select_one("g.lea-diagram__box rect")["width"]) if boxes else 0
    assert not boxes or ((box_w == WIDE.box_w) if not narrow else (NARROW.box_w * 2 / 3 <= box_w <= NARROW.box_w))
    assert all(float(r["width"]) == box_w and float(r["height"]) >= BOX_H for r in svg.select("g.lea-diagram__box rect"))
    edges = svg.select("polyline.lea-diagram__edge")
    shown = {b.id for b in agenda.organen if b.status != "beeindigd"}
    related = ("rapporteert_aan", "adviseert", "bereidt_voor", "deel_van", "gaat_samen_met")  # each relation is a line
    assert len(edges) == sum(len([t for key in related for t in getattr(b, key) if t in shown])
                             for b in agenda.organen if b.id in shown)
    for edge in edges:
        points = [tuple(map(float, p.split(","))) for p in edge["points"].split()]
        for a, b in zip(points, points[1:]):
            hit = [box for box in boxes if _crosses(a, b, box, box_w)]
            assert not hit, f"segment {a}-{b} passes behind box(es) at {hit}"
    # the phone's layout: one box per row, its text wrapped to that box
    if narrow and boxes:
        assert len({r["x"] for r in svg.select("g.lea-diagram__box rect")}) == 1
        assert float(svg.select_one("svg")["viewbox"].split()[2]) <= 288


def test_crossing_check_itself():
    from lea_site.render.governance import _crosses

    assert _crosses((0, 0), (300, 300), (100, 100))      # straight through
    assert not _crosses((0, 0), (50, 0), (100, 100))      # well clear
    assert not _crosses((150, 100), (150, 0), (100, 100))  # leaves from the top border, upwards


def test_an_amount_keeps_its_euro_sign_in_plain_and_markdown_text():
    """'€ 5.000' is never broken after the euro sign: escaped text and data Markdown alike (not in code)."""
    from lea_site.render.html import esc, md

    assert esc("kost € 5.000") == "kost €\u00a05.000"
    out = md("Kost **veel**: € 5.000, [€ 4 extra](https://example.org) en `€ 3`.\n\n- nog € -2")
    assert "€ 5" not in out and "€ 4" not in out and "€ -2" not in out and out.count("€&nbsp;") == 3
    assert "<code>€ 3</code>" in out


def test_the_school_years_page_points_to_the_budget_instead_of_repeating_it(view):
    """Review item 29: Schooljaren repeated Begroting word for word. Each page has one job: Schooljaren lists the
    plans, Begroting shows the money of every year; no table or amount of Begroting is on Schooljaren."""
    from pathlib import Path

    import jinja2

    docs = Path(__file__).parent.parent / "docs"
    calls = {name: (lambda spec: lambda *a, **k: spec.render(view, *a, **k))(spec) for name, spec in MACROS.items()}

    def page(name: str) -> BeautifulSoup:
        text = (docs / name).read_text(encoding="utf-8").split("---", 2)[2]
        return BeautifulSoup(jinja2.Environment().from_string(text).render(**calls), "html.parser")  # macros give HTML blocks

    years, money = page("schooljaren/index.md"), page("begroting.md")
    assert money.select("table"), "Begroting shows the money"
    assert not years.select("table"), "Schooljaren repeats no table of Begroting"
    assert [a.get_text() for a in years.select("li a")] == [f"Schooljaar {y.schooljaar}" for y in view.agenda.year_plans_sorted()]
    assert "€" not in years.get_text()
    pointer = [a for a in years.select("p a") if a.get_text() == "Begroting"]
    assert len(pointer) == 1 and pointer[0]["href"] == view.link("begroting.md")
    # An agenda without amounts has no page Begroting: nothing points to it.
    bare = view.agenda.model_copy(update={"jaarplannen": [p.model_copy(update={"budget": None, "ambities": []}) for p in view.agenda.jaarplannen],
                                          "interventies": []})
    assert not bare.has_money()
    assert "Begroting" not in MACROS["year_links"].render(View(bare, DEMO_TODAY, view.link), begroting=True)
