"""Governance as it really is (issue 12): secretary, size, status, start, what a body replaces,
minutes, rotating chair, a network that decides nothing, a role of one person, a body as a party,
and a diagram that never cuts off a name or a frequency."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from lea_site.model import Agenda
from lea_site.render import governance
from lea_site.render.governance import BOX_W, NAME_SIZE, PAD, META_SIZE, _crosses, text_width
from lea_site.render.html import party

LONG = "Regionale werkgroep voor de doorgaande ontwikkelingslijn van voorschoolse voorziening naar basisonderwijs en verder"
WORD = "Werkgroepzonderspatiesdieheellangisenopnieuwheellang"
FREQUENCY = "twee keer per jaar, en verder wanneer nodig met een extra vergadering in het voorjaar"


def agenda(**extra) -> Agenda:
    return Agenda.model_validate({
        "info": {"titel": "T", "regio": {"naam": "R", "gemeenten": ["A", "B"]}, "periode": {"van": 2023, "tot": 2033},
                 "vaststelling": {"status": "concept"}},
        "partners": [{"id": "gem", "naam": "Gemeente A", "sector": "gemeente"}],
        "organen": [
            {"id": "bo", "naam": "Bestuurlijk overleg onderwijs en jeugd van de drie gemeenten", "niveau": "bestuurlijk",
             "frequentie": FREQUENCY, "voorzitterschap": "roulerend uit de leden, per jaar"},
            {"id": "sg", "naam": "Stuurgroep", "niveau": "regie", "secretaris": {"rol": "procesmanager LEA"},
             "omvang": "5 tot 8 deelnemers", "rapporteert_aan": ["bo"], "sinds": "april 2023",
             "vervangt": ["Oude stuurgroep", "REA-overleg"], "verslag": "binnen twee weken naar alle leden",
             "leden": ["gem", {"rol": "bestuurder po"}]},
            {"id": "pm", "naam": "Procesmanager", "niveau": "regie", "leden": [{"rol": "procesmanager LEA"}], "rapporteert_aan": ["sg"]},
            {"id": "wg1", "naam": LONG, "niveau": "uitvoering", "status": "voorgesteld", "rapporteert_aan": ["sg"],
             "frequentie": "maandelijks", "sinds": "2024-02"},
            {"id": "wg2", "naam": "Werkgroep Taal", "niveau": "uitvoering", "rapporteert_aan": ["sg"]},
            {"id": "wg3", "naam": WORD, "niveau": "uitvoering", "rapporteert_aan": ["bo"]},
            {"id": "kb", "naam": "Klankbordgroep ouders", "niveau": "advies", "status": "voorgesteld", "adviseert": ["sg"]},
            {"id": "net", "naam": "Lerend netwerk kansengelijkheid", "niveau": "netwerk",
             "frequentie": "jaarlijkse brede bijeenkomst, webinars en een website"},
            {"id": "oud", "naam": "Regiegroep van vroeger", "niveau": "regie", "status": "beeindigd", "sinds": "2019-09",
             "rapporteert_aan": ["bo"]},
        ],
        **extra,
    })


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def box_of(svg: BeautifulSoup, name_start: str):
    return next(g for g in svg.select("g.lea-diagram__box") if g.select_one(".lea-diagram__name").get_text(" ").startswith(name_start))


def test_long_names_and_frequencies_wrap_whole_inside_their_box():
    svg = soup(governance.governance_diagram(agenda()))
    for g in svg.select("g.lea-diagram__box"):
        rect = g.select_one("rect")
        top, bottom = float(rect["y"]), float(rect["y"]) + float(rect["height"])
        for text, size, bold in ((g.select_one(".lea-diagram__name"), NAME_SIZE, True), (g.select_one(".lea-diagram__meta"), META_SIZE, False)):
            if text is None:
                continue
            for span in text.select("tspan"):
                assert text_width(span.get_text(), size, bold) <= BOX_W - 2 * PAD, span.get_text()
                assert top < float(span["y"]) - size * 0.8 and float(span["y"]) + size * 0.3 < bottom, span.get_text()
    # Every word of the long name and the whole frequency are there, in order: nothing cut off.
    long_box = box_of(svg, "Regionale")
    assert " ".join(s.get_text() for s in long_box.select(".lea-diagram__name tspan")) == LONG
    assert len(long_box.select(".lea-diagram__name tspan")) > 3
    word_box = box_of(svg, "Werkgroepzonder")
    assert "".join(s.get_text() for s in word_box.select(".lea-diagram__name tspan")) == WORD
    bo = box_of(svg, "Bestuurlijk overleg")
    assert " ".join(s.get_text() for s in bo.select(".lea-diagram__meta tspan")) == FREQUENCY
    # The tall box grows; a short one in the same row does not.
    assert float(long_box.select_one("rect")["height"]) > float(box_of(svg, "Werkgroep Taal").select_one("rect")["height"])


def test_edges_avoid_boxes_of_any_height():
    svg = soup(governance.governance_diagram(agenda()))
    boxes = [(float(r["x"]), float(r["y"]), float(r["height"])) for r in svg.select("g.lea-diagram__box rect")]
    edges = svg.select("polyline.lea-diagram__edge")
    assert len(edges) == 6  # the ended body and its edge are not drawn
    for edge in edges:
        points = [tuple(map(float, p.split(","))) for p in edge["points"].split()]
        for a, b in zip(points, points[1:]):
            assert not [box for box in boxes if _crosses(a, b, box)], (a, b)


def test_proposed_network_role_and_ended_bodies_are_drawn_as_what_they_are():
    data = agenda()
    svg = soup(governance.governance_diagram(data))
    names = [g.select_one(".lea-diagram__name").get_text(" ") for g in svg.select("g.lea-diagram__box")]
    assert not any("Regiegroep van vroeger" in n for n in names), "an ended body is not drawn"
    assert len(names) == len(data.organen) - 1
    proposed = box_of(svg, "Klankbordgroep")
    assert "lea-diagram__box--voorgesteld" in proposed["class"]
    assert "voorgesteld, nog niet ingesteld" in proposed.select_one(".lea-diagram__meta").get_text(" ")
    network = box_of(svg, "Lerend netwerk")
    assert "lea-diagram__box--netwerk" in network["class"]
    role = box_of(svg, "Procesmanager")
    assert "lea-diagram__box--rol" in role["class"] and "één persoon" in role.get_text(" ")
    assert float(role.select_one("rect")["rx"]) > 6
    # The network stands apart: below the line that closes the bodies that decide.
    divider = svg.select_one(".lea-diagram__divider")
    assert divider is not None and float(network.select_one("rect")["y"]) > float(divider["y1"])
    assert all(float(g.select_one("rect")["y"]) < float(divider["y1"]) for g in svg.select("g.lea-diagram__box") if g is not network)
    # The secretary is a line in the steering group's box, not a box of its own.
    assert "secretaris: procesmanager LEA" in box_of(svg, "Stuurgroep").get_text(" ")
    # Shapes are explained: in the legend and in the text alternative.
    legend = svg.get_text(" ")
    assert "voorgesteld, nog niet ingesteld" in legend and "netwerk, neemt geen besluiten" in legend and "functie van één persoon" in legend
    desc = svg.select_one("desc").get_text()
    assert "Klankbordgroep ouders is voorgesteld en nog niet ingesteld." in desc
    assert "Lerend netwerk kansengelijkheid is een netwerk: het neemt geen besluiten." in desc
    assert "Regiegroep van vroeger" not in desc
    assert "gestopt" in soup(governance.governance_diagram(data)).select_one("figcaption").get_text()


def test_legend_shows_only_the_kinds_the_agenda_has():
    plain = Agenda.model_validate({
        "info": {"titel": "T", "regio": {"naam": "R", "gemeenten": ["A"]}, "periode": {"van": 2023, "tot": 2026}, "vaststelling": {"status": "concept"}},
        "organen": [{"id": "sg", "naam": "Stuurgroep", "niveau": "regie"}],
    })
    svg = soup(governance.governance_diagram(plain))
    assert "voorgesteld" not in svg.get_text() and "netwerk" not in svg.get_text() and svg.select_one(".lea-diagram__divider") is None
    assert "gestopt" not in svg.select_one("figcaption").get_text()


def test_text_tells_status_secretary_size_minutes_chair_and_what_a_body_replaces():
    data = agenda()
    out = governance.governance_text(data, lambda t: "/" + t)
    page = soup(out.replace("\n", " "))
    text = page.get_text(" ")
    for expected in ("Secretaris", "procesmanager LEA", "Grootte", "5 tot 8 deelnemers", "Verslagen", "binnen twee weken naar alle leden",
                     "Voorzitterschap", "roulerend uit de leden, per jaar", "Vervangt", "Oude stuurgroep", "REA-overleg",
                     "Sinds", "april 2023", "voorgesteld, nog niet ingesteld (voorgesteld in februari 2024)", FREQUENCY,
                     "gestopt (bestond sinds september 2019)", "Het neemt geen besluiten", "één persoon: procesmanager LEA"):
        assert expected in text, expected
    # Headings: proposed bodies say so; ended bodies come last, under their own heading; anchors stay.
    assert "#### Klankbordgroep ouders \\(voorgesteld\\) {#orgaan-kb}" in out
    assert out.index("### Netwerk en kennisdeling") < out.index("### Overleggen die gestopt zijn") < out.index("{#orgaan-oud}")
    assert out.count("{#orgaan-") == len(data.organen)


def test_a_body_as_party_is_its_name_linked_to_its_anchor():
    data = agenda()
    from lea_site.model import Party

    out = soup(party(data, Party(orgaan="wg2"), lambda t: "/" + t))
    assert out.select_one("a")["href"] == "/organisatie.md#orgaan-wg2" and out.get_text() == "Werkgroep Taal"
    out = soup(party(data, Party(orgaan="wg2", rol="trekker"), lambda t: "/" + t))
    assert out.get_text() == "trekker (Werkgroep Taal)"
    assert party(data, Party(orgaan="wg2")) == "Werkgroep Taal"  # without links


@pytest.mark.parametrize("payload", ['"><script>alert(1)</script>', "</text></svg><img src=x onerror=alert(2)>"])
def test_new_fields_are_escaped_in_diagram_and_text(payload):
    data = agenda()
    sg = data.body("sg")
    for field in ("omvang", "verslag", "voorzitterschap"):
        setattr(sg, field, payload)
    sg.vervangt = [payload]
    sg.secretaris.rol = payload
    data.body("net").naam = payload + " " + LONG
    for out in (governance.governance_diagram(data), governance.governance_text(data, lambda t: t)):
        assert "<script" not in out and "<img" not in out
        assert "&lt;" in out


def test_a_group_named_by_one_role_is_not_a_person():
    from lea_site.model import Body
    from lea_site.render.governance import is_role

    assert is_role(Body(id="pm", naam="Onafhankelijke programmamanager", niveau="regie", soort="programmamanager", leden=[{"rol": "programmamanager"}]))
    assert not is_role(Body(id="kb", naam="Ouderklankbord", niveau="advies", soort="klankbordgroep",
                            leden=[{"rol": "ouders uit de wijken"}], omvang="10 tot 12 ouders"))
    assert not is_role(Body(id="kb", naam="Klankbordgroep", niveau="advies", leden=[{"rol": "ouders"}]))
