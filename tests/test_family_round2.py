"""Issue 29, round two: the shapes a fresh encoding of three agendas still squeezed, each where it belongs.

The fictional agenda Veenhoven (tests/fixtures/veenhoven) is an agreement signed by three parties, each on
its own date and place; its interventions have funding with a purpose, about-amounts per year and per
location and a total; their target groups are counted in months, one from before birth; it builds on
policy that is no LEA (a council's policy note, a prevention agreement); its bodies are part of another,
merge, or are an existing body in a new role, one has a member 'bij voorkeur' and a note on how it stands;
and it has its own word for an intervention. test_family.py checks that every item is on the site; here:
the PDF, agenda.json, the Woo sitemap's date, ``lea diff``, the ages, and the Dutch errors for bad values.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from lea_site.diff import diff_markdown
from lea_site.exports import opendata, pdf, woo
from lea_site.load import load
from lea_site.model import Adoption, Agenda, AgendaInfo, Funding, Naming
from lea_site.render import format as fmt
from lea_site.values import parse_ages

from .conftest import FIXTURE_TODAY, FIXTURES

VEENHOVEN = FIXTURES / "veenhoven"


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    result = load(VEENHOVEN, FIXTURE_TODAY)
    assert result.problems == []
    return result.agenda


def changed(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of the fixture with texts replaced (each must be there)."""
    folder = tmp_path / "data"
    shutil.copytree(VEENHOVEN, folder)
    source = folder / "agenda.yml"
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    source.write_text(text, encoding="utf-8")
    return folder


# --- ages in months and from before birth ---------------------------------------------------------


@pytest.mark.parametrize("written,shown,years,data", [
    ("-9 maanden t/m 6 jaar", "9 maanden voor de geboorte t/m 6 jaar", (0, 6), "-9 maanden t/m 72 maanden"),
    ("0-18 maanden", "0-18 maanden", (0, 2), "0 maanden t/m 18 maanden"),
    ("6 maanden tot 4 jaar", "6 maanden t/m 4 jaar", (0, 4), "6 maanden t/m 48 maanden"),
    ("-9 t/m 0 maanden", "9 maanden voor de geboorte t/m de geboorte", (0, 0), "-9 maanden t/m 0 maanden"),
    ("4-12", "4-12 jaar", (4, 12), "4-12"),  # as before
])
def test_ages_in_months_keep_their_words_and_fall_in_whole_years(written, shown, years, data):
    ages = parse_ages(written)
    assert (str(ages), (ages.low, ages.high), ages.data) == (shown, years, data)
    assert parse_ages(ages.data) == ages  # agenda.json's spelling reads back to the same range


@pytest.mark.parametrize("written,message", [
    ("-2 jaar t/m 4 jaar", "vóór de geboorte kan hoogstens 9 maanden zijn"),
    ("-10 maanden t/m 1 jaar", "vóór de geboorte kan hoogstens 9 maanden zijn"),
    ("24 maanden t/m 6 maanden", "de eerste leeftijd is hoger dan de tweede"),
    ("zwangerschap", "-9 maanden t/m 6 jaar (in maanden)"),
])
def test_bad_ages_are_refused_in_dutch(written, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_ages(written)


# --- the word for an intervention -------------------------------------------------------------------


def test_the_word_for_an_intervention_is_the_agendas_and_never_its_goal_word():
    base = {"titel": "T", "regio": {"naam": "R", "gemeenten": ["R"]}, "periode": {"van": 2022, "tot": 2024}}
    plain = Agenda(info=AgendaInfo(**base))
    goals_are_programmes = Agenda(info=AgendaInfo(**base, benaming={"enkelvoud": "programma", "meervoud": "programma's"}))
    own = Agenda(info=AgendaInfo(**base, benaming_interventie={"enkelvoud": "aanpak", "meervoud": "aanpakken"}))
    assert plain.intervention_naming() == Naming(enkelvoud="programma", meervoud="programma's")  # as before
    assert goals_are_programmes.intervention_naming().meervoud == "interventies"  # 'Programma's' would name the goals
    assert own.intervention_naming().meervoud == "aanpakken"


# --- adoption by several signatories -----------------------------------------------------------------


def test_an_agreement_names_its_parties_and_every_signature_with_its_own_date_and_place(agenda):
    text = fmt.adoption(agenda.info.vaststelling, agenda)
    assert text == ("een overeenkomst tussen Gemeente Veenhoven, Ministerie van Onderwijs, Cultuur en Wetenschap en Stichting Basis "
                    "Veenhoven, ondertekend door wethouder onderwijs (Gemeente Veenhoven) op 11 april 2022 in Veenhoven, minister voor "
                    "primair en voortgezet onderwijs (Ministerie van Onderwijs, Cultuur en Wetenschap) op 19 april 2022 in Den Haag en "
                    "voorzitter van het college van bestuur (Stichting Basis Veenhoven) op 21 april 2022 in Veenhoven")
    # an adoption by one body reads as before, and one with both says both
    assert fmt.adoption(Adoption(status="vastgesteld", door="de raad", datum="2021-10-14")) == "vastgesteld op 14 oktober 2021 door de raad"
    assert fmt.amount(Funding(bron="OAB", per="jaar")) == "bedrag per jaar niet bekend"  # never dropped, never € 0
    both = Adoption(status="vastgesteld", door="de raad", ondertekenaars=[{"rol": "wethouder", "datum": "2021-11"}])
    assert fmt.adoption(both) == "vastgesteld door de raad; ondertekend door wethouder in november 2021"


def test_the_woo_sitemap_dates_an_agreement_by_its_last_signature_and_never_guesses(agenda, tmp_path):
    listed = woo.documents(agenda, [pdf.AGENDA], FIXTURE_TODAY)
    [(path, _, made, adopted, _)] = [d for docs in listed.values() for d in docs]
    assert (path, made, adopted) == (pdf.AGENDA, date(2022, 4, 21), date(2022, 4, 21))
    # one signature without a date: the day it took effect is unknown, so the agenda is not listed as adopted
    undated = load(changed(tmp_path, ("datum: 2022-04-19, plaats: Den Haag", "plaats: Den Haag")), FIXTURE_TODAY).agenda
    assert undated.info.vaststelling.day() is None
    assert not any(woo.documents(undated, [pdf.AGENDA], FIXTURE_TODAY).values())


def test_lea_diff_says_which_signature_changed(agenda, tmp_path):
    later = load(changed(tmp_path, ("datum: 2022-04-21, plaats: Veenhoven}", "datum: 2022-05-02, plaats: Veenhoven}"),
                         ("bedrag: 45000", "bedrag: 47000"), ("    gaat_samen_met: [werkgroep-peuters]\n",
                                                              "    gaat_samen_met: [werkgroep-peuters]\n    deel_van: [stuurgroep]\n")),
                 FIXTURE_TODAY).agenda
    text = diff_markdown(agenda, later)
    assert "Agenda › vaststelling › ondertekenaars 3 › datum: 21 april 2022 → 2 mei 2022" in text
    assert "Interventie `peuterplus` › financiering 1 › bedrag: € 45.000 → € 47.000" in text
    assert "Orgaan `werkgroep-taal` › deel\\_van: **nieuw**: 'stuurgroep'" in text


# --- the PDF and open data -----------------------------------------------------------------------------


def test_the_agenda_pdf_has_every_new_shape(agenda, tmp_path: Path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext ontbreekt; installeer poppler-utils")
    out = tmp_path / "agenda.pdf"
    out.write_bytes(pdf.downloads(agenda, FIXTURE_TODAY)[pdf.AGENDA])
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True).stdout
    shown = re.sub(r"[\s\u00ad\u00a0\u200b-]+", "", raw)
    expected = [
        fmt.adoption(agenda.info.vaststelling, agenda),
        "Verwant beleid: Beleidsnota Samen sterk opgroeien", "vastgesteld in april 2021 door de gemeenteraad van Veenhoven",
        "Verwant beleid: Lokaal preventieakkoord Veenhoven",
        "Voor aanstaande ouders en kinderen van 9 maanden voor de geboorte t/m 4 jaar.",
        "Aanpakken", "Netwerk eerste duizend dagen: aanstaande ouders en gezinnen met jonge kinderen in De Vaart",
        "(9 maanden voor de geboorte t/m 4 jaar)", "peuters met een VVE-indicatie (18 maanden t/m 4 jaar)",
        "Totale kosten", "ca. € 180.000 per jaar", "GKA, voor coördinatie (12 uur per week): ca. € 51.000 per jaar (2022-2024)",
        "ca. € 45.000 per locatie per jaar. De andere helft komt uit het budget voor jeugdhulp.",
        "bestond al als het bestuurlijk overleg onderwijs en opvang",  # in the org chart
        "is onderdeel van Werkgroep Taal, Werkgroep Peuters", "gaat samen met Werkgroep Peuters",
        "Omvat", "Bestond al als", "Is onderdeel van", "Bij voorkeur als lid",
        "beleidsmedewerker met kennis van de subsidieregels (Gemeente Veenhoven)",
        "Stand van zaken", agenda.body("werkgroep-taal").stand_van_zaken,
    ]
    missing = [e for e in expected if re.sub(r"[\s\u00ad\u00a0\u200b-]+", "", e) not in shown]
    assert not missing, missing
    assert "jaarjaar" not in shown  # a target group's ages are not followed by a second 'jaar'


def test_agenda_json_carries_every_new_field(agenda):
    data = json.loads(opendata.files(agenda, today=FIXTURE_TODAY)[opendata.JSON])
    adoption = data["agenda"]["vaststelling"]
    assert adoption["overeenkomst"] is True
    assert [(s["rol"], s["partner"], s["datum"], s["plaats"]) for s in adoption["ondertekenaars"]] == [
        ("wethouder onderwijs", "gemeente", "2022-04-11", "Veenhoven"),
        ("minister voor primair en voortgezet onderwijs", "ocw", "2022-04-19", "Den Haag"),
        ("voorzitter van het college van bestuur", "basis", "2022-04-21", "Veenhoven")]
    assert [r["soort"] for r in data["agenda"]["verwant"]] == ["beleid", "beleid"]
    assert data["agenda"]["benaming_interventie"] == {"enkelvoud": "aanpak", "meervoud": "aanpakken"}
    items = {i["id"]: i for i in data["interventies"]}
    first = items["eerste-duizend-dagen"]
    assert first["doelgroep"]["leeftijden"] == "-9 maanden t/m 48 maanden"
    assert first["kosten"] == {"bedrag": 180000, "circa": True, "per": "jaar"}
    assert [(f["doel"], f["bedrag"], f["circa"], f["per"]) for f in first["financiering"]] == [
        ("voorbereiding", 24000, False, None), ("coördinatie (12 uur per week)", 51000, True, "jaar"), (None, None, False, None)]
    assert items["peuterplus"]["financiering"][0]["toelichting"] == "De andere helft komt uit het budget voor jeugdhulp."
    bodies = {b["id"]: b for b in data["organen"]}
    assert bodies["broedplaats"]["deel_van"] == ["werkgroep-taal", "werkgroep-peuters"]
    assert bodies["werkgroep-taal"]["gaat_samen_met"] == ["werkgroep-peuters"]
    assert bodies["stuurgroep"]["bestond_als"].startswith("het bestuurlijk overleg")
    assert bodies["werkgroep-taal"]["stand_van_zaken"].startswith("De twee trekkers")
    assert [m["lid"] for m in bodies["werkgroep-taal"]["leden"]] == ["vast", "vast", "bij voorkeur"]


def test_the_funding_table_keeps_purpose_circa_and_unit(agenda):
    table = next(t for t in opendata.tables(agenda, FIXTURE_TODAY) if t.name == "financiering")
    names = [c[0] for c in table.columns]
    rows = [dict(zip(names, r)) for r in table.rows]
    assert [(r["doel"], r["bedrag"], r["circa"], r["per"]) for r in rows if r["interventie_id"] == "peuterplus"] == [
        (None, 45000, True, "locatie per jaar")]


# --- bad values: Dutch errors with file, line and field -----------------------------------------------


def line_of(folder: Path, text: str) -> int:
    """The line of agenda.yml that holds ``text`` (the first one)."""
    lines = (folder / "agenda.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_bad_values_of_the_new_shapes_are_named_with_file_line_and_field(tmp_path):
    folder = changed(tmp_path,
                     ("leeftijden: -9 maanden t/m 4 jaar\n  - id: taal", "leeftijden: -2 jaar t/m 4 jaar\n  - id: taal"),
                     ("kosten: {bedrag: 180000, circa: true, per: jaar}", "kosten: {circa: true, per: jaar}"),
                     ("lid: bij voorkeur}", "lid: liefst}"),
                     ("    - soort: beleid\n      id: beleidsnota", "    - soort: beleidsnota\n      id: beleidsnota"),
                     ("vaststelling: {status: vastgesteld, door: de gemeenteraad van Veenhoven, datum: april 2021}",
                      "vaststelling: {status: concept, ondertekenaars: [{rol: wethouder}]}"))
    found = {(Path(p.file).name, p.line, p.path): p.message for p in load(folder, FIXTURE_TODAY).problems}
    assert found == {
        ("agenda.yml", line_of(folder, "soort: beleidsnota"), "agenda.verwant[beleidsnota].soort"): "onbekende waarde 'beleidsnota'; bedoelde je 'beleid'?",
        ("agenda.yml", line_of(folder, "status: concept, ondertekenaars"), "agenda.verwant[beleidsnota].vaststelling"):
            "een concept is nog niet ondertekend; zet status op vastgesteld of laat ondertekenaars weg",
        ("agenda.yml", line_of(folder, "-2 jaar t/m 4 jaar"), "ambities[goede-start].leeftijden"):
            "leeftijdsbereik '-2 jaar t/m 4 jaar': vóór de geboorte kan hoogstens 9 maanden zijn (-9 maanden)",
        ("agenda.yml", line_of(folder, "kosten: {circa"), "interventies[eerste-duizend-dagen].kosten"):
            "circa zonder bedrag: noem ook het bedrag, bijvoorbeeld {bedrag: 120000, circa: true, per: jaar}",
        ("agenda.yml", line_of(folder, "lid: liefst"), "organen[werkgroep-taal].leden[3].lid"):
            "onbekende waarde 'liefst'; kies uit: vast, bij voorkeur, bijvoorbeeld, mogelijk",
    }


def test_unknown_ids_in_signatures_and_body_relations_are_errors(tmp_path):
    folder = changed(tmp_path, ("partner: ocw, datum", "partner: ministerie, datum"), ("deel_van: [stuurgroep]", "deel_van: [stuurgroep-lea]"),
                     ("gaat_samen_met: [werkgroep-peuters]", "gaat_samen_met: [werkgroep-taal]"))
    found = {(p.line, p.path): p.message for p in load(folder, FIXTURE_TODAY).problems}
    assert found == {
        (line_of(folder, "partner: ministerie"), "agenda.vaststelling.ondertekenaars[2].partner"):
            "onbekende partner 'ministerie': staat niet in partners; bekende ids: basis, gemeente, jgz, ocw, opvang",
        (line_of(folder, "deel_van: [stuurgroep-lea]"), "organen[oogo].deel_van[1]"): "onbekend orgaan 'stuurgroep-lea': staat niet in organen; bedoelde je 'stuurgroep'?",
        (line_of(folder, "gaat_samen_met: [werkgroep-taal]"), "organen[werkgroep-taal].gaat_samen_met[1]"): "orgaan 'werkgroep-taal' kan niet naar zichzelf verwijzen",
    }


def test_an_agreement_without_parties_is_refused():
    with pytest.raises(ValueError, match="een overeenkomst is tussen partijen"):
        Adoption(status="vastgesteld", overeenkomst=True, ondertekenaars=[{"rol": "wethouder"}])
    with pytest.raises(ValueError, match="ondertekenaars zeggen dat het document is vastgesteld"):
        Adoption(ondertekenaars=[{"rol": "wethouder"}])
