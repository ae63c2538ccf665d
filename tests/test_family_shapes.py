"""Issue 29, items 1 to 5: the shapes the model had squeezed, each where it belongs and never guessed.

The fictional agenda Eikenburg (tests/fixtures/eikenburg) has every new shape: goals at two levels with
numbers per level, an action line under two ambitions, a result shared by two goals, goals about content
and about process, priorities, shared statements (also in plain words), a process manager with seven
tasks, a steering group whose members own the ambitions, members given as examples and as possible, a
mandate, an organisation that is a draft, a working group from a school year, a document and a year plan
that do not say whether they were adopted, a drafting period, two partnerships with a level, and an
introduction to the vision. test_family.py checks that every item of it is on the site; here: that the
site, the PDF and agenda.json say each of them rightly, and say nothing false about what is not given.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lea_site.exports import opendata, pdf
from lea_site.load import load
from lea_site.model import Adoption
from lea_site.render import format as fmt

from .conftest import FIXTURE_TODAY, FIXTURES

EIKENBURG = FIXTURES / "eikenburg"


@pytest.fixture(scope="module")
def agenda():
    result = load(EIKENBURG, FIXTURE_TODAY)
    assert result.problems == []
    return result.agenda


@pytest.fixture(scope="module")
def pages(built_site):
    root = built_site("eikenburg").site

    def page(rel: str) -> BeautifulSoup:
        return BeautifulSoup((root / rel).read_text(encoding="utf-8"), "html.parser")
    return page


def text(node) -> str:
    return " ".join(node.get_text(" ").split()).replace(" .", ".").replace("( ", "(").replace(" )", ")").replace(" ,", ",")


def facts(soup: BeautifulSoup, anchor: str | None = None) -> dict[str, str]:
    """The definition list after a heading (by its anchor), or the first on the page: label -> text."""
    start = soup.find(id=anchor) if anchor else soup.select_one("article")
    dl = start.find_next("dl")
    return {text(dt): text(dt.find_next_sibling("dd")) for dt in dl.find_all("dt")}


# --- 1. goals at two levels -------------------------------------------------------------------------


def test_goals_are_numbered_per_level_and_read_in_tree_order(agenda):
    assert [(g.id, agenda.level(g), g.nummer) for g in agenda.ambities] == [
        ("goede-start", 0, 1), ("voorschool", 1, 1), ("overdracht", 1, 3), ("basisvaardigheden", 0, 2),
        ("leesplezier", 1, 2), ("samenwerking", 0, 3), ("overleg-op-orde", 1, 4)]
    overdracht = agenda.ambition("overdracht")
    assert (overdracht.onder, overdracht.ook_onder) == ("goede-start", ["basisvaardigheden"])


def test_each_goal_page_names_its_number_parents_kind_and_priority(pages):
    lines = {gid: text(pages(f"ambities/{gid}/index.html").select_one("article p.lea-muted"))
             for gid in ("goede-start", "overdracht", "leesplezier", "samenwerking")}
    assert lines == {
        "goede-start": "Dit is ambitie 1 van de 3 ambities van de agenda. Inhoudelijk doel met prioriteit.",
        "overdracht": "Actielijn 3 van de ambities 1. Een goede start voor elk kind en 2. Sterke basisvaardigheden. Procesdoel met prioriteit.",
        "leesplezier": "Actielijn 2 van de ambitie 2. Sterke basisvaardigheden.",  # no kind, no priority: nothing said
        "samenwerking": "Dit is ambitie 3 van de 3 ambities van de agenda. Procesdoel.",
    }
    # The action line under two ambitions is listed on both, each naming the other.
    for here, other in (("goede-start", "2. Sterke basisvaardigheden"), ("basisvaardigheden", "1. Een goede start voor elk kind")):
        items = [text(li) for li in pages(f"ambities/{here}/index.html").select("article li") if "warme overdracht" in text(li)]
        assert len(items) == 1 and items[0].startswith("3. Een warme overdracht") and f"(ook bij {other})" in items[0]


def test_a_shared_result_is_on_both_goals_once_each(pages):
    result = "Bij elke overstap gaat er een overdracht mee, met toestemming van de ouders."
    found = {}
    for gid in ("goede-start", "basisvaardigheden", "samenwerking"):
        soup = pages(f"ambities/{gid}/index.html")
        heading = soup.find(id="beoogde-resultaten")
        found[gid] = [text(li) for li in heading.find_next("ul").find_all("li")] if heading else []
    assert found["goede-start"][1] == f"{result} (ook voor 2. Sterke basisvaardigheden)"
    assert found["basisvaardigheden"][1] == f"{result} (gedeeld met 1. Een goede start voor elk kind)"
    assert found["samenwerking"] == []  # a goal without results has no empty section


# --- 2. the shared statement ------------------------------------------------------------------------


def test_statement_is_its_own_block_and_not_the_parents_summary(pages, agenda):
    soup = pages("ambities/goede-start/index.html")
    blocks = {text(b.select_one(".lea-block__label")): text(b.select_one("p:not(.lea-block__label)")) for b in soup.select("article .lea-block")}
    goal = agenda.ambition("goede-start")
    assert blocks == {"Gezamenlijke doelstelling": goal.doelstelling.tekst, "In gewone woorden": goal.doelstelling.eenvoudig}
    assert text(soup.select_one("article p.lea-lead")) == goal.samenvatting
    # A goal without a statement shows no such block.
    assert pages("ambities/leesplezier/index.html").select("article .lea-block") == []


# --- 3 and 4. roles, members, mandate, a draft organisation ------------------------------------------


def test_organisation_page_has_the_draft_the_role_with_its_seven_tasks_and_members_as_agreed(pages, agenda):
    soup = pages("organisatie/index.html")
    article = soup.select_one("article")
    note = article.select_one(".admonition")
    assert text(note).startswith("Concept Deze organisatie is een eerste opzet (concept)")
    assert "###" not in text(article)  # the note does not swallow the Markdown after it
    role = agenda.role("procesmanager")
    role_facts = facts(soup, "rol-procesmanager")
    assert [text(li) for li in soup.find(id="rol-procesmanager").find_next("dl").find_all("li")] == role.taken and len(role.taken) == 7
    assert role_facts["Omvang"] == "16 uur per week" and role_facts["Legt verantwoording af aan"] == "Stuurgroep LEA Eikenburg"
    steering = facts(soup, "orgaan-stuurgroep")
    assert steering["Leden"].count("(eigenaar van ") == 6 and "directeur (SWV PO Eikenland) (eigenaar van 3. Een samenwerking die werkt)" in steering["Leden"]
    assert steering["Mandaat"] == agenda.body("stuurgroep").mandaat
    group = facts(soup, "orgaan-werkgroep-taal")
    assert group["Leden"] == "intern begeleider (Stichting Basisonderwijs Eikenburg), taalcoördinator (Eikenlaan Lyceum)"
    assert group["Voorbeelden van leden"] == "bibliothecaris onderwijs, logopedist"
    assert group["Mogelijke leden"] == "ouder"  # 'kan een ouder zijn': never listed as a member
    assert group["Sinds"] == "schooljaar 2021-2022"


def test_goal_owners_among_members_are_on_the_goal_the_professionals_and_the_partners_pages(pages):
    owners = pages("ambities/samenwerking/index.html").find(id="wie-werkt-eraan").find_next("ul")
    assert [text(li) for li in owners.find_all("li")] == [
        "directeur (SWV PO Eikenland) (lid van Stuurgroep LEA Eikenburg)", "directeur (SWV VO Eikenland) (lid van Stuurgroep LEA Eikenburg)"]
    rows = {text(tr.find(["th", "td"])): [text(td) for td in tr.find_all(["th", "td"])]
            for tr in pages("professionals/index.html").select("article table tbody tr")}
    assert "Eigenaars directeur (SWV PO Eikenland), directeur (SWV VO Eikenland)" in rows["Een samenwerking die werkt"]  # stacked: label, value
    partner = facts(pages("partners/index.html"), "partner-swv-vo")
    assert partner["Sector"] == "samenwerkingsverband passend onderwijs (voortgezet onderwijs, voortgezet speciaal onderwijs)"
    assert partner["Eigenaar van"] == "Een samenwerking die werkt"


# --- 5. document facts ------------------------------------------------------------------------------


def test_an_adoption_not_stated_is_said_so_and_never_guessed(pages, agenda):
    assert agenda.info.vaststelling.status is None and agenda.year_plan("2021-2022").vaststelling.status is None
    home = facts(pages("index.html"))
    assert home["Status"] == "niet vermeld"
    assert facts(pages("over/index.html"))["Vaststelling"] == "niet vermeld"
    year = text(pages("schooljaren/2021-2022/index.html").select_one("article"))
    assert "Of dit jaarplan is vastgesteld, is niet vermeld." in year
    assert not re.search(r"concept|vastgesteld (op|in|door)", year.replace("Of dit jaarplan is vastgesteld", ""), re.I)
    links = [text(li) for li in pages("index.html").find(id="schooljaren").find_next("ul").find_all("li")]
    assert links == ["Schooljaar 2021-2022 vaststelling niet vermeld (huidig)"]
    assert fmt.adoption(Adoption()) == "niet vermeld"


def test_drafting_period_and_the_introduction_to_the_vision(pages, agenda):
    over = text(pages("over/index.html").select_one("article"))
    assert "Geschreven van februari 2021 t/m juni 2021." in over
    home = pages("index.html")
    intro = home.find(id="onze-visie").find_next("p")
    assert text(intro).startswith("Voordat de partners afspraken maakten")  # first under the heading, then the vision
    assert text(intro.find_next("p")).startswith("Elk kind in Eikenburg groeit op")


# --- the PDF and open data ----------------------------------------------------------------------------


def test_the_agenda_pdf_has_every_new_shape(agenda, tmp_path: Path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext ontbreekt; installeer poppler-utils")
    files = pdf.downloads(agenda, FIXTURE_TODAY)
    out = tmp_path / "agenda.pdf"
    out.write_bytes(files[pdf.AGENDA])
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    shown = re.sub(r"[\s\u00ad\u00a0\u200b-]+", "", re.sub(r"\s*\([^()]*(?:\([^()]*\))?[^()]*\)", lambda m: m.group(0) if "eigenaar" in m.group(0)
                                                                     or "lid van" in m.group(0) or "gedeeld" in m.group(0) or "ook voor" in m.group(0)
                                                                     or "sinds" in m.group(0) else "", raw))
    expected = [
        "Dit is ambitie 1 van de 3 ambities van de agenda. Inhoudelijk doel met prioriteit.",
        "Actielijn 3 van de ambities 1. Een goede start voor elk kind en 2. Sterke basisvaardigheden. Procesdoel met prioriteit.",
        agenda.ambition("goede-start").doelstelling.tekst, agenda.ambition("goede-start").doelstelling.eenvoudig,
        "Bij elke overstap gaat er een overdracht mee, met toestemming van de ouders. (gedeeld met 1. Een goede start voor elk kind)",
        "Voorbeelden van leden", "bibliothecaris onderwijs, logopedist", "Mogelijke leden", "(sinds schooljaar 2021-2022)",
        agenda.body("stuurgroep").mandaat, "Concept: deze organisatie is een eerste opzet",
        *agenda.role("procesmanager").taken, "16 uur per week",
        "Geschreven van februari 2021 t/m juni 2021.", "Vaststelling van de agenda niet vermeld", "Of dit jaarplan is vastgesteld, is niet vermeld.",
        agenda.info.visie_inleiding.strip(),
    ]
    missing = [e for e in expected if re.sub(r"[\s\u00ad\u00a0\u200b-]+", "", e) not in shown]
    assert not missing, missing
    assert "concept(nogniet" not in shown  # the agenda's adoption is not stated: no guess


def test_agenda_json_carries_every_new_field(agenda):
    data = json.loads(opendata.files(agenda, today=date(2022, 6, 1))[opendata.JSON])
    assert data["formaatversie"] == "1.2"
    info = data["agenda"]
    assert info["vaststelling"] == {"status": None, "datum": None, "door": None, "ondertekenaars": [], "overeenkomst": False}
    assert info["organisatie"]["vaststelling"]["status"] == "concept" and info["visie_inleiding"].startswith("Voordat")
    assert info["document"]["totstandkoming"]["periode"] == "2021-02 t/m 2021-06"
    goals = {g["id"]: g for g in data["ambities"]}
    assert [g["id"] for g in data["ambities"]][:3] == ["goede-start", "voorschool", "overdracht"]
    assert (goals["overdracht"]["onder"], goals["overdracht"]["ook_onder"], goals["overdracht"]["soort"], goals["overdracht"]["prioriteit"]) == (
        "goede-start", ["basisvaardigheden"], "proces", True)
    assert goals["goede-start"]["resultaten"][1]["ook_voor"] == ["basisvaardigheden"]
    assert goals["goede-start"]["doelstelling"]["eenvoudig"] == agenda.ambition("goede-start").doelstelling.eenvoudig
    bodies = {b["id"]: b for b in data["organen"]}
    assert [m["lid"] for m in bodies["werkgroep-taal"]["leden"]] == ["vast", "vast", "bijvoorbeeld", "bijvoorbeeld", "mogelijk"]
    assert bodies["werkgroep-taal"]["sinds"] == "2021-2022" and bodies["stuurgroep"]["leden"][0]["eigenaar_van"] == ["goede-start"]
    assert data["rollen"][0]["taken"] == agenda.role("procesmanager").taken
    assert {p["id"]: p["niveau"] for p in data["partners"] if p["niveau"]} == {"swv-po": ["po"], "swv-vo": ["vo", "vso"]}


def test_existing_data_sets_stay_valid_and_the_demo_says_what_it_said():
    """New fields are optional: every existing agenda loads unchanged, and an adoption that is given is shown as before."""
    for folder in sorted(FIXTURES.iterdir()):
        assert load(folder, FIXTURE_TODAY).problems == [], folder.name
    assert fmt.adoption(Adoption(status="concept")) == "concept (nog niet vastgesteld)"
    assert fmt.adoption(Adoption(status="vastgesteld", door="de gemeenteraad")) == "vastgesteld door de gemeenteraad"
